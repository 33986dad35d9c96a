//! `crossroads validate FILE...`

use super::{Failure, output};
use std::path::PathBuf;

/// Checks each file; prints every problem on stderr and a summary line.
pub fn run(files: &[PathBuf]) -> Result<(), Failure> {
    let mut invalid = 0;
    for path in files {
        let name = path.display().to_string();
        let bytes = match crossroads::files::read(path) {
            Ok(b) => b,
            Err(e) => {
                output::warn(&e.to_string());
                invalid += 1;
                continue;
            }
        };
        match crossroads::assessment::load(&name, &bytes) {
            Ok((a, warnings)) => {
                for w in &warnings {
                    output::warn(&w.display_in(&name));
                }
                output::say(&format!(
                    "{name}: valid ({} questions, {} tracks)",
                    a.questions.len(),
                    a.tracks.len()
                ))?;
            }
            Err(rejected) => {
                invalid += 1;
                for line in rejected.lines(true) {
                    output::warn(&line);
                }
            }
        }
    }
    if invalid > 0 {
        let n = files.len();
        return Err(Failure::Invalid(format!(
            "{invalid} of {n} file{} invalid",
            if n == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}
