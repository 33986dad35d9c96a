//! Likert questions: a point on an agreement scale.

use super::Answer;
use super::Refusal;
use crate::assessment::{Scale, TrackIndex, Weights, weight_of};

/// The point highlighted; picking a point answers at once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    pub highlight: usize,
}

impl Draft {
    /// The draft of a question with this answer: the answer highlighted.
    pub fn new(scale: &Scale, answer: Option<&Answer>) -> Draft {
        let highlight = match answer {
            Some(Answer::Likert(v)) => usize::try_from(v - scale.min).unwrap_or(0),
            _ => 0,
        };
        Draft { highlight }
    }
}

/// The answer the `i`th point (from 0) gives.
pub fn answer(scale: &Scale, i: usize) -> Result<Answer, Refusal> {
    if i >= scale.points() {
        return Err(Refusal::NoSuchOption {
            count: scale.points(),
        });
    }
    Ok(Answer::Likert(scale.min + i as i64))
}

/// A value is a point of the scale.
pub fn check(scale: &Scale, v: i64) -> Result<(), Refusal> {
    if (scale.min..=scale.max).contains(&v) {
        Ok(())
    } else {
        Err(Refusal::NoSuchOption {
            count: scale.points(),
        })
    }
}

/// "4 (Agree)", or "4 of 1..5" on a scale without labels.
pub(crate) fn describe(scale: &Scale, v: i64) -> String {
    match scale.label(v) {
        Some(l) => format!("{v} ({l})"),
        None => format!("{v} of {}..{}", scale.min, scale.max),
    }
}

/// w·x with x the answer's position on the scale, reversed if asked.
pub fn contribution(scale: &Scale, reverse: bool, weights: &Weights, t: TrackIndex, v: i64) -> f64 {
    let mut x = (v - scale.min) as f64 / (scale.max - scale.min) as f64;
    if reverse {
        x = 1.0 - x;
    }
    weight_of(weights, t) * x
}

/// [min(w, 0), max(w, 0)].
pub fn range(weights: &Weights, t: TrackIndex) -> (f64, f64) {
    let w = weight_of(weights, t);
    (w.min(0.0), w.max(0.0))
}
