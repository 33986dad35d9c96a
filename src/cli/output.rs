//! Standard output and error without a panic: `println!` panics when the
//! reader of a pipe has gone (`crossroads score ... | head`) or the disk
//! behind a redirection is full.

use super::Failure;
use crossroads::sanitize;
use std::io::{ErrorKind, IsTerminal, Write};

/// Writes a document (a report, a score, JSON) to standard output, with a
/// final newline if it has none. To a terminal, hidden characters are
/// escaped (`sanitize::terminal`: JSON stays valid, text for people is
/// already clean); to a pipe or a file the bytes are exactly the
/// document's, as the JSON contract is checked. A reader that has gone
/// away ends the command quietly; any other failure to write is an error
/// that says so.
pub fn print(text: &str) -> Result<(), Failure> {
    if std::io::stdout().is_terminal() {
        return write_out(&sanitize::terminal(text));
    }
    write_out(text)
}

/// Writes a line of ours (which may hold paths) to standard output,
/// escaped wherever it goes.
pub fn say(text: &str) -> Result<(), Failure> {
    write_out(&sanitize::terminal(text))
}

fn write_out(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    let written = out
        .write_all(text.as_bytes())
        .and_then(|()| match text.ends_with('\n') {
            true => Ok(()),
            false => out.write_all(b"\n"),
        })
        .and_then(|()| out.flush());
    match written {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Err(Failure::ReaderGone),
        Err(e) => Err(Failure::Invalid(format!(
            "cannot write to standard output: {e}"
        ))),
    }
}

/// Writes one line to standard error, escaped (`sanitize::terminal`):
/// messages name paths, which may hold anything. If even that fails there is no one
/// left to tell, so the failure is ignored.
pub fn warn(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{}", sanitize::terminal(line));
}

/// Writes `text` to `--output FILE` (atomically) or standard output.
pub fn emit(text: &str, output: Option<&std::path::Path>) -> Result<(), Failure> {
    match output {
        Some(path) => {
            crossroads::session::write_atomic(path, text).map_err(|e| {
                Failure::Invalid(format!("{}: cannot write the file: {e}", path.display()))
            })?;
            warn(&format!("Wrote {}", path.display()));
            Ok(())
        }
        None => print(text),
    }
}
