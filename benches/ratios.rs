//! Floor, ours and the ratio side by side, in one run: the floor is an
//! events-only parse of the same file with the same YAML parser
//! (`saphyr-parser`, nothing built), plus scoring; ours is the real path.
//! `cargo bench --bench ratios` prints the table the README quotes. The
//! files are those of `benches/engine.rs`' generator, written with
//! `CROSSROADS_BENCH_WRITE=DIR cargo bench --bench engine` and read from
//! `CROSSROADS_BENCH_DIR` (default `/tmp/gen`).
//!
//! Each timing of `validate` and `score` is taken in a fresh process (this
//! program run again with `--one`), as a person runs crossroads: timed one
//! after another in one process, each run meets a heap the runs before it
//! left fragmented, and the parser alone took 317 ms on a fresh heap and
//! 403 ms on a used one. Floor and ours alternate in paired rounds, so both
//! meet the machine in the same state; the ratio is the median of the
//! rounds' ratios.

use crossroads::answers::read_answers;
use crossroads::assessment::load;
use crossroads::report::json::score_json;
use crossroads::scoring::score;
use std::hint::black_box;
use std::process::Command;
use std::time::{Duration, Instant};

/// The median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    middle((0..runs).map(|_| time(&mut f)).collect())
}

/// The middle one of some timings.
fn middle(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time(f: &mut impl FnMut()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
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

/// The measures timed in a fresh process. `validate` and `score` are the
/// commands' paths, which leave the model to the end of the process
/// (`src/cli/exit.rs`); the `-freed` ones free it, as a caller of the
/// library that goes on would.
const MEASURES: [&str; 6] = [
    "validate-floor",
    "validate",
    "validate-freed",
    "score-floor",
    "score",
    "score-freed",
];

/// The rows of the table: a name, the floor's measure and ours.
const ROWS: [(&str, usize, usize); 4] = [
    ("validate", 0, 1),
    ("validate, the model freed", 0, 2),
    ("score --format json", 3, 4),
    ("score --format json, the model freed", 3, 5),
];

/// `score --format json` on the files, as the command does it; what it
/// holds is returned, for the caller to free or leave.
fn scored(y: &str, a: &str) -> impl Sized {
    let assessment = load("q.yaml", y.as_bytes()).unwrap().0;
    let file = read_answers("a.yaml", a.as_bytes(), &assessment).unwrap();
    let s = score(&assessment, &file.answers);
    let json = score_json(&assessment, &file.answers, &s);
    black_box(serde_json::to_string_pretty(&json).unwrap().len());
    (assessment, file, s)
}

/// In a fresh process: one timing of `what` on the files of `n` questions,
/// printed in nanoseconds. The files are read before the clock starts.
fn one(what: &str, y: &str, a: &str) -> Duration {
    match what {
        "validate-floor" => time(&mut || {
            black_box(events_only(y));
        }),
        "validate" => time(&mut || {
            std::mem::forget(black_box(load("q.yaml", y.as_bytes()).unwrap()));
        }),
        "validate-freed" => time(&mut || {
            drop(black_box(load("q.yaml", y.as_bytes()).unwrap()));
        }),
        "score-floor" => {
            // Both files' events, then the scoring of a model built
            // outside the clock (the floor never builds one).
            let events = time(&mut || {
                black_box(events_only(y));
                black_box(events_only(a));
            });
            let assessment = load("q.yaml", y.as_bytes()).unwrap().0;
            let answers = read_answers("a.yaml", a.as_bytes(), &assessment)
                .unwrap()
                .answers;
            events
                + time(&mut || {
                    black_box(score(&assessment, &answers));
                })
        }
        "score" => time(&mut || std::mem::forget(scored(y, a))),
        "score-freed" => time(&mut || drop(scored(y, a))),
        other => panic!("no measure {other}"),
    }
}

/// `what` timed in a fresh process.
fn fresh(what: &str, dir: &str, n: usize) -> Duration {
    let out = Command::new(std::env::current_exe().expect("this program"))
        .args(["--one", what, dir, &n.to_string()])
        .output()
        .expect("this program runs again");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let nanos: u64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("a number of nanoseconds");
    Duration::from_nanos(nanos)
}

fn read(dir: &str, n: usize) -> Option<(String, String)> {
    let y = std::fs::read_to_string(format!("{dir}/q{n}.yaml")).ok()?;
    let a = std::fs::read_to_string(format!("{dir}/a{n}.yaml")).ok()?;
    Some((y, a))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--one") {
        let (what, dir) = (&args[i + 1], &args[i + 2]);
        let n: usize = args[i + 3].parse().expect("a number of questions");
        let (y, a) = read(dir, n).expect("the files");
        println!("{}", one(what, &y, &a).as_nanos());
        return;
    }
    let dir = std::env::var("CROSSROADS_BENCH_DIR").unwrap_or_else(|_| "/tmp/gen".into());
    println!("| questions | measure | floor ms | ours ms | ratio |");
    println!("| --- | --- | --- | --- | --- |");
    for n in [5_000usize, 50_000] {
        let Some((_, a)) = read(&dir, n) else {
            eprintln!("no {dir}/q{n}.yaml: write the files first (see the top of this file)");
            return;
        };
        let runs = if n > 10_000 { 7 } else { 15 };
        let mut times: Vec<Vec<Duration>> = vec![Vec::new(); MEASURES.len()];
        for _ in 0..runs {
            for (m, what) in MEASURES.iter().enumerate() {
                times[m].push(fresh(what, &dir, n));
            }
        }
        for (what, floor, ours) in ROWS {
            let mut ratios: Vec<f64> = (times[floor].iter().zip(&times[ours]))
                .map(|(f, o)| o.as_secs_f64() / f.as_secs_f64())
                .collect();
            ratios.sort_by(f64::total_cmp);
            println!(
                "| {n} | {what} | {:.1} | {:.1} | {:.2} |",
                ms(middle(times[floor].clone())),
                ms(middle(times[ours].clone())),
                ratios[runs / 2]
            );
        }
        // A thousand unknown ids in the answers file, against the clean
        // file, in this process: both are small and read alike.
        let y = std::fs::read_to_string(format!("{dir}/q{n}.yaml")).expect("read above");
        let assessment = load("q.yaml", y.as_bytes()).expect("valid").0;
        drop(y);
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
        let floor_a = median(runs, || {
            black_box(events_only(&a));
        });
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
