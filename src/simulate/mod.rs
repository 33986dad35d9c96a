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

/// Runs the whole simulation of `assessment`.
pub fn simulate(assessment: &Assessment, settings: Settings) -> Simulation {
    let n = settings.respondents;
    let people = respondent::population(assessment.tracks.len(), n);
    let levels = LEVELS
        .iter()
        .zip(0u64..)
        .map(|(level, li)| figures::level(assessment, *level, li, &people, settings.seed))
        .collect();
    let styles = [
        (Style::AgreeAll, "agree-all"),
        (Style::DisagreeAll, "disagree-all"),
        (Style::Random, "random"),
        (Style::AsShown, "as-shown"),
    ]
    .into_iter()
    .zip(0u64..)
    .map(|((style, name), si)| figures::style(assessment, style, name, si, n, settings.seed))
    .collect();
    Simulation {
        settings,
        levels,
        styles,
    }
}
