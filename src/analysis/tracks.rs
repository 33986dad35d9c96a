//! How reliable each track's score is: the items of a track, the complete
//! cases among the sessions, and their alpha ([`super::alpha`]).

use super::Record;
use super::alpha::{self, ItemStats, Shortfall};
use crate::assessment::kinds;
use crate::assessment::{Assessment, QuestionIndex, TrackIndex};

/// One track's reliability over a group of sessions.
#[derive(Debug, Clone, PartialEq)]
pub struct TrackReliability {
    /// Which track, by index.
    pub track: TrackIndex,
    /// The track's items: the questions whose contribution range for it is
    /// not a single value (spec 3.1), in file order. Others cannot tell
    /// people apart on this track, so they are not items of it.
    pub candidates: Vec<QuestionIndex>,
    /// Sessions that answered every item (complete cases): n.
    pub complete: usize,
    /// The items used (k of them), with their figures.
    pub items: Vec<(QuestionIndex, ItemStats)>,
    /// Items every complete case answered alike, left out.
    pub no_variance: Vec<QuestionIndex>,
    /// Raw alpha of the items used; None where there is no number.
    pub alpha: Option<f64>,
    /// Why there is no alpha, if there is none.
    pub shortfall: Option<Shortfall>,
}

impl TrackReliability {
    /// k: how many items the figures are of.
    pub fn k(&self) -> usize {
        self.items.len()
    }
}

/// The questions whose contribution to track `t` can vary (spec 3.1: the
/// range [lo, hi] is not a single value).
pub fn items_of(assessment: &Assessment, t: TrackIndex) -> Vec<QuestionIndex> {
    (0..assessment.questions.len())
        .filter(|q| {
            kinds::range(&assessment.questions[*q].kind, t).is_some_and(|(lo, hi)| lo != hi)
        })
        .collect()
}

/// The complete-case matrix of track `t`: one row per session that
/// answered every item (counted answers: not hidden, not skipped), each
/// item's score being the contribution c of the answer to `t`.
pub fn matrix(assessment: &Assessment, records: &[Record], t: TrackIndex) -> Vec<Vec<f64>> {
    let items = items_of(assessment, t);
    records
        .iter()
        .filter_map(|r| {
            items
                .iter()
                .map(|q| {
                    r.counted(*q)
                        .map(|a| kinds::contribution(&assessment.questions[*q].kind, t, a))
                })
                .collect::<Option<Vec<f64>>>()
        })
        .collect()
}

/// Track `t`'s items, complete cases and alpha.
pub fn reliability(assessment: &Assessment, records: &[Record], t: TrackIndex) -> TrackReliability {
    let candidates = items_of(assessment, t);
    let rows = matrix(assessment, records, t);
    let r = alpha::reliability(&rows, candidates.len());
    TrackReliability {
        track: t,
        complete: r.n,
        items: r
            .used
            .iter()
            .zip(&r.items)
            .map(|(c, stats)| (candidates[*c], *stats))
            .collect(),
        no_variance: r.no_variance.iter().map(|c| candidates[*c]).collect(),
        alpha: r.alpha,
        shortfall: r.shortfall,
        candidates,
    }
}
