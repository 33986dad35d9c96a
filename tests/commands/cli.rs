//! The binary end to end: commands, formats and exit statuses.

use assert_cmd::Command;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");
const ANSWERS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/conformance/answers-1.yaml"
);
const PERSONA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/personas/strategist.yaml"
);

fn crossroads() -> Command {
    Command::cargo_bin("crossroads").unwrap()
}

fn write_temp(content: &[u8]) -> tempfile::NamedTempFile {
    let f = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(f.path(), content).unwrap();
    f
}

#[test]
fn validate_exits_0_for_the_bundled_assessments() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assessments");
    crossroads()
        .args([
            "validate",
            &format!("{dir}/career-tracks.yaml"),
            &format!("{dir}/quick-check.yaml"),
        ])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn validate_exits_1_and_locates_every_problem() {
    let bad = std::fs::read_to_string(SAMPLE)
        .unwrap()
        .replace("{ build: 2, plan: -0.5 }", "{ build: 2, pln: -0.5 }")
        .replace("id: calendar", "id: tinker");
    let f = write_temp(bad.as_bytes());
    let out = crossroads()
        .args(["validate"])
        .arg(f.path())
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        err.contains(
            "(id \"tinker\").weights: weight names unknown track \"pln\"; did you mean \"plan\"?"
        ),
        "{err}"
    );
    assert!(
        err.contains("question id \"tinker\" is used twice"),
        "{err}"
    );
}

#[test]
fn validate_without_files_is_wrong_usage() {
    crossroads().arg("validate").assert().code(2);
}

#[test]
fn an_unknown_command_is_wrong_usage() {
    crossroads().arg("frobnicate").assert().code(2);
}

#[test]
fn score_accepts_a_bundled_id() {
    crossroads()
        .args(["score", "career-tracks", "--answers", PERSONA])
        .assert()
        .success()
        .stdout(predicates::str::contains("Strongest fit: Product Manager"));
}

#[test]
fn score_text_names_every_track_with_a_whole_percent() {
    let out = crossroads()
        .args(["score", SAMPLE, "--answers", ANSWERS, "--format", "text"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for line in ["Builder", "100%", "Guide", "42%", "Planner", "4%"] {
        assert!(text.contains(line), "{line} missing in {text}");
    }
}

#[test]
fn score_markdown_starts_with_a_heading() {
    let out = crossroads()
        .args([
            "score",
            SAMPLE,
            "--answers",
            ANSWERS,
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("# Sample paths")
    );
}

#[test]
fn score_yaml_carries_the_same_document_as_json() {
    let json = crossroads()
        .args(["score", SAMPLE, "--answers", ANSWERS, "--format", "json"])
        .output()
        .unwrap();
    let yaml = crossroads()
        .args(["score", SAMPLE, "--answers", ANSWERS, "--format", "yaml"])
        .output()
        .unwrap();
    let j: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let y: serde_json::Value = serde_yaml::from_slice(&yaml.stdout).unwrap();
    assert_eq!(j["top"], y["top"]);
    assert_eq!(j["tracks"][1]["score"], y["tracks"][1]["score"]);
}

#[test]
fn score_refuses_answers_to_another_assessment() {
    let f = write_temp(b"assessment: career-tracks\nanswers: {}\n");
    crossroads()
        .args(["score", SAMPLE, "--answers"])
        .arg(f.path())
        .assert()
        .code(1)
        .stderr(predicates::str::contains("not \"sample-paths\""));
}

#[test]
fn score_names_the_question_of_a_bad_answer() {
    let f = write_temp(b"assessment: sample-paths\nanswers:\n  role: make\n  tinker: 9\n");
    crossroads()
        .args(["score", SAMPLE, "--answers"])
        .arg(f.path())
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "question \"tinker\": 9 is out of range",
        ));
}

#[test]
fn score_warns_about_an_answer_to_a_hidden_question() {
    let f = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/conformance/answers-3.yaml"
    );
    crossroads()
        .args(["score", SAMPLE, "--answers", f])
        .assert()
        .success()
        .stderr(predicates::str::contains("warning: answers.mentoring"));
}

#[test]
fn score_of_an_unknown_assessment_lists_the_bundled_ones() {
    crossroads()
        .args(["score", "no-such-thing", "--answers", ANSWERS])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("career-tracks, quick-check"));
}

#[test]
fn binary_garbage_is_refused_in_one_sentence() {
    let f = write_temp(&[0xff, 0xfe, 0x00, 0x01, 0x9b, 0x1b]);
    let out = crossroads()
        .arg("validate")
        .arg(f.path())
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("not UTF-8"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn list_shows_each_bundled_assessment_with_questions_and_minutes() {
    crossroads()
        .arg("list")
        .assert()
        .success()
        .stdout(predicates::str::contains("career-tracks"))
        .stdout(predicates::str::contains("quick-check"));
}

#[test]
fn schema_is_json_naming_format_1() {
    let out = crossroads().arg("schema").output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["properties"]["format"]["const"], 1);
}

#[test]
fn report_markdown_holds_the_note_the_question_and_every_track_under_a_heading() {
    let f = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/conformance/answers-2.yaml"
    );
    let out = crossroads()
        .args(["report", f, "--assessment", SAMPLE, "--format", "markdown"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# "), "{md}");
    for needle in [
        "Lit up here",
        "How much do you enjoy mentoring?",
        "Builder",
        "Guide",
        "Planner",
    ] {
        assert!(md.contains(needle), "{needle} missing");
    }
}

#[test]
fn report_finds_a_bundled_assessment_from_the_answers_file() {
    crossroads()
        .args(["report", PERSONA, "--format", "text"])
        .assert()
        .success()
        .stdout(predicates::str::contains("Product Manager"));
}

#[test]
fn report_writes_to_an_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("r.html");
    crossroads()
        .args(["report", PERSONA, "--format", "html", "--output"])
        .arg(&target)
        .assert()
        .success();
    let html = std::fs::read_to_string(&target).unwrap();
    assert!(html.contains("<svg") && html.contains("@media print"));
}

/// A copy of the persona's session in a folder of its own.
fn persona_copy(dir: &std::path::Path) -> std::path::PathBuf {
    let session = dir.join("mine.yaml");
    std::fs::copy(PERSONA, &session).unwrap();
    session
}

#[test]
fn report_onto_its_own_session_is_refused_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let session = persona_copy(dir.path());
    let before = std::fs::read(&session).unwrap();
    for force in [false, true] {
        let mut c = crossroads();
        c.arg("report").arg(&session).arg("--output").arg(&session);
        if force {
            c.arg("--force");
        }
        let out = c.output().unwrap();
        assert_eq!(out.status.code(), Some(1), "--force {force}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("which the report is made from; choose another name"),
            "{err}"
        );
        assert_eq!(std::fs::read(&session).unwrap(), before, "--force {force}");
    }
}

#[test]
fn report_onto_a_link_to_its_session_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let session = persona_copy(dir.path());
    let before = std::fs::read(&session).unwrap();
    let link = dir.path().join("report.md");
    std::os::unix::fs::symlink(&session, &link).unwrap();
    crossroads()
        .arg("report")
        .arg(&session)
        .arg("--output")
        .arg(&link)
        .arg("--force")
        .assert()
        .code(1);
    assert_eq!(std::fs::read(&session).unwrap(), before);
}

#[test]
fn report_refuses_an_existing_file_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let session = persona_copy(dir.path());
    let target = dir.path().join("notes.md");
    std::fs::write(&target, "my own notes").unwrap();
    let out = crossroads()
        .arg("report")
        .arg(&session)
        .arg("--output")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the file exists already; use --force to replace it"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "my own notes");
    crossroads()
        .arg("report")
        .arg(&session)
        .arg("--output")
        .arg(&target)
        .arg("--force")
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("Product Manager")
    );
}

#[test]
fn report_never_writes_through_a_link_at_its_output() {
    let dir = tempfile::tempdir().unwrap();
    let session = persona_copy(dir.path());
    let elsewhere = dir.path().join("elsewhere.txt");
    std::fs::write(&elsewhere, "kept").unwrap();
    let link = dir.path().join("r.md");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    let out = crossroads()
        .arg("report")
        .arg(&session)
        .arg("--output")
        .arg(&link)
        .arg("--force")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("does not write through links"), "{err}");
    assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "kept");
}

#[test]
fn compare_gives_each_tracks_delta_as_json() {
    let old = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/conformance/answers-1.yaml"
    );
    let new = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/conformance/answers-2.yaml"
    );
    let out = crossroads()
        .args([
            "compare",
            old,
            new,
            "--assessment",
            SAMPLE,
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let builder = v["tracks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "build")
        .unwrap();
    // Builder: 100 in answers-1, 8 in answers-2 (the spec's expected JSON).
    assert!((builder["delta"].as_f64().unwrap() - (8.0 - 100.0)).abs() < 1e-9);
    assert_eq!(builder["points"], -92);
    // Plain answers files are named by their file names, and name nobody.
    assert_eq!(v["old_person"], "answers-1.yaml");
    assert_eq!(v["new_person"], "answers-2.yaml");
    assert!(v["old_date"].is_null());
    assert_eq!(v["same_person"], true);
}

#[test]
fn compare_warns_about_an_answer_to_a_hidden_question_as_score_does() {
    let hidden = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/conformance/answers-3.yaml"
    );
    let out = crossroads()
        .args(["compare", ANSWERS, hidden, "--assessment", SAMPLE])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let expected = format!(
        "{hidden}:4:3: warning: answers.mentoring: question \"mentoring\" is hidden by its show_if, so its answer is ignored\n"
    );
    assert_eq!(stderr, expected);
    crossroads()
        .args(["score", SAMPLE, "--answers", hidden])
        .assert()
        .success()
        .stderr(expected);
}

#[test]
fn compare_refuses_answers_of_different_assessments() {
    let other = write_temp(b"assessment: career-tracks\nanswers: {}\n");
    crossroads()
        .args(["compare", ANSWERS])
        .arg(other.path())
        .args(["--assessment", SAMPLE])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("same assessment"));
}

#[test]
fn sessions_lists_saved_sessions_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let older = "assessment: career-tracks\nanswers: {}\nsession: { bundled: career-tracks, updated: '2026-01-01T00:00:00Z', name: Old }\n";
    let newer = "assessment: career-tracks\nanswers: {}\nsession: { bundled: career-tracks, updated: '2026-06-01T00:00:00Z', name: New }\n";
    std::fs::write(dir.path().join("a.yaml"), older).unwrap();
    std::fs::write(dir.path().join("b.yaml"), newer).unwrap();
    let out = crossroads()
        .args(["sessions", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let (new_at, old_at) = (text.find("New").unwrap(), text.find("Old").unwrap());
    assert!(new_at < old_at, "{text}");
}

/// Runs the binary with standard output going to `stdout`.
fn run_with_stdout(args: &[&str], stdout: std::process::Stdio) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_crossroads"))
        .args(args)
        .stdout(stdout)
        .output()
        .unwrap()
}

#[test]
fn every_printing_command_stops_quietly_when_the_reader_of_its_pipe_has_gone() {
    let commands: [&[&str]; 5] = [
        &["score", SAMPLE, "--answers", ANSWERS, "--format", "json"],
        &["report", ANSWERS, "--assessment", SAMPLE],
        &["list"],
        &["schema"],
        &["validate", SAMPLE],
    ];
    for args in commands {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = run_with_stdout(args, writer.into());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_full_disk_on_standard_output_is_an_error_that_says_so() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = run_with_stdout(
        &["score", SAMPLE, "--answers", ANSWERS, "--format", "json"],
        full.into(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot write to standard output"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A coach session of the bundled assessment with a private note, a
/// shared note and a private session note.
const COACH_SESSION: &str = "assessment: career-tracks
answers:
  enjoy-horizon: 4
  enjoy-next-piece: 2
notes:
  enjoy-horizon: Coach-only hunch about ambition
  enjoy-next-piece: Ada said shipping feels hollow
session:
  bundled: career-tracks
  coach: true
  name: Ada
  note: Private session thought
  shared_notes: [enjoy-next-piece]
";

#[test]
fn report_is_the_takeaway_and_for_coach_adds_prompts_and_private_notes() {
    let session = write_temp(COACH_SESSION.as_bytes());
    let prompt = "who else is in the room with you?";
    for format in ["markdown", "html", "json", "text"] {
        let takeaway = crossroads()
            .arg("report")
            .arg(session.path())
            .args(["--format", format])
            .output()
            .unwrap();
        assert!(
            takeaway.status.success(),
            "{}",
            String::from_utf8_lossy(&takeaway.stderr)
        );
        let takeaway = String::from_utf8(takeaway.stdout).unwrap();
        assert!(
            !takeaway.contains("Coach-only hunch"),
            "{format}: {takeaway}"
        );
        assert!(!takeaway.contains("Private session thought"), "{format}");
        assert!(!takeaway.contains(prompt), "{format}");
        assert!(
            takeaway.contains("Ada said shipping feels hollow"),
            "{format}"
        );

        let coach = crossroads()
            .arg("report")
            .arg(session.path())
            .args(["--format", format, "--for", "coach"])
            .output()
            .unwrap();
        assert!(coach.status.success());
        let coach = String::from_utf8(coach.stdout).unwrap();
        assert!(coach.contains("Coach-only hunch"), "{format}");
        assert!(coach.contains("Private session thought"), "{format}");
        assert!(coach.contains(prompt), "{format}");
        assert!(coach.contains("Ada said shipping feels hollow"), "{format}");
        if format != "json" {
            assert!(coach.contains("Private note (coach only)"), "{format}");
        }
    }
}

#[test]
fn report_for_anyone_else_is_wrong_usage() {
    crossroads()
        .args(["report", PERSONA, "--for", "boss"])
        .assert()
        .code(2);
}

#[test]
fn the_generated_man_page_renders_and_names_every_command_key_table_and_exit_status() {
    let page = crossroads().args(["generate", "man"]).output().unwrap();
    assert!(page.status.success());
    let file = write_temp(&page.stdout);
    let shown = std::process::Command::new("man")
        .arg("-l")
        .arg(file.path())
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .output()
        .expect("man (man-db) is installed: .ci/run installs it");
    assert!(
        shown.status.success(),
        "{}",
        String::from_utf8_lossy(&shown.stderr)
    );
    let text = String::from_utf8_lossy(&shown.stdout);
    for command in [
        "run", "validate", "score", "report", "compare", "sessions", "export", "analyse", "list",
        "generate", "schema", "simulate",
    ] {
        assert!(
            text.contains(&format!("COMMAND: {}", command.to_uppercase())),
            "no section for {command}"
        );
        assert!(text.contains(&format!("crossroads {command}")), "{command}");
    }
    for heading in ["KEYS", "Results", "Note editor", "EXIT STATUS", "FILES"] {
        assert!(text.contains(heading), "{heading}");
    }
    for flag in ["--coach", "--share", "--respondents", "--for"] {
        assert!(text.contains(flag), "{flag}");
    }
}

/// What bash completes for the words typed so far, with the script that
/// `generate bash` writes loaded.
fn bash_completes(line: &str) -> Vec<String> {
    let script = crossroads().args(["generate", "bash"]).output().unwrap();
    assert!(script.status.success());
    let file = write_temp(&script.stdout);
    let words: Vec<&str> = line.split(' ').collect();
    let program = format!(
        "source {}; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; _crossroads crossroads '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        file.path().display(),
        words
            .iter()
            .map(|w| format!("'{w}'"))
            .collect::<Vec<_>>()
            .join(" "),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let out = std::process::Command::new("bash")
        .args(["--norc", "-c", &program])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn bash_completion_completes_commands_and_flags() {
    assert_eq!(bash_completes("crossroads re"), ["report"]);
    assert!(bash_completes("crossroads run --co").contains(&"--coach".to_string()));
    assert!(bash_completes("crossroads simulate --r").contains(&"--respondents".to_string()));
}

#[test]
fn every_shell_gets_completions() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = crossroads().args(["generate", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("crossroads"),
            "{shell}"
        );
    }
    crossroads().args(["generate", "tcsh"]).assert().code(2);
}
