//! Reading YAML safely: size limit, UTF-8, empty files, and errors turned
//! into located, plain-English problems.

use crate::assessment::problem::{Place, Problem};
use serde_yaml::Value;

/// Largest file crossroads reads, in bytes.
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;

/// Checks size, encoding and emptiness, and returns the text.
pub fn text_of<'a>(bytes: &'a [u8], what: &str, example: &str) -> Result<&'a str, Problem> {
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
    check_bracket_depth(text)?;
    Ok(text)
}

/// How many `[` and `{` may be open at once before the file is refused
/// unparsed. The parser refuses nesting deeper than 128 levels anyway, but
/// only after scanning the whole file, and its scan of nested brackets
/// takes time that grows with the square of the depth (80,000 brackets:
/// half a minute), so deep brackets are counted first, in one cheap pass.
/// The margin above 128 keeps a stray bracket in a text from ever being
/// taken for nesting.
pub const MAX_BRACKET_DEPTH: usize = 1000;

/// Refuses a file with more than `MAX_BRACKET_DEPTH` brackets open at once,
/// counting those outside quotes and comments, and says where. It works on
/// bytes (every character it looks for is ASCII, and no byte of a multi-byte
/// UTF-8 character is), jumps from one byte that matters to the next, and
/// finds the line and column only when it fails: a few instructions a byte.
fn check_bracket_depth(text: &str) -> Result<(), Problem> {
    let bytes = text.as_bytes();
    // Generic rather than `dyn`, so that the test is inlined into the scan
    // instead of called once per byte.
    fn find(bytes: &[u8], from: usize, what: impl Fn(u8) -> bool) -> usize {
        bytes
            .get(from..)
            .unwrap_or_default()
            .iter()
            .position(|b| what(*b))
            .map_or(bytes.len(), |p| from + p)
    }
    let mut depth = 0usize;
    let mut i = 0;
    loop {
        i = find(bytes, i, |b| {
            matches!(b, b'#' | b'\'' | b'"' | b'[' | b'{' | b']' | b'}')
        });
        let Some(&c) = bytes.get(i) else {
            return Ok(());
        };
        let prev = if i == 0 { b'\n' } else { bytes[i - 1] };
        let starts_token = prev.is_ascii_whitespace() || b"[{,:".contains(&prev);
        match c {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_BRACKET_DEPTH {
                    return Err(too_deep(text, i));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            // A comment runs to the end of its line.
            b'#' if prev.is_ascii_whitespace() => i = find(bytes, i, |b| b == b'\n'),
            // A single-quoted text ends at a quote that is not doubled.
            b'\'' if starts_token => loop {
                i = find(bytes, i + 1, |b| b == b'\'');
                if bytes.get(i + 1) != Some(&b'\'') {
                    break;
                }
                i += 1;
            },
            // A double-quoted text ends at a quote without a backslash.
            b'"' if starts_token => loop {
                i = find(bytes, i + 1, |b| b == b'"' || b == b'\\');
                if bytes.get(i) != Some(&b'\\') {
                    break;
                }
                i += 1;
            },
            _ => {}
        }
        i += 1;
    }
}

/// The problem of a bracket too deep at byte `offset`, with its line and
/// column (in characters, from 1).
fn too_deep(text: &str, offset: usize) -> Problem {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Problem {
        severity: crate::assessment::problem::Severity::Error,
        place: Place::At { line, column },
        message: format!(
            "the document is nested too deeply: more than {MAX_BRACKET_DEPTH} brackets [ or {{ are \
             open here; nesting deeper than 128 levels is refused"
        ),
    }
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
