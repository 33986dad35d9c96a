//! The mentee's keys: the bytes their terminal sends over SSH, turned into
//! the same key events the local terminal gives, so that the one keymap
//! serves both screens.
//!
//! Written here rather than taken from a crate: crossterm's own parser is
//! private, and the crates that expose one (termwiz) bring a terminal
//! emulator's worth of code for the few dozen sequences a questionnaire
//! needs. Whatever the bytes, decoding never panics and holds at most
//! `PENDING_LIMIT` bytes of an unfinished sequence and `PASTE_LIMIT`
//! bytes of a paste.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// Longest unfinished escape sequence or character kept between reads.
const PENDING_LIMIT: usize = 32;
/// Longest paste kept (a text answer is far shorter); the rest is dropped.
const PASTE_LIMIT: usize = 16 * 1024;

const ESC: u8 = 0x1b;
const PASTE_END: &[u8] = b"\x1b[201~";

/// Turns a byte stream into key and paste events.
#[derive(Debug, Default)]
pub(crate) struct Decoder {
    pending: Vec<u8>,
    paste: Option<Vec<u8>>,
}

impl Decoder {
    /// The events in `bytes`, given what came before. An escape byte that
    /// ends a read is the Esc key: terminals send a whole sequence at once.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        let mut buf = std::mem::take(&mut self.pending);
        buf.extend_from_slice(bytes);
        let mut out = Vec::new();
        let mut i = 0;
        while i < buf.len() {
            if let Some(paste) = &mut self.paste {
                match find(&buf[i..], PASTE_END) {
                    Some(end) => {
                        take_some(paste, &buf[i..i + end]);
                        let text = String::from_utf8_lossy(paste).into_owned();
                        out.push(Event::Paste(text));
                        self.paste = None;
                        i += end + PASTE_END.len();
                    }
                    None => {
                        // Keep a tail that may be the start of the end marker.
                        let keep = (buf.len() - i).min(PASTE_END.len() - 1);
                        take_some(paste, &buf[i..buf.len() - keep]);
                        self.pending = buf[buf.len() - keep..].to_vec();
                        return out;
                    }
                }
                continue;
            }
            match decode_one(&buf[i..]) {
                Step::Event(event, used) => {
                    out.push(event);
                    i += used;
                }
                Step::PasteStart(used) => {
                    self.paste = Some(Vec::new());
                    i += used;
                }
                Step::Skip(used) => i += used,
                Step::Incomplete => {
                    let rest = &buf[i..];
                    if rest == [ESC] {
                        out.push(key(KeyCode::Esc, KeyModifiers::NONE));
                    } else if rest.len() <= PENDING_LIMIT {
                        self.pending = rest.to_vec();
                    }
                    return out;
                }
            }
        }
        out
    }
}

fn take_some(paste: &mut Vec<u8>, bytes: &[u8]) {
    let room = PASTE_LIMIT.saturating_sub(paste.len());
    paste.extend_from_slice(&bytes[..bytes.len().min(room)]);
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

enum Step {
    Event(Event, usize),
    PasteStart(usize),
    Skip(usize),
    Incomplete,
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// Decodes the event at the start of `b` (never empty).
fn decode_one(b: &[u8]) -> Step {
    let none = KeyModifiers::NONE;
    match b[0] {
        ESC => escape(b),
        b'\r' | b'\n' => Step::Event(key(KeyCode::Enter, none), 1),
        b'\t' => Step::Event(key(KeyCode::Tab, none), 1),
        0x7f | 0x08 => Step::Event(key(KeyCode::Backspace, none), 1),
        c @ 0x01..=0x1a => Step::Event(
            key(KeyCode::Char((b'a' + c - 1) as char), KeyModifiers::CONTROL),
            1,
        ),
        c @ 0x20..=0x7e => {
            let shift = match c.is_ascii_uppercase() {
                true => KeyModifiers::SHIFT,
                false => none,
            };
            Step::Event(key(KeyCode::Char(c as char), shift), 1)
        }
        c if c >= 0xc2 => {
            let len = match c {
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf4 => 4,
                _ => return Step::Skip(1),
            };
            if b.len() < len {
                return match b[1..].iter().all(|x| (0x80..0xc0).contains(x)) {
                    true => Step::Incomplete,
                    false => Step::Skip(1),
                };
            }
            match std::str::from_utf8(&b[..len])
                .ok()
                .and_then(|s| s.chars().next())
            {
                Some(ch) => Step::Event(key(KeyCode::Char(ch), none), len),
                None => Step::Skip(1),
            }
        }
        _ => Step::Skip(1),
    }
}

/// An escape sequence: CSI (`ESC [`), SS3 (`ESC O`), or Alt with a key.
fn escape(b: &[u8]) -> Step {
    let none = KeyModifiers::NONE;
    match b.get(1) {
        None => Step::Incomplete,
        Some(b'[') => csi(b),
        Some(b'O') => match b.get(2) {
            None => Step::Incomplete,
            Some(&c) => match named(c) {
                Some(code) => Step::Event(key(code, none), 3),
                None => Step::Skip(3),
            },
        },
        Some(&ESC) => Step::Event(key(KeyCode::Esc, none), 1),
        Some(_) => match decode_one(&b[1..]) {
            Step::Event(Event::Key(k), used) => {
                Step::Event(key(k.code, k.modifiers | KeyModifiers::ALT), used + 1)
            }
            Step::Incomplete => Step::Incomplete,
            _ => Step::Skip(1),
        },
    }
}

/// The key a final byte names in `ESC O x` and `ESC [ x`.
fn named(c: u8) -> Option<KeyCode> {
    Some(match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        _ => return None,
    })
}

/// `ESC [ params final`: arrows, Home/End, Shift-Tab, and `~` keys.
fn csi(b: &[u8]) -> Step {
    let Some(end) = b[2..].iter().position(|c| (0x40..=0x7e).contains(c)) else {
        // Parameters only so far: wait, unless it is too long to be a key.
        return match b.len() > PENDING_LIMIT || b[2..].iter().any(|c| !(0x20..0x40).contains(c)) {
            true => Step::Skip(b.len()),
            false => Step::Incomplete,
        };
    };
    let used = 2 + end + 1;
    let params = std::str::from_utf8(&b[2..2 + end]).unwrap_or("");
    let mut numbers = params.split(';').map(|n| n.parse::<u16>().ok());
    let first = numbers.next().flatten();
    let modifiers = match numbers.next().flatten().unwrap_or(1) {
        2 => KeyModifiers::SHIFT,
        3 => KeyModifiers::ALT,
        5 => KeyModifiers::CONTROL,
        _ => KeyModifiers::NONE,
    };
    let code = match b[2 + end] {
        b'Z' => KeyCode::BackTab,
        b'~' => match first {
            Some(1 | 7) => KeyCode::Home,
            Some(4 | 8) => KeyCode::End,
            Some(2) => KeyCode::Insert,
            Some(3) => KeyCode::Delete,
            Some(5) => KeyCode::PageUp,
            Some(6) => KeyCode::PageDown,
            Some(n @ 11..=15) => KeyCode::F((n - 10) as u8),
            Some(n @ 17..=21) => KeyCode::F((n - 11) as u8),
            Some(200) => return Step::PasteStart(used),
            _ => return Step::Skip(used),
        },
        c => match named(c) {
            Some(code) => code,
            None => return Step::Skip(used),
        },
    };
    Step::Event(key(code, modifiers), used)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn codes(bytes: &[u8]) -> Vec<(KeyCode, KeyModifiers)> {
        Decoder::default()
            .feed(bytes)
            .into_iter()
            .filter_map(|e| match e {
                Event::Key(k) => Some((k.code, k.modifiers)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn letters_digits_and_enter_are_keys() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            codes(b"a3\r"),
            vec![
                (KeyCode::Char('a'), none),
                (KeyCode::Char('3'), none),
                (KeyCode::Enter, none)
            ]
        );
    }

    #[test]
    fn arrows_come_in_both_cursor_modes() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            codes(b"\x1b[A\x1bOB"),
            vec![(KeyCode::Up, none), (KeyCode::Down, none)]
        );
    }

    #[test]
    fn shift_arrows_page_keys_function_keys_and_shift_tab_are_named() {
        assert_eq!(
            codes(b"\x1b[1;2A\x1b[6~\x1bOP\x1b[13~\x1b[Z"),
            vec![
                (KeyCode::Up, KeyModifiers::SHIFT),
                (KeyCode::PageDown, KeyModifiers::NONE),
                (KeyCode::F(1), KeyModifiers::NONE),
                (KeyCode::F(3), KeyModifiers::NONE),
                (KeyCode::BackTab, KeyModifiers::NONE),
            ]
        );
    }

    #[test]
    fn a_lone_escape_at_the_end_of_a_read_is_the_esc_key() {
        assert_eq!(codes(b"\x1b"), vec![(KeyCode::Esc, KeyModifiers::NONE)]);
    }

    #[test]
    fn control_letters_are_ctrl_keys() {
        assert_eq!(
            codes(b"\x03\x0e"),
            vec![
                (KeyCode::Char('c'), KeyModifiers::CONTROL),
                (KeyCode::Char('n'), KeyModifiers::CONTROL)
            ]
        );
    }

    #[test]
    fn a_character_split_across_reads_arrives_whole() {
        let mut d = Decoder::default();
        let e = "é".as_bytes();
        assert!(d.feed(&e[..1]).is_empty());
        assert_eq!(
            d.feed(&e[1..]),
            vec![key(KeyCode::Char('é'), KeyModifiers::NONE)]
        );
    }

    #[test]
    fn a_bracketed_paste_is_one_paste_event_even_across_reads() {
        let mut d = Decoder::default();
        let mut events = d.feed(b"\x1b[200~hello ");
        events.extend(d.feed(b"world\x1b[20"));
        events.extend(d.feed(b"1~x"));
        assert_eq!(
            events,
            vec![
                Event::Paste("hello world".into()),
                key(KeyCode::Char('x'), KeyModifiers::NONE)
            ]
        );
    }

    #[test]
    fn a_paste_longer_than_the_limit_is_cut_at_it() {
        let mut d = Decoder::default();
        let mut bytes = b"\x1b[200~".to_vec();
        bytes.extend(std::iter::repeat_n(b'a', PASTE_LIMIT * 2));
        bytes.extend(PASTE_END);
        match d.feed(&bytes).as_slice() {
            [Event::Paste(text)] => assert_eq!(text.len(), PASTE_LIMIT),
            other => panic!("{other:?}"),
        }
    }

    proptest! {
        #[test]
        fn any_bytes_decode_without_panic_and_keep_little(chunks in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..64), 0..16)) {
            let mut d = Decoder::default();
            for chunk in chunks {
                let _ = d.feed(&chunk);
                prop_assert!(d.pending.len() <= PENDING_LIMIT);
                prop_assert!(d.paste.as_ref().is_none_or(|p| p.len() <= PASTE_LIMIT));
            }
        }
    }
}
