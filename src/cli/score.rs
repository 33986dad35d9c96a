//! `crossroads score ASSESSMENT --answers FILE [--format ...]`

use super::{Failure, exit, inputs, output};
use crossroads::output::{Document, render};
use crossroads::report::Format;
use crossroads::scoring;
use std::path::Path;

/// Scores an answers file and prints the result in the chosen format.
pub fn run(assessment: &str, answers_path: &Path, format: Format) -> Result<(), Failure> {
    let inputs::Checked {
        assessment: a,
        file,
    } = inputs::scored(assessment, answers_path)?;
    let score = scoring::score(&a, &file.answers);
    let doc = Document::Score {
        assessment: &a,
        answers: &file.answers,
        score: &score,
    };
    let printed = render(&doc, format)
        .map_err(Failure::Invalid)
        .and_then(|text| output::print(&text));
    // The command ends here.
    exit::leave((a, file, score));
    printed
}
