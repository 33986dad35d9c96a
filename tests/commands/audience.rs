//! Coaching with walls: what is the coach's (coach prompts, the coach's
//! private notes) never reaches the mentee by any path, and a run is the
//! coach's only when its command line says `--coach`.
//!
//! One coached session holds a distinct marker in every coach-only place;
//! it is then rendered for the mentee in every way there is.

use crate::support;

use crossroads::session::open::{self, Options};
use crossroads::source;
use crossroads::tui::app::App;
use crossroads::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use support::{key, press, screen, typed};

const BIN: &str = env!("CARGO_BIN_EXE_crossroads");

/// Every string that only the coach may ever see.
const MARKERS: [&str; 4] = [
    "MARKER-PROMPT-TINKER",
    "MARKER-PROMPT-ROLE",
    "MARKER-PRIVATE-QUESTION",
    "MARKER-PRIVATE-SESSION",
];

/// The sample assessment with a coach prompt on two questions.
fn coached_assessment(dir: &Path) -> PathBuf {
    let yaml = std::fs::read_to_string(support::SAMPLE)
        .unwrap()
        .replace(
            "        text: I tinker with tools in my free time.",
            "        text: I tinker with tools in my free time.\n        coach: MARKER-PROMPT-TINKER",
        )
        .replace(
            "        text: What do you do most today?",
            "        text: What do you do most today?\n        coach: MARKER-PROMPT-ROLE",
        );
    let path = dir.join("coached.yaml");
    std::fs::write(&path, yaml).unwrap();
    path
}

/// A coached session of Sam Lee: the mentee's own note, a shared coach
/// note, and a private coach note on a question and on the session.
fn coached_session(data: &Path) -> PathBuf {
    let folder = data.join("crossroads/people/sam-lee");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("sample-paths-20260101-090000.yaml");
    std::fs::write(
        &path,
        "assessment: sample-paths
answers:
  tinker: 3
  role: make
notes:
  tinker: OWN-NOTE-OF-SAM
session:
  fingerprint: ''
  position: tools
  complete: false
  started: 2026-01-01T09:00:00Z
  updated: 2026-01-01T09:30:00Z
  coach: true
  name: Sam Lee
  own_notes: true
  coach_notes:
    questions:
      tinker: { text: MARKER-PRIVATE-QUESTION }
      role: { text: SHARED-BY-COACH, shared: true }
    session: { text: MARKER-PRIVATE-SESSION }
",
    )
    .unwrap();
    path
}

fn run(data: &Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env("XDG_DATA_HOME", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    child.wait_with_output().unwrap()
}

fn all_of(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn assert_no_marker(what: &str, text: &str) {
    for m in MARKERS {
        assert!(!text.contains(m), "{what} shows {m}:\n{text}");
    }
}

/// `crossroads report` of the coached session in a fresh data folder, in
/// a format, with any further arguments (`--for coach`).
fn report(format: &str, more: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let session = coached_session(dir.path());
    let assessment = coached_assessment(dir.path());
    let mut args = vec![
        "report",
        session.to_str().unwrap(),
        "--assessment",
        assessment.to_str().unwrap(),
        "--format",
        format,
    ];
    args.extend(more);
    run(dir.path(), &args, "")
}

#[test]
fn every_report_format_for_the_mentee_holds_nothing_of_the_coachs() {
    for format in ["markdown", "html", "json", "text"] {
        let out = report(format, &[]);
        assert!(out.status.success(), "{}", all_of(&out));
        let text = all_of(&out);
        assert_no_marker(&format!("report --format {format}"), &text);
        assert!(text.contains("OWN-NOTE-OF-SAM"), "{text}");
        assert!(text.contains("SHARED-BY-COACH"), "{text}");
    }
}

#[test]
fn the_coachs_copy_holds_the_private_notes_marked_as_private() {
    let out = report("text", &["--for", "coach"]);
    let text = all_of(&out);
    for m in MARKERS {
        assert!(text.contains(m), "{m} missing:\n{text}");
    }
    assert!(
        text.contains("Private note (coach only): MARKER-PRIVATE-QUESTION"),
        "{text}"
    );
}

#[test]
fn a_mentees_plain_run_of_a_coached_session_shows_nothing_of_the_coachs() {
    let dir = tempfile::tempdir().unwrap();
    let session = coached_session(dir.path());
    let before = std::fs::read_to_string(&session).unwrap();
    let assessment = coached_assessment(dir.path());
    // Back to the first question, each note listed, then to the end.
    let out = run(
        dir.path(),
        &[
            "run",
            assessment.to_str().unwrap(),
            "--person",
            "Sam Lee",
            "--plain",
        ],
        "\nb\nb\nb\n/note\n/scores\n\n\n\n\n\n\n\nq\n",
    );
    let text = all_of(&out);
    assert_no_marker("plain mode without --coach", &text);
    assert!(!text.contains("Coach mode"), "{text}");
    assert!(text.contains("Your note: OWN-NOTE-OF-SAM"), "{text}");
    // The coach's notes are kept in the file, whatever the mentee did.
    let after = std::fs::read_to_string(&session).unwrap();
    for m in ["MARKER-PRIVATE-QUESTION", "MARKER-PRIVATE-SESSION"] {
        assert!(before.contains(m) && after.contains(m), "{after}");
    }
}

#[test]
fn export_sessions_and_compare_hold_nothing_of_the_coachs() {
    let dir = tempfile::tempdir().unwrap();
    let session = coached_session(dir.path());
    let assessment = coached_assessment(dir.path());
    let a = assessment.to_str().unwrap();
    let s = session.to_str().unwrap();
    for args in [
        vec!["export", a, s],
        vec!["export", a, s, "--format", "jsonl"],
        vec!["sessions", "--format", "json"],
        vec!["sessions"],
        vec!["compare", s, s, "--format", "json"],
        vec!["compare", s, s],
    ] {
        let out = run(dir.path(), &args, "");
        assert_no_marker(&args.join(" "), &all_of(&out));
    }
}

/// Opens the session in the terminal app, as `run` does, with or without
/// `--coach`.
fn app(dir: &Path, session: &Path, coach: bool) -> App {
    let assessment = coached_assessment(dir);
    let (a, src, _) = source::load(assessment.to_str().unwrap()).unwrap();
    let options = Options {
        session: Some(session.to_path_buf()),
        coach,
        name: Some("Sam Lee".into()),
    };
    let (s, d) = open::open(a, &src, options).unwrap();
    App::new(s, d, Theme::mono())
}

/// Every screen reachable by keys, at a size: welcome, each question
/// (with the note editor open on it), the overview, the results, the
/// plan and the help.
fn every_screen(app: &mut App, w: u16, h: u16) -> String {
    let mut seen = String::new();
    press(app, &[]);
    app.size = (w, h);
    let mut look = |app: &mut App| seen.push_str(&screen(app, w, h));
    look(app);
    press(app, &typed("\n"));
    for _ in 0..8 {
        press(app, &[key(KeyCode::BackTab)]);
    }
    for _ in 0..8 {
        look(app);
        press(app, &[support::ctrl('n')]);
        look(app);
        press(app, &[key(KeyCode::Esc)]);
        press(app, &[key(KeyCode::Char('o'))]);
        look(app);
        press(app, &[key(KeyCode::Esc)]);
        press(app, &[key(KeyCode::Char('s'))]);
        look(app);
        press(app, &[key(KeyCode::Char('s'))]);
        press(app, &[key(KeyCode::Tab)]);
    }
    look(app);
    press(app, &[support::ctrl('n')]);
    look(app);
    press(app, &[key(KeyCode::Esc), key(KeyCode::End)]);
    look(app);
    press(app, &[key(KeyCode::Char('g'))]);
    look(app);
    press(app, &[key(KeyCode::Char('?'))]);
    look(app);
    seen
}

#[test]
fn the_app_without_coach_mode_draws_nothing_of_the_coachs_at_80x24_and_40x15() {
    for (w, h) in [(80, 24), (40, 15)] {
        let dir = tempfile::tempdir().unwrap();
        let session = coached_session(dir.path());
        let mut a = app(dir.path(), &session, false);
        assert!(
            !a.session.is_coach(),
            "the file never makes a run the coach's"
        );
        let seen = every_screen(&mut a, w, h);
        assert_no_marker(&format!("the mentee's app at {w}x{h}"), &seen);
        assert!(seen.contains("SHARED-BY-COACH"), "{seen}");
        assert!(!seen.contains("Coach"), "{seen}");
    }
}

#[test]
fn presenting_hides_every_coach_marker_that_the_coachs_screen_shows() {
    let dir = tempfile::tempdir().unwrap();
    let session = coached_session(dir.path());
    {
        let mut coach = app(dir.path(), &session, true);
        let seen = every_screen(&mut coach, 100, 32);
        assert!(seen.contains("MARKER-PROMPT-TINKER"), "{seen}");
        assert!(seen.contains("MARKER-PRIVATE-QUESTION"), "{seen}");
        assert!(seen.contains("Private note (coach only)"), "{seen}");
    }

    let mut presenting = app(dir.path(), &session, true);
    press(&mut presenting, &[key(KeyCode::Char('p'))]);
    assert!(presenting.presenting);
    let seen = every_screen(&mut presenting, 100, 32);
    assert_no_marker("the coach's app while presenting", &seen);
    assert!(seen.contains("PRESENTING"), "{seen}");
}

#[test]
fn the_quit_line_of_a_coach_run_keeps_the_hidden_result_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let out = run(
        data,
        &[
            "run",
            support::SAMPLE,
            "--coach",
            "--person",
            "Ada",
            "--plain",
        ],
        "\n4\n1\nq\n",
    );
    let text = all_of(&out);
    assert!(out.status.success(), "{text}");
    // Plain mode's own quit line never names a result either.
    assert!(!text.contains("Strongest fit"), "{text}");
}

#[test]
fn a_coach_run_with_no_name_cannot_start_and_leaves_the_coachs_own_session_alone() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mine = run(data, &["run", support::SAMPLE, "--plain"], "\n4\n1\nq\n");
    assert!(mine.status.success(), "{}", all_of(&mine));
    let me = data.join("crossroads/people/me");
    let file = std::fs::read_dir(&me)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let before = std::fs::read(&file).unwrap();
    for _ in 0..2 {
        let out = run(
            data,
            &["run", support::SAMPLE, "--coach", "--plain"],
            "\n\n  \n",
        );
        let text = all_of(&out);
        assert!(text.contains("A mentee always has a name"), "{text}");
        assert!(!text.contains("You have a saved session"), "{text}");
    }
    assert_eq!(std::fs::read(&file).unwrap(), before, "byte for byte");
    let sessions = std::fs::read_dir(&me)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .count();
    assert_eq!(sessions, 1);
}

#[test]
fn two_mentees_by_initials_never_see_each_others_answers() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let a = run(
        data,
        &["run", support::SAMPLE, "--coach", "--plain"],
        "AB\n\n4\nq\n",
    );
    assert!(a.status.success(), "{}", all_of(&a));
    let b = run(
        data,
        &["run", support::SAMPLE, "--coach", "--plain"],
        "CD\n\n",
    );
    let text = all_of(&b);
    assert!(!text.contains("saved session"), "{text}");
    assert!(!text.contains("answered"), "{text}");
    let cd = data.join("crossroads/people/cd");
    let files = std::fs::read_dir(cd).unwrap().flatten();
    for f in files.filter(|f| f.path().extension().is_some_and(|x| x == "yaml")) {
        let saved = std::fs::read_to_string(f.path()).unwrap_or_default();
        assert!(saved.contains("answers: {}"), "{saved}");
    }
}

#[test]
fn n_on_a_finished_session_with_goals_reviews_them_before_question_one() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("crossroads/people/ana");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("sample-paths-20260101-090000.yaml"),
        "assessment: sample-paths
answers:
  tinker: 3
  role: make
session:
  fingerprint: ''
  complete: true
  started: 2026-01-01T09:00:00Z
  updated: 2026-01-01T09:30:00Z
  name: Ana
  own_notes: true
  goals:
    - { text: Ship a small tool, done_when: it is used }
",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &["run", support::SAMPLE, "--person", "Ana", "--plain"],
        "n\n1\n\nq\n",
    );
    let text = all_of(&out);
    let review = text.find("how did each one go").expect(&text);
    let first = text.find("I tinker with tools").expect(&text);
    assert!(review < first, "{text}");
}

#[test]
fn a_legacy_coach_session_keeps_its_notes_from_the_mentees_takeaway() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.yaml");
    std::fs::write(
        &path,
        "assessment: sample-paths
answers:
  role: make
notes:
  tinker: MARKER-PRIVATE-QUESTION
  role: SHARED-BY-COACH
session:
  fingerprint: ''
  complete: true
  coach: true
  name: Old
  note: MARKER-PRIVATE-SESSION
  shared_notes: [role]
",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &[
            "report",
            path.to_str().unwrap(),
            "--assessment",
            support::SAMPLE,
        ],
        "",
    );
    let text = all_of(&out);
    assert!(out.status.success(), "{text}");
    assert_no_marker("the takeaway of an older coach session", &text);
    assert!(text.contains("SHARED-BY-COACH"), "{text}");
}
