//! The session file: a valid answers file (spec section 2) whose `session:`
//! mapping holds the app's bookkeeping. Saved atomically after every change.

use crate::answers::{Answers, read_answer, read_answers};
use crate::assessment::Assessment;
use crate::assessment::problem::Problem;
use crate::yaml;
use serde_yaml::{Mapping, Value};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The app's bookkeeping, kept under `session:`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// The file the assessment was read from, when it was a file.
    pub assessment_path: Option<String>,
    /// The bundled id, when it was bundled.
    pub bundled: Option<String>,
    /// Fingerprint of the assessment's bytes, to notice when it changes.
    pub fingerprint: String,
    /// Id of the question the person was on.
    pub position: Option<String>,
    /// Whether the person reached the results.
    pub complete: bool,
    /// When the session started and last changed (UTC, RFC 3339).
    pub started: String,
    pub updated: String,
    /// The mentee's name, in coach mode.
    pub name: Option<String>,
    /// A coach's note on the session as a whole.
    pub note: Option<String>,
    /// Whether the session was taken in coach mode.
    pub coach: bool,
}

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

/// FNV-1a, 64 bits, as 16 hex digits: stable across versions and platforms.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// `$XDG_DATA_HOME/crossroads/sessions/ID.yaml` (or the platform's data dir).
pub fn default_path(assessment_id: &str) -> Option<PathBuf> {
    dirs::data_dir().map(|d| {
        d.join("crossroads")
            .join("sessions")
            .join(format!("{assessment_id}.yaml"))
    })
}

/// The current time in UTC as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn text(map: &Mapping, key: &str) -> Option<String> {
    map.get(key).and_then(Value::as_str).map(str::to_string)
}

impl Meta {
    /// What to pass to `crossroads score` for this session's assessment:
    /// the bundled id, or the file's path.
    pub fn score_target(&self, id: &str) -> String {
        match (&self.bundled, &self.assessment_path) {
            (Some(b), _) => b.clone(),
            (None, Some(p)) => p.clone(),
            (None, None) => id.to_string(),
        }
    }

    /// Reads the bookkeeping from a `session:` mapping (missing keys: defaults).
    pub fn from_mapping(map: &Mapping) -> Meta {
        Meta {
            assessment_path: text(map, "assessment_path"),
            bundled: text(map, "bundled"),
            fingerprint: text(map, "fingerprint").unwrap_or_default(),
            position: text(map, "position"),
            complete: map
                .get("complete")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            started: text(map, "started").unwrap_or_default(),
            updated: text(map, "updated").unwrap_or_default(),
            name: text(map, "name"),
            note: text(map, "note"),
            coach: map.get("coach").and_then(Value::as_bool).unwrap_or(false),
        }
    }

    fn to_mapping(&self) -> Mapping {
        let mut m = Mapping::new();
        let mut put = |k: &str, v: Value| {
            m.insert(Value::String(k.into()), v);
        };
        let opt = |v: &Option<String>| v.clone().map_or(Value::Null, Value::String);
        put("assessment_path", opt(&self.assessment_path));
        put("bundled", opt(&self.bundled));
        put("fingerprint", Value::String(self.fingerprint.clone()));
        put("position", opt(&self.position));
        put("complete", Value::Bool(self.complete));
        put("started", Value::String(self.started.clone()));
        put("updated", Value::String(self.updated.clone()));
        if self.coach {
            put("coach", Value::Bool(true));
        }
        if self.name.is_some() {
            put("name", opt(&self.name));
        }
        if self.note.is_some() {
            put("note", opt(&self.note));
        }
        m
    }
}

/// The first words of every session file the app writes.
const HEADER: &str = "# crossroads session";
/// The last line of every session file the app writes: a file that starts
/// with `HEADER` but lacks it was cut short.
const FOOTER: &str = "# end of session";

/// The whole session file as YAML text.
pub fn render(assessment: &Assessment, answers: &Answers, meta: &Meta) -> String {
    let mut top = Mapping::new();
    top.insert("assessment".into(), Value::String(assessment.id.clone()));
    top.insert(
        "answers".into(),
        Value::Mapping(answers.to_mapping(assessment)),
    );
    if !answers.notes.is_empty() {
        let notes: Mapping = answers
            .notes
            .iter()
            .map(|(k, v)| (Value::String(k.clone()), Value::String(v.clone())))
            .collect();
        top.insert("notes".into(), Value::Mapping(notes));
    }
    top.insert("session".into(), Value::Mapping(meta.to_mapping()));
    let body = serde_yaml::to_string(&Value::Mapping(top)).unwrap_or_default();
    format!(
        "{HEADER}: a valid answers file (`crossroads score {} --answers THIS_FILE`)\n{body}{FOOTER}\n",
        crate::sanitize::line(&meta.score_target(&assessment.id))
    )
}

/// Writes `contents` to `path` atomically: a temporary file in the same
/// folder, flushed to disk, given mode 0600, then renamed over the target.
pub fn write_atomic(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".crossroads-")
        .suffix(".tmp")
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

/// A copy of the file beside it, named with the time, before it is replaced.
pub fn backup(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = now().replace([':', '-'], "");
    let name = format!(
        "{}.{stamp}.bak",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("session.yaml")
    );
    let target = path.with_file_name(name);
    std::fs::copy(path, &target)?;
    Ok(target)
}

fn first_problem(problems: &[Problem]) -> String {
    problems
        .iter()
        .find(|p| p.is_error())
        .map(ToString::to_string)
        .unwrap_or_default()
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
    let bytes = std::fs::read(path)
        .map_err(|e| SessionError::Unreadable(format!("cannot read session file {name}: {e}")))?;
    let broken = |why: String| {
        SessionError::Broken(format!(
            "session file {name} cannot be used ({why}); it was left untouched: move it aside, or pass --session with another path"
        ))
    };
    let doc = yaml::parse_value(&bytes, "a session file", "assessment: ...")
        .map_err(|p| broken(p.to_string()))?;
    if bytes.starts_with(HEADER.as_bytes()) && !bytes.trim_ascii_end().ends_with(FOOTER.as_bytes())
    {
        return Err(broken(
            "it is cut short: its last line, `# end of session`, is missing".into(),
        ));
    }
    let Value::Mapping(top) = &doc else {
        return Err(broken("it is not a mapping".into()));
    };
    match top.get("assessment").and_then(Value::as_str) {
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
    let meta = match top.get("session") {
        Some(Value::Mapping(m)) => Meta::from_mapping(m),
        _ => Meta::default(),
    };
    // A plain answers file (no fingerprint) is read as strictly as one whose
    // assessment has not changed.
    if meta.fingerprint == current_fingerprint || meta.fingerprint.is_empty() {
        let file = read_answers(&name, &bytes, assessment)
            .map_err(|r| broken(first_problem(&r.problems)))?;
        return Ok(Loaded {
            answers: file.answers,
            meta,
            changed: None,
        });
    }
    // The assessment changed: keep what still fits, report what does not.
    let mut answers = Answers::new(assessment.questions.len());
    let mut dropped = Vec::new();
    if let Some(Value::Mapping(map)) = top.get("answers") {
        for (key, value) in map {
            let id = key.as_str().unwrap_or_default().to_string();
            match assessment
                .question_index(&id)
                .map(|q| (q, read_answer(assessment, q, value)))
            {
                Some((q, Ok(a))) => answers.set(q, Some(a)),
                _ => dropped.push(id),
            }
        }
    }
    if let Some(Value::Mapping(map)) = top.get("notes") {
        for (k, v) in map {
            if let (Some(k), Some(v)) = (k.as_str(), v.as_str()) {
                answers.notes.insert(k.to_string(), v.to_string());
            }
        }
    }
    let kept = answers.count();
    Ok(Loaded {
        answers,
        meta,
        changed: Some(Changed { kept, dropped }),
    })
}

/// What a session or answers file says about itself before it is checked
/// against an assessment: the assessment's id and the session's bookkeeping.
#[derive(Debug, Clone, Default)]
pub struct Header {
    pub assessment_id: Option<String>,
    pub meta: Option<Meta>,
}

/// Reads the header of an answers or session file.
pub fn read_header(file: &str, bytes: &[u8]) -> Result<Header, String> {
    let doc = yaml::parse_value(bytes, "an answers file", "assessment: career-tracks")
        .map_err(|p| p.display_in(file))?;
    let Value::Mapping(top) = doc else {
        return Err(format!(
            "{file}: an answers file is a mapping with `assessment:` and `answers:`"
        ));
    };
    Ok(Header {
        assessment_id: top
            .get("assessment")
            .and_then(Value::as_str)
            .map(str::to_string),
        meta: match top.get("session") {
            Some(Value::Mapping(m)) => Some(Meta::from_mapping(m)),
            _ => None,
        },
    })
}
