//! Helpers shared by the terminal-app tests.
#![allow(dead_code)]

use crossroads::answers::Answers;
use crossroads::assessment::{Assessment, load};
use crossroads::tui::app::{App, Saving};
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
    let n = a.questions.len();
    App::new(a, Answers::new(n), Saving::default(), Theme::mono())
}

/// An app that saves its session to `path`.
pub fn saving_app(a: Assessment, path: &std::path::Path) -> App {
    let n = a.questions.len();
    let saving = Saving {
        path: Some(path.to_path_buf()),
        ..Saving::default()
    };
    App::new(a, Answers::new(n), saving, Theme::mono())
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Presses keys as a person would: each through the keymap, then `update`.
pub fn press(app: &mut App, events: &[Event]) {
    for e in events {
        if let Some(m) = message_for(app, e) {
            app.update(m);
        }
    }
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
    &app.assessment.questions[app.current].id
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
