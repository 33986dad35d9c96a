//! `crossroads export ASSESSMENT SESSIONS... [--format csv|jsonl]`: every
//! session of an assessment as one row, for a spreadsheet, R or pandas.

use super::{Failure, gather, output};
use crossroads::analysis::export;
use std::path::PathBuf;

/// How `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// RFC 4180 CSV, guarded against spreadsheet formulas
    Csv,
    /// One JSON object per line
    Jsonl,
}

/// Writes the sessions found in `sessions` to standard output.
pub fn run(assessment: &str, sessions: &[PathBuf], format: ExportFormat) -> Result<(), Failure> {
    let g = gather::sessions(assessment, sessions)?;
    let text = match format {
        ExportFormat::Csv => export::csv(&g.assessment, &g.records).map_err(Failure::Invalid)?,
        ExportFormat::Jsonl => export::jsonl(&g.assessment, &g.records),
    };
    output::print(&text)
}
