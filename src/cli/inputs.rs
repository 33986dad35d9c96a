//! The only reader of the command line's input files: assessments, answers
//! and session files. Each file is read and parsed once, checked against
//! its assessment, and its warnings are printed the same way whichever
//! command reads it.

use super::{Failure, output};
use crossroads::answers::{AnswersFile, ParseError, ParsedFile};
use crossroads::assessment::Assessment;
use crossroads::source;
use std::path::Path;

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

/// A file in the sessions folder, as `sessions` lists it.
pub enum Listed {
    /// It could not be read at all (a folder, no permission): not listed.
    Skipped,
    /// It is not YAML or not a mapping.
    Unreadable,
    /// A session (or answers file) and how far it got.
    Session(Box<ParsedFile>, String),
}

/// `sessions`: a saved session as listed, without printing anything.
pub fn listed(path: &Path) -> Listed {
    let name = path.display().to_string();
    let Ok(bytes) = std::fs::read(path) else {
        return Listed::Skipped;
    };
    let Ok(parsed) = ParsedFile::parse(&name, &bytes) else {
        return Listed::Unreadable;
    };
    let meta = parsed.meta().cloned().unwrap_or_default();
    let target = meta.score_target(parsed.assessment_id().unwrap_or("?"));
    let progress = match source::load(&target) {
        Ok((a, _, _)) => match parsed.check(&a) {
            Ok(f) => {
                let s = crossroads::scoring::score(&a, &f.answers);
                let done = if meta.complete { ", finished" } else { "" };
                format!("{}/{}{done}", s.answered, s.total)
            }
            Err(_) => "does not fit its assessment".into(),
        },
        Err(_) => "assessment not found".into(),
    };
    Listed::Session(Box::new(parsed), progress)
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
