//! The terminal app: The Elm Architecture over the pure core. Key events
//! become `Message`s through the keymap, `App::update` changes state, and
//! the views in `screens/` draw it.

pub mod app;
pub mod keymap;
mod perform;
pub mod screens;
mod terminal;
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

/// What reaches the loop: a terminal event, a signal, or an event of a
/// companion running beside the app (the mentee's screen of a live
/// session: see [`Beside`]).
#[derive(Debug)]
pub enum Input<E = std::convert::Infallible> {
    Terminal(Event),
    /// A signal that ends the program (one of `terminal::ENDING`).
    Signal(i32),
    /// SIGTSTP: step out of the terminal and stop until continued.
    Suspend,
    /// SIGCONT from outside: draw everything again.
    Continued,
    /// An event for the companion.
    Beside(E),
}

/// What runs beside the app in its loop, on the same session: the
/// mentee's screen of a live session. The loop hands it its own events,
/// and after every change of the app (a key on either side) lets it follow
/// and draw; the loop draws the app itself. Both sides' operations thus
/// reach the one session in the order they arrive.
pub trait Beside {
    type Event;
    /// One of its own events arrived; it may change the app's session.
    fn on_event(&mut self, app: &mut App, event: Self::Event);
    /// The app may have changed: follow it and draw.
    fn follow(&mut self, app: &mut App);
    /// The loop ends, after the app saved: say goodbye.
    fn end(&mut self, app: &App);
}

/// No companion: a session on one screen.
impl Beside for () {
    type Event = std::convert::Infallible;
    fn on_event(&mut self, _: &mut App, event: Self::Event) {
        match event {}
    }
    fn follow(&mut self, _: &mut App) {}
    fn end(&mut self, _: &App) {}
}

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The person quit.
    Quit,
    /// A signal (SIGTERM, SIGHUP, SIGUSR1, ...) ended it after saving.
    Signal(i32),
    /// The input ended (the terminal went away).
    InputClosed,
}

/// The message an input event sends, if any.
pub fn message_for(app: &App, event: &Event) -> Option<Message> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            match keymap::dispatch(app.context(), key) {
                // Asked once already: this Esc is the answer.
                Some(Message::Leave) if app.quit_asked => Some(Message::Quit),
                message => message,
            }
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
    run_loop_with(terminal, app, inputs, |_| {})
}

/// The loop, with what to do to pause the program (Ctrl-Z, SIGTSTP):
/// `suspend` returns once the program is continued, and the whole screen
/// is drawn again.
fn run_loop_with<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    inputs: impl IntoIterator<Item = Input>,
    suspend: impl FnMut(&mut Terminal<B>),
) -> Result<Ending, B::Error> {
    run_loop_beside(terminal, app, &mut (), inputs, suspend)
}

/// The loop with a companion beside the app (see [`Beside`]).
pub fn run_loop_beside<B: Backend, C: Beside>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    beside: &mut C,
    inputs: impl IntoIterator<Item = Input<C::Event>>,
    mut suspend: impl FnMut(&mut Terminal<B>),
) -> Result<Ending, B::Error> {
    let ending = run_inputs(terminal, app, beside, inputs, &mut suspend);
    beside.end(app);
    ending
}

fn run_inputs<B: Backend, C: Beside>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    beside: &mut C,
    inputs: impl IntoIterator<Item = Input<C::Event>>,
    suspend: &mut impl FnMut(&mut Terminal<B>),
) -> Result<Ending, B::Error> {
    let area = terminal.get_frame().area();
    handle(app, Message::Resize(area.width, area.height));
    terminal.hide_cursor()?;
    let mut last = None;
    beside.follow(app);
    draw(terminal, app, &mut last)?;
    for input in inputs {
        let message = match input {
            Input::Signal(sig) => {
                handle(app, Message::Quit);
                return Ok(Ending::Signal(sig));
            }
            Input::Beside(event) => {
                beside.on_event(app, event);
                beside.follow(app);
                draw(terminal, app, &mut last)?;
                continue;
            }
            Input::Suspend => Some(Message::Suspend),
            Input::Continued => {
                redraw_all(terminal, app, &mut last)?;
                continue;
            }
            Input::Terminal(event) => message_for(app, &event),
        };
        if message == Some(Message::Suspend) {
            // Keep what was typed, then step out of the terminal until `fg`.
            handle(app, Message::Save);
            suspend(terminal);
            redraw_all(terminal, app, &mut last)?;
            continue;
        }
        let Some(message) = message else { continue };
        if matches!(message, Message::Resize(..)) {
            terminal.autoresize()?;
        }
        handle(app, message);
        if app.quit {
            return Ok(Ending::Quit);
        }
        beside.follow(app);
        draw(terminal, app, &mut last)?;
    }
    handle(app, Message::Quit);
    Ok(Ending::InputClosed)
}

/// Clears the screen and draws every cell again (after a pause, whatever
/// the shell left on the screen is gone). Not `Terminal::clear`: that asks
/// the terminal where its cursor is, and the answer would be read by the
/// input thread, which holds the reader: a deadlock until the next key.
pub(crate) fn redraw_all<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &App,
    last: &mut Option<Buffer>,
) -> Result<(), B::Error> {
    terminal
        .backend_mut()
        .clear_region(ratatui::backend::ClearType::All)?;
    terminal.current_buffer_mut().reset();
    terminal.swap_buffers();
    *last = None;
    draw(terminal, app, last)
}

/// Updates the app with a message and carries out the effects it returns.
pub fn handle(app: &mut App, message: Message) {
    let effects = app.update(message);
    app.perform(&effects);
}

/// Renders the app once into the terminal's buffer and sends the cells
/// that differ from `last`, the frame sent before; nothing when none do
/// (the backend would otherwise still reset its colours).
pub fn draw<B: Backend>(
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
/// mouse and paste on. Every way the program can stop or pause restores the
/// terminal first: quitting, every signal that would end it
/// (`terminal::ENDING`: saved, then ended with 128 + N), SIGTSTP and
/// Ctrl-Z (restored with the cursor shown, stopped, and set up and redrawn
/// again on `fg`), and a panic (ratatui's hook). SIGPIPE and SIGXFSZ are
/// not among them: ignored, the failing write reports itself.
pub fn run(app: &mut App) -> anyhow::Result<Ending> {
    let (tx, rx) = mpsc::channel::<Input>();
    run_beside(app, &mut (), tx, rx)
}

/// Runs the app in the real terminal with a companion beside it, whose
/// events come through the same channel (`tx` is where the terminal's
/// events and signals are sent; the companion holds its own clone).
pub fn run_beside<C: Beside>(
    app: &mut App,
    beside: &mut C,
    tx: mpsc::Sender<Input<C::Event>>,
    rx: mpsc::Receiver<Input<C::Event>>,
) -> anyhow::Result<Ending>
where
    C::Event: Send + 'static,
{
    use signal_hook::consts::{SIGCONT, SIGTSTP};

    let watched = terminal::ENDING.iter().chain(&[SIGTSTP, SIGCONT]);
    let mut signals = signal_hook::iterator::Signals::new(watched)?;
    let signal_tx = tx.clone();
    std::thread::spawn(move || {
        for sig in signals.forever() {
            let input = match sig {
                SIGTSTP => Input::Suspend,
                SIGCONT => Input::Continued,
                sig => Input::Signal(sig),
            };
            if signal_tx.send(input).is_err() {
                break;
            }
        }
    });
    let mut terminal = ratatui::try_init()?;
    terminal::enter();
    std::thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if tx.send(Input::Terminal(ev)).is_err() {
                break;
            }
        }
    });
    let ending = run_loop_beside(&mut terminal, app, beside, rx.iter(), terminal::suspend);
    terminal::leave();
    Ok(ending?)
}
