//! Problems in answers and session files are pointed at by line and column,
//! at the key or value that is wrong, as `validate` points into assessments.

use assert_cmd::Command;
use crossroads::answers::read_answers;
use crossroads::assessment::{Assessment, load};

const SAMPLE: &[u8] = include_bytes!("../conformance/sample.yaml");
const SAMPLE_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");

fn sample() -> Assessment {
    load("sample.yaml", SAMPLE).unwrap().0
}

/// Every error line `read_answers` gives for `text`.
fn errors(text: &str) -> Vec<String> {
    read_answers("a.yaml", text.as_bytes(), &sample())
        .unwrap_err()
        .lines(false)
}

#[test]
fn an_unknown_question_id_points_at_the_key() {
    let lines = errors("assessment: sample-paths\nanswers:\n  role: make\n  tinkr: 3\n");
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("a.yaml:4:3: error: answers.tinkr: unknown question id \"tinkr\""),
        "{lines:?}"
    );
}

#[test]
fn a_wrong_answer_points_at_the_value() {
    let lines = errors("assessment: sample-paths\nanswers:\n  role: make\n  tinker:   9\n");
    assert!(
        lines[0].starts_with("a.yaml:4:13: error: answers.tinker:"),
        "{lines:?}"
    );
    let lines = errors("assessment: sample-paths\nanswers:\n  role: maek\n");
    assert!(
        lines[0].starts_with("a.yaml:3:9: error: answers.role:"),
        "{lines:?}"
    );
    assert!(lines[0].contains("did you mean \"make\""), "{lines:?}");
    let lines = errors(
        "assessment: sample-paths\nanswers:\n  role: make\n  tools:\n    - code\n    - cod\n",
    );
    assert!(
        lines[0].starts_with("a.yaml:5:5: error: answers.tools:"),
        "{lines:?}"
    );
}

#[test]
fn every_problem_of_the_file_is_reported_in_file_order() {
    let text = "assessment: sample-paths\n\
                answrs: {}\n\
                answers:\n\
                \x20 tinker: high\n\
                \x20 role: make\n\
                \x20 role: help\n\
                notes:\n\
                \x20 tinker: [a list]\n\
                session: 5\n";
    let lines = errors(text);
    let places: Vec<&str> = lines
        .iter()
        .map(|l| l.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        places,
        [
            "a.yaml:2:1",
            "a.yaml:4:11",
            "a.yaml:6:3",
            "a.yaml:8:11",
            "a.yaml:9:10"
        ],
        "{lines:#?}"
    );
    assert!(lines[0].contains("did you mean `answers`?"), "{lines:?}");
    assert!(lines[2].contains("answered twice"), "{lines:?}");
    assert!(
        lines[4].contains("`session` must be a mapping"),
        "{lines:?}"
    );
}

#[test]
fn a_missing_required_answer_points_at_the_answers_mapping() {
    let lines = errors("assessment: sample-paths\nanswers:\n  tinker: 3\n");
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("a.yaml:2:1: error: answers.role: question \"role\" is required"),
        "{lines:?}"
    );
}

#[test]
fn a_file_for_another_assessment_points_at_its_assessment_line() {
    let lines = errors("# mine\nassessment:   career-tracks\nanswers: {}\n");
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("a.yaml:2:15: error: assessment:"),
        "{lines:?}"
    );
}

#[test]
fn a_key_written_twice_at_the_top_is_refused_where_it_is_repeated() {
    let err = read_answers(
        "a.yaml",
        b"assessment: sample-paths\nanswers: {role: make}\nanswers: {}\n",
        &sample(),
    )
    .unwrap_err();
    let line = &err.lines(false)[0];
    assert!(line.starts_with("a.yaml:3:1: error:"), "{line}");
    assert!(line.contains("`answers` is written twice"), "{line}");
}

#[test]
fn an_answer_to_a_hidden_question_is_warned_about_where_it_is_written() {
    let file = read_answers(
        "a.yaml",
        b"assessment: sample-paths\nanswers:\n  role: make\n  mentoring: 4\n",
        &sample(),
    )
    .unwrap();
    assert_eq!(file.warnings.len(), 1);
    assert!(
        file.warnings[0]
            .display_in("a.yaml")
            .starts_with("a.yaml:4:3: warning: answers.mentoring:"),
        "{:?}",
        file.warnings
    );
}

#[test]
fn score_prints_each_problem_at_its_line_and_column_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.yaml");
    std::fs::write(
        &path,
        "assessment: sample-paths\nanswers:\n  role: make\n  tinker: \"4\"\n",
    )
    .unwrap();
    let out = Command::cargo_bin("crossroads")
        .unwrap()
        .args(["score", SAMPLE_PATH, "--answers"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let expected = format!("{}:4:11: error: answers.tinker:", path.display());
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert!(
        stderr.contains("write the number without quotes: 4"),
        "{stderr}"
    );
}

#[test]
fn run_names_the_line_and_column_of_a_broken_session_file_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.yaml");
    let text = "assessment: sample-paths\nanswers:\n  role: make\n  tinker: 12\n";
    std::fs::write(&path, text).unwrap();
    let out = Command::cargo_bin("crossroads")
        .unwrap()
        .args(["run", SAMPLE_PATH, "--plain", "--session"])
        .arg(&path)
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("line 4, column 11: answers.tinker:"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_note_written_twice_is_refused_where_it_is_repeated() {
    let lines =
        errors("assessment: sample-paths\nanswers:\n  role: make\nnotes:\n  role: a\n  role: b\n");
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0]
            .starts_with("a.yaml:6:3: error: notes.role: the note on \"role\" is written twice"),
        "{lines:?}"
    );
}

#[test]
fn aliases_in_an_answers_file_are_bounded_far_below_an_assessment_s() {
    // Ten aliases of ten, eight deep: a hundred million events if expanded.
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9 {
        let prev = format!("*a{}", i - 1);
        text.push_str(&format!(
            "a{i}: &a{i} [{}]\n",
            [prev.as_str(); 10].join(", ")
        ));
    }
    text.push_str("assessment: sample-paths\nanswers: {role: make, dream: *a8}\n");
    let lines = errors(&text);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("expands too many YAML aliases"),
        "{lines:?}"
    );
}

#[test]
fn warnings_are_in_file_order() {
    let file = read_answers(
        "a.yaml",
        b"assessment: sample-paths\nanswers:\n  role: make\n  mentoring: 4\nnotes:\n  zz: kept\n",
        &sample(),
    )
    .unwrap();
    let places: Vec<Option<(usize, usize)>> =
        file.warnings.iter().map(|w| w.line_column()).collect();
    assert_eq!(places, [Some((4, 3)), Some((6, 3))]);
}

#[test]
fn a_question_is_found_by_id_from_any_place_in_the_file() {
    // Answers are looked for first just after the last one answered; that
    // must find what the lookup finds, or nothing when the id is unknown.
    let a = sample();
    let n = a.questions.len();
    for after in std::iter::once(None).chain((0..n + 2).map(Some)) {
        for q in &a.questions {
            let id = q.id.as_str();
            assert_eq!(a.question_index_after(id, after), a.question_index(id));
        }
        assert_eq!(a.question_index_after("no-such-question", after), None);
    }
}

#[test]
fn answers_in_any_order_read_as_in_file_order() {
    let answers = "  tinker: 4\n  calendar: 2\n  role: make\n  tools: [code, quiet]\n  \
                   order: [ship, coaching, offsite]\n  dream: Ship a tool\n";
    let read = |lines: Vec<&str>| {
        let text = format!("assessment: sample-paths\nanswers:\n{}\n", lines.join("\n"));
        read_answers("a.yaml", text.as_bytes(), &sample())
            .unwrap()
            .answers
    };
    let in_order: Vec<&str> = answers.lines().collect();
    let mut reversed = in_order.clone();
    reversed.reverse();
    assert_eq!(read(reversed), read(in_order.clone()));
    let mut rotated = in_order.clone();
    rotated.rotate_left(2);
    assert_eq!(read(rotated), read(in_order));
}
