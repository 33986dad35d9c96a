//! Messages on the welcome, overview and results screens.

use super::scroll;
use crate::field::Field;
use crate::session::Effect;
use crate::session::open::{self, Chosen};
use crate::tui::app::{App, Status, View};
use crate::tui::keymap::{Context, Message, key};

pub(crate) fn on_welcome(app: &mut App, message: Message) -> Vec<Effect> {
    let View::Welcome {
        scroll: at,
        name,
        start_over_armed,
    } = &mut app.view
    else {
        return Vec::new();
    };
    match message {
        m if m.is_scroll() => {
            *at = scroll(*at, &m, app.size.1 / 2, app.drawn.borrow().welcome_max);
            Vec::new()
        }
        Message::Edit(edit) => {
            if let Some(field) = name {
                field.apply(&edit);
            }
            Vec::new()
        }
        Message::Start => {
            let Some(typed) = name.take().map(|f| f.text()) else {
                let step = app.session.start(None);
                return app.take(step);
            };
            // The name decides whose session opens: the core's rule. Opening
            // it is an effect for the loop (`App::perform` takes what came of it).
            match open::choose_person(&app.session, &app.disk, &typed) {
                Chosen::Start => {
                    let step = app.session.start(Some(typed));
                    app.take(step)
                }
                Chosen::Open(step) => app.take(step),
                Chosen::NoName => {
                    *name = Some(Field::new("", crate::record::NAME_LIMIT));
                    app.status = Some(Status::Warning(
                        "Type the mentee's name or initials first: it decides whose session opens."
                            .into(),
                    ));
                    Vec::new()
                }
                Chosen::Refused(why) => {
                    *name = Some(Field::new(&typed, crate::record::NAME_LIMIT));
                    app.status = Some(Status::Warning(why));
                    Vec::new()
                }
            }
        }
        Message::StartOver if app.session.resume().is_some() && !*start_over_armed => {
            *start_over_armed = true;
            let kept = if app.disk.people.is_some() {
                "the saved one is kept as it is"
            } else {
                "the saved answers are backed up first"
            };
            app.status = Some(Status::Warning(format!(
                "Press {} again to start a new session; {kept}.",
                key(Context::Welcome, &Message::StartOver)
            )));
            Vec::new()
        }
        Message::StartOver if app.session.resume().is_some() => {
            let name = name.take().map(|f| f.text());
            let step = app.session.start_over(name);
            app.take(step)
        }
        _ => Vec::new(),
    }
}

pub(crate) fn on_overview(app: &mut App, message: Message) -> Vec<Effect> {
    let View::Overview {
        cursor,
        from_results,
    } = &mut app.view
    else {
        return Vec::new();
    };
    // A finished session has one more entry: back to the results.
    let last = app.session.assessment().questions.len() - usize::from(!app.session.meta().complete);
    let page = app.size.1.saturating_sub(6).max(1) as usize;
    match message {
        Message::Up => *cursor = cursor.saturating_sub(1),
        Message::Down => *cursor = (*cursor + 1).min(last),
        Message::PageUp => *cursor = cursor.saturating_sub(page),
        Message::PageDown => *cursor = (*cursor + page).min(last),
        Message::First => *cursor = 0,
        Message::Last => *cursor = last,
        Message::Confirm if *cursor >= app.session.assessment().questions.len() => {
            let step = app.session.to_results();
            app.view = View::Results { scroll: 0 };
            return app.take(step);
        }
        Message::Confirm => {
            let q = *cursor;
            let step = app.session.jump(q);
            if app.session.visible()[q] {
                app.view = View::Question;
            }
            return app.take(step);
        }
        Message::Close => {
            app.view = if *from_results {
                View::Results { scroll: 0 }
            } else {
                View::Question
            }
        }
        _ => {}
    }
    Vec::new()
}

pub(crate) fn on_results(app: &mut App, message: Message) -> Vec<Effect> {
    let View::Results { scroll: at } = &mut app.view else {
        return Vec::new();
    };
    match message {
        m if m.is_scroll() => {
            *at = scroll(*at, &m, app.size.1 / 2, app.drawn.borrow().results_max);
            Vec::new()
        }
        Message::Revise => {
            let step = app.session.revise();
            app.view = View::Question;
            app.take(step)
        }
        Message::Overview => open_overview(app, true),
        Message::Plan => {
            app.view = View::Plan {
                cursor: 0,
                form: None,
            };
            Vec::new()
        }
        Message::WriteReport => {
            let step = app.session.write_report();
            app.take(step)
        }
        _ => Vec::new(),
    }
}

/// Opens the overview on the current question; a typed text is kept.
pub(crate) fn open_overview(app: &mut App, from_results: bool) -> Vec<Effect> {
    let step = app.session.keep_text();
    app.view = View::Overview {
        cursor: app.session.current(),
        from_results,
    };
    app.take(step)
}
