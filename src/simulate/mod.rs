//! `crossroads simulate`: synthetic respondents answer an assessment, the
//! real engine scores them, and the figures say how well the assessment
//! recognises the people it was written for.
//!
//! The model and every figure are described for authors in
//! docs/simulation.md. Everything here is deterministic for a seed: each
//! respondent draws from its own named stream of [`crate::rng::Rng`].

pub mod figures;
pub mod report;
mod rescore;
pub mod respondent;
pub mod sessions;

use crate::assessment::Assessment;
pub use figures::{LevelFigures, QuestionFigures, StyleFigures};
use respondent::Style;
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};

/// A noise level: the standard deviation of the noise added to every
/// judgement, on the fit scale where -1 is "the weights are all against my
/// tracks" and 1 "all for them".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NoiseLevel {
    pub name: &'static str,
    pub sigma: f64,
}

/// The four levels every simulation reports.
pub const LEVELS: [NoiseLevel; 4] = [
    NoiseLevel {
        name: "low",
        sigma: 0.25,
    },
    NoiseLevel {
        name: "medium",
        sigma: 0.5,
    },
    NoiseLevel {
        name: "high",
        sigma: 1.0,
    },
    NoiseLevel {
        name: "very high",
        sigma: 2.0,
    },
];

/// How many respondents, and the seed of every random draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Respondents at each noise level, and of each response style.
    pub respondents: usize,
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            respondents: 400,
            seed: 1,
        }
    }
}

/// Everything a simulation found.
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    pub settings: Settings,
    /// One per noise level, in the order of [`LEVELS`].
    pub levels: Vec<LevelFigures>,
    /// Agree with everything, disagree with everything, answer at random.
    pub styles: Vec<StyleFigures>,
}

/// How far a simulation has got, told to whoever watches it after each
/// respondent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Respondents simulated and scored so far: each noise level's, then
    /// each response style's.
    pub done: usize,
    /// All it will simulate: [`Settings::respondents`] at each of the
    /// [`LEVELS`] and of each of the [`STYLES`].
    pub total: usize,
}

/// What one noise level's respondent costs against one response style's:
/// answered and scored twice (the retest) and rescored without each
/// question, where a style's is answered and scored once. Measured: 3.6
/// on career-tracks, 3.2 on a generated 500-question assessment.
const LEVEL_COST: f64 = 3.3;

impl Progress {
    /// The share of the run's time spent so far, from 0 to 1: the
    /// respondents done, each weighed by what it costs, so that the time
    /// left can be told from the time taken.
    pub fn share(&self) -> f64 {
        let populations = LEVELS.len() + STYLES.len();
        let levels = self.total / populations * LEVELS.len();
        let (level_done, style_done) = match self.done {
            d if d <= levels => (d, 0),
            d => (levels, d - levels),
        };
        if self.total == 0 {
            return 1.0;
        }
        let all = levels as f64 * LEVEL_COST + (self.total - levels) as f64;
        (level_done as f64 * LEVEL_COST + style_done as f64) / all
    }
}

/// A simulation stopped before its end, and how far it had got: no figure
/// is kept, as a part of the populations would give figures that hold for
/// none of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped(pub Progress);

/// The response styles every simulation reports, with their names.
pub const STYLES: [(Style, &str); 4] = [
    (Style::AgreeAll, "agree-all"),
    (Style::DisagreeAll, "disagree-all"),
    (Style::Random, "random"),
    (Style::AsShown, "as-shown"),
];

/// Runs the whole simulation of `assessment`.
pub fn simulate(assessment: &Assessment, settings: Settings) -> Simulation {
    match watched(assessment, settings, &AtomicBool::new(false), &mut |_| {}) {
        Ok(sim) => sim,
        Err(_) => unreachable!("nothing asks this simulation to stop"),
    }
}

/// Runs the whole simulation of `assessment` as [`simulate`] does (the
/// same figures), telling `progress` after each respondent and stopping
/// at the next respondent once `stop` is set (by a signal handler, say).
pub fn watched(
    assessment: &Assessment,
    settings: Settings,
    stop: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Simulation, Stopped> {
    let n = settings.respondents;
    let total = n * (LEVELS.len() + STYLES.len());
    let done = Cell::new(0);
    let at = || Progress {
        done: done.get(),
        total,
    };
    let mut go_on = || {
        done.set(done.get() + 1);
        progress(at());
        !stop.load(Ordering::Relaxed)
    };
    let people = respondent::population(assessment.tracks.len(), n);
    let mut levels = Vec::with_capacity(LEVELS.len());
    for (level, li) in LEVELS.iter().zip(0u64..) {
        let figures = figures::level(assessment, *level, li, &people, settings.seed, &mut go_on);
        levels.push(figures.ok_or(Stopped(at()))?);
    }
    let mut styles = Vec::with_capacity(STYLES.len());
    for ((style, name), si) in STYLES.into_iter().zip(0u64..) {
        let figures = figures::style(assessment, style, name, si, n, settings.seed, &mut go_on);
        styles.push(figures.ok_or(Stopped(at()))?);
    }
    Ok(Simulation {
        settings,
        levels,
        styles,
    })
}
