//! The terminal app: The Elm Architecture over the pure core. Key events
//! become `Message`s through the keymap, `App::update` changes state, and
//! the views in `screens/` draw it.

pub mod app;
pub mod keymap;
pub mod screens;
pub mod theme;
mod update;
pub mod widgets;
pub mod words;
pub use crate::wrap;

use app::App;
use keymap::{Edit, Message};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
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
        // Pasted text goes to whatever field is being typed in.
        Event::Paste(text)
            if matches!(
                app.context(),
                keymap::Context::Text
                    | keymap::Context::Note
                    | keymap::Context::WelcomeName
                    | keymap::Context::ReviewNote
                    | keymap::Context::GoalForm
            ) =>
        {
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
/// flow runs in a test. It blocks on input: an idle app uses no CPU. Each
/// message is handled by `update`, whose effects (saves, backups, reports)
/// the loop carries out; then the frame is rendered once, and only the
/// cells that changed are sent. A frame identical to the last sends
/// nothing at all.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    inputs: impl IntoIterator<Item = Input>,
) -> Result<Ending, B::Error> {
    let area = terminal.get_frame().area();
    handle(app, Message::Resize(area.width, area.height));
    terminal.hide_cursor()?;
    let mut last = None;
    draw(terminal, app, &mut last)?;
    for input in inputs {
        let message = match input {
            Input::Signal(sig) => {
                handle(app, Message::Quit);
                return Ok(Ending::Signal(sig));
            }
            Input::Terminal(event) => message_for(app, &event),
        };
        let Some(message) = message else { continue };
        if matches!(message, Message::Resize(..)) {
            terminal.autoresize()?;
        }
        handle(app, message);
        if app.quit {
            return Ok(Ending::Quit);
        }
        draw(terminal, app, &mut last)?;
    }
    handle(app, Message::Quit);
    Ok(Ending::InputClosed)
}

/// Updates the app with a message and carries out the effects it returns.
pub fn handle(app: &mut App, message: Message) {
    let effects = app.update(message);
    app.perform(&effects);
}

/// Renders the app once into the terminal's buffer and sends the cells
/// that differ from `last`, the frame sent before; nothing when none do
/// (the backend would otherwise still reset its colours).
fn draw<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &App,
    last: &mut Option<Buffer>,
) -> Result<(), B::Error> {
    terminal.current_buffer_mut().reset();
    let mut frame = terminal.get_frame();
    let area = frame.area();
    frame.render_widget(app, area);
    let current = terminal.current_buffer_mut();
    if last.as_ref() == Some(current) {
        return Ok(());
    }
    *last = Some(current.clone());
    terminal.flush()?;
    terminal.swap_buffers();
    terminal.backend_mut().flush()
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
