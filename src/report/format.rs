//! The output formats of `score`, `report` and `compare`, and the one place
//! where a rendering is chosen and, when it is for people, sanitised.
//!
//! Text, Markdown and HTML pass through `sanitize::clean`, so that no
//! control character or escape sequence from a file reaches a terminal or
//! a page (HTML escapes every string too). JSON and YAML are data: their
//! serialisers escape what needs escaping, and the JSON of `score` is the
//! contract's, byte for byte.

use super::full::ReportInput;
use crate::answers::Answers;
use crate::assessment::Assessment;
use crate::compare::{self, Comparison};
use crate::sanitize;
use crate::scoring::Score;
use std::fmt;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    Yaml,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::Yaml,
    ];

    /// The name on the command line: `text`, `markdown`, `html`, `json`, `yaml`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
            Format::Yaml => "yaml",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!(
                    "there is no format \"{name}\"; formats are {}",
                    names.join(", ")
                )
            })
    }
}

/// What kind of document is rendered: each has its own formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The result of `crossroads score`.
    Score,
    /// The report of a session (`crossroads report`).
    Report,
    /// Two sets of answers compared (`crossroads compare`).
    Comparison,
}

impl Kind {
    /// The formats this kind can be written in, in the order they are
    /// listed to people.
    pub fn formats(self) -> &'static [Format] {
        match self {
            Kind::Score => &[Format::Json, Format::Yaml, Format::Markdown, Format::Text],
            Kind::Report => &[Format::Markdown, Format::Html, Format::Json, Format::Text],
            Kind::Comparison => &[Format::Text, Format::Markdown, Format::Json],
        }
    }

    /// The format used when none is asked for.
    pub fn default_format(self) -> Format {
        match self {
            Kind::Score | Kind::Comparison => Format::Text,
            Kind::Report => Format::Markdown,
        }
    }

    fn what(self) -> &'static str {
        match self {
            Kind::Score => "a score",
            Kind::Report => "a report",
            Kind::Comparison => "a comparison",
        }
    }
}

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
    let people = |text: String| Ok(sanitize::clean(&text));
    let data = |value: serde_json::Value| match format {
        Format::Yaml => {
            serde_yaml::to_string(&value).map_err(|e| format!("cannot write YAML: {e}"))
        }
        _ => serde_json::to_string_pretty(&value).map_err(|e| format!("cannot write JSON: {e}")),
    };
    use Document as D;
    use Format as F;
    match (*doc, format) {
        (
            D::Score {
                assessment: a,
                answers,
                score: s,
            },
            F::Json | F::Yaml,
        ) => data(super::json::score_json(a, answers, s)),
        (
            D::Score {
                assessment: a,
                answers,
                score: s,
            },
            F::Markdown,
        ) => people(super::markdown::render(a, answers, s)),
        (
            D::Score {
                assessment: a,
                answers,
                score: s,
            },
            F::Text,
        ) => people(super::text::render(a, answers, s)),
        (D::Report(input), F::Markdown) => people(super::full::markdown(input)),
        (D::Report(input), F::Html) => people(super::full::html(input)),
        (D::Report(input), F::Json) => data(super::full::json(input)),
        (D::Report(input), F::Text) => people(super::full::text(input)),
        (
            D::Comparison {
                assessment: a,
                comparison: c,
            },
            F::Text,
        ) => people(compare::text(a, c)),
        (
            D::Comparison {
                assessment: a,
                comparison: c,
            },
            F::Markdown,
        ) => people(compare::markdown(a, c)),
        (
            D::Comparison {
                assessment: a,
                comparison: c,
            },
            F::Json,
        ) => data(compare::json(a, c)),
        (doc, format) => {
            let kind = doc.kind();
            let names: Vec<&str> = kind.formats().iter().map(|f| f.name()).collect();
            Err(format!(
                "{} cannot be written as {format}; its formats are {}",
                kind.what(),
                names.join(", ")
            ))
        }
    }
}
