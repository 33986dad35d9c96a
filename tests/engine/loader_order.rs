//! Sections are validated as they are read; a file whose `tracks:` or
//! `scale:` come after its sections is read exactly as the same file in the
//! usual order.

use crossroads::answers::read_answers;
use crossroads::assessment::load;
use crossroads::scoring::score;

const SAMPLE: &str = include_str!("../conformance/sample.yaml");
const ANSWERS: &[u8] = include_bytes!("../conformance/answers-1.yaml");

/// The sample with its top-level `key:` block moved to the end of the file.
fn moved_to_the_end(key: &str) -> String {
    let start = SAMPLE.find(&format!("\n{key}:\n")).unwrap() + 1;
    // The block ends where the next line starts with a letter (a top-level key).
    let end = SAMPLE[start..]
        .match_indices('\n')
        .map(|(i, _)| start + i + 1)
        .find(|&i| SAMPLE[i..].starts_with(|c: char| c.is_ascii_lowercase()))
        .unwrap();
    format!(
        "{}{}{}",
        &SAMPLE[..start],
        &SAMPLE[end..],
        &SAMPLE[start..end]
    )
}

#[test]
fn tracks_after_the_sections_score_as_before() {
    let moved = moved_to_the_end("tracks");
    assert!(moved.find("\ntracks:").unwrap() > moved.find("\nsections:").unwrap());
    let usual = load("a.yaml", SAMPLE.as_bytes()).unwrap().0;
    let late = load("b.yaml", moved.as_bytes()).unwrap().0;
    let a = read_answers("x.yaml", ANSWERS, &usual).unwrap().answers;
    let b = read_answers("x.yaml", ANSWERS, &late).unwrap().answers;
    assert_eq!(score(&usual, &a), score(&late, &b));
}

#[test]
fn a_scale_after_the_sections_is_the_scale_of_their_likert_questions() {
    let moved = moved_to_the_end("scale");
    assert!(moved.find("\nscale:").unwrap() > moved.find("\nsections:").unwrap());
    let late = load("b.yaml", moved.as_bytes()).unwrap().0;
    let usual = load("a.yaml", SAMPLE.as_bytes()).unwrap().0;
    let tinker = late.question_index("tinker").unwrap();
    assert_eq!(
        format!("{:?}", late.questions[tinker].kind),
        format!("{:?}", usual.questions[tinker].kind)
    );
    // The sample's scale is 1..4, not the default 1..5.
    assert!(format!("{:?}", late.questions[tinker].kind).contains("max: 4"));
}

#[test]
fn a_condition_on_a_later_question_is_told_apart_from_an_unknown_one() {
    let later = SAMPLE.replace(
        "show_if: { question: role, in: [help, decide] }",
        "show_if: { question: dream, answered: true }",
    );
    let err = load("c.yaml", later.as_bytes()).unwrap_err().to_string();
    assert!(err.contains("comes later in the file"), "{err}");
    let unknown = SAMPLE.replace(
        "show_if: { question: role, in: [help, decide] }",
        "show_if: { question: rol, answered: true }",
    );
    let err = load("c.yaml", unknown.as_bytes()).unwrap_err().to_string();
    assert!(
        err.contains("unknown question \"rol\"; did you mean \"role\"?"),
        "{err}"
    );
}

#[test]
fn past_the_track_limit_no_section_is_checked_and_the_limit_is_the_one_error() {
    let mut text = String::from("format: 1\nid: many\ntitle: Many\ntracks:\n");
    for i in 0..60 {
        text.push_str(&format!("  - {{ id: t{i}, name: T{i} }}\n"));
    }
    text.push_str("sections:\n  - id: s\n    title: S\n    questions:\n");
    for i in 0..50 {
        text.push_str(&format!(
            "      - {{ id: q{i}, type: likert, text: Q, weights: {{ nope: 1 }} }}\n"
        ));
    }
    let lines = load("m.yaml", text.as_bytes()).unwrap_err().lines(true);
    assert_eq!(
        lines,
        [
            "m.yaml: error: tracks: 60 tracks is over the limit of 50; split the assessment or trim it"
        ]
    );
}
