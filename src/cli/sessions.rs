//! `crossroads sessions`: the saved sessions, newest first.

use super::{Failure, output};
use crossroads::{sanitize, session, source};
use std::fmt::Write;

/// One saved session, as listed.
struct Row {
    updated: String,
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
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let row = match session::read_header(&name, &bytes) {
            Err(_) => Row {
                updated: String::new(),
                assessment: "(unreadable)".into(),
                person: String::new(),
                progress: String::new(),
                path: name,
            },
            Ok(h) => {
                let meta = h.meta.unwrap_or_default();
                let id = h.assessment_id.unwrap_or_else(|| "?".into());
                let target = meta.score_target(&id);
                let progress = match source::load(&target) {
                    Ok((a, _, _)) => match crossroads::answers::read_answers(&name, &bytes, &a) {
                        Ok(f) => {
                            let s = crossroads::scoring::score(&a, &f.answers);
                            let done = if meta.complete { ", finished" } else { "" };
                            format!("{}/{}{done}", s.answered, s.total)
                        }
                        Err(_) => "does not fit its assessment".into(),
                    },
                    Err(_) => "assessment not found".into(),
                };
                Row {
                    updated: meta.updated,
                    assessment: id,
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
    rows.sort_by(|a, b| b.updated.cmp(&a.updated));
    let mut text = format!(
        "{:<20}  {:<18}  {:<16}  {:<14}  FILE\n",
        "LAST CHANGE", "ASSESSMENT", "PERSON", "ANSWERED"
    );
    for r in rows {
        let line = format!(
            "{:<20}  {:<18}  {:<16}  {:<14}  {}",
            r.updated.replace('T', " ").trim_end_matches('Z'),
            r.assessment,
            r.person,
            r.progress,
            r.path
        );
        let _ = writeln!(text, "{}", sanitize::line(&line));
    }
    output::print(&text)
}
