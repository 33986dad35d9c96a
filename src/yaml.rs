//! Reading YAML safely: size limit, UTF-8, empty files, and errors turned
//! into located, plain-English problems.

use crate::assessment::problem::{Place, Problem, did_you_mean};
use serde::de::DeserializeOwned;
use serde_yaml::Value;

mod numbers;

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

/// Parses a file into a YAML value.
pub fn parse_value(bytes: &[u8], what: &str, example: &str) -> Result<Value, Problem> {
    let text = text_of(bytes, what, example)?;
    serde_yaml::from_str::<Value>(text).map_err(|e| located_in(&e, text))
}

/// Deserializes a file into `T` (the raw structs), with located errors.
pub fn parse<T: DeserializeOwned>(bytes: &[u8], what: &str, example: &str) -> Result<T, Problem> {
    let text = text_of(bytes, what, example)?;
    serde_yaml::from_str::<T>(text).map_err(|e| located_in(&e, text))
}

/// A YAML or type error as a problem at its line and column.
pub fn located(e: &serde_yaml::Error) -> Problem {
    located_in(e, "")
}

/// [`located`], for an error in `text`: a number written in a form that
/// is not read here (`0x10`, `!!float "2"`) is quoted as written.
fn located_in(e: &serde_yaml::Error, text: &str) -> Problem {
    let full = e.to_string();
    // The library appends " at line L column C"; the place is shown in front instead.
    let message = match full.find(" at line ") {
        Some(i) => &full[..i],
        None => full.as_str(),
    };
    let written = e
        .location()
        .and_then(|l| numbers::written_at(text, l.line(), l.column()));
    let message = numbers::reworded(message, written).unwrap_or_else(|| plain_english(message));
    match e.location() {
        Some(loc) => Problem {
            severity: crate::assessment::problem::Severity::Error,
            place: Place::At {
                line: loc.line(),
                column: loc.column(),
            },
            message,
        },
        None => Problem::file_error(message),
    }
}

/// Rewrites serde's wording for people who write YAML by hand.
fn plain_english(message: &str) -> String {
    if let Some(rest) = message.split("unknown field `").nth(1) {
        let prefix = &message[..message.find("unknown field `").unwrap_or(0)];
        let key = rest.split('`').next().unwrap_or("");
        let known: Vec<&str> = rest
            .split('`')
            .skip(1)
            .filter(|s| !s.is_empty() && !s.contains(',') && !s.contains(' '))
            .collect();
        let hint = match did_you_mean(key, known.iter().copied()) {
            Some(near) => format!("did you mean `{near}`? "),
            None => String::new(),
        };
        let list = if known.is_empty() {
            String::from("none")
        } else {
            known.join(", ")
        };
        return format!("{prefix}unknown key `{key}`; {hint}keys allowed here are {list}");
    }
    let mut m = message.to_string();
    for (from, to) in [
        ("expected f64", "expected a number"),
        ("expected i64", "expected a whole number"),
        ("expected u32", "expected a whole number"),
        ("expected a sequence", "expected a list"),
        (
            "expected struct RawAssessment",
            "expected a mapping that starts with `format: 1`",
        ),
        (
            "expected struct RawQuestion",
            "expected a question (a mapping with id, type and text)",
        ),
        (
            "expected struct RawSection",
            "expected a section (a mapping with id, title and questions)",
        ),
        (
            "expected struct RawTrack",
            "expected a track (a mapping with id and name)",
        ),
        (
            "expected struct RawAxis",
            "expected an axis (a mapping with id, left and right)",
        ),
        (
            "expected struct RawOption",
            "expected an option (a mapping with id and label)",
        ),
        (
            "expected struct RawScale",
            "expected a scale (a mapping with min, max and labels)",
        ),
        (
            "expected struct RawBand",
            "expected a band (a mapping with min and label)",
        ),
        (
            "expected struct RawCondition",
            "expected a condition such as { question: x, is: y }",
        ),
        (
            "recursion limit exceeded",
            "the document is nested too deeply",
        ),
        (
            "repetition limit exceeded",
            "the document expands too many YAML aliases (&anchor / *alias); write the content out instead",
        ),
    ] {
        m = m.replace(from, to);
    }
    m
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
