//! Structured: a small random assessment (every question type, nested
//! `show_if`) and random answers, written as YAML and read back through the
//! real loaders; then visibility and score with their invariants.
//!
//! With `loose` false the generator keeps conditions well-typed (is/in on
//! choice and multi, at_least/at_most on likert) and gives every track some
//! evidence, so most inputs load; with `loose` true it writes whatever the
//! bytes say, so the validator's error paths get exercised too.
#![no_main]

use arbitrary::Arbitrary;
use crossroads::answers::{Answers, read_answer, read_answers};
use crossroads::assessment::{Assessment, QuestionKind};
use libfuzzer_sys::fuzz_target;
use serde_yaml::Value;
use std::fmt::Write;

#[path = "common.rs"]
mod common;

#[derive(Arbitrary, Debug)]
struct Input {
    loose: bool,
    tracks: u8,
    axis: bool,
    tie_margin: u8,
    bands: Vec<u8>,
    scale: Option<(i8, u8)>,
    sections: Vec<Vec<Q>>,
    answers: Vec<Ans>,
    in_progress: bool,
}

#[derive(Arbitrary, Debug)]
struct Q {
    kind: Kind,
    required: bool,
    show_if: Option<Cond>,
}

type Weights = Vec<(u8, W)>;

#[derive(Arbitrary, Debug)]
enum Kind {
    Likert {
        scale: Option<(i8, u8)>,
        reverse: bool,
        weights: Weights,
    },
    Choice {
        options: Vec<Weights>,
    },
    Multi {
        options: Vec<Weights>,
        min: Option<u8>,
        max: Option<u8>,
    },
    Rank {
        options: Vec<Weights>,
    },
    Text {
        max_length: Option<u8>,
    },
}

/// A weight: small integers, tenths (whose sums round), or edge values.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum W {
    Int(i8),
    Tenth(i8),
    Edge(u8),
}

/// The validator refuses weights beyond ±1e9 (MAX_WEIGHT, added after
/// finding 1 of docs/fuzzing.md: larger ones overflowed the score to
/// inf/NaN). Strict inputs stay within it; loose ones may not.
const MAX_WEIGHT: f64 = 1e9;

impl W {
    fn value(self, loose: bool) -> f64 {
        let v = match self {
            W::Int(i) => f64::from(i % 5),
            W::Tenth(i) => f64::from(i) / 10.0,
            W::Edge(e) => [
                0.0, -0.0, 1e-300, 5e-324, 1e9, -1e9, 1e300, -1e300, 0.1, 0.2, 0.7, 1.0 / 3.0,
                999_999_999.9, 1e308,
            ][usize::from(e) % 14],
        };
        if loose { v } else { v.clamp(-MAX_WEIGHT, MAX_WEIGHT) }
    }
}

#[derive(Arbitrary, Debug)]
enum Cond {
    Is(u8, u8),
    In(u8, Vec<u8>),
    AtLeast(u8, i8),
    AtMost(u8, i8),
    Answered(u8, bool),
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
}

#[derive(Arbitrary, Debug)]
enum Ans {
    None,
    Int(i8),
    Pick(u8),
    Picks(Vec<u8>),
    Perm(Vec<u8>),
    Text(String),
    Null,
}

/// What the generator knows of a question it wrote.
#[derive(Clone)]
enum Shape {
    Likert { min: i64, max: i64 },
    /// `pick`: choice or multi, which is/in may test (rank may not).
    Options { n: usize, pick: bool },
    Text,
}

const MAX_SECTIONS: usize = 3;
const MAX_QUESTIONS: usize = 12;
/// Nesting of all/any/not: the validator allows 16 levels below the top
/// (MAX_CONDITION_DEPTH); loose inputs may go two further.
const MAX_DEPTH: usize = 16;
const MAX_DEPTH_LOOSE: usize = 18;

fn weights_yaml(out: &mut String, ws: &Weights, tracks: usize, loose: bool) -> bool {
    let mut used = Vec::new();
    out.push('{');
    for (t, w) in ws.iter().take(6) {
        let t = usize::from(*t) % tracks;
        if used.contains(&t) {
            continue;
        }
        if !used.is_empty() {
            out.push_str(", ");
        }
        used.push(t);
        write!(out, "t{t}: {:?}", w.value(loose)).unwrap();
    }
    out.push('}');
    !used.is_empty()
}

fn option_id(o: usize) -> String {
    format!("o{o}")
}

fn max_depth(loose: bool) -> usize {
    if loose { MAX_DEPTH_LOOSE } else { MAX_DEPTH }
}

fn cond_yaml(c: &Cond, out: &mut String, shapes: &[Shape], loose: bool, depth: usize) {
    let target = |q: u8| -> usize { usize::from(q) % shapes.len() };
    let fallback = |q: usize, out: &mut String| {
        write!(out, "{{ question: q{q}, answered: true }}").unwrap();
    };
    match c {
        Cond::All(list) | Cond::Any(list) if depth < max_depth(loose) && (loose || !list.is_empty()) => {
            let key = if matches!(c, Cond::All(_)) { "all" } else { "any" };
            write!(out, "{{ {key}: [").unwrap();
            for (i, sub) in list.iter().take(4).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                cond_yaml(sub, out, shapes, loose, depth + 1);
            }
            out.push_str("] }");
        }
        Cond::Not(inner) if depth < max_depth(loose) => {
            out.push_str("{ not: ");
            cond_yaml(inner, out, shapes, loose, depth + 1);
            out.push_str(" }");
        }
        Cond::All(_) | Cond::Any(_) | Cond::Not(_) => fallback(0, out),
        Cond::Is(q, o) => {
            let q = target(*q);
            match &shapes[q] {
                Shape::Options { n, pick: true } => {
                    write!(out, "{{ question: q{q}, is: {} }}", option_id(usize::from(*o) % n.max(&1))).unwrap()
                }
                _ if loose => write!(out, "{{ question: q{q}, is: o{o} }}").unwrap(),
                _ => fallback(q, out),
            }
        }
        Cond::In(q, os) => {
            let q = target(*q);
            match &shapes[q] {
                Shape::Options { n, pick: true } if !os.is_empty() || loose => {
                    let ids: Vec<String> =
                        os.iter().take(5).map(|o| option_id(usize::from(*o) % n.max(&1))).collect();
                    write!(out, "{{ question: q{q}, in: [{}] }}", ids.join(", ")).unwrap()
                }
                _ if loose => write!(out, "{{ question: q{q}, in: [o1] }}").unwrap(),
                _ => fallback(q, out),
            }
        }
        Cond::AtLeast(q, v) | Cond::AtMost(q, v) => {
            let key = if matches!(c, Cond::AtLeast(..)) { "at_least" } else { "at_most" };
            let q = target(*q);
            let v = f64::from(*v) / 4.0;
            match &shapes[q] {
                Shape::Likert { .. } => write!(out, "{{ question: q{q}, {key}: {v:?} }}").unwrap(),
                _ if loose => write!(out, "{{ question: q{q}, {key}: {v:?} }}").unwrap(),
                _ => fallback(q, out),
            }
        }
        Cond::Answered(q, yes) => {
            write!(out, "{{ question: q{}, answered: {yes} }}", target(*q)).unwrap()
        }
    }
}

fn scale_of(s: Option<(i8, u8)>, default: (i64, i64)) -> (i64, i64) {
    match s {
        Some((min, span)) => {
            let min = i64::from(min);
            (min, min + 1 + i64::from(span % 10))
        }
        None => default,
    }
}

/// The assessment as YAML and the shape of each question written.
fn assessment_yaml(input: &Input) -> (String, Vec<Shape>) {
    let tracks = 2 + usize::from(input.tracks % 3);
    let mut y = String::from("format: 1\nid: fuzz\ntitle: Fuzz\n");
    writeln!(y, "tie_margin: {}", input.tie_margin % 101).unwrap();
    let default_scale = scale_of(input.scale, (1, 5));
    if let Some(_) = input.scale {
        writeln!(y, "scale: {{ min: {}, max: {} }}", default_scale.0, default_scale.1).unwrap();
    }
    if !input.bands.is_empty() {
        y.push_str("bands:\n");
        for (i, b) in input.bands.iter().take(4).enumerate() {
            writeln!(y, "  - {{ min: {}, label: B{i} }}", b % 101).unwrap();
        }
    }
    y.push_str("tracks:\n");
    for t in 0..tracks {
        writeln!(y, "  - {{ id: t{t}, name: T{t} }}").unwrap();
    }
    if input.axis {
        y.push_str("axes:\n  - { id: x, left: t0, right: t1 }\n");
    }
    y.push_str("sections:\n");
    let mut shapes: Vec<Shape> = Vec::new();
    let mut sections: Vec<&[Q]> = input
        .sections
        .iter()
        .take(MAX_SECTIONS)
        .map(Vec::as_slice)
        .filter(|s| input.loose || !s.is_empty())
        .collect();
    if sections.is_empty() && !input.loose {
        sections.push(&[]);
    }
    for (si, qs) in sections.iter().enumerate() {
        writeln!(y, "  - id: s{si}\n    title: S{si}\n    questions:").unwrap();
        let anchor = si + 1 == sections.len() && !input.loose;
        if qs.is_empty() && !anchor {
            y.push_str("      []\n");
        }
        for q in qs.iter() {
            if shapes.len() >= MAX_QUESTIONS {
                break;
            }
            let i = shapes.len();
            writeln!(y, "      - id: q{i}\n        text: Q{i}\n        required: {}", q.required)
                .unwrap();
            if let (Some(c), true) = (&q.show_if, i > 0) {
                y.push_str("        show_if: ");
                cond_yaml(c, &mut y, &shapes[..i], input.loose, 0);
                y.push('\n');
            }
            let shape = match &q.kind {
                Kind::Likert { scale, reverse, weights } => {
                    y.push_str("        type: likert\n");
                    let (min, max) = scale_of(*scale, default_scale);
                    if scale.is_some() {
                        writeln!(y, "        scale: {{ min: {min}, max: {max} }}").unwrap();
                    }
                    writeln!(y, "        reverse: {reverse}").unwrap();
                    y.push_str("        weights: ");
                    if !weights_yaml(&mut y, weights, tracks, input.loose) && !input.loose {
                        y.truncate(y.len() - 2);
                        y.push_str("{t0: 1}");
                    }
                    y.push('\n');
                    Shape::Likert { min, max }
                }
                Kind::Choice { options } | Kind::Multi { options, .. } | Kind::Rank { options } => {
                    let (name, lo, hi) = match &q.kind {
                        Kind::Choice { .. } => ("choice", 2, 6),
                        Kind::Multi { .. } => ("multi", 2, 6),
                        _ => ("rank", 2, 9),
                    };
                    let n = if input.loose {
                        options.len().min(10)
                    } else {
                        options.len().clamp(lo, hi)
                    };
                    writeln!(y, "        type: {name}").unwrap();
                    if let Kind::Multi { min, max, .. } = &q.kind {
                        // Kept to 0 <= min <= max <= n unless loose.
                        let lo = min.map_or(0, |m| {
                            if input.loose { usize::from(m) } else { usize::from(m) % (n + 1) }
                        });
                        if min.is_some() {
                            writeln!(y, "        min: {lo}").unwrap();
                        }
                        if let Some(max) = max {
                            let max = if input.loose {
                                usize::from(*max)
                            } else {
                                lo + usize::from(*max) % (n - lo + 1)
                            };
                            writeln!(y, "        max: {max}").unwrap();
                        }
                    }
                    y.push_str("        options:\n");
                    let mut any_weight = false;
                    for o in 0..n {
                        write!(y, "          - {{ id: o{o}, label: O{o}, weights: ").unwrap();
                        match options.get(o) {
                            Some(ws) => any_weight |= weights_yaml(&mut y, ws, tracks, input.loose),
                            None => y.push_str("{}"),
                        }
                        if o + 1 == n && !any_weight && !input.loose {
                            y.truncate(y.len() - 2);
                            y.push_str("{t0: 1}");
                        }
                        y.push_str(" }\n");
                    }
                    Shape::Options { n, pick: !matches!(q.kind, Kind::Rank { .. }) }
                }
                Kind::Text { max_length } => {
                    y.push_str("        type: text\n");
                    if let Some(m) = max_length {
                        writeln!(y, "        max_length: {}", if input.loose { i64::from(*m) } else { 1 + i64::from(*m) }).unwrap();
                    }
                    Shape::Text
                }
            };
            shapes.push(shape);
        }
        if anchor {
            // Evidence for every track, so that the file is accepted.
            let i = shapes.len();
            let ws: Vec<String> = (0..tracks).map(|t| format!("t{t}: 1")).collect();
            writeln!(
                y,
                "      - {{ id: q{i}, type: likert, text: Anchor, weights: {{ {} }} }}",
                ws.join(", ")
            )
            .unwrap();
            shapes.push(Shape::Likert { min: default_scale.0, max: default_scale.1 });
        }
    }
    (y, shapes)
}

fn answer_value(a: &Ans, shape: &Shape) -> Option<Value> {
    let id = |o: u8, n: usize| Value::String(option_id(usize::from(o) % (n + 1)));
    Some(match a {
        Ans::None => return None,
        Ans::Null => Value::Null,
        Ans::Int(v) => match shape {
            Shape::Likert { min, max } => {
                Value::Number((min + i64::from(*v).rem_euclid(max - min + 2)).into())
            }
            _ => Value::Number(i64::from(*v).into()),
        },
        Ans::Pick(o) => match shape {
            Shape::Options { n, .. } => id(*o, *n),
            _ => Value::String(format!("o{o}")),
        },
        Ans::Picks(os) => {
            let n = match shape {
                Shape::Options { n, .. } => *n,
                _ => 3,
            };
            Value::Sequence(os.iter().take(10).map(|o| id(*o, n)).collect())
        }
        Ans::Perm(seed) => {
            let n = match shape {
                Shape::Options { n, .. } => *n,
                _ => 3,
            };
            let mut order: Vec<usize> = (0..n).collect();
            for (i, s) in seed.iter().enumerate().take(n) {
                order.swap(i, i + usize::from(*s) % (n - i));
            }
            Value::Sequence(order.into_iter().map(|o| Value::String(option_id(o))).collect())
        }
        Ans::Text(t) => Value::String(t.clone()),
    })
}

fn check(input: &Input) {
    let (yaml, shapes) = assessment_yaml(input);
    // CROSSROADS_FUZZ_PRINT=1 shows the files of an input (to turn a
    // finding into YAML that the crossroads CLI reads).
    let print = std::env::var_os("CROSSROADS_FUZZ_PRINT").is_some();
    if print {
        eprintln!("--- assessment.yaml\n{yaml}");
    }
    let (a, _) = match crossroads::assessment::load("fuzz.yaml", yaml.as_bytes()) {
        Ok(loaded) => loaded,
        Err(rejected) => {
            assert!(
                input.loose,
                "a well-formed generated assessment is rejected: {:?}\n{yaml}",
                rejected.problems
            );
            return;
        }
    };
    assert_eq!(a.questions.len(), shapes.len());
    // Answers one by one through read_answer, and as a whole answers file.
    let mut answers = Answers::new(a.questions.len());
    let mut file = serde_yaml::Mapping::new();
    for (q, ans) in input.answers.iter().take(a.questions.len()).enumerate() {
        let Some(value) = answer_value(ans, &shapes[q]) else {
            continue;
        };
        if let Ok(answer) = read_answer(&a, q, &value) {
            answers.set(q, Some(answer));
        }
        file.insert(Value::String(a.questions[q].id.clone()), value);
    }
    let mut top = serde_yaml::Mapping::new();
    top.insert("assessment".into(), "fuzz".into());
    top.insert("answers".into(), Value::Mapping(file));
    if input.in_progress {
        let mut session = serde_yaml::Mapping::new();
        session.insert("complete".into(), false.into());
        top.insert("session".into(), Value::Mapping(session));
    }
    let text = serde_yaml::to_string(&Value::Mapping(top)).expect("answers serialize");
    if print {
        eprintln!("--- answers.yaml\n{text}");
    }
    if let Ok(read) = read_answers("answers.yaml", text.as_bytes(), &a) {
        assert_eq!(read.answers, answers, "read_answers and read_answer disagree:\n{text}");
    }
    check_answers(&a, &answers);
}

fn check_answers(a: &Assessment, answers: &Answers) {
    let s = common::score_and_check(a, answers);
    // Hidden questions never count, whatever their answer.
    let mut only_visible = answers.clone();
    for q in 0..a.questions.len() {
        if !s.visible[q] {
            only_visible.set(q, None);
        }
    }
    let t = crossroads::scoring::score(a, &only_visible);
    assert_eq!(t.visible, s.visible);
    assert_eq!(
        t.tracks.iter().map(|x| x.score.map(f64::to_bits)).collect::<Vec<_>>(),
        s.tracks.iter().map(|x| x.score.map(f64::to_bits)).collect::<Vec<_>>()
    );
    // A text question never moves a score.
    for (q, question) in a.questions.iter().enumerate() {
        if let QuestionKind::Text { .. } = question.kind {
            assert!(a.tracks.iter().enumerate().all(|(t, _)| crossroads::scoring::question_range(question, t).is_none()), "text question {q} has a range");
        }
    }
    // The saved session reads back as the same answers.
    let meta = crossroads::session::Meta::default();
    let saved = crossroads::session::render(a, answers, &meta);
    let back = read_answers("session.yaml", saved.as_bytes(), a)
        .unwrap_or_else(|r| panic!("a rendered session does not read back: {:?}\n{saved}", r.problems));
    assert_eq!(&back.answers, answers, "session round trip changed the answers:\n{saved}");
}

fuzz_target!(|input: Input| {
    check(&input);
});
