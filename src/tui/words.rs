//! The terminal app's words for what the session says: refusals worded
//! with the keys of this front end, every key name taken from the keymap
//! table so that a hint never names a key that does something else.

use super::app::{App, Status};
use super::keymap::{Context, Message, key};
use crate::assessment::QuestionKind;
use crate::assessment::kinds::Refusal;
use crate::session::Notice;

/// A session notice as a status line.
pub fn notice(app: &App, notice: Notice) -> Status {
    match notice {
        Notice::Info(text) => Status::Info(text),
        Notice::Refused(why) => Status::Warning(refusal(app, &why)),
    }
}

/// "press 1-4 (or ↑↓ and Space), then Enter", with this question's keys.
fn how_to_answer(app: &App) -> String {
    let context = app.screen_context();
    let choices = app.session.choices();
    let last = if choices >= 10 {
        "0".to_string()
    } else {
        choices.to_string()
    };
    let arrows = format!(
        "{}{}",
        key(context, &Message::Up),
        key(context, &Message::Down)
    );
    let space = key(context, &Message::PickHighlighted);
    let enter = key(context, &Message::Confirm);
    match app.session.question().kind {
        QuestionKind::Multi { .. } => {
            format!("tick options with 1-{last} (or {arrows} and {space}), then {enter}")
        }
        QuestionKind::Text { .. } => format!("type your answer, then {enter}"),
        QuestionKind::Rank { .. } => {
            format!(
                "press their numbers in the order you prefer (or {arrows} and {space}), then {enter}"
            )
        }
        _ => format!("press 1-{last} (or {arrows} and {space}), then {enter}"),
    }
}

/// Why an answer or a move was refused, in this front end's words.
pub fn refusal(app: &App, why: &Refusal) -> String {
    let context = app.screen_context();
    let skip = key(context, &Message::Skip);
    match why {
        Refusal::NoSuchOption { count } => format!(
            "There {} only {count} here.",
            if *count == 1 { "is" } else { "are" }
        ),
        Refusal::TooFew { chosen, min } => format!(
            "{chosen} ticked: choose at least {min} (tick with their numbers), or {skip} to skip."
        ),
        Refusal::TooMany { chosen, max } => {
            format!("{chosen} ticked: choose at most {max}. Untick one with its number.")
        }
        Refusal::Repeated(o) => format!("Option {} is there twice.", o + 1),
        Refusal::Incomplete { missing } => {
            format!("{} options are not placed yet.", missing.len())
        }
        Refusal::AlreadyPlaced(o) => format!(
            "Option {} is already placed. {} starts the order again.",
            o + 1,
            key(context, &Message::Clear)
        ),
        Refusal::TooLong { max, .. } => format!("Answers here are at most {max} characters."),
        Refusal::Required if context == Context::Text => format!(
            "This question needs an answer: type it, then {}.",
            key(context, &Message::Confirm)
        ),
        Refusal::Required => format!("This question needs an answer: {}.", how_to_answer(app)),
        Refusal::NothingPicked => format!(
            "Pick an answer first: {}. {skip} skips this question.",
            how_to_answer(app)
        ),
        Refusal::Unranked => format!(
            "Rank the options first: {}. The order shown is only where they start.",
            how_to_answer(app)
        ),
        Refusal::NotSkippable => format!(
            "This question is required, so it cannot be skipped: {}.",
            how_to_answer(app)
        ),
    }
}
