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

// Issue 19: compare says who and when; deltas are the difference of the
// percents shown, in compare and in "since last time" alike.

use crossroads::compare::Side;
use crossroads::session::goals::Previous;
use crossroads::session::planning::Change;
use crossroads::session::{Meta, Session, Timestamp};

fn day(iso: &str) -> Timestamp {
    format!("{iso}T10:00:00Z").parse().unwrap()
}

fn meta(name: Option<&str>, started: Option<&str>, updated: Option<&str>) -> Meta {
    Meta {
        name: name.map(str::to_string),
        started: started.map(day),
        updated: updated.map(day),
        ..Meta::default()
    }
}

fn sided(old: Side, new: Side) -> (Assessment, Comparison) {
    let (a, c) = old_and_new();
    (a, c.with_sides(old, new))
}

fn ben_and_li() -> (Assessment, Comparison) {
    sided(
        Side::of(
            "a.yaml",
            Some(&meta(Some("Ben O'Neil"), Some("2026-03-03"), None)),
        ),
        Side::of(
            "b.yaml",
            Some(&meta(Some("李娜"), Some("2026-03-05"), None)),
        ),
    )
}

#[test]
fn each_side_of_one_persons_sessions_is_labelled_with_name_and_date() {
    let (a, c) = sided(
        Side::of(
            "x.yaml",
            Some(&meta(Some("Sam Lee"), Some("2026-03-03"), None)),
        ),
        Side::of(
            "y.yaml",
            Some(&meta(Some("Sam Lee"), Some("2026-06-05"), None)),
        ),
    );
    let text = compare::text(&a, &c);
    assert!(
        text.contains("Before, Sam Lee (3 March 2026): Strongest fit: Builder"),
        "{text}"
    );
    assert!(
        text.contains("After, Sam Lee (5 June 2026):  Strongest fit: Guide"),
        "{text}"
    );
    let md = compare::markdown(&a, &c);
    assert!(
        md.contains("- Before, Sam Lee (3 March 2026): **Strongest fit: Builder**"),
        "{md}"
    );
    assert!(
        md.contains("- After, Sam Lee (5 June 2026): **Strongest fit: Guide**"),
        "{md}"
    );
    let json = compare::json(&a, &c);
    assert_eq!(json["old_person"], "Sam Lee");
    assert_eq!(json["old_date"], "2026-03-03");
    assert_eq!(json["new_person"], "Sam Lee");
    assert_eq!(json["new_date"], "2026-06-05");
    assert_eq!(json["same_person"], true);
}

#[test]
fn a_session_is_dated_by_its_start_or_else_its_last_change() {
    let started = Side::of(
        "x.yaml",
        Some(&meta(None, Some("2026-03-03"), Some("2026-04-01"))),
    );
    let updated = Side::of("x.yaml", Some(&meta(None, None, Some("2026-04-01"))));
    assert_eq!(started.words(), "me (3 March 2026)");
    assert_eq!(updated.words(), "me (1 April 2026)");
}

#[test]
fn the_self_assessment_is_labelled_me() {
    let side = Side::of(
        "me-20260303.yaml",
        Some(&meta(None, Some("2026-03-03"), None)),
    );
    assert_eq!(side.label, "me");
    assert_eq!(side.person.as_deref(), Some("me"));
}

#[test]
fn a_plain_answers_file_is_labelled_by_its_file_name() {
    let (a, c) = sided(Side::of("old.yaml", None), Side::of("new.yaml", None));
    let text = compare::text(&a, &c);
    assert!(
        text.contains("Before, old.yaml: Strongest fit: Builder"),
        "{text}"
    );
    assert!(
        text.contains("After, new.yaml:  Strongest fit: Guide"),
        "{text}"
    );
    let json = compare::json(&a, &c);
    assert_eq!(json["old_person"], "old.yaml");
    assert!(json["old_date"].is_null());
    assert_eq!(json["same_person"], true);
}

#[test]
fn two_different_people_are_named_in_the_heading() {
    let (a, c) = ben_and_li();
    let who = "Two different people: Ben O'Neil (3 March 2026) and 李娜 (5 March 2026)";
    let text = compare::text(&a, &c);
    assert!(
        text.starts_with("Sample paths: two different people\n"),
        "{text}"
    );
    assert!(text.contains(who), "{text}");
    assert!(compare::markdown(&a, &c).contains(who));
}

#[test]
fn two_different_people_are_compared_as_differences_not_changes() {
    let (a, c) = ben_and_li();
    for out in [compare::text(&a, &c), compare::markdown(&a, &c)] {
        let lower = out.to_lowercase();
        for word in ["before", "after", "change", "up 1", "down 2"] {
            assert!(!lower.contains(word), "{word:?} in:\n{out}");
        }
        assert!(out.contains("differ"), "{out}");
    }
    let text = compare::text(&a, &c);
    assert!(
        text.contains("Ben O'Neil: 4 (Always)\n    李娜: 1 (Never)"),
        "{text}"
    );
    assert!(
        text.contains("3. Builder  100% vs  18%   -82  rank 1 vs 3 (2 lower)"),
        "{text}"
    );
}

#[test]
fn json_says_whether_the_sides_are_the_same_person() {
    let (a, c) = ben_and_li();
    let json = compare::json(&a, &c);
    assert_eq!(json["same_person"], false);
    assert_eq!(json["old_person"], "Ben O'Neil");
    assert_eq!(json["new_person"], "李娜");
    assert_eq!(json["new_date"], "2026-03-05");
    // Every key of one person's comparison is still there.
    for key in ["tracks", "axes", "changed"] {
        assert!(json.get(key).is_some(), "{key}");
    }
}

#[test]
fn names_differing_only_in_case_and_spaces_are_one_person() {
    let (_, c) = sided(
        Side::of("x.yaml", Some(&meta(Some("Sam  Lee"), None, None))),
        Side::of("y.yaml", Some(&meta(Some("sam lee"), None, None))),
    );
    assert!(c.same_person());
}

#[test]
fn the_self_assessment_and_a_named_person_are_two_people() {
    let (_, c) = sided(
        Side::of("x.yaml", Some(&meta(None, None, None))),
        Side::of("y.yaml", Some(&meta(Some("Ada"), None, None))),
    );
    assert!(!c.same_person());
}

#[test]
fn compare_and_since_last_time_give_the_same_deltas() {
    let a = sample();
    let (old, new) = (answers(&a, OLD), answers(&a, NEW));
    let c = compare::compare(&a, &old, &new);
    let previous = Previous {
        file: "earlier.yaml".into(),
        meta: Meta::default(),
        answers: old,
    };
    let session = Session::new(a, new, Meta::default()).with_previous(Some(previous));
    let since = session.since_last_time().unwrap();
    let from_compare: Vec<(usize, Option<i64>)> =
        c.tracks.iter().map(|t| (t.track, t.points())).collect();
    let from_since: Vec<(usize, Option<i64>)> =
        since.iter().map(|s| (s.track, s.delta())).collect();
    assert_eq!(from_compare, from_since);
    // Builder: 100% then, 18% now (17.5 rounds up): -82, not -82.5 or -83.
    assert!(
        since
            .iter()
            .any(|s| s.words(session.assessment()) == "Builder: 100% then, 18% now, -82 points")
    );
}

/// The whole percent in "46%".
fn shown(p: &str) -> i64 {
    p.trim().trim_end_matches('%').parse().unwrap()
}

proptest::proptest! {
    #[test]
    fn since_last_time_delta_is_the_difference_of_the_percents_it_shows(
        before in 0.0f64..=100.0,
        now in 0.0f64..=100.0,
        half in proptest::bool::ANY,
    ) {
        // Half the cases sit on a rounding edge, x.5, where unrounded
        // differences go wrong.
        let (before, now) = match half {
            true => (before.floor() + 0.5, now.floor().min(99.0) + 0.4999),
            false => (before, now),
        };
        let a = sample();
        let line = Change { track: 0, before: Some(before), now: Some(now) }.words(&a);
        // "Builder: 46% then, 42% now, -4 points"
        let parts: Vec<&str> = line.split(", ").collect();
        let then = shown(parts[0].rsplit(' ').nth(1).unwrap());
        let now_shown = shown(parts[1].split(' ').next().unwrap());
        let delta = match parts[2] {
            "no change" => 0,
            d => d.split(' ').next().unwrap().parse::<i64>().unwrap(),
        };
        proptest::prop_assert_eq!(delta, now_shown - then, "{}", line);
    }

    #[test]
    fn a_compare_row_delta_is_the_difference_of_the_percents_it_shows(
        old in 0.0f64..=100.0,
        new in 0.0f64..=100.0,
    ) {
        let (a, mut c) = old_and_new();
        c.tracks.truncate(1);
        c.tracks[0].old = Some(old);
        c.tracks[0].new = Some(new);
        let text = compare::text(&a, &c);
        // "  1. Guide      0% ->  87%   +87  rank 2 -> 1 (up 1)"
        let row = text.lines().find(|l| l.starts_with("  1. ")).unwrap();
        let cells: Vec<&str> = row.split_whitespace().collect();
        let (o, n, d) = (shown(cells[2]), shown(cells[4]), cells[5].parse::<i64>().unwrap());
        proptest::prop_assert_eq!(d, n - o, "{}", row);
    }
}
