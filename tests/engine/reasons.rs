//! Explanations tell the truth: over many random answer sets of the bundled
//! assessments and of the conformance sample, no reason line says an answer
//! pulls toward or away from a track that the answer (its option, options
//! or question) carries no weight for, and the profile names only the axes
//! that concern the person.

use crossroads::answers::{Answer, Answers};
use crossroads::assessment::model::QuestionKind;
use crossroads::assessment::{Assessment, load, weight_of};
use crossroads::report;
use crossroads::scoring::score;

/// SplitMix64: a small, seeded generator, so every run sees the same sets.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn shuffled(&mut self, n: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            v.swap(i, self.below(i + 1));
        }
        v
    }
}

fn assessments() -> Vec<Assessment> {
    let mut out: Vec<Assessment> = crossroads::bundled::BUNDLED
        .iter()
        .map(|b| load(b.id, b.yaml.as_bytes()).unwrap().0)
        .collect();
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");
    out.push(
        load("sample.yaml", &std::fs::read(sample).unwrap())
            .unwrap()
            .0,
    );
    out
}

/// A random answer to every question (a few skipped), as a person could give.
fn random_answers(a: &Assessment, rng: &mut Rng) -> Answers {
    let mut answers = Answers::new(a.questions.len());
    for (qi, q) in a.questions.iter().enumerate() {
        if rng.below(10) == 0 {
            continue;
        }
        let answer = match &q.kind {
            QuestionKind::Likert { scale, .. } => {
                let points = (scale.max - scale.min + 1) as usize;
                Some(Answer::Likert(scale.min + rng.below(points) as i64))
            }
            QuestionKind::Choice { options } => Some(Answer::Choice(rng.below(options.len()))),
            QuestionKind::Multi { options, min, max } => {
                let k = min + rng.below(max - min + 1);
                Some(Answer::Multi(
                    rng.shuffled(options.len()).into_iter().take(k).collect(),
                ))
            }
            QuestionKind::Rank { options } => Some(Answer::Rank(rng.shuffled(options.len()))),
            QuestionKind::Text { .. } => None,
        };
        answers.set(qi, answer);
    }
    answers
}

/// The weights an answer carries for a track: the question's for a likert
/// or rank answer (a rank places every option), the chosen options' for a
/// choice or multi answer.
fn carried(a: &Assessment, qi: usize, answer: &Answer, t: usize) -> Vec<f64> {
    match (&a.questions[qi].kind, answer) {
        (QuestionKind::Likert { weights, .. }, _) => vec![weight_of(weights, t)],
        (QuestionKind::Choice { options }, Answer::Choice(o)) => {
            vec![weight_of(&options[*o].weights, t)]
        }
        (QuestionKind::Multi { options, .. }, Answer::Multi(chosen)) => chosen
            .iter()
            .map(|o| weight_of(&options[*o].weights, t))
            .collect(),
        (QuestionKind::Rank { options }, _) => {
            options.iter().map(|o| weight_of(&o.weights, t)).collect()
        }
        _ => Vec::new(),
    }
}

#[test]
fn no_reason_line_pulls_on_a_track_its_answer_carries_no_weight_for() {
    let mut rng = Rng(11);
    let mut lines = 0;
    for a in assessments() {
        for _ in 0..1500 {
            let answers = random_answers(&a, &mut rng);
            let s = score(&a, &answers);
            let reasons = report::top_reasons(&s, report::REASONS_PER_TRACK);
            let words = report::why(&a, &answers, &s);
            assert_eq!(reasons.len(), words.len());
            for (r, line) in reasons.iter().zip(&words) {
                lines += 1;
                let answer = answers.get(r.question).expect("a reason is an answer");
                let weights = carried(&a, r.question, answer, r.track);
                let track = &a.tracks[r.track].name;
                assert!(
                    weights.iter().any(|w| *w != 0.0),
                    "{}: {line}: its answer carries no weight for {track}",
                    a.id
                );
                if matches!(
                    a.questions[r.question].kind,
                    QuestionKind::Choice { .. } | QuestionKind::Multi { .. }
                ) {
                    let sum: f64 = weights.iter().sum();
                    if line.contains(&format!("away from {track}")) {
                        assert!(sum < 0.0, "{}: {line}: chosen weight {sum}", a.id);
                    } else {
                        assert!(sum > 0.0, "{}: {line}: chosen weight {sum}", a.id);
                    }
                }
            }
            // The JSON of `score` words its reasons the same way.
            let json = report::json::score_json(&a, &answers, &s);
            let listed = json["reasons"].as_array().unwrap();
            assert_eq!(listed.len(), words.len());
            for (j, line) in listed.iter().zip(&words) {
                assert_eq!(j["text"].as_str().unwrap(), line);
            }
        }
    }
    assert!(lines > 10_000, "only {lines} reason lines checked");
}

#[test]
fn the_profile_names_only_axes_a_top_track_lies_on_or_clear_leans() {
    let mut rng = Rng(12);
    for a in assessments() {
        for _ in 0..500 {
            let answers = random_answers(&a, &mut rng);
            let s = score(&a, &answers);
            let profile = report::profile(&a, &s);
            for p in &s.axes {
                let axis = &a.axes[p.axis];
                let (l, r) = (&a.tracks[axis.left].name, &a.tracks[axis.right].name);
                let named = profile.contains(&format!("{r} over {l}"))
                    || profile.contains(&format!("{l} over {r}"))
                    || profile.contains(&format!("between {l} and {r}"));
                let on_axis = s.top.iter().any(|t| *t == axis.left || *t == axis.right);
                let clear = p
                    .position
                    .is_some_and(|x| x.abs() * 100.0 >= report::CLEAR_LEAN);
                assert_eq!(named, on_axis || clear, "{}: {profile}", a.id);
            }
        }
    }
}

#[test]
fn a_choice_without_weight_for_a_track_is_never_its_reason() {
    // The situation the issue found: an option that carries nothing for a
    // track, among options that carry much, was said to pull away from it.
    let yaml = r#"format: 1
id: x
title: X
tracks: [{ id: a, name: A }, { id: b, name: B }]
sections:
  - id: s
    title: S
    questions:
      - { id: c, type: choice, text: C, options: [{ id: p, label: P, weights: { a: 2 } }, { id: q, label: Q, weights: { b: 2, a: 0.5 } }, { id: r, label: R }] }
"#;
    let a = load("x.yaml", yaml.as_bytes()).unwrap().0;
    for (option, expected) in [(0, vec!["A"]), (1, vec!["B"]), (2, vec![])] {
        let mut answers = Answers::new(1);
        answers.set(0, Some(Answer::Choice(option)));
        let s = score(&a, &answers);
        let named: Vec<&str> = s
            .reasons
            .iter()
            .map(|r| a.tracks[r.track].name.as_str())
            .collect();
        assert_eq!(named, expected, "option {option}");
    }
}

#[test]
fn a_statement_valued_on_every_track_says_so_when_it_is_a_reason() {
    // "I know product people outside my company ..." weighs all four tracks
    // alike: disagreeing lowers every track, and the reason says so rather
    // than suggest it counts against one of them.
    let b = crossroads::bundled::find("career-tracks").unwrap();
    let a = load(b.id, b.yaml.as_bytes()).unwrap().0;
    let network = a.question_index("today-network").unwrap();
    let mut answers = Answers::new(a.questions.len());
    answers.set(network, Some(Answer::Likert(1)));
    let s = score(&a, &answers);
    let words = report::why(&a, &answers, &s);
    assert!(!words.is_empty());
    for line in words {
        assert!(line.ends_with("as it does every track"), "{line}");
    }
}

#[test]
fn an_answer_is_a_reason_for_one_track_at_most() {
    let mut rng = Rng(23);
    for a in assessments() {
        for _ in 0..500 {
            let answers = random_answers(&a, &mut rng);
            let s = score(&a, &answers);
            let reasons = report::top_reasons(&s, report::REASONS_PER_TRACK);
            let mut seen = std::collections::HashSet::new();
            for r in reasons {
                assert!(
                    seen.insert(r.question),
                    "{}: \"{}\" is a reason twice",
                    a.id,
                    a.questions[r.question].id
                );
            }
        }
    }
}

#[test]
fn a_ranking_is_quoted_as_the_placement_that_moved_the_track() {
    let b = crossroads::bundled::find("career-tracks").unwrap();
    let a = load(b.id, b.yaml.as_bytes()).unwrap().0;
    let q = a.question_index("enjoy-day-rank").unwrap();
    let QuestionKind::Rank { options } = &a.questions[q].kind else {
        panic!("enjoy-day-rank is a ranking");
    };
    let mgmt = a.track_index("mgmt").unwrap();
    // The option that weighs most for management placed first, the rest
    // in file order.
    let top = (0..options.len())
        .max_by(|x, y| {
            weight_of(&options[*x].weights, mgmt).total_cmp(&weight_of(&options[*y].weights, mgmt))
        })
        .unwrap();
    let mut order = vec![top];
    order.extend((0..options.len()).filter(|o| *o != top));
    let mut answers = Answers::new(a.questions.len());
    answers.set(q, Some(Answer::Rank(order)));
    let s = score(&a, &answers);
    let r = s
        .reasons
        .iter()
        .find(|r| r.track == mgmt && r.question == q)
        .expect("the ranking moved management");
    let line = report::reason_sentence(&a, &answers, r);
    assert!(
        line.contains(&format!("ranked '{}' first", options[top].label)),
        "{line}"
    );
    assert!(
        !line.contains("2."),
        "only the moving part is quoted: {line}"
    );
}
