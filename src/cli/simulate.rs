//! `crossroads simulate ASSESSMENT [--respondents N] [--seed S] [--format text|json]`:
//! synthetic respondents, scored by the real engine, for assessment authors
//! (docs/simulation.md).

use super::{Failure, inputs, output};
use crossroads::simulate::{self, Settings};

/// How to print a simulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SimulateFormat {
    /// Compact tables for people
    Text,
    /// Every figure, for tools
    Json,
}

/// Simulates respondents of an assessment (a path or a bundled id, read as
/// `score` reads it) and prints the figures.
pub fn run(
    assessment: &str,
    respondents: u32,
    seed: u64,
    format: SimulateFormat,
) -> Result<(), Failure> {
    let a = inputs::assessment(assessment)?;
    let settings = Settings {
        respondents: respondents as usize,
        seed,
    };
    let sim = simulate::simulate(&a, settings);
    let text = match format {
        SimulateFormat::Text => simulate::report::text(&a, &sim),
        SimulateFormat::Json => {
            let value = simulate::report::json(&a, &sim);
            serde_json::to_string_pretty(&value).map_err(|e| Failure::Invalid(e.to_string()))?
        }
    };
    output::print(&text)
}
