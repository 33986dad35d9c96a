//! `simulate`: synthetic respondents scored by the real engine. These tests
//! hold the promises of docs/simulation.md: the same seed gives the same
//! figures, people of a clearly written track are recognised, response
//! styles are reported, every answer is one a person could give, and any
//! valid assessment can be simulated.

use crossroads::answers::Answer;
use crossroads::answers::conditions::visibility;
use crossroads::assessment::{self, Assessment};
use crossroads::rng::Rng;
use crossroads::simulate::respondent::{Profile, Style, population, respond};
use crossroads::simulate::{Settings, Simulation, report, simulate};

fn load(yaml: &str) -> Assessment {
    match assessment::load("test.yaml", yaml.as_bytes()) {
        Ok((a, _)) => a,
        Err(e) => panic!("{e}"),
    }
}

fn bundled(id: &str) -> Assessment {
    crossroads::bundled::find(id).unwrap().load().unwrap().0
}

fn run(a: &Assessment, respondents: usize, seed: u64) -> Simulation {
    simulate(a, Settings { respondents, seed })
}

/// Three tracks; every question names exactly one of them, plainly.
const EASY: &str = r#"
format: 1
id: easy
title: Easy
tracks:
  - { id: a, name: Alpha }
  - { id: b, name: Beta }
  - { id: c, name: Gamma }
sections:
  - id: s
    title: S
    questions:
      - { id: a1, type: likert, text: A one, weights: { a: 1 } }
      - { id: a2, type: likert, text: A two, weights: { a: 1 } }
      - { id: b1, type: likert, text: B one, weights: { b: 1 } }
      - { id: b2, type: likert, text: B two, weights: { b: 1 } }
      - { id: c1, type: likert, text: C one, weights: { c: 1 } }
      - { id: c2, type: likert, text: C two, weights: { c: 1 } }
      - id: pick
        type: choice
        text: Pick one
        options:
          - { id: a, label: A, weights: { a: 1 } }
          - { id: b, label: B, weights: { b: 1 } }
          - { id: c, label: C, weights: { c: 1 } }
"#;

#[test]
fn the_same_seed_gives_byte_identical_output_and_another_seed_does_not() {
    let a = bundled("quick-check");
    let one = run(&a, 60, 42);
    let two = run(&a, 60, 42);
    assert_eq!(one, two);
    assert_eq!(report::text(&a, &one), report::text(&a, &two));
    assert_eq!(
        report::json(&a, &one).to_string(),
        report::json(&a, &two).to_string()
    );
    assert_ne!(report::json(&a, &one), report::json(&a, &run(&a, 60, 43)));
}

#[test]
fn people_of_a_plainly_written_track_are_recognised_at_low_noise() {
    let a = load(EASY);
    let sim = run(&a, 300, 1);
    let low = &sim.levels[0];
    assert_eq!(low.level.name, "low");
    assert!(low.accuracy >= 0.99, "{}", low.accuracy);
    assert!(low.clear_accuracy >= 0.95, "{}", low.clear_accuracy);
    // Every one-track person sits on the diagonal or in a blend.
    for (t, row) in low.confusion.iter().enumerate() {
        let off: usize = (0..3).filter(|&s| s != t).map(|s| row[s]).sum();
        assert_eq!(off, 0, "{row:?}");
    }
    // More noise, less accuracy.
    assert!(sim.levels[3].clear_accuracy < low.clear_accuracy);
}

#[test]
fn torn_people_are_shown_their_blend_unless_a_question_makes_them_choose() {
    // Statements only: a person torn between Alpha and Beta agrees with
    // both tracks' statements, and both score alike.
    let statements_only = EASY.split("      - id: pick").next().unwrap();
    let sim = run(&load(statements_only), 300, 1);
    assert!(sim.levels[0].torn_blend > 0.5, "{:?}", sim.levels[0]);
    assert!(sim.levels[0].false_blends < 0.05);
    // One choice between the tracks, weighted like a statement, gives one
    // of the two a third more: the torn person is shown a single track.
    let sim = run(&load(EASY), 300, 1);
    assert!(sim.levels[0].torn_one_alone > 0.9, "{:?}", sim.levels[0]);
}

#[test]
fn agreeing_with_everything_lands_on_the_track_whose_statements_are_not_reverse_worded() {
    // Beta's and Gamma's statements are reverse-worded, Alpha's are not.
    let yaml = EASY
        .replace("text: B one,", "text: B one, reverse: true,")
        .replace("text: B two,", "text: B two, reverse: true,")
        .replace("text: C one,", "text: C one, reverse: true,")
        .replace("text: C two,", "text: C two, reverse: true,");
    let a = load(&yaml);
    let sim = run(&a, 200, 5);
    let style = |name| sim.styles.iter().find(|s| s.name == name).unwrap();
    let agree = style("agree-all");
    assert_eq!(agree.respondents, 200);
    assert!(agree.clear[0] > 0.9, "{agree:?}");
    let disagree = style("disagree-all");
    assert_eq!(disagree.clear[0], 0.0, "{disagree:?}");
    assert!(disagree.first[0] < 0.05, "{disagree:?}");
    let random = style("random");
    let total: f64 = random.bands.iter().sum();
    assert!(
        (total - 1.0).abs() < 1e-9,
        "every respondent reaches one band or none"
    );
}

#[test]
fn every_simulated_answer_is_one_a_person_could_give_and_hidden_questions_stay_unanswered() {
    for a in [bundled("career-tracks"), bundled("quick-check"), sample()] {
        for (i, p) in population(a.tracks.len(), 40).into_iter().enumerate() {
            for style in [
                Style::Profile(p, 0.25),
                Style::Profile(p, 2.0),
                Style::AgreeAll,
                Style::DisagreeAll,
                Style::Random,
            ] {
                let answers = respond(&a, style, &mut Rng::stream(9, &[i as u64]));
                let visible = visibility(&a, &answers);
                for (qi, q) in a.questions.iter().enumerate() {
                    match answers.get(qi) {
                        Some(answer) => {
                            assert!(visible[qi], "{} answered while hidden", q.id);
                            assert_eq!(
                                crossroads::assessment::kinds::check(&q.kind, answer),
                                Ok(()),
                                "{}",
                                q.id
                            );
                            assert!(!matches!(answer, Answer::Text(_)));
                        }
                        None => assert!(
                            !visible[qi] || !q.is_scored(),
                            "{} visible and scored but unanswered",
                            q.id
                        ),
                    }
                }
            }
        }
    }
}

fn sample() -> Assessment {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");
    load(&std::fs::read_to_string(path).unwrap())
}

#[test]
fn it_runs_on_the_conformance_sample_and_every_bundled_assessment() {
    let mut all = vec![sample()];
    all.extend(crossroads::bundled::BUNDLED.iter().map(|b| bundled(b.id)));
    for a in all {
        let sim = run(&a, 40, 1);
        assert_eq!(sim.levels.len(), 4);
        for l in &sim.levels {
            assert_eq!(l.one_track + l.torn, 40);
            assert_eq!(l.questions.len(), a.questions.len());
            let counted: usize = l.confusion.iter().flatten().sum();
            assert_eq!(counted, l.one_track);
        }
        assert!(report::text(&a, &sim).contains("torn shown as their blend"));
    }
}

/// Assessments unlike the bundled ones: the simulation must still run and
/// say something sensible.
#[test]
fn it_runs_on_unusual_assessments() {
    let two_tracks_choices_only = r#"
format: 1
id: two
title: Two
tracks: [ { id: x, name: X }, { id: y, name: Y } ]
sections:
  - id: s
    title: S
    questions:
      - id: c
        type: choice
        text: C
        options: [ { id: p, label: P, weights: { x: 1 } }, { id: q, label: Q, weights: { y: 1 } } ]
      - id: m
        type: multi
        text: M
        min: 1
        max: 1
        options: [ { id: p, label: P, weights: { x: 1 } }, { id: q, label: Q, weights: { y: 2 } }, { id: r, label: R } ]
      - id: r
        type: rank
        text: R
        options: [ { id: p, label: P, weights: { x: -1 } }, { id: q, label: Q, weights: { y: 1 } } ]
"#;
    let six_tracks_custom_scale = {
        let ids = ["t1", "t2", "t3", "t4", "t5", "t6"];
        let mut y =
            String::from("format: 1\nid: six\ntitle: Six\nscale: { min: 0, max: 10 }\ntracks:\n");
        for t in ids {
            y += &format!("  - {{ id: {t}, name: {t} }}\n");
        }
        y += "sections:\n  - id: s\n    title: S\n    questions:\n";
        for (i, t) in ids.iter().enumerate() {
            y += &format!(
                "      - {{ id: q{i}, type: likert, text: Q, reverse: {}, scale: {{ min: -3, max: 3 }}, weights: {{ {t}: 2 }} }}\n",
                i % 2 == 0
            );
        }
        y
    };
    let all_hidden_but_one = r#"
format: 1
id: hidden
title: Hidden
tracks: [ { id: x, name: X }, { id: y, name: Y } ]
sections:
  - id: s
    title: S
    questions:
      - { id: gate, type: likert, text: G, weights: { x: 1, y: -1 } }
      - { id: never, type: likert, text: N, show_if: { question: gate, at_least: 99 }, weights: { y: 1 } }
      - { id: never2, type: likert, text: N, show_if: { question: never, answered: true }, weights: { x: 1 } }
"#;
    for yaml in [
        two_tracks_choices_only,
        six_tracks_custom_scale.as_str(),
        all_hidden_but_one,
    ] {
        let a = load(yaml);
        let sim = run(&a, 50, 3);
        let json = report::json(&a, &sim);
        assert_eq!(json["levels"].as_array().unwrap().len(), 4, "{yaml}");
        assert!(sim.levels[0].accuracy > 0.5, "{yaml}: {:?}", sim.levels[0]);
    }
    let hidden = run(&load(all_hidden_but_one), 50, 3);
    assert_eq!(hidden.levels[0].questions[1].shown, 0.0);
    assert_eq!(hidden.levels[0].questions[0].shown, 1.0);
    assert_eq!(hidden.levels[0].questions[1].shown_by_track, [0.0, 0.0]);
}

#[test]
fn a_question_that_decides_the_result_loses_accuracy_when_removed() {
    // Only `pick` separates Beta from Gamma people: the statements speak
    // of Alpha alone, so without it Beta and Gamma tie.
    let yaml = EASY
        .replace(
            "text: B one, weights: { b: 1 }",
            "text: B one, weights: { a: -1 }",
        )
        .replace(
            "text: B two, weights: { b: 1 }",
            "text: B two, weights: { a: -1 }",
        )
        .replace(
            "text: C one, weights: { c: 1 }",
            "text: C one, weights: { a: -1 }",
        )
        .replace(
            "text: C two, weights: { c: 1 }",
            "text: C two, weights: { a: -1 }",
        );
    let a = load(&yaml);
    let sim = run(&a, 120, 2);
    let pick = a.question_index("pick").unwrap();
    let low = &sim.levels[0];
    assert!(
        low.questions[pick].removal_loss > 0.3,
        "{:?}",
        low.questions[pick]
    );
    assert!(low.questions[0].removal_loss.abs() < 0.1);
}

#[test]
fn the_population_has_every_track_and_every_pair() {
    let p = population(4, 400);
    assert_eq!(p.iter().filter(|x| x.second.is_none()).count(), 200);
    for t in 0..4 {
        assert_eq!(
            p.iter()
                .filter(|x| *x
                    == &Profile {
                        main: t,
                        second: None
                    })
                .count(),
            50
        );
    }
    let pairs: std::collections::BTreeSet<_> = p
        .iter()
        .filter_map(|x| x.second.map(|b| (x.main, b)))
        .collect();
    assert_eq!(pairs.len(), 6);
}

#[test]
fn agree_all_and_disagree_all_are_nearly_always_flagged_and_realistic_people_almost_never() {
    let a = bundled("career-tracks");
    let sim = run(&a, 80, 7);
    let style = |name: &str| sim.styles.iter().find(|s| s.name == name).unwrap();
    assert!(style("agree-all").uniform_style >= 0.95);
    assert!(style("disagree-all").uniform_style >= 0.95);
    assert!(style("random").uniform_style <= 0.05);
    let medium = sim
        .levels
        .iter()
        .find(|l| l.level.name == "medium")
        .unwrap();
    assert!(medium.uniform_style <= 0.05, "{}", medium.uniform_style);
}

#[test]
fn the_uniform_style_share_is_in_the_text_and_the_json() {
    let a = load(EASY);
    let sim = run(&a, 20, 3);
    let text = report::text(&a, &sim);
    assert!(text.contains("uniform response style"), "{text}");
    let json = report::json(&a, &sim);
    for level in json["levels"].as_array().unwrap() {
        assert!(level["uniform_style"].is_f64(), "{level}");
    }
    for style in json["styles"].as_array().unwrap() {
        assert!(style["uniform_style"].is_f64(), "{style}");
    }
}

#[test]
fn someone_who_takes_what_is_shown_first_favours_no_track_when_options_are_shuffled() {
    let shuffled = bundled("career-tracks");
    assert!(shuffled.shuffle);
    let sim = run(&shuffled, 200, 3);
    let as_shown = sim.styles.iter().find(|s| s.name == "as-shown").unwrap();
    for (t, first) in as_shown.first.iter().enumerate() {
        assert!(
            *first < 0.4,
            "track {t} first for {first} of them: {as_shown:?}"
        );
    }
    assert!(as_shown.uniform_style >= 0.95, "and they are told so");
}

#[test]
fn without_shuffle_the_track_listed_first_wins_for_someone_who_takes_what_is_shown() {
    let yaml = crossroads::bundled::find("career-tracks")
        .unwrap()
        .yaml
        .replace("\nshuffle: true\n", "\n");
    let plain = load(&yaml);
    assert!(!plain.shuffle);
    let sim = run(&plain, 100, 3);
    let as_shown = sim.styles.iter().find(|s| s.name == "as-shown").unwrap();
    assert!(as_shown.first[0] > 0.9, "{as_shown:?}");
}

#[test]
fn a_first_place_won_only_by_declaration_order_is_counted() {
    // Every question weighs both tracks alike: every respondent ties, and
    // Alpha is first only because it is declared first.
    let a = load(
        r#"
format: 1
id: alike
title: Alike
tracks:
  - { id: a, name: Alpha }
  - { id: b, name: Beta }
sections:
  - id: s
    title: S
    questions:
      - { id: q1, type: likert, text: One, weights: { a: 1, b: 1 } }
      - { id: q2, type: likert, text: Two, weights: { a: 1, b: 1 } }
"#,
    );
    let sim = run(&a, 30, 2);
    for s in &sim.styles {
        assert_eq!(s.first_by_order, 1.0, "{}", s.name);
    }
    let easy = run(&load(EASY), 60, 2);
    let random = easy.styles.iter().find(|s| s.name == "random").unwrap();
    assert!(random.first_by_order < 0.5, "{}", random.first_by_order);
}

#[test]
fn the_bundled_assessments_give_no_response_style_a_first_place_by_declaration_order_and_agreeing_with_all_lands_nowhere()
 {
    for id in ["career-tracks", "quick-check"] {
        let sim = run(&bundled(id), 200, 1);
        for s in &sim.styles {
            assert!(
                s.first_by_order <= 0.12,
                "{id} {}: {}",
                s.name,
                s.first_by_order
            );
            if s.name == "agree-all" || s.name == "disagree-all" {
                for (t, share) in s.first.iter().enumerate() {
                    assert!(*share <= 0.35, "{id} {}: track {t} first {share}", s.name);
                }
            }
        }
    }
}
