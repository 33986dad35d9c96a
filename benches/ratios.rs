//! Floor, ours and the ratio side by side, in one run: the floor is an
//! events-only parse of the same file with the same YAML parser
//! (`saphyr-parser`, nothing built), plus scoring; ours is the real path.
//! `cargo bench --bench ratios` prints the table the README quotes. The
//! files are those of `benches/engine.rs`' generator, written with
//! `CROSSROADS_BENCH_WRITE=DIR cargo bench --bench engine` and read from
//! `CROSSROADS_BENCH_DIR` (default `/tmp/gen`).

use crossroads::answers::read_answers;
use crossroads::assessment::load;
use crossroads::report::json::score_json;
use crossroads::scoring::score;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// Every event of the file, and nothing built from them.
fn events_only(text: &str) -> usize {
    let mut n = 0;
    for event in saphyr_parser::Parser::new_from_str(text) {
        black_box(event.expect("the generated file parses"));
        n += 1;
    }
    n
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let dir = std::env::var("CROSSROADS_BENCH_DIR").unwrap_or_else(|_| "/tmp/gen".into());
    println!("| questions | measure | floor ms | ours ms | ratio |");
    println!("| --- | --- | --- | --- | --- |");
    for n in [5_000usize, 50_000] {
        let Ok(y) = std::fs::read_to_string(format!("{dir}/q{n}.yaml")) else {
            eprintln!("no {dir}/q{n}.yaml: write the files first (see the top of this file)");
            return;
        };
        let a = std::fs::read_to_string(format!("{dir}/a{n}.yaml")).expect("answers");
        let runs = if n > 10_000 { 5 } else { 15 };
        // The floor first, while nothing else is held in memory.
        let floor_y = median(runs, || {
            black_box(events_only(&y));
        });
        let floor_a = median(runs, || {
            black_box(events_only(&a));
        });
        let assessment = load("q.yaml", y.as_bytes()).expect("valid").0;
        let answers = read_answers("a.yaml", a.as_bytes(), &assessment)
            .expect("valid answers")
            .answers;
        let scoring = median(runs, || {
            black_box(score(&assessment, &answers));
        });
        let validate = median(runs, || {
            black_box(load("q.yaml", y.as_bytes()).unwrap());
        });
        let command = median(runs, || {
            let assessment = load("q.yaml", y.as_bytes()).unwrap().0;
            let file = read_answers("a.yaml", a.as_bytes(), &assessment).unwrap();
            let s = score(&assessment, &file.answers);
            let json = score_json(&assessment, &file.answers, &s);
            black_box(serde_json::to_string_pretty(&json).unwrap().len());
        });
        let floor_score = floor_y + floor_a + scoring;
        for (what, floor, ours) in [
            ("validate", floor_y, validate),
            ("score --format json", floor_score, command),
        ] {
            println!(
                "| {n} | {what} | {:.1} | {:.1} | {:.2} |",
                ms(floor),
                ms(ours),
                ours.as_secs_f64() / floor.as_secs_f64()
            );
        }
        // A thousand unknown ids in the answers file, against the clean file.
        let mut typos = a.clone();
        for i in 0..1000 {
            typos.push_str(&format!("  zz-unknown-{i}: 1\n"));
        }
        let clean = median(runs, || {
            black_box(read_answers("a.yaml", a.as_bytes(), &assessment).is_ok());
        });
        let typo = median(runs, || {
            black_box(read_answers("a.yaml", typos.as_bytes(), &assessment).is_err());
        });
        println!(
            "| {n} | answers with 1,000 unknown ids | {:.1} (clean) | {:.1} | {:.2} |",
            ms(clean),
            ms(typo),
            typo.as_secs_f64() / clean.as_secs_f64()
        );
        // The same comparison for the parser alone: the thousand extra
        // lines make the file longer, and parsing them costs this much.
        let typo_floor = median(runs, || {
            black_box(events_only(&typos));
        });
        println!(
            "| {n} | the same, events only | {:.1} (clean) | {:.1} | {:.2} |",
            ms(floor_a),
            ms(typo_floor),
            typo_floor.as_secs_f64() / floor_a.as_secs_f64()
        );
    }
}
