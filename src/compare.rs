//! Two sets of answers to one assessment, side by side (`crossroads compare`).
//!
//! Both sets are scored with `scoring::score`; the comparison holds, per
//! track, both scores, the change and both ranks; per axis, both positions
//! and leanings; and the questions whose answer changed.
//!
//! Tracks are listed in the rank order of the NEW answers (the result as it
//! stands now, best first; equal scores keep declaration order, unscored
//! tracks last). Axes keep declaration order, questions file order.
//!
//! An answer is compared as the score sees it: a hidden question counts as
//! "hidden" whatever answer it keeps, an unanswered visible one as "no
//! answer". So a question that became visible or hidden is listed as
//! changed, and a kept answer behind a condition is not. The options of a
//! multi answer are compared as a set (the order they were ticked in does
//! not matter); a ranking is compared as an order.
//!
//! When both are sessions, their goals (the development plan chosen after
//! each) are listed too: [`Comparison::with_goals`], rendered in `goals`.
//!
//! Each side says whose answers it holds and from when
//! ([`Comparison::with_sides`], [`Side`]): a session's stored name ("me"
//! for the self-assessment) and the day it started (or last changed), a
//! plain answers file its file name. When the two are sessions of
//! different people (their names differ as [`people::key`] compares
//! them), the comparison says so first and speaks of differences between
//! the two, by name, never of changes "before" and "after".
//!
//! Every delta shown is `crate::scoring::shown_change`: the difference
//! of the two whole percents beside it, as "since last time" shows it.

mod goals;

use crate::answers::{Answer, Answers, describe};
use crate::assessment::{Assessment, QuestionIndex, TrackIndex};
use crate::report::json::axis_json;
use crate::report::markdown::{head, md, row};
use crate::report::text::{name_width, underlined};
use crate::report::{capitalise, headline, leaning, percent, position};
use crate::scoring::{Score, score, shown_change};
use crate::session::people;
use crate::session::time::Timestamp;
use serde_json::{Value, json};
use std::fmt::Write;

/// Two answer sets of one assessment, compared.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Every track, in the rank order of the new answers.
    pub tracks: Vec<TrackChange>,
    /// Every axis, in declaration order.
    pub axes: Vec<AxisChange>,
    /// The questions whose answer differs, in file order.
    pub changed: Vec<AnswerChange>,
    /// The old answers' full score.
    pub old_score: Score,
    /// The new answers' full score.
    pub new_score: Score,
    /// The goals chosen in the old session (empty for an answers file).
    pub old_goals: Vec<crate::session::goals::Goal>,
    /// The goals chosen in the new session.
    pub new_goals: Vec<crate::session::goals::Goal>,
    /// Whose the old answers are and from when; None when not known (the
    /// sides are then "before" and "after").
    pub old_side: Option<Side>,
    /// Whose the new answers are and from when.
    pub new_side: Option<Side>,
}

/// Whose one side of a comparison is, and from when.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// For people: the session's stored name ("me" for the
    /// self-assessment), or a plain answers file's file name.
    pub label: String,
    /// The person as [`people::key`] identifies them, when the side is a
    /// session; None for a plain answers file, which names nobody.
    pub person: Option<String>,
    /// When the session started, or else when it last changed.
    pub date: Option<Timestamp>,
}

impl Side {
    /// The side of a file: a session (its `session:` mapping) by its
    /// person and date, a plain answers file by `file_name`.
    pub fn of(file_name: &str, session: Option<&crate::session::Meta>) -> Side {
        match session {
            Some(meta) => {
                let name = meta.name.as_deref();
                Side {
                    label: match people::is_self(name) {
                        true => people::SELF.to_string(),
                        false => crate::sanitize::line(name.unwrap_or_default().trim()),
                    },
                    person: Some(people::key(name)),
                    date: meta.started.or(meta.updated),
                }
            }
            None => Side {
                label: crate::sanitize::line(file_name),
                person: None,
                date: None,
            },
        }
    }

    /// "Ben O'Neil (3 March 2026)", "me (5 March 2026)", "old.yaml".
    pub fn words(&self) -> String {
        match self.date {
            Some(d) => format!("{} ({})", self.label, d.date()),
            None => self.label.clone(),
        }
    }

    /// The day as `YYYY-MM-DD`, for machines.
    fn iso_date(&self) -> Option<String> {
        self.date.map(|d| d.iso_date())
    }
}

impl Comparison {
    /// The same comparison, with the goals each session chose.
    pub fn with_goals(
        mut self,
        old: &[crate::session::goals::Goal],
        new: &[crate::session::goals::Goal],
    ) -> Comparison {
        self.old_goals = old.to_vec();
        self.new_goals = new.to_vec();
        self
    }

    /// The same comparison, knowing whose each side is and from when.
    pub fn with_sides(mut self, old: Side, new: Side) -> Comparison {
        self.old_side = Some(old);
        self.new_side = Some(new);
        self
    }

    /// Whether both sides are the same person: false only when both are
    /// sessions whose names differ as [`people::key`] compares them (a
    /// plain answers file names nobody, so it is never another person).
    pub fn same_person(&self) -> bool {
        let person = |s: &Option<Side>| s.as_ref().and_then(|s| s.person.clone());
        match (person(&self.old_side), person(&self.new_side)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }

    /// The words for each side and for what differs, as the renderers use
    /// them: "Before"/"After" and "changes" for one person, the two names
    /// and "differences" for two.
    fn wording(&self) -> Wording {
        let words = |s: &Option<Side>| s.as_ref().map(Side::words);
        let (old, new) = (words(&self.old_side), words(&self.new_side));
        if self.same_person() {
            let with = |side: &str, w: Option<String>| match w {
                Some(w) => format!("{side}, {w}"),
                None => side.to_string(),
            };
            return Wording {
                who: None,
                old: with("Before", old),
                new: with("After", new),
                old_short: "before".into(),
                new_short: "after".into(),
                ranked_by: "the new answers".into(),
            };
        }
        let (old, new) = (old.unwrap_or_default(), new.unwrap_or_default());
        let label = |s: &Option<Side>| s.as_ref().map_or(String::new(), |s| s.label.clone());
        let (mut old_short, mut new_short) = (label(&self.old_side), label(&self.new_side));
        if old_short == new_short {
            // Names that differ only as keys do (never, today) are told
            // apart by their dates.
            old_short = old.clone();
            new_short = new.clone();
        }
        Wording {
            who: Some(format!("Two different people: {old} and {new}")),
            ranked_by: format!("{new_short}'s answers"),
            old,
            new,
            old_short,
            new_short,
        }
    }
}

/// One track before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct TrackChange {
    pub track: TrackIndex,
    pub id: String,
    pub name: String,
    /// 0 to 100, or None when unscored.
    pub old: Option<f64>,
    pub new: Option<f64>,
    /// new - old, in score points, unrounded; None when either is
    /// unscored. As shown, see [`TrackChange::points`].
    pub delta: Option<f64>,
    /// 1-based ranks.
    pub old_rank: usize,
    pub new_rank: usize,
    /// old_rank - new_rank: positive when the track moved up.
    pub rank_change: i64,
}

impl TrackChange {
    /// The change as shown: the difference of the two whole percents
    /// beside it (`shown_change`, as "since last time" gives it).
    pub fn points(&self) -> Option<i64> {
        shown_change(self.old, self.new)
    }
}

/// One axis before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisChange {
    pub axis: usize,
    pub id: String,
    /// -1 to 1, or None when either track is unscored.
    pub old: Option<f64>,
    pub new: Option<f64>,
    /// The track leaned toward, or None when balanced or unscored.
    pub old_leaning: Option<TrackIndex>,
    pub new_leaning: Option<TrackIndex>,
}

/// A question whose answer changed.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerChange {
    pub question: QuestionIndex,
    pub id: String,
    pub text: String,
    /// The answer in words, "no answer" or "hidden".
    pub old: String,
    pub new: String,
}

/// What the score sees of one question.
#[derive(Debug, PartialEq)]
enum AnswerState<'a> {
    Hidden,
    NoAnswer,
    Given(&'a Answer),
}

fn answer_state<'a>(answers: &'a Answers, s: &Score, q: QuestionIndex) -> AnswerState<'a> {
    if !s.visible.get(q).copied().unwrap_or(true) {
        return AnswerState::Hidden;
    }
    answers
        .get(q)
        .map_or(AnswerState::NoAnswer, AnswerState::Given)
}

/// Whether two answers say the same (a multi as a set).
fn same(x: &AnswerState, y: &AnswerState) -> bool {
    match (x, y) {
        (AnswerState::Given(Answer::Multi(p)), AnswerState::Given(Answer::Multi(q))) => {
            let (mut p, mut q) = (p.clone(), q.clone());
            p.sort_unstable();
            q.sort_unstable();
            p == q
        }
        _ => x == y,
    }
}

fn words(a: &Assessment, q: QuestionIndex, x: &AnswerState) -> String {
    match x {
        AnswerState::Hidden => "hidden".to_string(),
        AnswerState::NoAnswer => "no answer".to_string(),
        AnswerState::Given(answer) => describe(a, q, answer),
    }
}

/// Scores both answer sets and compares them.
pub fn compare(a: &Assessment, old: &Answers, new: &Answers) -> Comparison {
    let before = score(a, old);
    let after = score(a, new);
    let tracks = after
        .tracks
        .iter()
        .map(|now| {
            let was = before.of(now.track);
            let track = &a.tracks[now.track];
            TrackChange {
                track: now.track,
                id: track.id.clone(),
                name: track.name.clone(),
                old: was.score,
                new: now.score,
                delta: now.score.zip(was.score).map(|(n, o)| n - o),
                old_rank: was.rank,
                new_rank: now.rank,
                rank_change: was.rank as i64 - now.rank as i64,
            }
        })
        .collect();
    let axes = before
        .axes
        .iter()
        .zip(&after.axes)
        .map(|(was, now)| AxisChange {
            axis: now.axis,
            id: a.axes[now.axis].id.clone(),
            old: was.position,
            new: now.position,
            old_leaning: was.leaning,
            new_leaning: now.leaning,
        })
        .collect();
    let changed = a
        .questions
        .iter()
        .enumerate()
        .filter_map(|(q, question)| {
            let (x, y) = (answer_state(old, &before, q), answer_state(new, &after, q));
            (!same(&x, &y)).then(|| AnswerChange {
                question: q,
                id: question.id.to_string(),
                text: question.text.clone(),
                old: words(a, q, &x),
                new: words(a, q, &y),
            })
        })
        .collect();
    Comparison {
        tracks,
        axes,
        changed,
        old_score: before,
        new_score: after,
        old_goals: Vec::new(),
        new_goals: Vec::new(),
        old_side: None,
        new_side: None,
    }
}

mod render;
use render::Wording;
pub use render::{json, markdown, text};
