//! The reports the results screen writes beside the session file: the
//! mentee's takeaway, and in coach mode the coach's copy too.
//!
//! Names carry the day (`STEM-takeaway-2026-12-04.md`,
//! `STEM-coach-2026-12-04.md`), and a second report on the same day gets a
//! numbered suffix (`-2`, `-3`, ...): a report already handed over is never
//! replaced. The name is claimed by the rename itself (no-clobber), so two
//! programs writing at once cannot take the same one either.

use super::disk::Done;
use super::{Session, Timestamp};
use crate::report::Format;
use crate::report::full::{Audience, ReportInput};
use crate::report::outline::{Facts, Outline, Since, outline, review_line, unreviewed_line};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Most numbered names tried for one report in one day before giving up.
const TRIES: u32 = 999;

/// Writes the takeaway (and in coach mode the coach's copy) beside
/// `session_file`, dated `today` (`YYYY-MM-DD`).
pub(super) fn write(session: &Session, session_file: &Path, today: &str) -> Done {
    let stem = session_file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("session");
    let dir = match session_file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let takeaway = match write_one(session, Audience::Mentee, &dir, stem, today) {
        Ok(path) => path,
        Err(why) => return Done::ReportFailed(why),
    };
    let coach = match session.is_coach() {
        false => None,
        true => match write_one(session, Audience::Coach, &dir, stem, today) {
            Ok(path) => Some(path),
            Err(why) => {
                return Done::ReportFailed(format!(
                    "The takeaway is in {}, but the coach's copy could not be written: {why}",
                    takeaway.display()
                ));
            }
        },
    };
    Done::Report { takeaway, coach }
}

impl Session {
    /// The one document of this session's result, which the results
    /// screen and plain mode lay out as the reports do, with what changed
    /// since the previous session and how its goals went.
    pub fn outline(&self) -> Outline {
        let score = self.score();
        let input = ReportInput {
            assessment: self.assessment(),
            answers: self.answers(),
            meta: Some(self.meta()),
            score: &score,
            audience: Audience::Mentee,
        };
        let since = self.since_last_time().map(|changes| Since {
            when: self
                .previous()
                .and_then(|p| p.meta.updated)
                .map(|d| d.date()),
            changes: changes.iter().map(|c| c.words(self.assessment())).collect(),
            goals: self
                .goals_to_review()
                .into_iter()
                .map(|(goal, review)| review.map_or_else(|| unreviewed_line(goal), review_line))
                .collect(),
        });
        outline(&Facts {
            since: since.or_else(|| Since::of_reviews(&self.meta().reviews)),
            ..input.facts()
        })
    }
}

/// Today's date as the reports' names carry it.
pub(super) fn today() -> String {
    Timestamp::now().iso_date()
}

/// Renders one report and writes it under a name not yet taken.
fn write_one(
    session: &Session,
    audience: Audience,
    dir: &Path,
    stem: &str,
    today: &str,
) -> Result<PathBuf, String> {
    let score = crate::scoring::score(session.assessment(), session.answers());
    let input = ReportInput {
        assessment: session.assessment(),
        answers: session.answers(),
        meta: Some(session.meta()),
        score: &score,
        audience,
    };
    let text = crate::report::format::report(&input, Format::Markdown)?;
    let kind = match audience {
        Audience::Mentee => "takeaway",
        Audience::Coach => "coach",
    };
    claim(dir, &format!("{stem}-{kind}-{today}"), "md", &text)
        .map_err(|e| format!("could not write a report in {}: {e}", dir.display()))
}

/// Writes `text` to `dir/BASE.EXT`, or `BASE-2.EXT`, `BASE-3.EXT`, ... the
/// first name that does not exist yet; an existing file is never replaced.
/// Private to the user (0600): a coach's copy holds private notes.
pub(crate) fn claim(dir: &Path, base: &str, ext: &str, text: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".crossroads-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    for n in 1..=TRIES {
        let name = match n {
            1 => format!("{base}.{ext}"),
            n => format!("{base}-{n}.{ext}"),
        };
        let target = dir.join(name);
        match tmp.persist_noclobber(&target) {
            Ok(_) => {
                if let Ok(d) = std::fs::File::open(dir) {
                    let _ = d.sync_all();
                }
                return Ok(target);
            }
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => return Err(e.error),
        }
    }
    Err(std::io::Error::other(format!(
        "{TRIES} reports named {base} exist already"
    )))
}

impl Done {
    /// What came of writing reports, in one sentence for the status line
    /// (names first, then their folder, so that a status cut short at a
    /// narrow width still names both files); None for anything else.
    pub fn report_words(&self) -> Option<String> {
        let name = |p: &Path| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        };
        let folder = |p: &Path| {
            p.parent()
                .map_or_else(String::new, |d| d.display().to_string())
        };
        match self {
            Done::Report {
                takeaway,
                coach: None,
            } => Some(format!(
                "Takeaway {} written in {}",
                name(takeaway),
                folder(takeaway)
            )),
            Done::Report {
                takeaway,
                coach: Some(coach),
            } => Some(format!(
                "Takeaway {} and coach's copy {} written in {}",
                name(takeaway),
                name(coach),
                folder(takeaway)
            )),
            Done::ReportFailed(why) => Some(why.clone()),
            _ => None,
        }
    }
}
