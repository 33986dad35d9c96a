//! The only reader of the command line's input files: assessments, answers
//! and session files. Each file is read and parsed once, checked against
//! its assessment, and its warnings are printed the same way whichever
//! command reads it.

use super::{Failure, output};
use crossroads::answers::{AnswersFile, ParseError, ParsedFile};
use crossroads::assessment::Assessment;
use crossroads::session::{Meta, people};
use crossroads::source;
use std::path::{Path, PathBuf};

/// An answers or session file checked against its assessment.
pub struct Checked {
    pub assessment: Assessment,
    pub file: AnswersFile,
}

/// An assessment from a path or a bundled id. Its own warnings are for
/// `validate`; here only whether it can be used matters.
pub fn assessment(arg: &str) -> Result<Assessment, Failure> {
    let (assessment, _, _) = source::load(arg)?;
    Ok(assessment)
}

/// Reads and parses an answers or session file; `what` names it when it
/// cannot be read ("the file", "the answers file").
pub fn parse(path: &Path, what: &str) -> Result<ParsedFile, Failure> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::Invalid(format!("{name}: cannot read {what}: {e}")))?;
    ParsedFile::parse(&name, &bytes).map_err(|e| match e {
        ParseError::Syntax(p) => Failure::Invalid(p.display_in(&name)),
        ParseError::NotAMapping => Failure::Invalid(format!(
            "{name}: an answers file is a mapping with `assessment:` and `answers:`"
        )),
    })
}

/// Checks a parsed file against `assessment` and prints its warnings.
pub fn check(parsed: &ParsedFile, assessment: &Assessment) -> Result<AnswersFile, Failure> {
    let file = parsed
        .check(assessment)
        .map_err(|r| Failure::Invalid(r.to_string()))?;
    for w in &file.warnings {
        output::warn(&w.display_in(&parsed.name));
    }
    Ok(file)
}

/// `score`: an answers file checked against the assessment given.
pub fn scored(assessment_arg: &str, answers: &Path) -> Result<Checked, Failure> {
    let assessment = assessment(assessment_arg)?;
    let parsed = parse(answers, "the answers file")?;
    let file = check(&parsed, &assessment)?;
    Ok(Checked { assessment, file })
}

/// `report`: a file and the assessment it belongs to (see [`assessment_for`]).
pub fn with_assessment(path: &Path, given: Option<&str>) -> Result<Checked, Failure> {
    let parsed = parse(path, "the file")?;
    let assessment = assessment(&assessment_for(&parsed, given)?)?;
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
    let which = match given {
        Some(a) => a.to_string(),
        None => assessment_for(&old, None).or_else(|_| assessment_for(&new, None))?,
    };
    let assessment = assessment(&which)?;
    let old = check(&old, &assessment)?;
    let new = check(&new, &assessment)?;
    Ok((assessment, old, new))
}

/// A saved session as `sessions` lists it.
pub struct Listed {
    pub assessment: String,
    pub meta: Meta,
    /// (answered, total), or why they cannot be counted.
    pub progress: Result<(usize, usize), String>,
}

/// `sessions`: a saved session as listed, without printing anything; a
/// file that is not a session at all gives the reason.
pub fn listed(path: &Path) -> Result<Listed, String> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("cannot be read: {e}"))?;
    let parsed = ParsedFile::parse(&name, &bytes).map_err(|_| "not a session file".to_string())?;
    let meta = parsed.meta().cloned().unwrap_or_default();
    let id = parsed.assessment_id().unwrap_or("?").to_string();
    let progress = match source::load(&meta.score_target(&id)) {
        Ok((a, _, _)) => match parsed.check(&a) {
            Ok(f) => {
                let s = crossroads::scoring::score(&a, &f.answers);
                Ok((s.answered, s.total))
            }
            Err(_) => Err("does not fit its assessment".into()),
        },
        Err(_) => Err("assessment not found".into()),
    };
    Ok(Listed {
        assessment: id,
        meta,
        progress,
    })
}

/// The data folder, or why there is none.
pub fn data_root() -> Result<PathBuf, Failure> {
    people::root().ok_or_else(|| {
        Failure::Invalid("no data folder is known here (set XDG_DATA_HOME or HOME)".into())
    })
}

/// A session named on the command line, for `report` and `compare`: a
/// file, an id from `crossroads sessions`, or a person's name (their
/// latest session), in that order.
pub fn session_arg(arg: &Path) -> Result<PathBuf, Failure> {
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
    match people::all_of(&root, Some(&text)).pop() {
        Some(latest)
            if !people::is_self(Some(&text)) || text.trim().eq_ignore_ascii_case(people::SELF) =>
        {
            Ok(latest.path)
        }
        _ => Err(not_found()),
    }
}

/// `compare`'s two sessions: each named as [`session_arg`] takes, or a
/// person's name alone for their last two sessions of one assessment.
pub fn compare_args(old: &Path, new: Option<&Path>) -> Result<(PathBuf, PathBuf), Failure> {
    if let Some(new) = new {
        return Ok((session_arg(old)?, session_arg(new)?));
    }
    let name = old.to_string_lossy();
    let root = data_root()?;
    let Some(latest) = people::all_of(&root, Some(&name)).pop() else {
        return Err(Failure::Invalid(format!(
            "{name}: no sessions of this person (see `crossroads sessions`); or name two sessions to compare"
        )));
    };
    let mut same = people::sessions_of(&root, Some(&name), &latest.assessment);
    match (same.pop(), same.pop()) {
        (Some(newer), Some(older)) => Ok((older.path, newer.path)),
        _ => Err(Failure::Invalid(format!(
            "{name} has one session of {}; compare needs two",
            latest.assessment
        ))),
    }
}

/// The assessment to use for a file: `--assessment` if given; otherwise the
/// session's recorded bundled id or path; otherwise the bundled assessment
/// named by its `assessment:` line.
pub fn assessment_for(parsed: &ParsedFile, given: Option<&str>) -> Result<String, Failure> {
    if let Some(a) = given {
        return Ok(a.to_string());
    }
    if let Some(meta) = parsed.meta() {
        if let Some(b) = &meta.bundled {
            return Ok(b.clone());
        }
        if let Some(p) = meta
            .assessment_path
            .as_ref()
            .filter(|p| Path::new(p).exists())
        {
            return Ok(p.clone());
        }
    }
    let name = &parsed.name;
    match parsed.assessment_id() {
        Some(id) if crossroads::bundled::find(id).is_some() => Ok(id.to_string()),
        Some(id) => Err(Failure::Invalid(format!(
            "{name}: it is for assessment \"{id}\", which is not bundled and whose file is not recorded or not found; pass it with --assessment PATH"
        ))),
        None => Err(Failure::Invalid(format!(
            "{name}: `assessment` is missing, so the assessment is unknown; add `assessment: ID` or pass --assessment PATH"
        ))),
    }
}
