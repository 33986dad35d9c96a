//! `simulate::watched`: the simulation a person watches (the command on a
//! terminal) tells its progress after each respondent and stops when asked,
//! with the same figures as `simulate` when it is not stopped.

use crossroads::assessment::Assessment;
use crossroads::simulate::{Progress, Settings, Stopped, simulate, watched};
use std::sync::atomic::{AtomicBool, Ordering};

fn quick_check() -> Assessment {
    crossroads::bundled::find("quick-check")
        .unwrap()
        .load()
        .unwrap()
        .0
}

const SETTINGS: Settings = Settings {
    respondents: 12,
    seed: 3,
};

/// Every progress told by a run that is never stopped.
fn told(a: &Assessment) -> Vec<Progress> {
    let mut seen = Vec::new();
    let run = watched(a, SETTINGS, &AtomicBool::new(false), &mut |p| seen.push(p));
    assert!(run.is_ok(), "nothing stopped it");
    seen
}

#[test]
fn progress_counts_every_respondent_once_in_order_up_to_the_total() {
    let seen = told(&quick_check());
    // Four noise levels and four response styles of 12 each.
    assert_eq!(seen.len(), 8 * 12);
    for (i, p) in seen.iter().enumerate() {
        assert_eq!(
            *p,
            Progress {
                done: i + 1,
                total: 8 * 12
            }
        );
    }
}

#[test]
fn the_share_of_time_grows_with_every_respondent_and_ends_at_one() {
    let seen = told(&quick_check());
    let shares: Vec<f64> = seen.iter().map(Progress::share).collect();
    assert!(shares[0] > 0.0, "{shares:?}");
    assert!(shares.windows(2).all(|w| w[0] < w[1]), "{shares:?}");
    assert!((shares[shares.len() - 1] - 1.0).abs() < 1e-12, "{shares:?}");
    // A noise level's respondent costs more than a style's: half the
    // respondents (the levels') take more than half the time.
    assert!(shares[4 * 12 - 1] > 0.6, "{shares:?}");
}

#[test]
fn a_stop_asked_for_ends_the_run_at_the_next_respondent_and_says_how_far_it_got() {
    let stop = AtomicBool::new(false);
    let mut calls = 0;
    let run = watched(&quick_check(), SETTINGS, &stop, &mut |p| {
        calls += 1;
        if p.done == 30 {
            // As the Ctrl-C handler would, while respondent 30 is scored.
            stop.store(true, Ordering::Relaxed);
        }
    });
    let stopped = Progress {
        done: 30,
        total: 8 * 12,
    };
    assert_eq!(run.err(), Some(Stopped(stopped)));
    assert_eq!(calls, 30, "no respondent after the stop");
}

#[test]
fn a_stop_during_the_response_styles_ends_the_run_there_too() {
    let stop = AtomicBool::new(false);
    let run = watched(&quick_check(), SETTINGS, &stop, &mut |p| {
        stop.store(p.done == 5 * 12 + 1, Ordering::Relaxed);
    });
    assert_eq!(run.err().map(|Stopped(p)| p.done), Some(5 * 12 + 1));
}

#[test]
fn watched_and_never_stopped_it_gives_the_figures_simulate_gives() {
    let a = quick_check();
    let run = watched(&a, SETTINGS, &AtomicBool::new(false), &mut |_| {});
    assert_eq!(run.ok(), Some(simulate(&a, SETTINGS)));
}
