//! Diagnostics like a compiler, checked from outside: copies of the bundled
//! assessment and a file the project has never seen, with planted mistakes;
//! every one is reported in one run, at the line and column of the wrong
//! value, and `validate` exits 1.

use assert_cmd::Command;

const CAREER: &str = include_str!("../../assessments/career-tracks.yaml");

/// `text` with `from` replaced by `to` (which must be there exactly once).
fn plant(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?}");
    text.replacen(from, to, 1)
}

/// Line and column (from 1, in characters) of `needle` inside the last
/// line containing `context`.
fn place(text: &str, context: &str, needle: &str) -> (usize, usize) {
    let (i, line) = (text.lines().enumerate())
        .filter(|(_, l)| l.contains(context))
        .last()
        .unwrap_or_else(|| panic!("no line with {context:?}"));
    let byte = line.find(needle).expect("needle in its line");
    (i + 1, line[..byte].chars().count() + 1)
}

/// `validate` on `text`: its exit status and standard error.
fn validate(text: &str, args: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("career.yaml");
    std::fs::write(&file, text).unwrap();
    let out = Command::cargo_bin("crossroads")
        .unwrap()
        .current_dir(dir.path())
        .arg("validate")
        .arg("career.yaml")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    (out.status.code().unwrap_or(-1), stderr, stdout)
}

/// Each (line, column, words) is one reported line, and nothing else is an error.
fn expect(stderr: &str, wanted: &[((usize, usize), &str)]) {
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
    for ((line, column), words) in wanted {
        let head = format!("career.yaml:{line}:{column}: error: ");
        assert!(
            errors
                .iter()
                .any(|l| l.starts_with(&head) && l.contains(words)),
            "no `{head}...{words}` in\n{stderr}"
        );
    }
    assert_eq!(errors.len(), wanted.len(), "{stderr}");
}

#[test]
fn four_planted_mistakes_in_career_tracks_are_all_reported_in_one_run() {
    let text = plant(
        CAREER,
        "    name: Product Manager\n",
        "    nmae: Product Manager\n",
    );
    let text = plant(
        &text,
        "        coach: When you picture making",
        "        caoch: When you picture making",
    );
    let text = plant(&text, "left: po, right: pm,", "left: po, right: pmm,");
    let text = plant(
        &text,
        "      - id: enjoy-next-piece\n",
        "      - id: enjoy-next-piece\n        show_if: { question: enjoy-horizn, at_least: 3 }\n",
    );
    let (code, stderr, _) = validate(&text, &[]);
    assert_eq!(code, 1, "{stderr}");
    expect(
        &stderr,
        &[
            (
                place(&text, "nmae:", "nmae"),
                "unknown key `nmae`; did you mean `name`?",
            ),
            (
                place(&text, "caoch:", "caoch"),
                "unknown key `caoch`; did you mean `coach`?",
            ),
            (
                place(&text, "right: pmm", "pmm"),
                "right names unknown track \"pmm\"; did you mean \"pm\"?",
            ),
            (
                place(&text, "enjoy-horizn", "enjoy-horizn"),
                "unknown question \"enjoy-horizn\"; did you mean \"enjoy-horizon\"?",
            ),
        ],
    );
    assert!(stderr.ends_with("1 of 1 file invalid\n"), "{stderr}");
}

#[test]
fn a_deep_wrong_type_a_repeated_option_an_unknown_track_and_a_band_without_label() {
    let text = plant(
        CAREER,
        "  - { min: 50, label: Partial fit, message: \"More of your answers pointed toward this track than away from it.\" }\n",
        "  - { min: 50 }\n",
    );
    let text = plant(
        &text,
        "reverse: true\n        weights: { pm: 1.5, po: -0.5 }\n        coach: When you picture making",
        "reverse: maybe\n        weights: { pm: 1.5, pp: -0.5 }\n        coach: When you picture making",
    );
    let text = plant(
        &text,
        "          - { id: with-team, label: A day with the team",
        "          - { id: bets, label: A day with the team",
    );
    let (code, stderr, _) = validate(&text, &[]);
    assert_eq!(code, 1, "{stderr}");
    expect(
        &stderr,
        &[
            (place(&text, "{ min: 50 }", "{"), "`label` is missing"),
            (
                place(&text, "pp: -0.5", "pp"),
                "weight names unknown track \"pp\"; did you mean \"pm\"?",
            ),
            (
                place(&text, "{ id: bets, label: A day with", "bets"),
                "option id \"bets\" is used twice",
            ),
            (
                place(&text, "reverse: maybe", "maybe"),
                "reverse: invalid type: string \"maybe\", expected a boolean",
            ),
        ],
    );
}

/// A file the project has never seen, with mistakes at every level.
const UNSEEN: &str = r#"format: 1
id: lead-or-expert
titel: Lead or expert?
scale: { min: 1, max: five }
tracks:
  - { id: lead, name: Team lead }
  - { id: expert, name: Expert, shrot: Ex }
sections:
  - id: work
    title: Work
    questions:
      - id: energy
        type: likret
        text: Helping others gives me energy.
        weights: { lead: 2, expert: -1 }
      - id: day
        type: choice
        text: Which day?
        show_if: { questoin: energy, answered: true }
        options:
          - { id: people, lable: People, weights: { lead: 1 } }
          - { id: deep, label: Deep work, weights: { expert: "lots" } }
"#;

#[test]
fn a_file_never_seen_gets_every_problem_at_its_place_and_as_json() {
    let (code, stderr, _) = validate(UNSEEN, &[]);
    assert_eq!(code, 1, "{stderr}");
    let t = UNSEEN;
    let wanted = [
        (
            place(t, "titel:", "titel"),
            "unknown key `titel`; did you mean `title`?",
        ),
        (
            place(t, "max: five", "five"),
            "scale.max: invalid type: string \"five\", expected a whole number",
        ),
        (
            place(t, "shrot", "shrot"),
            "unknown key `shrot`; did you mean `short`?",
        ),
        (
            place(t, "likret", "likret"),
            "unknown question type \"likret\"; did you mean \"likert\"?",
        ),
        (
            place(t, "questoin", "questoin"),
            "unknown key `questoin`; did you mean `question`?",
        ),
        (
            place(t, "lable", "lable"),
            "unknown key `lable`; did you mean `label`?",
        ),
        (
            place(t, "\"lots\"", "\"lots\""),
            "invalid type: string \"lots\", expected a number",
        ),
    ];
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
    for ((line, column), words) in &wanted {
        let head = format!("career.yaml:{line}:{column}: error: ");
        assert!(
            errors
                .iter()
                .any(|l| l.starts_with(&head) && l.contains(words)),
            "no `{head}...{words}` in\n{stderr}"
        );
    }
    // In file order.
    let lines: Vec<usize> = errors
        .iter()
        .filter_map(|l| l.split(':').nth(1)?.parse().ok())
        .collect();
    assert!(lines.is_sorted(), "{stderr}");

    let (code, _, stdout) = validate(UNSEEN, &["--format", "json"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON on stdout");
    let list = json.as_array().expect("a list of problems");
    let titel = list
        .iter()
        .find(|p| p["message"].as_str().unwrap().contains("titel"))
        .expect("the misspelt title");
    assert_eq!(titel["file"], "career.yaml");
    assert_eq!(
        (titel["line"].as_u64(), titel["column"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(titel["severity"], "error");
    assert!(
        titel["hint"]
            .as_str()
            .unwrap()
            .starts_with("did you mean `title`?")
    );
}
