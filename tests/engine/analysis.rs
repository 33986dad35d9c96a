//! Item analysis: Cronbach's alpha and item figures as R's `psych::alpha`
//! gives them (raw alpha, `r.drop`, `alpha.drop`), worked by hand on a small
//! matrix and computed `psych`'s own way (from the covariance matrix) on
//! random sessions; the per-question counts; and the group's spread.

use crossroads::analysis::alpha::{self, Shortfall};
use crossroads::analysis::{Record, analyse, render};
use crossroads::answers::{Answer, Answers};
use crossroads::assessment::kinds;
use crossroads::assessment::{Assessment, QuestionKind, load};

const TOL: f64 = 1e-9;

fn close(a: Option<f64>, b: f64, what: &str) {
    let a = a.unwrap_or_else(|| panic!("{what}: no number, expected {b}"));
    assert!((a - b).abs() < TOL, "{what}: {a} against {b}");
}

/// Five respondents, three items: the worked example of docs/analysis.md.
/// Item variances 2.5, 1 and 1.3; covariances 1.25 (1,2), 1.5 (1,3), 0.5
/// (2,3); the sum's variance 11.3.
fn worked() -> Vec<Vec<f64>> {
    vec![
        vec![1.0, 2.0, 2.0],
        vec![2.0, 2.0, 3.0],
        vec![3.0, 4.0, 3.0],
        vec![4.0, 3.0, 5.0],
        vec![5.0, 4.0, 4.0],
    ]
}

#[test]
fn alpha_of_a_hand_worked_matrix_is_what_the_formulas_give() {
    let r = alpha::reliability(&worked(), 3);
    assert_eq!((r.n, r.used.clone(), r.shortfall), (5, vec![0, 1, 2], None));
    // 3/2 * (1 - 4.8/11.3) = 195/226
    close(r.alpha, 195.0 / 226.0, "alpha");
    let means = [3.0, 3.0, 3.4];
    let sds = [2.5f64.sqrt(), 1.0, 1.3f64.sqrt()];
    // cov(item, rest) / sqrt(var(item) var(rest)): 2.75/sqrt(2.5*3.3),
    // 1.75/sqrt(1*6.8), 2/sqrt(1.3*6)
    let r_drop = [
        2.75 / (2.5f64 * 3.3).sqrt(),
        1.75 / 6.8f64.sqrt(),
        2.0 / (1.3f64 * 6.0).sqrt(),
    ];
    // two items left: 2 * (1 - (var_a + var_b) / var(a + b))
    let dropped = [20.0 / 33.0, 15.0 / 17.0, 5.0 / 6.0];
    for (i, item) in r.items.iter().enumerate() {
        close(item.mean, means[i], "mean");
        close(item.sd, sds[i], "sd");
        close(item.r_drop, r_drop[i], "r.drop");
        close(item.alpha_if_dropped, dropped[i], "alpha if dropped");
    }
}

#[test]
fn fewer_than_three_complete_respondents_give_no_alpha_and_say_why() {
    let two = &worked()[..2];
    let r = alpha::reliability(two, 3);
    assert_eq!(r.alpha, None);
    assert_eq!(r.shortfall, Some(Shortfall::Respondents(2)));
    assert!(r.items.iter().all(|i| i.r_drop.is_none()));
    assert!(
        Shortfall::Respondents(2)
            .words()
            .contains("too few respondents")
    );
}

#[test]
fn items_without_variance_are_listed_and_left_out() {
    let rows: Vec<Vec<f64>> = worked()
        .into_iter()
        .map(|mut r| {
            r.insert(1, 7.0);
            r
        })
        .collect();
    let r = alpha::reliability(&rows, 4);
    assert_eq!(
        (r.used.clone(), r.no_variance.clone()),
        (vec![0, 2, 3], vec![1])
    );
    close(r.alpha, 195.0 / 226.0, "alpha without the constant item");
}

#[test]
fn one_item_that_varies_is_too_few_items() {
    let rows: Vec<Vec<f64>> = worked().iter().map(|r| vec![r[0], 1.0]).collect();
    let r = alpha::reliability(&rows, 2);
    assert_eq!(r.shortfall, Some(Shortfall::Items(1)));
    assert_eq!((r.alpha, r.items[0].r_drop), (None, None));
}

/// Three likert items on track `a` (scale 1..5, weight 4, so that an
/// answer v contributes exactly v - 1) and one on `b`.
const SMALL: &str = r#"
format: 1
id: small
title: Small
tracks: [{id: a, name: A}, {id: b, name: B}]
axes: [{id: ab, left: a, right: b, label: "A <-> B"}]
sections:
  - id: s
    title: S
    questions:
      - {id: q1, type: likert, text: One, weights: {a: 4}}
      - {id: q2, type: likert, text: Two, weights: {a: 4}}
      - {id: q3, type: likert, text: Three, weights: {a: 4}}
      - {id: q4, type: likert, text: Four, weights: {b: 1}}
      - {id: words, type: text, text: "Why?"}
"#;

fn assessment(yaml: &str) -> Assessment {
    load("test.yaml", yaml.as_bytes()).unwrap().0
}

fn likert_record(a: &Assessment, name: &str, values: &[Option<i64>]) -> Record {
    let mut answers = Answers::new(a.questions.len());
    for (q, v) in values.iter().enumerate() {
        answers.set(q, v.map(Answer::Likert));
    }
    Record::new(a, name.to_string(), answers, None)
}

#[test]
fn a_track_s_items_are_the_contributions_of_complete_cases() {
    let a = assessment(SMALL);
    let mut records: Vec<Record> = worked()
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut v: Vec<Option<i64>> = row.iter().map(|x| Some(*x as i64)).collect();
            v.push(Some(3));
            likert_record(&a, &format!("s{i}"), &v)
        })
        .collect();
    // A respondent who skipped an item of `a` is not a complete case of it.
    records.push(likert_record(&a, "gap", &[Some(5), None, Some(5), Some(1)]));
    let analysis = analyse(&a, &records);
    let t = &analysis.tracks[0];
    assert_eq!((t.k(), t.complete), (3, 5));
    close(t.alpha, 195.0 / 226.0, "alpha");
    // Each contribution is the answer less one: the means are one lower.
    close(t.items[2].1.mean, 2.4, "mean of q3");
    // `b` has one item, which every session answered alike but one.
    let b = &analysis.tracks[1];
    assert_eq!(
        (b.k(), b.complete, b.shortfall),
        (1, 6, Some(Shortfall::Items(1)))
    );
    let json = render::json(&analysis, &a);
    assert_eq!(json["tracks"][1]["alpha"], serde_json::Value::Null);
    assert_eq!(json["tracks"][0]["items"][0]["question"], "q1");
    assert_eq!(json["questions"][1]["skipped"], 1);
    assert_eq!(json["group"]["sessions"], 6);
}

#[test]
fn fewer_than_three_respondents_are_said_in_the_text() {
    let a = assessment(SMALL);
    let records = vec![
        likert_record(&a, "x", &[Some(1), Some(2), Some(3), Some(4)]),
        likert_record(&a, "y", &[Some(2), Some(2), Some(5), Some(4)]),
    ];
    let analysis = analyse(&a, &records);
    assert_eq!(analysis.tracks[0].alpha, None);
    let text = render::text(&analysis, &a);
    assert!(
        text.contains("too few respondents: 2 answered every item, alpha needs at least 3"),
        "{text}"
    );
    assert!(text.contains("A (a): no alpha"), "{text}");
}

#[test]
fn a_question_answered_alike_by_nearly_everyone_is_flagged() {
    let a = assessment(SMALL);
    let records: Vec<Record> = (0..10)
        .map(|i| {
            let q2 = if i == 0 { 1 } else { 4 };
            let q3 = if i < 5 { None } else { Some(i % 5 + 1) };
            likert_record(&a, &i.to_string(), &[Some(i % 5 + 1), Some(q2), q3, None])
        })
        .collect();
    let qs = analyse(&a, &records).questions;
    use crossroads::analysis::questions::Flag;
    assert_eq!(qs[0].flags, vec![], "q1 spreads over the scale");
    assert_eq!(qs[1].flags, vec![Flag::SameAnswer], "9 of 10 gave 4");
    assert_eq!(qs[2].flags, vec![Flag::ManySkip], "5 of 10 skipped");
    assert_eq!(qs[1].distribution.iter().map(|d| d.1).sum::<usize>(), 10);
}

/// A small generator of our own (SplitMix64), so the random sessions are
/// the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// An assessment of every kind: a likert that every other question's
/// weights follow (so people who like it lean one way), a choice, a multi,
/// a rank, a conditional likert and a text.
const MIXED: &str = r#"
format: 1
id: mixed
title: Mixed
tracks: [{id: x, name: X}, {id: y, name: Y}, {id: z, name: Z}]
axes: [{id: xy, left: x, right: y, label: "X <-> Y"}]
sections:
  - id: one
    title: One
    questions:
      - {id: l1, type: likert, text: L1, weights: {x: 2, y: -1, z: 0.5}}
      - {id: l2, type: likert, text: L2, reverse: true, weights: {x: 1.5, y: 1}, scale: {min: 0, max: 10}}
      - id: c1
        type: choice
        text: C1
        options:
          - {id: a, label: A, weights: {x: 1}}
          - {id: b, label: B, weights: {y: 2}}
          - {id: c, label: C, weights: {z: 1, x: -0.5}}
      - id: m1
        type: multi
        text: M1
        max: 2
        options:
          - {id: a, label: A, weights: {x: 1, z: 1}}
          - {id: b, label: B, weights: {y: 1}}
          - {id: c, label: C, weights: {z: 2}}
      - id: r1
        type: rank
        text: R1
        options:
          - {id: a, label: A, weights: {x: 3}}
          - {id: b, label: B, weights: {y: 3}}
          - {id: c, label: C, weights: {z: 3}}
      - {id: l3, type: likert, text: L3, weights: {x: 1, y: 1, z: -1}, show_if: {question: l1, at_least: 2}}
      - {id: l4, type: likert, text: L4, weights: {z: 2, y: 0.5}}
      - {id: why, type: text, text: "Why?"}
"#;

fn random_answers(a: &Assessment, rng: &mut Rng) -> Answers {
    let mut answers = Answers::new(a.questions.len());
    let lean = rng.below(5) as i64; // a person's disposition, shared by their answers
    for (q, question) in a.questions.iter().enumerate() {
        if rng.chance(0.08) {
            continue;
        }
        let answer = match &question.kind {
            QuestionKind::Likert { scale, .. } => {
                let span = (scale.max - scale.min) as usize;
                let near = scale.min + lean * span as i64 / 4;
                let v = near + rng.below(3) as i64 - 1;
                Answer::Likert(v.clamp(scale.min, scale.max))
            }
            QuestionKind::Choice { options } => Answer::Choice(rng.below(options.len())),
            QuestionKind::Multi { options, max, .. } => {
                let mut chosen: Vec<usize> =
                    (0..options.len()).filter(|_| rng.chance(0.4)).collect();
                chosen.truncate(*max);
                Answer::Multi(chosen)
            }
            QuestionKind::Rank { options } => {
                let mut order: Vec<usize> = (0..options.len()).collect();
                for i in (1..order.len()).rev() {
                    order.swap(i, rng.below(i + 1));
                }
                Answer::Rank(order)
            }
            QuestionKind::Text { .. } => Answer::Text(format!("because {}", rng.below(100))),
        };
        answers.set(q, Some(answer));
    }
    answers
}

fn cov(x: &[f64], y: &[f64]) -> f64 {
    let (mx, my) = (
        x.iter().sum::<f64>() / x.len() as f64,
        y.iter().sum::<f64>() / y.len() as f64,
    );
    x.iter()
        .zip(y)
        .map(|(a, b)| (a - mx) * (b - my))
        .sum::<f64>()
        / (x.len() - 1) as f64
}

/// Raw alpha as `psych::alpha` computes it: (1 - tr(C)/sum(C)) k/(k-1).
fn psych_alpha(c: &[Vec<f64>], idx: &[usize]) -> Option<f64> {
    let k = idx.len() as f64;
    let total: f64 = idx
        .iter()
        .flat_map(|i| idx.iter().map(move |j| c[*i][*j]))
        .sum();
    (idx.len() >= 2 && total > 0.0)
        .then(|| (1.0 - idx.iter().map(|i| c[*i][*i]).sum::<f64>() / total) * k / (k - 1.0))
}

#[test]
fn random_sessions_agree_with_psych_s_way_of_computing_alpha() {
    let a = assessment(MIXED);
    let mut rng = Rng(20_261_205);
    let mut alphas = 0;
    for round in 0..20 {
        let n = 3 + rng.below(60);
        let records: Vec<Record> = (0..n)
            .map(|i| {
                Record::new(
                    &a,
                    format!("{round}-{i}"),
                    random_answers(&a, &mut rng),
                    None,
                )
            })
            .collect();
        let analysis = analyse(&a, &records);
        for (t, got) in analysis.tracks.iter().enumerate() {
            // The complete-case matrix, found again from the scores' own
            // visibility and the answers.
            let items: Vec<usize> = (0..a.questions.len())
                .filter(|q| kinds::range(&a.questions[*q].kind, t).is_some_and(|(l, h)| l != h))
                .collect();
            let rows: Vec<Vec<f64>> = records
                .iter()
                .filter(|r| {
                    items
                        .iter()
                        .all(|q| r.score.visible[*q] && r.answers.get(*q).is_some())
                })
                .map(|r| {
                    items
                        .iter()
                        .map(|q| {
                            kinds::contribution(
                                &a.questions[*q].kind,
                                t,
                                r.answers.get(*q).unwrap(),
                            )
                        })
                        .collect()
                })
                .collect();
            assert_eq!(got.complete, rows.len(), "round {round} track {t}: n");
            if rows.len() < 3 {
                assert_eq!(got.alpha, None);
                continue;
            }
            let cols: Vec<Vec<f64>> = (0..items.len())
                .map(|i| rows.iter().map(|r| r[i]).collect())
                .collect();
            let used: Vec<usize> = (0..items.len())
                .filter(|i| cols[*i].iter().any(|v| *v != cols[*i][0]))
                .collect();
            let c: Vec<Vec<f64>> = cols
                .iter()
                .map(|x| cols.iter().map(|y| cov(x, y)).collect())
                .collect();
            assert_eq!(got.k(), used.len(), "round {round} track {t}: k");
            let want = psych_alpha(&c, &used);
            assert_eq!(got.alpha.is_some(), want.is_some());
            if let Some(w) = want {
                close(got.alpha, w, "alpha");
                alphas += 1;
            }
            for (pos, i) in used.iter().enumerate() {
                let (q, stats) = got.items[pos];
                assert_eq!(q, items[*i]);
                let rest: Vec<usize> = used.iter().copied().filter(|j| j != i).collect();
                let rest_var: f64 = rest
                    .iter()
                    .flat_map(|x| rest.iter().map(|y| c[*x][*y]))
                    .sum();
                let r_drop =
                    rest.iter().map(|j| c[*i][*j]).sum::<f64>() / (c[*i][*i] * rest_var).sqrt();
                if !rest.is_empty() && rest_var > 0.0 {
                    close(stats.r_drop, r_drop, "r.drop");
                }
                match psych_alpha(&c, &rest) {
                    Some(w) => close(stats.alpha_if_dropped, w, "alpha if dropped"),
                    None => assert_eq!(stats.alpha_if_dropped, None),
                }
                close(stats.sd, c[*i][*i].sqrt(), "sd");
            }
        }
        for s in &analysis.questions {
            assert_eq!(s.answered + s.skipped + s.not_reached + s.hidden, n);
            assert_eq!(s.shown, s.answered + s.skipped + s.not_reached);
        }
        let g = &analysis.group;
        assert_eq!(g.results.iter().map(|r| r.1).sum::<usize>() + g.unscored, n);
    }
    assert!(alphas > 30, "only {alphas} alphas were compared");
}
