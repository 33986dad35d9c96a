//! The views: each screen and overlay is a widget built from the parts
//! of `App` it reads, and changes nothing of it.

mod chrome;
pub mod coach;
pub mod help;
pub mod note;
pub mod overview;
pub mod plan;
pub mod question;
pub mod results;
pub mod welcome;

use super::app::{App, Screen};
use super::keymap::Context;
use super::keymap::{Message, key};
use super::theme::Theme;
use super::wrap::wrap;
use help::HelpView;
use note::NoteView;
use overview::OverviewView;
use plan::{PlanView, ReviewView};
use question::QuestionView;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, StatefulWidget, Widget};
use results::{ResultsState, ResultsView};
use welcome::WelcomeView;

/// Smallest size at which screens are drawn.
pub(crate) const MIN_WIDTH: u16 = 30;
pub(crate) const MIN_HEIGHT: u16 = 8;

/// The whole frame: the screen shown, then the note editor and the help
/// over it. The one place the views' draw state is recorded: each view
/// gets its part of `Drawn` (and the results their cached layout) as
/// the state of a `StatefulWidget`, and reads nothing else of the app.
impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            TooSmall { theme: &self.theme }.render(area, buf);
            return;
        }
        let mut drawn = self.drawn.borrow_mut();
        match self.screen() {
            Screen::Welcome => WelcomeView::new(self).render(area, buf, &mut drawn.welcome_max),
            Screen::Question => QuestionView::new(self).render(area, buf, &mut drawn.question),
            Screen::Overview => OverviewView::new(self).render(area, buf),
            Screen::Results => {
                let mut cache = self.results_layout.borrow_mut();
                let mut state = ResultsState {
                    max: drawn.results_max,
                    layout: cache.take(),
                };
                ResultsView::new(self).render(area, buf, &mut state);
                (drawn.results_max, *cache) = (state.max, state.layout);
            }
            Screen::Review => ReviewView::new(self).render(area, buf),
            Screen::Plan => PlanView::new(self).render(area, buf),
        }
        if let Some(note) = NoteView::new(self) {
            note.render(area, buf);
        }
        if let Some(help) = HelpView::new(self) {
            help.render(area, buf, &mut drawn.help_max);
        }
    }
}

/// "Too small", wrapped to whatever room there is.
struct TooSmall<'a> {
    theme: &'a Theme,
}

impl Widget for TooSmall<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let quit = key(Context::Welcome, &Message::Quit);
        let text = format!(
            "Too small: {MIN_WIDTH}x{MIN_HEIGHT} needed. Make the window larger; {quit} quits (answers are saved)."
        );
        let lines: Vec<Line> = wrap(&text, area.width as usize)
            .into_iter()
            .map(|l| Line::styled(l, self.theme.warning))
            .collect();
        Paragraph::new(lines).render(area, buf);
    }
}

/// The `height` lines of `all` from `scroll` on (held within the end), the
/// last of them replaced by a "more below" marker when more follow:
/// every scrolling screen shows its lines this way.
pub fn scrolled(
    theme: &Theme,
    all: &[Line<'static>],
    scroll: u16,
    height: u16,
    indent: &str,
) -> Vec<Line<'static>> {
    let height = height as usize;
    let scroll = (scroll as usize).min(all.len().saturating_sub(height));
    let more = all.len() > scroll + height;
    // Only the lines shown are copied: a long result scrolls at the cost
    // of one screenful.
    let mut shown: Vec<Line<'static>> = all.iter().skip(scroll).take(height).cloned().collect();
    if more && let Some(last) = shown.last_mut() {
        let (down, page) = (
            key(Context::Results, &Message::Down),
            key(Context::Results, &Message::PageDown),
        );
        *last = Line::styled(format!("{indent}↓ more below ({down} / {page})"), theme.dim);
    }
    // Scrolled down: say so at the top, unless that would hide the only line.
    if scroll > 0
        && shown.len() > 1
        && let Some(first) = shown.first_mut()
    {
        let (up, home) = (
            key(Context::Results, &Message::Up),
            key(Context::Results, &Message::First),
        );
        *first = Line::styled(format!("{indent}↑ more above ({up} / {home})"), theme.dim);
    }
    shown
}

/// Wrapped, styled lines of a text.
pub fn wrapped(text: &str, width: u16, style: ratatui::style::Style) -> Vec<Line<'static>> {
    wrap(text.trim_end(), width as usize)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// A progress bar of `width` cells.
pub(crate) fn bar_spans(theme: &Theme, fraction: f64, width: usize) -> Vec<Span<'static>> {
    let filled = ((fraction.clamp(0.0, 1.0)) * width as f64).round() as usize;
    vec![
        Span::styled("█".repeat(filled), theme.bar),
        Span::styled("░".repeat(width - filled.min(width)), theme.bar_empty),
    ]
}
