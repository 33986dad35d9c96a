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
        let (a, _) = crossroads::assessment::load(b.id, b.yaml.as_bytes())
            .map_err(|r| Failure::Invalid(r.to_string()))?;
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

/// With no command: introduce the bundled career assessment and how to use it.
pub fn welcome() -> Result<(), Failure> {
    let b = &BUNDLED[0];
    let (a, _) = crossroads::assessment::load(b.id, b.yaml.as_bytes())
        .map_err(|r| Failure::Invalid(r.to_string()))?;
    println!(
        "{} ({} questions, about {} minutes)\n",
        a.title,
        a.questions.len(),
        a.estimated_minutes
    );
    if let Some(d) = &a.description {
        println!("{}\n", d.trim());
    }
    println!("The interactive terminal app is on its way. Today you can:");
    println!("  crossroads list                                  the bundled assessments");
    println!(
        "  crossroads score {} --answers FILE   score an answers file",
        a.id
    );
    println!("  crossroads validate FILE                         check an assessment you wrote");
    println!("  crossroads --help                                everything else");
    Ok(())
}
