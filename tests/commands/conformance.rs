//! The spec's worked examples (spec section 5), number by number.

use assert_cmd::Command;
use serde_json::Value;

fn assert_same(path: &str, got: &Value, want: &Value) {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => {
            for (k, wv) in w {
                let gv = g.get(k).unwrap_or_else(|| panic!("{path}.{k} is missing"));
                assert_same(&format!("{path}.{k}"), gv, wv);
            }
        }
        (Value::Array(g), Value::Array(w)) => {
            assert_eq!(g.len(), w.len(), "{path}: length");
            for (i, (gv, wv)) in g.iter().zip(w).enumerate() {
                assert_same(&format!("{path}[{i}]"), gv, wv);
            }
        }
        (Value::Number(g), Value::Number(w)) => {
            let (g, w) = (g.as_f64().unwrap(), w.as_f64().unwrap());
            assert!((g - w).abs() < 1e-6, "{path}: got {g}, want {w}");
        }
        _ => assert_eq!(got, want, "{path}"),
    }
}

fn check_example(n: u32) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance");
    let out = Command::cargo_bin("crossroads")
        .unwrap()
        .args([
            "score",
            &format!("{dir}/sample.yaml"),
            "--answers",
            &format!("{dir}/answers-{n}.yaml"),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    let want: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/expected-{n}.json")).unwrap())
            .unwrap();
    assert_same("", &got, &want);
}

#[test]
fn example_1_hidden_questions_perfect_score_and_no_band() {
    check_example(1);
}

#[test]
fn example_2_ten_point_scale_single_multi_and_a_note() {
    check_example(2);
}

#[test]
fn example_3_almost_nothing_answered_and_a_hidden_answer_ignored() {
    check_example(3);
}

/// Spec 3.5, response style, checked through `crossroads score` as the
/// contract's outside checker runs it: assessments of plain likert
/// statements, each answered at a chosen point.
mod response_style {
    use assert_cmd::Command;
    use serde_json::Value;

    /// One likert statement: its id, scale (min, max), whether it is
    /// reverse-worded, whether it is hidden (behind a gate answered "no"),
    /// and its answer (None: skipped).
    struct Item {
        scale: (i64, i64),
        reverse: bool,
        hidden: bool,
        answer: Option<i64>,
    }

    fn item(answer: i64) -> Item {
        Item {
            scale: (1, 5),
            reverse: false,
            hidden: false,
            answer: Some(answer),
        }
    }

    fn items(n: usize, answer: i64) -> Vec<Item> {
        (0..n).map(|_| item(answer)).collect()
    }

    /// Scores the items with `crossroads score --format FORMAT` and
    /// returns standard output.
    fn score_as(items: &[Item], format: &str) -> String {
        let mut yaml = String::from(
            "format: 1\nid: style\ntitle: Style\ntracks:\n  - { id: a, name: A }\n  - { id: b, name: B }\n\
             sections:\n  - id: s\n    title: S\n    questions:\n\
             \x20     - id: gate\n        type: choice\n        text: Gate\n        options:\n\
             \x20         - { id: yes, label: Yes, weights: { a: 1 } }\n\
             \x20         - { id: no, label: No, weights: { b: 1 } }\n",
        );
        let mut answers = String::from("assessment: style\nanswers:\n  gate: no\n");
        for (i, it) in items.iter().enumerate() {
            yaml.push_str(&format!(
                "      - id: q{i}\n        type: likert\n        text: Statement {i}\n        \
                 weights: {{ a: 1, b: -1 }}\n        reverse: {}\n        scale: {{ min: {}, max: {} }}\n",
                it.reverse, it.scale.0, it.scale.1
            ));
            if it.hidden {
                yaml.push_str("        show_if: { question: gate, is: yes }\n");
            }
            if let Some(v) = it.answer {
                answers.push_str(&format!("  q{i}: {v}\n"));
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let (a, f) = (
            dir.path().join("style.yaml"),
            dir.path().join("answers.yaml"),
        );
        std::fs::write(&a, yaml).unwrap();
        std::fs::write(&f, answers).unwrap();
        let out = Command::cargo_bin("crossroads")
            .unwrap()
            .arg("score")
            .arg(&a)
            .arg("--answers")
            .arg(&f)
            .args(["--format", format])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn style_of(items: &[Item]) -> Value {
        let doc: Value = serde_json::from_str(&score_as(items, "json")).unwrap();
        doc.as_object()
            .unwrap()
            .get("response_style")
            .expect("response_style is always present")
            .clone()
    }

    fn uniform(position: f64, count: u64, of: u64) -> Value {
        serde_json::json!({
            "kind": "uniform",
            "position": position,
            "share": count as f64 / of as f64,
            "count": count,
            "of": of,
        })
    }

    #[test]
    fn exactly_eight_statements_all_at_one_point_are_uniform() {
        assert_eq!(style_of(&items(8, 4)), uniform(0.75, 8, 8));
    }

    #[test]
    fn exactly_eighty_percent_at_one_point_is_uniform() {
        let mut it = items(8, 3);
        it.extend([item(1), item(5)]);
        assert_eq!(style_of(&it), uniform(0.5, 8, 10));
    }

    #[test]
    fn seven_statements_all_alike_are_too_few_to_tell() {
        assert_eq!(style_of(&items(7, 5)), Value::Null);
    }

    #[test]
    fn just_under_eighty_percent_is_not_uniform() {
        // 19 of 24 is 79.17%.
        let mut it = items(19, 2);
        it.extend(items(5, 4));
        assert_eq!(style_of(&it), Value::Null);
    }

    #[test]
    fn varied_answers_have_no_response_style() {
        let it: Vec<Item> = (0..20).map(|i| item(1 + i % 5)).collect();
        assert_eq!(style_of(&it), Value::Null);
    }

    #[test]
    fn hidden_statements_are_not_counted_even_when_answered() {
        // Counted, the three hidden answers would make 8 of 11 (72.7%).
        let mut it = items(8, 1);
        for v in [3, 4, 5] {
            it.push(Item {
                hidden: true,
                ..item(v)
            });
        }
        assert_eq!(style_of(&it), uniform(0.0, 8, 8));
    }

    #[test]
    fn hidden_statements_do_not_make_up_the_eight() {
        let mut it = items(7, 1);
        it.push(Item {
            hidden: true,
            ..item(1)
        });
        assert_eq!(style_of(&it), Value::Null);
    }

    #[test]
    fn skipped_statements_are_not_counted() {
        let mut it = items(8, 5);
        for _ in 0..4 {
            it.push(Item {
                answer: None,
                ..item(1)
            });
        }
        assert_eq!(style_of(&it), uniform(1.0, 8, 8));
    }

    #[test]
    fn a_reverse_worded_statement_counts_by_the_point_picked() {
        // Scored, half of these count as 0 and half as 1; picked, all are 1.
        let it: Vec<Item> = (0..8)
            .map(|i| Item {
                reverse: i % 2 == 0,
                ..item(5)
            })
            .collect();
        assert_eq!(style_of(&it), uniform(1.0, 8, 8));
    }

    #[test]
    fn the_same_position_on_different_scales_is_one_position() {
        // 3 of 1..5, 2 of 0..4, 5 of 0..10 and 6 of 1..11 are all x0 = 1/2.
        let it: Vec<Item> = [((1, 5), 3), ((0, 4), 2), ((0, 10), 5), ((1, 11), 6)]
            .iter()
            .cycle()
            .take(8)
            .map(|(scale, v)| Item {
                scale: *scale,
                ..item(*v)
            })
            .collect();
        assert_eq!(style_of(&it), uniform(0.5, 8, 8));
    }

    #[test]
    fn thirds_on_different_scales_are_compared_exactly() {
        // 1 of 0..3, 2 of 0..6 and 3 of 0..9 are all x0 = 1/3; 3 of 0..10 is not.
        let mut it: Vec<Item> = [((0, 3), 1), ((0, 6), 2), ((0, 9), 3)]
            .iter()
            .cycle()
            .take(8)
            .map(|(scale, v)| Item {
                scale: *scale,
                ..item(*v)
            })
            .collect();
        it.extend((0..2).map(|_| Item {
            scale: (0, 10),
            ..item(3)
        }));
        assert_eq!(style_of(&it), uniform(1.0 / 3.0, 8, 10));
    }

    #[test]
    fn the_yaml_output_carries_the_response_style_too() {
        let doc: Value = serde_yaml::from_str(&score_as(&items(9, 3), "yaml")).unwrap();
        assert_eq!(doc["response_style"], uniform(0.5, 9, 9));
    }

    #[test]
    fn the_worked_examples_carry_a_null_response_style() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance");
        let out = Command::cargo_bin("crossroads")
            .unwrap()
            .args(["score", &format!("{dir}/sample.yaml")])
            .args(["--answers", &format!("{dir}/answers-1.yaml")])
            .args(["--format", "json"])
            .output()
            .unwrap();
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(doc.get("response_style"), Some(&Value::Null));
    }
}
