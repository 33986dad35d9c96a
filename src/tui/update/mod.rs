//! `App::update`: the one place the app's state changes. Each message
//! becomes session operations and view changes; the effects those ask for
//! (save, back up, write a report) are returned for the loop to carry out.

mod live;
mod note;
mod plan;
mod question;
mod screens;

use super::app::{App, View};
use super::keymap::Message;
use crate::session::Effect;

impl App {
    /// Handles one message and returns the effects to carry out.
    pub fn update(&mut self, message: Message) -> Vec<Effect> {
        // Only the very next key answers "quit?" (a resize is no key).
        if !matches!(message, Message::Resize(..)) {
            self.quit_asked = false;
        }
        if self.too_small()
            && !matches!(
                message,
                Message::Quit | Message::Resize(..) | Message::Save | Message::Suspend
            )
        {
            return Vec::new();
        }
        if !matches!(message, Message::Resize(..) | Message::Click(..)) {
            self.status = None;
            if message != Message::StartOver
                && let View::Welcome {
                    start_over_armed, ..
                } = &mut self.view
            {
                *start_over_armed = false;
            }
        }
        if self.is_mentee_screen()
            && let Some(why) = live::left_to_coach(self, &message)
        {
            if !why.is_empty() {
                self.status = Some(super::app::Status::Info(why.into()));
            }
            return Vec::new();
        }
        if message == Message::TogglePresenting {
            return note::toggle_presenting(self);
        }
        if self.note.is_some() && self.help.is_none() {
            return note::on_note(self, message);
        }
        match message {
            Message::OpenNote => {
                note::open(self);
                Vec::new()
            }
            Message::ToggleScores => {
                note::toggle_scores(self);
                Vec::new()
            }
            Message::BringMentee => {
                live::bring(self);
                Vec::new()
            }
            Message::Quit => {
                let step = self.session.save();
                self.quit = true;
                self.take(step)
            }
            Message::Leave => {
                self.quit_asked = true;
                let again = super::keymap::key(self.context(), &Message::Leave);
                self.status = Some(super::app::Status::Info(format!(
                    "Quit? {again} again quits (your answers are saved); any other key stays."
                )));
                Vec::new()
            }
            Message::Save => {
                let step = self.session.save();
                self.take(step)
            }
            // The loop pauses the program; nothing changes here.
            Message::Suspend => Vec::new(),
            Message::Resize(w, h) => {
                self.size = (w, h);
                // Text reflows at a new size: a scrolled view starts again at
                // its top rather than somewhere in the middle.
                self.help = self.help.map(|_| 0);
                match &mut self.view {
                    View::Welcome { scroll, .. } | View::Results { scroll } => *scroll = 0,
                    _ => {}
                }
                Vec::new()
            }
            Message::Help => {
                self.help = Some(0);
                Vec::new()
            }
            _ if self.help.is_some() => {
                on_help(self, message);
                Vec::new()
            }
            Message::Click(col, row) => question::click(self, col, row),
            message => match self.view {
                View::Welcome { .. } => screens::on_welcome(self, message),
                View::Question => question::on_question(self, message),
                View::Overview { .. } => screens::on_overview(self, message),
                View::Results { .. } => screens::on_results(self, message),
                View::Review { .. } => plan::on_review(self, message),
                View::Plan { .. } => plan::on_plan(self, message),
            },
        }
    }
}

/// The help overlay: scroll it, or close it.
fn on_help(app: &mut App, message: Message) {
    let Some(at) = app.help else { return };
    let page = app.size.1 / 2;
    app.help = match message {
        Message::Close => None,
        m => Some(scroll(at, &m, page, app.drawn.borrow().help_max)),
    };
}

/// Where a scrolled view goes for Up, Down, PageUp or PageDown: a line or a
/// `page` at a time, held within 0..=max (as last drawn). Any other
/// message stays.
pub(super) fn scroll(at: u16, message: &Message, page: u16, max: u16) -> u16 {
    match message {
        Message::Up => at.saturating_sub(1),
        Message::PageUp => at.saturating_sub(page),
        Message::Down => at.saturating_add(1).min(max),
        Message::PageDown => at.saturating_add(page).min(max),
        Message::First => 0,
        Message::Last => max,
        _ => at,
    }
}
