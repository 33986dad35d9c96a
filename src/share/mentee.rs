//! The mentee's screen, beside the coach's in the coach's loop.
//!
//! It holds an [`App`] of its own (the mentee's view state: screen,
//! highlight, scroll, overlays, size) on the mentee's side of the session
//! ([`Session::mentee_side`](crate::session::Session::mentee_side)). The
//! mentee's keys go through the same keymap and `update` as the coach's;
//! what they change is taken into the coach's session, whose `Disk` saves
//! it, and every change on either side is taken back before both redraw.
//! Frames are drawn with ratatui's diff, so a key sends only the cells that
//! changed, into a bounded queue (`server`).

use super::keys::Decoder;
use super::server::{Event, Out, Wire};
use super::window::{ENTER, LEAVE, MenteeTerminal, Sink, terminal};
use crate::tui::app::{App, Bring, Status, View};
use crate::tui::keymap::Message;
use ratatui::buffer::Buffer;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc::error::TrySendError;

/// An open connection to the mentee.
struct Connection {
    id: u64,
    wire: Arc<Wire>,
    out: tokio::sync::mpsc::Sender<Out>,
    terminal: MenteeTerminal,
    sink: Sink,
    last: Option<Buffer>,
    decoder: Decoder,
}

/// The mentee's screen of a live session.
pub struct MenteeScreen {
    side: App,
    connection: Option<Connection>,
    /// What the coach tells the mentee: the command, the code, the key.
    invite: String,
    code: String,
    fingerprint: String,
    /// Whether a mentee ever connected (then the invite is shorter).
    joined_once: bool,
    listener: Option<super::server::Listener>,
}

impl MenteeScreen {
    /// The mentee's screen of the coach's session, not yet connected.
    pub fn new(coach: &mut App, invite: String, code: String, fingerprint: String) -> Self {
        let mut side = App::new(coach.session.mentee_side(), Default::default(), coach.theme);
        side.live = Some(crate::tui::app::Live {
            mentee: true,
            ..Default::default()
        });
        coach.live = Some(crate::tui::app::Live::default());
        let screen = MenteeScreen {
            side,
            connection: None,
            invite,
            code,
            fingerprint,
            joined_once: false,
            listener: None,
        };
        screen.tell(coach);
        screen
    }

    /// Keeps the listener, to stop it when the session ends.
    pub(crate) fn with_listener(mut self, listener: super::server::Listener) -> Self {
        self.listener = Some(listener);
        self
    }

    /// The mentee's app, as it stands (for tests).
    pub fn side(&self) -> &App {
        &self.side
    }

    /// Takes a mentee's message: the mentee's view changes, the session's
    /// change is taken into the coach's and its effects run there.
    fn mentee_message(&mut self, coach: &mut App, message: Message) {
        if message == Message::Quit {
            coach.status = Some(Status::Info(
                "The mentee left the live session; the same command and code let them back in."
                    .into(),
            ));
            self.part(
                "You left the live session; your answers are saved. The same ssh command and code bring you back while your coach's session is open.",
            );
            return;
        }
        let together = self.together(coach);
        let effects = self.side.update(message);
        coach.session.sync_from(&self.side.session);
        coach.perform(&effects);
        if together {
            self.lead(coach);
        }
    }

    /// Whether the coach's screen is where the mentee's is: both on the
    /// welcome, or on the same question.
    fn together(&self, coach: &App) -> bool {
        match (&coach.view, &self.side.view) {
            (View::Welcome { .. }, View::Welcome { .. }) => true,
            (View::Question, View::Question) => {
                coach.session.current() == self.side.session.current()
            }
            _ => false,
        }
    }

    /// The mentee moved on while the coach was with them: the coach's
    /// screen goes along (to the next question, or to the results, which
    /// the coach sees first), so each answer is seen as it is given.
    fn lead(&mut self, coach: &mut App) {
        if coach.help.is_some() || self.together(coach) {
            return;
        }
        let step = match (&self.side.view, self.side.session.stage()) {
            (View::Question, _) => {
                let step = coach.session.jump(self.side.session.current());
                coach.view = View::Question;
                step
            }
            (View::Results { .. }, crate::session::Stage::Results) => {
                let step = coach.session.to_results();
                coach.view = View::Results { scroll: 0 };
                step
            }
            _ => return,
        };
        let effects = coach.take(step);
        coach.perform(&effects);
    }

    /// Ends the mentee's connection with a last line.
    fn part(&mut self, words: &str) {
        let Some(c) = self.connection.take() else {
            return;
        };
        let mut text = LEAVE.to_vec();
        text.extend_from_slice(format!("\r\n{words}\r\n").as_bytes());
        let (done, sent) = std::sync::mpsc::channel();
        // The queue may be full of frames the mentee will never need.
        let mut end = Out::End { text, done };
        let until = std::time::Instant::now() + Duration::from_secs(2);
        let sent_ok = loop {
            match c.out.try_send(end) {
                Ok(()) => break true,
                Err(TrySendError::Full(back)) if std::time::Instant::now() < until => {
                    end = back;
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(_) => break false,
            }
        };
        if sent_ok {
            let _ = sent.recv_timeout(Duration::from_secs(2));
            // The client closes its side once it has read the last words.
            let until = std::time::Instant::now() + Duration::from_secs(2);
            while !c.wire.is_gone() && std::time::Instant::now() < until {
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    }

    /// Brings the mentee's screen where the coach asked.
    fn bring(&mut self, coach: &mut App, bring: Bring) {
        if self.side.note.is_some() {
            // An open note is kept, as closing it would keep it.
            self.mentee_message(coach, Message::Close);
        }
        self.side.help = None;
        let step = match bring {
            Bring::Question(q) => {
                let step = self.side.session.jump(q);
                if self.side.session.visible()[q] {
                    self.side.view = View::Question;
                    self.side.status = Some(Status::Info(
                        "Your coach brought you to this question.".into(),
                    ));
                }
                step
            }
            Bring::Results => {
                if let Some(live) = &mut self.side.live {
                    live.results_shown = true;
                }
                let step = self.side.session.to_results();
                if self.side.session.stage() == crate::session::Stage::Results {
                    self.side.view = View::Results { scroll: 0 };
                    self.side.status = Some(Status::Info(
                        "Your coach is showing you the results.".into(),
                    ));
                }
                step
            }
        };
        coach.session.sync_from(&self.side.session);
        coach.perform(&step.effects);
    }

    /// Where the mentee is, in the coach's words.
    fn whereabouts(&self) -> String {
        if self.connection.is_none() {
            return match self.joined_once {
                true => "Mentee: not connected; the same command and code let them back in.",
                false => "Mentee: not connected yet.",
            }
            .into();
        }
        let s = &self.side.session;
        let shown = s.visible().iter().filter(|v| **v).count();
        let at = s.visible()[..s.current()].iter().filter(|v| **v).count() + 1;
        match self.side.view {
            View::Welcome { .. } => "Mentee: connected, on the welcome.".into(),
            View::Results { .. } if self.side.results_held() => {
                "Mentee: finished, waiting for you to show the results (m on your results).".into()
            }
            View::Results { .. } => "Mentee: connected, seeing the results.".into(),
            View::Plan { .. } | View::Review { .. } => "Mentee: connected, on the plan.".into(),
            View::Overview { .. } => "Mentee: connected, on the overview.".into(),
            View::Question => format!("Mentee: connected, on question {at} of {shown}."),
        }
    }

    /// Puts what the coach needs to know on the coach's screen.
    fn tell(&self, coach: &mut App) {
        let Some(live) = &mut coach.live else { return };
        live.lines = match self.joined_once {
            false => vec![
                format!(
                    "Live: tell the mentee to type  {}  and the code {}",
                    self.invite, self.code
                ),
                format!(
                    "Host key {} (ssh shows it the first time).",
                    self.fingerprint
                ),
                self.whereabouts(),
            ],
            true => vec![format!(
                "{} Live: {} · code {}",
                self.whereabouts(),
                self.invite,
                self.code
            )],
        };
    }

    /// Draws the mentee's screen: the cells that changed, or the whole
    /// screen after a resize or dropped frames.
    fn draw(&mut self) {
        let Some(c) = &mut self.connection else {
            return;
        };
        if c.wire.is_gone() {
            self.connection = None;
            return;
        }
        let drawn = match c.wire.take_stale() || c.last.is_none() {
            true => crate::tui::redraw_all(&mut c.terminal, &self.side, &mut c.last),
            false => crate::tui::draw(&mut c.terminal, &self.side, &mut c.last),
        };
        if drawn.is_err() {
            return;
        }
        let bytes = c.sink.take();
        if bytes.is_empty() {
            return;
        }
        match c.out.try_send(Out::Frame(bytes)) {
            Ok(()) => {}
            // A slow reader: this frame is dropped, the whole screen is
            // drawn again once the queue drains.
            Err(TrySendError::Full(_)) => c.wire.mark_stale(),
            Err(TrySendError::Closed(_)) => self.connection = None,
        }
    }

    /// A new window size for the mentee's screen.
    fn resize(&mut self) {
        let Some(c) = &mut self.connection else {
            return;
        };
        c.wire.resize_taken();
        let (w, h) = c.wire.size();
        c.terminal = terminal(&c.sink, w, h);
        c.last = None;
        let _ = self.side.update(Message::Resize(w, h));
    }
}

impl crate::tui::Beside for MenteeScreen {
    type Event = Event;

    fn on_event(&mut self, coach: &mut App, event: Event) {
        let current = self.connection.as_ref().map(|c| c.id);
        match event {
            Event::Joined { id, wire, out } => {
                let (w, h) = wire.size();
                let sink = Sink::default();
                let _ = std::io::Write::write_all(&mut sink.clone(), ENTER);
                self.connection = Some(Connection {
                    id,
                    wire,
                    out,
                    terminal: terminal(&sink, w, h),
                    sink,
                    last: None,
                    decoder: Decoder::default(),
                });
                self.joined_once = true;
                let _ = self.side.update(Message::Resize(w, h));
                coach.status = Some(Status::Info("The mentee is connected.".into()));
            }
            Event::Keys { id, bytes } if current == Some(id) => {
                let events = match &mut self.connection {
                    Some(c) => {
                        c.wire.keys_taken(bytes.len());
                        c.decoder.feed(&bytes)
                    }
                    None => Vec::new(),
                };
                for event in events {
                    if self.connection.is_none() {
                        break;
                    }
                    if let Some(message) = crate::tui::message_for(&self.side, &event) {
                        self.mentee_message(coach, message);
                    }
                }
            }
            Event::Resized { id } if current == Some(id) => self.resize(),
            Event::Drained { id } if current == Some(id) => {
                if let Some(c) = &self.connection {
                    c.wire.mark_stale();
                }
            }
            Event::Left { id } if current == Some(id) => {
                self.connection = None;
                coach.status = Some(Status::Warning(
                    "The mentee's connection closed; their answers are kept, and the same command and code let them back in.".into(),
                ));
            }
            Event::Said(words) => coach.status = Some(Status::Warning(words)),
            // Events of a connection that is no longer the mentee's.
            _ => {}
        }
    }

    fn follow(&mut self, coach: &mut App) {
        if let Some(bring) = coach.live.as_mut().and_then(|l| l.bring.take()) {
            self.bring(coach, bring);
        }
        self.side.session.sync_from(&coach.session);
        self.tell(coach);
        self.draw();
    }

    fn end(&mut self, _: &App) {
        if let Some(listener) = &self.listener {
            listener.stop();
        }
        self.part("The session has ended: your coach closed it. Your answers are saved.");
    }
}

#[cfg(test)]
mod tests;
