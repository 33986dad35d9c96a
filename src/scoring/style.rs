//! Response style (spec 3.5): answers that barely differ cannot separate the tracks.

use crate::answers::{Answer, Answers};
use crate::assessment::Assessment;

/// Fewest visible, answered likert questions for a response style to be
/// told (spec 3.5).
const STYLE_MIN_QUESTIONS: usize = 8;

/// The share of those questions, in percent, that one position must hold
/// for the style to be uniform (spec 3.5): at least 80%.
const STYLE_MIN_PERCENT: usize = 80;

/// Answers that barely change from question to question (spec 3.5): one
/// position on the scale holds at least `STYLE_MIN_PERCENT`% of at least
/// `STYLE_MIN_QUESTIONS` visible, answered likert questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseStyle {
    /// The only kind the contract defines so far: `"uniform"`.
    pub kind: StyleKind,
    /// The position x0 = (v - smin) / (smax - smin) that holds the answers,
    /// before `reverse`, as a reduced fraction (numerator, denominator):
    /// positions on different scales are compared exactly (2 of 0..4 and 5
    /// of 0..10 are both 1/2).
    pub position: (i64, i64),
    /// How many of the questions sit at that position.
    pub count: usize,
    /// How many visible, answered likert questions there are.
    pub of: usize,
}

/// The kind of a response style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StyleKind {
    /// The same position on (nearly) every scale.
    Uniform,
}

impl StyleKind {
    /// The name in the JSON of `score`: `"uniform"`.
    pub fn name(self) -> &'static str {
        match self {
            StyleKind::Uniform => "uniform",
        }
    }
}

impl ResponseStyle {
    /// The position x0 as a number from 0 to 1 (the correctly rounded
    /// quotient of the fraction).
    pub fn position(&self) -> f64 {
        self.position.0 as f64 / self.position.1 as f64
    }

    /// count / of, from 0.8 to 1.
    pub fn share(&self) -> f64 {
        self.count as f64 / self.of as f64
    }
}

fn gcd(mut a: i64, mut b: i64) -> i64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.abs()
}

/// The response style of spec 3.5: over the visible, answered likert
/// questions, the position each answer picked, x0 = (v - smin) /
/// (smax - smin) before `reverse` (so a reverse-worded statement counts by
/// the point the person chose, not by what it scores), compared exactly as
/// reduced fractions. Uniform when there are at least
/// `STYLE_MIN_QUESTIONS` of them and one position holds at least
/// `STYLE_MIN_PERCENT`% of them (compared in integers: 5 * count >= 4 * of).
pub fn response_style(
    assessment: &Assessment,
    answers: &Answers,
    visible: &[bool],
) -> Option<ResponseStyle> {
    use crate::assessment::model::QuestionKind;
    let mut positions: Vec<((i64, i64), usize)> = Vec::new();
    let mut of = 0;
    for (qi, q) in assessment.questions.iter().enumerate() {
        if !visible.get(qi).copied().unwrap_or(false) {
            continue;
        }
        let (QuestionKind::Likert { scale, .. }, Some(Answer::Likert(v))) =
            (&q.kind, answers.get(qi))
        else {
            continue;
        };
        let (num, den) = (v - scale.min, scale.max - scale.min);
        if den <= 0 {
            continue;
        }
        let g = gcd(num, den).max(1);
        let x0 = (num / g, den / g);
        of += 1;
        match positions.iter_mut().find(|(p, _)| *p == x0) {
            Some((_, n)) => *n += 1,
            None => positions.push((x0, 1)),
        }
    }
    if of < STYLE_MIN_QUESTIONS {
        return None;
    }
    // First position reached wins a tie, though above 50% there is none.
    let (position, count) = positions
        .iter()
        .copied()
        .reduce(|best, p| if p.1 > best.1 { p } else { best })?;
    (100 * count >= STYLE_MIN_PERCENT * of).then_some(ResponseStyle {
        kind: StyleKind::Uniform,
        position,
        count,
        of,
    })
}
