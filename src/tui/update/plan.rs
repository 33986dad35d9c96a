//! Goals: reviewing the previous session's at the start of a new one, and
//! choosing up to three after the results.

use crate::field::Field;
use crate::session::Effect;
use crate::session::goals::{Goal, Progress};
use crate::tui::app::Status;
use crate::tui::app::{App, GoalForm, View, first_unreviewed};
use crate::tui::keymap::{Context, Message, key};

/// How a goal of the previous session went: a digit, then a note.
pub(crate) fn on_review(app: &mut App, message: Message) -> Vec<Effect> {
    let View::Review { index, note } = &mut app.view else {
        return Vec::new();
    };
    let index = *index;
    match (note, message) {
        (None, Message::Number(n)) => {
            let Some(&progress) = n.checked_sub(1).and_then(|i| Progress::ALL.get(i)) else {
                return Vec::new();
            };
            app.view = View::Review {
                index,
                note: Some((
                    progress,
                    Field::new("", crate::record::goals::REVIEW_NOTE_LIMIT),
                )),
            };
            Vec::new()
        }
        (Some((_, field)), Message::Edit(edit)) => {
            field.apply(&edit);
            Vec::new()
        }
        (Some((progress, field)), m @ (Message::Confirm | Message::Close)) => {
            let text = (m == Message::Confirm).then(|| field.text());
            let step = app.session.review_goal(index, *progress, text);
            let effects = app.take(step);
            app.view = if app.session.needs_review() {
                View::Review {
                    index: first_unreviewed(&app.session),
                    note: None,
                }
            } else {
                View::Question
            };
            effects
        }
        _ => Vec::new(),
    }
}

/// The plan: goals so far, then the growth steps offered, then "in your
/// own words"; and the form a goal is written in.
pub(crate) fn on_plan(app: &mut App, message: Message) -> Vec<Effect> {
    let View::Plan { cursor, form } = &mut app.view else {
        return Vec::new();
    };
    let goals = app.session.goals().len();
    let offered = app.session.suggested_goals();
    let rows = goals + offered.len() + 1;
    if let Some(f) = form {
        // Only the very next key answers "drop it?".
        let drop_asked = std::mem::take(&mut f.drop_asked);
        match message {
            Message::Edit(edit) => {
                f.fields[f.at].apply(&edit);
            }
            // Typed words are not thrown away on one key: Esc asks first.
            Message::Close if f.typed() && !drop_asked => {
                f.drop_asked = true;
                let again = key(Context::GoalForm, &Message::Close);
                app.status = Some(Status::Warning(format!(
                    "Drop this goal and what you typed? {again} again drops it; any other key goes on writing."
                )));
            }
            Message::Close => *form = None,
            Message::Confirm if f.at + 1 < f.fields.len() => f.at += 1,
            Message::Confirm => {
                let target = f.fields[2].text();
                let goal = Goal {
                    text: f.fields[0].text(),
                    track: f.track.clone(),
                    done_when: f.fields[1].text(),
                    target: (!target.trim().is_empty()).then_some(target),
                };
                let before = app.session.goals().len();
                let decided = app.session.add_goal(goal);
                let saved = decided.accepted();
                let effects = app.take(decided.step());
                if saved && let View::Plan { form, cursor } = &mut app.view {
                    *form = None;
                    *cursor = before;
                }
                return effects;
            }
            _ => {}
        }
        return Vec::new();
    }
    match message {
        Message::Up => *cursor = cursor.saturating_sub(1),
        Message::Down => *cursor = (*cursor + 1).min(rows - 1),
        Message::First => *cursor = 0,
        Message::Last => *cursor = rows - 1,
        Message::Close => app.view = View::Results { scroll: 0 },
        Message::Clear if *cursor < goals => {
            let i = *cursor;
            let step = app.session.remove_goal(i);
            return app.take(step);
        }
        Message::Confirm if *cursor < goals => {
            app.status = Some(Status::Info(
                "That one is in your plan already; Backspace removes it.".into(),
            ));
        }
        Message::Confirm => {
            let i = *cursor - goals;
            *form = Some(match offered.get(i) {
                Some(s) => GoalForm::new(s.track.clone(), &s.step),
                None => GoalForm::new(None, ""),
            });
        }
        _ => {}
    }
    Vec::new()
}
