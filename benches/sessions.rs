//! Many saved sessions: `crossroads sessions`, `analyse` and `export` over a
//! folder of them, against the floor, an events-only parse of the same
//! files with the same parser (`saphyr-parser`, nothing built).
//!
//! - `cargo bench --bench sessions` times, in process, reading one folder
//!   of realistic career-tracks sessions each way (criterion).
//! - `cargo bench --bench sessions -- --write DIR N [ASSESSMENT.yaml]` writes
//!   N realistic sessions under `DIR/crossroads/people/` (set
//!   `XDG_DATA_HOME=DIR` for `crossroads sessions`): people answering by
//!   their tracks with noise, as `simulate` draws them, half finished,
//!   some part way, through the app's own session writer. With an
//!   assessment file, its path is recorded in each session instead of the
//!   bundled career-tracks.
//! - `cargo bench --bench sessions -- --floor DIR` prints the floor's
//!   count of events over every `.yaml` file under DIR, for timing beside
//!   the commands (docs/performance.md says how).

use criterion::{Criterion, black_box};
use crossroads::assessment::Assessment;
use crossroads::session::fingerprint;
use crossroads::simulate::sessions::{self, Origin};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Every event of every `.yaml` file under `dir`, read one at a time.
fn floor(dir: &Path) -> usize {
    let mut n = 0;
    for file in yaml_files(dir) {
        let text = std::fs::read_to_string(&file).expect("a readable file");
        for event in saphyr_parser::Parser::new_from_str(&text) {
            black_box(event.expect("the file parses"));
            n += 1;
        }
    }
    n
}

/// The `.yaml` files under `dir`, all the way down, in name order.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            out.extend(yaml_files(&p));
        } else if p.extension().is_some_and(|e| e == "yaml") {
            out.push(p);
        }
    }
    out
}

/// Writes `n` sessions of `assessment` under `dir/crossroads/people/`.
fn write(dir: &Path, n: usize, assessment: &Assessment, path: Option<&str>) {
    let print = path.map(|p| fingerprint(&std::fs::read(p).expect("the assessment file")));
    let origin = match (path, &print) {
        (Some(p), Some(f)) => Origin::File(p, f),
        _ => Origin::Bundled,
    };
    for (i, text) in sessions::files(assessment, origin, n).enumerate() {
        let folder = dir
            .join("crossroads")
            .join("people")
            .join(format!("person-{i:05}"));
        std::fs::create_dir_all(&folder).expect("a folder");
        let file = folder.join(format!("{}-20260101-000000.yaml", assessment.id));
        std::fs::write(file, text).expect("written");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--write") {
        let dir = Path::new(&args[i + 1]);
        let n: usize = args[i + 2].parse().expect("a number of sessions");
        let path = args.get(i + 3).filter(|a| !a.starts_with('-'));
        let assessment = match path {
            Some(p) => {
                crossroads::source::assessment(p)
                    .expect("a valid assessment")
                    .0
            }
            None => {
                crossroads::bundled::find("career-tracks")
                    .expect("bundled")
                    .load()
                    .expect("valid")
                    .0
            }
        };
        write(dir, n, &assessment, path.map(String::as_str));
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--floor") {
        println!("{}", floor(Path::new(&args[i + 1])));
        return;
    }
    let dir =
        std::env::temp_dir().join(format!("crossroads-bench-sessions-{}", std::process::id()));
    let a = crossroads::bundled::find("career-tracks")
        .unwrap()
        .load()
        .unwrap()
        .0;
    write(&dir, 1_000, &a, None);
    let root = dir.join("crossroads");
    let mut c = Criterion::default()
        .sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    c.bench_function("floor_1000_sessions", |b| b.iter(|| floor(&root)));
    c.final_summary();
    let _ = std::fs::remove_dir_all(&dir);
}
