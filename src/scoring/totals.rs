//! What a group's analysis and export read of each session's score, for
//! many sessions of one assessment: the same figures as [`super::score`],
//! by the same sums, without what only one person's report reads.

use super::{AxisPosition, Sums, axes_of, ranked, sums, top_of};
use crate::answers::Answers;
use crate::assessment::{Assessment, TrackIndex, kinds};

/// One assessment ready to score many sets of answers: each question's
/// range for each track (spec 3.1) depends only on the assessment, so it
/// is found once, not once a session.
#[derive(Debug, Clone)]
pub struct Scorer<'a> {
    assessment: &'a Assessment,
    /// Question q's range for track t at `q * tracks + t`.
    ranges: Vec<Option<(f64, f64)>>,
}

/// One set of answers' figures as [`super::score`] gives them, without
/// the section scores, reasons and response style.
#[derive(Debug, Clone, PartialEq)]
pub struct Totals {
    /// Whether each question is visible.
    pub visible: Vec<bool>,
    /// Each track's score by track index (not ranked); None when no answer
    /// could move it.
    pub scores: Vec<Option<f64>>,
    /// The top set, in rank order.
    pub top: Vec<TrackIndex>,
    /// One per axis, in declaration order.
    pub axes: Vec<AxisPosition>,
}

impl Totals {
    /// Whether the top set holds more than one track.
    pub fn is_blend(&self) -> bool {
        self.top.len() > 1
    }
}

impl<'a> Scorer<'a> {
    /// Finds every question's range for every track.
    pub fn new(assessment: &'a Assessment) -> Scorer<'a> {
        let ranges = (assessment.questions.iter())
            .flat_map(|q| (0..assessment.tracks.len()).map(|t| kinds::range(&q.kind, t)))
            .collect();
        Scorer { assessment, ranges }
    }

    /// The assessment it scores.
    pub fn assessment(&self) -> &'a Assessment {
        self.assessment
    }

    /// The figures of `answers`, whose visibility is `visible`.
    pub fn totals(&self, answers: &Answers, visible: Vec<bool>) -> Totals {
        let a = self.assessment;
        let n = a.tracks.len();
        let range = |q: usize, _: &_, t: usize| self.ranges[q * n + t];
        let (overall, _, _) = sums(a, answers, &visible, range, |_, _, _, _, _, _| {});
        let scores: Vec<Option<f64>> = overall.iter().map(Sums::score).collect();
        Totals {
            top: top_of(a, &ranked(a, &scores)),
            axes: axes_of(a, &scores),
            scores,
            visible,
        }
    }
}
