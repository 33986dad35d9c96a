//! A live session on two screens: the coach brings the mentee's screen to
//! theirs, and the mentee's screen leaves some things to the coach.

use crate::tui::app::{App, Bring, Status, View};
use crate::tui::keymap::Message;

/// The coach asks to bring the mentee's screen to their own: the question
/// on screen, or the results (which the mentee then sees). The loop's
/// companion carries it out after this update.
pub(crate) fn bring(app: &mut App) {
    let Some(live) = app.live.as_mut().filter(|l| !l.mentee) else {
        app.status = Some(Status::Info(
            "Bringing the mentee's screen along is part of a live session (run --coach --share)."
                .into(),
        ));
        return;
    };
    let (bring, words) = match app.view {
        View::Results { .. } => {
            live.results_shown = true;
            (
                Bring::Results,
                "The mentee now sees the results.".to_string(),
            )
        }
        _ => {
            let q = app.session.current();
            let number = app.session.visible()[..q].iter().filter(|v| **v).count() + 1;
            (
                Bring::Question(q),
                format!("The mentee's screen is on question {number} with yours."),
            )
        }
    };
    live.bring = Some(bring);
    app.status = Some(Status::Info(words));
}

/// What the mentee's screen leaves to the coach, with the sentence that
/// says so; None when the message is the mentee's to send.
pub(crate) fn left_to_coach(app: &App, message: &Message) -> Option<&'static str> {
    match message {
        Message::StartOver => {
            Some("Your coach opened this session for you; a new one is theirs to start.")
        }
        Message::Plan | Message::WriteReport if app.results_held() => {
            Some("Your coach will show you the results when you are both ready.")
        }
        Message::WriteReport => Some("Reports are written on your coach's computer: ask them."),
        Message::Suspend | Message::TogglePresenting | Message::ToggleScores => Some(""),
        Message::BringMentee => Some(""),
        _ => None,
    }
}
