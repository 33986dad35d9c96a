//! `crossroads list`, and what plain `crossroads` prints.

use super::Failure;
use crossroads::bundled::BUNDLED;

/// Lists the bundled assessments: id, title, questions, minutes.
pub fn run() -> Result<(), Failure> {
    println!(
        "{:<16} {:<34} {:>9} {:>8}",
        "ID", "TITLE", "QUESTIONS", "MINUTES"
    );
    for b in BUNDLED {
        let (a, _) = b.load().map_err(|r| Failure::Invalid(r.to_string()))?;
        println!(
            "{:<16} {:<34} {:>9} {:>8}",
            a.id,
            a.title,
            a.questions.len(),
            a.estimated_minutes
        );
    }
    Ok(())
}
