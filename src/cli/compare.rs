//! `crossroads compare OLD NEW [--assessment A] [--format ...]`

use super::Failure;
use super::inputs;
use super::output::emit;
use crossroads::{compare, sanitize};
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
    let (a, old_file, new_file) = inputs::pair(old, new, assessment)?;
    let c = compare::compare(&a, &old_file.answers, &new_file.answers);
    let text = match format {
        CompareFormat::Text => sanitize::clean(&compare::text(&a, &c)),
        CompareFormat::Markdown => sanitize::clean(&compare::markdown(&a, &c)),
        CompareFormat::Json => serde_json::to_string_pretty(&compare::json(&a, &c))
            .map_err(|e| Failure::Invalid(format!("cannot write JSON: {e}")))?,
    };
    emit(&text, None)
}
