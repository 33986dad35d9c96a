//! Reading YAML safely: size limit, UTF-8, empty files, and errors turned
//! into located, plain-English problems. Deep nesting needs no check of its
//! own: `saphyr-parser` refuses a 256th open bracket as it scans, and the
//! readers refuse the 129th level of any kind (`events::MAX_DEPTH`).

pub mod events;
pub mod problem;
pub mod scalar;
pub mod syntax;

use problem::Problem;
use serde_yaml::Value;

/// Largest file crossroads reads, in bytes.
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;

/// Checks size, encoding and emptiness, and returns the text.
pub(crate) fn text_of<'a>(bytes: &'a [u8], what: &str, example: &str) -> Result<&'a str, Problem> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Problem::file_error(format!(
            "file is {} bytes; the limit for {what} is {} MiB",
            bytes.len(),
            MAX_FILE_BYTES / 1024 / 1024
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Problem::file_error(format!(
            "file is not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            e.valid_up_to()
        ))
    })?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(Problem::file_error(format!(
            "file is empty; {what} starts with `{example}`"
        )));
    }
    Ok(text)
}

/// What was found, for a type error: strings are quoted so that `"3"`
/// is told apart from `3`.
pub fn found(value: &Value) -> String {
    match value {
        Value::String(_) => format!("the text \"{}\"", show(value)),
        _ => show(value),
    }
}

/// A short, single-line rendering of a value for messages.
pub fn show(value: &Value) -> String {
    let s = match value {
        Value::String(s) => s.clone(),
        Value::Null => "nothing".to_string(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .replace('\n', " "),
    };
    let mut out: String = s.chars().filter(|c| !c.is_control()).take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}
