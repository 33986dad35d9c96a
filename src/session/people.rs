//! People and where their sessions are kept: one folder per person under
//! the data folder (`crossroads/people/<person>/`), one file per session
//! taken, with names that are safe for any name or id.
//!
//! A person is known by their name with case and spacing set aside ("Sam
//! Lee" and "sam  lee" are one person); no name, or "me", is the person
//! taking a self-assessment. A file belongs to the person whose name its
//! `session:` mapping holds, whichever folder it is in, so even two names
//! whose folders collided could never resume each other's sessions.

use super::store::{self, Meta};
use super::time::Timestamp;
use crate::answers::ParsedFile;
use std::path::{Path, PathBuf};

/// The person of a self-assessment, as written on the command line.
pub const SELF: &str = "me";

/// Longest slug of a person's name before its hash.
const PERSON_CAP: usize = 48;
/// Longest slug of an assessment id before its hash.
const ID_CAP: usize = 40;

/// A name as it identifies a person: trimmed, inner spaces collapsed,
/// lower case; an empty name (or none) is [`SELF`].
pub fn key(name: Option<&str>) -> String {
    let joined = name
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if joined.is_empty() {
        SELF.to_string()
    } else {
        joined
    }
}

/// Whether a name is the person taking a self-assessment.
pub fn is_self(name: Option<&str>) -> bool {
    key(name) == SELF
}

/// The display name kept in `Meta::name`: None for the self-assessment.
pub fn stored_name(name: Option<&str>) -> Option<String> {
    let name = crate::sanitize::line(name.unwrap_or_default().trim());
    (!is_self(Some(&name))).then_some(name)
}

/// Whose session it is, to begin a sentence: "Your" or "Sam Lee's".
pub fn possessive(name: Option<&str>) -> String {
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

/// A file-name-safe form of a person's key: see [`slug_with`], words
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
pub fn slug_with(text: &str, sep: char, cap: usize) -> String {
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

/// A person's folder under the data folder.
pub fn folder(root: &Path, name: Option<&str>) -> PathBuf {
    root.join("people").join(slug(&key(name), PERSON_CAP))
}

/// The file of a new session of `assessment_id` in `folder`, started at
/// `now`: `<id>-<YYYYMMDD-HHMMSS>.yaml`, with `-2`, `-3`... when a file of
/// that name exists, so a new session never replaces one.
pub fn new_file(folder: &Path, assessment_id: &str, now: Timestamp) -> PathBuf {
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

/// One of a person's earlier sessions, as the welcome lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earlier {
    /// When it started (or last changed).
    pub date: Option<Timestamp>,
    pub answered: usize,
    pub total: usize,
    pub finished: bool,
}

impl Earlier {
    /// "3 March 2026: 12 of 41 answered, finished".
    pub fn words(&self) -> String {
        let date = self.date.map_or("undated".to_string(), |d| d.date());
        let done = if self.finished {
            "finished"
        } else {
            "not finished"
        };
        format!(
            "{date}: {} of {} answered, {done}",
            self.answered, self.total
        )
    }
}

/// Whose saved session this is and how far it got, for the welcome of
/// both front ends: "Sam Lee's session from 3 March 2026: 12 of 41
/// answered", or for the self-assessment "You have a saved session: 12
/// answered of 41, from 3 March 2026".
pub fn resume_words(name: Option<&str>, r: &super::Resume, finished: bool) -> String {
    let from = r.started.or(r.updated).map(|t| t.date());
    let mut text = if is_self(name) {
        let from = from.map(|d| format!(", from {d}")).unwrap_or_default();
        format!(
            "You have a saved session: {} answered of {}{from}",
            r.answered, r.total
        )
    } else {
        let from = from.map(|d| format!(" from {d}")).unwrap_or_default();
        format!(
            "{} session{from}: {} of {} answered",
            possessive(name),
            r.answered,
            r.total
        )
    };
    if let Some(when) = r.updated {
        text.push_str(&format!(", last changed {}", when.words()));
    }
    text.push_str(if finished { ". It is finished." } else { "." });
    text
}

/// A saved session found on disk, read only as far as its bookkeeping.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    pub assessment: String,
    pub meta: Meta,
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
    let mut files = yaml_files(&folder(root, name));
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
mod tests {
    use super::*;

    #[test]
    fn a_plain_name_keeps_its_words() {
        assert_eq!(slug("sam lee", 48), "sam-lee");
        assert_eq!(slug(&key(Some("  Sam   Lee ")), 48), "sam-lee");
        assert_eq!(key(Some("Sam Lee")), key(Some("sam  lee")));
    }

    #[test]
    fn anything_lost_adds_a_hash_so_names_never_collide() {
        let names = [
            "sam lee", "sam-lee", "sam_lee", "sam  lee", "sam lee ", " sam lee", "Sam Lee",
            "sam.lee", "josé", "jose", "李雷", "..", "", "-", "a", "a-",
        ];
        let slugs: Vec<String> = names.iter().map(|n| slug(n, 48)).collect();
        for (i, a) in slugs.iter().enumerate() {
            for (j, b) in slugs.iter().enumerate() {
                assert!(
                    i == j || a != b,
                    "{:?} and {:?} share {a}",
                    names[i],
                    names[j]
                );
            }
        }
        assert!(slug("sam-lee", 48).starts_with("sam-lee_"));
        assert!(slug("李雷", 48).starts_with('_'));
    }

    #[test]
    fn a_slug_is_safe_in_a_file_name() {
        for n in [
            "../../etc/passwd",
            "a/b",
            "C:\\x",
            ".hidden",
            "nul\0byte",
            "...",
        ] {
            let s = slug(n, 48);
            assert!(
                s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'),
                "{s}"
            );
            assert!(!s.starts_with('.'), "{s}");
        }
    }

    #[test]
    fn long_names_and_ids_are_capped_and_still_differ() {
        let long = "x".repeat(300);
        let other = format!("{}y", "x".repeat(299));
        let (a, b) = (
            slug_with(&long, '-', ID_CAP),
            slug_with(&other, '-', ID_CAP),
        );
        assert_eq!(slug_with("career-tracks", '-', ID_CAP), "career-tracks");
        assert_ne!(slug_with("Career-tracks", '-', ID_CAP), "career-tracks");
        assert!(a.len() <= ID_CAP + 11, "{a}");
        assert_ne!(a, b);
        let dir = tempfile::tempdir().unwrap();
        let path = new_file(dir.path(), &long, Timestamp::from_secs(0));
        assert!(path.file_name().unwrap().len() < 100, "{}", path.display());
        std::fs::write(&path, "x").unwrap();
        assert_ne!(new_file(dir.path(), &long, Timestamp::from_secs(0)), path);
    }

    #[test]
    fn a_new_file_is_named_by_assessment_and_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = new_file(
            dir.path(),
            "career-tracks",
            Timestamp::from_secs(86_400 + 61),
        );
        assert_eq!(
            path.file_name().unwrap(),
            "career-tracks-19700102-000101.yaml"
        );
    }

    #[test]
    fn the_self_person_has_no_stored_name() {
        assert_eq!(stored_name(Some("me")), None);
        assert_eq!(stored_name(Some(" ME ")), None);
        assert_eq!(stored_name(None), None);
        assert_eq!(stored_name(Some("Ada")).as_deref(), Some("Ada"));
        assert_eq!(possessive(None), "Your");
        assert_eq!(possessive(Some("Sam Lee")), "Sam Lee's");
        assert_eq!(
            folder(Path::new("/d"), Some("Me")),
            Path::new("/d/people/me")
        );
    }
}
