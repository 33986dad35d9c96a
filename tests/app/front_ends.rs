//! The terminal app and plain mode drive one session core, so they accept
//! and refuse exactly the same answers: each case below is put to both.

use crate::support;

use crossroads::answers::Answer;
use crossroads::assessment::{Assessment, load};
use crossroads::plain;
use crossroads::session::disk::Disk;
use crossroads::session::{Meta, Session};
use std::io::Cursor;
use support::{app, press, typed};

/// One multi question (2 to 3 of 5 options) and one text question of at
/// most 10 characters, then a last question to land on.
const TWO_RULES: &str = r#"
format: 1
id: two-rules
title: Two rules
tracks:
  - { id: a, name: A }
  - { id: b, name: B }
sections:
  - id: only
    title: Only
    questions:
      - id: pick
        type: multi
        text: Pick two or three.
        min: 2
        max: 3
        required: true
        options:
          - { id: o1, label: One, weights: { a: 1 } }
          - { id: o2, label: Two, weights: { b: 1 } }
          - { id: o3, label: Three, weights: { a: 1 } }
          - { id: o4, label: Four, weights: { b: 1 } }
          - { id: o5, label: Five, weights: { a: 1 } }
      - id: word
        type: text
        text: Ten characters at most.
        max_length: 10
      - id: last
        type: likert
        text: A last one.
        weights: { a: 1 }
"#;

fn assessment() -> Assessment {
    load("two-rules.yaml", TWO_RULES.as_bytes()).unwrap().0
}

/// The session after plain mode reads `input` (a person at a terminal).
fn plain_session(input: &str) -> Session {
    let a = assessment();
    let n = a.questions.len();
    let mut session = Session::new(a, crossroads::answers::Answers::new(n), Meta::default());
    let _ = plain::run(
        &mut session,
        &mut Disk::default(),
        Cursor::new(input.as_bytes().to_vec()),
        Vec::new(),
        true,
    );
    session
}

/// The answer to `pick` after plain mode reads `line` for it.
fn plain_multi(line: &str) -> Option<Answer> {
    plain_session(&format!("\n{line}\n"))
        .answers()
        .get(0)
        .cloned()
}

/// The answer to `pick` after the terminal app is given these digit
/// keys and Enter.
fn app_multi(digits: &str) -> Option<Answer> {
    let mut a = app(assessment());
    press(&mut a, &typed(&format!("\n{digits}\n")));
    a.session.answers().get(0).cloned()
}

#[test]
fn a_multi_of_two_to_three_is_refused_with_one_or_four_in_both_front_ends() {
    for (digits, line) in [("1", "1"), ("1234", "1 2 3 4")] {
        assert_eq!(app_multi(digits), None, "app, {digits}");
        assert_eq!(plain_multi(line), None, "plain, {line}");
    }
}

#[test]
fn a_multi_of_two_to_three_takes_two_or_three_in_both_front_ends() {
    for (digits, line, want) in [("13", "1 3", vec![0, 2]), ("254", "2 5 4", vec![1, 4, 3])] {
        assert_eq!(app_multi(digits), Some(Answer::Multi(want.clone())));
        assert_eq!(plain_multi(line), Some(Answer::Multi(want)));
    }
}

/// The answer to `word` after plain mode reads `text` for it.
fn plain_text(text: &str) -> Option<Answer> {
    plain_session(&format!("\n1 2\n{text}\n"))
        .answers()
        .get(1)
        .cloned()
}

/// The answer to `word` after the terminal app is given `text` and Enter.
fn app_text(text: &str) -> Option<Answer> {
    let mut a = app(assessment());
    press(&mut a, &typed(&format!("\n12\n{text}\n")));
    a.session.answers().get(1).cloned()
}

#[test]
fn a_text_of_exactly_max_length_is_taken_in_both_front_ends() {
    let ten = "abcdefghij";
    assert_eq!(app_text(ten), Some(Answer::Text(ten.into())));
    assert_eq!(plain_text(ten), Some(Answer::Text(ten.into())));
}

#[test]
fn a_text_over_max_length_is_never_saved_whole_in_either_front_end() {
    let eleven = "abcdefghijk";
    // Plain mode refuses the line; the terminal app refuses the eleventh
    // key, so what is kept is the ten that fit.
    assert_eq!(plain_text(eleven), None);
    assert_eq!(app_text(eleven), Some(Answer::Text("abcdefghij".into())));
}
