//! Reading where the person is (numbering, what became of each question)
//! and going back to the results from a revision.

use super::{Session, Stage, Step};
use crate::assessment::QuestionIndex;

/// What became of a question so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Answered,
    /// Moved past without an answer.
    Skipped,
    /// Not reached yet (jumping ahead does not skip what lies between).
    NotYet,
    /// Hidden by an earlier answer (its `show_if`), so not asked.
    Hidden,
}

impl Session {
    /// The visible questions, in order.
    pub fn visible_questions(&self) -> Vec<QuestionIndex> {
        (0..self.visible.len())
            .filter(|q| self.visible[*q])
            .collect()
    }

    /// The current question's number among those shown, and how many are.
    pub fn position(&self) -> (usize, usize) {
        let shown = self.visible_questions();
        let n = shown
            .iter()
            .position(|q| *q == self.current)
            .map_or(0, |p| p + 1);
        (n, shown.len())
    }

    /// How many options or points the current question offers.
    pub(crate) fn choices(&self) -> usize {
        crate::assessment::kinds::choices(&self.question().kind)
    }

    /// Whether a revision from the results is under way (confirming a
    /// question returns to the results).
    pub fn revising(&self) -> bool {
        self.revising
    }

    /// Back to the results of a finished session without changing an
    /// answer; a typed text is kept.
    pub fn to_results(&mut self) -> Step {
        if !self.meta.complete {
            return Step::info("The results come after the last question.");
        }
        let kept = self.keep_text();
        self.revising = false;
        self.stage = Stage::Results;
        kept
    }

    /// What became of a question so far.
    pub fn fate(&self, q: QuestionIndex) -> Fate {
        let id = &self.assessment.questions[q].id;
        if !self.visible[q] {
            Fate::Hidden
        } else if self.answers.get(q).is_some() {
            Fate::Answered
        } else if self.meta.moved_past(id).unwrap_or(q < self.furthest) {
            Fate::Skipped
        } else {
            Fate::NotYet
        }
    }
}

/// Moving among the questions shown.
impl Session {
    pub(super) fn first_visible(&self) -> Option<QuestionIndex> {
        (0..self.visible.len()).find(|q| self.visible[*q])
    }

    pub(super) fn next_visible(&self, from: QuestionIndex) -> Option<QuestionIndex> {
        (from + 1..self.visible.len()).find(|q| self.visible[*q])
    }

    pub(super) fn previous_visible(&self, from: QuestionIndex) -> Option<QuestionIndex> {
        (0..from).rev().find(|q| self.visible[*q])
    }
}
