//! `crossroads simulate` end to end: the binary reads an assessment as
//! `score` does and prints tables or JSON.
#![cfg(feature = "tui")]

use assert_cmd::Command;

fn simulate(args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("crossroads")
        .unwrap()
        .arg("simulate")
        .args(args)
        .assert()
}

#[test]
fn it_prints_tables_for_a_bundled_id_and_json_that_parses() {
    let text = simulate(&["quick-check", "--respondents", "20"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("accuracy: track in the top set"), "{text}");
    assert!(text.contains("agree-all"), "{text}");
    let json = simulate(&[
        "quick-check",
        "--respondents",
        "20",
        "--format",
        "json",
        "--seed",
        "7",
    ])
    .success()
    .get_output()
    .stdout
    .clone();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(v["seed"], 7);
    assert_eq!(v["respondents"], 20);
}

#[test]
fn it_reads_a_path_like_score_and_refuses_what_score_refuses() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");
    simulate(&[sample, "--respondents", "10"]).success();
    simulate(&["no-such-assessment"]).code(1);
    simulate(&["quick-check", "--respondents", "0"]).code(2);
    simulate(&["quick-check", "--format", "yaml"]).code(2);
}

/// On a terminal, a long run shows its progress, and Ctrl-C stops it
/// cleanly: the progress line wiped (the echoed `^C` with it), a sentence
/// saying how far it got and that no report was written, exit status 130.
#[test]
fn on_a_terminal_a_long_run_shows_progress_and_ctrl_c_stops_it_with_130() {
    use crate::support::tmux::{Tmux, wait_for_file};
    let bin = env!("CARGO_BIN_EXE_crossroads");
    let dir = tempfile::tempdir().unwrap();
    let (out, after) = (dir.path().join("out.txt"), dir.path().join("after.txt"));
    // Minutes of work: 8 populations of 100,000 respondents.
    let cmd = format!(
        "{bin} simulate career-tracks --respondents 100000 > {}; echo \"exit=$?\" > {}; sleep 30",
        out.display(),
        after.display()
    );
    let t = Tmux::start("simulate-ctrl-c", 80, 24, &cmd);
    let s = t.wait_for(" of 800,000 respondents, ");
    assert!(s.contains("elapsed, about"), "{s}");
    assert!(
        s.contains("8 × 100,000 respondents of 53 questions. Ctrl-C stops it."),
        "a long run says up front how long it will take: {s}"
    );
    t.keys(&["C-c"]);
    let status = wait_for_file(&after, "exit=");
    assert_eq!(status.trim(), "exit=130");
    let s = t.wait_for("Stopped after ");
    assert!(
        s.contains(" of 800,000 respondents; no report was written."),
        "{s}"
    );
    assert!(
        !s.contains("elapsed") && !s.contains("^C"),
        "line not wiped: {s}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "", "no report");
}

/// Not on a terminal (a pipe, a file, CI), nothing is drawn: standard
/// error stays empty however long the run.
#[test]
fn off_a_terminal_nothing_is_drawn_on_standard_error() {
    let run = simulate(&["career-tracks", "--respondents", "1500"]).success();
    assert!(run.get_output().stderr.is_empty());
}
