//! The only reader of the command line's input files: assessments, answers
//! and session files. Each file is read and parsed once, checked against
//! its assessment, and its warnings are printed the same way whichever
//! command reads it.

use super::{Failure, output};
use crossroads::answers::{AnswersFile, ParseError, ParsedFile};
use crossroads::assessment::Assessment;
use crossroads::assessment::problem::Rejected;
use crossroads::files::ReadError;
use crossroads::session::{Meta, Timestamp, people};
use crossroads::source::cache::Assessments;
use crossroads::source::{self, SourceError};
use std::path::{Path, PathBuf};

/// An answers or session file checked against its assessment.
pub struct Checked {
    pub assessment: Assessment,
    pub file: AnswersFile,
}

/// An assessment from a path or a bundled id. Its own warnings are for
/// `validate`; here only whether it can be used matters.
pub fn assessment(arg: &str) -> Result<Assessment, Failure> {
    let (assessment, _) = source::assessment(arg)?;
    Ok(assessment)
}

/// Reads and parses an answers or session file; `what` names it when it
/// cannot be read ("the file", "the answers file").
pub fn parse(path: &Path, what: &str) -> Result<ParsedFile, Failure> {
    let (name, bytes) = bytes(path, what)?;
    ParsedFile::parse(&name, &bytes).map_err(|e| unparsed(&name, e))
}

/// The file's name as messages give it, and its bytes.
fn bytes(path: &Path, what: &str) -> Result<(String, Vec<u8>), Failure> {
    let name = path.display().to_string();
    let bytes = crossroads::files::read(path).map_err(|e| match e {
        ReadError::Io(_, e) => Failure::Invalid(format!("{name}: cannot read {what}: {e}")),
        e => Failure::Invalid(e.to_string()),
    })?;
    Ok((name, bytes))
}

/// Why the file `name` cannot be parsed, in a sentence.
fn unparsed(name: &str, e: ParseError) -> Failure {
    match e {
        ParseError::Syntax(p) => Failure::Invalid(p.display_in(name)),
        ParseError::NotAMapping => Failure::Invalid(format!(
            "{name}: an answers file is a mapping with `assessment:` and `answers:`"
        )),
    }
}

/// Checks a parsed file against `assessment` and prints its warnings.
pub fn check(parsed: &ParsedFile, assessment: &Assessment) -> Result<AnswersFile, Failure> {
    fitted(&parsed.name, parsed.check(assessment))
}

/// A file checked against its assessment, with its warnings printed.
fn fitted(name: &str, checked: Result<AnswersFile, Rejected>) -> Result<AnswersFile, Failure> {
    let file = checked.map_err(|r| Failure::Invalid(r.to_string()))?;
    for w in &file.warnings {
        output::warn(&w.display_in(name));
    }
    Ok(file)
}

/// `score`: an answers file checked against the assessment given, each
/// answer as it is read (the assessment is known first).
pub fn scored(assessment_arg: &str, answers: &Path) -> Result<Checked, Failure> {
    let assessment = assessment(assessment_arg)?;
    let (name, bytes) = bytes(answers, "the answers file")?;
    let checked = ParsedFile::read(&name, &bytes, &assessment).map_err(|e| unparsed(&name, e))?;
    let file = fitted(&name, checked)?;
    Ok(Checked { assessment, file })
}

/// `report`: a file and the assessment it belongs to (see [`assessment_for`]).
pub(crate) fn with_assessment(path: &Path, given: Option<&str>) -> Result<Checked, Failure> {
    let parsed = parse(path, "the file")?;
    let assessment = load_named(&assessment_for(&parsed, given)?, &parsed.name)?;
    let file = check(&parsed, &assessment)?;
    Ok(Checked { assessment, file })
}

/// `compare`: two files of one assessment, each checked against it.
pub fn pair(
    old: &Path,
    new: &Path,
    given: Option<&str>,
) -> Result<(Assessment, AnswersFile, AnswersFile), Failure> {
    let (old, new) = (parse(old, "the file")?, parse(new, "the file")?);
    if let (Some(a), Some(b)) = (old.assessment_id(), new.assessment_id())
        && a != b
    {
        return Err(Failure::Invalid(format!(
            "{} answers assessment \"{a}\" but {} answers \"{b}\"; compare two sets of answers to the same assessment",
            old.name, new.name
        )));
    }
    let (which, by) = match assessment_for(&old, given) {
        Ok(which) => (which, &old.name),
        Err(_) => (assessment_for(&new, None)?, &new.name),
    };
    let assessment = load_named(&which, by)?;
    let old = check(&old, &assessment)?;
    let new = check(&new, &assessment)?;
    Ok((assessment, old, new))
}

/// A saved session as `sessions` lists it.
pub(crate) struct Listed {
    pub assessment: String,
    pub meta: Meta,
    /// (answered, total), or why they cannot be counted.
    pub progress: Result<(usize, usize), String>,
}

/// `sessions`: a saved session as listed, without printing anything; a
/// file that is not a session at all gives the reason. Each assessment is
/// loaded once for all the files that name it (`known`).
pub fn listed(path: &Path, known: &mut Assessments) -> Result<Listed, String> {
    let name = path.display().to_string();
    let bytes = crossroads::files::read(path).map_err(|e| match e {
        ReadError::NotRegular { what, .. } => format!("{what}, not a file"),
        ReadError::TooLarge { .. } => "too large".to_string(),
        ReadError::NotFound(_) => "gone".to_string(),
        ReadError::Io(_, e) => format!("cannot be read: {e}"),
    })?;
    if let Some(listed) = summarised(&name, &bytes, known) {
        return Ok(listed);
    }
    let parsed = ParsedFile::parse(&name, &bytes).map_err(|_| "not a session file".to_string())?;
    drop(bytes);
    let meta = parsed.meta().cloned().unwrap_or_default();
    let id = parsed.assessment_id().unwrap_or("?").to_string();
    let (loaded, recorded) = match assessment_for(&parsed, None) {
        Ok(Named::Bundled(b)) => (Some(known.bundled(b)), false),
        Ok(Named::Recorded(p)) => (Some(known.file(&p)), true),
        _ => (None, false),
    };
    let progress = match loaded.as_deref() {
        Some(Ok(a)) => match parsed.check(a) {
            Ok(f) => Ok(crossroads::scoring::progress(a, &f.answers)),
            Err(_) => Err("does not fit its assessment".into()),
        },
        Some(Err(_)) if recorded => Err("its assessment file cannot be used".into()),
        _ => Err("assessment not found".into()),
    };
    Ok(Listed {
        assessment: id,
        meta,
        progress,
    })
}

/// A saved session as listed from its summary line, without parsing its
/// answers: only when the summary's digest matches the file and the
/// assessment it was saved with is the one it names now (same
/// fingerprint), so the counts are those a full read would give.
fn summarised(name: &str, bytes: &[u8], known: &mut Assessments) -> Option<Listed> {
    let summary = crossroads::session::summary::read(name, bytes)?;
    let meta = summary.meta;
    // The assessment by the one rule `listed` follows too.
    let named = recorded_or_named(Some(&meta), summary.assessment.as_deref(), name);
    let (loaded, print) = match named.ok()? {
        Named::Bundled(b) => (known.bundled(b), known.bundled_fingerprint(b).to_string()),
        Named::Recorded(path) => {
            let loaded = known.file(&path);
            (loaded, known.file_fingerprint(&path)?.to_string())
        }
        Named::Given(_) => return None,
    };
    let a = loaded.as_ref().as_ref().ok()?;
    let same = !meta.fingerprint.is_empty() && meta.fingerprint == print;
    let fits = summary.assessment.as_deref() == Some(&a.id) && summary.total <= a.questions.len();
    (same && fits).then(|| Listed {
        assessment: a.id.clone(),
        meta,
        progress: Ok((summary.answered, summary.total)),
    })
}

/// The data folder, or why there is none.
pub(crate) fn data_root() -> Result<PathBuf, Failure> {
    people::root().ok_or_else(|| {
        Failure::Invalid("no data folder is known here (set XDG_DATA_HOME or HOME)".into())
    })
}

/// A session named on the command line, for `report` and `compare`: a
/// file, an id from `crossroads sessions`, or a person's name (their
/// latest session with an answer, `people::newest_first`), in that order.
pub(crate) fn session_arg(arg: &Path) -> Result<PathBuf, Failure> {
    if arg.exists() {
        return Ok(arg.to_path_buf());
    }
    let text = arg.to_string_lossy();
    let not_found = || {
        Failure::Invalid(format!(
            "{text}: there is no such file, session id or person (see `crossroads sessions`)"
        ))
    };
    let Some(root) = people::root() else {
        return Err(not_found());
    };
    if let Some(path) = people::by_id(&root, &text) {
        return Ok(path);
    }
    if people::is_self(Some(&text)) && !text.trim().eq_ignore_ascii_case(people::SELF) {
        return Err(not_found());
    }
    let all = people::all_of(&root, Some(&text));
    if all.is_empty() {
        return Err(not_found());
    }
    match latest(all).into_iter().next() {
        Some(latest) => Ok(latest.path),
        None => Err(Failure::Invalid(format!(
            "{text}: no session of this person holds an answer yet (see `crossroads sessions`)"
        ))),
    }
}

/// A person's sessions with an answer, the latest first.
fn latest(sessions: Vec<people::Found>) -> Vec<people::Found> {
    people::newest_first(sessions, Timestamp::now(), people::Latest::Answered)
}

/// `compare`'s two sessions: each named as [`session_arg`] takes, or a
/// person's name alone for their last two sessions (with answers) of the
/// assessment of their latest.
pub(crate) fn compare_args(old: &Path, new: Option<&Path>) -> Result<(PathBuf, PathBuf), Failure> {
    if let Some(new) = new {
        return Ok((session_arg(old)?, session_arg(new)?));
    }
    let name = old.to_string_lossy();
    let root = data_root()?;
    let Some(newest) = latest(people::all_of(&root, Some(&name)))
        .into_iter()
        .next()
    else {
        return Err(Failure::Invalid(format!(
            "{name}: no sessions of this person (see `crossroads sessions`); or name two sessions to compare"
        )));
    };
    let mut same = latest(people::sessions_of(&root, Some(&name), &newest.assessment)).into_iter();
    match (same.next(), same.next()) {
        (Some(newer), Some(older)) => Ok((older.path, newer.path)),
        _ => Err(Failure::Invalid(format!(
            "{name} has one session of {}; compare needs two",
            newest.assessment
        ))),
    }
}

/// Where a file's assessment is to be read from.
enum Named {
    /// `--assessment`: a path or a bundled id, trusted as the person typed it.
    Given(String),
    /// A bundled assessment the file names (by `session: bundled` or its
    /// `assessment:` id): only ever a bundled one, never a file of that name.
    Bundled(&'static crossroads::bundled::Bundled),
    /// A path the session file records. The file came from someone else
    /// (a coach runs `report` on files mentees send), so it is read with
    /// the same opener and limits as any other, and when it is not a valid
    /// assessment nothing of it is quoted.
    Recorded(String),
}

/// The assessment to use for a file: `--assessment` if given; otherwise the
/// session's recorded bundled id or path; otherwise the bundled assessment
/// named by its `assessment:` line.
fn assessment_for(parsed: &ParsedFile, given: Option<&str>) -> Result<Named, Failure> {
    if let Some(a) = given {
        return Ok(Named::Given(a.to_string()));
    }
    recorded_or_named(parsed.meta(), parsed.assessment_id(), &parsed.name)
}

/// The assessment a file without `--assessment` is for, from its
/// bookkeeping (`meta`) and its `assessment:` id: the rule of
/// [`assessment_for`], for a file called `name`.
fn recorded_or_named(meta: Option<&Meta>, id: Option<&str>, name: &str) -> Result<Named, Failure> {
    if let Some(meta) = meta {
        if let Some(b) = meta.bundled.as_deref().and_then(crossroads::bundled::find) {
            return Ok(Named::Bundled(b));
        }
        // symlink_metadata: a dangling link or a FIFO is there, and refused
        // by the opener with a reason rather than skipped.
        if let Some(p) = meta
            .assessment_path
            .as_ref()
            .filter(|p| Path::new(p).symlink_metadata().is_ok())
        {
            return Ok(Named::Recorded(p.clone()));
        }
    }
    match id {
        Some(id) => match crossroads::bundled::find(id) {
            Some(b) => Ok(Named::Bundled(b)),
            None => Err(Failure::Invalid(format!(
                "{name}: it is for assessment \"{}\", which is not bundled and whose file is not recorded or not found; pass it with --assessment PATH",
                crossroads::sanitize::line(id)
            ))),
        },
        None => Err(Failure::Invalid(format!(
            "{name}: `assessment` is missing, so the assessment is unknown; add `assessment: ID` or pass --assessment PATH"
        ))),
    }
}

/// Loads the assessment `named` for the file called `file`.
fn load_named(named: &Named, file: &str) -> Result<Assessment, Failure> {
    match named {
        Named::Given(arg) => assessment(arg),
        Named::Bundled(b) => b
            .load()
            .map(|(a, _)| a)
            .map_err(|r| Failure::Invalid(r.to_string())),
        Named::Recorded(path) => match source::assessment(path) {
            Ok((a, _)) => Ok(a),
            Err(e) => Err(Failure::Invalid(format!(
                "{file}: the session names {path} as its assessment, {}; pass the assessment with --assessment PATH (or a bundled id)",
                untrusted(path, &e)
            ))),
        },
    }
}

/// Why a recorded assessment path cannot be used, in words that quote
/// nothing of the file: the opener's sentence names only the path and what
/// it is, and a file that was read is only said to be no assessment.
fn untrusted(path: &str, e: &SourceError) -> String {
    match e {
        SourceError::Unreadable(why) => {
            let why = why.strip_prefix(&format!("{path}: ")).unwrap_or(why);
            format!("which cannot be used ({why})")
        }
        SourceError::NotFound(_) => "which is not there".to_string(),
        SourceError::Invalid(_) => format!(
            "but that file is not a valid assessment (`crossroads validate {path}` says why)"
        ),
    }
}
