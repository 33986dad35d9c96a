//! Taking in what the disk learned while carrying out an effect: the
//! effect runner (`disk.rs`) reads the session and changes nothing in it,
//! so every change of a session happens here, in the core.

use super::{Learned, Meta, Session, Stage, Timestamp};

impl Session {
    /// Takes in what carrying out an effect learned.
    pub(crate) fn settle(&mut self, learned: Learned) {
        match learned {
            Learned::Saved(now) => self.meta = self.meta_at(now),
            Learned::Previous(previous) => self.set_previous(Some(*previous)),
            Learned::Opened(session) => *self = *session,
        }
    }

    /// The session's record as a save at `now` writes it: the time it
    /// changed, and when it started if the person has started.
    pub(crate) fn meta_at(&self, now: Timestamp) -> Meta {
        let mut meta = self.meta.clone();
        meta.updated = Some(now);
        if self.stage != Stage::Welcome && meta.started.is_none() {
            meta.started = Some(now);
        }
        meta
    }
}
