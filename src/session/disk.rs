//! Carrying out a session's effects on disk: the one place where a
//! session's file is written, backed up or reported beside.

use super::lock::{self, Lock};
use super::{Effect, Session, people, store};
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    /// Sessions are kept by person under this data folder: a new session
    /// is a new file in the person's folder and the old one stays as it
    /// is. None for `--session PATH`, where starting over backs the file
    /// up and writes over it.
    pub people: Option<PathBuf>,
    /// The lock on the session file, held while this program runs.
    pub lock: Option<Arc<Lock>>,
    /// Whether a save reached the disk in this run.
    pub saved: bool,
    /// Why the last save failed, in the system's words.
    pub failure: Option<String>,
    /// The session as the file holds it (read or written last), so that a
    /// save that would write the same writes nothing: a session looked at
    /// and left stays byte for byte as it was.
    pub written: Option<String>,
    /// What was set aside when the session was opened (a `previous:` that
    /// is not this person's), for the front end to say.
    pub warnings: Vec<String>,
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
                Effect::Backup if self.people.is_some() => self.new_file(session),
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

    /// Writes the session; a failure is kept in `error`. Nothing is
    /// written when the file already holds the session as it is.
    pub fn save(&mut self, session: &mut Session) {
        let Some(path) = self.path.clone() else {
            return;
        };
        let render = |s: &Session| store::render(s.assessment(), s.answers(), s.meta());
        if self.written.as_deref() == Some(render(session).as_str()) {
            self.error = None;
            self.failure = None;
            return;
        }
        session.touch(super::Timestamp::now());
        let text = render(session);
        match store::write_atomic(&path, &text) {
            Ok(()) => {
                self.error = None;
                self.failure = None;
                self.saved = true;
                self.written = Some(text);
            }
            Err(e) => {
                self.failure = Some(e.to_string());
                self.error = Some(format!(
                    "Could not save to {}: {e}. Your answers are kept here and saving is tried again on the next change.",
                    path.display()
                ))
            }
        }
    }

    /// A new session of the same person: a new file in their folder (the
    /// one it leaves stays as it is), locked, and knowing their previous
    /// session of this assessment.
    fn new_file(&mut self, session: &mut Session) {
        let Some(root) = self.people.clone() else {
            return;
        };
        let (a, name) = (session.assessment(), session.meta().name.clone());
        let folder = people::folder(&root, name.as_deref());
        let path = people::new_file(&folder, &a.id, super::Timestamp::now());
        let previous =
            super::open::previous_of(&root, name.as_deref(), a, &session.meta().fingerprint);
        if previous.is_some() {
            session.set_previous(previous);
        }
        self.lock = lock::acquire(&path).ok().map(Arc::new);
        self.path = Some(path);
        self.written = None;
        self.saved = false;
    }

    /// When the run ends with changes that never reached the disk: the
    /// sentence that says so (the front end exits with status 1). None
    /// when the file holds the session as it is.
    pub fn unsaved(&self) -> Option<String> {
        let why = self.failure.as_ref()?;
        let path = self.path.as_deref().unwrap_or(Path::new("?"));
        let held = if self.saved {
            "The file holds your answers only as far as the last save that worked; the changes after it are lost."
        } else if self.written.is_some() {
            "The file holds your answers as they were before this run; the changes made in it are lost."
        } else {
            "Nothing of this session reached the disk."
        };
        Some(format!(
            "Your answers were NOT saved: the last save to {} failed ({why}). {held}",
            path.display()
        ))
    }
}
