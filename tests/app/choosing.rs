//! Choosing whose session opens, on a coach's welcome: the update decides
//! and reads nothing; opening the person's session is an effect the loop
//! carries out like a save.

use crate::support;

use crossroads::session::Effect;
use crossroads::session::disk::Disk;
use crossroads::tui::app::{App, Screen};
use crossroads::tui::keymap::Message;
use crossroads::tui::theme::Theme;
use support::*;

/// A coach's app before the mentee is named, keeping sessions by person
/// under `root`.
fn waiting_coach(root: &std::path::Path) -> App {
    let mut c = coach_app(sample());
    c.disk = Disk {
        people: Some(root.to_path_buf()),
        ..Disk::default()
    };
    c.theme = Theme::mono();
    c
}

fn files_under(root: &std::path::Path) -> usize {
    walk(root).len()
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|e| {
            let p = e.path();
            if p.is_dir() { walk(&p) } else { vec![p] }
        })
        .collect()
}

#[test]
fn typing_the_mentees_name_asks_the_loop_to_open_their_session_and_touches_no_file() {
    let root = tempfile::tempdir().unwrap();
    let mut c = waiting_coach(root.path());
    press(&mut c, &typed("Ada"));
    let effects = c.update(Message::Start);
    assert_eq!(effects, vec![Effect::OpenPerson("Ada".into())]);
    assert_eq!(files_under(root.path()), 0, "{:?}", walk(root.path()));
    assert_eq!(c.screen(), Screen::Welcome);
}

#[test]
fn once_the_loop_opens_a_new_mentees_session_their_first_question_is_shown() {
    let root = tempfile::tempdir().unwrap();
    let mut c = waiting_coach(root.path());
    press(&mut c, &typed("Ada"));
    let effects = c.update(Message::Start);
    c.perform(&effects);
    assert_eq!(c.screen(), Screen::Question);
    assert_eq!(c.session.meta().name.as_deref(), Some("Ada"));
    let path = c.disk.path.clone().expect("a session file of Ada's");
    assert!(path.starts_with(root.path()), "{}", path.display());
}

#[test]
fn a_mentee_whose_session_is_open_in_another_program_is_asked_for_again_with_the_reason() {
    let root = tempfile::tempdir().unwrap();
    let mut first = waiting_coach(root.path());
    press(&mut first, &typed("Ada\n4"));
    // The first program still holds Ada's session.
    let mut c = waiting_coach(root.path());
    press(&mut c, &typed("Ada\n"));
    assert_eq!(c.screen(), Screen::Welcome);
    let shown = screen(&c, 80, 24);
    assert!(shown.contains("Not opened"), "{shown}");
    assert!(shown.contains("Ada"), "the typed name is kept: {shown}");
    drop(first);
}

#[test]
fn a_mentee_with_a_saved_session_is_offered_it_on_the_welcome() {
    let root = tempfile::tempdir().unwrap();
    let mut first = waiting_coach(root.path());
    press(&mut first, &typed("Ada\n4"));
    drop(first);
    let mut c = waiting_coach(root.path());
    press(&mut c, &typed("Ada\n"));
    assert_eq!(c.screen(), Screen::Welcome);
    assert!(c.session.resume().is_some());
    assert_eq!(c.session.meta().name.as_deref(), Some("Ada"));
}
