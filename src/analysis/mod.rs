//! Learning from many sessions of one assessment: the export of every
//! session as one row ([`export`]), and item analysis ([`analyse`]): how
//! each question was answered, how reliable each track's score is
//! (Cronbach's alpha, [`alpha`]), and how the group spreads over the
//! tracks ([`group`]).
//!
//! The core only takes sessions already read and checked ([`Record`]);
//! finding and reading the files is the command line's, through the same
//! reader as every other command, so warnings and refusals match.

pub mod alpha;
pub mod export;
pub mod group;
pub mod questions;
pub mod render;
pub mod tracks;

use crate::answers::Answers;
use crate::answers::conditions::visibility;
use crate::assessment::{Assessment, QuestionIndex};
use crate::scoring::{Scorer, Totals};
use crate::session::{Fate, Meta};

/// One session (or plain answers file) of the assessment, read and checked,
/// with its score and what became of each question.
#[derive(Debug, Clone)]
pub struct Record {
    /// How the session is named: its id under the data folder (as
    /// `crossroads sessions` gives it), or else its path.
    pub session: String,
    /// The answers as the file holds them (hidden ones too).
    pub answers: Answers,
    /// The app's bookkeeping; None for a plain answers file.
    pub meta: Option<Meta>,
    /// Its scores, top set and axes, as `crossroads score` gives them.
    pub score: Totals,
    /// What became of each question, in file order.
    pub fates: Vec<Fate>,
}

impl Record {
    /// A record of these answers, scored against `assessment`.
    pub fn new(
        assessment: &Assessment,
        session: String,
        answers: Answers,
        meta: Option<Meta>,
    ) -> Record {
        Record::scored(&Scorer::new(assessment), session, answers, meta)
    }

    /// A record of these answers, scored by `scorer` (one for all the
    /// sessions of its assessment).
    pub fn scored(
        scorer: &Scorer,
        session: String,
        answers: Answers,
        meta: Option<Meta>,
    ) -> Record {
        let assessment = scorer.assessment();
        let score = scorer.totals(&answers, visibility(assessment, &answers));
        let fates = (0..assessment.questions.len())
            .map(|q| fate(assessment, &answers, meta.as_ref(), &score.visible, q))
            .collect();
        Record {
            session,
            answers,
            meta,
            score,
            fates,
        }
    }

    /// The person whose session it is ("me" for a self-assessment); None
    /// for a plain answers file, which names no one.
    pub fn person(&self) -> Option<String> {
        self.meta
            .as_ref()
            .map(|m| crate::session::people::shown(m.name.as_deref()))
    }

    /// The answer counted for a question: None when it is skipped, hidden
    /// or not reached (an answer kept on a hidden question is not counted,
    /// as in scoring).
    pub fn counted(&self, q: QuestionIndex) -> Option<&crate::answers::Answer> {
        match self.fates[q] {
            Fate::Answered => self.answers.get(q),
            _ => None,
        }
    }
}

/// What became of a question in a saved file, by the rule the reports use:
/// in a session in progress that keeps its skips one by one, a question
/// without an answer that was never moved past is not reached yet; in any
/// other file (finished, older, or a plain answers file) it was skipped.
fn fate(
    assessment: &Assessment,
    answers: &Answers,
    meta: Option<&Meta>,
    visible: &[bool],
    q: QuestionIndex,
) -> Fate {
    let id = &assessment.questions[q].id;
    let not_reached = meta.is_some_and(|m| {
        !m.complete
            && m.skipped
                .as_ref()
                .is_some_and(|skipped| !skipped.iter().any(|s| s == id))
    });
    if !visible.get(q).copied().unwrap_or(true) {
        Fate::Hidden
    } else if answers.get(q).is_some() {
        Fate::Answered
    } else if not_reached {
        Fate::NotYet
    } else {
        Fate::Skipped
    }
}

/// The whole item analysis of a group of sessions.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The assessment's id.
    pub assessment: String,
    /// How many sessions were analysed.
    pub sessions: usize,
    /// One per question, in file order.
    pub questions: Vec<questions::QuestionStats>,
    /// One per track, in declaration order.
    pub tracks: Vec<tracks::TrackReliability>,
    /// The group's results and spread.
    pub group: group::Group,
}

/// An analysis under way: each session is added as it is read and then
/// let go; only counts, and what the figures are computed from, are kept.
#[derive(Debug, Clone)]
pub struct Tally {
    sessions: usize,
    questions: Vec<questions::QuestionTally>,
    tracks: Vec<tracks::TrackTally>,
    group: group::GroupTally,
}

impl Tally {
    /// No session yet.
    pub fn new(assessment: &Assessment) -> Tally {
        Tally {
            sessions: 0,
            questions: (assessment.questions.iter())
                .map(|q| questions::QuestionTally::new(&q.kind))
                .collect(),
            tracks: (0..assessment.tracks.len())
                .map(|t| tracks::TrackTally::new(assessment, t))
                .collect(),
            group: group::GroupTally::new(assessment),
        }
    }

    /// Adds one session of `assessment`.
    pub fn add(&mut self, assessment: &Assessment, record: &Record) {
        self.sessions += 1;
        for (q, (tally, question)) in self
            .questions
            .iter_mut()
            .zip(&assessment.questions)
            .enumerate()
        {
            tally.add(&question.kind, record, q);
        }
        for t in &mut self.tracks {
            t.add(assessment, record);
        }
        self.group.add(record);
    }

    /// The item analysis of the sessions added.
    pub fn finish(self, assessment: &Assessment) -> Analysis {
        Analysis {
            assessment: assessment.id.clone(),
            sessions: self.sessions,
            questions: (self
                .questions
                .into_iter()
                .zip(&assessment.questions)
                .enumerate())
            .map(|(q, (tally, question))| tally.finish(&question.kind, q))
            .collect(),
            tracks: self
                .tracks
                .into_iter()
                .map(tracks::TrackTally::finish)
                .collect(),
            group: self.group.finish(),
        }
    }
}

/// Analyses the sessions of one assessment.
pub fn analyse(assessment: &Assessment, records: &[Record]) -> Analysis {
    let mut tally = Tally::new(assessment);
    for r in records {
        tally.add(assessment, r);
    }
    tally.finish(assessment)
}
