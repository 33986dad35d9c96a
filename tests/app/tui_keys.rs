//! The key contract of the terminal app, driven through the keymap and
//! `update` exactly as the loop does.

use crate::support;

#[path = "tui_keys/small_things.rs"]
mod small_things;

use crossroads::answers::Answer;
use crossroads::tui::app::{Screen, Status};
use ratatui::crossterm::event::KeyCode;
use support::*;

#[test]
fn welcome_enter_starts_and_digits_do_nothing() {
    let mut a = app(sample());
    press(&mut a, &typed("3"));
    assert_eq!(a.screen(), Screen::Welcome);
    press(&mut a, &typed("\n"));
    assert_eq!(a.screen(), Screen::Question);
    assert_eq!(at(&a), "tinker");
}

#[test]
fn welcome_q_quits_and_esc_quits_once_asked() {
    let mut a = app(sample());
    press(&mut a, &typed("q"));
    assert!(a.quit);
    let mut b = app(sample());
    press(&mut b, &[key(KeyCode::Esc)]);
    assert!(!b.quit);
    press(&mut b, &[key(KeyCode::Esc)]);
    assert!(b.quit);
}

#[test]
fn a_digit_picks_the_nth_point_and_enter_moves_on() {
    let mut a = app(sample());
    press(&mut a, &typed("\n3\n"));
    assert_eq!(a.session.answers().get(0), Some(&Answer::Likert(3)));
    assert_eq!(at(&a), "calendar");
}

#[test]
fn arrows_move_the_highlight_and_space_picks_it() {
    let mut a = app(sample());
    press(&mut a, &typed("\n"));
    press(
        &mut a,
        &[
            key(KeyCode::Down),
            key(KeyCode::Down),
            key(KeyCode::Char(' ')),
        ],
    );
    assert_eq!(a.session.answers().get(0), Some(&Answer::Likert(3)));
}

#[test]
fn enter_with_nothing_picked_stays_and_says_how_to_answer_and_skip() {
    let mut a = app(sample());
    press(&mut a, &typed("\n\n"));
    assert_eq!(at(&a), "tinker");
    let Some(Status::Warning(m)) = &a.status else {
        panic!("no hint")
    };
    assert!(m.contains("press 1-4") && m.contains("Tab skips"), "{m}");
}

#[test]
fn a_required_question_cannot_be_skipped() {
    let mut a = app(sample());
    press(&mut a, &typed("\n\t\t"));
    assert_eq!(at(&a), "role");
    press(&mut a, &typed("\t"));
    assert_eq!(at(&a), "role");
    assert!(matches!(&a.status, Some(Status::Warning(m)) if m.contains("required")));
}

#[test]
fn zero_picks_the_tenth_option() {
    let mut a = app(sample());
    // role=help shows the 0-10 mentoring question.
    press(&mut a, &typed("\n\t\t2\n0"));
    assert_eq!(at(&a), "mentoring");
    assert_eq!(a.session.answers().get(3), Some(&Answer::Likert(9)));
}

#[test]
fn multi_digits_toggle_and_enter_checks_the_count() {
    let mut a = app(sample());
    press(&mut a, &typed("\n\t\t1\n"));
    assert_eq!(at(&a), "tools");
    press(&mut a, &typed("1234"));
    press(&mut a, &typed("\n"));
    assert_eq!(at(&a), "tools", "four ticked of at most three");
    press(&mut a, &typed("4\n"));
    assert_eq!(
        a.session.answers().get(4),
        Some(&Answer::Multi(vec![0, 1, 2]))
    );
    assert_eq!(at(&a), "order");
}

#[test]
fn rank_one_then_enter_accepts_the_files_order() {
    let mut a = app(sample());
    press(&mut a, &typed("\n\t\t1\n\t1\n"));
    assert_eq!(
        a.session.answers().get(5),
        Some(&Answer::Rank(vec![0, 1, 2]))
    );
}

#[test]
fn rank_digits_place_options_next_and_the_rest_keep_their_order() {
    let mut a = app(sample());
    press(&mut a, &typed("\n\t\t1\n\t3"));
    assert_eq!(order(&a), [2, 0, 1]);
    press(&mut a, &typed("2\n"));
    assert_eq!(
        a.session.answers().get(5),
        Some(&Answer::Rank(vec![2, 1, 0]))
    );
}

#[test]
fn rank_keys_move_the_highlighted_option() {
    let mut a = app(sample());
    press(&mut a, &typed("\n\t\t1\n\t"));
    press(&mut a, &[key(KeyCode::Down), key(KeyCode::Char('['))]);
    assert_eq!(order(&a), [1, 0, 2]);
    press(&mut a, &[key(KeyCode::Char(']'))]);
    assert_eq!(order(&a), [0, 1, 2]);
}

#[test]
fn text_letters_are_text_and_enter_confirms() {
    let mut a = app(sample());
    press(&mut a, &typed("\n\t\t1\n\t1\nquit now\n"));
    assert_eq!(
        a.session.answers().get(6),
        Some(&Answer::Text("quit now".into()))
    );
    assert!(!a.quit);
}

#[test]
fn an_empty_text_counts_as_skipped() {
    let mut a = app(sample());
    press(&mut a, &typed("\n\t\t1\n\t1\n\n"));
    assert_eq!(a.session.answers().get(6), None);
}

#[test]
fn skip_and_back_work_in_text_questions() {
    let mut a = app(sample());
    press(&mut a, &typed("\n\t\t1\n\t1\n"));
    assert_eq!(at(&a), "dream");
    press(&mut a, &[key(KeyCode::BackTab)]);
    assert_eq!(at(&a), "order");
    press(&mut a, &typed("\n\t"));
    assert_eq!(
        a.screen(),
        Screen::Results,
        "planner-depth is hidden, so skipping the last question ends"
    );
}

#[test]
fn going_back_re_evaluates_show_if_and_keeps_a_hidden_answer() {
    let mut a = app(sample());
    // The 0-10 scale: digit 7 is its seventh point, 6.
    press(&mut a, &typed("\n\t\t2\n7\n"));
    assert_eq!(a.session.answers().get(3), Some(&Answer::Likert(6)));
    press(&mut a, &[key(KeyCode::BackTab), key(KeyCode::BackTab)]);
    assert_eq!(at(&a), "role");
    press(&mut a, &typed("1\n"));
    assert_eq!(at(&a), "tools", "mentoring is now hidden");
    assert_eq!(
        a.session.answers().get(3),
        Some(&Answer::Likert(6)),
        "kept, and ignored"
    );
}

#[test]
fn after_the_last_visible_question_enter_goes_straight_to_results() {
    let mut a = app(sample());
    press(&mut a, &typed("\n4\n1\n1\n1\n1\nx\n"));
    assert_eq!(a.screen(), Screen::Results);
}

#[test]
fn results_q_quits_and_b_goes_back_to_revise() {
    let mut a = app(sample());
    press(&mut a, &typed("\n4\n1\n1\n1\n1\nx\n"));
    press(&mut a, &typed("b"));
    assert_eq!(a.screen(), Screen::Question);
    press(&mut a, &typed("\n"));
    assert_eq!(a.screen(), Screen::Results);
    press(&mut a, &typed("q"));
    assert!(a.quit);
}

#[test]
fn ctrl_c_quits_from_a_text_field() {
    let mut a = app(sample());
    press(&mut a, &typed("\n\t\t1\n\t1\nhalf"));
    press(&mut a, &[ctrl('c')]);
    assert!(a.quit);
    assert_eq!(
        a.session.answers().get(6),
        Some(&Answer::Text("half".into())),
        "typed text is kept"
    );
}

#[test]
fn the_overview_jumps_to_a_question() {
    let mut a = app(sample());
    press(&mut a, &typed("\n3\no"));
    assert_eq!(a.screen(), Screen::Overview);
    press(&mut a, &[key(KeyCode::Down), key(KeyCode::Enter)]);
    assert_eq!(at(&a), "role");
}

#[test]
fn the_overview_does_not_jump_to_a_hidden_question() {
    let mut a = app(sample());
    press(&mut a, &typed("\n3\no"));
    press(
        &mut a,
        &[key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Enter)],
    );
    assert_eq!(a.screen(), Screen::Overview);
    assert!(matches!(&a.status, Some(Status::Info(m)) if m.contains("hidden")));
}

#[test]
fn help_is_drawn_from_the_keymap() {
    let mut a = app(sample());
    press(&mut a, &typed("\n?"));
    let s = screen(&a, 80, 24);
    assert!(s.contains("pick the Nth answer"), "{s}");
    press(&mut a, &[key(KeyCode::Esc)]);
    assert!(a.help.is_none());
}

#[test]
fn every_answer_is_saved_at_once_to_a_file_that_score_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.yaml");
    let mut a = saving_app(sample(), &path);
    press(&mut a, &typed("\n4\n2\n"));
    let text = std::fs::read_to_string(&path).unwrap();
    let file = crossroads::answers::read_answers("s.yaml", text.as_bytes(), a.session.assessment())
        .unwrap();
    assert_eq!(file.answers.get(0), Some(&Answer::Likert(4)));
    assert_eq!(file.answers.get(1), Some(&Answer::Likert(2)));
    assert_eq!(file.answers.count(), 2);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn a_failed_save_is_shown_and_the_answers_stay() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    // A path under a regular file cannot be written.
    let mut a = saving_app(sample(), &blocker.join("s.yaml"));
    press(&mut a, &typed("\n4"));
    assert!(a.disk.error.as_deref().is_some_and(|e| e.contains("kept")));
    assert_eq!(a.session.answers().get(0), Some(&Answer::Likert(4)));
}

#[test]
fn ctrl_n_then_esc_saves_a_note_under_the_questions_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.yaml");
    let mut a = saving_app(sample(), &path);
    press(&mut a, &typed("\n"));
    press(&mut a, &[ctrl('n')]);
    press(&mut a, &typed("Lit up\nabout tools"));
    press(&mut a, &[key(KeyCode::Esc)]);
    assert!(a.note.is_none());
    let saved = std::fs::read_to_string(&path).unwrap();
    let file =
        crossroads::answers::read_answers("s.yaml", saved.as_bytes(), a.session.assessment())
            .unwrap();
    assert_eq!(
        file.answers.notes.get("tinker").map(String::as_str),
        Some("Lit up\nabout tools")
    );
}

#[test]
fn a_note_is_shown_again_when_the_question_is_revisited_and_marked_in_the_overview() {
    let mut a = app(sample());
    press(&mut a, &typed("\n"));
    press(&mut a, &[ctrl('n')]);
    press(&mut a, &typed("remember this"));
    press(&mut a, &[key(KeyCode::Esc)]);
    press(&mut a, &typed("2\n"));
    press(&mut a, &[key(KeyCode::BackTab)]);
    assert!(screen(&a, 80, 24).contains("Your note: remember this"));
    press(&mut a, &typed("o"));
    assert!(screen(&a, 80, 24).contains("✎"));
}

#[test]
fn letters_in_a_note_are_text_not_keys() {
    let mut a = app(sample());
    press(&mut a, &typed("\n"));
    press(&mut a, &[ctrl('n')]);
    press(&mut a, &typed("q?o1"));
    assert!(!a.quit && a.help.is_none());
    assert_eq!(a.session.answers().get(0), None);
    assert_eq!(a.note.as_ref().unwrap().field.text(), "q?o1");
}

#[test]
fn ctrl_n_outside_questions_notes_the_whole_session() {
    let mut a = app(sample());
    press(&mut a, &[ctrl('n')]);
    press(&mut a, &typed("Second session with Ada"));
    press(&mut a, &[key(KeyCode::Esc)]);
    assert_eq!(
        a.session.meta().note.as_deref(),
        Some("Second session with Ada")
    );
}

#[test]
fn the_live_score_panel_is_only_for_coach_mode() {
    let mut a = app(sample());
    press(&mut a, &typed("\n4s"));
    assert!(!a.scores_shown);
    let mut c = coach_app(sample());
    press(&mut c, &typed("Ada\n4s"));
    assert!(c.scores_shown);
    press(&mut c, &typed("s"));
    assert!(!c.scores_shown);
}

#[test]
fn coach_mode_asks_the_mentees_name_on_the_welcome_screen() {
    let mut c = coach_app(sample());
    press(&mut c, &typed("Quinn\n"));
    assert_eq!(c.session.meta().name.as_deref(), Some("Quinn"));
    assert_eq!(c.screen(), Screen::Question);
}

#[test]
fn saving_is_retried_on_the_next_change_after_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("folder");
    std::fs::write(&blocker, "x").unwrap();
    let path = blocker.join("s.yaml");
    let mut a = saving_app(sample(), &path);
    press(&mut a, &typed("\n4"));
    assert!(a.disk.error.is_some());
    // The disk is fixed: the folder can now be made.
    std::fs::remove_file(&blocker).unwrap();
    press(&mut a, &typed("\n2"));
    assert!(a.disk.error.is_none());
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("tinker: 4") && saved.contains("calendar: 2"),
        "{saved}"
    );
}

#[test]
fn a_mouse_click_on_an_option_picks_it() {
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut a = app(sample());
    press(&mut a, &typed("\n"));
    // At 80x24 the question sits on row 3 and its options start two rows below.
    let s = screen(&a, 80, 24);
    let row = s.lines().position(|l| l.contains("Often")).unwrap() as u16;
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 8,
        row,
        modifiers: KeyModifiers::NONE,
    });
    press(&mut a, &[click]);
    assert_eq!(a.session.answers().get(0), Some(&Answer::Likert(3)));
}

#[test]
fn in_a_window_too_small_to_show_anything_keys_change_nothing_but_ctrl_c_quits() {
    use crossroads::tui::keymap::Message;
    let mut a = app(sample());
    handle(&mut a, Message::Resize(10, 4));
    press(&mut a, &typed("\n1\n"));
    assert_eq!(a.screen(), Screen::Welcome);
    assert_eq!(a.session.answers().count(), 0);
    handle(&mut a, Message::Resize(80, 24));
    press(&mut a, &typed("\n1\n"));
    assert_eq!(a.session.answers().get(0), Some(&Answer::Likert(1)));
    handle(&mut a, Message::Resize(10, 4));
    press(&mut a, &[ctrl('c')]);
    assert!(a.quit);
}

#[test]
fn the_welcome_text_scrolls_when_it_does_not_fit_and_stops_at_its_end() {
    use crossroads::tui::keymap::Message;
    let mut a = app(sample());
    handle(&mut a, Message::Resize(40, 12));
    press(&mut a, &[key(KeyCode::Down)]);
    assert_eq!(welcome_scroll(&a), 1);
    for _ in 0..100 {
        press(&mut a, &[key(KeyCode::PageDown)]);
    }
    let end = welcome_scroll(&a);
    assert!(end > 1 && end < 100, "{end}");
    press(&mut a, &[key(KeyCode::Up)]);
    assert_eq!(welcome_scroll(&a), end - 1);
    assert_eq!(a.screen(), Screen::Welcome);
}

#[test]
fn help_pages_down_to_its_end_and_no_further() {
    use crossroads::tui::keymap::Message;
    let mut a = app(sample());
    handle(&mut a, Message::Resize(40, 12));
    press(&mut a, &typed("\n?"));
    assert!(a.help.is_some());
    for _ in 0..50 {
        press(&mut a, &[key(KeyCode::PageDown)]);
    }
    let end = a.help.unwrap_or(0);
    assert!(end > 0 && end < 50, "{end}");
    press(&mut a, &[key(KeyCode::Down)]);
    assert_eq!(a.help.unwrap_or(0), end);
    press(&mut a, &[key(KeyCode::PageUp)]);
    assert!(a.help.unwrap_or(0) < end);
}

#[test]
fn revising_from_the_results_returns_there_after_enter() {
    let mut a = app(sample());
    // Through to the results, as in the screens' walk.
    press(&mut a, &typed("\n3\n1\n\t1\n13\n3\nShip a tool\n"));
    assert_eq!(a.screen(), Screen::Results);
    press(&mut a, &typed("b"));
    assert_eq!(a.screen(), Screen::Question);
    press(&mut a, &typed("\n"));
    assert_eq!(a.screen(), Screen::Results);
}

#[test]
fn the_overview_of_a_finished_session_has_a_way_back_to_the_results() {
    let mut a = app(sample());
    press(&mut a, &typed("\n3\n1\n\t1\n13\n3\nShip a tool\n"));
    press(&mut a, &typed("o"));
    assert_eq!(a.screen(), Screen::Overview);
    let s = screen(&a, 80, 40);
    assert!(s.contains("Back to the results"), "{s}");
    press(&mut a, &[key(KeyCode::End), key(KeyCode::Enter)]);
    assert_eq!(a.screen(), Screen::Results);
}

#[test]
fn a_goal_in_your_own_words_is_saved_in_the_plan() {
    let mut a = app(sample());
    press(&mut a, &typed("\n3\n1\n\t1\n13\n3\nShip a tool\n"));
    press(&mut a, &typed("g"));
    assert_eq!(a.screen(), Screen::Plan);
    // The sample's tracks offer no growth steps: the one row is "your own
    // words". Then what, how you will know, by when.
    press(&mut a, &typed("\n"));
    press(&mut a, &typed("Ship weekly\nship a demo\n2027-06-30\n"));
    let goals = a.session.goals();
    assert_eq!(goals.len(), 1, "{:?}", a.status);
    assert_eq!(goals[0].done_when, "ship a demo");
    assert_eq!(goals[0].target.as_deref(), Some("2027-06-30"));
    press(&mut a, &[key(KeyCode::Esc)]);
    assert_eq!(a.screen(), Screen::Results);
}

#[test]
fn a_goal_with_a_target_that_is_not_a_date_is_not_saved() {
    let mut a = app(sample());
    press(&mut a, &typed("\n3\n1\n\t1\n13\n3\nShip a tool\n"));
    press(&mut a, &typed("g"));
    press(&mut a, &[key(KeyCode::End), key(KeyCode::Enter)]);
    press(
        &mut a,
        &typed("Mentor one person\nthey lead a demo\nsoon\n"),
    );
    assert!(a.session.goals().is_empty());
    assert!(matches!(&a.status, Some(Status::Info(m)) if m.contains("YYYY-MM-DD")));
}

#[test]
fn arrow_down_twice_and_enter_answers_with_the_third_point() {
    let mut a = app(sample());
    press(&mut a, &typed("\n"));
    press(
        &mut a,
        &[key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Enter)],
    );
    assert_eq!(a.session.answers().get(0), Some(&Answer::Likert(3)));
    assert_eq!(at(&a), "calendar");
}

#[test]
fn enter_on_an_untouched_ranking_saves_no_answer() {
    let mut a = app(sample());
    // role = make, skip tools, then the ranking untouched.
    press(&mut a, &typed("\n\t\t1\n\t"));
    assert_eq!(at(&a), "order");
    press(&mut a, &typed("\n"));
    assert_eq!(a.session.answers().get(5), None);
    assert_eq!(at(&a), "dream", "a ranking that is not required is skipped");
}

#[test]
fn enter_on_a_highlighted_ranking_row_places_it_first() {
    let mut a = app(sample());
    press(&mut a, &typed("\n\t\t1\n\t"));
    press(&mut a, &[key(KeyCode::Down), key(KeyCode::Enter)]);
    assert_eq!(
        a.session.answers().get(5),
        Some(&Answer::Rank(vec![1, 0, 2]))
    );
}

#[test]
fn the_results_go_to_their_end_and_back_to_the_top_and_say_what_is_above() {
    let mut a = app(sample());
    handle(&mut a, crossroads::tui::keymap::Message::Resize(40, 12));
    press(&mut a, &typed("\n3\n1\n\t1\n13\n3\nShip a tool\n"));
    press(&mut a, &[key(KeyCode::End)]);
    let end = screen(&a, 40, 12);
    assert!(end.contains("more above"), "{end}");
    assert!(!end.contains("more below"), "{end}");
    press(&mut a, &[key(KeyCode::Home)]);
    let top = screen(&a, 40, 12);
    assert!(top.contains("The strongest fit is"), "{top}");
}

#[test]
fn a_required_question_offers_no_skip_key_in_its_footer() {
    let mut a = app(sample());
    press(&mut a, &typed("\n\t\t"));
    assert_eq!(at(&a), "role");
    let s = screen(&a, 80, 24);
    assert!(!s.contains("skip"), "{s}");
}

#[test]
fn a_paste_in_the_note_editor_lands_in_the_note() {
    let mut a = app(sample());
    press(&mut a, &typed("\n"));
    press(&mut a, &[ctrl('n')]);
    press(
        &mut a,
        &[ratatui::crossterm::event::Event::Paste(
            "Pasted from notes.app".into(),
        )],
    );
    press(&mut a, &[key(KeyCode::Esc)]);
    assert_eq!(
        a.session.answers().notes.get("tinker").map(String::as_str),
        Some("Pasted from notes.app")
    );
}

#[test]
fn a_new_session_reviews_last_times_goals_before_the_first_question() {
    use crossroads::session::goals::{Goal, Previous, Progress};
    use crossroads::session::{Meta, Session};
    let a = sample();
    let n = a.questions.len();
    let before = Meta {
        goals: vec![Goal {
            text: "Lead a retro".into(),
            ..Goal::default()
        }],
        ..Meta::default()
    };
    let previous = Previous {
        file: "earlier.yaml".into(),
        meta: before,
        answers: crossroads::answers::Answers::new(n),
    };
    let session = Session::new(a, crossroads::answers::Answers::new(n), Meta::default())
        .with_previous(Some(previous));
    let mut a = crossroads::tui::app::App::new(
        session,
        Default::default(),
        crossroads::tui::theme::Theme::mono(),
    );
    press(&mut a, &typed("\n"));
    assert_eq!(a.screen(), Screen::Review);
    assert!(screen(&a, 80, 24).contains("Lead a retro"));
    press(&mut a, &typed("2Halfway\n"));
    assert_eq!(a.screen(), Screen::Question);
    let review = &a.session.meta().reviews[0];
    assert_eq!(review.progress, Progress::InProgress);
    assert_eq!(review.note.as_deref(), Some("Halfway"));
}
