//! `analyse` and `export` read thousands of sessions, so they take each
//! session's figures the short way (`scoring::Scorer`: ranges found once,
//! no reasons or sections) and each item's alpha with its sums found once:
//! every figure must be the whole computation's, bit for bit, or the
//! printed numbers would move. The simulated sessions they are measured
//! on must be ones they accept.

use crossroads::analysis::alpha::{self, pearson, raw_alpha, reliability};
use crossroads::answers::conditions::visibility;
use crossroads::answers::parse_file;
use crossroads::assessment::Assessment;
use crossroads::scoring::{Scorer, score};
use crossroads::simulate::sessions::{self, Origin};

/// Every bundled assessment, with realistic sessions of it (people
/// answering by their tracks, a third part way through).
fn bundled_sessions(n: usize) -> Vec<(Assessment, Vec<crossroads::answers::Answers>)> {
    crossroads::bundled::BUNDLED
        .iter()
        .map(|b| {
            let a = b.load().unwrap().0;
            let answers = sessions::files(&a, Origin::Bundled, n)
                .map(|text| {
                    let parsed = parse_file("session", text.as_bytes()).unwrap();
                    parsed.check(&a).unwrap().answers
                })
                .collect();
            (a, answers)
        })
        .collect()
}

#[test]
fn a_session_s_totals_are_its_full_score_s_figures_bit_for_bit() {
    for (a, all) in bundled_sessions(300) {
        let scorer = Scorer::new(&a);
        for (i, answers) in all.iter().enumerate() {
            let full = score(&a, answers);
            let short = scorer.totals(answers, visibility(&a, answers));
            let what = format!("{} session {i}", a.id);
            assert_eq!(short.visible, full.visible, "{what}: visible");
            for (t, got) in short.scores.iter().enumerate() {
                let want = full.of(t).score;
                assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{what}: {t}");
            }
            assert_eq!(short.top, full.top, "{what}: top set");
            assert_eq!(short.axes, full.axes, "{what}: axes");
            assert_eq!(short.is_blend(), full.is_blend(), "{what}: blend");
        }
    }
}

/// A respondents × items matrix of small whole scores with a shared lean,
/// so items correlate as real ones do (SplitMix64: the same every run).
fn matrix(seed: u64, n: usize, k: usize) -> Vec<Vec<f64>> {
    let mut s = seed;
    let mut next = move || {
        s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = s;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    (0..n)
        .map(|_| {
            let lean = (next() % 5) as f64;
            (0..k)
                .map(|_| (lean + (next() % 3) as f64 - 1.0) * 0.75)
                .collect()
        })
        .collect()
}

#[test]
fn each_item_s_figures_are_those_of_its_definition_bit_for_bit() {
    for (seed, n, k) in [(1, 40, 6), (2, 500, 29), (3, 7, 3), (4, 1000, 12)] {
        let rows = matrix(seed, n, k);
        let r = reliability(&rows, k);
        assert_eq!(
            r.alpha.map(f64::to_bits),
            raw_alpha(&rows, &r.used).map(f64::to_bits)
        );
        for (i, c) in r.used.iter().enumerate() {
            let values: Vec<f64> = rows.iter().map(|row| row[*c]).collect();
            let others: Vec<usize> = r.used.iter().copied().filter(|o| o != c).collect();
            let rest: Vec<f64> = (rows.iter())
                .map(|row| others.iter().map(|o| row[*o]).sum())
                .collect();
            let got = r.items[i];
            let what = format!("seed {seed}, item {c}");
            assert_eq!(got.mean, alpha::mean(&values), "{what}: mean");
            assert_eq!(got.sd, alpha::sd(&values), "{what}: sd");
            assert_eq!(
                got.r_drop.map(f64::to_bits),
                pearson(&values, &rest).map(f64::to_bits),
                "{what}: r.drop"
            );
            assert_eq!(
                got.alpha_if_dropped.map(f64::to_bits),
                defined_alpha(&rows, &others).map(f64::to_bits),
                "{what}: alpha if dropped"
            );
        }
    }
}

/// Raw alpha as its formula reads, column by column.
fn defined_alpha(rows: &[Vec<f64>], columns: &[usize]) -> Option<f64> {
    let k = columns.len();
    if k < 2 {
        return None;
    }
    let column = |c: usize| -> Vec<f64> { rows.iter().map(|r| r[c]).collect() };
    let items: f64 = (columns.iter())
        .map(|c| alpha::variance(&column(*c)))
        .sum::<Option<f64>>()?;
    let sums: Vec<f64> = (rows.iter())
        .map(|r| columns.iter().map(|c| r[*c]).sum())
        .collect();
    let total = alpha::variance(&sums)?;
    let k = k as f64;
    (total > 0.0).then(|| k / (k - 1.0) * (1.0 - items / total))
}

/// Every question required, a text too, which simulated respondents skip.
const REQUIRED: &str = r#"
format: 1
id: required
title: Required
tracks:
  - { id: a, name: Alpha }
  - { id: b, name: Beta }
sections:
  - id: s
    title: S
    questions:
      - { id: a1, type: likert, text: A one, weights: { a: 1 }, required: true }
      - { id: a2, type: likert, text: A two, weights: { a: 1 }, required: true }
      - { id: b1, type: likert, text: B one, weights: { b: 1 }, required: true }
      - { id: b2, type: likert, text: B two, weights: { b: 1 }, required: true }
      - { id: why, type: text, text: "Why?", required: true }
"#;

#[test]
fn every_simulated_session_is_one_the_commands_accept_even_with_required_questions() {
    let a = crossroads::assessment::load("required.yaml", REQUIRED.as_bytes())
        .unwrap()
        .0;
    for (i, text) in sessions::files(&a, Origin::Bundled, 200).enumerate() {
        let parsed = parse_file("session", text.as_bytes()).unwrap();
        if let Err(e) = parsed.check(&a) {
            panic!("session {i} is refused: {e}");
        }
    }
}
