//! `crossroads simulate ASSESSMENT [--respondents N] [--seed S] [--format text|json]`:
//! synthetic respondents, scored by the real engine, for assessment authors
//! (docs/simulation.md).

use super::progress::{Meter, grouped};
use super::{Failure, inputs, output};
use crossroads::assessment::Assessment;
use crossroads::simulate::{self, LEVELS, STYLES, Settings, Simulation, Stopped};
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// How to print a simulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SimulateFormat {
    /// Compact tables for people
    Text,
    /// Every figure, for tools
    Json,
}

/// Simulates respondents of an assessment (a path or a bundled id, read as
/// `score` reads it) and prints the figures. For a person (standard error
/// a terminal), a long run shows its progress and Ctrl-C stops it: the
/// exit status is then 130, as a shell reports SIGINT.
pub fn run(
    assessment: &str,
    respondents: u32,
    seed: u64,
    format: SimulateFormat,
) -> Result<u8, Failure> {
    let a = inputs::assessment(assessment)?;
    let settings = Settings {
        respondents: respondents as usize,
        seed,
    };
    let sim = match std::io::stderr().is_terminal() {
        true => match watched(&a, settings) {
            Ok(sim) => sim,
            Err(Stopped(p)) => {
                output::warn(&format!(
                    "Stopped after {} of {} respondents; no report was written.",
                    grouped(p.done),
                    grouped(p.total)
                ));
                return Ok(130);
            }
        },
        false => simulate::simulate(&a, settings),
    };
    let text = match format {
        SimulateFormat::Text => simulate::report::text(&a, &sim),
        SimulateFormat::Json => {
            let value = simulate::report::json(&a, &sim);
            serde_json::to_string_pretty(&value).map_err(|e| Failure::Invalid(e.to_string()))?
        }
    };
    output::print(&text).map(|()| 0)
}

/// The simulation with a person watching: progress on standard error once
/// it will take more than a second, and the first Ctrl-C stops it at the
/// next respondent (a second ends the program at once, for a respondent
/// that takes too long). Stopped, it writes no report: figures of part of
/// the populations hold for none of them.
fn watched(a: &Assessment, settings: Settings) -> Result<Simulation, Stopped> {
    use signal_hook::consts::SIGINT;
    let stop = Arc::new(AtomicBool::new(false));
    // In this order: the second Ctrl-C finds the flag the first one set.
    let handlers = [
        signal_hook::flag::register_conditional_shutdown(SIGINT, 130, Arc::clone(&stop)),
        signal_hook::flag::register(SIGINT, Arc::clone(&stop)),
    ];
    let populations = LEVELS.len() + STYLES.len();
    let (each, questions) = (grouped(settings.respondents), grouped(a.questions.len()));
    let mut meter = Meter::new("respondents", |about| {
        format!(
            "About {about}: {populations} × {each} respondents of {questions} questions. Ctrl-C stops it."
        )
    });
    let run = simulate::watched(a, settings, &stop, &mut |p| {
        meter.tell(p.done, p.total, p.share())
    });
    meter.clear();
    for id in handlers.into_iter().flatten() {
        signal_hook::low_level::unregister(id);
    }
    run
}
