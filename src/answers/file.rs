//! The answers file (spec section 2): parsed once into [`ParsedFile`], which
//! says what assessment it is for, then checked against that assessment.

use super::Answers;
use super::entries::Read;
use crate::assessment::Assessment;
use crate::assessment::events::{Pos, Reader};
use crate::assessment::problem::{Problem, Rejected};
use crate::assessment::tree;
use crate::record::Meta;
use crate::yaml;
use compact_str::CompactString;
use serde_yaml::Value;
use std::collections::HashSet;

/// A read and checked answers (or session) file.
#[derive(Debug, Clone)]
pub struct AnswersFile {
    pub answers: Answers,
    /// The app's bookkeeping, when the file is a session.
    pub session: Option<Meta>,
    /// Warnings: answers to hidden questions, notes on unknown questions.
    pub warnings: Vec<Problem>,
}

/// Most events that aliases may replay in an answers or session file: every
/// replayed event becomes part of a value that is kept.
const ANSWERS_REPLAYED: usize = 10_000;

/// Longest note, in characters.
pub const NOTE_LIMIT: usize = 20_000;

pub(super) const TOP_KEYS: [&str; 4] = ["assessment", "answers", "notes", "session"];

/// A top-level value: read as `T` when it has that shape, otherwise kept as
/// written with the reason, so that every problem of the file can be told
/// together and in the file's own words. Each with where its value starts.
#[derive(Debug, Clone, Default)]
pub(super) enum TopValue<T> {
    #[default]
    Absent,
    Read(T, Pos),
    Wrong(Value, String, Pos),
}

impl<T> TopValue<T> {
    /// The value read, changed by `f`; the rest as they are.
    fn map<U>(self, f: impl FnOnce(T) -> U) -> TopValue<U> {
        match self {
            TopValue::Absent => TopValue::Absent,
            TopValue::Read(t, at) => TopValue::Read(f(t), at),
            TopValue::Wrong(v, why, at) => TopValue::Wrong(v, why, at),
        }
    }

    /// The value, with null counted as absent.
    pub(super) fn given(&self) -> Option<Result<&T, (&Value, &str, Pos)>> {
        match self {
            TopValue::Absent | TopValue::Wrong(Value::Null, _, _) => None,
            TopValue::Read(t, _) => Some(Ok(t)),
            TopValue::Wrong(v, why, at) => Some(Err((v, why, *at))),
        }
    }

    /// `value` read as `T` by serde, or kept as written with the reason.
    fn from_value((value, at): (Value, Pos)) -> Self
    where
        T: serde::de::DeserializeOwned,
    {
        match T::deserialize(&value) {
            Ok(t) => TopValue::Read(t, at),
            Err(e) => TopValue::Wrong(value, e.to_string(), at),
        }
    }
}

/// One entry of `answers:` or `notes:`: the key and its value as written,
/// each with its place. An answer stays a YAML value until its question is
/// known, since each type of question takes another shape. Kept small: a
/// large session has one for every question.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) key: Key,
    pub(super) key_at: Pos,
    pub(super) value: Value,
    pub(super) at: Pos,
    /// Why the value cannot be read at all (a whole number beyond 64 bits,
    /// which would otherwise be read as a rounded float).
    pub(super) unreadable: Option<Box<str>>,
}

/// The key of an entry: a question id (held inline when short, as nearly
/// all are), or a value that cannot be one, in words.
#[derive(Debug, Clone)]
pub(super) enum Key {
    Id(CompactString),
    Other(Box<str>),
}

impl Key {
    fn of(value: Value) -> Key {
        match value {
            Value::String(s) => Key::Id(s.into()),
            other => Key::Other(yaml::show(&other).into()),
        }
    }

    /// The question id, when the key is text.
    pub(super) fn id(&self) -> Option<&str> {
        match self {
            Key::Id(id) => Some(id),
            Key::Other(_) => None,
        }
    }

    /// The key as written, for a message.
    pub(super) fn shown(&self) -> &str {
        match self {
            Key::Id(id) => id,
            Key::Other(words) => words,
        }
    }
}

/// The four keys of an answers file.
#[derive(Debug, Clone, Default)]
pub(super) struct TopKeys {
    pub(super) assessment: TopValue<String>,
    pub(super) answers: TopValue<Vec<Entry>>,
    pub(super) notes: TopValue<Vec<Entry>>,
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
    /// Top-level keys other than the four, in file order, with their places.
    pub(super) unknown: Vec<(Value, Pos)>,
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

    /// The file `file` refused for it, as a checked file's problems are.
    fn rejected(&self, file: &str) -> Rejected {
        Rejected {
            file: file.to_string(),
            problems: vec![self.problem()],
        }
    }
}

/// Parses an answers or session file. `name` is used in messages only.
pub fn parse_file(name: &str, bytes: &[u8]) -> Result<ParsedFile, Rejected> {
    ParsedFile::parse(name, bytes).map_err(|e| e.rejected(name))
}

/// Reads an answers file for `assessment`: the same as [`parse_file`],
/// then [`ParsedFile::check`], in one pass. Every problem names the
/// question id it is about.
pub fn read_answers(
    file: &str,
    bytes: &[u8],
    assessment: &Assessment,
) -> Result<AnswersFile, Rejected> {
    ParsedFile::read(file, bytes, assessment).map_err(|e| e.rejected(file))?
}

impl ParsedFile {
    /// Parses the file's YAML once into its keys, straight from the
    /// parser's events, keeping where each key and value is written.
    pub fn parse(name: &str, bytes: &[u8]) -> Result<ParsedFile, ParseError> {
        Self::parse_into(name, bytes, None)
    }

    /// Parses the file and checks it against `assessment`, as
    /// [`ParsedFile::parse`] and [`ParsedFile::check`] do, but each answer
    /// as it is read: a large file's answers are never all held as YAML.
    /// The outer error: the file cannot be parsed; the inner: it does not
    /// fit the assessment.
    pub fn read(
        name: &str,
        bytes: &[u8],
        assessment: &Assessment,
    ) -> Result<Result<AnswersFile, Rejected>, ParseError> {
        let mut read = Read::new(assessment);
        let parsed = Self::parse_into(name, bytes, Some(&mut read))?;
        Ok(parsed.finish(assessment, read))
    }

    /// [`ParsedFile::parse`], handing the entries of `answers:` to `read`
    /// when there is one; they are then not kept in the parsed file.
    fn parse_into(
        name: &str,
        bytes: &[u8],
        mut read: Option<&mut Read>,
    ) -> Result<ParsedFile, ParseError> {
        let text = yaml::text_of(bytes, "an answers file", "assessment: career-tracks")
            .map_err(ParseError::Syntax)?;
        // Aliases are no part of an answers file that anyone writes; a few
        // are allowed, not the million an assessment may replay.
        let mut r = Reader::new(text).with_replay_budget(ANSWERS_REPLAYED);
        let mapping = r.opens_mapping().is_some();
        if !mapping {
            r.node();
        }
        let mut keys = TopKeys::default();
        let mut unknown = Vec::new();
        let mut seen: HashSet<Value> = HashSet::new();
        while mapping && !r.closes(false) {
            let (key, key_at) = r.node();
            if !seen.insert(key.clone()) {
                r.error_at(key_at, tree::duplicate(&key));
                r.skip();
                continue;
            }
            match key.as_str() {
                Some("assessment") => keys.assessment = TopValue::from_value(r.node()),
                Some("session") => keys.session = TopValue::from_value(r.node()),
                Some("answers") => {
                    keys.answers = match read.as_deref_mut() {
                        // Handed over, so none are kept.
                        Some(read) => {
                            entries(&mut r, key_at, |e| read.one(&e)).map(|()| Vec::new())
                        }
                        None => kept(&mut r, key_at),
                    }
                }
                Some("notes") => keys.notes = kept(&mut r, key_at),
                _ => {
                    r.skip();
                    unknown.push((key, key_at));
                }
            }
        }
        if !r.broken {
            r.finish();
        }
        if let Some(problem) = r.problems.into_iter().next() {
            return Err(ParseError::Syntax(problem));
        }
        if !mapping {
            return Err(ParseError::NotAMapping);
        }
        Ok(ParsedFile {
            name: name.to_string(),
            keys,
            unknown,
        })
    }

    /// The assessment id, when `assessment:` is text.
    pub fn assessment_id(&self) -> Option<&str> {
        match &self.keys.assessment {
            TopValue::Read(id, _) => Some(id),
            _ => None,
        }
    }

    /// How many entries of `answers:` hold a value (null is none), before
    /// any check against an assessment: whether the file holds an answer.
    pub(crate) fn answer_count(&self) -> usize {
        match &self.keys.answers {
            TopValue::Read(entries, _) => entries
                .iter()
                .filter(|e| !matches!(e.value, Value::Null))
                .count(),
            _ => 0,
        }
    }

    /// The session's bookkeeping, when `session:` is a readable mapping.
    pub fn meta(&self) -> Option<&Meta> {
        match &self.keys.session {
            TopValue::Read(m, _) => Some(m),
            _ => None,
        }
    }
}

/// The entries of `answers:` or `notes:` in file order, with where its key
/// (`written`) is, or the value as written when it is not a mapping.
fn kept(r: &mut Reader, written: Pos) -> TopValue<Vec<Entry>> {
    let mut out = Vec::new();
    let value = entries(r, written, |e| out.push(e));
    value.map(|()| out)
}

/// Each entry of `answers:` or `notes:`, in file order, handed to `each`;
/// or the value as written, when it is not a mapping.
fn entries(r: &mut Reader, written: Pos, mut each: impl FnMut(Entry)) -> TopValue<()> {
    if r.opens_mapping().is_none() {
        let (value, at) = r.node();
        return match value {
            Value::Null => TopValue::Absent,
            other => TopValue::Wrong(other, "not a mapping".into(), at),
        };
    }
    while !r.closes(false) {
        let (key, key_at) = r.node();
        let unreadable = r.too_large().map(|written| {
            Box::from(format!(
                "the number {written} is too large to read (whole numbers go from {} to {}); \
                 write a smaller number, or put it in quotes if it is meant as text",
                i64::MIN,
                i64::MAX
            ))
        });
        let (value, value_at) = r.node();
        each(Entry {
            key: Key::of(key),
            key_at,
            value,
            at: value_at,
            unreadable,
        });
    }
    TopValue::Read((), written)
}
