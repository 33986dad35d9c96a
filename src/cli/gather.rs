//! The sessions named on the command line for `export` and `analyse`:
//! files, and folders searched all the way down (a person's folder, the
//! whole data folder), one at a time. Each file is read through `inputs`, as every other
//! command reads it, so warnings and refusals are the same; a file that
//! cannot be used is skipped with a warning and never ends the run.

use super::{Failure, inputs, output};
use crossroads::analysis::Record;
use crossroads::assessment::Assessment;
use crossroads::sanitize;
use crossroads::scoring::Scorer;
use crossroads::session::people;
use std::path::{Path, PathBuf};

/// Reads every session of `assessment_arg` among `args`, one file at a
/// time in the order named (a folder's files in name order), and gives
/// each to `each` as soon as it is read, then lets it go; gives back the
/// assessment. Fails only when the assessment cannot be used or no session of it is
/// left, or when `each` fails.
pub fn each(
    assessment_arg: &str,
    args: &[PathBuf],
    mut each: impl FnMut(&Assessment, &Record) -> Result<(), Failure>,
) -> Result<Assessment, Failure> {
    let assessment = inputs::assessment(assessment_arg)?;
    // Each file with its full path: a file named twice (itself and within
    // its folder) is one session, and the full path also gives its name.
    let mut files = Vec::new();
    for arg in args {
        if arg.is_dir() {
            walk(arg, &full_path(arg), &mut files);
        } else if arg.is_file() {
            files.push((full_path(arg), arg.clone()));
        } else {
            skipped(arg, "there is no such file or folder");
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|(full, _)| seen.insert(full.clone()));
    drop(seen);
    let root = people::root().and_then(|r| r.canonicalize().ok());
    let scorer = Scorer::new(&assessment);
    let mut found = 0;
    for (full, f) in &files {
        if let Some(record) = read(f, full, &scorer, root.as_deref()) {
            found += 1;
            each(&assessment, &record)?;
        }
    }
    if found == 0 {
        let named: Vec<String> = args.iter().map(|a| a.display().to_string()).collect();
        return Err(Failure::Invalid(format!(
            "no session of \"{}\" was found in {}",
            assessment.id,
            named.join(", ")
        )));
    }
    Ok(assessment)
}

/// A path with every link and `..` resolved, or as given when it cannot be.
fn full_path(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// The `.yaml` (and `.yml`) files under a folder, in name order, each with
/// its full path (`full` is the folder's). Links to folders are not
/// followed, so a link back up cannot loop forever; so a folder or file met
/// here that is not a link has the full path of its folder and its name,
/// and only a link is resolved (one lookup a file, not one a path part).
fn walk(dir: &Path, full: &Path, files: &mut Vec<(PathBuf, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        skipped(dir, "the folder cannot be read");
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&path, &full.join(e.file_name()), files),
            Ok(t) if t.is_file() && is_yaml(&path) => files.push((full.join(e.file_name()), path)),
            Ok(t) if t.is_symlink() && is_yaml(&path) && path.is_file() => {
                files.push((full_path(&path), path))
            }
            _ => {}
        }
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn skipped(path: &Path, why: &str) {
    output::warn(&sanitize::line(&format!(
        "{}: warning: skipped: {why}",
        path.display()
    )));
}

/// One file as a record, or None (with a warning) when it is not a usable
/// session or answers file of this assessment.
fn read(path: &Path, full: &Path, scorer: &Scorer, root: Option<&Path>) -> Option<Record> {
    let assessment = scorer.assessment();
    let parsed = match inputs::parse(path, "the file") {
        Ok(p) => p,
        Err(Failure::Invalid(why)) => {
            output::warn(&sanitize::clean(&why));
            skipped(path, "it cannot be read");
            return None;
        }
        Err(Failure::ReaderGone) => return None,
    };
    match parsed.assessment_id() {
        Some(id) if id == assessment.id => {}
        Some(id) => {
            let why = format!("it is a session of \"{id}\", not \"{}\"", assessment.id);
            skipped(path, &why);
            return None;
        }
        None => {
            skipped(
                path,
                "it is not a session or answers file (no `assessment:` line)",
            );
            return None;
        }
    }
    let file = match inputs::check(&parsed, assessment) {
        Ok(f) => f,
        Err(Failure::Invalid(why)) => {
            output::warn(&sanitize::clean(&why));
            skipped(path, "it does not fit the assessment");
            return None;
        }
        Err(Failure::ReaderGone) => return None,
    };
    Some(Record::scored(
        scorer,
        name(path, full, root),
        file.answers,
        file.session,
    ))
}

/// A session's name in the export: its id under the data folder, as
/// `crossroads sessions` gives it, or else its path as found.
fn name(path: &Path, full: &Path, root: Option<&Path>) -> String {
    match root {
        Some(root) if full.starts_with(root) => people::id_of(root, full),
        _ => path.display().to_string(),
    }
}
