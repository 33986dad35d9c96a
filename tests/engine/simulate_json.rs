//! The JSON of `simulate` for tools: every key present and documented in
//! docs/simulation.md, and null where a figure has no people behind it.

use crossroads::assessment::{self, Assessment};
use crossroads::simulate::{Settings, Simulation, report, simulate};

fn bundled(id: &str) -> Assessment {
    crossroads::bundled::find(id).unwrap().load().unwrap().0
}

fn run(a: &Assessment, respondents: usize, seed: u64) -> Simulation {
    simulate(a, Settings { respondents, seed })
}

#[test]
fn the_json_has_every_documented_field() {
    let a = bundled("quick-check");
    let json: serde_json::Value =
        serde_json::from_str(&report::json(&a, &run(&a, 20, 1)).to_string()).unwrap();
    for key in [
        "assessment",
        "respondents",
        "seed",
        "tie_margin",
        "tracks",
        "levels",
        "styles",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    let level = &json["levels"][0];
    for key in [
        "name",
        "noise",
        "one_track",
        "torn",
        "accuracy",
        "clear_accuracy",
        "false_blends",
        "torn_blend",
        "torn_one_alone",
        "retest",
        "retest_torn",
        "torn_gap_median",
        "one_track_lead_median",
        "confusion",
        "questions",
    ] {
        assert!(level.get(key).is_some(), "{key}");
    }
    for key in ["rows", "columns", "counts"] {
        assert!(level["confusion"].get(key).is_some(), "{key}");
    }
    for key in [
        "id",
        "type",
        "shown",
        "shown_by_track",
        "discrimination",
        "weakest",
        "removal_loss",
    ] {
        assert!(level["questions"][0].get(key).is_some(), "{key}");
    }
    let style = &json["styles"][0];
    for key in [
        "style",
        "respondents",
        "clear",
        "first",
        "blend",
        "none",
        "bands",
    ] {
        assert!(style.get(key).is_some(), "{key}");
    }
    assert_eq!(style["bands"][0]["band"], "Strong fit");
    // Every key of the JSON is documented (track ids aside).
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/simulation.md"))
        .unwrap();
    let mut keys = std::collections::BTreeSet::new();
    collect_keys(&json, &mut keys);
    for key in keys {
        assert!(
            doc.contains(&format!("`{key}`")),
            "docs/simulation.md documents {key}"
        );
    }
}

/// Every object key in a JSON value, except the track ids that key the
/// per-track objects.
fn collect_keys(v: &serde_json::Value, keys: &mut std::collections::BTreeSet<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map {
                keys.insert(k.clone());
                if !["clear", "first", "shown_by_track"].contains(&k.as_str()) {
                    collect_keys(child, keys);
                }
            }
        }
        serde_json::Value::Array(list) => list.iter().for_each(|c| collect_keys(c, keys)),
        _ => {}
    }
}

#[test]
fn with_a_single_respondent_nobody_is_torn_and_the_torn_figures_say_so() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");
    let a = assessment::load("sample.yaml", &std::fs::read(path).unwrap())
        .unwrap()
        .0;
    let sim = run(&a, 1, 1);
    assert_eq!((sim.levels[0].one_track, sim.levels[0].torn), (1, 0));
    let json = report::json(&a, &sim);
    assert!(json["levels"][0]["torn_blend"].is_null());
    assert!(json["levels"][0]["torn_gap_median"].is_null());
    assert!(
        report::text(&a, &sim)
            .lines()
            .any(|l| l.contains("torn shown as their blend") && l.trim_end().ends_with('-'))
    );
}
