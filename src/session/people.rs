//! People and where their sessions are kept: one folder per person under
//! the data folder (`crossroads/people/<person>/`), one file per session
//! taken, with names that are safe for any name or id.
//!
//! A person is known by their name's [`key`]: case, spacing, invisible
//! characters and Unicode composition set aside ("Sam Lee" and "sam  lee"
//! are one person); no name, or "me", is the person taking a
//! self-assessment. Two names never share a folder ([`folder`]), and a file
//! belongs to the person whose name its `session:` mapping holds, whichever
//! folder it is in, so two people never resume each other's sessions.

use super::store;
use super::time::Timestamp;
use crate::answers::ParsedFile;
use crate::record::Meta;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// The person of a self-assessment, as written on the command line.
pub const SELF: &str = "me";

/// Longest slug of a person's name before its hash.
const PERSON_CAP: usize = 48;
/// Longest slug of an assessment id before its hash.
const ID_CAP: usize = 40;

/// A name as typed or pasted, made one text however it came: Unicode NFC
/// ("José" composed or as e and a combining accent), without control,
/// bidi or zero-width characters (a pasted U+200F, U+200B or U+FEFF), and
/// with each run of white space one space, trimmed. Case is kept: this is
/// the name as stored and shown (`stored_name`); [`key`] folds it.
pub fn clean_name(name: &str) -> String {
    let zero_width = |c: &char| matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}');
    let visible: String = crate::sanitize::line(name)
        .chars()
        .filter(|c| !zero_width(c))
        .collect();
    visible
        .nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name as it identifies a person: [`clean_name`], in lower case; an
/// empty name (or none) is [`SELF`]. The one key of a person: their
/// folder, resuming, and `report`, `compare` and `sessions` look-ups.
pub fn key(name: Option<&str>) -> String {
    let folded: String = clean_name(name.unwrap_or_default())
        .to_lowercase()
        .nfc()
        .collect();
    if folded.is_empty() {
        SELF.to_string()
    } else {
        folded
    }
}

/// Whether a name is the person taking a self-assessment.
pub fn is_self(name: Option<&str>) -> bool {
    key(name) == SELF
}

/// The display name kept in `Meta::name`: None for the self-assessment.
pub(crate) fn stored_name(name: Option<&str>) -> Option<String> {
    let name = clean_name(name.unwrap_or_default());
    (!is_self(Some(&name))).then_some(name)
}

/// Whose session it is, to begin a sentence: "Your" or "Sam Lee's".
pub(crate) fn possessive(name: Option<&str>) -> String {
    match name {
        Some(n) if !is_self(Some(n)) => format!("{}'s", n.trim()),
        _ => "Your".to_string(),
    }
}

/// The person's name for lists: "me" for the self-assessment.
pub fn shown(name: Option<&str>) -> String {
    match name {
        Some(n) if !is_self(Some(n)) => n.trim().to_string(),
        _ => SELF.to_string(),
    }
}

/// A file-name-safe form of a person's key: see `slug_with`, words
/// separated by single spaces.
pub fn slug(text: &str, cap: usize) -> String {
    slug_with(text, ' ', cap)
}

/// A file-name-safe form of `text`: lower-case ASCII letters and digits,
/// words joined by `-`, at most `cap` characters. It is `text` itself
/// (with `sep` as `-`) when `text` is only such words separated by single
/// `sep`s; when anything is lost (other characters, upper case, a cut),
/// `_` and a hash of the whole text follow, so two different texts never
/// share a slug: a slug without `_` maps back to exactly one text, and `_`
/// appears in no other.
pub(crate) fn slug_with(text: &str, sep: char, cap: usize) -> String {
    let plain = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit();
    let mut lossless = text
        .split(sep)
        .all(|w| !w.is_empty() && w.chars().all(plain));
    let mut base = text
        .split(|c: char| !plain(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if base.len() > cap {
        base.truncate(cap);
        base = base.trim_end_matches('-').to_string();
        lossless = false;
    }
    if lossless {
        return base;
    }
    format!("{base}_{}", &store::fingerprint(text.as_bytes())[..10])
}

/// The data folder: `$XDG_DATA_HOME/crossroads` (or the platform's).
pub fn root() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("crossroads"))
}

/// A person's folder under the data folder, where their new sessions go:
/// `people/<slug>`, unless another person's sessions are there (two names
/// whose slugs collide on the short hash); see `folder_for`.
pub fn folder(root: &Path, name: Option<&str>) -> PathBuf {
    let person = key(name);
    folder_for(root, &person, &slug(&person, PERSON_CAP))
}

/// Most folders tried for one slug (`<slug>-2` ... `<slug>-1000`).
const FOLDERS_CAP: usize = 1000;

/// The folders a slug may name: `people/<slug>`, then `<slug>-2`,
/// `<slug>-3`... while they exist, and the first one that does not.
fn folders_for(root: &Path, slug: &str) -> Vec<PathBuf> {
    let people = root.join("people");
    let mut all = vec![people.join(slug)];
    while all.len() < FOLDERS_CAP && all.last().is_some_and(|d| d.symlink_metadata().is_ok()) {
        all.push(people.join(format!("{slug}-{}", all.len() + 1)));
    }
    all
}

/// The person (key) of each session file directly in `dir`.
fn owners(dir: &Path) -> Vec<String> {
    yaml_files(dir)
        .iter()
        .filter_map(|p| found(p))
        .map(|f| key(f.meta.name.as_deref()))
        .collect()
}

/// The folder of the person `person` (a [`key`]) whose slug is `slug`, of
/// those [`folders_for`] names, in order: the first that holds a session
/// of theirs, or else the first that holds no session of anyone else (the
/// last always qualifies, as it does not exist). So two different names
/// never share a folder, and the same disk always gives the same folder,
/// when a session is created as when one is looked for.
fn folder_for(root: &Path, person: &str, slug: &str) -> PathBuf {
    let dirs = folders_for(root, slug);
    let held: Vec<Vec<String>> = dirs.iter().map(|d| owners(d)).collect();
    let pick = |ok: &dyn Fn(&[String]) -> bool| {
        dirs.iter()
            .zip(&held)
            .find(|(_, h)| ok(h))
            .map(|(d, _)| d.clone())
    };
    pick(&|h| h.iter().any(|k| k == person))
        .or_else(|| pick(&|h| h.is_empty()))
        .unwrap_or_else(|| dirs[dirs.len() - 1].clone())
}

/// The file of a new session of `assessment_id` in `folder`, started at
/// `now`: `<id>-<YYYYMMDD-HHMMSS>.yaml`, with `-2`, `-3`... when a file of
/// that name exists, so a new session never replaces one.
pub(crate) fn new_file(folder: &Path, assessment_id: &str, now: Timestamp) -> PathBuf {
    let stamp = now
        .to_string()
        .replace(['-', ':', 'Z'], "")
        .replace('T', "-");
    let stem = format!("{}-{stamp}", slug_with(assessment_id, '-', ID_CAP));
    let mut path = folder.join(format!("{stem}.yaml"));
    let mut n = 2;
    while path.exists() || path.symlink_metadata().is_ok() {
        path = folder.join(format!("{stem}-{n}.yaml"));
        n += 1;
    }
    path
}

mod words;
pub use words::{Earlier, resume_words};

/// A saved session found on disk, read only as far as its bookkeeping.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    pub assessment: String,
    pub meta: Meta,
    /// Entries of `answers:` that hold a value (not yet checked).
    pub answered: usize,
}

impl Found {
    /// When it began, for ordering: started, or else last changed.
    pub fn when(&self) -> Option<Timestamp> {
        self.meta.started.or(self.meta.updated)
    }
}

/// Reads the bookkeeping of a session file; None if it is not one.
pub fn found(path: &Path) -> Option<Found> {
    let bytes = crate::files::read(path).ok()?;
    let parsed = ParsedFile::parse(&path.display().to_string(), &bytes).ok()?;
    Some(Found {
        path: path.to_path_buf(),
        assessment: parsed.assessment_id()?.to_string(),
        meta: parsed.meta().cloned().unwrap_or_default(),
        answered: parsed.answer_count(),
    })
}

/// The `.yaml` files directly in a folder (none if it cannot be read).
pub fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("yaml"))
        .collect();
    files.sort();
    files
}

/// Every session of this person, of any assessment, oldest first: those
/// in their folder, and those of the old default folder
/// (`crossroads/sessions/`) that are theirs. Files that cannot be read, or
/// hold another person's session, are not theirs.
pub fn all_of(root: &Path, name: Option<&str>) -> Vec<Found> {
    let person = key(name);
    let mut files: Vec<PathBuf> = folders_for(root, &slug(&person, PERSON_CAP))
        .iter()
        .flat_map(|d| yaml_files(d))
        .collect();
    files.extend(yaml_files(&root.join("sessions")));
    let mut all: Vec<Found> = files
        .iter()
        .filter_map(|p| found(p))
        .filter(|f| key(f.meta.name.as_deref()) == person)
        .collect();
    all.sort_by(|a, b| a.when().cmp(&b.when()).then(a.path.cmp(&b.path)));
    all
}

/// Every session of this person and assessment, oldest first.
pub fn sessions_of(root: &Path, name: Option<&str>, assessment_id: &str) -> Vec<Found> {
    let mut all = all_of(root, name);
    all.retain(|f| f.assessment == assessment_id);
    all
}

/// Which sessions may be a person's latest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Latest {
    /// Only sessions with at least one answer: for `report NAME`,
    /// `compare NAME` and a new session's previous one, so an empty
    /// session left by starting a new one is never taken for the latest.
    Answered,
    /// Any session: for `run`, which reopens the latest. A coach who
    /// pressed `n` (new session) and left before the first answer expects
    /// that new session back, so an empty one is reopened when it is the
    /// most recently changed; a session with answers changed after it
    /// comes first.
    Any,
}

/// The one rule for "latest": the sessions that may be it (see [`Latest`]),
/// the latest first. A session is as recent as its last change
/// (`updated`, else `started`); one with neither is the oldest. A stamp
/// later than `now` (a clock set wrong, a file edited by hand) counts as
/// older than every stamp that is not, so a session stamped in the future
/// never pins itself as the latest. Equal stamps: the later file name
/// first (names hold the start time).
pub fn newest_first(mut sessions: Vec<Found>, now: Timestamp, which: Latest) -> Vec<Found> {
    if which == Latest::Answered {
        sessions.retain(|f| f.answered > 0);
    }
    let recency = |f: &Found| {
        let changed = f.meta.updated.or(f.meta.started);
        let rank = match changed {
            None => 0,
            Some(t) if t > now => 1,
            Some(_) => 2,
        };
        (rank, changed)
    };
    sessions.sort_by(|a, b| {
        recency(b)
            .cmp(&recency(a))
            .then_with(|| b.path.cmp(&a.path))
    });
    sessions
}

/// Every session file under the data folder (or a folder given): its own
/// `.yaml` files, each person's, and the old default folder's.
pub fn every_file(root: &Path) -> Vec<PathBuf> {
    let mut files = yaml_files(root);
    if let Ok(people) = std::fs::read_dir(root.join("people")) {
        let mut folders: Vec<PathBuf> = people.flatten().map(|e| e.path()).collect();
        folders.sort();
        for f in folders {
            files.extend(yaml_files(&f));
        }
    }
    files.extend(yaml_files(&root.join("sessions")));
    files.retain(|p| p.is_file());
    files
}

/// The id `crossroads sessions` gives a file under `root`: its path from
/// there without `.yaml` (and without `people/`): `sam-lee/career-tracks-
/// 20260303-101500`, or `sessions/career-tracks` for an old one.
pub fn id_of(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let rel = rel.strip_prefix("people").unwrap_or(rel);
    let text = rel.with_extension("").to_string_lossy().into_owned();
    text.replace('\\', "/")
}

/// The file of a session id under `root`, if there is one. An id never
/// leaves the data folder.
pub fn by_id(root: &Path, id: &str) -> Option<PathBuf> {
    let rel = Path::new(id);
    let plain = rel
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !plain || id.is_empty() {
        return None;
    }
    [root.join("people"), root.to_path_buf()]
        .iter()
        .map(|dir| dir.join(format!("{id}.yaml")))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests;
