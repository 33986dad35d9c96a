//! The session file: written byte for byte as before, old files load, and a
//! file whose answers cannot be read is refused rather than replaced.

use crossroads::answers::{Answer, Answers, parse_file};
use crossroads::assessment::Assessment;
use crossroads::session::{self, Meta, SessionError, Timestamp};

const SAMPLE: &[u8] = include_bytes!("../conformance/sample.yaml");

fn sample() -> Assessment {
    crossroads::assessment::load("sample.yaml", SAMPLE)
        .unwrap()
        .0
}

/// Writes `text` as a session file and loads it with `fingerprint` as the
/// assessment's current one.
fn load(text: &str, fingerprint: &str) -> (Result<session::Loaded, SessionError>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.yaml");
    std::fs::write(&path, text).unwrap();
    let loaded = session::load(&path, &sample(), fingerprint);
    (loaded, std::fs::read_to_string(&path).unwrap())
}

#[test]
fn a_session_is_written_exactly_as_before() {
    let a = sample();
    let mut answers = Answers::new(a.questions.len());
    answers.set(0, Some(Answer::Likert(2)));
    assert_eq!(
        session::render(&a, &answers, &Meta::default()),
        "# crossroads session: a valid answers file (`crossroads score sample-paths --answers THIS_FILE`)
assessment: sample-paths
answers:
  tinker: 2
session:
  assessment_path: null
  bundled: null
  fingerprint: ''
  position: null
  complete: false
  started: ''
  updated: ''
  own_notes: true
# summary: answered=1 total=7 digest=6b7b2e23266b980d
# end of session
"
    );
    // Finished without the required `role`: no summary (see session_summary).
    answers
        .notes
        .insert("q1".into(), "a note: with 'quotes'\nand lines".into());
    let meta = Meta {
        assessment_path: Some("x/y.yaml".into()),
        bundled: None,
        fingerprint: "abc".into(),
        position: Some("q2".into()),
        complete: true,
        started: "2026-11-24T09:30:00Z".parse().ok(),
        updated: "2026-11-25T12:00:00Z".parse().ok(),
        name: Some("Ada".into()),
        note: Some("whole".into()),
        coach: true,
        ..Meta::default()
    };
    assert_eq!(
        session::render(&a, &answers, &meta),
        "# crossroads session: a valid answers file (`crossroads score x/y.yaml --answers THIS_FILE`)
assessment: sample-paths
answers:
  tinker: 2
notes:
  q1: |-
    a note: with 'quotes'
    and lines
session:
  assessment_path: x/y.yaml
  bundled: null
  fingerprint: abc
  position: q2
  complete: true
  started: 2026-11-24T09:30:00Z
  updated: 2026-11-25T12:00:00Z
  coach: true
  name: Ada
  note: whole
  own_notes: true
# end of session
"
    );
}

#[test]
fn an_old_file_with_keys_this_version_does_not_know_loads() {
    let text = "assessment: sample-paths\nanswers:\n  tinker: 2\nsession:\n  bundled: null\n  fingerprint: f00\n  started: ''\n  updated: 2026-11-25T12:00:00Z\n  from_the_future: [1, 2]\n";
    let (loaded, _) = load(text, "f00");
    let loaded = loaded.unwrap();
    assert_eq!(loaded.answers.count(), 1);
    assert_eq!(loaded.meta.fingerprint, "f00");
    assert_eq!(loaded.meta.started, None);
    let updated = loaded.meta.updated.unwrap();
    assert_eq!(updated.words(), "2026-11-25 12:00 UTC");
    assert_eq!(updated.date(), "25 November 2026");
}

#[test]
fn unreadable_answers_of_a_changed_assessment_are_refused_and_the_file_kept() {
    for answers in ["[tinker, 2]", "just some text", "3"] {
        let text =
            format!("assessment: sample-paths\nanswers: {answers}\nsession:\n  fingerprint: old\n");
        let (loaded, after) = load(&text, "new");
        match loaded {
            Err(SessionError::Broken(m)) => {
                assert!(m.contains("not a mapping of question id to answer"), "{m}");
                assert!(m.contains("left untouched"), "{m}");
            }
            other => panic!("{answers}: {other:?}"),
        }
        assert_eq!(after, text);
    }
    let text = "assessment: sample-paths\nanswers: {}\nnotes: [a]\nsession:\n  fingerprint: old\n";
    assert!(matches!(load(text, "new").0, Err(SessionError::Broken(_))));
}

#[test]
fn a_time_that_is_not_one_is_refused_in_a_sentence() {
    let text = "assessment: sample-paths\nanswers: {}\nsession:\n  fingerprint: f00\n  updated: last tuesday\n";
    match load(text, "f00").0 {
        Err(SessionError::Broken(m)) => assert!(
            m.contains("\"last tuesday\" is not a time; write it as YYYY-MM-DDTHH:MM:SSZ"),
            "{m}"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn one_parse_says_which_assessment_and_session_a_file_belongs_to() {
    let text = "assessment: sample-paths\nanswers: {}\nsession: { bundled: x, updated: '2026-06-01T00:00:00Z' }\n";
    let parsed = parse_file("s.yaml", text.as_bytes()).unwrap();
    assert_eq!(parsed.assessment_id(), Some("sample-paths"));
    let meta = parsed.meta().unwrap();
    assert_eq!(meta.bundled.as_deref(), Some("x"));
    assert_eq!(
        meta.updated,
        "2026-06-01T00:00:00Z".parse::<Timestamp>().ok()
    );
    let file = parsed.check(&sample()).unwrap();
    // Checked, the notes are known to be the person's own.
    let mut expected = meta.clone();
    expected.own_notes = true;
    assert_eq!(file.session, Some(expected));
}

#[test]
fn unknown_top_level_keys_are_named_with_a_hint() {
    let text = "assessment: sample-paths\nanswer: {}\n7: x\n";
    let err = parse_file("s.yaml", text.as_bytes())
        .unwrap()
        .check(&sample())
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "s.yaml:2:1: error: unknown key `answer`; did you mean `answers`? an answers file has assessment, answers, notes and session\n\
         s.yaml:3:1: error: unknown key `7`; an answers file has assessment, answers, notes and session"
    );
}
