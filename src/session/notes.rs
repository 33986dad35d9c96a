//! Whose a note is. The person (a mentee, or someone taking a
//! self-assessment) has their own notes, which stay theirs whoever opens
//! the session. In a coach's run, `Ctrl-N` writes the coach's note instead:
//! private until shared, kept sealed (`audience::Sealed`) so that nothing
//! made without the coach's key can read it.

use super::audience::{self, CoachNote, Shown};
use super::{Effect, NoteTarget, Notice, Session, Step};

impl Session {
    /// The person's own note on a target.
    fn own_note(&self, target: NoteTarget) -> Option<&str> {
        match target {
            NoteTarget::Question(q) => self
                .answers
                .notes
                .get(self.assessment.questions[q].id.as_str())
                .map(String::as_str),
            NoteTarget::Session => self.meta.note.as_deref(),
        }
    }

    /// The coach's note on a target (a coach's run only).
    fn coach_note(&self, target: NoteTarget) -> Option<&CoachNote> {
        let notes = self.meta.coach_notes.open(self.coach.as_ref()?);
        match target {
            NoteTarget::Question(q) => notes
                .questions
                .get(self.assessment.questions[q].id.as_str()),
            NoteTarget::Session => notes.session.as_ref(),
        }
    }

    /// The note this run writes on a target (empty if none): the coach's
    /// in a coach's run, else the person's own.
    pub fn note(&self, target: NoteTarget) -> String {
        match self.coach {
            Some(_) => self.coach_note(target).map(|n| n.text.clone()),
            None => self.own_note(target).map(str::to_string),
        }
        .unwrap_or_default()
    }

    /// Every note on a target that this run may show, own note first,
    /// each with whose it is. Without the coach's key a private note can
    /// never be among them.
    pub(crate) fn notes_on(&self, target: NoteTarget) -> Vec<Shown<'_>> {
        let id = match target {
            NoteTarget::Question(q) => Some(self.assessment.questions[q].id.as_str()),
            NoteTarget::Session => None,
        };
        audience::notes_on(
            self.own_note(target),
            &self.meta.coach_notes,
            id,
            self.coach.as_ref(),
        )
    }

    /// Whether the coach's note on `target` is shared with the mentee.
    /// False when there is no note, and outside a coach's run.
    pub fn is_shared(&self, target: NoteTarget) -> bool {
        self.coach_note(target)
            .is_some_and(|n| n.shared && !n.text.trim().is_empty())
    }

    /// Keeps the note this run writes (an empty one removes it) and saves
    /// it. A coach's note whose text is removed is unshared too, so that
    /// new words written in its place are never shared without being
    /// marked again; a new coach's note starts private.
    pub fn keep_note(&mut self, target: NoteTarget, text: &str) -> Step {
        let text = text.trim_end();
        let kept = (!text.trim().is_empty()).then(|| text.to_string());
        let id = match target {
            NoteTarget::Question(q) => Some(self.assessment.questions[q].id.to_string()),
            NoteTarget::Session => None,
        };
        match self.coach {
            Some(key) => {
                let notes = self.meta.coach_notes.open_mut(&key);
                let slot = match &id {
                    Some(id) => notes.questions.remove(id),
                    None => notes.session.take(),
                };
                let shared = slot.is_some_and(|n| n.shared);
                let note = kept.map(|text| CoachNote { text, shared });
                match (id, note) {
                    (Some(id), Some(n)) => {
                        notes.questions.insert(id, n);
                    }
                    (None, n) => notes.session = n,
                    (Some(_), None) => {}
                }
            }
            None => match (id, kept) {
                (Some(id), Some(t)) => {
                    self.answers.notes.insert(id, t);
                }
                (Some(id), None) => {
                    self.answers.notes.remove(&id);
                }
                (None, t) => self.meta.note = t,
            },
        }
        Step {
            effects: vec![Effect::Save],
            notice: Some(Notice::Info("Note saved.".into())),
        }
    }

    /// Shares the coach's note on `target` with the mentee, or makes it
    /// private again, and saves. Refused (nothing changes) outside a
    /// coach's run, where every note is already the person's own, and when
    /// there is no note to share.
    pub fn toggle_shared(&mut self, target: NoteTarget) -> Step {
        let Some(key) = self.coach else {
            return Step::info(
                "In a self-assessment every note is your own and is in your report.",
            );
        };
        if self.note(target).trim().is_empty() {
            return Step::info("There is no note to share yet: write it first.");
        }
        let shared = !self.is_shared(target);
        let notes = self.meta.coach_notes.open_mut(&key);
        let note = match target {
            NoteTarget::Question(q) => notes
                .questions
                .get_mut(self.assessment.questions[q].id.as_str()),
            NoteTarget::Session => notes.session.as_mut(),
        };
        if let Some(n) = note {
            n.shared = shared;
        }
        let said = if shared {
            "This note is now shared with the mentee: they see it, and it is in their takeaway."
        } else {
            "This note is private again: only the coach sees it."
        };
        Step {
            effects: vec![Effect::Save],
            notice: Some(Notice::Info(said.into())),
        }
    }
}
