//! Messages for hostile or careless input (issue 13, item 10): each says
//! what is wrong, where, and how to fix it, in the file's own words.

use crossroads::answers::read_answers;
use crossroads::assessment::{self, Rejected};

const QUICK: &str = include_str!("../../assessments/quick-check.yaml");
const WEIGHT: &str = "weights: { pm: 1.5, po: -0.5 }";

/// The bundled quick-check, loaded.
fn quick_check() -> assessment::Assessment {
    crossroads::bundled::find("quick-check")
        .unwrap()
        .load()
        .unwrap()
        .0
}

fn only_line(r: &Rejected) -> String {
    let lines = r.lines(true);
    assert_eq!(lines.len(), 1, "{lines:?}");
    lines[0].clone()
}

/// The first question's weight for `pm` once loaded with `pm` written so.
fn weight_read_as(pm: &str) -> f64 {
    let text = QUICK.replacen(WEIGHT, &format!("weights: {{ pm: {pm}, po: -0.5 }}"), 1);
    assert_ne!(text, QUICK);
    let a = assessment::load("q.yaml", text.as_bytes()).unwrap().0;
    match &a.questions[0].kind {
        assessment::QuestionKind::Likert { weights, .. } => assessment::weight_of(weights, 0),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_hexadecimal_weight_is_read_as_yaml_reads_it() {
    assert_eq!(weight_read_as("0x10"), 16.0);
}

#[test]
fn a_tagged_weight_is_read_as_its_tag_says() {
    assert_eq!(weight_read_as("!!float \"2\""), 2.0);
}

#[test]
fn a_huge_integer_is_too_large_not_a_type() {
    let answers = b"assessment: quick-check\nanswers:\n  qc-horizon: 99999999999999999999\n";
    let a = quick_check();
    let m = only_line(&read_answers("a.yaml", answers, &a).unwrap_err());
    assert!(
        m.starts_with("a.yaml:3:15: error: answers.qc-horizon: "),
        "{m}"
    );
    assert!(
        m.contains("the number 99999999999999999999 is too large to read"),
        "{m}"
    );
    assert!(!m.contains("u128") && !m.contains("any YAML value"), "{m}");
    let scale = QUICK.replacen("  min: 1\n", "  min: 123456789012345678901234567890\n", 1);
    let m = only_line(&assessment::load("q.yaml", scale.as_bytes()).unwrap_err());
    assert!(
        m.starts_with("q.yaml:24:8: error: scale.min: the number 1234"),
        "{m}"
    );
    assert!(m.contains("is too large"), "{m}");
    let larger = QUICK.replacen("  min: 1\n", &format!("  min: {}\n", "9".repeat(45)), 1);
    let m = only_line(&assessment::load("q.yaml", larger.as_bytes()).unwrap_err());
    assert!(m.contains("is too large for a whole number here"), "{m}");
}

#[test]
fn a_quoted_number_as_an_answer_says_it_is_text() {
    let answers = b"assessment: quick-check\nanswers:\n  qc-horizon: \"4\"\n";
    let a = quick_check();
    let m = only_line(&read_answers("a.yaml", answers, &a).unwrap_err());
    assert!(
        m.contains("found the text \"4\"; write the number without quotes: 4"),
        "{m}"
    );
}

#[test]
fn answers_to_another_assessment_are_one_sentence() {
    let torn = include_bytes!("../personas/torn.yaml");
    let a = quick_check();
    let m = only_line(&read_answers("torn.yaml", torn, &a).unwrap_err());
    assert!(m.contains("this file is for another assessment"), "{m}");
    assert!(
        m.contains("`crossroads score career-tracks --answers`"),
        "{m}"
    );
}

/// The fuzz seeds (hostile inputs among them) are read without a panic,
/// and those for quick-check are refused in words.
#[test]
fn every_fuzz_seed_is_read_or_refused() {
    let a = quick_check();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let mut read = 0;
    for folder in std::fs::read_dir(seeds).unwrap().flatten() {
        for file in std::fs::read_dir(folder.path()).unwrap().flatten() {
            let bytes = crossroads::files::read(&file.path()).unwrap();
            if let Err(r) = read_answers("seed.yaml", &bytes, &a) {
                for line in r.lines(true) {
                    assert!(
                        !line.contains("u128") && !line.contains("expected f64"),
                        "{line}"
                    );
                }
            }
            read += 1;
        }
    }
    assert!(read >= 8, "{read} seeds");
}

/// The one line a file of `text` gets, as an assessment.
fn assessment_line(text: &str) -> String {
    only_line(&assessment::load("s.yaml", text.as_bytes()).unwrap_err())
}

#[test]
fn an_unquoted_colon_in_a_text_says_to_quote_it() {
    let m = assessment_line("format: 1\nid: x\ntitle: Pick one: which day?\n");
    assert!(m.starts_with("s.yaml:3:16: error: "), "{m}");
    assert!(m.contains("put the whole text in double quotes"), "{m}");
}

#[test]
fn a_tab_used_for_indenting_says_to_use_spaces() {
    let m = assessment_line("format: 1\ntracks:\n\t- id: a\n");
    assert!(m.starts_with("s.yaml:3:2: error: "), "{m}");
    assert!(m.contains("indent with spaces only"), "{m}");
}

#[test]
fn an_unclosed_quote_in_an_answers_file_says_to_close_it() {
    let a = quick_check();
    let answers = b"assessment: quick-check\nanswers:\n  qc-two-years: \"more of the same\n";
    let m = only_line(&read_answers("a.yaml", answers, &a).unwrap_err());
    assert!(m.starts_with("a.yaml:3:17: error: "), "{m}");
    assert!(
        m.contains("a quoted text is never closed; add the closing quote"),
        "{m}"
    );
}

#[test]
fn a_line_out_of_step_with_its_mapping_says_how_to_indent_it() {
    let m = assessment_line("format: 1\ntracks:\n  - id: a\n name: b\n");
    assert!(m.starts_with("s.yaml:4:2: error: "), "{m}");
    assert!(m.contains("indent it exactly as they are"), "{m}");
}
