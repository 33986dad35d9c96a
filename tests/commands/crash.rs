//! Crash safety of the real binary: SIGKILL at many moments while answers
//! are saved never leaves a broken session or loses a confirmed answer;
//! SIGTERM and SIGHUP save and restore the terminal.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_crossroads");
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");

use crate::support;

use support::tmux::{Tmux, pid_of, wait_for_file};

/// The answers `score` reads from a session file (it must accept it).
fn scored_answers(session: &Path) -> serde_json::Value {
    let out = Command::new(BIN)
        .args(["score", SAMPLE, "--answers"])
        .arg(session)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "score refused the session: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn sigkill_at_many_moments_leaves_a_whole_session_with_every_confirmed_answer() {
    // A small deterministic generator picks when to kill.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..12 {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.yaml");
        let cmd = format!("{BIN} run {SAMPLE} --session {}", session.display());
        let t = Tmux::start(&format!("kill{round}"), 80, 24, &format!("{cmd}; sleep 30"));
        t.wait_for("Sample paths");
        t.keys(&["Enter"]);
        t.wait_for("Question 1 of");
        let confirmed = (next() % 4) as usize;
        for n in 0..confirmed {
            t.keys(&["2", "Enter"]);
            t.wait_for(&format!("Question {} of", n + 2));
        }
        // More answers are on their way when the kill comes.
        t.keys(&["3", "Enter", "1", "Enter", "2", "Enter"]);
        std::thread::sleep(Duration::from_millis(next() % 25));
        let pid = pid_of(&cmd);
        Command::new("kill").args(["-9", &pid]).status().unwrap();
        let v = scored_answers(&session);
        let answered = v["answered"].as_u64().unwrap() as usize;
        assert!(
            answered >= confirmed,
            "round {round}: {answered} answers on disk, {confirmed} confirmed"
        );
        let text = std::fs::read_to_string(&session).unwrap();
        if confirmed >= 1 {
            assert!(text.contains("tinker: 2"), "round {round}: {text}");
        }
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.len() <= 1, "temporary files pile up");
    }
}

fn signal_saves_and_restores(signal: &str, code: u8) {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.yaml");
    let after = dir.path().join("after.txt");
    let cmd = format!("{BIN} run {SAMPLE} --session {}", session.display());
    let t = Tmux::start(
        &format!("sig{code}"),
        80,
        24,
        &format!(
            "{cmd}; echo \"exit=$?\" > {}; stty -a >> {}; sleep 30",
            after.display(),
            after.display()
        ),
    );
    t.wait_for("Sample paths");
    t.keys(&["Enter"]);
    t.wait_for("Question 1 of");
    t.keys(&["4", "Enter"]);
    t.wait_for("Question 2 of");
    t.keys(&["3"]);
    std::thread::sleep(Duration::from_millis(150));
    let pid = pid_of(&cmd);
    Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .unwrap();
    let report = wait_for_file(&after, "icanon");
    assert!(report.starts_with(&format!("exit={code}")), "{report}");
    assert!(
        report.contains(" icanon") && report.contains(" echo"),
        "terminal not restored: {report}"
    );
    let v = scored_answers(&session);
    assert_eq!(v["answered"], 2, "both answers saved");
}

#[test]
fn sigterm_saves_the_answers_and_restores_the_terminal() {
    signal_saves_and_restores("TERM", 143);
}

#[test]
fn sighup_saves_the_answers_and_restores_the_terminal() {
    signal_saves_and_restores("HUP", 129);
}

/// Runs `crossroads run SAMPLE --session FILE` with piped input (plain mode).
fn run_with_session(session: &Path) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .args(["run", SAMPLE, "--session"])
        .arg(session)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(b"\n1\n");
    child.wait_with_output().unwrap()
}

fn assert_refused_untouched(contents: &[u8], why: &str) {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.yaml");
    std::fs::write(&session, contents).unwrap();
    let out = run_with_session(&session);
    assert_eq!(out.status.code(), Some(1), "{why}");
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| !l.contains("plain mode is used"))
        .collect();
    assert_eq!(lines.len(), 1, "one sentence for {why}: {err}");
    assert!(lines[0].contains("left untouched"), "{err}");
    assert_eq!(
        std::fs::read(&session).unwrap(),
        contents,
        "{why}: the file was changed"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "{why}: nothing written beside it"
    );
}

#[test]
fn a_truncated_session_file_is_refused_and_never_overwritten() {
    let whole = "assessment: sample-paths\nanswers:\n  tinker: 2\n  role: make\nsession:\n  fingerprint: x\n";
    assert_refused_untouched(&whole.as_bytes()[..whole.len() - 30], "a truncated file");
}

#[test]
fn a_session_file_that_is_not_utf8_is_refused_and_never_overwritten() {
    assert_refused_untouched(
        b"assessment: sample-paths\nanswers:\n  dream: \"\xff\xfe\"\n",
        "bytes that are not UTF-8",
    );
}

#[test]
fn a_session_of_another_assessment_is_refused_and_never_overwritten() {
    assert_refused_untouched(
        b"assessment: career-tracks\nanswers:\n  enjoy-horizon: 4\n",
        "another assessment",
    );
}

#[test]
fn a_session_file_cut_short_at_a_line_end_is_refused() {
    // A whole session written by the app, then cut after its answers.
    let a = crossroads::assessment::load("sample.yaml", &std::fs::read(SAMPLE).unwrap())
        .unwrap()
        .0;
    let mut answers = crossroads::answers::Answers::new(a.questions.len());
    answers.set(0, Some(crossroads::answers::Answer::Likert(2)));
    let whole = crossroads::session::render(&a, &answers, &crossroads::session::Meta::default());
    let cut = &whole[..whole.find("session:").unwrap()];
    assert_refused_untouched(cut.as_bytes(), "a file cut at a line end");
}
