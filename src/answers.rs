//! Answers: one typed `Answer` per question type, and the answers file
//! (spec section 2) read, checked against an assessment, and written back.

use crate::assessment::problem::{Problem, Rejected, did_you_mean};
use crate::assessment::{Assessment, OptionIndex, QuestionIndex, QuestionKind};
use crate::conditions::visibility;
use crate::yaml;
use serde_yaml::{Mapping, Value};
use std::collections::BTreeMap;

/// A given answer, shaped by the question's type. Options are held by index.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// A point on the question's scale.
    Likert(i64),
    /// The chosen option.
    Choice(OptionIndex),
    /// The chosen options, distinct, in the order chosen.
    Multi(Vec<OptionIndex>),
    /// Every option exactly once, most preferred first.
    Rank(Vec<OptionIndex>),
    /// Free text; never scored.
    Text(String),
}

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
    pub fn to_mapping(&self, assessment: &Assessment) -> Mapping {
        let mut map = Mapping::new();
        for (q, answer) in self.values.iter().enumerate() {
            let Some(answer) = answer else { continue };
            let question = &assessment.questions[q];
            let ids = |list: &[OptionIndex]| -> Value {
                Value::Sequence(
                    list.iter()
                        .map(|o| Value::String(question.options()[*o].id.clone()))
                        .collect(),
                )
            };
            let value = match answer {
                Answer::Likert(v) => Value::Number((*v).into()),
                Answer::Choice(o) => Value::String(question.options()[*o].id.clone()),
                Answer::Multi(list) | Answer::Rank(list) => ids(list),
                Answer::Text(t) => Value::String(t.clone()),
            };
            map.insert(Value::String(question.id.clone()), value);
        }
        map
    }
}

/// Describes an answer in words, with labels rather than ids.
pub fn describe(assessment: &Assessment, q: QuestionIndex, answer: &Answer) -> String {
    let question = &assessment.questions[q];
    let label = |o: &OptionIndex| question.options()[*o].label.clone();
    match (answer, &question.kind) {
        (Answer::Likert(v), QuestionKind::Likert { scale, .. }) => match scale.label(*v) {
            Some(l) => format!("{v} ({l})"),
            None => format!("{v} of {}..{}", scale.min, scale.max),
        },
        (Answer::Choice(o), _) => label(o),
        (Answer::Multi(list), _) if list.is_empty() => "none of them".to_string(),
        (Answer::Multi(list), _) => list.iter().map(label).collect::<Vec<_>>().join(", "),
        (Answer::Rank(list), _) => list
            .iter()
            .enumerate()
            .map(|(i, o)| format!("{}. {}", i + 1, label(o)))
            .collect::<Vec<_>>()
            .join("  "),
        (Answer::Text(t), _) => format!("\"{t}\""),
        (Answer::Likert(v), _) => v.to_string(),
    }
}

/// A read and checked answers (or session) file.
#[derive(Debug, Clone)]
pub struct AnswersFile {
    pub answers: Answers,
    /// The app's bookkeeping mapping, when the file is a session.
    pub session: Option<Mapping>,
    /// Warnings: answers to hidden questions, notes on unknown questions.
    pub warnings: Vec<Problem>,
}

/// Longest note, in characters.
pub const NOTE_LIMIT: usize = 20_000;

const TOP_KEYS: [&str; 4] = ["assessment", "answers", "notes", "session"];

/// Whether a session mapping says the person is still answering, in which
/// case a required question may still be unanswered.
fn in_progress(session: Option<&Mapping>) -> bool {
    session.is_some_and(|s| s.get("complete").and_then(Value::as_bool) != Some(true))
}

/// Reads an answers file for `assessment`. Every problem names the
/// question id it is about. `file` is used in messages only.
pub fn read_answers(
    file: &str,
    bytes: &[u8],
    assessment: &Assessment,
) -> Result<AnswersFile, Rejected> {
    let reject = |problems: Vec<Problem>| Rejected {
        file: file.to_string(),
        problems,
    };
    let doc = yaml::parse_value(bytes, "an answers file", "assessment: career-tracks")
        .map_err(|p| reject(vec![p]))?;
    let Value::Mapping(top) = doc else {
        return Err(reject(vec![Problem::file_error(
            "an answers file is a mapping with `assessment:` and `answers:`; this file is not a mapping",
        )]));
    };
    let mut problems = Vec::new();
    for key in top.keys() {
        let name = key.as_str().unwrap_or("");
        if !TOP_KEYS.contains(&name) {
            let hint = did_you_mean(name, TOP_KEYS)
                .map(|n| format!("did you mean `{n}`? "))
                .unwrap_or_default();
            problems.push(Problem::error(
                "",
                format!("unknown key `{}`; {hint}an answers file has assessment, answers, notes and session", yaml::show(key)),
            ));
        }
    }
    match top.get("assessment") {
        None => problems.push(Problem::file_error(format!(
            "`assessment` is missing; add `assessment: {}` at the top",
            assessment.id
        ))),
        Some(Value::String(id)) if *id == assessment.id => {}
        Some(other) => problems.push(Problem::error(
            "assessment",
            format!(
                "these answers are for assessment \"{}\", not \"{}\"; score them with the assessment they were given for",
                yaml::show(other),
                assessment.id
            ),
        )),
    }
    let session = match top.get("session") {
        None | Some(Value::Null) => None,
        Some(Value::Mapping(m)) => Some(m.clone()),
        Some(_) => {
            problems.push(Problem::error(
                "session",
                "`session` must be a mapping (it holds the app's bookkeeping)",
            ));
            None
        }
    };
    let mut answers = Answers::new(assessment.questions.len());
    match top.get("answers") {
        None | Some(Value::Null) => {}
        Some(Value::Mapping(map)) => {
            for (key, value) in map {
                let Some(id) = key.as_str() else {
                    problems.push(Problem::error(
                        "answers",
                        format!("answer key {} is not a question id", yaml::show(key)),
                    ));
                    continue;
                };
                let Some(q) = assessment.question_index(id) else {
                    let hint = did_you_mean(id, assessment.questions.iter().map(|q| q.id.as_str()))
                        .map(|n| format!("; did you mean \"{n}\"?"))
                        .unwrap_or_default();
                    problems.push(Problem::error(
                        format!("answers.{id}"),
                        format!("unknown question id \"{id}\"{hint}"),
                    ));
                    continue;
                };
                match read_answer(assessment, q, value) {
                    Ok(a) => answers.set(q, Some(a)),
                    Err(msg) => problems.push(Problem::error(
                        format!("answers.{id}"),
                        format!("question \"{id}\": {msg}"),
                    )),
                }
            }
        }
        Some(_) => problems.push(Problem::error(
            "answers",
            "`answers` must be a mapping of question id to answer",
        )),
    }
    let mut warnings = Vec::new();
    match top.get("notes") {
        None | Some(Value::Null) => {}
        Some(Value::Mapping(map)) => {
            for (key, value) in map {
                let (Some(id), Some(text)) = (key.as_str(), value.as_str()) else {
                    problems.push(Problem::error(
                        "notes",
                        format!("note {} must be text under a question id", yaml::show(key)),
                    ));
                    continue;
                };
                if assessment.question_index(id).is_none() {
                    warnings.push(Problem::warning(
                        format!("notes.{id}"),
                        format!("note on unknown question \"{id}\" is kept but not shown"),
                    ));
                }
                let length = text.chars().take(NOTE_LIMIT + 1).count();
                if length > NOTE_LIMIT {
                    problems.push(Problem::error(
                        format!("notes.{id}"),
                        format!("the note on \"{id}\" is over the limit of {NOTE_LIMIT} characters; shorten it"),
                    ));
                    continue;
                }
                answers.notes.insert(id.to_string(), text.to_string());
            }
        }
        Some(_) => problems.push(Problem::error(
            "notes",
            "`notes` must be a mapping of question id to text",
        )),
    }
    if !problems.is_empty() {
        return Err(reject(problems));
    }
    let visible = visibility(assessment, &answers);
    let relaxed = in_progress(session.as_ref());
    for (q, question) in assessment.questions.iter().enumerate() {
        let answered = answers.get(q).is_some();
        if !visible[q] && answered {
            warnings.push(Problem::warning(
                format!("answers.{}", question.id),
                format!(
                    "question \"{}\" is hidden by its show_if, so its answer is ignored",
                    question.id
                ),
            ));
        }
        if visible[q] && !answered && question.required && !relaxed {
            problems.push(Problem::error(
                format!("answers.{}", question.id),
                format!(
                    "question \"{}\" is required but has no answer; add one",
                    question.id
                ),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(reject(problems));
    }
    Ok(AnswersFile {
        answers,
        session,
        warnings,
    })
}

/// Checks one answer value against its question; the message says what is
/// wrong without naming the question (callers add it).
pub fn read_answer(
    assessment: &Assessment,
    q: QuestionIndex,
    value: &Value,
) -> Result<Answer, String> {
    let question = &assessment.questions[q];
    let options = question.options();
    let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
    let option = |v: &Value| -> Result<OptionIndex, String> {
        let Some(id) = v.as_str() else {
            return Err(format!(
                "{} is not an option id; options are {}",
                yaml::show(v),
                ids.join(", ")
            ));
        };
        options.iter().position(|o| o.id == id).ok_or_else(|| {
            let hint = did_you_mean(id, ids.iter().copied())
                .map(|n| format!("did you mean \"{n}\"? "))
                .unwrap_or_default();
            format!(
                "unknown option \"{id}\"; {hint}options are {}",
                ids.join(", ")
            )
        })
    };
    let list = |v: &Value| -> Result<Vec<OptionIndex>, String> {
        let Value::Sequence(items) = v else {
            return Err(format!(
                "expected a list of option ids like [{}], found {}",
                ids.iter().take(2).copied().collect::<Vec<_>>().join(", "),
                yaml::show(v)
            ));
        };
        let mut out = Vec::new();
        for item in items {
            let o = option(item)?;
            if out.contains(&o) {
                return Err(format!(
                    "option \"{}\" is repeated; name each option once",
                    options[o].id
                ));
            }
            out.push(o);
        }
        Ok(out)
    };
    match &question.kind {
        QuestionKind::Likert { scale, .. } => {
            let v = value.as_i64().ok_or_else(|| {
                format!(
                    "expected a whole number from {} to {}, found {}",
                    scale.min,
                    scale.max,
                    yaml::show(value)
                )
            })?;
            if v < scale.min || v > scale.max {
                return Err(format!(
                    "{v} is out of range; the scale runs from {} to {}",
                    scale.min, scale.max
                ));
            }
            Ok(Answer::Likert(v))
        }
        QuestionKind::Choice { .. } => option(value).map(Answer::Choice),
        QuestionKind::Multi { min, max, .. } => {
            let chosen = list(value)?;
            if chosen.len() < *min || chosen.len() > *max {
                return Err(format!(
                    "{} options chosen; choose from {min} to {max}",
                    chosen.len()
                ));
            }
            Ok(Answer::Multi(chosen))
        }
        QuestionKind::Rank { .. } => {
            let order = list(value)?;
            if order.len() != options.len() {
                let missing: Vec<&str> = (0..options.len())
                    .filter(|o| !order.contains(o))
                    .map(|o| ids[o])
                    .collect();
                return Err(format!(
                    "a ranking names every option once; missing {}",
                    missing.join(", ")
                ));
            }
            Ok(Answer::Rank(order))
        }
        QuestionKind::Text { max_length } => {
            let text = match value {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                other => return Err(format!("expected text, found {}", yaml::show(other))),
            };
            let n = text.chars().count();
            if n > *max_length {
                return Err(format!(
                    "text has {n} characters; at most {max_length} are allowed"
                ));
            }
            Ok(Answer::Text(text))
        }
    }
}
