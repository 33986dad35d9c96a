//! Property tests in the spirit of the fuzz targets in `fuzz/` (see
//! docs/fuzzing.md), small enough for every `cargo test` on the stable
//! toolchain: whatever bytes or YAML a file holds, reading it returns Ok or
//! Err and never panics. Also replays every input in tests/regressions/.

use crossroads::answers::{Answers, parse_file, read_answers};
use crossroads::assessment::{self, Assessment};
use crossroads::scoring::score;
use crossroads::session;
use proptest::prelude::*;
use serde_yaml::{Mapping, Value};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

const SAMPLE: &[u8] = include_bytes!("../conformance/sample.yaml");
const QUICK_CHECK: &[u8] = include_bytes!("../../assessments/quick-check.yaml");
const ANSWERS: &[u8] = include_bytes!("../conformance/answers-2.yaml");

fn sample() -> &'static Assessment {
    static A: OnceLock<Assessment> = OnceLock::new();
    A.get_or_init(|| assessment::load("sample.yaml", SAMPLE).unwrap().0)
}

/// Loads `bytes` as an assessment and, when it is accepted, scores it with
/// no answers and checks the counts and the range of every score.
fn load_and_score(bytes: &[u8]) {
    if let Ok((a, _)) = assessment::load("prop.yaml", bytes) {
        check_score(&a, &Answers::new(a.questions.len()));
        let _ = crossroads::sanitize::clean(&a.title);
    }
}

fn check_score(a: &Assessment, answers: &Answers) {
    let s = score(a, answers);
    assert_eq!(s.total + s.hidden, a.questions.len());
    assert_eq!(s.answered + s.skipped, s.total);
    for t in &s.tracks {
        assert!(
            t.score.is_none_or(|v| (-1e-9..=100.0 + 1e-9).contains(&v)),
            "score {:?} outside [0, 100]",
            t.score
        );
    }
}

/// Reads `bytes` as an answers file for the sample and as a file header;
/// checking each answer as it is read (`read_answers`) says exactly what
/// parsing the whole file first and checking it then says.
fn read_as_answers(bytes: &[u8]) {
    let two_steps = parse_file("prop.yaml", bytes).and_then(|p| p.check(sample()));
    let streamed = read_answers("prop.yaml", bytes, sample());
    assert_eq!(format!("{streamed:?}"), format!("{two_steps:?}"));
    if let Ok(file) = streamed {
        check_score(sample(), &file.answers);
    }
}

/// Loads `bytes` as a saved session of the sample, with a wrong and with
/// the right fingerprint.
fn load_as_session(bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.yaml");
    std::fs::write(&path, bytes).unwrap();
    for fp in ["0000000000000000".to_string(), session::fingerprint(SAMPLE)] {
        if let Ok(loaded) = session::load(&path, sample(), &fp) {
            check_score(sample(), &loaded.answers);
        }
    }
}

/// Every entry point a file from someone else goes through.
fn every_reader(bytes: &[u8]) {
    load_and_score(bytes);
    read_as_answers(bytes);
    load_as_session(bytes);
}

/// Key names of the three file kinds, so that generated documents get past
/// the first unknown-key check.
const KEYS: &[&str] = &[
    "format",
    "id",
    "title",
    "version",
    "description",
    "estimated_minutes",
    "tie_margin",
    "scale",
    "min",
    "max",
    "labels",
    "bands",
    "label",
    "message",
    "tracks",
    "name",
    "short",
    "summary",
    "strengths",
    "growth",
    "axes",
    "left",
    "right",
    "sections",
    "intro",
    "questions",
    "type",
    "text",
    "help",
    "coach",
    "required",
    "show_if",
    "weights",
    "reverse",
    "options",
    "max_length",
    "question",
    "is",
    "in",
    "at_least",
    "at_most",
    "answered",
    "all",
    "any",
    "not",
    "assessment",
    "answers",
    "notes",
    "session",
    "fingerprint",
    "complete",
    "position",
];

/// Strings that mean something somewhere: types, ids of the sample, tracks.
const WORDS: &[&str] = &[
    "likert",
    "choice",
    "multi",
    "rank",
    "text",
    "sample-paths",
    "build",
    "guide",
    "plan",
    "tinker",
    "role",
    "make",
    "help",
    "tools",
    "code",
    "order",
    "ship",
    "1",
    "",
    " ",
    "\u{1b}[2J",
    "\u{202e}",
    "a\nb",
];

fn key() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => prop::sample::select(KEYS).prop_map(|k| Value::String(k.into())),
        1 => "[a-z_]{0,8}".prop_map(Value::String),
        1 => any::<i64>().prop_map(|n| Value::Number(n.into())),
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
    ]
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..12).prop_map(|n| Value::Number(n.into())),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        prop::sample::select(
            &[
                0.5,
                -0.5,
                1e308,
                -1e308,
                f64::MIN_POSITIVE,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NAN,
            ][..]
        )
        .prop_map(|f| Value::Number(f.into())),
        any::<f64>().prop_map(|f| Value::Number(f.into())),
        prop::sample::select(WORDS).prop_map(|w| Value::String(w.into())),
        prop::sample::select(KEYS).prop_map(|w| Value::String(w.into())),
        any::<String>().prop_map(Value::String),
    ]
}

/// Trees of mappings (keys mostly real key names), sequences and scalars.
fn tree() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Sequence),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|pairs| Value::Mapping(pairs.into_iter().collect::<Mapping>())),
        ]
    })
}

fn to_yaml(v: &Value) -> String {
    serde_yaml::to_string(v).unwrap_or_default()
}

/// Every node of a document, by its path of child positions.
fn paths(v: &Value, at: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    out.push(at.clone());
    let children: Vec<&Value> = match v {
        Value::Sequence(s) => s.iter().collect(),
        Value::Mapping(m) => m.values().collect(),
        _ => Vec::new(),
    };
    for (i, c) in children.into_iter().enumerate() {
        at.push(i);
        paths(c, at, out);
        at.pop();
    }
}

fn node_mut<'a>(v: &'a mut Value, path: &[usize]) -> &'a mut Value {
    match path.split_first() {
        None => v,
        Some((i, rest)) => match v {
            Value::Sequence(s) => node_mut(&mut s[*i], rest),
            Value::Mapping(m) => node_mut(m.values_mut().nth(*i).unwrap(), rest),
            _ => unreachable!(),
        },
    }
}

/// `doc` with the `pick`-th node (in document order) replaced by `with`.
fn replace_node(doc: &[u8], pick: prop::sample::Index, with: Value) -> String {
    let mut v: Value = serde_yaml::from_slice(doc).unwrap();
    let mut all = Vec::new();
    paths(&v, &mut Vec::new(), &mut all);
    *node_mut(&mut v, &all[pick.index(all.len())]) = with;
    to_yaml(&v)
}

/// `doc` with a few bytes replaced, inserted or removed.
fn mutate(doc: &[u8], edits: &[(prop::sample::Index, u8, u8)]) -> Vec<u8> {
    let mut out = doc.to_vec();
    for (at, kind, byte) in edits {
        let i = at.index(out.len() + 1);
        match kind % 3 {
            0 if i < out.len() => out[i] = *byte,
            1 => out.insert(i, *byte),
            _ if i < out.len() => {
                out.remove(i);
            }
            _ => {}
        }
    }
    out
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_as_an_assessment(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        load_and_score(&bytes);
    }

    #[test]
    fn arbitrary_text_as_an_assessment(text in any::<String>()) {
        load_and_score(text.as_bytes());
    }

    #[test]
    fn arbitrary_bytes_as_answers(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        read_as_answers(&bytes);
    }

    #[test]
    fn arbitrary_bytes_as_a_header(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        let _ = parse_file("prop.yaml", &bytes);
    }

    #[test]
    fn yaml_trees_as_every_kind_of_file(v in tree(), format in any::<bool>()) {
        let mut v = v;
        // Most documents that matter start with `format: 1`.
        if let (true, Value::Mapping(m)) = (format, &mut v) {
            m.insert("format".into(), 1.into());
        }
        let text = to_yaml(&v);
        load_and_score(text.as_bytes());
        read_as_answers(text.as_bytes());
    }

    #[test]
    fn the_sample_with_one_node_replaced(pick in any::<prop::sample::Index>(), with in tree()) {
        load_and_score(replace_node(SAMPLE, pick, with).as_bytes());
    }

    #[test]
    fn answers_with_one_node_replaced(pick in any::<prop::sample::Index>(), with in tree()) {
        read_as_answers(replace_node(ANSWERS, pick, with).as_bytes());
    }

    #[test]
    fn assessments_with_a_few_bytes_changed(
        quick in any::<bool>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), any::<u8>()), 1..8),
    ) {
        let doc = if quick { QUICK_CHECK } else { SAMPLE };
        load_and_score(&mutate(doc, &edits));
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn sessions_with_a_few_bytes_changed(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), any::<u8>()), 0..8),
        fingerprint in prop::sample::select(&["", "0000000000000000", "e48cc408d35bd8ab"][..]),
    ) {
        let mut doc = String::from_utf8(ANSWERS.to_vec()).unwrap();
        if !fingerprint.is_empty() {
            doc.push_str(&format!("session:\n  fingerprint: \"{fingerprint}\"\n  complete: false\n"));
        }
        load_as_session(&mutate(doc.as_bytes(), &edits));
    }
}

#[test]
fn the_session_seed_fingerprint_is_the_samples() {
    // sessions_with_a_few_bytes_changed uses it to reach the strict path.
    assert_eq!(session::fingerprint(SAMPLE), "e48cc408d35bd8ab");
}

fn regressions() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "bin" || e == "yaml"))
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
}

/// Every input a fuzzer once found goes through every reader, each within
/// 5 seconds and without a panic.
#[test]
fn regressions_return_without_panicking() {
    for path in regressions() {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.display().to_string();
        let (tx, rx) = std::sync::mpsc::channel();
        let worker = std::thread::spawn(move || {
            every_reader(&bytes);
            let _ = tx.send(());
        });
        match rx.recv_timeout(Duration::from_secs(5)) {
            Ok(()) => worker.join().unwrap(),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                if let Err(panic) = worker.join() {
                    eprintln!("{name} panicked");
                    std::panic::resume_unwind(panic)
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                panic!("{name} took more than 5 s")
            }
        }
    }
}

/// Every `NAME.assessment.yaml` + `NAME.answers.yaml` pair in
/// tests/regressions/ either is refused for a limit (the weights of finding
/// 1 of docs/fuzzing.md) or loads, and its score keeps every track and
/// section in [0, 100] (or unscored), give or take the ulp of rounding that
/// the contract's formula, evaluated as written, leaves (finding 2).
#[test]
fn regression_pairs_are_refused_for_a_limit_or_score_in_range() {
    for path in regressions() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".assessment.yaml") else {
            continue;
        };
        let a = match assessment::load(&name, &std::fs::read(&path).unwrap()) {
            Ok((a, _)) => a,
            Err(r) => {
                let message = r.to_string();
                assert!(message.contains("beyond the limit"), "{name}: {message}");
                continue;
            }
        };
        let answers_path = path.with_file_name(format!("{stem}.answers.yaml"));
        let file = read_answers("answers", &std::fs::read(&answers_path).unwrap(), &a)
            .unwrap_or_else(|r| panic!("{} is rejected: {r}", answers_path.display()));
        let s = score(&a, &file.answers);
        for t in &s.tracks {
            assert!(
                t.score.is_none_or(|v| (-1e-9..=100.0 + 1e-9).contains(&v)),
                "{stem}: track {} scores {:?}",
                a.tracks[t.track].id,
                t.score
            );
        }
        for sec in &s.sections {
            for v in &sec.scores {
                assert!(
                    v.is_none_or(|v| (-1e-9..=100.0 + 1e-9).contains(&v)),
                    "{stem}: section score {v:?}"
                );
            }
        }
    }
}
