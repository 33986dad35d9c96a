//! `crossroads compare OLD NEW [--assessment A] [--format ...]`

use super::Failure;
use super::files::{assessment_for, emit};
use crossroads::answers::read_answers;
use crossroads::{compare, sanitize, session, source};
use std::path::Path;

/// Formats of a comparison.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum CompareFormat {
    Text,
    Markdown,
    Json,
}

/// Compares two answers or session files of the same assessment.
pub fn run(
    old: &Path,
    new: &Path,
    assessment: Option<&str>,
    format: CompareFormat,
) -> Result<(), Failure> {
    let read = |p: &Path| -> Result<(String, Vec<u8>, session::Header), Failure> {
        let name = p.display().to_string();
        let bytes = std::fs::read(p)
            .map_err(|e| Failure::Invalid(format!("{name}: cannot read the file: {e}")))?;
        let header = session::read_header(&name, &bytes).map_err(Failure::Invalid)?;
        Ok((name, bytes, header))
    };
    let (old_name, old_bytes, old_header) = read(old)?;
    let (new_name, new_bytes, new_header) = read(new)?;
    if let (Some(a), Some(b)) = (&old_header.assessment_id, &new_header.assessment_id)
        && a != b
    {
        return Err(Failure::Invalid(format!(
            "{old_name} answers assessment \"{a}\" but {new_name} answers \"{b}\"; compare two sets of answers to the same assessment"
        )));
    }
    let which = match assessment {
        Some(a) => a.to_string(),
        None => assessment_for(&old_header, None, &old_name)
            .or_else(|_| assessment_for(&new_header, None, &new_name))?,
    };
    let (a, _, _) = source::load(&which)?;
    let old_file =
        read_answers(&old_name, &old_bytes, &a).map_err(|r| Failure::Invalid(r.to_string()))?;
    let new_file =
        read_answers(&new_name, &new_bytes, &a).map_err(|r| Failure::Invalid(r.to_string()))?;
    let c = compare::compare(&a, &old_file.answers, &new_file.answers);
    let text = match format {
        CompareFormat::Text => sanitize::clean(&compare::text(&a, &c)),
        CompareFormat::Markdown => sanitize::clean(&compare::markdown(&a, &c)),
        CompareFormat::Json => serde_json::to_string_pretty(&compare::json(&a, &c))
            .map_err(|e| Failure::Invalid(format!("cannot write JSON: {e}")))?,
    };
    emit(&text, None)
}
