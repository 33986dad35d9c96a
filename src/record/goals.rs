//! Goals: what a person (with their coach) chooses to work on after the
//! results, and how each went when they come back.

use serde::{Deserialize, Serialize};

/// Most goals a session keeps: a plan of more than three is a wish list.
pub(crate) const GOALS_ALLOWED: usize = 3;

/// Longest goal, and longest "done when", in characters: a goal is a
/// sentence or two, the same in the terminal app and in plain mode.
pub const GOAL_LIMIT: usize = 300;
/// A target date: `YYYY-MM-DD`.
pub const TARGET_LIMIT: usize = 10;
/// Longest note on how a reviewed goal went, in characters.
pub(crate) const REVIEW_NOTE_LIMIT: usize = 300;

/// One goal of a development plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Goal {
    /// What the person will do, in their words or a track's growth step.
    pub text: String,
    /// The track whose growth step it came from, if it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub track: Option<String>,
    /// How they will know it is done.
    pub done_when: String,
    /// By when, as `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

impl Goal {
    /// The goal in one line of words: what, how you will know, by when.
    pub fn words(&self) -> String {
        let mut out = self.text.trim().trim_end_matches('.').to_string();
        if !self.done_when.trim().is_empty() {
            out.push_str(&format!("; done when {}", self.done_when.trim()));
        }
        if let Some(t) = &self.target {
            out.push_str(&format!("; by {t}"));
        }
        out
    }
}

/// How a goal of the last session went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    Done,
    #[default]
    InProgress,
    Dropped,
}

impl Progress {
    /// Every progress, in the order they are offered (1 done, 2 in
    /// progress, 3 dropped): the keys and the footer count them.
    pub const ALL: [Progress; 3] = [Progress::Done, Progress::InProgress, Progress::Dropped];

    /// The word people read.
    pub fn words(self) -> &'static str {
        match self {
            Progress::Done => "done",
            Progress::InProgress => "in progress",
            Progress::Dropped => "dropped",
        }
    }
}

/// A goal of the previous session, as reviewed at the start of this one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    pub goal: Goal,
    pub progress: Progress,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
