//! Sections checked one at a time, as they are read.

use super::evidence::Evidence;
use super::questions::check_question;
use super::{Checker, Loc};
use crate::assessment::model::*;
use crate::assessment::problem::Problem;
use crate::assessment::raw::*;
use std::collections::HashSet;

/// Checks sections one at a time, as they are read: each question's texts
/// are moved into the model, not copied, and each raw section is dropped
/// once checked, so a large file is never held whole twice (as read and as
/// checked). Sections may refer only to questions before them, so what the
/// checker keeps of earlier sections is all a later one needs.
#[derive(Default)]
pub(super) struct SectionChecker {
    /// Every question id so far, with its place among the file's questions
    /// (valid or not). Becomes the model's lookup at the end.
    seen: IdMap<usize>,
    /// By place in the file: the question's index among the valid ones.
    slots: Vec<Option<QuestionIndex>>,
    section_ids: HashSet<String>,
    sections: Vec<Section>,
    questions: Vec<Question>,
    /// Likert questions without a scale of their own: they take the
    /// assessment's, which may be written after the sections.
    default_scaled: Vec<QuestionIndex>,
    /// Where each section's and question's id is written.
    pub(super) section_places: Vec<Pos>,
    pub(super) question_places: Vec<Pos>,
    /// What the valid questions can move, summed as each is checked.
    pub(super) evidence: Evidence,
}

impl SectionChecker {
    /// Checks one section and its questions, the next in the file.
    pub(super) fn section(&mut self, c: &mut Checker, mut s: RawSection) {
        let si = self.sections.len();
        let path = Loc::Root.item("sections", si, s.id.as_deref());
        let path = &path;
        // A question's path names its own id, not its section's.
        let plain = Loc::Root.item("sections", si, None);
        self.section_places
            .push(s.id.as_ref().map_or(s.at, |id| id.at));
        let id = c.id(&s.id, path, s.at, "section", true).map(String::from);
        if id.is_some()
            && let Some(written) = &s.id
            && !self.section_ids.insert(written.text.to_string())
        {
            c.error(
                path,
                written.at,
                format!("section id \"{written}\" is used twice; give each section its own id"),
            );
        }
        let title = c
            .required(s.title.as_deref(), path, s.at, "title", "What you value")
            .unwrap_or_default()
            .to_string();
        let raw_questions = s.questions.take().unwrap_or_default();
        if raw_questions.is_empty() {
            c.error(
                path,
                s.at,
                "a section needs at least 1 question; add `questions:`",
            );
        }
        let start = self.questions.len();
        self.evidence.section(c.track_ids.len());
        for (qi, mut q) in raw_questions.into_iter().enumerate() {
            let position = self.slots.len();
            let qid = q.id.take();
            self.question_places
                .push(qid.as_ref().map_or(q.at, |id| id.at));
            let qpath = plain.item("questions", qi, qid.as_deref());
            let known = Known {
                seen: &self.seen,
                slots: &self.slots,
                questions: &self.questions,
            };
            let default_scaled = q.scale.is_none();
            let mut question = check_question(c, q, &qid, &qpath, &known, si);
            if let Some(qid) = &qid {
                if self.seen.contains_key(&*qid.text) {
                    c.error(
                        &qpath,
                        qid.at,
                        format!(
                            "question id \"{qid}\" is used twice; give each question its own id"
                        ),
                    );
                    question = None;
                } else {
                    self.seen.insert(qid.text.clone(), position);
                }
            }
            // One slot for every question of the file, valid or not.
            self.slots
                .push(question.as_ref().map(|_| self.questions.len()));
            if let Some(question) = question {
                if default_scaled && matches!(question.kind, QuestionKind::Likert { .. }) {
                    self.default_scaled.push(self.questions.len());
                }
                // Before a default-scaled likert question gets its scale
                // (in `finish`): a likert range is its weight's, whatever
                // the scale (`kinds::likert::range`).
                self.evidence.question(self.questions.len(), &question);
                self.questions.push(question);
            }
        }
        self.sections.push(Section {
            id: id.unwrap_or_default(),
            title,
            intro: s.intro.take(),
            questions: start..self.questions.len(),
        });
    }

    /// The sections and questions checked, with the assessment's scale
    /// given to the likert questions without one. A condition that named a
    /// question not seen before it is reported here, now that every
    /// question is known: as a reference forward, or to an unknown id.
    pub(super) fn finish(
        mut self,
        c: &mut Checker,
        default_scale: &Scale,
    ) -> (Vec<Section>, Vec<Question>, IdMap<QuestionIndex>) {
        if self.sections.is_empty() {
            c.error(
                &Loc::Key("sections"),
                Pos { line: 1, column: 1 },
                "an assessment needs at least 1 section with at least 1 question; add `sections:`",
            );
        }
        for q in std::mem::take(&mut self.default_scaled) {
            if let QuestionKind::Likert { scale, .. } = &mut self.questions[q].kind {
                *scale = default_scale.clone();
            }
        }
        for missing in std::mem::take(&mut c.unseen) {
            let qid = &missing.question;
            let message = if self.seen.contains_key(qid.as_str()) {
                format!(
                    "show_if refers to question \"{qid}\", which comes later in the file; a condition may only refer to an earlier question"
                )
            } else {
                format!(
                    "show_if refers to unknown question \"{qid}\"{}",
                    missing.hint
                )
            };
            c.problems
                .push(Problem::error(missing.path, message).at(missing.at));
        }
        // The ids already held become the lookup of the valid questions, in
        // place: no second map of every id is built.
        let slots = self.slots;
        let mut lookup = self.seen;
        lookup.retain(|_, at| match slots[*at] {
            Some(slot) => {
                *at = slot;
                true
            }
            None => false,
        });
        (self.sections, self.questions, lookup)
    }
}

/// The questions before the current one, for resolving its `show_if`.
pub(super) struct Known<'k> {
    pub(super) seen: &'k IdMap<usize>,
    pub(super) slots: &'k [Option<QuestionIndex>],
    pub(super) questions: &'k [Question],
}
