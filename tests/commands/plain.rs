//! Plain mode: the assessment line by line, driven through the same
//! session core as the terminal app.
//!
//! The sample's questions, in order: tinker (likert 1-4), calendar (likert),
//! role (choice, required), mentoring (likert 0-10, shown for role help or
//! decide), tools (multi, up to 3), order (rank of 3), dream (text, 200),
//! planner-depth (likert, shown for tinker at most 2 and tools without code).

use crossroads::answers::{Answer, read_answers};
use crossroads::assessment::{Assessment, load};
use crossroads::plain::{self, Ended};
use crossroads::session::disk::Disk;
use crossroads::session::{Meta, Resume, Session, Stage};
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");

fn sample() -> Assessment {
    load("sample.yaml", &std::fs::read(SAMPLE).unwrap())
        .unwrap()
        .0
}

/// A session, where it is kept, and how plain mode last ended.
struct App {
    session: Session,
    disk: Disk,
    ended: Option<Ended>,
}

/// A session of the sample that saves to `path`.
fn saving_app(path: &Path) -> App {
    app_with(path, Meta::default(), None)
}

/// A session of the sample with this bookkeeping and these answers.
fn app_with(path: &Path, meta: Meta, answers: Option<crossroads::answers::Answers>) -> App {
    let a = sample();
    let answers = answers.unwrap_or_else(|| crossroads::answers::Answers::new(a.questions.len()));
    App {
        session: Session::new(a, answers, meta),
        disk: Disk::at(path.to_path_buf()),
        ended: None,
    }
}

/// A temporary folder and a session path inside it.
fn session() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.yaml");
    (dir, path)
}

/// Runs plain mode over `input`, as from a pipe; returns the output as text.
fn drive(app: &mut App, input: &str) -> String {
    drive_as(app, input, false).unwrap()
}

/// Runs plain mode over `input`, typed by a person at a terminal or not.
fn drive_as(app: &mut App, input: &str, interactive: bool) -> Result<String, String> {
    let mut out: Vec<u8> = Vec::new();
    let result = plain::run(
        &mut app.session,
        &mut app.disk,
        Cursor::new(input.as_bytes().to_vec()),
        &mut out,
        interactive,
    );
    let text = String::from_utf8(out).unwrap();
    match result {
        Ok(ended) => {
            app.ended = Some(ended);
            Ok(text)
        }
        Err(e) => Err(format!("{e}\n{text}")),
    }
}

fn index(app: &App, id: &str) -> usize {
    app.session.assessment().question_index(id).unwrap()
}

fn answer<'a>(app: &'a App, id: &str) -> Option<&'a Answer> {
    app.session.answers().get(index(app, id))
}

#[test]
fn lines_of_1_answer_everything_and_the_results_name_every_track() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    let out = drive(&mut app, &"1\n".repeat(30));
    assert_eq!(app.session.stage(), Stage::Results);
    assert!(out.contains("Sample paths — results"), "{out}");
    for track in ["Builder", "Guide", "Planner"] {
        assert!(out.contains(track), "{track} missing:\n{out}");
    }
    assert!(
        out.contains(&format!("Your answers are saved in {}.", path.display())),
        "{out}"
    );
    assert!(!out.contains("Input ended"), "{out}");
}

#[test]
fn the_output_holds_no_escape_and_no_control_byte_but_newlines() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    // Escapes in a first line, a bad line and a text answer, then back to
    // the text answer so it is shown as the current answer.
    let input = "\x1b]0;title\x07\n1\n1\n\x1b[31m7\n1\n2\n1\n\x1b[2Jred\tand\x07 blue\r\nb\n\n1\n";
    let out = drive(&mut app, input);
    assert_eq!(app.session.stage(), Stage::Results, "{out}");
    assert!(out.contains("Current answer: \"red and blue\""), "{out}");
    for (i, b) in out.bytes().enumerate() {
        assert!(
            b == b'\n' || (b >= 0x20 && b != 0x7f),
            "byte {b:#04x} at {i}:\n{out}"
        );
    }
    assert!(
        !out.chars().any(|c| c.is_control() && c != '\n'),
        "a control character in:\n{out}"
    );
}

#[test]
fn the_session_file_written_is_a_valid_answers_file() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    drive(&mut app, &"1\n".repeat(30));
    let bytes = std::fs::read(&path).unwrap();
    let read = read_answers("session.yaml", &bytes, app.session.assessment()).unwrap();
    assert_eq!(read.answers.count(), app.session.answers().count());
    assert_eq!(read.answers.get(0), Some(&Answer::Likert(1)));
}

#[test]
fn an_early_end_of_input_ends_calmly_with_the_answers_saved() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    let out = drive(&mut app, "\n1\n2");
    assert!(
        out.ends_with(&format!(
            "Input ended; your answers are saved in {}.\n",
            path.display()
        )),
        "{out}"
    );
    let bytes = std::fs::read(&path).unwrap();
    let read = read_answers("session.yaml", &bytes, app.session.assessment()).unwrap();
    assert_eq!(read.answers.get(0), Some(&Answer::Likert(1)));
    assert_eq!(read.answers.get(1), Some(&Answer::Likert(2)));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("position: role"), "{text}");
}

#[test]
fn an_end_of_input_on_the_welcome_text_ends_calmly() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    let out = drive(&mut app, "");
    assert!(out.contains("Press Enter to start."), "{out}");
    assert!(
        out.ends_with(&format!(
            "Input ended; your answers are saved in {}.\n",
            path.display()
        )),
        "{out}"
    );
}

#[test]
fn an_empty_line_skips_a_question_that_is_not_required() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    let out = drive(&mut app, "\n\n");
    assert_eq!(answer(&app, "tinker"), None);
    assert_eq!(app.session.current(), index(&app, "calendar"));
    assert!(out.contains("] A full calendar tires me."), "{out}");
}

#[test]
fn an_empty_line_on_a_required_question_asks_it_again() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    let out = drive(&mut app, "\n1\n1\n\n");
    assert_eq!(app.session.current(), index(&app, "role"));
    assert!(out.contains("This question needs an answer"), "{out}");
    assert_eq!(
        out.matches("What do you do most today? (required)").count(),
        2,
        "{out}"
    );
}

#[test]
fn a_multi_answer_takes_numbers_split_by_spaces_or_commas() {
    for line in ["1 3", "1,3", "1, 3"] {
        let (_dir, path) = session();
        let mut app = saving_app(&path);
        drive(&mut app, &format!("\n1\n1\n1\n{line}\n"));
        assert_eq!(
            answer(&app, "tools"),
            Some(&Answer::Multi(vec![0, 2])),
            "{line}"
        );
        assert_eq!(app.session.current(), index(&app, "order"), "{line}");
    }
}

#[test]
fn a_rank_answer_puts_the_named_first_and_the_rest_in_the_shown_order() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    drive(&mut app, "\n1\n1\n1\n1\n3\n");
    assert_eq!(answer(&app, "order"), Some(&Answer::Rank(vec![2, 0, 1])));

    let (_dir, path) = session();
    let mut app = saving_app(&path);
    drive(&mut app, "\n1\n1\n1\n1\n1\n");
    assert_eq!(answer(&app, "order"), Some(&Answer::Rank(vec![0, 1, 2])));
}

#[test]
fn b_goes_back_to_the_previous_question_and_shows_its_answer() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    let out = drive(&mut app, "\n2\nb\n");
    assert_eq!(app.session.current(), index(&app, "tinker"));
    assert_eq!(out.matches("I tinker with tools").count(), 2, "{out}");
    assert!(out.contains("Current answer: 2 (Sometimes)"), "{out}");
}

#[test]
fn q_saves_and_quits_and_says_where() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    let out = drive(&mut app, "\n1\nq\n1\n1\n");
    assert_eq!(app.ended, Some(Ended::Quit));
    assert_eq!(answer(&app, "calendar"), None, "lines after q are not read");
    assert!(
        out.contains(&format!("Your answers are saved in {}.", path.display())),
        "{out}"
    );
    assert!(!out.contains("Input ended"), "{out}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("position: calendar"), "{text}");
}

#[test]
fn a_bad_line_gets_an_explanation_and_the_question_again() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    let out = drive_as(&mut app, "\nabc\n7\n1 2\n", true).unwrap();
    assert!(out.contains("\"abc\" is not a number."), "{out}");
    assert!(out.contains("There are only 4 here"), "{out}");
    assert!(out.contains("Type just one number"), "{out}");
    assert_eq!(out.matches("I tinker with tools").count(), 4, "{out}");
    assert_eq!(answer(&app, "tinker"), None);
}

#[test]
fn a_bad_multi_line_gets_an_explanation_and_the_question_again() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    let out = drive(&mut app, "\n1\n1\n1\n1 1\n1 2 3 4\n");
    assert!(out.contains("1 is there twice"), "{out}");
    assert!(out.contains("You chose 4. Choose up to 3."), "{out}");
    assert_eq!(out.matches("Pick up to three things").count(), 3, "{out}");
    assert_eq!(answer(&app, "tools"), None);
}

#[test]
fn the_points_of_an_unlabelled_scale_are_numbered_from_1_like_options() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    // role 2 shows mentoring, a 0-10 scale without labels.
    let out = drive(&mut app, "\n1\n1\n2\n1\n");
    assert!(
        out.contains("Scale: 0 to 10, its points numbered from 1:"),
        "{out}"
    );
    assert!(
        out.contains("\n1. 0\n") && out.contains("\n11. 10\n"),
        "{out}"
    );
    assert_eq!(answer(&app, "mentoring"), Some(&Answer::Likert(0)));
    let mut app = saving_app(&session().1);
    drive(&mut app, "\n1\n1\n2\n11\n");
    assert_eq!(answer(&app, "mentoring"), Some(&Answer::Likert(10)));
}

#[test]
fn from_a_pipe_a_question_that_three_lines_cannot_answer_is_skipped() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    // tinker is a 1-4 scale and not required: 7 cannot answer it.
    let out = drive(&mut app, "\n7\n7\n7\n");
    assert!(
        out.contains("3 lines in a row could not answer this question, so it is skipped."),
        "{out}"
    );
    assert_eq!(answer(&app, "tinker"), None);
    assert_ne!(app.session.current(), index(&app, "tinker"));
}

#[test]
fn from_a_pipe_a_required_question_that_three_lines_cannot_answer_stops_with_an_error() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    // tinker and calendar answered, then role (required, 3 options) gets 9s.
    let e = drive_as(&mut app, "\n1\n1\n9\n9\n9\n1\n", false).unwrap_err();
    assert!(
        e.starts_with("3 lines in a row could not answer the required question \"role\""),
        "{e}"
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("tinker: 1") && saved.contains("calendar: 1"),
        "{saved}"
    );
}

#[test]
fn at_a_terminal_a_person_may_miss_as_often_as_they_like() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    let out = drive_as(&mut app, &format!("\n{}2\n", "7\n".repeat(10)), true).unwrap();
    assert!(!out.contains("could not answer"), "{out}");
    assert_eq!(answer(&app, "tinker"), Some(&Answer::Likert(2)));
}

#[test]
fn a_line_of_only_arrow_keys_is_explained_and_not_taken_as_a_skip() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    let out = drive(&mut app, "\n\x1b[A\x1b[B\n");
    assert!(out.contains("only special keys"), "{out}");
    assert_eq!(app.session.current(), index(&app, "tinker"));
    assert_eq!(out.matches("I tinker with tools").count(), 2, "{out}");
}

#[test]
fn a_dash_clears_an_answer_and_skips() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    drive(&mut app, "\n1\nb\n-\n");
    assert_eq!(answer(&app, "tinker"), None);
    assert_eq!(app.session.current(), index(&app, "calendar"));
}

/// A writer whose reader has gone away.
struct Broken;

impl Write for Broken {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }
}

#[test]
fn a_failed_write_is_an_error() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    let result = plain::run(
        &mut app.session,
        &mut app.disk,
        Cursor::new(b"\n1\n".to_vec()),
        Broken,
        false,
    );
    assert_eq!(result.unwrap_err().kind(), std::io::ErrorKind::BrokenPipe);
}

/// Runs the real binary with `input` on a pipe.
fn crossroads(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crossroads"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The program may stop reading before the end; that is fine.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn the_binary_in_plain_mode_answers_from_a_pipe_and_the_session_scores() {
    let (_dir, path) = session();
    let session = path.to_str().unwrap();
    let out = crossroads(
        &["run", SAMPLE, "--session", session, "--plain"],
        "1\n".repeat(200).as_bytes(),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{:?}\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    for track in ["Builder", "Guide", "Planner"] {
        assert!(stdout.contains(track), "{track} missing:\n{stdout}");
    }
    assert!(!out.stdout.contains(&0x1b), "{stdout}");
    let score = Command::new(env!("CARGO_BIN_EXE_crossroads"))
        .args(["score", SAMPLE, "--answers", session])
        .output()
        .unwrap();
    assert!(
        score.status.success(),
        "{}",
        String::from_utf8_lossy(&score.stderr)
    );
}

#[test]
fn the_binary_uses_plain_mode_by_itself_when_stdin_is_a_pipe() {
    let (_dir, path) = session();
    let out = crossroads(
        &["run", SAMPLE, "--session", path.to_str().unwrap()],
        "1\n".repeat(200).as_bytes(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("plain mode"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Sample paths — results"), "{stdout}");
    assert!(!out.stdout.contains(&0x1b), "{stdout}");
}

#[test]
fn the_binary_resumes_a_session_where_it_ended() {
    let (_dir, path) = session();
    let session = path.to_str().unwrap();
    let args = ["run", SAMPLE, "--session", session, "--plain"];
    let first = crossroads(&args, b"\n1\n1\n");
    assert!(first.status.success());
    let second = crossroads(&args, b"\n");
    let stdout = String::from_utf8_lossy(&second.stdout);
    assert!(second.status.success(), "{stdout}");
    assert!(
        stdout.contains("You have a saved session: 2 answered"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Press Enter to continue where you left off."),
        "{stdout}"
    );
    assert!(stdout.contains("What do you do most today?"), "{stdout}");
    assert!(!stdout.contains("I tinker with tools"), "{stdout}");
}

#[test]
fn coach_mode_takes_the_mentees_name_from_the_first_line() {
    let (_dir, path) = session();
    let mut app = app_with(&path, Meta::default(), None);
    app.session =
        app.session
            .clone()
            .coached(crossroads::session::audience::CoachKey::from_command_line(
                true,
            ));
    let out = drive(&mut app, "Ada\n1\n");
    assert!(out.contains("mentee's name"), "{out}");
    assert_eq!(app.session.meta().name.as_deref(), Some("Ada"));
    assert_eq!(answer(&app, "tinker"), Some(&Answer::Likert(1)));
}

#[test]
fn plain_mode_refuses_a_name_longer_than_the_apps_field_and_asks_again() {
    let (_dir, path) = session();
    let mut app = app_with(&path, Meta::default(), None);
    app.session =
        app.session
            .clone()
            .coached(crossroads::session::audience::CoachKey::from_command_line(
                true,
            ));
    let long = "A".repeat(crossroads::record::NAME_LIMIT + 1);
    let out = drive(&mut app, &format!("{long}\nAda\n1\n"));
    assert!(out.contains("A name is at most 80 characters"), "{out}");
    assert_eq!(app.session.meta().name.as_deref(), Some("Ada"));
}

#[test]
fn n_on_a_resumed_session_starts_over() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    drive(&mut app, "\n1\n2\nq\n");
    let text = std::fs::read_to_string(&path).unwrap();
    let file = crossroads::answers::read_answers("s", text.as_bytes(), &sample()).unwrap();
    let mut again = app_with(&path, Meta::default(), Some(file.answers));
    again.session = again.session.resuming(Some(Resume {
        answered: 2,
        updated: None,
        changed: None,
        ..Resume::default()
    }));
    drive(&mut again, "n\n");
    assert_eq!(again.session.answers().count(), 0);
}

#[test]
fn from_a_pipe_lines_that_change_nothing_end_it_too() {
    for (input, what) in [
        ("\n1\nb\n", "b"),
        ("\n?\n", "?"),
        ("?\n", "? on the welcome"),
    ] {
        let (_dir, path) = session();
        let mut app = saving_app(&path);
        // The input, then its last line again and again.
        let last = input.lines().last().unwrap();
        let endless = format!("{input}{}", format!("{last}\n").repeat(200));
        let e = drive_as(&mut app, &endless, false).unwrap_err();
        assert!(
            e.starts_with("50 lines in a row changed no answer and reached no new question"),
            "{what}: {e}"
        );
    }
}

#[test]
fn going_back_to_change_an_answer_from_a_pipe_is_progress() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    // Answer two, go back, change the first, and so on for 100 lines.
    let out = drive(&mut app, &format!("\n{}", "1\n1\nb\nb\n2\n".repeat(20)));
    assert!(!out.contains("changed no answer"), "{out}");
}

#[test]
fn after_the_results_g_chooses_goals_line_by_line() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    // Through the sample, then g, own words (the only row), what, how, when.
    let input = format!(
        "{}g\n1\nShip weekly\nA demo a week\n2027-06-30\n\n",
        "1\n".repeat(6)
    );
    let out = drive(&mut app, &input);
    assert_eq!(app.session.stage(), Stage::Results, "{out}");
    let goals = &app.session.meta().goals;
    assert_eq!(goals.len(), 1, "{out}");
    assert_eq!(goals[0].text, "Ship weekly");
    assert_eq!(goals[0].target.as_deref(), Some("2027-06-30"));
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("Ship weekly"), "{saved}");
}

#[test]
fn a_new_session_reviews_the_goals_of_the_last_one_first() {
    use crossroads::session::goals::{Goal, Previous, Progress};
    let (_dir, path) = session();
    let before = Meta {
        goals: vec![Goal {
            text: "Lead a retro".into(),
            ..Goal::default()
        }],
        ..Meta::default()
    };
    let mut app = saving_app(&path);
    let n = app.session.assessment().questions.len();
    app.session = app.session.with_previous(Some(Previous {
        file: "earlier.yaml".into(),
        meta: before,
        answers: crossroads::answers::Answers::new(n),
    }));
    let out = drive(&mut app, "\n1\nIt went well\n2\n");
    assert!(out.contains("Lead a retro"), "{out}");
    let review = &app.session.meta().reviews[0];
    assert_eq!(review.progress, Progress::Done);
    assert_eq!(review.note.as_deref(), Some("It went well"));
    assert_eq!(answer(&app, "tinker"), Some(&Answer::Likert(2)), "{out}");
}

#[test]
fn with_a_width_lines_break_between_words_never_inside_one() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    let mut out: Vec<u8> = Vec::new();
    plain::run_with(
        &mut app.session,
        &mut app.disk,
        Cursor::new(b"\n".to_vec()),
        &mut out,
        true,
        Some(30),
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.lines().all(|l| l.chars().count() <= 30), "{text}");
    assert!(
        text.contains("[1/6] I tinker with tools in\nmy free time."),
        "{text}"
    );
}

#[test]
fn a_question_mark_shows_the_help_and_the_question_again() {
    let (_dir, path) = session();
    let mut app = saving_app(&path);
    let out = drive(&mut app, "\n?\n");
    assert_eq!(out.matches("I tinker with tools").count(), 2, "{out}");
}

#[test]
fn endless_input_without_newlines_ends_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_crossroads"))
        .args(["run", "quick-check", "--plain"])
        .env("XDG_DATA_HOME", dir.path())
        .stdin(std::fs::File::open("/dev/zero").unwrap())
        .output()
        .unwrap();
    assert!(started.elapsed().as_secs() < 5);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("not lines of text"), "{stdout}");
}

#[test]
fn the_results_show_each_track_since_last_time_in_the_shared_words() {
    use crossroads::session::goals::Previous;
    let (_dir, first_path) = session();
    let mut first = saving_app(&first_path);
    drive(&mut first, &format!("\n{}", "4\n".repeat(20)));
    let (_dir2, path) = session();
    let mut app = saving_app(&path);
    app.session = app.session.with_previous(Some(Previous {
        file: "earlier.yaml".into(),
        meta: Meta::default(),
        answers: first.session.answers().clone(),
    }));
    let out = drive(&mut app, &format!("\n{}", "1\n".repeat(20)));
    assert!(out.contains("Since last time"), "{out}");
    let lines: Vec<&str> = out.lines().filter(|l| l.contains(" then, ")).collect();
    assert_eq!(lines.len(), app.session.assessment().tracks.len(), "{out}");
    let since = app.session.since_last_time().unwrap();
    for (line, change) in lines.iter().zip(&since) {
        assert_eq!(line.trim(), change.words(app.session.assessment()));
    }
}
