//! `crossroads score ASSESSMENT --answers FILE [--format ...]`

use super::{Failure, Format, inputs, output};
use crossroads::{report, sanitize, scoring};
use std::path::Path;

/// Scores an answers file and prints the result in the chosen format.
pub fn run(assessment: &str, answers_path: &Path, format: Format) -> Result<(), Failure> {
    let inputs::Checked {
        assessment: a,
        file,
    } = inputs::scored(assessment, answers_path)?;
    let s = scoring::score(&a, &file.answers);
    let out = match format {
        Format::Json => to_json(&report::json::score_json(&a, &file.answers, &s))?,
        Format::Yaml => serde_yaml::to_string(&report::json::score_json(&a, &file.answers, &s))
            .map_err(|e| Failure::Invalid(format!("cannot write YAML: {e}")))?,
        Format::Markdown => sanitize::clean(&report::markdown::render(&a, &file.answers, &s)),
        Format::Text => sanitize::clean(&report::text::render(&a, &file.answers, &s)),
    };
    output::print(&out)
}

fn to_json(v: &serde_json::Value) -> Result<String, Failure> {
    serde_json::to_string_pretty(v).map_err(|e| Failure::Invalid(format!("cannot write JSON: {e}")))
}
