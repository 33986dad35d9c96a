//! `crossroads compare OLD NEW [--assessment A] [--format ...]`

use super::output::emit;
use super::{Failure, inputs};
use crossroads::compare;
use crossroads::report::{self, Document, Format};
use std::path::Path;

/// Compares two answers or session files of the same assessment.
pub fn run(
    old: &Path,
    new: &Path,
    assessment: Option<&str>,
    format: Format,
) -> Result<(), Failure> {
    let (a, old_file, new_file) = inputs::pair(old, new, assessment)?;
    let c = compare::compare(&a, &old_file.answers, &new_file.answers);
    let doc = Document::Comparison {
        assessment: &a,
        comparison: &c,
    };
    emit(
        &report::render(&doc, format).map_err(Failure::Invalid)?,
        None,
    )
}
