//! Finding the assessment an answers or session file belongs to.

use super::Failure;
use crossroads::answers::{AnswersFile, read_answers};
use crossroads::assessment::Assessment;
use crossroads::session::{self, Header};
use crossroads::source;
use std::path::Path;

/// An answers or session file, read and checked against its assessment.
pub struct Read {
    pub assessment: Assessment,
    pub file: AnswersFile,
    pub header: Header,
}

fn read_bytes(path: &Path) -> Result<(String, Vec<u8>), Failure> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::Invalid(format!("{name}: cannot read the file: {e}")))?;
    Ok((name, bytes))
}

/// The assessment to use for a file: `--assessment` if given; otherwise the
/// session's recorded bundled id or path; otherwise the bundled assessment
/// named by its `assessment:` line.
pub fn assessment_for(header: &Header, given: Option<&str>, name: &str) -> Result<String, Failure> {
    if let Some(a) = given {
        return Ok(a.to_string());
    }
    if let Some(meta) = &header.meta {
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
    match &header.assessment_id {
        Some(id) if crossroads::bundled::find(id).is_some() => Ok(id.clone()),
        Some(id) => Err(Failure::Invalid(format!(
            "{name}: it is for assessment \"{id}\", which is not bundled and whose file is not recorded or not found; pass it with --assessment PATH"
        ))),
        None => Err(Failure::Invalid(format!(
            "{name}: `assessment` is missing, so the assessment is unknown; add `assessment: ID` or pass --assessment PATH"
        ))),
    }
}

/// Reads a file and its assessment.
pub fn read(path: &Path, given: Option<&str>) -> Result<Read, Failure> {
    let (name, bytes) = read_bytes(path)?;
    let header = session::read_header(&name, &bytes).map_err(Failure::Invalid)?;
    let which = assessment_for(&header, given, &name)?;
    let (assessment, _, _) = source::load(&which)?;
    let file =
        read_answers(&name, &bytes, &assessment).map_err(|r| Failure::Invalid(r.to_string()))?;
    for w in &file.warnings {
        super::output::warn(&w.display_in(&name));
    }
    Ok(Read {
        assessment,
        file,
        header,
    })
}

/// Writes `text` to `--output FILE` (atomically) or standard output.
pub fn emit(text: &str, output: Option<&Path>) -> Result<(), Failure> {
    match output {
        Some(path) => {
            session::write_atomic(path, text).map_err(|e| {
                Failure::Invalid(format!("{}: cannot write the file: {e}", path.display()))
            })?;
            super::output::warn(&format!("Wrote {}", path.display()));
            Ok(())
        }
        None => super::output::print(text),
    }
}
