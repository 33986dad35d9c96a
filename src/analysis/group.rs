//! How a group of sessions spreads over the tracks: whose result is which
//! track or blend, and the mean and spread of each track's score and of
//! each axis position.

use super::Record;
use super::alpha::{mean, sd};
use crate::assessment::{Assessment, TrackIndex};

/// The mean and sample standard deviation of a figure over the sessions
/// that have it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    /// Sessions with a number for it.
    pub n: usize,
    /// The mean over those sessions.
    pub mean: Option<f64>,
    /// Sample standard deviation (n - 1); None below two sessions.
    pub sd: Option<f64>,
}

impl Spread {
    fn of(values: &[f64]) -> Spread {
        Spread {
            n: values.len(),
            mean: mean(values),
            sd: sd(values),
        }
    }
}

/// The group as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// How many sessions the group holds.
    pub sessions: usize,
    /// Each result that occurs and how many sessions have it: a top set of
    /// one track is a clear result, of more a blend (spec 3.3). Tracks are
    /// in declaration order, so a blend is one result however its tracks
    /// ranked; most common first.
    pub results: Vec<(Vec<TrackIndex>, usize)>,
    /// Sessions with no result (no track could be scored).
    pub unscored: usize,
    /// Sessions whose result is a blend.
    pub blends: usize,
    /// One per track, in declaration order.
    pub tracks: Vec<Spread>,
    /// One per axis, in declaration order.
    pub axes: Vec<Spread>,
}

/// The group's figures.
pub fn of(assessment: &Assessment, records: &[Record]) -> Group {
    let mut results: Vec<(Vec<TrackIndex>, usize)> = Vec::new();
    for r in records.iter().filter(|r| !r.score.top.is_empty()) {
        let mut set = r.score.top.clone();
        set.sort_unstable();
        match results.iter_mut().find(|(s, _)| *s == set) {
            Some((_, n)) => *n += 1,
            None => results.push((set, 1)),
        }
    }
    // Stable: equal counts keep the order first met.
    results.sort_by_key(|r| std::cmp::Reverse(r.1));
    let tracks = (0..assessment.tracks.len())
        .map(|t| {
            let scores: Vec<f64> = records.iter().filter_map(|r| r.score.of(t).score).collect();
            Spread::of(&scores)
        })
        .collect();
    let axes = (0..assessment.axes.len())
        .map(|a| {
            let positions: Vec<f64> = records
                .iter()
                .filter_map(|r| r.score.axes.get(a).and_then(|p| p.position))
                .collect();
            Spread::of(&positions)
        })
        .collect();
    Group {
        sessions: records.len(),
        unscored: records.iter().filter(|r| r.score.top.is_empty()).count(),
        blends: records.iter().filter(|r| r.score.is_blend()).count(),
        results,
        tracks,
        axes,
    }
}
