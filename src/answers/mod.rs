//! Answers: one typed `Answer` per question type, and the answers file
//! (spec section 2) read, checked against an assessment, and written back.

mod check;
pub mod conditions;
mod entries;
mod file;
mod read;

pub use crate::assessment::kinds::Answer;
pub use file::{AnswersFile, NOTE_LIMIT, ParseError, ParsedFile, parse_file, read_answers};
pub use read::read_answer;

use crate::assessment::{Assessment, OptionIndex, QuestionIndex};
use serde_yaml::{Mapping, Value};
use std::collections::BTreeMap;

/// The answers to one assessment, by question index, with a coach's notes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    values: Vec<Option<Answer>>,
    /// Notes by question id.
    pub notes: BTreeMap<String, String>,
}

impl Answers {
    /// No answers yet for an assessment of `questions` questions.
    pub fn new(questions: usize) -> Self {
        Answers {
            values: vec![None; questions],
            notes: BTreeMap::new(),
        }
    }

    /// The answer to a question, if any.
    pub fn get(&self, q: QuestionIndex) -> Option<&Answer> {
        self.values.get(q).and_then(Option::as_ref)
    }

    /// Sets or clears (None) the answer to a question.
    pub fn set(&mut self, q: QuestionIndex, answer: Option<Answer>) {
        if let Some(slot) = self.values.get_mut(q) {
            *slot = answer;
        }
    }

    /// How many questions have an answer (visible or not).
    pub fn count(&self) -> usize {
        self.values.iter().filter(|a| a.is_some()).count()
    }

    /// The answers as the `answers:` mapping of an answers file, in file order.
    pub(crate) fn to_mapping(&self, assessment: &Assessment) -> Mapping {
        let mut map = Mapping::new();
        for (q, answer) in self.values.iter().enumerate() {
            let Some(answer) = answer else { continue };
            let question = &assessment.questions[q];
            let ids = |list: &[OptionIndex]| -> Value {
                Value::Sequence(
                    list.iter()
                        .map(|o| Value::String(question.options()[*o].id.to_string()))
                        .collect(),
                )
            };
            let value = match answer {
                Answer::Likert(v) => Value::Number((*v).into()),
                Answer::Choice(o) => Value::String(question.options()[*o].id.to_string()),
                Answer::Multi(list) | Answer::Rank(list) => ids(list),
                Answer::Text(t) => Value::String(t.clone()),
            };
            map.insert(Value::String(question.id.to_string()), value);
        }
        map
    }
}

/// Describes an answer in words, with labels rather than ids.
pub(crate) fn describe(assessment: &Assessment, q: QuestionIndex, answer: &Answer) -> String {
    crate::assessment::kinds::describe(&assessment.questions[q].kind, answer)
}
