//! Assessment format 1: raw YAML, validation, and the validated model.

pub mod limits;
pub mod model;
pub mod problem;
pub mod raw;
pub mod validate;

pub use model::*;
pub use problem::{Problem, Rejected};

/// Reads and validates an assessment from the bytes of a file. `file` names
/// it in messages. On success, the assessment and its warnings.
pub fn load(file: &str, bytes: &[u8]) -> Result<(Assessment, Vec<Problem>), Rejected> {
    let reject = |problems| Rejected {
        file: file.to_string(),
        problems,
    };
    let raw: raw::RawAssessment =
        crate::yaml::parse(bytes, "an assessment", "format: 1").map_err(|p| reject(vec![p]))?;
    let over = limits::check(&raw);
    if !over.is_empty() {
        return Err(reject(over));
    }
    validate::validate(raw).map_err(reject)
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
