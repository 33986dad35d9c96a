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
