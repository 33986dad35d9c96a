//! The answers file (spec section 2): parsed once into [`ParsedFile`], which
//! says what assessment it is for, then checked against that assessment.

use super::{Answers, read_answer};
use crate::assessment::Assessment;
use crate::assessment::problem::{Problem, Rejected, did_you_mean};
use crate::conditions::visibility;
use crate::session::Meta;
use crate::yaml;
use serde::{Deserialize, Deserializer};
use serde_yaml::{Mapping, Value};

/// A read and checked answers (or session) file.
#[derive(Debug, Clone)]
pub struct AnswersFile {
    pub answers: Answers,
    /// The app's bookkeeping, when the file is a session.
    pub session: Option<Meta>,
    /// Warnings: answers to hidden questions, notes on unknown questions.
    pub warnings: Vec<Problem>,
}

/// Longest note, in characters.
pub const NOTE_LIMIT: usize = 20_000;

const TOP_KEYS: [&str; 4] = ["assessment", "answers", "notes", "session"];

/// A top-level value: read as `T` when it has that shape, otherwise kept as
/// written with the reason, so that every problem of the file can be told
/// together and in the file's own words.
#[derive(Debug, Clone, Default)]
enum Field<T> {
    #[default]
    Absent,
    Read(T),
    Wrong(Value, String),
}

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        Ok(match T::deserialize(&value) {
            Ok(t) => Field::Read(t),
            Err(e) => Field::Wrong(value, e.to_string()),
        })
    }
}

impl<T> Field<T> {
    /// The value, with null counted as absent.
    fn given(&self) -> Option<Result<&T, (&Value, &str)>> {
        match self {
            Field::Absent | Field::Wrong(Value::Null, _) => None,
            Field::Read(t) => Some(Ok(t)),
            Field::Wrong(v, why) => Some(Err((v, why))),
        }
    }
}

/// The four keys of an answers file. An answer stays a YAML value until its
/// question is known, since each type of question takes another shape.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct Keys {
    assessment: Field<String>,
    answers: Field<Mapping>,
    notes: Field<Mapping>,
    session: Field<Meta>,
}

/// An answers or session file parsed once: what it says about itself (the
/// assessment, the session's bookkeeping) before it is checked against an
/// assessment with [`ParsedFile::check`].
#[derive(Debug, Clone)]
pub struct ParsedFile {
    /// The file's name, used in messages.
    pub name: String,
    keys: Keys,
    /// Top-level keys other than the four, in file order.
    unknown: Vec<Value>,
}

/// Why a file could not be parsed at all.
#[derive(Debug, Clone)]
pub enum ParseError {
    /// Not YAML, not UTF-8, too large or empty.
    Syntax(Problem),
    /// YAML, but not a mapping.
    NotAMapping,
}

impl ParseError {
    /// The problem in a sentence.
    pub fn problem(&self) -> Problem {
        match self {
            ParseError::Syntax(p) => p.clone(),
            ParseError::NotAMapping => Problem::file_error(
                "an answers file is a mapping with `assessment:` and `answers:`; this file is not a mapping",
            ),
        }
    }
}

/// Parses an answers or session file. `name` is used in messages only.
pub fn parse_file(name: &str, bytes: &[u8]) -> Result<ParsedFile, Rejected> {
    ParsedFile::parse(name, bytes).map_err(|e| Rejected {
        file: name.to_string(),
        problems: vec![e.problem()],
    })
}

/// Reads an answers file for `assessment`: [`parse_file`], then
/// [`ParsedFile::check`]. Every problem names the question id it is about.
pub fn read_answers(
    file: &str,
    bytes: &[u8],
    assessment: &Assessment,
) -> Result<AnswersFile, Rejected> {
    parse_file(file, bytes)?.check(assessment)
}

impl ParsedFile {
    /// Parses the file's YAML once into its keys.
    pub fn parse(name: &str, bytes: &[u8]) -> Result<ParsedFile, ParseError> {
        let doc = yaml::parse_value(bytes, "an answers file", "assessment: career-tracks")
            .map_err(ParseError::Syntax)?;
        let Value::Mapping(mut top) = doc else {
            return Err(ParseError::NotAMapping);
        };
        let known = |k: &Value| k.as_str().is_some_and(|k| TOP_KEYS.contains(&k));
        let unknown = top.keys().filter(|k| !known(k)).cloned().collect();
        top.retain(|k, _| known(k));
        // Every field takes any value, so this cannot fail; were it to, the
        // file is refused rather than read in part.
        let keys = serde_yaml::from_value(Value::Mapping(top))
            .map_err(|e| ParseError::Syntax(Problem::file_error(e.to_string())))?;
        Ok(ParsedFile {
            name: name.to_string(),
            keys,
            unknown,
        })
    }

    /// The assessment id, when `assessment:` is text.
    pub fn assessment_id(&self) -> Option<&str> {
        match &self.keys.assessment {
            Field::Read(id) => Some(id),
            _ => None,
        }
    }

    /// The session's bookkeeping, when `session:` is a readable mapping.
    pub fn meta(&self) -> Option<&Meta> {
        match &self.keys.session {
            Field::Read(m) => Some(m),
            _ => None,
        }
    }

    /// Checks the file against `assessment`; every problem is collected.
    pub fn check(&self, assessment: &Assessment) -> Result<AnswersFile, Rejected> {
        let mut problems: Vec<Problem> = self.unknown.iter().map(unknown_key).collect();
        match &self.keys.assessment {
            Field::Absent => problems.push(Problem::file_error(format!(
                "`assessment` is missing; add `assessment: {}` at the top",
                assessment.id
            ))),
            Field::Read(id) if *id == assessment.id => {}
            Field::Read(id) => {
                problems.push(other_assessment(&Value::String(id.clone()), assessment))
            }
            Field::Wrong(v, _) => problems.push(other_assessment(v, assessment)),
        }
        match self.keys.session.given() {
            Some(Err((Value::Mapping(_), why))) => problems.push(Problem::error(
                "session",
                format!("the app's bookkeeping cannot be read: {why}"),
            )),
            Some(Err(_)) => problems.push(Problem::error(
                "session",
                "`session` must be a mapping (it holds the app's bookkeeping)",
            )),
            _ => {}
        }
        let mut answers = Answers::new(assessment.questions.len());
        match self.keys.answers.given() {
            None => {}
            Some(Ok(map)) => read_all(map, assessment, &mut answers, &mut problems),
            Some(Err(_)) => problems.push(Problem::error(
                "answers",
                "`answers` must be a mapping of question id to answer",
            )),
        }
        let mut warnings = Vec::new();
        match self.keys.notes.given() {
            None => {}
            Some(Ok(map)) => {
                read_notes(map, assessment, &mut answers, &mut problems, &mut warnings)
            }
            Some(Err(_)) => problems.push(Problem::error(
                "notes",
                "`notes` must be a mapping of question id to text",
            )),
        }
        let reject = |problems: Vec<Problem>| Rejected {
            file: self.name.clone(),
            problems,
        };
        if !problems.is_empty() {
            return Err(reject(problems));
        }
        let session = self.meta().cloned();
        // A session in progress may still lack a required answer.
        let relaxed = session.as_ref().is_some_and(|m| !m.complete);
        let visible = visibility(assessment, &answers);
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

    /// What still fits `assessment` after it changed: every answer that is
    /// valid for it, the ids of those that are not, and the notes. Refused
    /// when `answers:` or `notes:` cannot be read at all, since the file
    /// would otherwise be replaced by one without them.
    pub fn salvage(&self, assessment: &Assessment) -> Result<(Answers, Vec<String>), String> {
        let mut answers = Answers::new(assessment.questions.len());
        let mut dropped = Vec::new();
        match self.keys.answers.given() {
            None => {}
            Some(Ok(map)) => {
                for (key, value) in map {
                    let id = key.as_str().unwrap_or_default().to_string();
                    match assessment
                        .question_index(&id)
                        .map(|q| (q, read_answer(assessment, q, value)))
                    {
                        Some((q, Ok(a))) => answers.set(q, Some(a)),
                        _ => dropped.push(id),
                    }
                }
            }
            Some(Err((v, _))) => {
                return Err(format!(
                    "its `answers` is {}, not a mapping of question id to answer",
                    yaml::found(v)
                ));
            }
        }
        match self.keys.notes.given() {
            None => {}
            Some(Ok(map)) => {
                for (k, v) in map {
                    if let (Some(k), Some(v)) = (k.as_str(), v.as_str()) {
                        answers.notes.insert(k.to_string(), v.to_string());
                    }
                }
            }
            Some(Err((v, _))) => {
                return Err(format!(
                    "its `notes` is {}, not a mapping of question id to text",
                    yaml::found(v)
                ));
            }
        }
        Ok((answers, dropped))
    }
}

/// An unknown top-level key, with the nearest known one.
fn unknown_key(key: &Value) -> Problem {
    let hint = did_you_mean(key.as_str().unwrap_or(""), TOP_KEYS)
        .map(|n| format!("did you mean `{n}`? "))
        .unwrap_or_default();
    Problem::error(
        "",
        format!(
            "unknown key `{}`; {hint}an answers file has assessment, answers, notes and session",
            yaml::show(key)
        ),
    )
}

fn other_assessment(written: &Value, assessment: &Assessment) -> Problem {
    Problem::error(
        "assessment",
        format!(
            "these answers are for assessment \"{}\", not \"{}\"; score them with the assessment they were given for",
            yaml::show(written),
            assessment.id
        ),
    )
}

/// Reads every answer of `answers:`, each checked against its question.
fn read_all(map: &Mapping, a: &Assessment, answers: &mut Answers, problems: &mut Vec<Problem>) {
    for (key, value) in map {
        let Some(id) = key.as_str() else {
            problems.push(Problem::error(
                "answers",
                format!("answer key {} is not a question id", yaml::show(key)),
            ));
            continue;
        };
        let Some(q) = a.question_index(id) else {
            let hint = did_you_mean(id, a.questions.iter().map(|q| q.id.as_str()))
                .map(|n| format!("; did you mean \"{n}\"?"))
                .unwrap_or_default();
            problems.push(Problem::error(
                format!("answers.{id}"),
                format!("unknown question id \"{id}\"{hint}"),
            ));
            continue;
        };
        match read_answer(a, q, value) {
            Ok(answer) => answers.set(q, Some(answer)),
            Err(msg) => problems.push(Problem::error(
                format!("answers.{id}"),
                format!("question \"{id}\": {msg}"),
            )),
        }
    }
}

/// Reads the notes: text under a question id, within the limit.
fn read_notes(
    map: &Mapping,
    a: &Assessment,
    answers: &mut Answers,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) {
    for (key, value) in map {
        let (Some(id), Some(text)) = (key.as_str(), value.as_str()) else {
            problems.push(Problem::error(
                "notes",
                format!("note {} must be text under a question id", yaml::show(key)),
            ));
            continue;
        };
        if a.question_index(id).is_none() {
            warnings.push(Problem::warning(
                format!("notes.{id}"),
                format!("note on unknown question \"{id}\" is kept but not shown"),
            ));
        }
        let length = text.chars().take(NOTE_LIMIT + 1).count();
        if length > NOTE_LIMIT {
            problems.push(Problem::error(
                format!("notes.{id}"),
                format!(
                    "the note on \"{id}\" is over the limit of {NOTE_LIMIT} characters; shorten it"
                ),
            ));
            continue;
        }
        answers.notes.insert(id.to_string(), text.to_string());
    }
}
