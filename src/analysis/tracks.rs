//! How reliable each track's score is: the items of a track, the complete
//! cases among the sessions, and their alpha ([`super::alpha`]).

use super::Record;
use super::alpha::{self, ItemStats, Shortfall};
use crate::assessment::kinds;
use crate::assessment::{Assessment, QuestionIndex, TrackIndex};
use std::collections::HashMap;

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

/// Track `t`'s complete cases so far, one session at a time: for each
/// session that answered every item, which of the item's values (its
/// contribution c of the answer to `t`) it gave. An item takes few values,
/// so a session costs a few bytes an item, and the figures are computed at
/// the end from the values in session order, exactly as from the matrix.
#[derive(Debug, Clone)]
pub struct TrackTally {
    track: TrackIndex,
    candidates: Vec<QuestionIndex>,
    /// Per item: each value met, and where it is by its bits.
    values: Vec<(Vec<f64>, HashMap<u64, u32>)>,
    /// The rows, one index into `values` per item.
    rows: Vec<u32>,
    /// How many rows (also when there are no items).
    complete: usize,
}

impl TrackTally {
    /// No session yet.
    pub fn new(assessment: &Assessment, t: TrackIndex) -> TrackTally {
        let candidates = items_of(assessment, t);
        TrackTally {
            track: t,
            values: vec![Default::default(); candidates.len()],
            candidates,
            rows: Vec::new(),
            complete: 0,
        }
    }

    /// Adds one session, if it answered every item.
    pub fn add(&mut self, assessment: &Assessment, record: &Record) {
        let row: Option<Vec<f64>> = (self.candidates.iter())
            .map(|q| {
                let a = record.counted(*q)?;
                Some(kinds::contribution(
                    &assessment.questions[*q].kind,
                    self.track,
                    a,
                ))
            })
            .collect();
        let Some(row) = row else {
            return;
        };
        self.complete += 1;
        for (c, (values, index)) in row.into_iter().zip(&mut self.values) {
            let i = *index.entry(c.to_bits()).or_insert_with(|| {
                values.push(c);
                (values.len() - 1) as u32
            });
            self.rows.push(i);
        }
    }

    /// The complete-case matrix, one row per session, in session order.
    pub fn matrix(&self) -> Vec<Vec<f64>> {
        if self.candidates.is_empty() {
            return vec![Vec::new(); self.complete];
        }
        (self.rows.chunks(self.candidates.len()))
            .map(|row| {
                (row.iter().zip(&self.values))
                    .map(|(i, (values, _))| values[*i as usize])
                    .collect()
            })
            .collect()
    }

    /// The track's items, complete cases and alpha.
    pub fn finish(self) -> TrackReliability {
        let rows = self.matrix();
        let r = alpha::reliability(&rows, self.candidates.len());
        let candidates = self.candidates;
        TrackReliability {
            track: self.track,
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
}
