//! Two audiences of one session: the person who answers (a mentee, or
//! someone taking a self-assessment) and the coach.
//!
//! What is the coach's (coach prompts, the coach's notes until shared)
//! stays on the coach's side by construction:
//! - a run is the coach's only when its command line says so, and only
//!   then does its [`Session`](crate::session::Session) hold a [`CoachKey`]; the
//!   session file never switches a run into coach mode;
//! - a session opened without a key has the assessment's coach prompts
//!   removed at the edge, so no screen or line of it can draw one;
//! - the coach's notes are kept [`Sealed`]: without the key only the notes
//!   the coach shared can be read, and nothing else is reachable (not even
//!   through `Debug`).
//!
//! The person's own notes (`notes:` in the session file, and the session
//! note in `session.note`) stay theirs whoever opens the session.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Proof that this run is the coach's. Made only where the command line
/// says `--coach` (or `report --for coach`): see [`CoachKey::from_command_line`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoachKey(());

impl CoachKey {
    /// The key, when the command line asked for the coach's side.
    pub fn from_command_line(coach: bool) -> Option<CoachKey> {
        coach.then_some(CoachKey(()))
    }
}

/// One of the coach's notes: private until shared with the mentee.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoachNote {
    pub text: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shared: bool,
}

/// The coach's notes of a session: on questions, by id, and on the whole
/// session.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CoachNotes {
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub questions: BTreeMap<String, CoachNote>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<CoachNote>,
}

impl CoachNotes {
    pub fn is_empty(&self) -> bool {
        self.questions.is_empty() && self.session.is_none()
    }
}

/// What is the coach's, kept in the session file but readable only with a
/// [`CoachKey`], except the notes the coach chose to share.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Sealed(CoachNotes);

impl std::fmt::Debug for Sealed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealed(..)")
    }
}

impl Sealed {
    pub fn new(notes: CoachNotes) -> Sealed {
        Sealed(notes)
    }

    /// Everything, for the coach.
    pub fn open(&self, _: &CoachKey) -> &CoachNotes {
        &self.0
    }

    /// Everything, to change, for the coach.
    pub(crate) fn open_mut(&mut self, _: &CoachKey) -> &mut CoachNotes {
        &mut self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Forgets every note (a new session); reveals nothing.
    pub fn clear(&mut self) {
        self.0 = CoachNotes::default();
    }

    /// The coach's note on a question, when it is shared with the mentee.
    pub fn shared_on(&self, question: &str) -> Option<&str> {
        shared(self.0.questions.get(question))
    }

    /// The coach's note on the whole session, when it is shared.
    pub fn shared_on_session(&self) -> Option<&str> {
        shared(self.0.session.as_ref())
    }

    /// Only the notes the coach shared: what the mentee's side of a live
    /// session holds, so that nothing drawn there can reach a private one.
    pub fn shared_only(&self) -> Sealed {
        let keep = |n: &CoachNote| shared(Some(n)).is_some();
        Sealed(CoachNotes {
            questions: self
                .0
                .questions
                .iter()
                .filter(|(_, n)| keep(n))
                .map(|(id, n)| (id.clone(), n.clone()))
                .collect(),
            session: self.0.session.clone().filter(keep),
        })
    }

    /// Every shared note on a question, by id, in id order.
    pub fn shared_questions(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .questions
            .iter()
            .filter_map(|(id, n)| Some((id.as_str(), shared(Some(n))?)))
    }
}

fn shared(note: Option<&CoachNote>) -> Option<&str> {
    note.filter(|n| n.shared && !n.text.trim().is_empty())
        .map(|n| n.text.as_str())
}

/// Whose a note shown is, which decides its label and who may see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Whose {
    /// The person's own note (the mentee's, or in a self-assessment theirs).
    Own,
    /// The coach's, shared with the mentee.
    CoachShared,
    /// The coach's, private: only ever drawn on the coach's side.
    CoachPrivate,
}

impl Whose {
    /// How the note is labelled for the coach (`coach`) or for the person.
    pub fn label(self, coach: bool) -> &'static str {
        match (self, coach) {
            (Whose::Own, false) => "Your note",
            (Whose::Own, true) => "Mentee's own note",
            (Whose::CoachShared, false) => "Note from your coach",
            (Whose::CoachShared, true) => "Shared note (the mentee sees it)",
            (Whose::CoachPrivate, _) => "Private note (coach only)",
        }
    }
}

/// A note as an audience sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shown<'a> {
    pub whose: Whose,
    pub text: &'a str,
}

/// The notes on a question (`Some(id)`) or on the session (`None`) that an
/// audience sees, own note first. Without a key only the person's own note
/// and shared coach notes can come out.
pub(crate) fn notes_on<'a>(
    own: Option<&'a str>,
    coach: &'a Sealed,
    question: Option<&str>,
    key: Option<&CoachKey>,
) -> Vec<Shown<'a>> {
    let mut out = Vec::new();
    if let Some(text) = own.filter(|t| !t.trim().is_empty()) {
        out.push(Shown {
            whose: Whose::Own,
            text,
        });
    }
    let note = match key {
        Some(k) => {
            let notes = coach.open(k);
            match question {
                Some(id) => notes.questions.get(id),
                None => notes.session.as_ref(),
            }
            .filter(|n| !n.text.trim().is_empty())
            .map(|n| Shown {
                whose: if n.shared {
                    Whose::CoachShared
                } else {
                    Whose::CoachPrivate
                },
                text: n.text.as_str(),
            })
        }
        None => match question {
            Some(id) => coach.shared_on(id),
            None => coach.shared_on_session(),
        }
        .map(|text| Shown {
            whose: Whose::CoachShared,
            text,
        }),
    };
    out.extend(note);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed() -> Sealed {
        let mut n = CoachNotes::default();
        n.questions.insert(
            "a".into(),
            CoachNote {
                text: "PRIVATE".into(),
                shared: false,
            },
        );
        n.questions.insert(
            "b".into(),
            CoachNote {
                text: "SHARED".into(),
                shared: true,
            },
        );
        Sealed::new(n)
    }

    #[test]
    fn without_the_key_only_shared_notes_come_out() {
        let s = sealed();
        assert!(notes_on(None, &s, Some("a"), None).is_empty());
        assert_eq!(notes_on(None, &s, Some("b"), None)[0].text, "SHARED");
        assert_eq!(s.shared_questions().count(), 1);
    }

    #[test]
    fn sealed_notes_never_show_in_debug() {
        assert!(!format!("{:?}", sealed()).contains("PRIVATE"));
    }

    #[test]
    fn the_coach_sees_both_and_which_is_which() {
        let s = sealed();
        let key = CoachKey::from_command_line(true).unwrap();
        let a = notes_on(Some("mine"), &s, Some("a"), Some(&key));
        assert_eq!(a[0].whose, Whose::Own);
        assert_eq!(a[1].whose, Whose::CoachPrivate);
        assert_ne!(
            Whose::CoachPrivate.label(true),
            Whose::CoachShared.label(true)
        );
    }
}
