//! What a session file records beside its answers: the app's bookkeeping
//! ([`Meta`]), its timestamps, the goals of a development plan and their
//! reviews, and the coach's sealed notes with the rule of who may read
//! which. Plain data with serde, below every module that reads or shows a
//! session (answers, reports, the session itself), so none of them has to
//! reach up into `session` for it.

pub mod audience;
pub mod goals;
pub mod time;

use audience::{CoachNote, CoachNotes, Sealed};

/// Longest name of a person, in characters, in every front end.
pub const NAME_LIMIT: usize = 80;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::Timestamp;

/// The app's bookkeeping, kept under `session:`. Missing keys take their
/// defaults and unknown keys are ignored, so files of older and newer
/// versions load. Fields are written in declaration order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// The file the assessment was read from, when it was a file.
    pub assessment_path: Option<String>,
    /// The bundled id, when it was bundled.
    pub bundled: Option<String>,
    /// Fingerprint of the assessment's bytes, to notice when it changes.
    pub fingerprint: String,
    /// Id of the question the person was on.
    pub position: Option<String>,
    /// Whether the person reached the results.
    pub complete: bool,
    /// Questions the person moved past without answering: the others
    /// without an answer are "not yet" reached. None in files written
    /// before this was kept, where every unanswered question before the
    /// furthest one reached counts as skipped, as it did then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<Vec<String>>,
    /// When the session started (None until it does).
    #[serde(with = "time::optional")]
    pub started: Option<Timestamp>,
    /// When the session last changed.
    #[serde(with = "time::optional")]
    pub updated: Option<Timestamp>,
    /// Whether the session was taken in coach mode.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub coach: bool,
    /// The mentee's name, in coach mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The person's own note on the session as a whole (the coach's
    /// notes are in `coach_notes`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Files of older versions only (read, never written): whether the
    /// coach's session note was shared. See [`Meta::split_legacy_notes`].
    #[serde(skip_serializing)]
    pub note_shared: bool,
    /// Files of older versions only: question ids whose coach notes were
    /// shared.
    #[serde(skip_serializing)]
    pub shared_notes: Vec<String>,
    /// Questions whose options are shown in an order drawn for this
    /// session (`shuffle`): their option ids as shown.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub order: std::collections::BTreeMap<String, Vec<String>>,
    /// The development plan chosen after the results.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<goals::Goal>,
    /// The file name of this person's previous session of the same
    /// assessment, whose goals this one reviews.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// How the previous session's goals went.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<goals::Review>,
    /// The coach's notes, readable only with the coach's key.
    #[serde(skip_serializing_if = "Sealed::is_empty")]
    pub coach_notes: Sealed,
    /// Always written true: `notes:` and `note` hold the person's own
    /// notes. A file without it is of an older version, whose coach
    /// sessions kept the coach's notes there ([`Meta::split_legacy_notes`]).
    #[serde(serialize_with = "always_true")]
    pub own_notes: bool,
}

fn always_true<S: serde::Serializer>(_: &bool, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_bool(true)
}

impl Meta {
    /// Reads the notes of a file written before the two audiences: in a
    /// coach session, `notes:` and the session note were the coach's
    /// (private unless listed as shared); they move to `coach_notes`.
    /// In a self-assessment they were, and stay, the person's own.
    /// Idempotent: a file of this version is left as it is.
    pub fn split_legacy_notes(&mut self, notes: &mut BTreeMap<String, String>) {
        let legacy = !self.own_notes;
        self.own_notes = true;
        let shared = std::mem::take(&mut self.shared_notes);
        let note_shared = std::mem::take(&mut self.note_shared);
        if !legacy || !self.coach {
            return;
        }
        let mut coach = CoachNotes::default();
        for (id, text) in std::mem::take(notes) {
            let shared = shared.contains(&id);
            coach.questions.insert(id, CoachNote { text, shared });
        }
        coach.session = self.note.take().map(|text| CoachNote {
            text,
            shared: note_shared,
        });
        self.coach_notes = Sealed::new(coach);
    }
}

impl Meta {
    /// Whether the person moved past question `id` without answering it:
    /// None for a file written before skips were kept one by one.
    pub(crate) fn moved_past(&self, id: &str) -> Option<bool> {
        self.skipped
            .as_ref()
            .map(|skipped| skipped.iter().any(|s| s == id))
    }

    /// What to pass to `crossroads score` for this session's assessment:
    /// the bundled id, or the file's path.
    pub fn score_target(&self, id: &str) -> String {
        match (&self.bundled, &self.assessment_path) {
            (Some(b), _) => b.clone(),
            (None, Some(p)) => p.clone(),
            (None, None) => id.to_string(),
        }
    }
}
