//! The answers file (spec section 2): read once, then checked against an
//! assessment.

use super::{Answers, read_answer};
use crate::assessment::Assessment;
use crate::assessment::problem::{Problem, Rejected, did_you_mean};
use crate::conditions::visibility;
use crate::yaml;
use serde_yaml::{Mapping, Value};

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
