//! How a question screen answers messages: picking, ticking, ordering,
//! typing, confirming, skipping and going back.

use super::app::{App, Status};
use super::keymap::Message;
use crate::answers::Answer;
use crate::assessment::QuestionKind;

/// Handles a message on the question screen.
pub fn on_question(app: &mut App, message: Message) {
    let kind = app.assessment.questions[app.current].kind.clone();
    let choices = app.choices();
    match message {
        Message::Confirm => confirm(app, &kind),
        Message::Skip => skip(app),
        Message::Back => app.retreat(),
        Message::Overview => app.open_overview(false),
        Message::Up => app.highlight = app.highlight.saturating_sub(1),
        Message::Down => app.highlight = (app.highlight + 1).min(choices.saturating_sub(1)),
        Message::Number(n) if n == 0 || n > choices => {
            app.status = Some(Status::Warning(format!(
                "There {} only {choices} here.",
                if choices == 1 { "is" } else { "are" }
            )));
        }
        Message::Number(n) => choose(app, &kind, n - 1),
        Message::PickHighlighted => choose_highlighted(app, &kind),
        Message::MoveUp | Message::MoveDown => move_option(app, message == Message::MoveUp),
        Message::Clear => {
            app.order = (0..choices).collect();
            app.placed = 0;
            app.highlight = 0;
            app.ticked.clear();
            if app.answers.get(app.current).is_some() {
                app.answer(None);
                app.status = Some(Status::Info("Answer cleared.".into()));
            }
        }
        // The guard applies the edit; only a refused one needs a word.
        Message::Edit(edit) if !app.field.apply(&edit) => {
            app.status = Some(Status::Warning(format!(
                "Answers here are at most {} characters.",
                app.field.limit
            )));
        }
        _ => {}
    }
}

/// Digit N (or a click): pick, tick or place option `i`.
pub fn choose(app: &mut App, kind: &QuestionKind, i: usize) {
    app.highlight = i;
    match kind {
        QuestionKind::Likert { scale, .. } => {
            app.answer(Some(Answer::Likert(scale.min + i as i64)))
        }
        QuestionKind::Choice { .. } => app.answer(Some(Answer::Choice(i))),
        QuestionKind::Multi { min, max, .. } => {
            match app.ticked.iter().position(|o| *o == i) {
                Some(at) => {
                    app.ticked.remove(at);
                }
                None => app.ticked.push(i),
            }
            let n = app.ticked.len();
            if (*min..=*max).contains(&n) {
                app.answer(Some(Answer::Multi(app.ticked.clone())));
            } else if n > *max {
                app.status = Some(Status::Warning(format!(
                    "{n} ticked: choose at most {max}. Untick one with its number."
                )));
            }
        }
        QuestionKind::Rank { .. } => place(app, i),
        QuestionKind::Text { .. } => {}
    }
}

fn choose_highlighted(app: &mut App, kind: &QuestionKind) {
    match kind {
        QuestionKind::Rank { .. } => {
            let option = app.order[app.highlight];
            place(app, option);
        }
        _ => choose(app, kind, app.highlight),
    }
}

/// Puts option `option` next in the order; the others keep their order after it.
fn place(app: &mut App, option: usize) {
    let Some(at) = app.order.iter().position(|o| *o == option) else {
        return;
    };
    if at < app.placed {
        app.status = Some(Status::Info(format!(
            "Option {} is already placed. Backspace starts the order again.",
            option + 1
        )));
        return;
    }
    app.order.remove(at);
    app.order.insert(app.placed, option);
    app.highlight = app.placed;
    app.placed += 1;
    app.answer(Some(Answer::Rank(app.order.clone())));
}

fn move_option(app: &mut App, up: bool) {
    let h = app.highlight;
    let target = if up {
        h.checked_sub(1)
    } else {
        (h + 1 < app.order.len()).then_some(h + 1)
    };
    let Some(t) = target else { return };
    app.order.swap(h, t);
    app.highlight = t;
    app.placed = app.placed.max(h.max(t) + 1);
    app.answer(Some(Answer::Rank(app.order.clone())));
}

fn how_to_answer(kind: &QuestionKind, choices: usize) -> String {
    let last = if choices >= 10 {
        "0".to_string()
    } else {
        choices.to_string()
    };
    match kind {
        QuestionKind::Multi { .. } => {
            format!("tick options with 1-{last} (or ↑↓ and Space), then Enter")
        }
        QuestionKind::Text { .. } => "type your answer, then Enter".to_string(),
        _ => format!("press 1-{last} (or ↑↓ and Space), then Enter"),
    }
}

fn confirm(app: &mut App, kind: &QuestionKind) {
    let required = app.assessment.questions[app.current].required;
    match kind {
        QuestionKind::Likert { .. } | QuestionKind::Choice { .. } => {
            if app.answers.get(app.current).is_some() {
                app.advance();
            } else {
                let how = how_to_answer(kind, app.choices());
                app.status = Some(Status::Warning(if required {
                    format!("This question needs an answer: {how}.")
                } else {
                    format!("Pick an answer first: {how}. Tab skips this question.")
                }));
            }
        }
        QuestionKind::Multi { min, max, .. } => {
            let n = app.ticked.len();
            if n < *min {
                app.status = Some(Status::Warning(format!(
                    "{n} ticked: choose at least {min} (tick with their numbers), or Tab to skip."
                )));
            } else if n > *max {
                app.status = Some(Status::Warning(format!(
                    "{n} ticked: choose at most {max}. Untick one with its number."
                )));
            } else {
                app.answer(Some(Answer::Multi(app.ticked.clone())));
                app.advance();
            }
        }
        QuestionKind::Rank { .. } => {
            app.answer(Some(Answer::Rank(app.order.clone())));
            app.advance();
        }
        QuestionKind::Text { .. } => {
            let text = app.field.text();
            if text.trim().is_empty() && required {
                app.status = Some(Status::Warning(
                    "This question needs an answer: type it, then Enter.".into(),
                ));
                return;
            }
            app.answer((!text.is_empty()).then_some(Answer::Text(text)));
            app.advance();
        }
    }
}

fn skip(app: &mut App) {
    if app.assessment.questions[app.current].required {
        let how = how_to_answer(&app.assessment.questions[app.current].kind, app.choices());
        app.status = Some(Status::Warning(format!(
            "This question is required, so it cannot be skipped: {how}."
        )));
        return;
    }
    // Skipping moves on; an answer already given is kept (Backspace clears one).
    app.keep_text();
    app.advance();
}
