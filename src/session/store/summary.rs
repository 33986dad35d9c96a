//! The summary line of a session file: how many questions are answered of
//! how many are shown, written by the app on every save just before the
//! last line, so that `crossroads sessions` can list a session without
//! parsing its answers:
//!
//! ```text
//! # summary: answered=12 total=53 digest=0123456789abcdef
//! # end of session
//! ```
//!
//! It is a YAML comment, so the file stays a valid answers file (spec
//! section 2) and no reader accepts anything it did not before. The digest
//! is the [`fingerprint`](crate::source::fingerprint) of every byte before
//! the line: a file edited by hand no longer matches it, and is then read
//! in full as if it had no summary.

use super::FOOTER;
use crate::answers::ParsedFile;
use crate::assessment::Assessment;
use crate::record::Meta;
use crate::source::fingerprint;

const PREFIX: &str = "# summary: ";

/// A session file's summary, trusted only once its digest matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The assessment id of the file.
    pub assessment: Option<String>,
    /// The app's bookkeeping, read from the `session:` block alone.
    pub meta: Meta,
    /// Questions answered among those shown.
    pub answered: usize,
    /// Questions shown.
    pub total: usize,
}

/// The summary line (with its newline) for a file whose bytes before it
/// are `before`, or nothing when the counts would not be what a full read
/// gives: a finished session that lacks a required answer is refused by
/// that read, so it is left to it.
pub(super) fn line(
    assessment: &Assessment,
    answers: &crate::answers::Answers,
    meta: &Meta,
    before: &str,
) -> String {
    let visible = crate::answers::conditions::visibility(assessment, answers);
    let lacks_required = (assessment.questions.iter().enumerate())
        .any(|(q, question)| visible[q] && question.required && answers.get(q).is_none());
    if meta.complete && lacks_required {
        return String::new();
    }
    let (answered, total) = crate::scoring::progress(assessment, answers);
    format!(
        "{PREFIX}answered={answered} total={total} digest={}\n",
        fingerprint(before.as_bytes())
    )
}

/// The summary of a session file's `bytes` (`name` for messages), when it
/// has one whose digest matches the rest of the file and whose bookkeeping
/// can be read without its answers; otherwise None, and the file is to be
/// read in full.
pub fn read(name: &str, bytes: &[u8]) -> Option<Summary> {
    let end = format!("\n{FOOTER}\n");
    let rest = bytes.strip_suffix(end.as_bytes())?;
    let start = rest.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let (before, line) = rest.split_at(start);
    let (answered, total, digest) = fields(std::str::from_utf8(line).ok()?)?;
    if fingerprint(before) != digest {
        return None;
    }
    // The app writes its top-level keys at the start of a line, `answers:`
    // before `session:` (the last one); every other line of theirs is
    // indented. Parsing what is left without the answers and notes gives
    // the same assessment id and bookkeeping as parsing it all.
    let answers = find_line(before, b"answers:")?;
    let session = find_line(before, b"session:")?;
    if session < answers {
        return None;
    }
    let mut small = before[..answers].to_vec();
    small.extend_from_slice(&before[session..]);
    let parsed = ParsedFile::parse(name, &small).ok()?;
    Some(Summary {
        assessment: parsed.assessment_id().map(str::to_string),
        meta: parsed.meta()?.clone(),
        answered,
        total,
    })
}

/// Where the line that starts with `key` begins (the last such line).
fn find_line(bytes: &[u8], key: &[u8]) -> Option<usize> {
    if bytes.starts_with(key) {
        return Some(0);
    }
    let mut at = None;
    let mut from = 0;
    while let Some(i) = memchr_line(&bytes[from..], key) {
        at = Some(from + i);
        from += i + 1;
    }
    at
}

/// The start of the first line of `bytes` after its first byte that
/// begins with `key`.
fn memchr_line(bytes: &[u8], key: &[u8]) -> Option<usize> {
    bytes
        .windows(key.len() + 1)
        .position(|w| w[0] == b'\n' && &w[1..] == key)
        .map(|i| i + 1)
}

/// `answered=N total=M digest=HEX` after the prefix, exactly as written:
/// no other text, counts of a few digits, answered no more than total.
fn fields(line: &str) -> Option<(usize, usize, &str)> {
    let mut parts = line.strip_prefix(PREFIX)?.split(' ');
    let count = |part: Option<&str>, key: &str| -> Option<usize> {
        let digits = part?.strip_prefix(key)?;
        let plain = !digits.is_empty() && digits.len() <= 9;
        (plain && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    let answered = count(parts.next(), "answered=")?;
    let total = count(parts.next(), "total=")?;
    let digest = parts.next()?.strip_prefix("digest=")?;
    let hex = digest.len() == 16
        && digest
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    (hex && answered <= total && parts.next().is_none()).then_some((answered, total, digest))
}
