//! What an operation on a [`Session`](super::Session) asks its front end
//! to do, and what it has to say.

use super::Session;
use super::goals::Previous;
use crate::assessment::kinds::Refusal;
use crate::record::time::Timestamp;

/// Work with the outside world that an operation leaves to its front end,
/// carried out in order by [`Disk::run`](super::disk::Disk::run).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// The session is a new one and the saved answers are kept: with
    /// sessions kept by person, it gets a new file in the person's folder
    /// (the old one stays as it is); with `--session PATH`, that file is
    /// backed up before it is written over.
    NewSessionFile,
    /// Write the session file as the session is now.
    Save,
    /// Write the reports beside the session file: the mentee's takeaway,
    /// and in coach mode the coach's copy (`session::reports`).
    WriteReport,
    /// Open this person's session (the name typed on a coach's welcome):
    /// their latest, or a new file in their folder.
    OpenPerson(String),
}

/// What carrying out an effect learned that the session takes in
/// (`Session::settle`): the runner reads the session and changes
/// nothing in it, so every change of a session is the core's.
#[derive(Debug)]
pub enum Learned {
    /// The session reached the disk at this time.
    Saved(Timestamp),
    /// A new session file was begun; this is the person's previous session
    /// of the assessment in their folder, for the review of its goals.
    Previous(Box<Previous>),
    /// The person's session was opened in place of this one.
    Opened(Box<Session>),
}

/// Something to tell the person after an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A sentence that reads the same in every front end.
    Info(String),
    /// An answer or a move that was refused; each front end words it with
    /// its own keys.
    Refused(Refusal),
}

/// The result of an operation: effects to carry out, and what to say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use = "a step's effects must be carried out, or answers are not saved"]
pub struct Step {
    pub effects: Vec<Effect>,
    pub notice: Option<Notice>,
}

impl Step {
    /// A step that only saves.
    pub fn save() -> Step {
        Step {
            effects: vec![Effect::Save],
            notice: None,
        }
    }

    /// A step that changes nothing and says why.
    pub fn refused(why: Refusal) -> Step {
        Step {
            effects: Vec::new(),
            notice: Some(Notice::Refused(why)),
        }
    }

    /// A step that changes nothing and says something.
    pub(crate) fn info(text: impl Into<String>) -> Step {
        Step {
            effects: Vec::new(),
            notice: Some(Notice::Info(text.into())),
        }
    }

    /// This step followed by `next`: effects in order, the later notice wins.
    pub fn then(mut self, next: Step) -> Step {
        for e in next.effects {
            if !(e == Effect::Save && self.effects.last() == Some(&Effect::Save)) {
                self.effects.push(e);
            }
        }
        if next.notice.is_some() {
            self.notice = next.notice;
        }
        self
    }

    /// Whether the step was refused.
    pub fn is_refused(&self) -> bool {
        matches!(self.notice, Some(Notice::Refused(_)))
    }
}

/// What became of an operation that can be refused: it says so itself,
/// so no front end has to count before and after to learn whether it
/// worked. Either way it carries the step to run (a refusal's says why).
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a step's effects must be carried out, or answers are not saved"]
pub enum Decided {
    Accepted(Step),
    Refused(Step),
}

impl Decided {
    /// Whether the operation was carried out.
    pub fn accepted(&self) -> bool {
        matches!(self, Decided::Accepted(_))
    }

    /// The step to run, accepted or not.
    pub fn step(self) -> Step {
        match self {
            Decided::Accepted(s) | Decided::Refused(s) => s,
        }
    }
}
