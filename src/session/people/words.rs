//! How a person's saved sessions are said on the welcome of both front ends.

use super::{is_self, possessive};
use crate::session::time::Timestamp;

/// One of a person's earlier sessions, as the welcome lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earlier {
    /// When it started (or last changed).
    pub date: Option<Timestamp>,
    pub answered: usize,
    pub total: usize,
    pub finished: bool,
}

impl Earlier {
    /// "3 March 2026: 12 of 41 answered, finished".
    pub fn words(&self) -> String {
        let date = self.date.map_or("undated".to_string(), |d| d.date());
        let done = if self.finished {
            "finished"
        } else {
            "not finished"
        };
        format!(
            "{date}: {} of {} answered, {done}",
            self.answered, self.total
        )
    }
}

/// Whose saved session this is and how far it got, for the welcome of
/// both front ends: "Sam Lee's session from 3 March 2026: 12 of 41
/// answered", or for the self-assessment "You have a saved session: 12
/// answered of 41, from 3 March 2026".
pub fn resume_words(name: Option<&str>, r: &crate::session::Resume, finished: bool) -> String {
    let from = r.started.or(r.updated).map(|t| t.date());
    let mut text = if is_self(name) {
        let from = from.map(|d| format!(", from {d}")).unwrap_or_default();
        format!(
            "You have a saved session: {} answered of {}{from}",
            r.answered, r.total
        )
    } else {
        let from = from.map(|d| format!(" from {d}")).unwrap_or_default();
        format!(
            "{} session{from}: {} of {} answered",
            possessive(name),
            r.answered,
            r.total
        )
    };
    if let Some(when) = r.updated {
        text.push_str(&format!(", last changed {}", when.words()));
    }
    text.push_str(if finished { ". It is finished." } else { "." });
    text
}
