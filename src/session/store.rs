//! The session file: a valid answers file (spec section 2) whose `session:`
//! mapping holds the app's bookkeeping. Saved atomically after every change.

use crate::answers::{Answers, ParseError, ParsedFile};
use crate::assessment::Assessment;
use crate::assessment::problem::Problem;
use crate::record::Meta;
use crate::record::time::Timestamp;
use crate::yaml;
use serde::Serialize;
use serde_yaml::{Mapping, Value};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A session read back from disk.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub answers: Answers,
    pub meta: Meta,
    /// Present when the assessment changed since the session was saved.
    pub changed: Option<Changed>,
}

/// What survived a change of the assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Changed {
    pub kept: usize,
    pub dropped: Vec<String>,
}

/// Why a session file could not be used.
#[derive(Debug)]
pub enum SessionError {
    /// It could not be read at all.
    Unreadable(String),
    /// It is not a valid session of this assessment; it is left untouched.
    Broken(String),
}

impl std::fmt::Display for SessionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionError::Unreadable(m) | SessionError::Broken(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for SessionError {}

pub use crate::source::fingerprint;

/// `$XDG_DATA_HOME/crossroads/sessions/ID.yaml` (or the platform's data dir).
pub fn default_path(assessment_id: &str) -> Option<PathBuf> {
    dirs::data_dir().map(|d| {
        d.join("crossroads")
            .join("sessions")
            .join(format!("{assessment_id}.yaml"))
    })
}

/// The first words of every session file the app writes.
const HEADER: &str = "# crossroads session";
/// The last line of every session file the app writes: a file that starts
/// with `HEADER` but lacks it was cut short.
const FOOTER: &str = "# end of session";

/// The whole session file as YAML text.
pub fn render(assessment: &Assessment, answers: &Answers, meta: &Meta) -> String {
    let file = Written {
        assessment: &assessment.id,
        answers: answers.to_mapping(assessment),
        notes: &answers.notes,
        session: meta,
    };
    let body = serde_yaml::to_string(&file).unwrap_or_default();
    let before = format!(
        "{HEADER}: a valid answers file (`crossroads score {} --answers THIS_FILE`)\n{body}",
        crate::sanitize::line(&meta.score_target(&assessment.id))
    );
    let summary = summary::line(assessment, answers, meta, &before);
    format!("{before}{summary}{FOOTER}\n")
}

/// A session file as written, keys in this order.
#[derive(Serialize)]
struct Written<'a> {
    assessment: &'a str,
    answers: Mapping,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    notes: &'a BTreeMap<String, String>,
    session: &'a Meta,
}

/// Where writing to `path` lands: `path` itself, or, when it is a
/// symlink (or a chain of them), the file it points to, so that a save
/// writes through the link rather than replacing it with a regular file.
pub(crate) fn resolve(path: &Path) -> PathBuf {
    let mut at = path.to_path_buf();
    // More hops than this is a loop; the write then fails on its own.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => match std::fs::read_link(&at) {
                Ok(target) => {
                    at = match at.parent() {
                        Some(dir) => dir.join(target),
                        None => target,
                    }
                }
                Err(_) => break,
            },
            _ => break,
        }
    }
    at
}

/// Writes `contents` to `path` atomically: a temporary file in the same
/// folder, flushed to disk, given mode 0600, then renamed over the target.
/// A symlink is written through to its target.
pub fn write_atomic(path: &Path, contents: &str) -> std::io::Result<()> {
    let path = &resolve(path);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    // Temp files of writers killed mid-save would otherwise pile up here.
    crate::files::temp::clean_stale(&dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(&crate::files::temp::prefix())
        .suffix(crate::files::temp::SUFFIX)
        .tempfile_in(&dir)?;
    tmp.write_all(contents.as_bytes())?;
    tmp.as_file().sync_all()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Saves a session.
pub fn save(
    path: &Path,
    assessment: &Assessment,
    answers: &Answers,
    meta: &Meta,
) -> std::io::Result<()> {
    write_atomic(path, &render(assessment, answers, meta))
}

fn first_problem(problems: &[Problem]) -> String {
    problems
        .iter()
        .find(|p| p.is_error())
        .map(in_words)
        .unwrap_or_default()
}

/// A problem for a sentence about the session file: "line 3, column 15:
/// answers.x: ..." (the file is named by the sentence around it).
fn in_words(p: &Problem) -> String {
    match p.line_column() {
        Some((line, column)) => {
            let (what, hint) = p.message_and_hint();
            let hint = hint.map(|h| format!("; {h}")).unwrap_or_default();
            format!("line {line}, column {column}: {what}{hint}")
        }
        None => p.to_string(),
    }
}

/// Reads a saved session of `assessment`, whose current bytes have
/// `current_fingerprint`. When the assessment changed since, every answer
/// that is still valid is kept and the rest are listed in `changed`.
pub fn load(
    path: &Path,
    assessment: &Assessment,
    current_fingerprint: &str,
) -> Result<Loaded, SessionError> {
    let name = path.display().to_string();
    let bytes = crate::files::read(path).map_err(|e| {
        SessionError::Unreadable(match e {
            crate::files::ReadError::Io(_, e) => format!("cannot read session file {name}: {e}"),
            e => format!("session file {e}"),
        })
    })?;
    let broken = |why: String| {
        SessionError::Broken(format!(
            "session file {name} cannot be used ({why}); it was left untouched: move it aside, or pass --session with another path"
        ))
    };
    let parsed = match ParsedFile::parse(&name, &bytes) {
        Err(ParseError::Syntax(p)) => return Err(broken(in_words(&p))),
        parsed => parsed,
    };
    if bytes.starts_with(HEADER.as_bytes()) && !bytes.trim_ascii_end().ends_with(FOOTER.as_bytes())
    {
        return Err(broken(
            "it is cut short: its last line, `# end of session`, is missing".into(),
        ));
    }
    let parsed = parsed.map_err(|_| broken("it is not a mapping".into()))?;
    match parsed.assessment_id() {
        Some(id) if id == assessment.id => {}
        Some(id) => {
            return Err(broken(format!(
                "it belongs to assessment \"{}\", not \"{}\"",
                yaml::show(&Value::String(id.into())),
                assessment.id
            )));
        }
        None => return Err(broken("it has no `assessment:` line".into())),
    }
    let mut meta = parsed.meta().cloned().unwrap_or_default();
    // A plain answers file (no fingerprint), or one whose bookkeeping cannot
    // be read, is read as strictly as one whose assessment has not changed.
    if meta.fingerprint == current_fingerprint || meta.fingerprint.is_empty() {
        let file = parsed
            .check(assessment)
            .map_err(|r| broken(first_problem(&r.problems)))?;
        let mut answers = file.answers;
        meta.split_legacy_notes(&mut answers.notes);
        return Ok(Loaded {
            answers,
            meta,
            changed: None,
        });
    }
    // The assessment changed: keep what still fits, report what does not.
    let (mut answers, dropped) = parsed.salvage(assessment).map_err(broken)?;
    meta.split_legacy_notes(&mut answers.notes);
    let kept = answers.count();
    Ok(Loaded {
        answers,
        meta,
        changed: Some(Changed { kept, dropped }),
    })
}

mod backup;
pub use backup::{backup, is_ours};
pub mod summary;

#[cfg(test)]
mod tests;
