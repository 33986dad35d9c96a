//! `crossroads report SESSION [--assessment A] [--format ...] [--output FILE]`

use super::Failure;
use super::inputs;
use super::output::emit;
use crossroads::report::full::{self, ReportInput};
use crossroads::{sanitize, scoring};
use std::path::Path;

/// Formats of a report.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Html,
    Json,
    Text,
}

/// Writes the report of a session (or any answers file).
pub fn run(
    session: &Path,
    assessment: Option<&str>,
    format: ReportFormat,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let r = inputs::with_assessment(session, assessment)?;
    let score = scoring::score(&r.assessment, &r.file.answers);
    let input = ReportInput {
        assessment: &r.assessment,
        answers: &r.file.answers,
        meta: r.file.session.as_ref(),
        score: &score,
    };
    let text = match format {
        ReportFormat::Markdown => sanitize::clean(&full::markdown(&input)),
        ReportFormat::Html => full::html(&input),
        ReportFormat::Json => serde_json::to_string_pretty(&full::json(&input))
            .map_err(|e| Failure::Invalid(format!("cannot write JSON: {e}")))?,
        ReportFormat::Text => sanitize::clean(&full::text(&input)),
    };
    emit(&text, output)
}
