//! Carrying out a session's effects on disk: the one place where a
//! session's file is written, backed up or reported beside.

use super::{Effect, Session, store};
use std::path::PathBuf;

/// Where a session is kept, and how the last save went.
#[derive(Debug, Clone, Default)]
pub struct Disk {
    /// None: nothing is written (tests, or a session that could not be placed).
    pub path: Option<PathBuf>,
    /// The last save failed: answers are kept in memory and saving is
    /// tried again on the next change.
    pub error: Option<String>,
    /// A backup made of the session file, to mention once.
    pub backed_up: Option<PathBuf>,
}

/// What carrying out an effect came to, for the front end to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// The earlier file was copied here before it was replaced.
    BackedUp(PathBuf),
    /// The mentee's takeaway was written here, and in coach mode the
    /// coach's copy beside it (`session::reports`).
    Report {
        takeaway: PathBuf,
        coach: Option<PathBuf>,
    },
    /// The report could not be written (a sentence).
    ReportFailed(String),
}

impl Disk {
    /// A disk that keeps the session at `path`.
    pub fn at(path: PathBuf) -> Disk {
        Disk {
            path: Some(path),
            ..Disk::default()
        }
    }

    /// Carries out effects in order. A failed save is kept in `error` (and
    /// shown by the front end) until a later save succeeds.
    pub fn run(&mut self, session: &mut Session, effects: &[Effect]) -> Vec<Done> {
        let mut done = Vec::new();
        for effect in effects {
            match effect {
                Effect::Save => self.save(session),
                Effect::Backup => {
                    if let Some(path) = self.path.as_ref().filter(|p| p.exists())
                        && let Ok(backup) = store::backup(path)
                    {
                        self.backed_up = Some(backup.clone());
                        done.push(Done::BackedUp(backup));
                    }
                }
                Effect::WriteReport => done.push(match &self.path {
                    Some(path) => super::reports::write(session, path, &super::reports::today()),
                    None => Done::ReportFailed(
                        "There is no session file to write the report beside.".into(),
                    ),
                }),
            }
        }
        done
    }

    /// Writes the session; a failure is kept in `error`.
    pub fn save(&mut self, session: &mut Session) {
        let Some(path) = self.path.clone() else {
            return;
        };
        session.touch(super::Timestamp::now());
        match store::save(
            &path,
            session.assessment(),
            session.answers(),
            session.meta(),
        ) {
            Ok(()) => self.error = None,
            Err(e) => {
                self.error = Some(format!(
                    "Could not save to {}: {e}. Your answers are kept here and saving is tried again on the next change.",
                    path.display()
                ))
            }
        }
    }
}
