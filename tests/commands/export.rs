//! `crossroads export` and `crossroads analyse`, run as the binary on
//! session files in a temporary data folder: every answer reads back
//! exactly as the session file holds it, no cell can run as a spreadsheet
//! formula, and a file that cannot be used is skipped with a warning.

use crossroads::analysis::export::unguard;
use serde_yaml::{Mapping, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_crossroads");
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");

/// Texts that a spreadsheet would run, or that break naive CSV.
const HOSTILE: [&str; 16] = [
    "=cmd|' /C calc'!A0",
    "+1",
    "@x",
    "-x",
    "-1",
    "\tstarts with a tab",
    "\rstarts with a return",
    "=1+1",
    "she said \"no\"",
    "a, b, and c",
    "two\nlines",
    "windows\r\nline",
    "'=already quoted",
    "  spaced  ",
    "plain words",
    "ünïcödé ✓",
];

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("XDG_DATA_HOME", data)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn yaml(v: &str) -> Value {
    serde_yaml::from_str(v).unwrap()
}

/// Writes a session of the sample assessment for `person` and returns its
/// answers mapping as written.
fn session(data: &Path, person: &str, file: &str, answers: &str, meta: &str) -> Mapping {
    let answers: Mapping = serde_yaml::from_str(answers).unwrap();
    let mut doc = Mapping::new();
    doc.insert(yaml("assessment"), yaml("sample-paths"));
    doc.insert(yaml("answers"), Value::Mapping(answers.clone()));
    let mut m: Mapping = serde_yaml::from_str(meta).unwrap();
    m.insert(yaml("name"), Value::String(person.into()));
    doc.insert(yaml("session"), Value::Mapping(m));
    let dir = data
        .join("crossroads/people")
        .join(file.split('/').next().unwrap());
    std::fs::create_dir_all(&dir).unwrap();
    let path = data.join("crossroads/people").join(format!("{file}.yaml"));
    std::fs::write(&path, serde_yaml::to_string(&doc).unwrap()).unwrap();
    answers
}

const DONE: &str =
    "{complete: true, started: '2026-03-03T10:15:00Z', updated: '2026-03-03T10:40:00Z'}";

/// One finished session per hostile text (also as the person's name), a
/// session whose `mentoring` answer is hidden (role is `make`), and one in
/// progress. Returns each session id with its answers as written.
fn group(data: &Path) -> Vec<(String, String, Mapping)> {
    let mut all = Vec::new();
    for (i, text) in HOSTILE.iter().enumerate() {
        let answers = format!(
            "{{tinker: {}, calendar: 2, role: help, mentoring: {}, tools: [talks, code], order: [coaching, ship, offsite], dream: {}}}",
            i % 4 + 1,
            i % 11,
            serde_json::to_string(text).unwrap()
        );
        let id = format!("p{i}/sample-paths-{i}");
        all.push((
            id.clone(),
            text.to_string(),
            session(data, text, &id, &answers, DONE),
        ));
    }
    let answers =
        "{tinker: 1, role: make, mentoring: 9, tools: [], order: [offsite, coaching, ship]}";
    all.push((
        "maker/s".into(),
        "Maker".into(),
        session(data, "Maker", "maker/s", answers, DONE),
    ));
    let progress = "{complete: false, skipped: [calendar], started: '2026-03-04T09:00:00Z'}";
    let answers = "{tinker: 4, role: decide}";
    all.push((
        "ongoing/s".into(),
        "On Going".into(),
        session(data, "On Going", "ongoing/s", answers, progress),
    ));
    all
}

/// What a cell must read back as: the answer in the session file, with
/// the export's separators; empty when there is none or it is hidden.
fn expected(answers: &Mapping, id: &str, hidden: bool) -> String {
    match answers.get(id) {
        _ if hidden => String::new(),
        None => String::new(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Sequence(list)) => {
            let ids: Vec<&str> = list.iter().map(|v| v.as_str().unwrap()).collect();
            ids.join(if id == "order" { ">" } else { ";" })
        }
        Some(other) => panic!("unexpected {other:?}"),
    }
}

const QUESTIONS: [&str; 8] = [
    "tinker",
    "calendar",
    "role",
    "mentoring",
    "tools",
    "order",
    "dream",
    "planner-depth",
];

#[test]
fn every_answer_reads_back_exactly_and_no_cell_can_run_as_a_formula() {
    let data = tempfile::tempdir().unwrap();
    let sessions = group(data.path());
    let root = data.path().join("crossroads");
    let out = run(data.path(), &["export", SAMPLE, root.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("mentoring"),
        "the hidden answer is warned about"
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let mut columns = vec![
        "session",
        "person",
        "assessment",
        "version",
        "started",
        "updated",
    ];
    columns.extend(QUESTIONS);
    columns.extend(["score_build", "score_guide", "score_plan"]);
    assert_eq!(header, columns);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), sessions.len());
    for row in &rows {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '@']), "{cell:?} could run");
            if cell.starts_with('-') {
                assert!(
                    cell.parse::<f64>().is_ok(),
                    "{cell:?} starts with - and is no number"
                );
            }
        }
        let (id, person, answers) = sessions.iter().find(|s| s.0 == unguard(&row[0])).unwrap();
        assert_eq!(unguard(&row[1]), person.trim(), "person of {id}");
        assert_eq!(&row[2], "sample-paths");
        let hidden = |q: &str| q == "mentoring" && id == "maker/s";
        for (i, q) in QUESTIONS.iter().enumerate() {
            assert_eq!(
                unguard(&row[6 + i]),
                expected(answers, q, hidden(q)),
                "{id} {q}"
            );
        }
        for score in 14..17 {
            assert!(
                row[score].parse::<f64>().is_ok(),
                "{id}: score {:?}",
                &row[score]
            );
        }
    }
    let ongoing = rows.iter().find(|r| &r[0] == "ongoing/s").unwrap();
    assert_eq!((&ongoing[4], &ongoing[5]), ("2026-03-04T09:00:00Z", ""));
}

#[test]
fn json_lines_hold_numbers_lists_and_texts_as_they_are() {
    let data = tempfile::tempdir().unwrap();
    let sessions = group(data.path());
    let people = data.path().join("crossroads/people");
    let out = run(
        data.path(),
        &[
            "export",
            SAMPLE,
            people.to_str().unwrap(),
            "--format",
            "jsonl",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), sessions.len());
    for line in &lines {
        let (id, _, answers) = sessions
            .iter()
            .find(|s| line["session"] == s.0.as_str())
            .unwrap();
        if id.starts_with('p') {
            let text = answers.get("dream").unwrap().as_str().unwrap();
            assert_eq!(line["dream"], text, "texts are not guarded in JSON");
            assert_eq!(line["tools"], serde_json::json!(["talks", "code"]));
            assert_eq!(
                line["order"],
                serde_json::json!(["coaching", "ship", "offsite"])
            );
            assert!(line["tinker"].is_i64() && line["score_plan"].is_f64());
        }
    }
    let maker = lines.iter().find(|l| l["session"] == "maker/s").unwrap();
    assert_eq!(maker["mentoring"], serde_json::Value::Null, "hidden");
    assert_eq!(
        maker["tools"],
        serde_json::json!([]),
        "none ticked is an answer"
    );
}

#[test]
fn files_that_cannot_be_used_are_skipped_with_a_warning() {
    let data = tempfile::tempdir().unwrap();
    group(data.path());
    let dir = data.path().join("crossroads/people/odd");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("broken.yaml"),
        "assessment: sample-paths\nanswers: [unclosed",
    )
    .unwrap();
    std::fs::write(
        dir.join("other.yaml"),
        "assessment: career-tracks\nanswers: {}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("wrong.yaml"),
        "assessment: sample-paths\nanswers: {tinker: 99}\n",
    )
    .unwrap();
    std::fs::write(dir.join("notes.md"), "not a session").unwrap();
    let one: PathBuf = data.path().join("crossroads/people/maker/s.yaml");
    let root = data.path().join("crossroads");
    // The same file named twice, alone and in its folder, is one row.
    let out = run(
        data.path(),
        &[
            "export",
            SAMPLE,
            root.to_str().unwrap(),
            one.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for name in ["broken.yaml", "other.yaml", "wrong.yaml"] {
        assert!(
            err.contains(&format!("{name}: warning: skipped")),
            "{name}: {err}"
        );
    }
    assert!(
        err.contains("\"career-tracks\", not \"sample-paths\""),
        "{err}"
    );
    assert!(!err.contains("notes.md"), "{err}");
    assert_eq!(
        stdout(&out)
            .lines()
            .filter(|l| l.starts_with("maker/s,"))
            .count(),
        1
    );
}

#[test]
fn nothing_to_export_is_invalid_input() {
    let data = tempfile::tempdir().unwrap();
    let out = run(
        data.path(),
        &["export", SAMPLE, data.path().to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no session of \"sample-paths\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn analyse_of_two_sessions_says_alpha_needs_three() {
    let data = tempfile::tempdir().unwrap();
    let a = "{tinker: 1, calendar: 2, role: help, mentoring: 3, tools: [code], order: [ship, offsite, coaching]}";
    let b = "{tinker: 4, calendar: 1, role: decide, mentoring: 8, tools: [talks], order: [coaching, ship, offsite]}";
    session(data.path(), "A", "a/s", a, DONE);
    session(data.path(), "B", "b/s", b, DONE);
    let people = data.path().join("crossroads/people");
    let out = run(data.path(), &["analyze", SAMPLE, people.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("too few respondents: 2 answered every item, alpha needs at least 3")
    );
    let out = run(
        data.path(),
        &[
            "analyse",
            SAMPLE,
            people.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["sessions"], 2);
    assert_eq!(json["tracks"][0]["alpha"], serde_json::Value::Null);
    assert_eq!(json["tracks"][0]["n"], 2);
    assert_eq!(json["group"]["tracks"][0]["id"], "build");
}
