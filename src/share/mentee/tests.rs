//! The mentee's screen driven as the listener drives it, without a network:
//! what the mentee types reaches the coach's session, and nothing of the
//! coach's reaches the bytes sent to the mentee.

use super::*;
use crate::session::{Meta, NoteTarget};
use crate::tui::Beside;
use crate::tui::theme::Theme;
use tokio::sync::mpsc::Receiver;

const PROMPT: &str = "MARKER-PROMPT";
const PRIVATE: &str = "MARKER-PRIVATE";

/// The coach's app on the sample assessment, with a coach prompt on the
/// first question, a private note on it, and the live scores on.
fn coach() -> App {
    let meta = Meta {
        name: Some("Ana".into()),
        ..Meta::default()
    };
    let mut session = crate::session::live::coached_sample(PROMPT, meta);
    let _ = session.keep_note(NoteTarget::Question(0), PRIVATE);
    let mut app = App::new(session, Default::default(), Theme::mono());
    app.scores_shown = true;
    app
}

fn screen(coach: &mut App) -> MenteeScreen {
    MenteeScreen::new(
        coach,
        "ssh -p 1 127.0.0.1".into(),
        "0000-0000-0000-0000".into(),
        "SHA256:x".into(),
    )
}

/// A mentee connects with a window of `w` x `h`.
fn connect(s: &mut MenteeScreen, coach: &mut App, w: u32, h: u32) -> (Arc<Wire>, Receiver<Out>) {
    let wire = Arc::new(Wire::default());
    wire.set_size(w, h);
    let (out, rx) = tokio::sync::mpsc::channel(super::super::server::FRAMES_WAITING);
    s.on_event(
        coach,
        Event::Joined {
            id: 1,
            wire: wire.clone(),
            out,
        },
    );
    s.follow(coach);
    (wire, rx)
}

/// The mentee types `bytes`; the loop follows, as it does after each event.
fn typed(s: &mut MenteeScreen, coach: &mut App, bytes: &[u8]) {
    s.on_event(
        coach,
        Event::Keys {
            id: 1,
            bytes: bytes.to_vec(),
        },
    );
    s.follow(coach);
}

/// A coach's key, as the loop handles it.
fn coach_key(s: &mut MenteeScreen, coach: &mut App, message: Message) {
    crate::tui::handle(coach, message);
    s.follow(coach);
}

/// Every byte sent to the mentee so far.
fn received(rx: &mut Receiver<Out>) -> Vec<u8> {
    let mut bytes = Vec::new();
    while let Ok(out) = rx.try_recv() {
        if let Out::Frame(b) = out {
            bytes.extend(b);
        }
    }
    bytes
}

fn drawn(app: &App, w: u16, h: u16) -> String {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn answers_typed_on_the_mentee_screen_reach_the_coach_session() {
    let mut c = coach();
    let mut s = screen(&mut c);
    let (_wire, _rx) = connect(&mut s, &mut c, 80, 24);
    typed(&mut s, &mut c, b"\r");
    typed(&mut s, &mut c, b"3\r");
    typed(&mut s, &mut c, b"2\r");
    typed(&mut s, &mut c, b"1\r");
    assert_eq!(c.session.answers().count(), 3);
    assert_eq!(s.side().session.answers().count(), 3);
}

#[test]
fn the_coach_screen_follows_the_mentee_from_question_to_question() {
    let mut c = coach();
    let mut s = screen(&mut c);
    let (_wire, _rx) = connect(&mut s, &mut c, 80, 24);
    typed(&mut s, &mut c, b"\r3\r");
    assert_eq!(c.view, View::Question);
    assert_eq!(c.session.current(), s.side().session.current());
    assert!(drawn(&c, 100, 30).contains("A full calendar tires me."));
}

#[test]
fn nothing_of_the_coach_s_reaches_the_bytes_sent_to_the_mentee() {
    let mut c = coach();
    let mut s = screen(&mut c);
    let (_wire, mut rx) = connect(&mut s, &mut c, 100, 30);
    typed(&mut s, &mut c, b"\r");
    // The coach writes a private note while the mentee answers on.
    coach_key(&mut s, &mut c, Message::OpenNote);
    for ch in "MARKER-LIVE-NOTE".chars() {
        coach_key(
            &mut s,
            &mut c,
            Message::Edit(crate::field::Edit::Insert(ch)),
        );
    }
    typed(&mut s, &mut c, b"2");
    coach_key(&mut s, &mut c, Message::Close);
    typed(&mut s, &mut c, b"\r1\r");
    let bytes = String::from_utf8_lossy(&received(&mut rx)).into_owned();
    let coach_screen = drawn(&c, 100, 30);
    assert!(
        coach_screen.contains("Live scores") || coach_screen.contains("scores"),
        "{coach_screen}"
    );
    for marker in [
        PROMPT,
        PRIVATE,
        "MARKER-LIVE-NOTE",
        "Live scores",
        "0000-0000",
    ] {
        assert!(!bytes.contains(marker), "{marker} reached the mentee");
    }
    assert!(bytes.contains("tinker"), "the mentee saw their questions");
}

#[test]
fn the_results_wait_for_the_coach_and_come_when_the_coach_brings_them() {
    let mut c = coach();
    let mut s = screen(&mut c);
    let (_wire, _rx) = connect(&mut s, &mut c, 80, 24);
    // Through to the end: every question answered with its first option.
    typed(&mut s, &mut c, b"\r");
    for _ in 0..20 {
        if s.side().session.stage() == crate::session::Stage::Results {
            break;
        }
        typed(&mut s, &mut c, b"1\r");
    }
    assert!(s.side().results_held());
    let held = drawn(s.side(), 80, 24);
    assert!(
        held.contains("Your coach will show you the results"),
        "{held}"
    );
    assert!(
        !held.contains("Builder"),
        "no track is named before the coach shows them"
    );
    assert_eq!(
        c.view,
        View::Results { scroll: 0 },
        "the coach sees the results first"
    );
    coach_key(&mut s, &mut c, Message::BringMentee);
    assert!(!s.side().results_held());
    assert!(drawn(s.side(), 80, 24).contains("Builder"));
}

#[test]
fn the_coach_brings_the_mentee_to_a_question() {
    let mut c = coach();
    let mut s = screen(&mut c);
    let (_wire, _rx) = connect(&mut s, &mut c, 80, 24);
    typed(&mut s, &mut c, b"\r1\r1\r");
    coach_key(&mut s, &mut c, Message::Back);
    coach_key(&mut s, &mut c, Message::Back);
    coach_key(&mut s, &mut c, Message::BringMentee);
    assert_eq!(s.side().session.current(), c.session.current());
    assert!(drawn(s.side(), 80, 24).contains("Your coach brought you to this question."));
}

#[test]
fn a_dropped_connection_loses_nothing_and_the_next_one_goes_on_where_it_was() {
    let mut c = coach();
    let mut s = screen(&mut c);
    let (wire, _rx) = connect(&mut s, &mut c, 80, 24);
    typed(&mut s, &mut c, b"\r1\r");
    let at = s.side().session.current();
    wire.gone.store(true, std::sync::atomic::Ordering::Relaxed);
    s.on_event(&mut c, Event::Left { id: 1 });
    s.follow(&mut c);
    assert!(
        c.live
            .as_ref()
            .unwrap()
            .lines
            .iter()
            .any(|l| l.contains("let them back in"))
    );
    let (_wire, mut rx) = connect(&mut s, &mut c, 60, 20);
    assert_eq!(s.side().session.current(), at);
    assert!(
        !received(&mut rx).is_empty(),
        "the whole screen is drawn again"
    );
    assert_eq!(c.session.answers().count(), 1);
}

#[test]
fn a_window_of_any_size_is_drawn_without_panic_and_within_bounds() {
    for (w, h) in [(0, 0), (1, 1), (100_000, 100_000), (29, 7), (400, 200)] {
        let mut c = coach();
        let mut s = screen(&mut c);
        let (wire, mut rx) = connect(&mut s, &mut c, w, h);
        let (dw, dh) = wire.size();
        assert!(dw <= super::super::server::MAX_SIZE.0 && dh <= super::super::server::MAX_SIZE.1);
        typed(&mut s, &mut c, b"\r");
        let _ = received(&mut rx);
    }
}

#[test]
fn a_mentee_who_reads_slowly_gets_the_whole_screen_once_the_queue_drains() {
    let mut c = coach();
    let mut s = screen(&mut c);
    let (wire, mut rx) = connect(&mut s, &mut c, 80, 24);
    typed(&mut s, &mut c, b"\r");
    // Nothing is read: the queue fills, later frames are dropped, and the
    // coach's side goes on answering without waiting.
    for _ in 0..100 {
        typed(&mut s, &mut c, b"\x1b[B");
        typed(&mut s, &mut c, b"\x1b[A");
    }
    assert!(wire.stale.load(std::sync::atomic::Ordering::Relaxed));
    let _ = received(&mut rx);
    s.on_event(&mut c, Event::Drained { id: 1 });
    s.follow(&mut c);
    let whole = String::from_utf8_lossy(&received(&mut rx)).into_owned();
    assert!(
        whole.contains("\x1b[2J"),
        "the screen is cleared and drawn whole"
    );
}

#[test]
fn keys_the_coach_owns_do_nothing_on_the_mentee_screen() {
    let mut c = coach();
    let mut s = screen(&mut c);
    let (_wire, _rx) = connect(&mut s, &mut c, 80, 24);
    typed(&mut s, &mut c, b"\r");
    typed(&mut s, &mut c, b"s"); // live scores
    typed(&mut s, &mut c, b"p"); // presenting
    typed(&mut s, &mut c, b"m"); // bring
    assert!(!s.side().scores_on_screen());
    assert!(!drawn(s.side(), 80, 24).contains("PRESENTING"));
}

#[test]
fn an_answer_costs_the_mentee_few_bytes() {
    let mut c = coach();
    let mut s = screen(&mut c);
    let (_wire, mut rx) = connect(&mut s, &mut c, 80, 24);
    typed(&mut s, &mut c, b"\r");
    let _ = received(&mut rx);
    let mut total = 0;
    let answered = 4;
    for _ in 0..answered {
        typed(&mut s, &mut c, b"1");
        total += received(&mut rx).len();
        typed(&mut s, &mut c, b"\r");
        total += received(&mut rx).len();
    }
    assert!(
        total / answered < 2048,
        "{} bytes per answer",
        total / answered
    );
}
