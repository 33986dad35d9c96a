//! Standard output and error without a panic: `println!` panics when the
//! reader of a pipe has gone (`crossroads score ... | head`) or the disk
//! behind a redirection is full.

use super::Failure;
use std::io::{ErrorKind, Write};

/// Writes `text` to standard output, with a final newline if it has none.
/// A reader that has gone away ends the command quietly; any other failure
/// to write is an error that says so.
pub fn print(text: &str) -> Result<(), Failure> {
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

/// Writes one line to standard error; if even that fails there is no one
/// left to tell, so the failure is ignored.
pub fn warn(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
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
