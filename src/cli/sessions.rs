//! `crossroads sessions`: the saved sessions, newest first.

use super::inputs::{self, Listed};
use super::{Failure, output};
use crossroads::sanitize;
use crossroads::session::{self, Timestamp};
use std::fmt::Write;

/// One saved session, as listed.
struct Row {
    updated: Option<Timestamp>,
    assessment: String,
    person: String,
    progress: String,
    path: String,
}

/// Lists the sessions in the data folder (or `dir`).
pub fn run(dir: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let dir = dir
        .or_else(|| session::default_path("x").and_then(|p| p.parent().map(|d| d.to_path_buf())))
        .ok_or_else(|| {
            Failure::Invalid("no data folder is known here (set XDG_DATA_HOME or HOME)".into())
        })?;
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(_) => {
            return output::print(&format!(
                "No saved sessions yet (they are kept in {}).",
                dir.display()
            ));
        }
    };
    let mut rows = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
            continue;
        }
        let name = path.display().to_string();
        let row = match inputs::listed(&path) {
            Listed::Skipped => continue,
            Listed::Unreadable => Row {
                updated: None,
                assessment: "(unreadable)".into(),
                person: String::new(),
                progress: String::new(),
                path: name,
            },
            Listed::Session(parsed, progress) => {
                let meta = parsed.meta().cloned().unwrap_or_default();
                Row {
                    updated: meta.updated,
                    assessment: parsed.assessment_id().unwrap_or("?").to_string(),
                    person: meta.name.unwrap_or_default(),
                    progress,
                    path: name,
                }
            }
        };
        rows.push(row);
    }
    if rows.is_empty() {
        return output::print(&format!(
            "No saved sessions yet (they are kept in {}).",
            dir.display()
        ));
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.updated));
    let mut text = format!(
        "{:<20}  {:<18}  {:<16}  {:<14}  FILE\n",
        "LAST CHANGE", "ASSESSMENT", "PERSON", "ANSWERED"
    );
    for r in rows {
        let line = format!(
            "{:<20}  {:<18}  {:<16}  {:<14}  {}",
            r.updated.map(|t| t.words()).unwrap_or_default(),
            r.assessment,
            r.person,
            r.progress,
            r.path
        );
        let _ = writeln!(text, "{}", sanitize::line(&line));
    }
    output::print(&text)
}
