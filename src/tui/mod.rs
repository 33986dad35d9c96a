//! The terminal app: The Elm Architecture over the pure core. Key events
//! become `Message`s through the keymap, `App::update` changes state, and
//! the views in `screens/` draw it.

pub mod app;
pub mod field;
pub mod keymap;
pub mod launch;
pub mod notes;
pub mod question_update;
pub mod screens;
pub mod theme;
pub mod wrap;

use app::App;
use keymap::{Edit, Message};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::widgets::Widget;
use std::sync::mpsc;

/// What reaches the loop: a terminal event, or a signal to stop.
#[derive(Debug)]
pub enum Input {
    Terminal(Event),
    Signal(i32),
}

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The person quit.
    Quit,
    /// A signal (SIGTERM, SIGHUP, SIGINT) ended it after saving.
    Signal(i32),
    /// The input ended (the terminal went away).
    InputClosed,
}

/// The message an input event sends, if any.
pub fn message_for(app: &App, event: &Event) -> Option<Message> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keymap::dispatch(app.context(), key)
        }
        Event::Paste(text) if app.context() == keymap::Context::Text => {
            Some(Message::Edit(Edit::Paste(text.clone())))
        }
        Event::Mouse(m) if matches!(m.kind, MouseEventKind::Down(MouseButton::Left)) => {
            Some(Message::Click(m.column, m.row))
        }
        Event::Mouse(m) if matches!(m.kind, MouseEventKind::ScrollDown) => Some(Message::Down),
        Event::Mouse(m) if matches!(m.kind, MouseEventKind::ScrollUp) => Some(Message::Up),
        Event::Resize(w, h) => Some(Message::Resize(*w, *h)),
        _ => None,
    }
}

/// The loop, generic over the backend and the source of input so a whole
/// flow runs in a test. It blocks on input: an idle app uses no CPU. A frame
/// is drawn only when the screen would change: each one is first rendered
/// into memory and compared with the last.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    inputs: impl IntoIterator<Item = Input>,
) -> Result<Ending, B::Error> {
    let area = terminal.get_frame().area();
    app.update(Message::Resize(area.width, area.height));
    let mut shown = Frame::default();
    shown.draw(terminal, app, true)?;
    for input in inputs {
        let message = match input {
            Input::Signal(sig) => {
                app.update(Message::Quit);
                return Ok(Ending::Signal(sig));
            }
            Input::Terminal(event) => message_for(app, &event),
        };
        let Some(message) = message else { continue };
        let resized = matches!(message, Message::Resize(..));
        if resized {
            terminal.autoresize()?;
        }
        app.update(message);
        if app.quit {
            return Ok(Ending::Quit);
        }
        shown.draw(terminal, app, resized)?;
    }
    app.update(Message::Quit);
    Ok(Ending::InputClosed)
}

/// The last frame sent to the terminal, to tell whether a new one differs.
#[derive(Default)]
struct Frame {
    last: Option<Buffer>,
}

impl Frame {
    /// Draws the app unless it looks exactly as it did (or `force`).
    fn draw<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        app: &App,
        force: bool,
    ) -> Result<(), B::Error> {
        let area = terminal.get_frame().area();
        let mut next = Buffer::empty(area);
        app.render(area, &mut next);
        if !force && self.last.as_ref() == Some(&next) {
            return Ok(());
        }
        terminal.draw(|f| f.render_widget(app, f.area()))?;
        self.last = Some(next);
        Ok(())
    }
}

/// Runs the app in the real terminal: raw mode and the alternate screen,
/// mouse and paste on; the terminal is restored however it ends.
pub fn run(app: &mut App) -> anyhow::Result<Ending> {
    use ratatui::crossterm::event::{
        DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    };
    use ratatui::crossterm::execute;
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

    let (tx, rx) = mpsc::channel::<Input>();
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let signal_tx = tx.clone();
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if signal_tx.send(Input::Signal(sig)).is_err() {
                break;
            }
        }
    });
    let mut terminal = ratatui::try_init()?;
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    std::thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if tx.send(Input::Terminal(ev)).is_err() {
                break;
            }
        }
    });
    let ending = run_loop(&mut terminal, app, rx.iter());
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste
    );
    ratatui::restore();
    Ok(ending?)
}
