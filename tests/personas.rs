//! People a coach would recognise land where a coach would expect.

use crossroads::answers::read_answers;
use crossroads::{bundled, scoring};

fn top_set(persona: &str) -> Vec<String> {
    let b = bundled::find("career-tracks").unwrap();
    let (a, _) = crossroads::assessment::load(b.id, b.yaml.as_bytes()).unwrap();
    let path = format!(
        "{}/tests/personas/{persona}.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    let file = read_answers(&path, &std::fs::read(&path).unwrap(), &a).unwrap();
    let s = scoring::score(&a, &file.answers);
    s.top.iter().map(|t| a.tracks[*t].id.clone()).collect()
}

#[test]
fn a_market_minded_strategist_fits_product_manager() {
    assert_eq!(top_set("strategist"), ["pm"]);
}

#[test]
fn a_backlog_and_sprint_person_fits_product_owner() {
    assert_eq!(top_set("delivery"), ["po"]);
}

#[test]
fn a_deep_craft_engineer_fits_individual_contributor() {
    assert_eq!(top_set("craft"), ["ic"]);
}

#[test]
fn a_people_first_leader_fits_people_management() {
    assert_eq!(top_set("people-leader"), ["mgmt"]);
}

#[test]
fn someone_torn_between_two_tracks_gets_a_blend() {
    assert_eq!(top_set("torn"), ["pm", "mgmt"]);
}

#[test]
fn every_persona_in_expected_yaml_is_checked() {
    let path = format!(
        "{}/tests/personas/expected.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    let expected: std::collections::BTreeMap<String, Vec<String>> =
        serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for (persona, top) in expected {
        assert_eq!(top_set(&persona), top, "{persona}");
    }
}
