//! The entries of `answers:` checked against an assessment one at a time:
//! as they are read, when the assessment is known before the file (as in
//! `score`), or from a file parsed first. Either way the same rules, here.

use super::file::Entry;
use super::{Answers, read_answer};
use crate::assessment::events::Pos;
use crate::assessment::problem::{Problem, did_you_mean};
use crate::assessment::{Assessment, QuestionIndex};
use compact_str::CompactString;

/// Unknown ids that get a "did you mean", at most. Each hint compares the
/// id with every known one, so hints are also bounded by
/// [`HINT_COMPARISONS`]: a file of a thousand typos must not cost ten times
/// a clean one. Past these, the message alone says enough.
const HINTED_UNKNOWN_IDS: usize = 20;

/// Comparisons all hints of one file may make together: the larger of
/// this and the number of answers in the file. Twenty hints in an
/// assessment of a thousand questions; in one of fifty thousand, one when
/// the file holds fifty thousand answers, none when it holds fewer.
const HINT_COMPARISONS: usize = 20_000;

/// What the entries of `answers:` fill in, one entry at a time; what they
/// came to is taken with [`Read::done`].
pub(super) struct Read<'a> {
    assessment: &'a Assessment,
    answers: Answers,
    /// Where each question's answer is written, for the warnings at the end.
    places: Vec<Option<Pos>>,
    /// In the order the entries came; `unknown` holds places in it, so
    /// nothing but `done` may reorder it.
    problems: Vec<Problem>,
    /// Entries read so far: the hint budget grows with the file.
    entries: usize,
    /// The first unknown ids, each with the problem that tells it: their
    /// hints wait for the end, when the budget is known.
    unknown: Vec<(usize, CompactString)>,
    /// The question answered last: the next answer is nearly always to
    /// one of the questions just after it.
    last: Option<QuestionIndex>,
}

/// What the entries of `answers:` came to ([`Read::done`]).
pub(super) struct Done {
    pub(super) answers: Answers,
    /// Where each question's answer is written, by question.
    pub(super) places: Vec<Option<Pos>>,
    /// In the order the entries came.
    pub(super) problems: Vec<Problem>,
}

impl<'a> Read<'a> {
    /// Nothing read yet.
    pub(super) fn new(assessment: &'a Assessment) -> Self {
        let questions = assessment.questions.len();
        Read {
            assessment,
            answers: Answers::new(questions),
            places: vec![None; questions],
            problems: Vec::new(),
            entries: 0,
            unknown: Vec::new(),
            last: None,
        }
    }

    /// Reads one answer, checked against its question, every problem
    /// pointed at the key or value that is wrong.
    pub(super) fn one(&mut self, entry: &Entry) {
        let a = self.assessment;
        self.entries += 1;
        let Entry {
            key,
            key_at,
            value,
            at,
            unreadable,
        } = entry;
        let Some(id) = key.id() else {
            self.problems.push(
                Problem::error(
                    "answers",
                    format!("answer key {} is not a question id", key.shown()),
                )
                .at(*key_at),
            );
            return;
        };
        let Some(q) = a.question_index_after(id, self.last) else {
            if self.unknown.len() < HINTED_UNKNOWN_IDS {
                self.unknown.push((self.problems.len(), id.into()));
            }
            self.problems.push(
                Problem::error(
                    format!("answers.{id}"),
                    format!("unknown question id \"{id}\""),
                )
                .at(*key_at),
            );
            return;
        };
        if self.places[q].is_some() {
            self.problems.push(
                Problem::error(
                    format!("answers.{id}"),
                    format!("question \"{id}\" is answered twice; keep one answer"),
                )
                .at(*key_at),
            );
            return;
        }
        self.places[q] = Some(*key_at);
        self.last = Some(q);
        let read = match unreadable {
            Some(why) => Err(why.to_string()),
            None => read_answer(a, q, value),
        };
        match read {
            Ok(answer) => self.answers.set(q, Some(answer)),
            Err(msg) => self.problems.push(
                Problem::error(format!("answers.{id}"), format!("question \"{id}\": {msg}"))
                    .at(*at),
            ),
        }
    }

    /// What every entry came to: the answers, where each is written, and
    /// the problems in the order the entries came, the first unknown ids
    /// with their "did you mean".
    pub(super) fn done(mut self) -> Done {
        self.hint();
        Done {
            answers: self.answers,
            places: self.places,
            problems: self.problems,
        }
    }

    /// Adds "did you mean" to the first unknown ids, as many as the
    /// budget allows now that every entry is counted.
    fn hint(&mut self) {
        let a = self.assessment;
        let budget = HINT_COMPARISONS.max(self.entries);
        let hints = HINTED_UNKNOWN_IDS.min(budget / a.questions.len().max(1));
        for (problem, id) in self.unknown.drain(..).take(hints) {
            if let Some(near) = did_you_mean(&id, a.questions.iter().map(|q| q.id.as_str())) {
                let message = &mut self.problems[problem].message;
                message.push_str(&format!("; did you mean \"{near}\"?"));
            }
        }
    }
}
