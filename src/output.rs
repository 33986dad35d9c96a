//! Every document the command line writes, and the one place a rendering
//! is chosen for it: the result of `score`, the report of a session and
//! a comparison, each in the formats of its [`Kind`]. Above both
//! [`crate::report`] and [`crate::compare`], so neither depends on the
//! other.

use crate::answers::Answers;
use crate::assessment::Assessment;
use crate::compare::{self, Comparison};
use crate::report::format::{self, Format, Kind};
use crate::report::full::ReportInput;
use crate::scoring::Score;

/// A document to render.
#[derive(Clone, Copy)]
pub enum Document<'a> {
    /// The result of scoring a set of answers.
    Score {
        assessment: &'a Assessment,
        answers: &'a Answers,
        score: &'a Score,
    },
    /// The report of a whole session.
    Report(&'a ReportInput<'a>),
    /// Two sets of answers compared.
    Comparison {
        assessment: &'a Assessment,
        comparison: &'a Comparison,
    },
}

impl Document<'_> {
    /// Which kind of document this is.
    pub fn kind(&self) -> Kind {
        match self {
            Document::Score { .. } => Kind::Score,
            Document::Report(_) => Kind::Report,
            Document::Comparison { .. } => Kind::Comparison,
        }
    }
}

/// Renders `doc` in `format`: text for people sanitised, data exact. A
/// format the kind of document does not have is refused in a sentence, as
/// is data that cannot be serialised.
pub fn render(doc: &Document, format: Format) -> Result<String, String> {
    match *doc {
        Document::Score {
            assessment,
            answers,
            score,
        } => format::score(assessment, answers, score, format),
        Document::Report(input) => format::report(input, format),
        Document::Comparison {
            assessment,
            comparison,
        } => match format {
            Format::Text => format::for_people(compare::text(assessment, comparison)),
            Format::Markdown => format::for_people(compare::markdown(assessment, comparison)),
            Format::Json => format::as_data(compare::json(assessment, comparison), format),
            Format::Html | Format::Yaml => Err(format::refused(Kind::Comparison, format)),
        },
    }
}
