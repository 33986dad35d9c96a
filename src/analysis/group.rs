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

/// The group so far, one session at a time: counts, and each track's
/// scores and each axis's positions (a number a session), from which the
/// spreads are taken at the end.
#[derive(Debug, Clone, Default)]
pub struct GroupTally {
    sessions: usize,
    results: Vec<(Vec<TrackIndex>, usize)>,
    unscored: usize,
    blends: usize,
    tracks: Vec<Vec<f64>>,
    axes: Vec<Vec<f64>>,
}

impl GroupTally {
    /// No session yet.
    pub fn new(assessment: &Assessment) -> GroupTally {
        GroupTally {
            tracks: vec![Vec::new(); assessment.tracks.len()],
            axes: vec![Vec::new(); assessment.axes.len()],
            ..GroupTally::default()
        }
    }

    /// Adds one session.
    pub fn add(&mut self, record: &Record) {
        self.sessions += 1;
        if record.score.top.is_empty() {
            self.unscored += 1;
        } else {
            let mut set = record.score.top.clone();
            set.sort_unstable();
            match self.results.iter_mut().find(|(s, _)| *s == set) {
                Some((_, n)) => *n += 1,
                None => self.results.push((set, 1)),
            }
        }
        if record.score.is_blend() {
            self.blends += 1;
        }
        for (t, scores) in self.tracks.iter_mut().enumerate() {
            scores.extend(record.score.scores[t]);
        }
        for (a, positions) in self.axes.iter_mut().enumerate() {
            positions.extend(record.score.axes.get(a).and_then(|p| p.position));
        }
    }

    /// The group's figures.
    pub fn finish(mut self) -> Group {
        // Stable: equal counts keep the order first met.
        self.results.sort_by_key(|r| std::cmp::Reverse(r.1));
        Group {
            sessions: self.sessions,
            unscored: self.unscored,
            blends: self.blends,
            results: self.results,
            tracks: self.tracks.iter().map(|v| Spread::of(v)).collect(),
            axes: self.axes.iter().map(|v| Spread::of(v)).collect(),
        }
    }
}
