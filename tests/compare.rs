//! Two answer sets of one assessment compared (`compare`), checked against
//! scores worked out by hand on the spec's sample.

use crossroads::answers::{Answers, read_answers};
use crossroads::assessment::{Assessment, load};
use crossroads::compare::{self, Comparison};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");

fn sample() -> Assessment {
    load("sample.yaml", &std::fs::read(SAMPLE).unwrap())
        .unwrap()
        .0
}

fn answers(a: &Assessment, yaml: &str) -> Answers {
    let file = format!("assessment: sample-paths\nanswers:\n{yaml}");
    read_answers("answers.yaml", file.as_bytes(), a)
        .unwrap()
        .answers
}

/// Old: tinker 4 (of 1..4), role "make". Mentoring (role in help/decide)
/// and planner-depth (tinker at most 2) are hidden.
///
/// - Builder: tinker w=2, x=1: c=2 in [0,2]; role make: c=1 in [0,1] (option
///   weights 1, 0.5, 0, 0). C=3, L=0, H=3: 100.
/// - Guide: role: c=0 in [0,1]. C=0, L=0, H=1: 0.
/// - Planner: tinker w=-0.5, x=1: c=-0.5 in [-0.5,0]; role: c=0 in [0,2].
///   C=-0.5, L=-0.5, H=2: 0.
///
/// Ranks: Builder 1, Guide 2, Planner 3 (Guide and Planner tie at 0 and
/// keep declaration order). Axis hands (Builder to Guide): (0-100)/100 = -1.
const OLD: &str = "  tinker: 4\n  role: make\n";

/// New: tinker 1, role "help", mentoring 8 (of 0..10). Planner-depth is
/// visible (tinker <= 2, tools unanswered) but skipped.
///
/// - Builder: tinker x=0: c=0 in [0,2]; role help: c=0.5 in [0,1];
///   mentoring w=-1, x=0.8: c=-0.8 in [-1,0]. C=-0.3, L=-1, H=3:
///   100 * 0.7 / 4 = 17.5.
/// - Guide: role: c=1 in [0,1]; mentoring w=2: c=1.6 in [0,2]. C=2.6, L=0,
///   H=3: 260/3 = 86.666...
/// - Planner: tinker: c=0 in [-0.5,0]; role: c=0 in [0,2]. C=0, L=-0.5,
///   H=2: 100 * 0.5 / 2.5 = 20.
///
/// Ranks: Guide 1, Planner 2, Builder 3. Axis: (86.666... - 17.5)/100.
const NEW: &str = "  tinker: 1\n  role: help\n  mentoring: 8\n";

fn old_and_new() -> (Assessment, Comparison) {
    let a = sample();
    let c = compare::compare(&a, &answers(&a, OLD), &answers(&a, NEW));
    (a, c)
}

fn track<'c>(c: &'c Comparison, id: &str) -> &'c compare::TrackChange {
    c.tracks.iter().find(|t| t.id == id).unwrap()
}

fn close(x: Option<f64>, want: f64) {
    let x = x.expect("a number");
    assert!((x - want).abs() < 1e-9, "{x} != {want}");
}

#[test]
fn deltas_match_scores_worked_out_by_hand() {
    let (_, c) = old_and_new();
    let build = track(&c, "build");
    close(build.old, 100.0);
    close(build.new, 17.5);
    close(build.delta, 17.5 - 100.0);
    let guide = track(&c, "guide");
    close(guide.old, 0.0);
    close(guide.new, 260.0 / 3.0);
    close(guide.delta, 260.0 / 3.0);
    let plan = track(&c, "plan");
    close(plan.old, 0.0);
    close(plan.new, 20.0);
    close(plan.delta, 20.0);
}

#[test]
fn tracks_are_in_the_new_rank_order_with_both_ranks() {
    let (_, c) = old_and_new();
    let rows: Vec<(&str, usize, usize, i64)> = c
        .tracks
        .iter()
        .map(|t| (t.id.as_str(), t.old_rank, t.new_rank, t.rank_change))
        .collect();
    assert_eq!(
        rows,
        [("guide", 2, 1, 1), ("plan", 3, 2, 1), ("build", 1, 3, -2)]
    );
}

#[test]
fn axis_positions_and_leanings_before_and_after() {
    let (a, c) = old_and_new();
    let hands = &c.axes[0];
    assert_eq!(hands.id, "hands");
    close(hands.old, -1.0);
    close(hands.new, (260.0 / 3.0 - 17.5) / 100.0);
    assert_eq!(hands.old_leaning, a.track_index("build"));
    assert_eq!(hands.new_leaning, a.track_index("guide"));
}

#[test]
fn identical_answers_give_zero_deltas_and_no_changed_answers() {
    let a = sample();
    let both = answers(&a, NEW);
    let c = compare::compare(&a, &both, &both);
    for t in &c.tracks {
        assert_eq!(t.delta, Some(0.0), "{}", t.id);
        assert_eq!(t.rank_change, 0);
    }
    assert!(c.changed.is_empty());
    assert!(compare::text(&a, &c).contains("every answer is the same"));
}

#[test]
fn a_changed_answer_is_listed_with_both_values_in_words() {
    let (a, c) = old_and_new();
    let role = c.changed.iter().find(|ch| ch.id == "role").unwrap();
    assert_eq!(role.text, "What do you do most today?");
    assert_eq!(role.old, "Make things");
    assert_eq!(role.new, "Help others make things");
    let tinker = c.changed.iter().find(|ch| ch.id == "tinker").unwrap();
    assert_eq!(
        (tinker.old.as_str(), tinker.new.as_str()),
        ("4 (Always)", "1 (Never)")
    );
    for out in [compare::text(&a, &c), compare::markdown(&a, &c)] {
        assert!(out.contains("Make things"), "{out}");
        assert!(out.contains("Help others make things"), "{out}");
    }
}

#[test]
fn a_question_that_became_visible_is_listed_as_hidden_before() {
    let (_, c) = old_and_new();
    let changed: Vec<(&str, &str, &str)> = c
        .changed
        .iter()
        .map(|ch| (ch.id.as_str(), ch.old.as_str(), ch.new.as_str()))
        .collect();
    assert_eq!(
        changed,
        [
            ("tinker", "4 (Always)", "1 (Never)"),
            ("role", "Make things", "Help others make things"),
            ("mentoring", "hidden", "8 of 0..10"),
            ("planner-depth", "hidden", "no answer"),
        ]
    );
}

#[test]
fn an_answer_kept_behind_a_condition_is_not_a_change() {
    let a = sample();
    // Mentoring is hidden in both (role "make"): its kept answer is ignored.
    let old = answers(&a, "  role: make\n  mentoring: 2\n");
    let new = answers(&a, "  role: make\n  mentoring: 9\n");
    assert!(compare::compare(&a, &old, &new).changed.is_empty());
}

#[test]
fn the_order_options_were_ticked_in_is_not_a_change() {
    let a = sample();
    let old = answers(&a, "  role: make\n  tools: [code, talks]\n");
    let new = answers(&a, "  role: make\n  tools: [talks, code]\n");
    assert!(compare::compare(&a, &old, &new).changed.is_empty());
}

#[test]
fn a_track_unscored_on_one_side_has_no_delta() {
    let a = sample();
    // No answers at all (built directly: an answers file must answer the
    // required "role"), so before, no track can be scored.
    let none = Answers::new(a.questions.len());
    let some = answers(&a, OLD);
    let c = compare::compare(&a, &none, &some);
    for t in &c.tracks {
        assert_eq!(t.old, None, "{}", t.id);
        assert_eq!(t.delta, None, "{}", t.id);
        assert!(t.new.is_some());
    }
    let json = compare::json(&a, &c);
    assert!(json["tracks"][0]["old"].is_null());
    assert!(json["tracks"][0]["delta"].is_null());
    assert!(json["axes"][0]["old"].is_null());
}

#[test]
fn json_has_the_documented_shape_with_unrounded_numbers() {
    let (a, c) = old_and_new();
    let json = compare::json(&a, &c);
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(
        keys(&json),
        [
            "tracks",
            "axes",
            "changed",
            "old_person",
            "old_date",
            "new_person",
            "new_date",
            "same_person"
        ]
    );
    assert_eq!(
        keys(&json["tracks"][0]),
        [
            "id",
            "name",
            "old",
            "new",
            "delta",
            "old_rank",
            "new_rank",
            "rank_change",
            "points"
        ]
    );
    assert_eq!(
        keys(&json["axes"][0]),
        [
            "id",
            "left",
            "right",
            "old",
            "new",
            "old_leaning",
            "new_leaning"
        ]
    );
    assert_eq!(keys(&json["changed"][0]), ["id", "text", "old", "new"]);
    assert_eq!(json["tracks"][0]["id"], "guide");
    let guide_new = json["tracks"][0]["new"].as_f64().unwrap();
    assert!((guide_new - 260.0 / 3.0).abs() < 1e-9);
    assert_eq!(json["axes"][0]["old_leaning"], "build");
    assert_eq!(json["axes"][0]["new_leaning"], "guide");
}

#[test]
fn markdown_starts_with_a_heading_and_text_names_every_track() {
    let (a, c) = old_and_new();
    assert!(compare::markdown(&a, &c).starts_with("# "));
    let text = compare::text(&a, &c);
    for t in &a.tracks {
        assert!(text.contains(&t.name), "{}", t.name);
    }
}

#[test]
fn text_comparison_of_the_worked_example() {
    let (a, c) = old_and_new();
    insta::assert_snapshot!("worked_text", compare::text(&a, &c));
}

#[test]
fn markdown_comparison_of_the_worked_example() {
    let (a, c) = old_and_new();
    insta::assert_snapshot!("worked_markdown", compare::markdown(&a, &c));
}

#[test]
fn the_goals_of_both_sessions_are_in_every_format() {
    use crossroads::session::goals::Goal;
    let a = sample();
    let (old, new) = (answers(&a, OLD), answers(&a, OLD));
    let before = vec![Goal {
        text: "Run a planning offsite".into(),
        track: Some("plan".into()),
        done_when: "The team follows the plan".into(),
        target: Some("2027-01-31".into()),
    }];
    let after = vec![Goal {
        text: "Coach two juniors | weekly".into(),
        ..Goal::default()
    }];
    let c = compare::compare(&a, &old, &new).with_goals(&before, &after);
    let text = compare::text(&a, &c);
    assert!(text.contains("Goals\n  before:\n    - Run a planning offsite (From Planner; done when: The team follows the plan; by 2027-01-31)\n  after:\n    - Coach two juniors | weekly\n"), "{text}");
    let md = compare::markdown(&a, &c);
    assert!(md.contains("## Goals"), "{md}");
    assert!(md.contains("- Coach two juniors \\| weekly"), "{md}");
    let json = compare::json(&a, &c);
    assert_eq!(json["old_goals"][0]["target"], "2027-01-31");
    assert_eq!(json["new_goals"][0]["text"], "Coach two juniors | weekly");

    let plain = compare::compare(&a, &old, &new);
    assert!(!compare::text(&a, &plain).contains("Goals"));
    assert!(!compare::markdown(&a, &plain).contains("## Goals"));
}
