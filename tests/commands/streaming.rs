//! `export` and `analyse` read one session file at a time and keep only
//! what they sum; what they print is the same, byte for byte, as when
//! they held every session (the snapshots were taken before the change).

use crossroads::simulate::sessions::{self, Origin};
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_crossroads");

/// 150 simulated career-tracks sessions, two in three finished.
fn group(data: &Path) {
    let a = crossroads::bundled::find("career-tracks")
        .unwrap()
        .load()
        .unwrap()
        .0;
    for (i, text) in sessions::files(&a, Origin::Bundled, 150).enumerate() {
        let folder = data.join(format!("crossroads/people/person-{i:03}"));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("career-tracks-20260101-000000.yaml"), text).unwrap();
    }
}

fn run(args: &[&str]) -> String {
    let data = tempfile::tempdir().unwrap();
    group(data.path());
    let folder = data.path().join("crossroads");
    let out = Command::new(BIN)
        .args(args)
        .arg(&folder)
        .env("XDG_DATA_HOME", data.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn export_as_csv_is_what_it_was_when_every_session_was_held() {
    insta::assert_snapshot!(run(&["export", "career-tracks", "--format", "csv"]));
}

#[test]
fn export_as_json_lines_is_what_it_was_when_every_session_was_held() {
    insta::assert_snapshot!(run(&["export", "career-tracks", "--format", "jsonl"]));
}

#[test]
fn analysis_as_text_is_what_it_was_when_every_session_was_held() {
    insta::assert_snapshot!(run(&["analyse", "career-tracks", "--format", "text"]));
}

#[test]
fn analysis_as_json_is_what_it_was_when_every_session_was_held() {
    insta::assert_snapshot!(run(&["analyse", "career-tracks", "--format", "json"]));
}
