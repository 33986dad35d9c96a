//! `crossroads list`, and what plain `crossroads` prints.

use super::{Failure, output};
use crossroads::bundled::BUNDLED;
use std::fmt::Write;

/// Lists the bundled assessments: id, title, questions, minutes.
pub fn run() -> Result<(), Failure> {
    let mut text = format!(
        "{:<16} {:<34} {:>9} {:>8}\n",
        "ID", "TITLE", "QUESTIONS", "MINUTES"
    );
    for b in BUNDLED {
        let (a, _) = b.load().map_err(|r| Failure::Invalid(r.to_string()))?;
        let _ = writeln!(
            text,
            "{:<16} {:<34} {:>9} {:>8}",
            a.id,
            a.title,
            a.questions.len(),
            a.estimated_minutes
        );
    }
    output::print(&text)
}
