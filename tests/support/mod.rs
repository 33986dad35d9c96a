//! Helpers shared by the terminal-app tests.
#![allow(dead_code)]

use crossroads::answers::Answers;
use crossroads::assessment::{Assessment, load};
use crossroads::session::disk::Disk;
use crossroads::session::{Meta, Session};
use crossroads::tui::app::App;
pub use crossroads::tui::handle;
use crossroads::tui::message_for;
use crossroads::tui::theme::Theme;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

pub const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");

pub fn sample() -> Assessment {
    load("sample.yaml", &std::fs::read(SAMPLE).unwrap())
        .unwrap()
        .0
}

pub fn bundled(id: &str) -> Assessment {
    let b = crossroads::bundled::find(id).unwrap();
    load(id, b.yaml.as_bytes()).unwrap().0
}

/// An app that saves nowhere, in mono so snapshots hold no colour noise.
pub fn app(a: Assessment) -> App {
    app_with(a, Meta::default(), Disk::default())
}

/// An app in coach mode (as `--coach` opens it), asking the mentee's name
/// on its welcome.
pub fn coach_app(a: Assessment) -> App {
    let n = a.questions.len();
    let key = crossroads::session::audience::CoachKey::from_command_line(true);
    let session = Session::new(a, Answers::new(n), Meta::default()).coached(key);
    App::new(session, Disk::default(), Theme::mono())
}

/// An app that saves its session to `path`.
pub fn saving_app(a: Assessment, path: &std::path::Path) -> App {
    app_with(a, Meta::default(), Disk::at(path.to_path_buf()))
}

/// An app on a new session with this bookkeeping, kept on `disk`.
pub fn app_with(a: Assessment, meta: Meta, disk: Disk) -> App {
    let n = a.questions.len();
    let session = Session::new(a, Answers::new(n), meta);
    App::new(session, disk, Theme::mono())
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Presses keys as a person would, as the loop does: each through the
/// keymap, then `update` and its effects, then a frame drawn at the app's
/// size (the views record their layout as they draw).
pub fn press(app: &mut App, events: &[Event]) {
    draw(app);
    for e in events {
        if let Some(m) = message_for(app, e) {
            handle(app, m);
            draw(app);
        }
    }
}

/// Draws a frame at the app's size, as the loop would after a message.
pub fn draw(app: &App) {
    let (w, h) = app.size;
    let area = ratatui::layout::Rect::new(0, 0, w, h);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    ratatui::widgets::Widget::render(app, area, &mut buf);
}

/// Types a string: digits, letters and Enter (`\n`), Tab (`\t`).
pub fn typed(s: &str) -> Vec<Event> {
    s.chars()
        .map(|c| match c {
            '\n' => key(KeyCode::Enter),
            '\t' => key(KeyCode::Tab),
            c => key(KeyCode::Char(c)),
        })
        .collect()
}

/// The id of the current question.
pub fn at(app: &App) -> &str {
    &app.session.question().id
}

/// Renders the app into a text grid of `w` x `h`.
pub fn screen(app: &App, w: u16, h: u16) -> String {
    let backend = ratatui::backend::TestBackend::new(w, h);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
pub mod tmux;

/// The order a ranking's draft shows.
pub fn order(app: &App) -> Vec<usize> {
    match app.session.draft() {
        crossroads::assessment::kinds::Draft::Rank(d) => d.order.clone(),
        _ => Vec::new(),
    }
}

/// How far the welcome text is scrolled.
pub fn welcome_scroll(app: &App) -> u16 {
    match app.view {
        crossroads::tui::app::View::Welcome { scroll, .. } => scroll,
        _ => 0,
    }
}
