//! `crossroads report SESSION [--assessment A] [--format ...] [--output FILE
//! [--force]] [--for mentee|coach]`: the mentee's takeaway by default, or the coach's
//! copy with the coach prompts and private notes.

use super::{Failure, inputs, output};
use crossroads::output::{Document, render};
use crossroads::report::Format;
use crossroads::report::full::{Audience, ReportInput};
use crossroads::scoring;
use std::path::Path;

/// `--output FILE`, and whether `--force` lets it replace a file.
#[derive(Debug, Clone, Copy)]
pub struct Output<'a> {
    pub path: &'a Path,
    pub force: bool,
}

/// Writes the report of a session (or any answers file) for `audience`.
pub fn run(
    session: &Path,
    assessment: Option<&str>,
    format: Format,
    to: Option<Output<'_>>,
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
    let Some(to) = to else {
        return output::print(&text);
    };
    // What the report is made from is never written over, --force or not.
    let recorded = r
        .file
        .session
        .as_ref()
        .and_then(|m| m.assessment_path.as_deref());
    let mut inputs = vec![session];
    inputs.extend(assessment.map(Path::new));
    inputs.extend(recorded.map(Path::new));
    output::to_file(&text, to.path, to.force, &inputs)
}
