//! The small things a person meets (issue 23): Esc that asks before
//! quitting or dropping typed words, F1 in the note editor, Home and End
//! on the plan, Ctrl-U in a field, the goal review's keys, the ranking's
//! places, the welcome's Enter, and a coach's question at 40x15.

use super::support::*;
use crossroads::answers::Answer;
use crossroads::tui::app::{App, Screen, Status, View};
use crossroads::tui::keymap::Message;
use ratatui::crossterm::event::KeyCode;

/// The sample through to its results.
const TO_RESULTS: &str = "\n3\n1\n\t1\n13\n3\nShip a tool\n";

fn status_text(a: &App) -> String {
    match &a.status {
        Some(Status::Info(m) | Status::Warning(m)) => m.clone(),
        None => String::new(),
    }
}

fn plan_cursor(a: &App) -> usize {
    match &a.view {
        View::Plan { cursor, .. } => *cursor,
        other => panic!("not on the plan: {other:?}"),
    }
}

#[test]
fn esc_on_a_question_asks_before_quitting_and_a_second_esc_quits() {
    let mut a = app(sample());
    press(&mut a, &typed("\n"));
    press(&mut a, &[key(KeyCode::Esc)]);
    assert!(!a.quit, "one Esc ended the session");
    assert_eq!(a.screen(), Screen::Question);
    assert!(
        status_text(&a).contains("Esc again quits"),
        "{:?}",
        a.status
    );
    press(&mut a, &[key(KeyCode::Esc)]);
    assert!(a.quit);
}

#[test]
fn a_key_between_two_escs_on_a_question_takes_back_the_question_to_quit() {
    let mut a = app(sample());
    press(&mut a, &typed("\n"));
    press(
        &mut a,
        &[key(KeyCode::Esc), key(KeyCode::Down), key(KeyCode::Esc)],
    );
    assert!(!a.quit);
    assert!(
        status_text(&a).contains("Esc again quits"),
        "{:?}",
        a.status
    );
}

#[test]
fn esc_in_a_text_question_asks_too_and_keeps_the_words_typed() {
    let mut a = app(sample());
    press(&mut a, &typed("\n3\n1\n\t1\n13\n3\n"));
    assert_eq!(at(&a), "dream");
    press(&mut a, &typed("A calm week"));
    press(&mut a, &[key(KeyCode::Esc)]);
    assert!(!a.quit);
    press(&mut a, &typed(" with time"));
    press(&mut a, &[key(KeyCode::Enter)]);
    assert_eq!(
        a.session.answers().get(6),
        Some(&Answer::Text("A calm week with time".into()))
    );
}

#[test]
fn f1_in_the_note_editor_opens_the_help_with_the_editor_s_keys() {
    let mut a = app(sample());
    press(&mut a, &typed("\n"));
    press(&mut a, &[ctrl('n'), key(KeyCode::F(1))]);
    assert!(a.help.is_some(), "F1 did nothing in the note editor");
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("new line"),
        "the help lists the editor's keys:\n{s}"
    );
    press(&mut a, &[key(KeyCode::Esc)]);
    assert!(
        a.help.is_none() && a.note.is_some(),
        "Esc closes the help only"
    );
}

#[test]
fn the_goal_review_footer_names_its_three_choices() {
    use crossroads::session::goals::{Goal, Previous};
    use crossroads::session::{Meta, Session};
    let s = sample();
    let n = s.questions.len();
    let previous = Previous {
        file: "earlier.yaml".into(),
        meta: Meta {
            goals: vec![Goal {
                text: "Lead a retro".into(),
                ..Goal::default()
            }],
            ..Meta::default()
        },
        answers: crossroads::answers::Answers::new(n),
    };
    let session = Session::new(s, crossroads::answers::Answers::new(n), Meta::default())
        .with_previous(Some(previous));
    let mut a = App::new(
        session,
        Default::default(),
        crossroads::tui::theme::Theme::mono(),
    );
    press(&mut a, &typed("\n"));
    assert_eq!(a.screen(), Screen::Review);
    let s = screen(&a, 80, 24);
    assert!(s.contains("1-3 choose"), "{s}");
    assert!(!s.contains("1-5"), "{s}");
}

#[test]
fn esc_in_the_goal_editor_asks_before_dropping_typed_words() {
    let mut a = app(sample());
    press(&mut a, &typed(TO_RESULTS));
    press(&mut a, &typed("g\nShip weekly"));
    press(&mut a, &[key(KeyCode::Esc)]);
    let View::Plan {
        form: Some(form), ..
    } = &a.view
    else {
        panic!("one Esc dropped the typed goal: {:?}", a.view)
    };
    assert_eq!(form.fields[0].text(), "Ship weekly");
    assert!(
        status_text(&a).contains("Esc again drops it"),
        "{:?}",
        a.status
    );
    press(&mut a, &[key(KeyCode::Esc)]);
    assert!(matches!(a.view, View::Plan { form: None, .. }));
    assert!(a.session.goals().is_empty());
}

#[test]
fn end_and_home_move_the_plan_s_highlight_to_the_last_and_first_row() {
    let mut a = app(sample());
    press(&mut a, &typed(TO_RESULTS));
    press(&mut a, &typed("g\nShip weekly\nship a demo\n\n"));
    assert_eq!(a.session.goals().len(), 1, "{:?}", a.status);
    // The goal, then "in your own words".
    assert_eq!(plan_cursor(&a), 0);
    press(&mut a, &[key(KeyCode::End)]);
    assert_eq!(plan_cursor(&a), 1);
    press(&mut a, &[key(KeyCode::Home)]);
    assert_eq!(plan_cursor(&a), 0);
}

#[test]
fn ctrl_u_clears_a_text_answer_back_to_the_start_as_in_a_shell() {
    let mut a = app(sample());
    press(&mut a, &typed("\n3\n1\n\t1\n13\n3\n"));
    assert_eq!(at(&a), "dream");
    press(&mut a, &typed("Ship a tool"));
    press(&mut a, &[ctrl('u')]);
    press(&mut a, &typed("Rest\n"));
    assert_eq!(
        a.session.answers().get(6),
        Some(&Answer::Text("Rest".into()))
    );
}

#[test]
fn a_placed_option_shows_its_place_where_its_key_was() {
    let mut a = app(sample());
    press(&mut a, &typed("\n\t\t1\n\t"));
    assert_eq!(at(&a), "order");
    press(&mut a, &typed("21"));
    let s = screen(&a, 80, 24);
    let line = |label: &str| {
        s.lines()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("{label} not shown:\n{s}"))
            .trim_start_matches([' ', '›'])
            .to_string()
    };
    assert!(line("A planning offsite").starts_with("1st "), "{s}");
    assert!(line("A shipping day").starts_with("2nd "), "{s}");
    // Not placed yet: its key, and no place.
    assert!(line("A coaching day").starts_with("3 "), "{s}");
    assert!(!s.contains("3rd"), "{s}");
}

#[test]
fn the_welcome_of_a_finished_session_says_the_same_as_its_footer() {
    use crossroads::session::{Meta, Resume, Session};
    let s = sample();
    let n = s.questions.len();
    let meta = Meta {
        complete: true,
        ..Meta::default()
    };
    let resume = Resume {
        answered: n,
        total: n,
        ..Resume::default()
    };
    let session =
        Session::new(s, crossroads::answers::Answers::new(n), meta).resuming(Some(resume));
    let a = App::new(
        session,
        Default::default(),
        crossroads::tui::theme::Theme::mono(),
    );
    let s = screen(&a, 80, 24);
    let said = s.matches("Enter see the results").count();
    assert_eq!(said, 2, "the text and the footer disagree:\n{s}");
}

#[test]
fn in_coach_mode_at_40x15_the_whole_question_stays_readable() {
    let mut a = coach_app(bundled("career-tracks"));
    handle(&mut a, Message::Resize(40, 15));
    press(&mut a, &typed("Ana\n"));
    assert_eq!(a.screen(), Screen::Question);
    let text = a.session.question().text.clone();
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    // Also once the highlight is on the last option.
    for keys in [vec![], vec![key(KeyCode::Down); 4]] {
        press(&mut a, &keys);
        let s = screen(&a, 40, 15);
        let body: String = s.lines().map(|l| format!("{} ", l.trim())).collect();
        assert!(words(&body).contains(&words(&text)), "{text:?} cut:\n{s}");
        assert!(s.contains("Coach: ask"), "the coach's prompt is gone:\n{s}");
    }
}
