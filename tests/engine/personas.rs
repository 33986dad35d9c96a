//! People a coach would recognise, most of them borderline, land where a
//! coach would expect (tests/personas/expected.yaml: the top set and why).

use std::collections::BTreeMap;

use crossroads::answers::read_answers;
use crossroads::assessment::Assessment;
use crossroads::{bundled, scoring};

#[derive(serde::Deserialize)]
struct Expected {
    top: Vec<String>,
    why: String,
}

fn career_tracks() -> Assessment {
    let b = bundled::find("career-tracks").unwrap();
    crossroads::assessment::load(b.id, b.yaml.as_bytes())
        .unwrap()
        .0
}

fn dir() -> String {
    format!("{}/tests/personas", env!("CARGO_MANIFEST_DIR"))
}

fn expected() -> BTreeMap<String, Expected> {
    let text = std::fs::read_to_string(format!("{}/expected.yaml", dir())).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

fn score(a: &Assessment, persona: &str) -> (scoring::Score, crossroads::answers::Answers) {
    let path = format!("{}/{persona}.yaml", dir());
    let file = read_answers(&path, &std::fs::read(&path).unwrap(), a).unwrap();
    (scoring::score(a, &file.answers), file.answers)
}

/// The top set as sorted track ids: a blend is the same in any order.
fn top_set(a: &Assessment, persona: &str) -> Vec<String> {
    let mut top: Vec<String> = score(a, persona)
        .0
        .top
        .iter()
        .map(|t| a.tracks[*t].id.clone())
        .collect();
    top.sort();
    top
}

#[test]
fn every_persona_lands_where_a_coach_would_expect() {
    let a = career_tracks();
    let mut wrong = Vec::new();
    for (persona, e) in expected() {
        assert!(!e.why.trim().is_empty(), "{persona}: say why");
        let mut want = e.top.clone();
        want.sort();
        let got = top_set(&a, &persona);
        if got != want {
            wrong.push(format!(
                "{persona}: expected {want:?}, got {got:?} ({})",
                e.why
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_persona_file_has_an_expectation_and_there_are_at_least_ten() {
    let expected = expected();
    let files: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|f| f.strip_suffix(".yaml").map(str::to_string))
        .filter(|f| f != "expected")
        .collect();
    for f in &files {
        assert!(expected.contains_key(f), "{f}.yaml has no expectation");
    }
    assert_eq!(files.len(), expected.len());
    assert!(files.len() >= 10, "{} personas", files.len());
}

#[test]
fn most_personas_are_borderline_rather_than_ideal_types() {
    // Five or more are expected as blends; nobody answers half the scale
    // questions or more at an end of the scale, and nobody's best track
    // reaches 95%, as the old caricatures did (95 to 98%, 67 to 81% of
    // their answers at an end).
    let a = career_tracks();
    let expected = expected();
    let blends = expected.values().filter(|e| e.top.len() > 1).count();
    assert!(blends >= 5, "{blends} blends");
    for persona in expected.keys() {
        let (s, answers) = score(&a, persona);
        let best = s.tracks[0].score.unwrap();
        assert!(best < 95.0, "{persona}: {best}");
        let (mut ends, mut scales) = (0, 0);
        for (qi, q) in a.questions.iter().enumerate() {
            if let (
                crossroads::assessment::model::QuestionKind::Likert { scale, .. },
                Some(crossroads::answers::Answer::Likert(v)),
            ) = (&q.kind, answers.get(qi))
            {
                scales += 1;
                ends += usize::from(*v == scale.min || *v == scale.max);
            }
        }
        assert!(ends * 2 < scales, "{persona}: {ends} of {scales} at an end");
    }
}

#[test]
fn mentoring_counts_for_the_individual_contributor_too() {
    // The engineer who loves mentoring but not meetings: his mentoring
    // answer is never a reason against the individual-contributor track.
    let a = career_tracks();
    let (s, _) = score(&a, "engineer-mentor");
    let teaching = a.question_index("enjoy-teaching").unwrap();
    let ic = a.track_index("ic").unwrap();
    assert!(
        !s.reasons
            .iter()
            .any(|r| r.question == teaching && r.track == ic && r.pull < 0.0)
    );
    let top = top_set(&a, "engineer-mentor");
    assert_eq!(top, ["ic"]);
}
