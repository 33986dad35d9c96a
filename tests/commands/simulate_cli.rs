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
