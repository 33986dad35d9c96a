//! The exact scoring of spec section 3: contributions and their ranges,
//! percent of maximum possible (POMP), ranks, bands, the top set, axes,
//! section scores and the pull of each answer.

use crate::answers::{Answer, Answers};
use crate::assessment::model::Question;
use crate::assessment::{Assessment, QuestionIndex, QuestionKind, TrackIndex, weight_of};
use crate::conditions::visibility;

/// The result of scoring one set of answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// Visible questions of every type.
    pub total: usize,
    pub answered: usize,
    pub skipped: usize,
    /// Questions hidden by their `show_if`.
    pub hidden: usize,
    /// Every track, in rank order.
    pub tracks: Vec<TrackScore>,
    /// The top set, in rank order: more than one track is a blend.
    pub top: Vec<TrackIndex>,
    /// One per axis, in declaration order.
    pub axes: Vec<AxisPosition>,
    /// One per section, in file order.
    pub sections: Vec<SectionScore>,
    /// Every scored answer's pull on every track it mentions, strongest first.
    pub reasons: Vec<Reason>,
    /// Whether each question is visible.
    pub visible: Vec<bool>,
}

/// One track's result.
#[derive(Debug, Clone, PartialEq)]
pub struct TrackScore {
    pub track: TrackIndex,
    /// 0 to 100, or None when no answer could move it yet.
    pub score: Option<f64>,
    /// Index into `Assessment::bands`.
    pub band: Option<usize>,
    /// 1-based.
    pub rank: usize,
}

/// Where a person stands on an axis.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisPosition {
    pub axis: usize,
    /// -1 (fully left) to 1 (fully right), or None if either track is unscored.
    pub position: Option<f64>,
    /// The track leaned toward, or None when balanced or unscored.
    pub leaning: Option<TrackIndex>,
}

/// A section's own scores, by track index.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionScore {
    pub section: usize,
    pub scores: Vec<Option<f64>>,
}

/// How much one answer pulled one track above (positive) or below
/// (negative) the middle of what that question could give.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    pub question: QuestionIndex,
    pub track: TrackIndex,
    pub pull: f64,
}

/// Running sums for one track: C, L and H of spec section 3.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    c: f64,
    lo: f64,
    hi: f64,
}

impl Sums {
    fn add(&mut self, c: f64, lo: f64, hi: f64) {
        self.c += c;
        self.lo += lo;
        self.hi += hi;
    }

    /// S = 100 (C - L) / (H - L) when H > L, evaluated exactly as the
    /// contract writes it, in `f64`, with every sum in the order the
    /// contract reads (questions in file order, a multi answer's options in
    /// the order chosen, ranges from the sorted weights). That makes the
    /// result bit for bit what a straightforward independent implementation
    /// computes, which decides ranks and bands at exact ties; the price is
    /// that a perfect answer may score 100.00000000000001 or
    /// 99.99999999999999 (a fuzzing finding that is kept, not "fixed":
    /// docs/fuzzing.md). Shown as whole percents it is always 100%.
    fn score(&self) -> Option<f64> {
        (self.hi > self.lo).then(|| 100.0 * (self.c - self.lo) / (self.hi - self.lo))
    }
}

/// Whether a question names a track in its weights or any option's weights.
pub fn mentions(q: &Question, t: TrackIndex) -> bool {
    match &q.kind {
        QuestionKind::Likert { weights, .. } => weights.iter().any(|(x, _)| *x == t),
        QuestionKind::Text { .. } => false,
        _ => q
            .options()
            .iter()
            .any(|o| o.weights.iter().any(|(x, _)| *x == t)),
    }
}

/// The option weights of a question for one track (0 where absent).
fn option_weights(q: &Question, t: TrackIndex) -> Vec<f64> {
    q.options()
        .iter()
        .map(|o| weight_of(&o.weights, t))
        .collect()
}

/// The rank credit r_p = (n - 1 - p) / (n - 1) of position p among n.
fn rank_credit(p: usize, n: usize) -> f64 {
    (n - 1 - p) as f64 / (n - 1) as f64
}

/// The possible range [lo, hi] of a question's contribution to a track, or
/// None when the question does not mention the track.
pub fn question_range(q: &Question, t: TrackIndex) -> Option<(f64, f64)> {
    if !mentions(q, t) {
        return None;
    }
    Some(match &q.kind {
        QuestionKind::Likert { weights, .. } => {
            let w = weight_of(weights, t);
            (w.min(0.0), w.max(0.0))
        }
        QuestionKind::Choice { .. } => {
            let ws = option_weights(q, t);
            let lo = ws.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = ws.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            (lo, hi)
        }
        QuestionKind::Multi { min, max, .. } => {
            let mut ws = option_weights(q, t);
            ws.sort_by(|a, b| b.total_cmp(a));
            let best = prefix_sums(ws.iter().copied());
            let worst = prefix_sums(ws.iter().rev().copied());
            let hi = (*min..=*max)
                .map(|k| best[k])
                .fold(f64::NEG_INFINITY, f64::max);
            let lo = (*min..=*max)
                .map(|k| worst[k])
                .fold(f64::INFINITY, f64::min);
            (lo, hi)
        }
        QuestionKind::Rank { .. } => {
            let mut ws = option_weights(q, t);
            let n = ws.len();
            ws.sort_by(|a, b| b.total_cmp(a));
            let hi = ws
                .iter()
                .enumerate()
                .map(|(p, w)| w * rank_credit(p, n))
                .sum();
            let lo = ws
                .iter()
                .rev()
                .enumerate()
                .map(|(p, w)| w * rank_credit(p, n))
                .sum();
            (lo, hi)
        }
        QuestionKind::Text { .. } => return None,
    })
}

/// Sums of the first 0, 1, ..., n values.
fn prefix_sums(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut out = vec![0.0];
    let mut acc = 0.0;
    for v in values {
        acc += v;
        out.push(acc);
    }
    out
}

/// The contribution c of an answer to a track (the question mentions it).
pub fn contribution(q: &Question, t: TrackIndex, answer: &Answer) -> f64 {
    match (&q.kind, answer) {
        (
            QuestionKind::Likert {
                scale,
                reverse,
                weights,
            },
            Answer::Likert(v),
        ) => {
            let mut x = (v - scale.min) as f64 / (scale.max - scale.min) as f64;
            if *reverse {
                x = 1.0 - x;
            }
            weight_of(weights, t) * x
        }
        (QuestionKind::Choice { options }, Answer::Choice(o)) => weight_of(&options[*o].weights, t),
        (QuestionKind::Multi { options, .. }, Answer::Multi(chosen)) => chosen
            .iter()
            .map(|o| weight_of(&options[*o].weights, t))
            .sum(),
        (QuestionKind::Rank { options }, Answer::Rank(order)) => {
            let n = options.len();
            order
                .iter()
                .enumerate()
                .map(|(p, o)| weight_of(&options[*o].weights, t) * rank_credit(p, n))
                .sum()
        }
        _ => 0.0,
    }
}

/// Scores answers against an assessment, exactly as spec section 3 says.
pub fn score(assessment: &Assessment, answers: &Answers) -> Score {
    let n = assessment.tracks.len();
    let visible = visibility(assessment, answers);
    let mut overall = vec![Sums::default(); n];
    let mut by_section = vec![vec![Sums::default(); n]; assessment.sections.len()];
    let mut reasons = Vec::new();
    let (mut total, mut answered) = (0, 0);
    for (qi, q) in assessment.questions.iter().enumerate() {
        if !visible[qi] {
            continue;
        }
        total += 1;
        let Some(answer) = answers.get(qi) else {
            continue;
        };
        answered += 1;
        for t in 0..n {
            let Some((lo, hi)) = question_range(q, t) else {
                continue;
            };
            let c = contribution(q, t, answer);
            overall[t].add(c, lo, hi);
            by_section[q.section][t].add(c, lo, hi);
            reasons.push(Reason {
                question: qi,
                track: t,
                pull: c - (lo + hi) / 2.0,
            });
        }
    }
    reasons.sort_by(|a, b| b.pull.abs().total_cmp(&a.pull.abs()));

    let scores: Vec<Option<f64>> = overall.iter().map(Sums::score).collect();
    let mut order: Vec<TrackIndex> = (0..n).collect();
    // A stable sort keeps declaration order among equal scores; unscored last.
    order.sort_by(|a, b| match (scores[*a], scores[*b]) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let tracks: Vec<TrackScore> = order
        .iter()
        .enumerate()
        .map(|(i, t)| TrackScore {
            track: *t,
            score: scores[*t],
            band: band_of(assessment, scores[*t]),
            rank: i + 1,
        })
        .collect();
    let top = match tracks.first().and_then(|t| t.score) {
        Some(best) => tracks
            .iter()
            .filter(|t| t.score.is_some_and(|s| s >= best - assessment.tie_margin))
            .map(|t| t.track)
            .collect(),
        None => Vec::new(),
    };
    let margin = assessment.tie_margin / 100.0;
    let axes = assessment
        .axes
        .iter()
        .enumerate()
        .map(|(i, axis)| {
            let position = match (scores[axis.left], scores[axis.right]) {
                (Some(l), Some(r)) => Some((r - l) / 100.0),
                _ => None,
            };
            let leaning = position.and_then(|p| {
                if p > margin {
                    Some(axis.right)
                } else if p < -margin {
                    Some(axis.left)
                } else {
                    None
                }
            });
            AxisPosition {
                axis: i,
                position,
                leaning,
            }
        })
        .collect();
    let sections = by_section
        .iter()
        .enumerate()
        .map(|(s, sums)| SectionScore {
            section: s,
            scores: sums.iter().map(Sums::score).collect(),
        })
        .collect();
    let hidden = visible.iter().filter(|v| !**v).count();
    Score {
        total,
        answered,
        skipped: total - answered,
        hidden,
        tracks,
        top,
        axes,
        sections,
        reasons,
        visible,
    }
}

/// The band with the highest `min` that a score reaches.
fn band_of(assessment: &Assessment, score: Option<f64>) -> Option<usize> {
    let s = score?;
    // Bands are sorted by min, highest first.
    assessment.bands.iter().position(|b| s >= b.min)
}

impl Score {
    /// The result of a track, by track index.
    pub fn of(&self, track: TrackIndex) -> &TrackScore {
        self.tracks
            .iter()
            .find(|t| t.track == track)
            .expect("every track is scored")
    }

    /// Whether the top set holds more than one track.
    pub fn is_blend(&self) -> bool {
        self.top.len() > 1
    }
}
