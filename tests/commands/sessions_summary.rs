//! `sessions` lists a session from its summary line only while the line's
//! digest matches the file: a hand-edited file, one without a summary and
//! one with a forged summary are listed with the counts of a full read.

use crossroads::answers::read_answers;
use crossroads::assessment::Assessment;
use crossroads::simulate::sessions::{self, Origin};
use std::path::Path;

fn career_tracks() -> Assessment {
    crossroads::bundled::find("career-tracks")
        .unwrap()
        .load()
        .unwrap()
        .0
}

/// A session as the app saves it, of someone who finished.
fn saved(a: &Assessment) -> String {
    sessions::files(a, Origin::Bundled, 2).nth(1).unwrap()
}

/// (answered, total) as a full read of `text` counts them.
fn counted(a: &Assessment, text: &str) -> (u64, u64) {
    let file = read_answers("s.yaml", text.as_bytes(), a).unwrap();
    let (n, m) = crossroads::scoring::progress(a, &file.answers);
    (n as u64, m as u64)
}

/// (answered, total) as `sessions --format json` lists the one file `text`.
fn listed(text: &str) -> (u64, u64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir
        .path()
        .join("people/ana/career-tracks-20260101-000000.yaml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    let rows = json(dir.path());
    let row = &rows[0];
    assert_eq!(row["person"], "Person 00001", "{row}");
    (
        row["answered"].as_u64().unwrap(),
        row["total"].as_u64().unwrap(),
    )
}

fn json(dir: &Path) -> serde_json::Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_crossroads"))
        .args(["sessions", "--format", "json", "--dir"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `text` with its summary line replaced by `line`.
fn with_summary(text: &str, line: &str) -> String {
    let at = text.rfind("# summary: ").unwrap();
    format!("{}{line}\n# end of session\n", &text[..at])
}

#[test]
fn a_saved_session_is_listed_with_the_counts_of_its_answers() {
    let a = career_tracks();
    let text = saved(&a);
    assert!(text.contains("# summary: "));
    assert_eq!(listed(&text), counted(&a, &text));
}

#[test]
fn a_session_whose_answers_were_edited_by_hand_is_listed_with_its_true_count() {
    let a = career_tracks();
    let text = saved(&a);
    let answer = text.lines().find(|l| l.starts_with("  ")).unwrap();
    let edited = text.replacen(&format!("{answer}\n"), "", 1);
    let (answered, total) = counted(&a, &text);
    assert_eq!(listed(&edited), (answered - 1, total));
}

#[test]
fn a_session_without_a_summary_is_listed_as_before() {
    let a = career_tracks();
    let text = saved(&a);
    let old = text.replacen(
        &text[text.rfind("# summary: ").unwrap()..],
        "# end of session\n",
        1,
    );
    assert_eq!(listed(&old), counted(&a, &text));
}

#[test]
fn a_hostile_summary_changes_nothing_shown() {
    let a = career_tracks();
    let text = saved(&a);
    let before = &text[..text.rfind("# summary: ").unwrap()];
    let digest = crossroads::source::fingerprint(before.as_bytes());
    let truth = counted(&a, &text);
    for line in [
        // More questions than the assessment has, though the digest fits.
        format!("# summary: answered=900 total=900 digest={digest}"),
        format!(
            "# summary: answered=99999999999999999999 total=99999999999999999999 digest={digest}"
        ),
        "# summary: answered=1 total=2 digest=0123456789abcdef".to_string(),
        format!("# summary: answered=1\u{1b}[2J total=2 digest={digest}"),
    ] {
        assert_eq!(listed(&with_summary(&text, &line)), truth, "{line:?}");
    }
}
