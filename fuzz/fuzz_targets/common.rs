//! Shared by the fuzz targets: the sample assessment and the invariants of
//! a score.
#![allow(dead_code)]

use crossroads::answers::Answers;
use crossroads::assessment::Assessment;
use crossroads::answers::conditions::visibility;
use crossroads::scoring::{Score, score};
use std::sync::OnceLock;

/// tests/conformance/sample.yaml: every question type, conditions, an axis.
pub const SAMPLE: &[u8] = include_bytes!("../../tests/conformance/sample.yaml");

pub fn sample() -> &'static Assessment {
    static A: OnceLock<Assessment> = OnceLock::new();
    A.get_or_init(|| {
        crossroads::assessment::load("sample.yaml", SAMPLE)
            .expect("the sample assessment loads")
            .0
    })
}

/// How far past 0 or 100 a score may round: the contract's formula,
/// evaluated as written, can overshoot by about 1e-14 (finding 2 of
/// docs/fuzzing.md, kept on purpose). `CROSSROADS_FUZZ_EXACT=1` sets it to
/// 0 to look for exactly that.
fn slack() -> f64 {
    static S: OnceLock<f64> = OnceLock::new();
    *S.get_or_init(|| {
        if std::env::var_os("CROSSROADS_FUZZ_EXACT").is_some() { 0.0 } else { 1e-9 }
    })
}

/// A score in [0, 100] (give or take `slack`; never NaN or infinite) or None.
pub fn score_ok(s: Option<f64>) -> bool {
    let e = slack();
    s.is_none_or(|s| (-e..=100.0 + e).contains(&s))
}

/// Scores `answers` and checks what must hold for any valid assessment and
/// valid answers.
pub fn score_and_check(a: &Assessment, answers: &Answers) -> Score {
    let s = score(a, answers);
    let n = a.questions.len();
    assert_eq!(s.visible, visibility(a, answers), "score.visible is visibility()");
    assert_eq!(s.visible.len(), n);
    assert_eq!(s.total + s.hidden, n, "total + hidden == questions");
    assert_eq!(s.answered + s.skipped, s.total);
    let answered_visible = (0..n)
        .filter(|q| s.visible[*q] && answers.get(*q).is_some())
        .count();
    assert_eq!(s.answered, answered_visible);
    assert_eq!(s.tracks.len(), a.tracks.len());
    let mut seen = vec![false; a.tracks.len()];
    for (i, t) in s.tracks.iter().enumerate() {
        assert_eq!(t.rank, i + 1);
        assert!(!seen[t.track], "each track once");
        seen[t.track] = true;
        assert!(
            score_ok(t.score),
            "track {} score {:?} is outside [0, 100]",
            a.tracks[t.track].id,
            t.score
        );
        if let Some(b) = t.band {
            assert!(t.score.is_some_and(|v| v >= a.bands[b].min));
        }
    }
    match s.tracks.first().and_then(|t| t.score) {
        Some(_) => assert_eq!(s.top.first(), Some(&s.tracks[0].track)),
        None => assert!(s.top.is_empty()),
    }
    for x in &s.axes {
        if let Some(p) = x.position {
            assert!((-1.0..=1.0).contains(&p), "axis position {p} outside [-1, 1]");
        }
    }
    assert_eq!(s.sections.len(), a.sections.len());
    for sec in &s.sections {
        for v in &sec.scores {
            assert!(score_ok(*v), "section score {v:?} is outside [0, 100]");
        }
    }
    s
}
