//! Scoring rules of spec section 3, and properties that must hold for any
//! answers.

use crossroads::answers::{Answer, Answers, read_answers};
use crossroads::assessment::{Assessment, load};
use crossroads::scoring::score;
use proptest::prelude::*;

const PATHS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");

fn sample() -> Assessment {
    load("sample.yaml", &std::fs::read(PATHS).unwrap())
        .unwrap()
        .0
}

fn answers(a: &Assessment, yaml: &str) -> Answers {
    let text = format!("assessment: {}\nanswers:\n{yaml}", a.id);
    read_answers("a.yaml", text.as_bytes(), a).unwrap().answers
}

fn track_score(a: &Assessment, ans: &Answers, id: &str) -> Option<f64> {
    let s = score(a, ans);
    s.of(a.track_index(id).unwrap()).score
}

const TWO: &str = r#"format: 1
id: two
title: Two
tie_margin: 0
tracks: [{ id: a, name: A }, { id: b, name: B }, { id: c, name: C }]
axes: [{ id: ab, left: a, right: b }]
sections:
  - id: s
    title: S
    questions:
      - { id: l, type: likert, text: L, weights: { a: 2, b: -1 } }
      - { id: r, type: likert, text: R, reverse: true, weights: { a: 2 } }
      - { id: c1, type: choice, text: C, options: [{ id: x, label: X, weights: { b: 1, c: 1 } }, { id: y, label: Y, weights: { b: -1 } }] }
      - { id: m, type: multi, text: M, min: 1, max: 2, options: [{ id: p, label: P, weights: { a: 3 } }, { id: q, label: Q, weights: { a: 1 } }, { id: z, label: Z, weights: { a: -2 } }] }
      - { id: k, type: rank, text: K, options: [{ id: u, label: U, weights: { c: 2 } }, { id: v, label: V }, { id: w, label: W, weights: { c: -1 } }] }
"#;

fn two() -> Assessment {
    load("two.yaml", TWO.as_bytes()).unwrap().0
}

#[test]
fn a_likert_answer_scales_its_weight_by_its_position_on_the_scale() {
    // l=4 of 1..5: x = 0.75; a: c = 1.5 of [0, 2]; b: c = -0.75 of [-1, 0].
    let a = two();
    let ans = answers(&a, "  l: 4\n");
    assert_eq!(track_score(&a, &ans, "a"), Some(75.0));
    assert_eq!(track_score(&a, &ans, "b"), Some(25.0));
}

#[test]
fn reverse_flips_a_likert_answer() {
    let a = two();
    assert_eq!(track_score(&a, &answers(&a, "  r: 5\n"), "a"), Some(0.0));
    assert_eq!(track_score(&a, &answers(&a, "  r: 1\n"), "a"), Some(100.0));
}

#[test]
fn a_choice_ranges_over_its_options_weights_with_missing_as_zero() {
    // c: x gives 1, y gives 0 (missing): range [0, 1].
    let a = two();
    assert_eq!(track_score(&a, &answers(&a, "  c1: y\n"), "c"), Some(0.0));
    assert_eq!(track_score(&a, &answers(&a, "  c1: x\n"), "c"), Some(100.0));
}

#[test]
fn a_multi_ranges_over_the_allowed_counts() {
    // a weights 3, 1, -2 with 1..2 chosen: hi = 3 + 1 = 4, lo = -2 + ... min(-2, -2 + 1) = -2.
    let a = two();
    assert_eq!(
        track_score(&a, &answers(&a, "  m: [p, q]\n"), "a"),
        Some(100.0)
    );
    assert_eq!(track_score(&a, &answers(&a, "  m: [z]\n"), "a"), Some(0.0));
    assert_eq!(track_score(&a, &answers(&a, "  m: [q]\n"), "a"), Some(50.0));
}

#[test]
fn a_rank_credits_positions_from_one_down_to_zero() {
    // c weights u 2, v 0, w -1 over 3 places: hi = 2*1 + 0*0.5 + -1*0 = 2, lo = -1*1 + 0 + 2*0 = -1.
    let a = two();
    assert_eq!(
        track_score(&a, &answers(&a, "  k: [u, v, w]\n"), "c"),
        Some(100.0)
    );
    assert_eq!(
        track_score(&a, &answers(&a, "  k: [w, v, u]\n"), "c"),
        Some(0.0)
    );
    assert_eq!(
        track_score(&a, &answers(&a, "  k: [v, u, w]\n"), "c"),
        Some(200.0 / 3.0)
    );
}

#[test]
fn a_track_with_no_answered_question_has_no_score_and_comes_last() {
    let a = two();
    let s = score(&a, &answers(&a, "  k: [u, v, w]\n"));
    assert_eq!(s.tracks[0].track, a.track_index("c").unwrap());
    assert_eq!(s.tracks[1].score, None);
    assert_eq!(s.tracks[2].score, None);
    assert_eq!(s.tracks[2].band, None);
}

#[test]
fn equal_scores_keep_the_order_of_declaration() {
    let a = two();
    // l = 3 gives a 50 and b 50; c unscored.
    let s = score(&a, &answers(&a, "  l: 3\n"));
    let ids: Vec<&str> = s
        .tracks
        .iter()
        .map(|t| a.tracks[t.track].id.as_str())
        .collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(s.tracks[0].score, s.tracks[1].score);
    assert_eq!((s.tracks[0].rank, s.tracks[1].rank), (1, 2));
}

#[test]
fn a_tie_margin_of_zero_makes_a_blend_only_on_exact_ties() {
    let a = two();
    let s = score(&a, &answers(&a, "  l: 3\n  r: 3\n"));
    // a: (1 + 1) / 4 = 50; b: l gives -0.5 of [-1, 0] = 50.
    assert_eq!(s.top.len(), 2);
    assert!(s.is_blend());
}

#[test]
fn the_top_set_holds_every_track_within_the_tie_margin() {
    let a = sample(); // tie_margin 4
    let ans = answers(&a, "  tinker: 4\n  role: help\n  mentoring: 10\n");
    let s = score(&a, &ans);
    let best = s.tracks[0].score.unwrap();
    for t in &s.tracks {
        let inside = t.score.is_some_and(|x| x >= best - 4.0);
        assert_eq!(s.top.contains(&t.track), inside);
    }
}

#[test]
fn an_axis_leans_only_beyond_the_tie_margin() {
    let a = two();
    // a 50, b 50: balanced.
    let s = score(&a, &answers(&a, "  l: 3\n  r: 3\n"));
    assert_eq!(s.axes[0].position, Some(0.0));
    assert_eq!(s.axes[0].leaning, None);
    let s = score(&a, &answers(&a, "  l: 5\n"));
    assert_eq!(s.axes[0].leaning, a.track_index("a"));
}

#[test]
fn a_band_is_the_highest_one_the_score_reaches() {
    let a = sample(); // High 75, Middle 25
    let s = score(&a, &answers(&a, "  tinker: 4\n  role: make\n"));
    let build = s.of(a.track_index("build").unwrap());
    assert_eq!(a.bands[build.band.unwrap()].label, "High");
}

#[test]
fn a_hidden_question_is_not_counted_nor_scored() {
    let a = sample();
    let with_hidden = answers(&a, "  role: make\n  mentoring: 10\n");
    let without = answers(&a, "  role: make\n");
    let (s1, s2) = (score(&a, &with_hidden), score(&a, &without));
    assert_eq!(s1.tracks, s2.tracks);
    assert_eq!(s1.hidden, 2);
    assert_eq!(s1.total + s1.hidden, a.questions.len());
}

#[test]
fn an_empty_text_answer_counts_as_answered() {
    let a = sample();
    let s = score(&a, &answers(&a, "  role: make\n  dream: \"\"\n"));
    assert_eq!(s.answered, 2);
}

/// One multi question over two tracks with weights that do not add up
/// exactly in floating point (0.1 + 0.2 != 0.3).
fn awkward_multi(weights: [f64; 3]) -> Assessment {
    let text = format!(
        "format: 1\nid: m\ntitle: M\nbands: [{{ min: 100, label: Perfect }}, {{ min: 0, label: Rest }}]\n\
         tracks: [{{ id: a, name: A }}, {{ id: b, name: B }}]\n\
         sections:\n  - id: s\n    title: S\n    questions:\n      - id: m\n        type: multi\n        text: M\n        options:\n\
         {}",
        ["x", "y", "z"]
            .iter()
            .zip(weights)
            .map(|(id, w)| format!(
                "          - {{ id: {id}, label: L, weights: {{ a: {w}, b: {} }} }}\n",
                1.0 - w
            ))
            .collect::<String>()
    );
    load("m.yaml", text.as_bytes()).unwrap().0
}

#[test]
fn a_perfect_multi_answer_scores_100_to_within_rounding_in_any_order() {
    // The formula is evaluated as the contract writes it, so 0.1 + 0.2 +
    // 0.7 chosen in another order than the range adds them may land an
    // ulp from 100 (docs/fuzzing.md, finding 2): never further.
    let a = awkward_multi([0.1, 0.2, 0.7]);
    for order in ["[x, y, z]", "[x, z, y]", "[z, y, x]", "[y, x, z]"] {
        let s = score(&a, &answers(&a, &format!("  m: {order}\n")));
        let v = s.of(0).score.unwrap();
        assert!((v - 100.0).abs() < 1e-9, "{order}: {v}");
    }
}

#[test]
fn choosing_nothing_of_positive_weight_scores_0() {
    let a = awkward_multi([0.1, 0.2, 0.7]);
    let s = score(&a, &answers(&a, "  m: []\n"));
    assert_eq!(s.of(0).score, Some(0.0));
}

#[test]
fn the_score_is_the_contracts_formula_evaluated_as_written() {
    // 100 * (C - L) / (H - L) with C = H = 0.69, L = 0: the product rounds
    // before the division, as in any straightforward implementation.
    let text = "format: 1\nid: c\ntitle: C\ntracks: [{ id: a, name: A }, { id: b, name: B }]\n\
        sections: [{ id: s, title: S, questions: [{ id: q, type: choice, text: Q, options: [\
        { id: top, label: T, weights: { a: 0.69 } }, { id: low, label: L, weights: { b: 1 } }] }] }]\n";
    let a = load("c.yaml", text.as_bytes()).unwrap().0;
    let expected = 100.0 * (0.69 - 0.0) / (0.69 - 0.0);
    assert_eq!(
        track_score(&a, &answers(&a, "  q: top\n"), "a"),
        Some(expected)
    );
}

// ---- properties ----

/// Any answers for `two`: each question skipped or given a valid answer.
fn any_answers() -> impl Strategy<Value = Vec<Option<Answer>>> {
    (
        proptest::option::of(1i64..=5),
        proptest::option::of(1i64..=5),
        proptest::option::of(0usize..2),
        proptest::option::of(proptest::sample::subsequence(vec![0usize, 1, 2], 1..=2)),
        proptest::option::of(Just(vec![0usize, 1, 2]).prop_shuffle()),
    )
        .prop_map(|(l, r, c, m, k)| {
            vec![
                l.map(Answer::Likert),
                r.map(Answer::Likert),
                c.map(Answer::Choice),
                m.map(Answer::Multi),
                k.map(Answer::Rank),
            ]
        })
}

fn build(a: &Assessment, values: &[Option<Answer>]) -> Answers {
    let mut ans = Answers::new(a.questions.len());
    for (q, v) in values.iter().enumerate() {
        ans.set(q, v.clone());
    }
    ans
}

proptest! {
    #[test]
    fn scores_are_between_0_and_100_or_none(values in any_answers()) {
        let a = two();
        let s = score(&a, &build(&a, &values));
        for t in &s.tracks {
            if let Some(x) = t.score {
                prop_assert!((-1e-9..=100.0 + 1e-9).contains(&x), "{x}");
            }
        }
        for sec in &s.sections {
            for x in sec.scores.iter().flatten() {
                prop_assert!((-1e-9..=100.0 + 1e-9).contains(x), "{x}");
            }
        }
    }

    #[test]
    fn a_multi_answer_scores_the_same_in_any_order_to_within_rounding(
        weights in proptest::array::uniform3(-3.0f64..3.0),
        chosen in proptest::sample::subsequence(vec!["x", "y", "z"], 0..=3).prop_shuffle(),
    ) {
        let a = awkward_multi(weights);
        let list = format!("  m: [{}]\n", chosen.join(", "));
        let mut sorted = chosen.clone();
        sorted.sort();
        let sorted_list = format!("  m: [{}]\n", sorted.join(", "));
        let (s1, s2) = (score(&a, &answers(&a, &list)), score(&a, &answers(&a, &sorted_list)));
        for t in 0..a.tracks.len() {
            match (s1.of(t).score, s2.of(t).score) {
                (Some(x), Some(y)) => prop_assert!((x - y).abs() < 1e-9, "{} vs {}", x, y),
                (x, y) => prop_assert_eq!(x, y),
            }
        }
    }

    #[test]
    fn reversing_a_likert_mirrors_its_contribution(v in 1i64..=5) {
        let plain = load("p.yaml", TWO.replace("reverse: true, ", "").as_bytes()).unwrap().0;
        let reversed = two();
        let r = plain.question_index("r").unwrap();
        let mut ans_plain = Answers::new(plain.questions.len());
        ans_plain.set(r, Some(Answer::Likert(v)));
        let mut ans_rev = Answers::new(reversed.questions.len());
        ans_rev.set(r, Some(Answer::Likert(6 - v)));
        let a = plain.track_index("a").unwrap();
        prop_assert_eq!(score(&plain, &ans_plain).of(a).score, score(&reversed, &ans_rev).of(a).score);
    }

    #[test]
    fn a_question_with_only_zero_weights_changes_nothing(values in any_answers(), v in 1i64..=5) {
        let extra = format!("{TWO}      - {{ id: zero, type: likert, text: Z, weights: {{ a: 0, b: 0, c: 0 }} }}\n");
        let with_zero = load("z.yaml", extra.as_bytes()).unwrap().0;
        let a = two();
        let mut ans = build(&with_zero, &values);
        ans.set(with_zero.question_index("zero").unwrap(), Some(Answer::Likert(v)));
        let (s1, s2) = (score(&a, &build(&a, &values)), score(&with_zero, &ans));
        prop_assert_eq!(s1.tracks, s2.tracks);
        prop_assert_eq!(s1.top, s2.top);
    }

    #[test]
    fn the_order_of_sections_does_not_change_track_scores(values in any_answers()) {
        let split = TWO.replace("      - { id: c1,", "  - id: s2\n    title: S2\n    questions:\n      - { id: c1,");
        let swapped_text = {
            let (head, rest) = split.split_once("  - id: s\n").unwrap();
            let (first, second) = rest.split_once("  - id: s2\n").unwrap();
            format!("{head}  - id: s2\n{second}  - id: s\n{first}")
        };
        let original = load("o.yaml", split.as_bytes()).unwrap().0;
        let swapped = load("s.yaml", swapped_text.as_bytes()).unwrap().0;
        let ans_o = build(&original, &values);
        let mut ans_s = Answers::new(swapped.questions.len());
        for (q, question) in original.questions.iter().enumerate() {
            ans_s.set(swapped.question_index(&question.id).unwrap(), values[q].clone());
        }
        let (so, ss) = (score(&original, &ans_o), score(&swapped, &ans_s));
        for t in 0..original.tracks.len() {
            let (x, y) = (so.of(t).score, ss.of(t).score);
            match (x, y) {
                (Some(x), Some(y)) => prop_assert!((x - y).abs() < 1e-9),
                _ => prop_assert_eq!(x, y),
            }
        }
    }
}
