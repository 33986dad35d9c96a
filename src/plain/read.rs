//! Reading plain mode's input: one bounded line at a time.

use crate::sanitize;
use std::io::BufRead;

/// Longest line read; the rest of a longer line is dropped.
const LINE_LIMIT: u64 = 64 * 1024;

/// Most bytes dropped from one over-long line before the input is taken
/// to be no text at all (`< /dev/zero`): plain mode then ends.
const DROP_LIMIT: u64 = 1024 * 1024;

/// A line read, or why there are no more.
pub enum Read {
    /// A line, without its line ending and with any control character or
    /// escape sequence taken out.
    Line(String),
    /// A line that held only control keys or escape sequences (arrow keys
    /// typed into a plain terminal, say).
    Keys,
    /// The end of input; `Some` when reading failed.
    End(Option<std::io::Error>),
}

/// Reads one line, lossily as UTF-8, and cleans it.
pub fn line<R: BufRead>(input: &mut R) -> Read {
    let mut buf = Vec::new();
    match std::io::Read::take(&mut *input, LINE_LIMIT).read_until(b'\n', &mut buf) {
        Ok(0) => return Read::End(None),
        Ok(_) => {}
        Err(e) => return Read::End(Some(e)),
    }
    if buf.last() != Some(&b'\n') && buf.len() as u64 == LINE_LIMIT {
        // Too long: drop the rest of the line, but only so much of it.
        let mut rest = Vec::new();
        let mut dropped = 0;
        loop {
            rest.clear();
            match std::io::Read::take(&mut *input, LINE_LIMIT).read_until(b'\n', &mut rest) {
                Ok(0) => break,
                Ok(_) if rest.last() == Some(&b'\n') => break,
                Ok(n) => dropped += n as u64,
                Err(e) => return Read::End(Some(e)),
            }
            if dropped > DROP_LIMIT {
                return Read::End(Some(std::io::Error::other(
                    "a line ran past a megabyte without ending, so the input is not lines of text",
                )));
            }
        }
    }
    while matches!(buf.last(), Some(b'\n' | b'\r')) {
        buf.pop();
    }
    let raw = String::from_utf8_lossy(&buf);
    let line = sanitize::line(&raw);
    if line.trim().is_empty() && !raw.trim().is_empty() {
        Read::Keys
    } else {
        Read::Line(line)
    }
}

/// The numbers of a line, separated by spaces or commas; the first word
/// that is not a number otherwise.
pub(crate) fn numbers(line: &str) -> Result<Vec<i64>, String> {
    line.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.parse::<i64>().map_err(|_| w.to_string()))
        .collect()
}

/// A word cut short for quoting back.
pub(crate) fn shorten(word: &str) -> String {
    let clean = sanitize::line(word);
    if clean.chars().count() > 30 {
        let mut s: String = clean.chars().take(30).collect();
        s.push('…');
        s
    } else {
        clean
    }
}
