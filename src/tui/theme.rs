//! Colours and styles in one place: dark, light and mono. Colour is never
//! the only signal: every state also has a symbol or a word.

use ratatui::style::{Color, Modifier, Style};

/// The styles every view draws with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub text: Style,
    pub title: Style,
    pub dim: Style,
    pub accent: Style,
    /// The highlighted row.
    pub highlight: Style,
    /// A picked answer.
    pub picked: Style,
    pub warning: Style,
    pub bar: Style,
    pub bar_empty: Style,
    pub key: Style,
}

/// Which theme to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeName {
    Dark,
    Light,
    Mono,
}

impl Theme {
    /// The theme by name; `NO_COLOR` (set and non-empty) forces mono.
    pub fn pick(name: ThemeName, no_color: bool) -> Theme {
        match (name, no_color) {
            (_, true) | (ThemeName::Mono, _) => Theme::mono(),
            (ThemeName::Dark, _) => Theme::dark(),
            (ThemeName::Light, _) => Theme::light(),
        }
    }

    /// Whether the NO_COLOR convention asks for no colour.
    pub fn no_color_requested() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }

    pub fn dark() -> Theme {
        Theme {
            text: Style::new(),
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            accent: Style::new().fg(Color::Cyan),
            highlight: Style::new().fg(Color::Black).bg(Color::Cyan),
            picked: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            bar: Style::new().fg(Color::Cyan),
            bar_empty: Style::new().fg(Color::DarkGray),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }

    pub(crate) fn light() -> Theme {
        Theme {
            text: Style::new(),
            title: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            accent: Style::new().fg(Color::Blue),
            highlight: Style::new().fg(Color::White).bg(Color::Blue),
            picked: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            bar: Style::new().fg(Color::Blue),
            bar_empty: Style::new().fg(Color::DarkGray),
            key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        }
    }

    pub fn mono() -> Theme {
        let plain = Style::new();
        Theme {
            text: plain,
            title: plain.add_modifier(Modifier::BOLD),
            dim: plain,
            accent: plain,
            highlight: plain.add_modifier(Modifier::REVERSED),
            picked: plain.add_modifier(Modifier::BOLD),
            warning: plain.add_modifier(Modifier::BOLD),
            bar: plain,
            bar_empty: plain,
            key: plain.add_modifier(Modifier::BOLD),
        }
    }
}
