//! `crossroads compare OLD NEW [--assessment A] [--format ...]`

use super::output::emit;
use super::{Failure, inputs};
use crossroads::compare;
use crossroads::output::{Document, render};
use crossroads::report::Format;
use std::path::Path;

/// Compares two answers or session files of the same assessment.
pub fn run(
    old: &Path,
    new: &Path,
    assessment: Option<&str>,
    format: Format,
) -> Result<(), Failure> {
    let (a, old_file, new_file) = inputs::pair(old, new, assessment)?;
    let goals = |f: &crossroads::answers::AnswersFile| {
        f.session
            .as_ref()
            .map(|m| m.goals.clone())
            .unwrap_or_default()
    };
    // A session by its person and date, a plain answers file by its name.
    let side = |path: &Path, f: &crossroads::answers::AnswersFile| {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        compare::Side::of(&name, f.session.as_ref())
    };
    let c = compare::compare(&a, &old_file.answers, &new_file.answers)
        .with_goals(&goals(&old_file), &goals(&new_file))
        .with_sides(side(old, &old_file), side(new, &new_file));
    let doc = Document::Comparison {
        assessment: &a,
        comparison: &c,
    };
    emit(&render(&doc, format).map_err(Failure::Invalid)?, None)
}
