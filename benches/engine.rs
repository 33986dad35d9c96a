//! Benchmarks of the pure core at 500, 5,000 and 50,000 questions: load and
//! validate an assessment from its YAML bytes (and, at 5,000, its three
//! stages: YAML parse, limits, validation), read an answers file, score, and
//! the whole `crossroads score --format json` path in one process.
//!
//! The assessments are generated here (4 tracks, every question type, some
//! `show_if` on earlier questions) with random but valid answers from a small
//! deterministic PRNG, so every run measures the same bytes.
//!
//! `cargo bench --bench engine` runs the benchmarks. With
//! `CROSSROADS_BENCH_WRITE=DIR` set it only writes the generated files
//! (`DIR/q{N}.yaml` and `DIR/a{N}.yaml` for each size) and exits;
//! `scripts/measure.sh` uses that to time the real binary on the same input.

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, black_box};
use crossroads::answers::read_answers;
use crossroads::assessment::{limits, load, read, validate};
use crossroads::report::json::score_json;
use crossroads::scoring::score;
use std::fmt::Write as _;
use std::time::Duration;

/// The sizes measured.
const SIZES: [usize; 3] = [500, 5_000, 50_000];

/// Questions per section.
const PER_SECTION: usize = 50;

const TRACKS: [&str; 4] = ["pm", "po", "ic", "mgmt"];

const WORDS: [&str; 32] = [
    "strategy",
    "backlog",
    "team",
    "customer",
    "market",
    "craft",
    "people",
    "roadmap",
    "release",
    "feedback",
    "mentor",
    "design",
    "data",
    "vision",
    "sprint",
    "quality",
    "growth",
    "focus",
    "expertise",
    "coaching",
    "outcome",
    "delivery",
    "research",
    "budget",
    "hiring",
    "story",
    "insight",
    "rhythm",
    "decision",
    "impact",
    "principle",
    "review",
];

/// SplitMix64: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in 0..n.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len())]
    }

    fn words(&mut self, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(self.word());
        }
        s
    }

    /// A weight map over two tracks (one question moving a single track
    /// draws a warning in an assessment with axes).
    fn weights(&mut self) -> String {
        let a = self.below(4);
        let b = (a + 1 + self.below(3)) % 4;
        let wa = [0.5, 1.0, 1.5, 2.0][self.below(4)];
        let wb = [-1.0, -0.5, 0.5, 1.0, 1.5][self.below(5)];
        format!("{{ {}: {wa}, {}: {wb} }}", TRACKS[a], TRACKS[b])
    }
}

/// The kinds of question generated.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Likert,
    Choice(usize),
    Multi { n: usize, min: usize, max: usize },
    Rank(usize),
    Text,
}

/// A generated condition, kept so the answers can honour it.
enum Cond {
    In(usize, Vec<usize>),
    AtLeast(usize, i64),
    Answered(usize),
    All(Vec<Cond>),
    Not(Box<Cond>),
}

/// What the generator remembers of each question.
struct Q {
    kind: Kind,
    show_if: Option<Cond>,
    required: bool,
}

/// A generated answer, to evaluate conditions on.
#[derive(Clone)]
enum Given {
    Likert(i64),
    Choice(usize),
    Multi(Vec<usize>),
    Other,
}

fn cond_yaml(c: &Cond, out: &mut String) {
    match c {
        Cond::In(q, opts) => {
            let list: Vec<String> = opts.iter().map(|o| format!("o{o}")).collect();
            let _ = write!(out, "{{ question: q{q}, in: [{}] }}", list.join(", "));
        }
        Cond::AtLeast(q, v) => {
            let _ = write!(out, "{{ question: q{q}, at_least: {v} }}");
        }
        Cond::Answered(q) => {
            let _ = write!(out, "{{ question: q{q}, answered: true }}");
        }
        Cond::All(list) => {
            out.push_str("{ all: [");
            for (i, c) in list.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                cond_yaml(c, out);
            }
            out.push_str("] }");
        }
        Cond::Not(inner) => {
            out.push_str("{ not: ");
            cond_yaml(inner, out);
            out.push_str(" }");
        }
    }
}

/// Whether a condition holds, as `conditions::holds` reads it: a hidden or
/// unanswered question fails every test.
fn cond_holds(c: &Cond, given: &[Option<Given>]) -> bool {
    match c {
        Cond::In(q, opts) => match &given[*q] {
            Some(Given::Choice(o)) => opts.contains(o),
            Some(Given::Multi(list)) => list.iter().any(|o| opts.contains(o)),
            _ => false,
        },
        Cond::AtLeast(q, v) => matches!(given[*q], Some(Given::Likert(a)) if a >= *v),
        Cond::Answered(q) => given[*q].is_some(),
        Cond::All(list) => list.iter().all(|c| cond_holds(c, given)),
        Cond::Not(inner) => !cond_holds(inner, given),
    }
}

/// A condition on a recent earlier question (the last 30), if one fits.
fn make_cond(rng: &mut Rng, qs: &[Q], depth: usize) -> Option<Cond> {
    if qs.is_empty() {
        return None;
    }
    if depth == 0 && rng.chance(0.15) {
        let a = make_cond(rng, qs, 1)?;
        let b = make_cond(rng, qs, 1)?;
        return Some(Cond::All(vec![a, Cond::Not(Box::new(b))]));
    }
    let lo = qs.len().saturating_sub(30);
    let q = lo + rng.below(qs.len() - lo);
    Some(match qs[q].kind {
        Kind::Likert => Cond::AtLeast(q, 2 + rng.below(3) as i64),
        Kind::Choice(n) | Kind::Multi { n, .. } => {
            let mut opts: Vec<usize> = (0..n).filter(|_| rng.chance(0.6)).collect();
            if opts.is_empty() {
                opts.push(rng.below(n));
            }
            Cond::In(q, opts)
        }
        Kind::Rank(_) | Kind::Text => Cond::Answered(q),
    })
}

/// A valid assessment of `n` questions and a valid answers file for it.
pub fn generate(n: usize, seed: u64) -> (String, String) {
    let mut rng = Rng(seed ^ n as u64);
    let mut y = String::with_capacity(n * 400);
    let _ = writeln!(
        y,
        "format: 1\nid: bench-{n}\ntitle: Benchmark of {n} questions\nversion: \"1\"\n\
         description: A generated assessment for measuring crossroads.\ntie_margin: 5\n\
         scale:\n  min: 1\n  max: 5\n  labels: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree]\n\
         tracks:"
    );
    for (id, name) in TRACKS.iter().zip([
        "Product Manager",
        "Product Owner",
        "Individual contributor",
        "People manager",
    ]) {
        let _ = writeln!(
            y,
            "  - id: {id}\n    name: {name}\n    summary: >-\n      {}\n    strengths:\n      - {}\n    growth:\n      - {}",
            rng.words(24),
            rng.words(10),
            rng.words(12)
        );
    }
    y.push_str(
        "axes:\n  - { id: focus, left: po, right: pm, label: \"Delivery <-> Strategy\" }\n  \
         - { id: orientation, left: ic, right: mgmt, label: \"Craft <-> People\" }\nsections:\n",
    );
    let mut qs: Vec<Q> = Vec::with_capacity(n);
    for i in 0..n {
        if i % PER_SECTION == 0 {
            let s = i / PER_SECTION;
            let _ = writeln!(
                y,
                "  - id: s{s}\n    title: Section {s}\n    intro: {}\n    questions:",
                rng.words(12)
            );
        }
        let r = rng.below(100);
        let kind = if r < 40 {
            Kind::Likert
        } else if r < 60 {
            Kind::Choice(3 + rng.below(3))
        } else if r < 75 {
            let n = 4 + rng.below(3);
            let min = rng.below(2);
            Kind::Multi {
                n,
                min,
                max: min + 1 + rng.below(n - min),
            }
        } else if r < 90 {
            Kind::Rank(3 + rng.below(4))
        } else {
            Kind::Text
        };
        let show_if = if rng.chance(0.12) {
            make_cond(&mut rng, &qs, 0)
        } else {
            None
        };
        let required = show_if.is_none() && rng.chance(0.03);
        let ty = match kind {
            Kind::Likert => "likert",
            Kind::Choice(_) => "choice",
            Kind::Multi { .. } => "multi",
            Kind::Rank(_) => "rank",
            Kind::Text => "text",
        };
        let length = 10 + rng.below(8);
        let _ = writeln!(
            y,
            "      - id: q{i}\n        type: {ty}\n        text: {}?",
            rng.words(length)
        );
        if rng.chance(0.3) {
            let _ = writeln!(y, "        help: {}.", rng.words(12));
        }
        if rng.chance(0.3) {
            let _ = writeln!(y, "        coach: {}?", rng.words(10));
        }
        if required {
            y.push_str("        required: true\n");
        }
        if let Some(c) = &show_if {
            y.push_str("        show_if: ");
            cond_yaml(c, &mut y);
            y.push('\n');
        }
        match kind {
            Kind::Likert => {
                let _ = writeln!(y, "        weights: {}", rng.weights());
                if rng.chance(0.2) {
                    y.push_str("        reverse: true\n");
                }
            }
            Kind::Choice(k) | Kind::Multi { n: k, .. } | Kind::Rank(k) => {
                if let Kind::Multi { min, max, .. } = kind {
                    let _ = writeln!(y, "        min: {min}\n        max: {max}");
                }
                y.push_str("        options:\n");
                for o in 0..k {
                    let _ = write!(y, "          - {{ id: o{o}, label: {}", rng.words(5));
                    // The first option always has weights and the second none,
                    // so every question moves two tracks.
                    if o == 0 || (o > 1 && rng.chance(0.8)) {
                        let _ = write!(y, ", weights: {}", rng.weights());
                    }
                    y.push_str(" }\n");
                }
            }
            Kind::Text => y.push_str("        max_length: 400\n"),
        }
        qs.push(Q {
            kind,
            show_if,
            required,
        });
    }

    // Answers: every visible question, a tenth of the optional ones skipped,
    // none to hidden questions (they would only add warnings).
    let mut given: Vec<Option<Given>> = Vec::with_capacity(n);
    let mut a = String::with_capacity(n * 30);
    let _ = writeln!(a, "assessment: bench-{n}\nanswers:");
    for (i, q) in qs.iter().enumerate() {
        let visible = q.show_if.as_ref().is_none_or(|c| cond_holds(c, &given));
        if !visible || (!q.required && rng.chance(0.1)) {
            given.push(None);
            continue;
        }
        let g = match q.kind {
            Kind::Likert => {
                let v = 1 + rng.below(5) as i64;
                let _ = writeln!(a, "  q{i}: {v}");
                Given::Likert(v)
            }
            Kind::Choice(k) => {
                let o = rng.below(k);
                let _ = writeln!(a, "  q{i}: o{o}");
                Given::Choice(o)
            }
            Kind::Multi { n: k, min, max } => {
                let want = min + rng.below(max - min + 1);
                let mut pool: Vec<usize> = (0..k).collect();
                let mut chosen = Vec::new();
                for _ in 0..want {
                    chosen.push(pool.swap_remove(rng.below(pool.len())));
                }
                let ids: Vec<String> = chosen.iter().map(|o| format!("o{o}")).collect();
                let _ = writeln!(a, "  q{i}: [{}]", ids.join(", "));
                Given::Multi(chosen)
            }
            Kind::Rank(k) => {
                let mut order: Vec<usize> = (0..k).collect();
                for j in (1..k).rev() {
                    order.swap(j, rng.below(j + 1));
                }
                let ids: Vec<String> = order.iter().map(|o| format!("o{o}")).collect();
                let _ = writeln!(a, "  q{i}: [{}]", ids.join(", "));
                Given::Other
            }
            Kind::Text => {
                let _ = writeln!(a, "  q{i}: \"{}\"", rng.words(8));
                Given::Other
            }
        };
        given.push(Some(g));
    }
    (y, a)
}

/// Writes the generated files for `scripts/measure.sh`.
fn write_files(dir: &str) {
    std::fs::create_dir_all(dir).expect("the output folder can be made");
    for n in SIZES {
        let (y, a) = generate(n, 42);
        std::fs::write(format!("{dir}/q{n}.yaml"), y).expect("write the assessment");
        std::fs::write(format!("{dir}/a{n}.yaml"), a).expect("write the answers");
    }
    eprintln!("wrote q/a for {SIZES:?} questions to {dir}");
}

fn benches(c: &mut Criterion) {
    let inputs: Vec<(usize, String, String)> = SIZES
        .iter()
        .map(|&n| {
            let (y, a) = generate(n, 42);
            (n, y, a)
        })
        .collect();
    // Every generated pair must load, read and score cleanly, without warnings.
    for (n, y, a) in &inputs {
        let (assessment, warnings) =
            load("bench.yaml", y.as_bytes()).unwrap_or_else(|e| panic!("{n}: {e}"));
        assert!(
            warnings.is_empty(),
            "{n}: {} warnings, first {:?}",
            warnings.len(),
            warnings[0]
        );
        let file = read_answers("answers.yaml", a.as_bytes(), &assessment)
            .unwrap_or_else(|e| panic!("{n}: {e}"));
        assert!(
            file.warnings.is_empty(),
            "{n}: {} warnings, first {:?}",
            file.warnings.len(),
            file.warnings[0]
        );
        eprintln!(
            "{n} questions: assessment {} KiB, answers {} KiB, {} answered",
            y.len() / 1024,
            a.len() / 1024,
            file.answers.count()
        );
    }
    let tune = |g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>, n| {
        g.throughput(Throughput::Elements(n as u64));
        if n >= 50_000 {
            g.sample_size(10);
        } else if n >= 5_000 {
            g.sample_size(20);
        }
    };

    let mut g = c.benchmark_group("load_validate");
    for (n, y, _) in &inputs {
        tune(&mut g, *n);
        g.bench_with_input(BenchmarkId::from_parameter(n), y, |b, y| {
            b.iter(|| load("bench.yaml", black_box(y.as_bytes())).unwrap())
        });
    }
    g.finish();

    // Where load_validate's time goes, at 5,000 questions: reading the
    // events into the raw document, each section validated as it is read
    // (as `load` does), and the rest: the limits of the whole file,
    // validation of what is left and the model.
    let mut g = c.benchmark_group("load_stages_5000");
    let (_, y, _) = &inputs[1];
    let read = || {
        let mut v = validate::Validator::default();
        let (raw, _, _) = read::assessment(y, &mut v);
        (raw.unwrap(), v)
    };
    g.throughput(Throughput::Elements(5_000));
    g.sample_size(20);
    g.bench_function("read_and_sections", |b| b.iter(read));
    let (raw, _) = read();
    g.bench_function("limits", |b| b.iter(|| limits::check(black_box(&raw))));
    g.bench_function("finish", |b| {
        b.iter_batched(
            read,
            |(raw, v)| v.finish(raw).unwrap(),
            BatchSize::LargeInput,
        )
    });
    g.finish();

    let mut g = c.benchmark_group("read_answers");
    for (n, y, a) in &inputs {
        let assessment = load("bench.yaml", y.as_bytes()).unwrap().0;
        tune(&mut g, *n);
        g.bench_with_input(BenchmarkId::from_parameter(n), a, |b, a| {
            b.iter(|| read_answers("answers.yaml", black_box(a.as_bytes()), &assessment).unwrap())
        });
    }
    g.finish();

    let mut g = c.benchmark_group("score");
    for (n, y, a) in &inputs {
        let assessment = load("bench.yaml", y.as_bytes()).unwrap().0;
        let answers = read_answers("answers.yaml", a.as_bytes(), &assessment)
            .unwrap()
            .answers;
        tune(&mut g, *n);
        g.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| score(black_box(&assessment), black_box(&answers)))
        });
    }
    g.finish();

    // What `crossroads score FILE --answers A --format json` does between
    // reading the files and writing stdout.
    let mut g = c.benchmark_group("score_command_json");
    for (n, y, a) in &inputs {
        tune(&mut g, *n);
        g.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                let assessment = load("bench.yaml", black_box(y.as_bytes())).unwrap().0;
                let file =
                    read_answers("answers.yaml", black_box(a.as_bytes()), &assessment).unwrap();
                let s = score(&assessment, &file.answers);
                let json = score_json(&assessment, &file.answers, &s);
                serde_json::to_string_pretty(&json).unwrap().len()
            })
        });
    }
    g.finish();
}

fn main() {
    if let Ok(dir) = std::env::var("CROSSROADS_BENCH_WRITE") {
        write_files(&dir);
        return;
    }
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    benches(&mut c);
    c.final_summary();
}
