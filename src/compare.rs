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

mod goals;

use crate::answers::{Answer, Answers, describe};
use crate::assessment::{Assessment, QuestionIndex, TrackIndex};
use crate::report::json::axis_json;
use crate::report::markdown::{head, md, row};
use crate::report::text::{name_width, underlined};
use crate::report::{headline, leaning, percent, position};
use crate::scoring::{Score, score};
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
    /// new - old, in score points; None when either is unscored.
    pub delta: Option<f64>,
    /// 1-based ranks.
    pub old_rank: usize,
    pub new_rank: usize,
    /// old_rank - new_rank: positive when the track moved up.
    pub rank_change: i64,
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
    }
}

/// A change as the difference of the whole percents shown beside it, so
/// the columns add up ("100% -> 18%" is "-82"): "+12", "-3", "0", or "–".
fn points(old: Option<f64>, new: Option<f64>) -> String {
    match old.zip(new).map(|(o, n)| n.round() - o.round()) {
        None => "–".to_string(),
        Some(0.0) => "0".to_string(),
        Some(d) => format!("{d:+}"),
    }
}

/// "up 2", "down 1" or "same".
fn rank_words(change: i64) -> String {
    match change {
        0 => "same".to_string(),
        c if c > 0 => format!("up {c}"),
        c => format!("down {}", -c),
    }
}

/// The comparison as plain text for a terminal or a pipe.
pub fn text(a: &Assessment, c: &Comparison) -> String {
    let mut out = underlined(&format!("{}: before and after", a.title.trim()));
    let _ = writeln!(
        out,
        "Before: {}\nAfter:  {}",
        headline(a, &c.old_score),
        headline(a, &c.new_score)
    );
    let _ = writeln!(out, "\nTracks (ranked by the new answers)");
    let width = name_width(a);
    for t in &c.tracks {
        let (old, new) = (percent(t.old), percent(t.new));
        let _ = writeln!(
            out,
            "  {}. {:<width$}  {old:>4} -> {new:>4}  {:>4}  rank {} -> {} ({})",
            t.new_rank,
            t.name,
            points(t.old, t.new),
            t.old_rank,
            t.new_rank,
            rank_words(t.rank_change)
        );
    }
    if !c.axes.is_empty() {
        let _ = writeln!(out, "\nAxes");
        for x in &c.axes {
            let axis = &a.axes[x.axis];
            let side = |p: Option<f64>, t: Option<TrackIndex>| match (p, t) {
                (None, _) => "not enough answers".to_string(),
                (Some(p), Some(t)) => format!("{p:+.2}, leaning {}", a.tracks[t].name),
                (Some(p), None) => format!("{p:+.2}, balanced"),
            };
            let _ = writeln!(
                out,
                "  {} (-1 {}, +1 {})\n    before: {}\n    after:  {}",
                axis.label.trim(),
                a.tracks[axis.left].name,
                a.tracks[axis.right].name,
                side(x.old, x.old_leaning),
                side(x.new, x.new_leaning)
            );
        }
    }
    let _ = writeln!(out, "\nChanged answers");
    if c.changed.is_empty() {
        let _ = writeln!(out, "  none: every answer is the same");
    }
    for ch in &c.changed {
        let _ = writeln!(
            out,
            "  {}\n    before: {}\n    after:  {}",
            ch.text.trim(),
            ch.old,
            ch.new
        );
    }
    goals::text(&mut out, a, c);
    crate::sanitize::clean(&out)
}

/// The comparison as Markdown; it starts with `# `.
pub fn markdown(a: &Assessment, c: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}: before and after\n", md(&a.title));
    let _ = writeln!(
        out,
        "- Before: **{}**\n- After: **{}**",
        md(&headline(a, &c.old_score)),
        md(&headline(a, &c.new_score))
    );
    out.push_str("\n## Tracks\n\nRanked by the new answers; the change is in score points.\n\n");
    let columns = [
        "Rank",
        "Track",
        "Before",
        "After",
        "Change",
        "Rank before",
        "Rank change",
    ];
    head(&mut out, &columns, "rlrrrrl");
    for t in &c.tracks {
        row(
            &mut out,
            &[
                &t.new_rank.to_string(),
                &t.name,
                &percent(t.old),
                &percent(t.new),
                &points(t.old, t.new),
                &t.old_rank.to_string(),
                &rank_words(t.rank_change),
            ],
        );
    }
    if !c.axes.is_empty() {
        out.push_str("\n## Axes\n\n");
        let columns = ["Axis", "Before", "After", "Leaning before", "Leaning after"];
        head(&mut out, &columns, "lrrll");
        for x in &c.axes {
            row(
                &mut out,
                &[
                    &a.axes[x.axis].label,
                    &position(x.old),
                    &position(x.new),
                    &leaning(a, x.old, x.old_leaning),
                    &leaning(a, x.new, x.new_leaning),
                ],
            );
        }
    }
    let _ = writeln!(out, "\n## Changed answers\n");
    if c.changed.is_empty() {
        let _ = writeln!(out, "None: every answer is the same.");
    } else {
        head(&mut out, &["Question", "Before", "After"], "lll");
        for ch in &c.changed {
            row(&mut out, &[&ch.text, &ch.old, &ch.new]);
        }
    }
    goals::markdown(&mut out, a, c);
    crate::sanitize::clean(&out)
}

/// The comparison for machines: unrounded numbers, null where unscored;
/// `old_goals` and `new_goals` when either session chose goals.
pub fn json(a: &Assessment, c: &Comparison) -> Value {
    let id = |t: Option<TrackIndex>| t.map(|t| a.tracks[t].id.clone());
    let tracks: Vec<Value> = c
        .tracks
        .iter()
        .map(|t| {
            json!({
                "id": t.id,
                "name": t.name,
                "old": t.old,
                "new": t.new,
                "delta": t.delta,
                "old_rank": t.old_rank,
                "new_rank": t.new_rank,
                "rank_change": t.rank_change,
            })
        })
        .collect();
    let axes: Vec<Value> = c
        .axes
        .iter()
        .map(|x| {
            let more = json!({
                "old": x.old,
                "new": x.new,
                "old_leaning": id(x.old_leaning),
                "new_leaning": id(x.new_leaning),
            });
            axis_json(a, x.axis, more)
        })
        .collect();
    let changed: Vec<Value> = c
        .changed
        .iter()
        .map(|ch| json!({ "id": ch.id, "text": ch.text, "old": ch.old, "new": ch.new }))
        .collect();
    let mut doc = json!({ "tracks": tracks, "axes": axes, "changed": changed });
    goals::json(&mut doc, c);
    doc
}
