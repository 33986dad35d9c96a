//! `crossroads analyse ASSESSMENT SESSIONS... [--format text|json]`: item
//! analysis of a group's sessions (docs/analysis.md says how to read it).

use super::{Failure, gather, output};
use crossroads::analysis::{analyse, render};
use std::path::PathBuf;

/// How `analyse` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AnalyseFormat {
    Text,
    Json,
}

/// Analyses the sessions found in `sessions` and prints the figures.
pub fn run(assessment: &str, sessions: &[PathBuf], format: AnalyseFormat) -> Result<(), Failure> {
    let g = gather::sessions(assessment, sessions)?;
    let analysis = analyse(&g.assessment, &g.records);
    let text = match format {
        // Names and ids come from the files, so what reaches a terminal
        // is cleaned of control characters, as in every report.
        AnalyseFormat::Text => crossroads::sanitize::clean(&render::text(&analysis, &g.assessment)),
        AnalyseFormat::Json => {
            serde_json::to_string_pretty(&render::json(&analysis, &g.assessment))
                .map_err(|e| Failure::Invalid(format!("cannot write the JSON: {e}")))?
        }
    };
    output::print(&text)
}
