//! One session on two screens (live coaching): the coach's program holds
//! the session; the mentee's screen holds a second [`Session`] that is the
//! mentee's side of it, and the two are made equal after every operation
//! of either.
//!
//! The mentee's side is a projection, not a filter at drawing time: it has
//! no coach key, its assessment has no coach prompt, and of the coach's
//! notes it holds only those the coach shared. Whatever the mentee's screen
//! draws, and whatever bytes go to the mentee, come from it, so no drawing
//! mistake can put the coach's material there.
//!
//! What is shared between the two sides is the document (answers, the
//! person's notes, goals, reviews, bookkeeping). What each side keeps for
//! itself is its place: stage, question, draft and highlight.

use super::Session;
use crate::answers::conditions::visibility;

impl Session {
    /// The mentee's side of this session, on its welcome: no coach key, no
    /// coach prompts, and only the coach's notes that are shared.
    pub fn mentee_side(&self) -> Session {
        let mut side = Session::new(
            self.assessment.clone(),
            self.answers.clone(),
            self.meta.clone(),
        )
        .coached(None)
        .resuming(self.resume.clone());
        side.meta.coach_notes = self.meta.coach_notes.shared_only();
        side.previous = self.previous.clone();
        side.previous_score = self.previous_score.clone();
        side
    }

    /// Takes the document from the other side of a live session after it
    /// changed: answers, the person's notes, goals, reviews and
    /// bookkeeping. This side keeps its own place; its draft is made again
    /// only when the answer under it changed (the other side answered the
    /// same question), so a highlight or a half-made ranking is not lost to
    /// a change elsewhere.
    ///
    /// The coach's notes travel one way only: a side with the coach's key
    /// keeps its own (the mentee cannot change them); a side without takes
    /// only the shared ones.
    pub fn sync_from(&mut self, other: &Session) {
        let answer_changed = self.answers.get(self.current) != other.answers.get(self.current);
        self.answers = other.answers.clone();
        let coach_notes = match self.coach {
            Some(_) => std::mem::take(&mut self.meta.coach_notes),
            None => other.meta.coach_notes.shared_only(),
        };
        self.meta = other.meta.clone();
        self.meta.coach_notes = coach_notes;
        self.previous = other.previous.clone();
        self.previous_score = other.previous_score.clone();
        self.visible = visibility(&self.assessment, &self.answers);
        self.scored.take();
        self.furthest = self.furthest.max(other.furthest);
        if self.stage == super::Stage::Question && !self.visible[self.current] {
            // The other side's answer hid this question: go on to the next
            // one shown (or back to the last one shown before it).
            let q = self
                .next_visible(self.current)
                .or_else(|| self.previous_visible(self.current))
                .unwrap_or(self.current);
            self.enter(q);
        } else if answer_changed {
            self.moved = false;
            self.draft = self.draft_of(self.current);
        }
    }
}

/// A coach's session of the sample assessment with `prompt` as the coach
/// prompt of its first question, with this bookkeeping (for tests).
#[cfg(test)]
pub(crate) fn coached_sample(prompt: &str, meta: super::Meta) -> Session {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");
    let yaml = std::fs::read_to_string(path).unwrap().replace(
        "        text: I tinker with tools in my free time.",
        &format!("        text: I tinker with tools in my free time.\n        coach: {prompt}"),
    );
    let a = crate::assessment::load("sample.yaml", yaml.as_bytes())
        .unwrap()
        .0;
    let n = a.questions.len();
    Session::new(a, crate::answers::Answers::new(n), meta)
        .coached(super::audience::CoachKey::from_command_line(true))
}

#[cfg(test)]
mod tests {
    use crate::answers::Answer;
    use crate::session::{Meta, NoteTarget, Session, Stage};

    fn coach() -> Session {
        let mut s = super::coached_sample("PROMPT", Meta::default());
        let _ = s.start(None);
        s
    }

    #[test]
    fn the_mentee_side_has_no_key_no_prompt_and_no_private_note() {
        let mut c = coach();
        let _ = c.keep_note(NoteTarget::Question(0), "PRIVATE");
        let _ = c.keep_note(NoteTarget::Session, "SHARED");
        let _ = c.toggle_shared(NoteTarget::Session);
        let m = c.mentee_side();
        assert!(!m.is_coach());
        assert!(m.assessment().questions.iter().all(|q| q.coach.is_none()));
        let held = format!("{:?}", serde_yaml::to_string(&m.meta().coach_notes));
        assert!(!held.contains("PRIVATE"), "{held}");
        assert!(held.contains("SHARED"), "{held}");
        assert_eq!(m.stage(), Stage::Welcome);
    }

    #[test]
    fn an_answer_given_on_the_mentee_side_reaches_the_coach() {
        let mut c = coach();
        let mut m = c.mentee_side();
        let _ = m.start(None);
        let _ = m.pick(3);
        c.sync_from(&m);
        assert_eq!(c.answers().get(0), Some(&Answer::Likert(4)));
    }

    #[test]
    fn the_coach_keeps_private_notes_the_mentee_never_had() {
        let mut c = coach();
        let _ = c.keep_note(NoteTarget::Question(0), "PRIVATE");
        let mut m = c.mentee_side();
        let _ = m.start(None);
        let _ = m.pick(1);
        c.sync_from(&m);
        assert_eq!(c.note(NoteTarget::Question(0)), "PRIVATE");
    }

    #[test]
    fn a_note_the_coach_shares_later_reaches_the_mentee_and_a_private_one_does_not() {
        let mut c = coach();
        let mut m = c.mentee_side();
        let _ = c.keep_note(NoteTarget::Question(1), "PRIVATE");
        let _ = c.keep_note(NoteTarget::Question(0), "SHARED");
        let _ = c.toggle_shared(NoteTarget::Question(0));
        m.sync_from(&c);
        let held = serde_yaml::to_string(&m.meta().coach_notes).unwrap();
        assert!(
            held.contains("SHARED") && !held.contains("PRIVATE"),
            "{held}"
        );
    }

    #[test]
    fn each_side_keeps_its_own_place() {
        let mut c = coach();
        let mut m = c.mentee_side();
        let _ = m.start(None);
        let _ = m.pick(2);
        let _ = m.confirm();
        c.sync_from(&m);
        assert_eq!(c.current(), 0, "the coach stays where they were");
        assert_eq!(m.current(), 1);
        let _ = c.pick(0);
        m.sync_from(&c);
        assert_eq!(m.current(), 1, "the mentee stays where they were");
        assert_eq!(m.answers().get(0), Some(&Answer::Likert(1)));
    }

    #[test]
    fn an_answer_from_the_other_side_on_the_same_question_becomes_the_draft() {
        let mut c = coach();
        let mut m = c.mentee_side();
        let _ = m.start(None);
        let _ = c.pick(1);
        m.sync_from(&c);
        assert_eq!(m.draft(), c.draft());
    }
}
