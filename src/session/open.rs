//! Opening a session for any front end: find the session file, resume it
//! if it exists, keep a backup when the assessment changed.

use super::disk::Disk;
use super::{Meta, Resume, Session};
use crate::answers::Answers;
use crate::assessment::Assessment;
use crate::sanitize;
use crate::session::store as session;
use crate::source::Source;
use std::path::PathBuf;

/// How to open the app.
#[derive(Debug, Clone)]
pub struct Options {
    /// `--session PATH`; otherwise the data folder.
    pub session: Option<PathBuf>,
    /// Coach mode: coach prompts shown, the mentee's name kept.
    pub coach: bool,
    /// The mentee's name (`--name`).
    pub name: Option<String>,
}

/// The session file to use for an assessment.
pub fn session_path(explicit: Option<PathBuf>, assessment_id: &str) -> PathBuf {
    explicit
        .or_else(|| session::default_path(assessment_id))
        .unwrap_or_else(|| PathBuf::from(format!("crossroads-{assessment_id}.yaml")))
}

/// Opens the session of an assessment read from `source`, resuming the
/// saved one when there is one. An unusable session file is an error (the
/// file is left untouched).
pub fn open(
    mut a: Assessment,
    source: &Source,
    options: Options,
) -> Result<(Session, Disk), String> {
    let fingerprint = session::fingerprint(&source.bytes);
    let path = session_path(options.session, &a.id);
    let mut answers = Answers::new(a.questions.len());
    let mut resume = None;
    let mut meta = Meta {
        assessment_path: source.path.as_ref().map(|p| {
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string()
        }),
        bundled: source.bundled.map(str::to_string),
        ..Meta::default()
    };
    let mut backed_up = None;
    if path.exists() {
        let loaded = session::load(&path, &a, &fingerprint).map_err(|e| e.to_string())?;
        let changed = match &loaded.changed {
            None => None,
            Some(c) => {
                let backup = session::backup(&path).map_err(|e| {
                    format!(
                        "the assessment changed since {} was saved, and a backup of it could not be made ({e}); it was left untouched",
                        path.display()
                    )
                })?;
                let dropped = if c.dropped.is_empty() {
                    String::new()
                } else {
                    format!(
                        " Answers no longer valid were set aside: {}.",
                        c.dropped.join(", ")
                    )
                };
                let text = format!(
                    "The assessment changed since this session was saved: {} answers kept.{dropped} The old file is backed up at {}.",
                    c.kept,
                    backup.display()
                );
                backed_up = Some(backup);
                Some(text)
            }
        };
        let answered = crate::scoring::score(&a, &loaded.answers).answered;
        if answered > 0 || loaded.meta.complete || changed.is_some() {
            resume = Some(Resume {
                answered,
                updated: loaded.meta.updated,
                changed,
            });
        }
        answers = loaded.answers;
        meta = Meta {
            assessment_path: meta.assessment_path,
            bundled: meta.bundled,
            ..loaded.meta
        };
    }
    meta.fingerprint = fingerprint;
    if options.coach {
        meta.coach = true;
    }
    if let Some(name) = options.name {
        meta.name = Some(sanitize::line(&name));
    }
    sanitize::assessment(&mut a);
    let disk = Disk {
        path: Some(path),
        error: None,
        backed_up,
    };
    Ok((Session::new(a, answers, meta).resuming(resume), disk))
}
