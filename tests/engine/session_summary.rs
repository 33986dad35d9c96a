//! The summary line of a session file: written on every save with the
//! counts a full read gives, and trusted only while its digest matches the
//! rest of the file, so that a hand edit or a forged line is read in full.

use crossroads::answers::{Answer, Answers, read_answers};
use crossroads::assessment::Assessment;
use crossroads::session::{self, Meta, summary};
use crossroads::simulate::sessions::{self, Origin};

fn career_tracks() -> Assessment {
    crossroads::bundled::find("career-tracks")
        .unwrap()
        .load()
        .unwrap()
        .0
}

/// Three sessions as the app saves them: one part way, two finished.
fn saved(a: &Assessment) -> Vec<String> {
    sessions::files(a, Origin::Bundled, 3).collect()
}

#[test]
fn a_saved_session_carries_a_summary_that_matches_its_answers() {
    let a = career_tracks();
    for text in saved(&a) {
        let s = summary::read("s.yaml", text.as_bytes()).expect("a summary");
        let full = read_answers("s.yaml", text.as_bytes(), &a).unwrap();
        let progress = crossroads::scoring::progress(&a, &full.answers);
        assert_eq!((s.answered, s.total), progress);
        assert_eq!(s.assessment.as_deref(), Some("career-tracks"));
        assert_eq!(Some(s.meta), full.session);
    }
}

#[test]
fn a_session_whose_answers_were_edited_by_hand_has_no_summary_to_trust() {
    let text = saved(&career_tracks()).remove(1);
    let answer = text.lines().find(|l| l.starts_with("  ")).unwrap();
    let edited = text.replacen(&format!("{answer}\n"), "", 1);
    assert!(summary::read("s.yaml", edited.as_bytes()).is_none());
}

/// The file with its summary line replaced by `line`.
fn with_summary(text: &str, line: &str) -> String {
    let at = text.rfind("# summary: ").unwrap();
    format!("{}{line}\n# end of session\n", &text[..at])
}

#[test]
fn a_hostile_summary_is_not_trusted() {
    let text = saved(&career_tracks()).remove(1);
    let before = &text[..text.rfind("# summary: ").unwrap()];
    let digest = crossroads::source::fingerprint(before.as_bytes());
    for line in [
        format!(
            "# summary: answered=99999999999999999999 total=99999999999999999999 digest={digest}"
        ),
        format!("# summary: answered=9 total=3 digest={digest}"),
        format!("# summary: answered=-5 total=53 digest={digest}"),
        "# summary: answered=5 total=53 digest=0123456789abcdef".to_string(),
        format!("# summary: answered=5\u{1b}[2J total=53 digest={digest}"),
        format!("# summary: answered=5 total=53 digest={digest} \u{7}"),
    ] {
        let forged = with_summary(&text, &line);
        assert!(
            summary::read("s.yaml", forged.as_bytes()).is_none(),
            "{line:?}"
        );
    }
}

#[test]
fn a_file_without_a_summary_line_has_none() {
    let text = saved(&career_tracks()).remove(1);
    let old = text.replacen(
        &text[text.rfind("# summary: ").unwrap()..],
        "# end of session\n",
        1,
    );
    assert!(summary::read("s.yaml", old.as_bytes()).is_none());
}

#[test]
fn a_finished_session_that_lacks_a_required_answer_has_no_summary() {
    // The full read refuses it, so its counts are left to that read.
    let a =
        crossroads::assessment::load("sample.yaml", include_bytes!("../conformance/sample.yaml"))
            .unwrap()
            .0;
    let mut answers = Answers::new(a.questions.len());
    answers.set(0, Some(Answer::Likert(2)));
    let meta = Meta {
        complete: true,
        ..Meta::default()
    };
    assert!(!session::render(&a, &answers, &meta).contains("# summary: "));
    let unfinished = Meta::default();
    assert!(session::render(&a, &answers, &unfinished).contains("# summary: answered=1 "));
}
