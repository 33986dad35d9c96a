//! Assessment format 1: raw YAML, validation, and the validated model.

pub mod clean;
pub mod kinds;
// The YAML layer's parts, named from here as the assessment reader uses them.
pub use crate::yaml::{events, problem, scalar, syntax};
mod containers;
pub mod limits;
pub mod model;
pub mod raw;
pub mod read;
pub mod tree;
pub mod validate;
mod wrong_type;

pub use model::*;
pub use problem::{Problem, Rejected};
use raw::RawAssessment;
use std::collections::HashMap;
use validate::Validator;

/// Reads and validates an assessment from the bytes of a file. `file` names
/// it in messages. On success, the assessment and its warnings.
pub fn load(file: &str, bytes: &[u8]) -> Result<(Assessment, Vec<Problem>), Rejected> {
    let mut v = Validator::default();
    let read = read(file, bytes, &mut v)?;
    check(file, read, v)
}

/// [`load`], letting go of the file's bytes as soon as they are read: what
/// is read owns its texts, and a large file need not be held while it is
/// validated.
pub(crate) fn load_owned(
    file: &str,
    bytes: Vec<u8>,
) -> Result<(Assessment, Vec<Problem>), Rejected> {
    let mut v = Validator::default();
    let read = read(file, &bytes, &mut v)?;
    drop(bytes);
    check(file, read, v)
}

/// What reading a file gives: the raw document, the problems met on the
/// way, and the keys already reported.
type Read = (RawAssessment, Vec<Problem>, Vec<(String, &'static str)>);

/// Reads the raw document, its sections validated by `v` as they come;
/// refused when the file cannot be read at all.
fn read(file: &str, bytes: &[u8], v: &mut Validator) -> Result<Read, Rejected> {
    let reject = |problems| Rejected {
        file: file.to_string(),
        problems,
    };
    let text =
        crate::yaml::text_of(bytes, "an assessment", "format: 1").map_err(|p| reject(vec![p]))?;
    // Unknown keys and wrong types are collected while reading and the rest
    // is still validated, so one run reports every problem of the file.
    let (raw, problems, reported) = read::assessment(text, v);
    match raw {
        Some(raw) => Ok((raw, problems, reported)),
        None => Err(reject(problems)),
    }
}

/// Checks the limits and validates the rest of what was read.
fn check(
    file: &str,
    (raw, mut problems, reported): Read,
    v: Validator,
) -> Result<(Assessment, Vec<Problem>), Rejected> {
    let reject = |problems| Rejected {
        file: file.to_string(),
        problems,
    };
    let over = limits::check(&raw);
    if !over.is_empty() {
        problems.extend(over);
        return Err(reject(in_file_order(problems)));
    }
    match v.finish(raw) {
        Ok(done) if problems.is_empty() => Ok(done),
        Ok((_, warnings)) => {
            problems.extend(warnings);
            Err(reject(in_file_order(problems)))
        }
        Err(found) => {
            let reported = Reported::of(&reported);
            problems.extend(found.into_iter().filter(|p| !reported.repeated_by(p)));
            Err(reject(in_file_order(problems)))
        }
    }
}

/// The keys reading already reported (a value of the wrong type, or
/// `wieghts` for `weights`), by the path a validation problem about them
/// would carry: the path of their mapping, or of the key itself. Looked up,
/// not searched: a file of 20,000 mistyped values took 15 s when every
/// problem was compared with every reported key.
struct Reported<'r> {
    by_path: HashMap<String, Vec<&'r str>>,
}

impl<'r> Reported<'r> {
    fn of(reported: &'r [(String, &'static str)]) -> Reported<'r> {
        let mut by_path: HashMap<String, Vec<&'r str>> = HashMap::new();
        for (mapping, key) in reported {
            by_path.entry(mapping.clone()).or_default().push(key);
            let itself = format!("{mapping}.{key}");
            by_path
                .entry(itself.trim_start_matches('.').to_string())
                .or_default()
                .push(key);
        }
        Reported { by_path }
    }

    /// Whether a problem only says again that a key is missing when reading
    /// already reported it: a cascade, as a compiler would leave out.
    fn repeated_by(&self, p: &Problem) -> bool {
        let (problem::Place::PathAt { path, .. } | problem::Place::Path(path)) = &p.place else {
            return false;
        };
        if !(p.message.contains("missing") || p.message.contains("needs")) {
            return false;
        }
        let mut bare = String::with_capacity(path.len());
        let mut rest = path.as_str();
        while let Some(i) = rest.find(" (id \"") {
            bare.push_str(&rest[..i]);
            rest = rest[i..].find("\")").map_or("", |j| &rest[i + j + 2..]);
        }
        bare.push_str(rest);
        self.by_path.get(&bare).is_some_and(|keys| {
            keys.iter()
                .any(|key| p.message.contains(&format!("`{key}`")))
        })
    }
}

/// Problems sorted by where they are; those about the whole file first.
fn in_file_order(mut problems: Vec<Problem>) -> Vec<Problem> {
    problems.sort_by_key(|p| p.line_column().unwrap_or((0, 0)));
    problems
}

/// Loads a bundled assessment from `json`, the JSON that build.rs made of
/// its `yaml`: the same document, parsed about ten times faster, and then
/// checked exactly as `load` checks it. Should the JSON ever be refused,
/// the YAML is loaded instead, so every message keeps its line and column.
pub fn load_bundled(
    file: &str,
    yaml: &[u8],
    json: &str,
) -> Result<(Assessment, Vec<Problem>), Rejected> {
    let Ok(raw) = serde_json::from_str::<raw::RawAssessment>(json) else {
        return load(file, yaml);
    };
    if !limits::check(&raw).is_empty() {
        return load(file, yaml);
    }
    validate::validate(raw).or_else(|_| load(file, yaml))
}
