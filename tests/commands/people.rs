//! Sessions that belong to people, run as the binary with its data folder
//! in a temporary folder: two mentees never mix, a new session is a new
//! file, one program at a time per session, and a save that never reached
//! the disk ends with status 1.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_crossroads");
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");

fn command(data: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.args(args)
        .env("XDG_DATA_HOME", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Runs the binary with `input` on a pipe and the data folder in `data`.
fn run(data: &Path, args: &[&str], input: &str) -> Output {
    let mut child = command(data, args).spawn().unwrap();
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    child.wait_with_output().unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}\n--- stderr ---\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The session files in a person's folder.
fn files(data: &Path, slug: &str) -> Vec<PathBuf> {
    let dir = data.join("crossroads/people").join(slug);
    let mut all: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    all.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
    all.sort();
    all
}

#[test]
fn two_mentees_get_two_files_and_never_see_each_other() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let alice = run(
        d,
        &["run", SAMPLE, "--coach", "--person", "Alice"],
        "\n1\n1\nq\n",
    );
    assert!(alice.status.success(), "{}", text(&alice));
    let alice_file = files(d, "alice");
    assert_eq!(alice_file.len(), 1, "{alice_file:?}");
    let before = std::fs::read(&alice_file[0]).unwrap();
    // Bob through the name asked on the welcome, a name starting with n.
    let bob = run(d, &["run", SAMPLE, "--coach"], "nate bob\n1\nq\n");
    let out = text(&bob);
    assert!(bob.status.success(), "{out}");
    assert!(!out.contains("saved session"), "{out}");
    assert!(!out.contains("Alice"), "{out}");
    assert_eq!(files(d, "nate-bob").len(), 1, "{out}");
    assert_eq!(std::fs::read(&alice_file[0]).unwrap(), before);
    // Alice again: her session, said as hers.
    let again = run(d, &["run", SAMPLE, "--coach", "--name", "alice"], "\nq\n");
    let out = text(&again);
    assert!(out.contains("Alice's session from"), "{out}");
    assert!(out.contains("2 of "), "{out}");
}

#[test]
fn a_new_session_is_a_new_file_and_knows_the_previous_one() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let first = run(d, &["run", SAMPLE, "--plain"], &"1\n".repeat(40));
    assert!(first.status.success(), "{}", text(&first));
    let old = files(d, "me");
    assert_eq!(old.len(), 1);
    let before = std::fs::read(&old[0]).unwrap();
    let second = run(d, &["run", SAMPLE, "--plain"], "n\n2\nq\n");
    let out = text(&second);
    assert!(second.status.success(), "{out}");
    assert!(out.contains("It is finished."), "{out}");
    assert!(out.contains("the saved one is kept as it is"), "{out}");
    let now = files(d, "me");
    assert_eq!(now.len(), 2, "{out}");
    assert_eq!(
        std::fs::read(&old[0]).unwrap(),
        before,
        "the old file is unchanged"
    );
    let new = now.iter().find(|p| **p != old[0]).unwrap();
    let saved = std::fs::read_to_string(new).unwrap();
    let name = old[0].file_name().unwrap().to_str().unwrap();
    assert!(saved.contains(&format!("previous: {name}")), "{saved}");
}

/// Waits until `path` exists (the first program has locked its session).
fn wait_for(path: &Path) {
    let start = Instant::now();
    while !path.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_second_program_on_an_open_session_is_refused_at_once_and_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.yaml");
    let s = session.to_str().unwrap();
    let args = ["run", SAMPLE, "--session", s, "--plain"];
    let mut first: Child = command(dir.path(), &args).spawn().unwrap();
    let mut input = first.stdin.take().unwrap();
    input.write_all(b"\n1\n").unwrap();
    input.flush().unwrap();
    wait_for(&session);
    // The first program has read both lines once its answer is saved; only
    // then is the file still, to compare with after the second program.
    let begun = Instant::now();
    while !std::fs::read_to_string(&session)
        .unwrap_or_default()
        .contains("tinker: 1")
    {
        assert!(begun.elapsed() < Duration::from_secs(10));
        std::thread::sleep(Duration::from_millis(20));
    }
    let before = std::fs::read(&session).unwrap();
    let start = Instant::now();
    let second = run(dir.path(), &args, "\n2\n2\nq\n");
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(second.status.code(), Some(1), "{}", text(&second));
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(
        err.contains(&format!("open in another program (process {})", first.id())),
        "{err}"
    );
    assert_eq!(std::fs::read(&session).unwrap(), before);
    // The first goes on and finishes with all its answers.
    input.write_all(b"1\nq\n").unwrap();
    drop(input);
    let out = first.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let saved = std::fs::read_to_string(&session).unwrap();
    assert!(saved.contains("tinker: 1"), "{saved}");
    assert!(saved.contains("calendar: 1"), "{saved}");
}

#[test]
fn with_the_data_folder_a_regular_file_the_run_says_nothing_was_saved_and_exits_1() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("crossroads"), "not a folder").unwrap();
    let out = run(data.path(), &["run", SAMPLE, "--plain"], "\n1\n1\nq\n");
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(!all.contains("answers are saved in"), "{all}");
    assert!(all.contains("NOT saved"), "{all}");
    assert!(all.contains("Could not save"), "said at once: {all}");
    assert!(
        all.contains("Nothing of this session reached the disk"),
        "{all}"
    );
    assert_eq!(
        std::fs::read_to_string(data.path().join("crossroads")).unwrap(),
        "not a folder"
    );
}

#[test]
fn another_persons_session_file_is_not_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.yaml");
    let s = session.to_str().unwrap();
    let alice = run(
        dir.path(),
        &[
            "run",
            SAMPLE,
            "--session",
            s,
            "--coach",
            "--person",
            "Alice",
        ],
        "\n1\nq\n",
    );
    assert!(alice.status.success(), "{}", text(&alice));
    let before = std::fs::read(&session).unwrap();
    let bob = run(
        dir.path(),
        &["run", SAMPLE, "--session", s, "--coach", "--person", "Bob"],
        "\n2\nq\n",
    );
    assert_eq!(bob.status.code(), Some(1), "{}", text(&bob));
    assert!(text(&bob).contains("Alice's session"), "{}", text(&bob));
    assert_eq!(std::fs::read(&session).unwrap(), before);
}

fn json(data: &Path, args: &[&str]) -> serde_json::Value {
    let out = run(data, args, "");
    assert!(out.status.success(), "{}", text(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn sessions_lists_every_person_and_report_and_compare_take_ids_and_names() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    for (who, input) in [("Sam Lee", "1\n"), ("Alice", "2\n"), ("Sam Lee", "2\n")] {
        let input = if who == "Sam Lee" && input == "2\n" {
            format!("n\n{}", "2\n".repeat(40))
        } else {
            input.repeat(40)
        };
        let out = run(d, &["run", SAMPLE, "--plain", "--person", who], &input);
        assert!(out.status.success(), "{}", text(&out));
        std::thread::sleep(Duration::from_millis(1100));
    }
    // A broken file is listed with its reason, and breaks nothing.
    std::fs::write(d.join("crossroads/people/alice/broken.yaml"), "[unclosed").unwrap();
    let all = json(d, &["sessions", "--format", "json"]);
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 4, "{all:#?}");
    let persons: Vec<&str> = all.iter().map(|r| r["person"].as_str().unwrap()).collect();
    assert!(
        persons.contains(&"Alice") && persons.contains(&"Sam Lee"),
        "{persons:?}"
    );
    let broken = all.iter().find(|r| r["problem"].is_string()).unwrap();
    assert!(
        broken["id"].as_str().unwrap().ends_with("broken"),
        "{broken}"
    );
    let first = &all[0];
    for key in [
        "id",
        "person",
        "assessment",
        "path",
        "answered",
        "total",
        "finished",
        "started",
        "updated",
    ] {
        assert!(first.get(key).is_some(), "{key} missing: {first}");
    }
    assert_eq!(first["person"], "Sam Lee", "newest first: {all:#?}");
    let sams = json(d, &["sessions", "--person", "sam lee", "--format", "json"]);
    assert_eq!(sams.as_array().unwrap().len(), 2);
    // report by id and by person; compare a person's last two sessions.
    let id = sams[1]["id"].as_str().unwrap();
    let by_id = run(d, &["report", id, "--format", "json"], "");
    assert!(by_id.status.success(), "{}", text(&by_id));
    let by_person = run(d, &["report", "Alice", "--format", "text"], "");
    assert!(by_person.status.success(), "{}", text(&by_person));
    let compared = run(d, &["compare", "Sam Lee", "--format", "json"], "");
    assert!(compared.status.success(), "{}", text(&compared));
    let compared: serde_json::Value = serde_json::from_slice(&compared.stdout).unwrap();
    assert_eq!(compared["old_person"], "Sam Lee", "{compared}");
    assert_eq!(compared["new_person"], "Sam Lee", "{compared}");
    assert!(compared["old_date"].is_string(), "{compared}");
    assert_eq!(compared["same_person"], true);
    let alone = run(d, &["compare", "Alice"], "");
    assert_eq!(alone.status.code(), Some(1), "{}", text(&alone));
    let nobody = run(d, &["report", "Nobody"], "");
    assert_eq!(nobody.status.code(), Some(1), "{}", text(&nobody));
}

#[test]
fn sessions_in_a_folder_that_does_not_exist_is_an_error() {
    let data = tempfile::tempdir().unwrap();
    let out = run(
        data.path(),
        &["sessions", "--dir", "/nonexistent/crossroads"],
        "",
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let none = run(data.path(), &["sessions"], "");
    assert!(none.status.success(), "{}", text(&none));
    assert!(String::from_utf8_lossy(&none.stdout).contains("No saved sessions yet"));
}

/// A session file of `sample.yaml` written by hand: `answers` is the body
/// of `answers:` (` {}` for none), `meta` more lines of `session:`.
fn session_file(path: &Path, name: &str, answers: &str, meta: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = format!(
        "assessment: sample-paths\nanswers:{answers}\nsession:\n  assessment_path: {SAMPLE}\n  name: {name}\n{meta}"
    );
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_name_pasted_with_a_bidi_mark_resumes_the_same_session_and_report_finds_it() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let first = run(
        d,
        &["run", SAMPLE, "--coach", "--person", "Ana Souza"],
        "\n1\nq\n",
    );
    assert!(first.status.success(), "{}", text(&first));
    let pasted = "Ana Souza\u{200F}";
    let again = run(d, &["run", SAMPLE, "--coach", "--person", pasted], "\nq\n");
    let out = text(&again);
    assert!(out.contains("Ana Souza's session from"), "{out}");
    assert_eq!(files(d, "ana-souza").len(), 1, "{out}");
    let report = run(d, &["report", pasted, "--format", "text"], "");
    assert!(report.status.success(), "{}", text(&report));
    let report = run(d, &["report", "\u{200B}ana  souza", "--format", "text"], "");
    assert!(report.status.success(), "{}", text(&report));
}

#[test]
fn a_name_typed_composed_and_decomposed_is_one_person() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let composed = "Jos\u{e9}";
    let decomposed = "Jose\u{301}";
    let first = run(
        d,
        &["run", SAMPLE, "--coach", "--person", composed],
        "\n1\nq\n",
    );
    assert!(first.status.success(), "{}", text(&first));
    let again = run(
        d,
        &["run", SAMPLE, "--coach", "--person", decomposed],
        "\nq\n",
    );
    let out = text(&again);
    assert!(out.contains("José's session from"), "{out}");
    let people = std::fs::read_dir(d.join("crossroads/people"))
        .unwrap()
        .count();
    assert_eq!(people, 1, "{out}");
    let report = run(d, &["report", decomposed, "--format", "text"], "");
    assert!(report.status.success(), "{}", text(&report));
}

#[test]
fn report_and_compare_by_name_skip_an_empty_newer_session() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let sam = d.join("crossroads/people/sam");
    let answered = |stamp: &str, marker: &str| {
        format!("  complete: true\n  updated: {stamp}\n  note: {marker}\n")
    };
    session_file(
        &sam.join("sample-paths-1.yaml"),
        "Sam",
        "\n  tinker: 1\n  role: make",
        &answered("2026-01-01T10:00:00Z", "FIRST"),
    );
    session_file(
        &sam.join("sample-paths-2.yaml"),
        "Sam",
        "\n  tinker: 2\n  role: make",
        &answered("2026-02-01T10:00:00Z", "SECOND"),
    );
    session_file(
        &sam.join("sample-paths-3.yaml"),
        "Sam",
        " {}",
        "  updated: 2026-03-01T10:00:00Z\n  note: EMPTY\n",
    );
    let report = run(
        d,
        &["report", "Sam", "--for", "coach", "--format", "text"],
        "",
    );
    let said = text(&report);
    assert!(report.status.success(), "{said}");
    assert!(said.contains("SECOND") && !said.contains("EMPTY"), "{said}");
    let compared = run(d, &["compare", "Sam", "--format", "json"], "");
    let said = text(&compared);
    assert!(compared.status.success(), "{said}");
    assert!(said.contains(r#""old": "1 (Never)""#), "{said}");
    assert!(said.contains(r#""new": "2 (Sometimes)""#), "{said}");
}

#[test]
fn a_session_stamped_in_the_future_does_not_pin_itself_as_the_latest() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let sam = d.join("crossroads/people/sam");
    let meta = |stamp: &str, marker: &str| format!("  updated: {stamp}\n  note: {marker}\n");
    session_file(
        &sam.join("sample-paths-1.yaml"),
        "Sam",
        "\n  tinker: 1",
        &meta("2999-01-01T10:00:00Z", "FUTURE"),
    );
    session_file(
        &sam.join("sample-paths-2.yaml"),
        "Sam",
        "\n  tinker: 2",
        &meta("2026-01-01T10:00:00Z", "PAST"),
    );
    let report = run(
        d,
        &["report", "Sam", "--for", "coach", "--format", "text"],
        "",
    );
    let said = text(&report);
    assert!(report.status.success(), "{said}");
    assert!(said.contains("PAST") && !said.contains("FUTURE"), "{said}");
}

/// Bob's finished session with a goal, and Alice's empty one naming
/// `previous` as given: a run of Alice's session must not review Bob's goal.
fn alice_pointing_at_bob(d: &Path, previous: &str) -> Output {
    let people = d.join("crossroads/people");
    let bob_goal = "  complete: true\n  goals:\n  - text: BOBGOAL\n    done_when: BOBDONE\n";
    session_file(
        &people.join("bob/sample-paths-1.yaml"),
        "Bob",
        "\n  tinker: 4\n  role: decide",
        bob_goal,
    );
    session_file(
        &people.join("alice/sample-paths-0.yaml"),
        "Bob",
        "\n  tinker: 4\n  role: decide",
        bob_goal,
    );
    let previous = previous.replace(
        "BOB_ABS",
        &people.join("bob/sample-paths-1.yaml").display().to_string(),
    );
    session_file(
        &people.join("alice/sample-paths-2.yaml"),
        "Alice",
        " {}",
        &format!("  updated: 2026-01-01T10:00:00Z\n  previous: {previous}\n"),
    );
    let out = run(
        d,
        &["run", SAMPLE, "--plain", "--person", "Alice"],
        "1\n\n1\nq\n",
    );
    assert!(out.status.success(), "{}", text(&out));
    out
}

/// Alice's session file and report hold nothing of Bob's.
fn assert_nothing_of_bob(d: &Path, out: &Output) {
    let said = text(out);
    assert!(!said.contains("BOBGOAL"), "{said}");
    let alice =
        std::fs::read_to_string(d.join("crossroads/people/alice/sample-paths-2.yaml")).unwrap();
    assert!(!alice.contains("BOB"), "{alice}");
    let report = run(d, &["report", "Alice", "--format", "markdown"], "");
    let said = text(&report);
    assert!(report.status.success(), "{said}");
    assert!(!said.contains("BOB"), "{said}");
    assert!(text(out).contains("is ignored"), "{}", text(out));
}

#[test]
fn a_previous_session_in_another_persons_folder_is_ignored() {
    let data = tempfile::tempdir().unwrap();
    let out = alice_pointing_at_bob(data.path(), "../bob/sample-paths-1.yaml");
    assert_nothing_of_bob(data.path(), &out);
}

#[test]
fn a_previous_session_named_by_an_absolute_path_is_ignored() {
    let data = tempfile::tempdir().unwrap();
    let out = alice_pointing_at_bob(data.path(), "BOB_ABS");
    assert_nothing_of_bob(data.path(), &out);
}

#[test]
fn a_previous_session_of_another_person_in_the_same_folder_is_ignored() {
    let data = tempfile::tempdir().unwrap();
    let out = alice_pointing_at_bob(data.path(), "sample-paths-0.yaml");
    assert_nothing_of_bob(data.path(), &out);
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn sessions_person_matches_part_of_a_name_in_any_case() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let people = d.join("crossroads/people");
    session_file(
        &people.join("ana-souza/a.yaml"),
        "Ana Souza",
        "\n  tinker: 1",
        "",
    );
    session_file(&people.join("bob/b.yaml"), "Bob", "\n  tinker: 1", "");
    let found = json(d, &["sessions", "--person", "ana", "--format", "json"]);
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["person"], "Ana Souza");
    let found = json(d, &["sessions", "--person", "SOUZA", "--format", "json"]);
    assert_eq!(found.as_array().unwrap().len(), 1, "{found:#?}");
}

#[test]
fn sessions_person_with_no_match_says_so_and_suggests_the_closest_names_first() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let people = d.join("crossroads/people");
    session_file(
        &people.join("ana-souza/a.yaml"),
        "Ana Souza",
        "\n  tinker: 1",
        "",
    );
    session_file(&people.join("bob/b.yaml"), "Bob", "\n  tinker: 1", "");
    session_file(&people.join("robin/r.yaml"), "Robin", "\n  tinker: 1", "");
    let out = run(d, &["sessions", "--person", "Robn"], "");
    assert!(out.status.success(), "{}", text(&out));
    let said = stdout(&out);
    assert!(
        said.contains("No saved sessions of a person matching"),
        "{said}"
    );
    let (robin, bob, ana) = (
        said.find("Robin").unwrap(),
        said.find("Bob").unwrap(),
        said.find("Ana Souza").unwrap(),
    );
    assert!(robin < bob && bob < ana, "{said}");
}
