//! The bundled assessments: embedded in the binary, loaded from the JSON
//! that build.rs makes of their YAML.

use crossroads::assessment;
use crossroads::bundled::BUNDLED;

#[test]
fn every_bundled_assessment_loads_the_same_from_its_json_as_from_its_yaml() {
    for b in BUNDLED {
        let (y, yaml_warnings) = assessment::load(b.id, b.yaml.as_bytes()).unwrap();
        let (j, json_warnings) = b.load().unwrap();
        // Every field but the id lookup table (a HashMap, in no fixed order).
        let fields = |a: &assessment::Assessment| {
            format!(
                "{:?}",
                (
                    &a.id,
                    &a.title,
                    &a.version,
                    &a.description,
                    a.estimated_minutes,
                    a.tie_margin,
                    &a.bands,
                    &a.tracks,
                    &a.axes,
                    &a.sections,
                    &a.questions,
                )
            )
        };
        assert_eq!(fields(&y), fields(&j), "{}", b.id);
        assert_eq!(format!("{yaml_warnings:?}"), format!("{json_warnings:?}"));
    }
}

#[test]
fn a_bundled_document_that_fails_as_json_is_read_from_its_yaml() {
    let b = &BUNDLED[0];
    let (a, _) = assessment::load_bundled(b.id, b.yaml.as_bytes(), "{ not json").unwrap();
    assert_eq!(a.id, "career-tracks");
}

#[test]
fn problems_of_a_bundled_document_are_located_in_its_yaml() {
    let yaml = "format: 1\nid: x\ntitle: X\ntracks: []\nsections: []\n";
    let json = r#"{"format": 1, "id": "x", "title": "X", "tracks": [], "sections": []}"#;
    let rejected = assessment::load_bundled("x", yaml.as_bytes(), json).unwrap_err();
    assert!(rejected.to_string().contains("tracks"), "{rejected}");
}
