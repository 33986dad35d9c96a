//! Starting: resuming where a saved session was, or starting a new one.

use super::{Effect, Session, Stage, Step, people};
use crate::answers::Answers;
use crate::answers::conditions::visibility;

impl Session {
    /// Starts, or resumes where the saved session was: at its question, or
    /// on the results when it was complete. `name` is the mentee's name
    /// when the front end asked for it.
    pub fn start(&mut self, name: Option<String>) -> Step {
        if let Some(name) = name {
            self.meta.name = people::stored_name(Some(&name));
        }
        let at = self
            .meta
            .position
            .as_deref()
            .and_then(|id| self.assessment.question_index(id))
            .filter(|q| self.visible[*q]);
        if self.meta.complete && self.resume.is_some() {
            self.stage = Stage::Results;
        } else {
            self.stage = Stage::Question;
            self.enter(at.or_else(|| self.first_visible()).unwrap_or(0));
        }
        self.resume = None;
        // From now on skips are kept one by one (see `Meta::skipped`); an
        // older session's skips are what it counted as skipped then.
        if self.meta.skipped.is_none() {
            let before: Vec<String> = (0..self.furthest)
                .filter(|q| self.visible[*q] && self.answers.get(*q).is_none())
                .map(|q| self.assessment.questions[q].id.to_string())
                .collect();
            self.meta.skipped = Some(before);
        }
        Step::save()
    }

    /// Starts a new session: no answers, notes, goals or reviews. The
    /// saved one is kept: `Effect::NewSessionFile` asks the disk to keep it (a copy
    /// beside an explicit session file, or a new file in the person's
    /// folder, which leaves the old one as it is).
    pub fn start_over(&mut self, name: Option<String>) -> Step {
        self.answers = Answers::new(self.assessment.questions.len());
        self.scored.take();
        self.visible = visibility(&self.assessment, &self.answers);
        let meta = &mut self.meta;
        meta.complete = false;
        meta.position = None;
        meta.started = None;
        meta.updated = None;
        meta.note = None;
        meta.coach_notes.clear();
        meta.goals.clear();
        meta.reviews.clear();
        meta.previous = None;
        self.previous = None;
        self.furthest = 0;
        self.resume = None;
        let step = Step {
            effects: vec![Effect::NewSessionFile],
            notice: None,
        };
        step.then(self.start(name))
    }
}
