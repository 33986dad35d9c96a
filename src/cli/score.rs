//! `crossroads score ASSESSMENT --answers FILE [--format ...]`

use super::{Failure, Format, output};
use crossroads::answers::read_answers;
use crossroads::{report, sanitize, scoring, source};
use std::path::Path;

/// Scores an answers file and prints the result in the chosen format.
pub fn run(assessment: &str, answers_path: &Path, format: Format) -> Result<(), Failure> {
    let (a, _, _) = source::load(assessment)?;
    let name = answers_path.display().to_string();
    let bytes = std::fs::read(answers_path)
        .map_err(|e| Failure::Invalid(format!("{name}: cannot read the answers file: {e}")))?;
    let file = read_answers(&name, &bytes, &a).map_err(|r| Failure::Invalid(r.to_string()))?;
    for w in &file.warnings {
        output::warn(&w.display_in(&name));
    }
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
