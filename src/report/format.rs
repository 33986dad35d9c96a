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

    /// "a score", "a report", "a comparison".
    pub fn what(self) -> &'static str {
        match self {
            Kind::Score => "a score",
            Kind::Report => "a report",
            Kind::Comparison => "a comparison",
        }
    }
}

/// Text for people, sanitised: no control character or escape sequence
/// from a file reaches a terminal or a page.
pub(crate) fn for_people(text: String) -> Result<String, String> {
    Ok(sanitize::clean(&text))
}

/// Data as JSON or, for [`Format::Yaml`], YAML; a value that cannot be
/// serialised is refused in a sentence.
pub(crate) fn as_data(value: serde_json::Value, format: Format) -> Result<String, String> {
    match format {
        Format::Yaml => {
            serde_yaml::to_string(&value).map_err(|e| format!("cannot write YAML: {e}"))
        }
        _ => serde_json::to_string_pretty(&value).map_err(|e| format!("cannot write JSON: {e}")),
    }
}

/// The sentence that refuses a format a kind of document does not have.
pub fn refused(kind: Kind, format: Format) -> String {
    let names: Vec<&str> = kind.formats().iter().map(|f| f.name()).collect();
    format!(
        "{} cannot be written as {format}; its formats are {}",
        kind.what(),
        names.join(", ")
    )
}

/// The result of `crossroads score` in `format`.
pub fn score(
    a: &Assessment,
    answers: &Answers,
    s: &Score,
    format: Format,
) -> Result<String, String> {
    match format {
        Format::Json | Format::Yaml => as_data(super::json::score_json(a, answers, s), format),
        Format::Markdown => for_people(super::markdown::render(a, answers, s)),
        Format::Text => for_people(super::text::render(a, answers, s)),
        Format::Html => Err(refused(Kind::Score, format)),
    }
}

/// The report of a session in `format`.
pub fn report(input: &ReportInput, format: Format) -> Result<String, String> {
    match format {
        Format::Markdown => for_people(super::full::markdown(input)),
        Format::Html => for_people(super::full::html(input)),
        Format::Json => as_data(super::full::json(input), format),
        Format::Text => for_people(super::full::text(input)),
        Format::Yaml => Err(refused(Kind::Report, format)),
    }
}
