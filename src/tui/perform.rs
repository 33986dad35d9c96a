//! Carrying out the effects `update` returns: the loop's part. The disk
//! does the work (`session::disk`); what came of it becomes the status
//! line, and opening a person's session decides the screen.

use super::app::{App, Status, View, first_unreviewed};
use crate::field::Field;
use crate::session::Effect;
use crate::session::disk::Done;

impl App {
    /// Carries out effects (the loop's part) and says what came of them.
    pub fn perform(&mut self, effects: &[Effect]) {
        if effects.is_empty() {
            return;
        }
        for done in self.disk.run(&mut self.session, effects) {
            self.status = Some(match done {
                Done::BackedUp(path) => Status::Info(format!(
                    "Started over. The earlier answers are kept in {}",
                    path.display()
                )),
                done @ Done::Report { .. } => Status::Info(done.report_words().unwrap_or_default()),
                Done::ReportFailed(why) => Status::Warning(why),
                done @ Done::Kept { .. } => Status::Info(done.kept_words().unwrap_or_default()),
                Done::Opened { name, welcome } => return self.opened(name, welcome),
                Done::NotOpened { name, why } => {
                    self.view = View::Welcome {
                        scroll: 0,
                        name: Some(Field::new(&name, crate::record::NAME_LIMIT)),
                        start_over_armed: false,
                    };
                    Status::Warning(why)
                }
            });
        }
        // A new session (`n`) learns its previous one from the disk: it
        // starts with the review of that session's goals, as reopening does.
        if self.view == View::Question
            && self.session.answers().count() == 0
            && self.session.needs_review()
        {
            self.view = View::Review {
                index: first_unreviewed(&self.session),
                note: None,
            };
        }
    }
    /// The person's session is open ([`Done::Opened`]): their saved session
    /// is offered on the welcome, or a new one starts now.
    fn opened(&mut self, name: String, welcome: bool) {
        // What opening it noticed (a `previous:` ignored) is said once.
        self.status = self.disk.warnings.pop().map(Status::Warning);
        if welcome {
            self.view = View::Welcome {
                scroll: 0,
                name: None,
                start_over_armed: false,
            };
        } else {
            let step = self.session.start(Some(name));
            let effects = self.take(step);
            self.perform(&effects);
        }
    }
}
