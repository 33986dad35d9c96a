//! Standard output and error without a panic: `println!` panics when the
//! reader of a pipe has gone (`crossroads score ... | head`) or the disk
//! behind a redirection is full.

use super::Failure;
use crossroads::sanitize;
use std::io::{ErrorKind, IsTerminal, Write};
use std::os::unix::fs::MetadataExt;
use std::path::Path;

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
    written.map_err(failed)
}

/// A failure to write to standard output, as [`print`] tells it.
fn failed(e: std::io::Error) -> Failure {
    match e.kind() {
        ErrorKind::BrokenPipe => Failure::ReaderGone,
        _ => Failure::Invalid(format!("cannot write to standard output: {e}")),
    }
}

/// Standard output for a result written a piece at a time (`export`'s
/// rows, each ending in its newline). To a pipe or a file the pieces are
/// gathered and written 64 KiB at a time, not one write a row (at 10,000
/// rows the writes cost more than the rows); to a terminal each is written
/// at once and escaped, as [`print`] does. Failures are told as [`print`]'s.
pub struct Stream {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    terminal: bool,
}

impl Stream {
    /// Standard output, taken for the whole result.
    pub fn new() -> Stream {
        let out = std::io::stdout();
        Stream {
            terminal: out.is_terminal(),
            out: std::io::BufWriter::with_capacity(1 << 16, out.lock()),
        }
    }

    /// Writes one piece (it ends with its own newline).
    pub fn print(&mut self, text: &str) -> Result<(), Failure> {
        let written = match self.terminal {
            true => (self.out.write_all(sanitize::terminal(text).as_bytes()))
                .and_then(|()| self.out.flush()),
            false => self.out.write_all(text.as_bytes()),
        };
        written.map_err(failed)
    }

    /// Writes what is still held.
    pub fn finish(mut self) -> Result<(), Failure> {
        self.out.flush().map_err(failed)
    }
}

/// Writes one line to standard error, escaped (`sanitize::terminal`):
/// messages name paths, which may hold anything. If even that fails there is no one
/// left to tell, so the failure is ignored.
pub(crate) fn warn(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{}", sanitize::terminal(line));
}

/// Writes `text` to `--output FILE` ([`to_file`]) or standard output.
pub(crate) fn emit(text: &str, output: Option<&Path>) -> Result<(), Failure> {
    match output {
        Some(path) => to_file(text, path, false, &[]),
        None => print(text),
    }
}

/// Writes `text` to a new file at `path`, never one of `inputs` (even with
/// `force`: a report written over its session would lose the session), and
/// an existing file only with `force`. The file is written beside and
/// renamed into place, so a link at `path` is never written through: a
/// link, a folder or a device there is refused. Private to the user (0600),
/// as a coach's copy holds private notes.
pub(crate) fn to_file(
    text: &str,
    path: &Path,
    force: bool,
    inputs: &[&Path],
) -> Result<(), Failure> {
    let refuse = |why: String| {
        Err(Failure::Invalid(format!(
            "{}: {why}; nothing was written",
            path.display()
        )))
    };
    let same = |a: &Path, b: &Path| match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    };
    if let Some(input) = inputs.iter().find(|i| same(path, i)) {
        return refuse(format!(
            "this is {}, which the report is made from; choose another name for the report",
            input.display()
        ));
    }
    let exists = std::fs::symlink_metadata(path);
    if let Ok(meta) = &exists {
        if meta.file_type().is_symlink() {
            return refuse(
                "this is a symbolic link, and crossroads does not write through links; give the path it points to, or choose another name".into(),
            );
        }
        if let Some(what) = crossroads::files::not_regular(meta) {
            return refuse(format!(
                "this is {what}, not a regular file; choose another name"
            ));
        }
        if !force {
            return refuse(
                "the file exists already; use --force to replace it, or choose another name".into(),
            );
        }
    }
    // Only a file found there (and so checked above) is replaced; a new
    // one is made in a folder that exists, never through a path that
    // only resolves once folders are made.
    let written = match exists {
        Ok(_) => crossroads::session::write_atomic(path, text),
        Err(_) => create_new(path, text),
    };
    match written {
        Ok(()) => {
            warn(&format!("Wrote {}", path.display()));
            Ok(())
        }
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            refuse("the file was made meanwhile by another program; use --force to replace it, or choose another name".into())
        }
        Err(e) => Err(Failure::Invalid(format!("{}: cannot write the file: {e}", path.display()))),
    }
}

/// Writes `text` to `path`, which must not exist: a temporary file beside
/// it, flushed, then linked into place without replacing anything.
fn create_new(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(&crossroads::files::temp::prefix())
        .suffix(crossroads::files::temp::SUFFIX)
        .tempfile_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}
