//! The key table's own contract.

use super::*;
use ratatui::crossterm::event::KeyEvent;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn digits_pick_and_zero_is_the_tenth() {
    assert_eq!(
        dispatch(Pick, &key(KeyCode::Char('3'))),
        Some(Message::Number(3))
    );
    assert_eq!(
        dispatch(Pick, &key(KeyCode::Char('0'))),
        Some(Message::Number(10))
    );
}

#[test]
fn digits_do_nothing_on_the_welcome_screen() {
    assert_eq!(dispatch(Welcome, &key(KeyCode::Char('1'))), None);
}

#[test]
fn q_is_text_in_a_text_question() {
    assert_eq!(
        dispatch(Text, &key(KeyCode::Char('q'))),
        Some(Message::Edit(Edit::Insert('q')))
    );
}

#[test]
fn ctrl_c_quits_everywhere() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for c in [Welcome, Pick, Multi, Rank, Text, Overview, Results, Help] {
        assert_eq!(dispatch(c, &ctrl_c), Some(Message::Quit));
    }
}

#[test]
fn skip_and_back_work_in_text_questions() {
    assert_eq!(dispatch(Text, &key(KeyCode::Tab)), Some(Message::Skip));
    assert_eq!(dispatch(Text, &key(KeyCode::BackTab)), Some(Message::Back));
}

#[test]
fn every_footer_with_keys_to_learn_ends_with_help() {
    for c in [Welcome, Pick, Multi, Rank, Text, Overview, Results] {
        let words: Vec<&str> = footer(c).iter().map(|(_, w)| *w).collect();
        assert!(
            words.iter().rev().take(2).any(|w| *w == "help"),
            "{c:?}: {words:?}"
        );
    }
}

/// The key event a `Keys` names first, as a person would press it.
fn event_for(keys: &Keys) -> Option<KeyEvent> {
    Some(match *keys {
        Keys::Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
        Keys::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Keys::Shift(code) => KeyEvent::new(code, KeyModifiers::SHIFT),
        Keys::Digit | Keys::Char => return None,
    })
}

#[test]
fn every_key_a_hint_names_does_what_the_hint_says() {
    // Hints and messages name keys through `key`: the key it gives for
    // a message must send that message in that context.
    for b in KEYMAP {
        let Action::Send(message) = &b.action else {
            continue;
        };
        for &context in b.contexts {
            let named = super::key(context, message);
            let first = bindings(context)
                .find(|x| matches!(&x.action, Action::Send(m) if m == message))
                .and_then(|x| x.keys.first())
                .unwrap();
            assert_eq!(named, first.label());
            if let Some(event) = event_for(first) {
                assert_eq!(
                    dispatch(context, &event).as_ref(),
                    Some(message),
                    "{named} in {context:?}"
                );
            }
        }
    }
}
