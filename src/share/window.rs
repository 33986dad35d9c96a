//! The mentee's window as the coach's program draws it: a ratatui
//! terminal of the mentee's size whose crossterm backend writes into a
//! [`Sink`], from which each frame's bytes are queued for the connection.

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::sync::Arc;

/// Bytes of a frame, gathered before they are queued as one. A clone
/// shares the bytes: the backend writes, the screen takes them.
#[derive(Debug, Default, Clone)]
pub struct Sink(Arc<std::sync::Mutex<Vec<u8>>>);

impl Sink {
    /// The bytes written since the last take.
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut bytes = self.0.lock().unwrap_or_else(|e| e.into_inner());
        bytes.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The terminal of a mentee's window.
pub(crate) type MenteeTerminal = Terminal<CrosstermBackend<Sink>>;

/// A terminal of a fixed size drawing into a [`Sink`]: it never asks the
/// coach's own terminal anything.
pub fn terminal(sink: &Sink, w: u16, h: u16) -> MenteeTerminal {
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    };
    Terminal::with_options(CrosstermBackend::new(sink.clone()), options)
        .expect("a fixed viewport asks the backend nothing")
}

/// The alternate screen, no cursor, bracketed paste: as the local app.
pub(crate) const ENTER: &[u8] = b"\x1b[?1049h\x1b[?2004h\x1b[?25l";
/// Back to the mentee's own screen, cursor shown, paste as it was.
pub(crate) const LEAVE: &[u8] = b"\x1b[?2004l\x1b[?25h\x1b[?1049l";
