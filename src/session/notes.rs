//! Whose a note is. In coach mode a note is the coach's, private unless it
//! is marked as shared with the mentee: the takeaway (`crossroads report`)
//! shows only shared notes, the coach's copy shows them all. In a
//! self-assessment every note is the person's own, so sharing means nothing
//! there and every note is in their report.
//!
//! The bookkeeping is `Meta::shared_notes` (question ids) and
//! `Meta::note_shared` (the session note), kept in the session file.

use super::{Effect, NoteTarget, Notice, Session, Step};

impl Session {
    /// Whether the note of `target` is shared with the mentee. Always false
    /// when there is no note, whatever the bookkeeping says, so that a note
    /// written later starts private.
    pub fn is_shared(&self, target: NoteTarget) -> bool {
        if self.note(target).trim().is_empty() {
            return false;
        }
        match target {
            NoteTarget::Question(q) => {
                let id = &self.assessment.questions[q].id;
                self.meta.shared_notes.iter().any(|s| s == id)
            }
            NoteTarget::Session => self.meta.note_shared,
        }
    }

    /// Keeps a note (an empty one removes it) and saves it; a note whose
    /// text is removed is unshared too, so that new words written in its
    /// place are never shared without being marked again.
    pub fn keep_note(&mut self, target: NoteTarget, text: &str) -> Step {
        let step = self.set_note(target, text);
        if self.note(target).is_empty() {
            self.mark_shared(target, false);
        }
        step
    }

    /// Shares the note of `target` with the mentee, or makes it private
    /// again, and saves. Refused (nothing changes) outside coach mode,
    /// where every note is already the person's own, and when there is no
    /// note to share.
    pub fn toggle_shared(&mut self, target: NoteTarget) -> Step {
        if !self.meta.coach {
            return Step::info(
                "In a self-assessment every note is your own and is in your report.",
            );
        }
        if self.note(target).trim().is_empty() {
            return Step::info("There is no note to share yet: write it first.");
        }
        let shared = !self.is_shared(target);
        self.mark_shared(target, shared);
        let said = if shared {
            "This note is now shared with the mentee: it is in their takeaway."
        } else {
            "This note is private again: only the coach's copy shows it."
        };
        Step {
            effects: vec![Effect::Save],
            notice: Some(Notice::Info(said.into())),
        }
    }

    /// Records whether the note of `target` is shared.
    fn mark_shared(&mut self, target: NoteTarget, shared: bool) {
        match target {
            NoteTarget::Question(q) => {
                let id = self.assessment.questions[q].id.to_string();
                self.meta.shared_notes.retain(|s| *s != id);
                if shared {
                    self.meta.shared_notes.push(id);
                }
            }
            NoteTarget::Session => self.meta.note_shared = shared,
        }
    }
}
