//! The exact scoring of spec section 3: contributions and their ranges,
//! percent of maximum possible (POMP), ranks, bands, the top set, axes,
//! section scores and the pull of each answer.

use crate::answers::conditions::visibility;
use crate::answers::{Answer, Answers};
use crate::assessment::kinds;
use crate::assessment::model::Question;
use crate::assessment::{Assessment, QuestionIndex, TrackIndex};

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
    /// The pull of every answer that moved a track it carries weight for,
    /// strongest first (spec 3.4; see [`moved`]). An answer with no weight
    /// for a track is never one of its reasons.
    pub reasons: Vec<Reason>,
    /// Whether each question is visible.
    pub visible: Vec<bool>,
    /// A uniform response style (spec 3.5), or None. When it is Some, the
    /// scores above are computed as always, but no front end or report may
    /// present any of them as a fit: the answers barely differ from
    /// question to question and cannot separate the tracks, which must be
    /// said first, with what to do about it. See [`response_style`].
    pub response_style: Option<ResponseStyle>,
}

mod style;
mod totals;
pub use style::*;
pub use totals::*;

/// A score as people see it: a whole percent, rounded half away from zero
/// (72.5 is 73). Every front end, report and comparison shows scores
/// through this, so the numbers on the screen and in files agree.
pub(crate) fn whole_percent(score: f64) -> i64 {
    score.round() as i64
}

/// The change from one score to another as people see it: the difference
/// of the two whole percents shown beside it ([`whole_percent`]), so the
/// columns always add up ("46% then, 42% now" is -4, never -5, even when
/// the unrounded scores are 45.5 and 41.6). None when either is unscored.
/// "Since last time" and `compare` both take their deltas from here.
pub(crate) fn shown_change(before: Option<f64>, now: Option<f64>) -> Option<i64> {
    Some(whole_percent(now?) - whole_percent(before?))
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
    kinds::mentions(&q.kind, t)
}

/// The possible range [lo, hi] of a question's contribution to a track, or
/// None when the question does not mention the track. Each kind's module
/// holds its own (`kinds::`).
pub(crate) fn question_range(q: &Question, t: TrackIndex) -> Option<(f64, f64)> {
    kinds::range(&q.kind, t)
}

/// The contribution c of an answer to a track (the question mentions it).
pub fn contribution(q: &Question, t: TrackIndex, answer: &Answer) -> f64 {
    kinds::contribution(&q.kind, t, answer)
}

/// Whether an answer's pull on a track may be told as a reason (spec 3.4):
/// the answer must carry weight for the track, and, for a choice or multi
/// answer, the weight its chosen options carry must point the way the pull
/// does. So an option without a weight for the track is never said to pull
/// away from it, and an option with a small positive weight is never said to
/// pull away from a track only because other options weigh more. A likert
/// answer on a weighted statement and a rank answer (which places every
/// option) carry the question's weight.
pub fn moved(q: &Question, t: TrackIndex, answer: &Answer, pull: f64) -> bool {
    use crate::assessment::model::QuestionKind;
    use crate::assessment::weight_of;
    let same_way = |w: f64| (w > 0.0 && pull > 0.0) || (w < 0.0 && pull < 0.0);
    match (&q.kind, answer) {
        (QuestionKind::Likert { weights, .. }, Answer::Likert(_)) => {
            weight_of(weights, t) != 0.0 && pull != 0.0
        }
        (QuestionKind::Choice { options }, Answer::Choice(o)) => options
            .get(*o)
            .is_some_and(|o| same_way(weight_of(&o.weights, t))),
        (QuestionKind::Multi { options, .. }, Answer::Multi(chosen)) => {
            let weights: Vec<f64> = chosen
                .iter()
                .filter_map(|o| options.get(*o))
                .map(|o| weight_of(&o.weights, t))
                .collect();
            weights.iter().any(|w| *w != 0.0) && same_way(weights.iter().sum())
        }
        (QuestionKind::Rank { options }, Answer::Rank(_)) => {
            options.iter().any(|o| weight_of(&o.weights, t) != 0.0) && pull != 0.0
        }
        _ => false,
    }
}

/// (answered, total): how many questions are visible and how many of them
/// hold an answer, counted as [`score`] counts them, for a listing that
/// needs no scores.
pub fn progress(assessment: &Assessment, answers: &Answers) -> (usize, usize) {
    let visible = visibility(assessment, answers);
    let total = visible.iter().filter(|v| **v).count();
    let answered = (visible.iter().enumerate())
        .filter(|(q, v)| **v && answers.get(*q).is_some())
        .count();
    (answered, total)
}

/// Scores answers against an assessment, exactly as spec section 3 says.
pub fn score(assessment: &Assessment, answers: &Answers) -> Score {
    let n = assessment.tracks.len();
    let visible = visibility(assessment, answers);
    let mut by_section = vec![vec![Sums::default(); n]; assessment.sections.len()];
    let mut reasons = Vec::new();
    let (overall, total, answered) = sums(
        assessment,
        answers,
        &visible,
        |_, q, t| question_range(q, t),
        |qi, q, t, c, (lo, hi), answer| {
            by_section[q.section][t].add(c, lo, hi);
            let pull = c - (lo + hi) / 2.0;
            if moved(q, t, answer, pull) {
                reasons.push(Reason {
                    question: qi,
                    track: t,
                    pull,
                });
            }
        },
    );
    reasons.sort_by(|a, b| b.pull.abs().total_cmp(&a.pull.abs()));

    let scores: Vec<Option<f64>> = overall.iter().map(Sums::score).collect();
    let tracks = ranked(assessment, &scores);
    let top = top_of(assessment, &tracks);
    let axes = axes_of(assessment, &scores);
    let sections = by_section
        .iter()
        .enumerate()
        .map(|(s, sums)| SectionScore {
            section: s,
            scores: sums.iter().map(Sums::score).collect(),
        })
        .collect();
    let hidden = visible.iter().filter(|v| !**v).count();
    let response_style = response_style(assessment, answers, &visible);
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
        response_style,
    }
}

/// Each track's sums C, L and H over the visible, answered questions in
/// file order (spec 3), and how many questions are visible and answered.
/// `range` gives a question's range for a track (None: it does not
/// mention it); `each` sees every contribution as it is added.
fn sums<'a>(
    assessment: &'a Assessment,
    answers: &'a Answers,
    visible: &[bool],
    range: impl Fn(QuestionIndex, &Question, TrackIndex) -> Option<(f64, f64)>,
    mut each: impl FnMut(QuestionIndex, &'a Question, TrackIndex, f64, (f64, f64), &'a Answer),
) -> (Vec<Sums>, usize, usize) {
    let mut overall = vec![Sums::default(); assessment.tracks.len()];
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
        for (t, sums) in overall.iter_mut().enumerate() {
            let Some((lo, hi)) = range(qi, q, t) else {
                continue;
            };
            let c = contribution(q, t, answer);
            sums.add(c, lo, hi);
            each(qi, q, t, c, (lo, hi), answer);
        }
    }
    (overall, total, answered)
}

/// Every track in rank order, with its score (`scores`, by track index)
/// and band.
fn ranked(assessment: &Assessment, scores: &[Option<f64>]) -> Vec<TrackScore> {
    let mut order: Vec<TrackIndex> = (0..scores.len()).collect();
    // A stable sort keeps declaration order among equal scores; unscored last.
    order.sort_by(|a, b| match (scores[*a], scores[*b]) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    order
        .iter()
        .enumerate()
        .map(|(i, t)| TrackScore {
            track: *t,
            score: scores[*t],
            band: band_of(assessment, scores[*t]),
            rank: i + 1,
        })
        .collect()
}

/// The top set in rank order (spec 3.3): the tracks within the tie margin
/// of the best score.
fn top_of(assessment: &Assessment, tracks: &[TrackScore]) -> Vec<TrackIndex> {
    match tracks.first().and_then(|t| t.score) {
        Some(best) => tracks
            .iter()
            .filter(|t| t.score.is_some_and(|s| s >= best - assessment.tie_margin))
            .map(|t| t.track)
            .collect(),
        None => Vec::new(),
    }
}

/// Where the scores (by track index) stand on each axis.
fn axes_of(assessment: &Assessment, scores: &[Option<f64>]) -> Vec<AxisPosition> {
    let margin = assessment.tie_margin / 100.0;
    assessment
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
        .collect()
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
