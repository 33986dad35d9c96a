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

/// Writes the sessions found in `sessions` to standard output, each row
/// made as soon as its file is read (the CSV header before the first) and
/// written with the rows before it as the output's buffer fills.
pub fn run(assessment: &str, sessions: &[PathBuf], format: ExportFormat) -> Result<(), Failure> {
    let mut names: Option<Vec<String>> = None;
    let mut out = output::Stream::new();
    gather::each(assessment, sessions, |a, record| {
        let first = names.is_none();
        let names = names.get_or_insert_with(|| export::columns(a));
        let line = match format {
            ExportFormat::Csv if first => {
                let header = export::csv_header(a).map_err(Failure::Invalid)?;
                header + &export::csv_row(a, record).map_err(Failure::Invalid)?
            }
            ExportFormat::Csv => export::csv_row(a, record).map_err(Failure::Invalid)?,
            ExportFormat::Jsonl => export::jsonl_row(a, names, record),
        };
        out.print(&line)
    })?;
    out.finish()
}
