//! The answers file (spec section 2): parsed once into [`ParsedFile`], which
//! says what assessment it is for, then checked against that assessment.

use super::Answers;
use crate::assessment::Assessment;
use crate::assessment::problem::{Problem, Rejected};
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

pub(super) const TOP_KEYS: [&str; 4] = ["assessment", "answers", "notes", "session"];

/// A top-level value: read as `T` when it has that shape, otherwise kept as
/// written with the reason, so that every problem of the file can be told
/// together and in the file's own words.
#[derive(Debug, Clone, Default)]
pub(super) enum TopValue<T> {
    #[default]
    Absent,
    Read(T),
    Wrong(Value, String),
}

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for TopValue<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        Ok(match T::deserialize(&value) {
            Ok(t) => TopValue::Read(t),
            Err(e) => TopValue::Wrong(value, e.to_string()),
        })
    }
}

impl<T> TopValue<T> {
    /// The value, with null counted as absent.
    pub(super) fn given(&self) -> Option<Result<&T, (&Value, &str)>> {
        match self {
            TopValue::Absent | TopValue::Wrong(Value::Null, _) => None,
            TopValue::Read(t) => Some(Ok(t)),
            TopValue::Wrong(v, why) => Some(Err((v, why))),
        }
    }
}

/// The four keys of an answers file. An answer stays a YAML value until its
/// question is known, since each type of question takes another shape.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(super) struct TopKeys {
    pub(super) assessment: TopValue<String>,
    pub(super) answers: TopValue<Mapping>,
    pub(super) notes: TopValue<Mapping>,
    pub(super) session: TopValue<Meta>,
}

/// An answers or session file parsed once: what it says about itself (the
/// assessment, the session's bookkeeping) before it is checked against an
/// assessment with [`ParsedFile::check`].
#[derive(Debug, Clone)]
pub struct ParsedFile {
    /// The file's name, used in messages.
    pub name: String,
    pub(super) keys: TopKeys,
    /// Top-level keys other than the four, in file order.
    pub(super) unknown: Vec<Value>,
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
            TopValue::Read(id) => Some(id),
            _ => None,
        }
    }

    /// The session's bookkeeping, when `session:` is a readable mapping.
    pub fn meta(&self) -> Option<&Meta> {
        match &self.keys.session {
            TopValue::Read(m) => Some(m),
            _ => None,
        }
    }
}
