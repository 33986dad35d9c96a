//! `crossroads simulate` in process: 400 respondents at four noise levels
//! (with their retests, the per-question rescoring and the three response
//! styles of 400 each) on the bundled assessments. The goal is under a
//! second for `career-tracks` in a release build.
//!
//! `cargo bench --bench simulate` runs it.

use criterion::{Criterion, black_box};
use crossroads::simulate::{Settings, simulate};
use std::time::Duration;

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    for id in ["career-tracks", "quick-check"] {
        let a = crossroads::bundled::find(id).unwrap().load().unwrap().0;
        c.bench_function(&format!("simulate_400_{id}"), |b| {
            b.iter(|| simulate(black_box(&a), Settings::default()))
        });
    }
    c.final_summary();
}
