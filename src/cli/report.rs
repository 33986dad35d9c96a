//! `crossroads report SESSION [--assessment A] [--format ...] [--output FILE]
//! [--for mentee|coach]`: the mentee's takeaway by default, or the coach's
//! copy with the coach prompts and private notes.

use super::output::emit;
use super::{Failure, inputs};
use crossroads::output::{Document, render};
use crossroads::report::Format;
use crossroads::report::full::{Audience, ReportInput};
use crossroads::scoring;
use std::path::Path;

/// Writes the report of a session (or any answers file) for `audience`.
pub fn run(
    session: &Path,
    assessment: Option<&str>,
    format: Format,
    output: Option<&Path>,
    audience: Audience,
) -> Result<(), Failure> {
    let r = inputs::with_assessment(session, assessment)?;
    let score = scoring::score(&r.assessment, &r.file.answers);
    let input = ReportInput {
        assessment: &r.assessment,
        answers: &r.file.answers,
        meta: r.file.session.as_ref(),
        score: &score,
        audience,
    };
    let text = render(&Document::Report(&input), format).map_err(Failure::Invalid)?;
    emit(&text, output)
}
