//! `crossroads analyse ASSESSMENT SESSIONS... [--format text|json]`: item
//! analysis of a group's sessions (docs/analysis.md says how to read it).

use super::{Failure, gather, output};
use crossroads::analysis::{Tally, render};
use std::path::PathBuf;

/// How `analyse` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AnalyseFormat {
    Text,
    Json,
}

/// Analyses the sessions found in `sessions` and prints the figures.
pub fn run(assessment: &str, sessions: &[PathBuf], format: AnalyseFormat) -> Result<(), Failure> {
    let mut tally = None;
    let a = gather::each(assessment, sessions, |a, record| {
        tally.get_or_insert_with(|| Tally::new(a)).add(a, record);
        Ok(())
    })?;
    let analysis = tally.unwrap_or_else(|| Tally::new(&a)).finish(&a);
    let text = match format {
        // Names and ids come from the files, so what reaches a terminal
        // is cleaned of control characters, as in every report.
        AnalyseFormat::Text => crossroads::sanitize::clean(&render::text(&analysis, &a)),
        AnalyseFormat::Json => serde_json::to_string_pretty(&render::json(&analysis, &a))
            .map_err(|e| Failure::Invalid(format!("cannot write the JSON: {e}")))?,
    };
    output::print(&text)
}
