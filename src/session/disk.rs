//! Carrying out a session's effects on disk: the one place where a
//! session's file is written, backed up or reported beside.

use super::goals::Previous;
use super::lock::{self, Lock, LockError};
use super::{Effect, Learned, Session, people, store};
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
    /// Why the session may not be written to `path` (its lock could not be
    /// taken, or the file it would replace could not be backed up): saves
    /// are refused with this sentence, and the run ends saying so.
    pub blocked: Option<String>,
    /// The file at `path` was not written by crossroads (a hand-written
    /// answers file given as `--session`): a copy of it as it is, comments
    /// and all, is made before the first save replaces it.
    pub hand_written: bool,
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
    /// A hand-written file was copied here, as it was, before the session
    /// was first saved over it.
    Kept { file: PathBuf, copy: PathBuf },
    /// The session of the person named `name` is open: on its welcome
    /// when there is a saved session to resume or see (`welcome`), else
    /// to be started now.
    Opened { name: String, welcome: bool },
    /// The session of the person named `name` could not be opened: `why`
    /// says so in sentences ("Not opened. ..."); the one open before stays.
    NotOpened { name: String, why: String },
}

impl Done {
    /// What copying a hand-written file came to, in one sentence; None for
    /// anything else.
    pub(crate) fn kept_words(&self) -> Option<String> {
        match self {
            Done::Kept { file, copy } => Some(format!(
                "{} was not written by crossroads: it is kept as it was in {}, and your answers are saved in {} from now on.",
                file.display(),
                copy.display(),
                file.display()
            )),
            _ => None,
        }
    }
}

impl Disk {
    /// A disk that keeps the session at `path`.
    pub fn at(path: PathBuf) -> Disk {
        Disk {
            path: Some(path),
            ..Disk::default()
        }
    }

    /// Carries out effects in order, the session taking in what each one
    /// learned (`Session::settle`) before the next: a save after a new
    /// file writes the session that knows its previous one. A failed save
    /// is kept in `error` (and shown by the front end) until a later save
    /// succeeds.
    pub fn run(&mut self, session: &mut Session, effects: &[Effect]) -> Vec<Done> {
        let mut done = Vec::new();
        for effect in effects {
            let (did, learned) = self.carry(session, effect);
            done.extend(did);
            if let Some(learned) = learned {
                session.settle(learned);
            }
        }
        done
    }

    /// Carries out one effect with the session as it is. The session is
    /// only read: what it must take in is returned.
    fn carry(&mut self, session: &Session, effect: &Effect) -> (Option<Done>, Option<Learned>) {
        match effect {
            Effect::Save => self.save(session),
            Effect::NewSessionFile if self.people.is_some() => (
                None,
                self.new_file(session)
                    .map(|p| Learned::Previous(Box::new(p))),
            ),
            Effect::NewSessionFile => (self.back_up(), None),
            Effect::WriteReport => (
                Some(match &self.path {
                    Some(path) => super::reports::write(session, path, &super::reports::today()),
                    None => Done::ReportFailed(
                        "There is no session file to write the report beside.".into(),
                    ),
                }),
                None,
            ),
            Effect::OpenPerson(name) => match super::open::open_for(session, self, name) {
                Ok((opened, disk)) => {
                    *self = disk;
                    let welcome = opened.resume().is_some();
                    let name = name.clone();
                    (
                        Some(Done::Opened { name, welcome }),
                        Some(Learned::Opened(Box::new(opened))),
                    )
                }
                Err(why) => (
                    Some(Done::NotOpened {
                        name: name.clone(),
                        why: format!("Not opened. {}.", why.trim_end_matches('.')),
                    }),
                    None,
                ),
            },
        }
    }

    /// Backs the `--session` file up before a new session is written over
    /// it; when it cannot be, nothing is written over it.
    fn back_up(&mut self) -> Option<Done> {
        let path = self.path.clone().filter(|p| p.exists())?;
        match store::backup(&path) {
            Ok(backup) => {
                self.hand_written = false;
                self.backed_up = Some(backup.clone());
                Some(Done::BackedUp(backup))
            }
            // The saved answers are never replaced unbacked.
            Err(e) => {
                self.blocked = Some(format!(
                    "{} could not be backed up ({e}), so the new session is not written over it",
                    path.display()
                ));
                None
            }
        }
    }

    /// Writes the session; a failure is kept in `error`. Nothing is
    /// written when the file already holds the session as it is. A
    /// hand-written file is copied first ([`Done::Kept`]), and is not
    /// replaced when it cannot be.
    fn save(&mut self, session: &Session) -> (Option<Done>, Option<Learned>) {
        let Some(path) = self.path.clone() else {
            return (None, None);
        };
        let render = |s: &Session| store::render(s.assessment(), s.answers(), s.meta());
        if self.written.as_deref() == Some(render(session).as_str()) {
            self.error = None;
            self.failure = None;
            return (None, None);
        }
        if self.blocked.is_none() && self.hand_written && path.exists() {
            match store::backup(&path) {
                Ok(copy) => {
                    self.hand_written = false;
                    self.backed_up = Some(copy.clone());
                    let file = path.clone();
                    let saved = self.write(session, &path);
                    let kept = saved.as_ref().map(|_| Done::Kept { file, copy });
                    return (kept, saved);
                }
                // Tried again on the next change; never replaced uncopied.
                Err(e) => {
                    let why = format!(
                        "{} was not written by crossroads, and a copy of it could not be made first ({e})",
                        path.display()
                    );
                    self.error = Some(format!(
                        "Not saved: {why}. Your answers are kept here and saving is tried again on the next change."
                    ));
                    self.failure = Some(why);
                    return (None, None);
                }
            }
        }
        if let Some(why) = &self.blocked {
            self.failure = Some(why.clone());
            self.error = Some(format!(
                "Not saved: {why}. Your answers are kept here until you quit."
            ));
            return (None, None);
        }
        (None, self.write(session, &path))
    }

    /// Writes the session to `path` as saved now; the time, when it
    /// reached the disk.
    fn write(&mut self, session: &Session, path: &Path) -> Option<Learned> {
        let now = super::Timestamp::now();
        let text = store::render(
            session.assessment(),
            session.answers(),
            &session.meta_at(now),
        );
        match store::write_atomic(path, &text) {
            Ok(()) => {
                self.error = None;
                self.failure = None;
                self.saved = true;
                self.written = Some(text);
                Some(Learned::Saved(now))
            }
            Err(e) => {
                self.failure = Some(e.to_string());
                self.error = Some(format!(
                    "Could not save to {}: {e}. Your answers are kept here and saving is tried again on the next change.",
                    path.display()
                ));
                None
            }
        }
    }

    /// A new session of the same person: a new file in their folder (the
    /// one it leaves stays as it is), locked. Their previous session of
    /// this assessment, if any, for the session to know.
    fn new_file(&mut self, session: &Session) -> Option<Previous> {
        let root = self.people.clone()?;
        let (a, name) = (session.assessment(), session.meta().name.clone());
        let folder = people::folder(&root, name.as_deref());
        let path = people::new_file(&folder, &a.id, super::Timestamp::now());
        let previous =
            super::open::previous_of(&root, name.as_deref(), a, &session.meta().fingerprint);
        // The name is new, so only a program that took it this very moment
        // can hold it; whatever the reason, nothing is written unlocked
        // (a folder that cannot be written fails its saves on its own).
        self.blocked = None;
        self.hand_written = false;
        self.lock = match lock::acquire(&path) {
            Ok(l) => Some(Arc::new(l)),
            Err(LockError::ReadOnly { .. }) => None,
            Err(e) => {
                self.blocked = Some(e.to_string());
                None
            }
        };
        self.path = Some(path);
        self.written = None;
        self.saved = false;
        previous
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
