//! The views: each draws part of `App` and changes nothing.

pub mod coach;
pub mod help;
pub mod note;
pub mod overview;
pub mod plan;
pub mod question;
pub mod results;
pub mod welcome;

use super::app::{App, Screen, Status};
use super::keymap::{self, Context};
use super::keymap::{Message, key};
use super::wrap::{truncate, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// Smallest size at which screens are drawn.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(self, area, buf);
            return;
        }
        match self.screen() {
            Screen::Welcome => welcome::render(self, area, buf),
            Screen::Question => question::render(self, area, buf),
            Screen::Overview => overview::render(self, area, buf),
            Screen::Results => results::render(self, area, buf),
            Screen::Review => plan::render_review(self, area, buf),
            Screen::Plan => plan::render_plan(self, area, buf),
        }
        if self.note.is_some() {
            note::render(self, area, buf);
        }
        if self.help.is_some() {
            help::render(self, area, buf);
        }
    }
}

/// "Too small", wrapped to whatever room there is.
fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let quit = key(Context::Welcome, &Message::Quit);
    let text = format!(
        "Too small: {MIN_WIDTH}x{MIN_HEIGHT} needed. Make the window larger; {quit} quits (answers are saved)."
    );
    let lines: Vec<Line> = wrap(&text, area.width as usize)
        .into_iter()
        .map(|l| Line::styled(l, app.theme.warning))
        .collect();
    Paragraph::new(lines).render(area, buf);
}

/// What lies under the header line.
pub fn below_header(area: Rect) -> Rect {
    Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    }
}

/// The top line: a title on the left, something short on the right.
pub fn header(app: &App, area: Rect, buf: &mut Buffer, left: &str, right: &str) {
    let w = area.width as usize;
    // Presenting is said on every screen, so the coach knows it is on.
    let right = match app.presenting {
        true => format!("PRESENTING · {right}"),
        false => right.to_string(),
    };
    let right = truncate(&right, w / 2);
    let left = truncate(left, w.saturating_sub(right.width() + 1));
    let gap = w.saturating_sub(left.width() + right.width());
    let line = Line::from(vec![
        Span::styled(left, app.theme.title),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, app.theme.dim),
    ]);
    Paragraph::new(line).render(Rect { height: 1, ..area }, buf);
}

/// The footer's lines: the keys that work here, wrapped to the width. The
/// footer has room for two lines; when the keys need more, the overview and
/// note keys are left out first, then those just before the last two (help
/// and quit, which must always show). Every key is still in the help.
pub fn footer_lines(app: &App, context: Context, width: u16) -> Vec<Line<'static>> {
    // The digits that mean something here: a goal's progress, or the
    // question's options.
    let choices = match context {
        Context::Review => crate::session::goals::Progress::ALL.len(),
        _ => app.session.choices(),
    };
    let mut entries: Vec<(String, &'static str)> = keymap::footer(context)
        .into_iter()
        .map(|(keys, words)| {
            let keys = match (keys.as_str(), choices) {
                ("1-9,0", n @ 2..=9) => format!("1-{n}"),
                _ => keys,
            };
            (keys, words)
        })
        .collect();
    // Only keys that work here and now: no skip on a required question,
    // no live scores outside coach mode; Enter says what it does (start,
    // resume, see the results).
    let required = app.screen() == super::app::Screen::Question && app.session.question().required;
    let (coach, presenting) = (app.session.is_coach(), app.presenting);
    let (live_coach, held) = (app.live_coach().is_some(), app.results_held());
    entries.retain(|(_, w)| {
        !((*w == "skip" && required)
            || (*w == "scores" && (!coach || presenting))
            || (*w == "note" && presenting)
            || (*w == "present" && !coach)
            || (*w == "bring mentee" && !live_coach)
            || (matches!(*w, "plan" | "report" | "scroll") && held)
            || (*w == "report" && app.is_mentee_screen()))
    });
    for (_, w) in &mut entries {
        if *w == "start" {
            *w = welcome::start_words(app);
        }
    }
    let mut lines = lay_out_footer(app, &entries, width);
    let mut dropped = false;
    while lines.len() > 2 && entries.len() > 3 {
        let drop = entries
            .iter()
            .rposition(|(_, w)| matches!(*w, "overview" | "note" | "scores"))
            .unwrap_or(entries.len() - 3);
        entries.remove(drop);
        dropped = true;
        lines = lay_out_footer(app, &entries, width);
    }
    if dropped {
        // Say that help holds the keys left out, rather than drop them
        // silently, when the words fit.
        let mut told = entries.clone();
        for (_, w) in &mut told {
            if *w == "help" {
                *w = "more keys";
            }
        }
        let longer = lay_out_footer(app, &told, width);
        if longer.len() <= 2 {
            lines = longer;
        }
    }
    lines
}

/// The footer's entries wrapped to the width.
fn lay_out_footer(app: &App, entries: &[(String, &'static str)], width: u16) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0usize;
    for (keys, words) in entries.iter().cloned() {
        let w = keys.width() + 1 + words.width() + 2;
        if used + w > width as usize && !spans.is_empty() {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        spans.push(Span::styled(keys, app.theme.key));
        spans.push(Span::styled(format!(" {words}  "), app.theme.dim));
        used += w;
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}

/// Draws the footer at the bottom of `area`, and above it, on the coach's
/// screen of a live session, what to tell the mentee and where they are;
/// returns the rest.
pub fn footer(app: &App, context: Context, area: Rect, buf: &mut Buffer) -> Rect {
    let lines = footer_lines(app, context, area.width);
    let h = (lines.len() as u16).min(2).min(area.height);
    let at = Rect {
        y: area.y + area.height - h,
        height: h,
        ..area
    };
    Paragraph::new(lines).render(at, buf);
    let rest = Rect {
        height: area.height - h,
        ..area
    };
    live_lines(app, rest, buf)
}

/// The coach's lines of a live session, at the bottom of `area` (at most
/// a third of it); returns the rest. Not drawn while presenting: the code
/// is the coach's to give.
fn live_lines(app: &App, area: Rect, buf: &mut Buffer) -> Rect {
    let lines = live_wrapped(app, area.width, area.height);
    let h = lines.len() as u16;
    let at = Rect {
        y: area.y + area.height - h,
        height: h,
        ..area
    };
    Paragraph::new(lines).render(at, buf);
    Rect {
        height: area.height - h,
        ..area
    }
}

/// The coach's live lines wrapped to a width, at most a third of `height`.
fn live_wrapped(app: &App, width: u16, height: u16) -> Vec<Line<'static>> {
    let Some(live) = app.live_coach() else {
        return Vec::new();
    };
    let mut lines: Vec<Line> = live
        .lines
        .iter()
        .flat_map(|l| wrapped(l, width, app.theme.accent))
        .collect();
    lines.truncate((height / 3) as usize);
    lines
}

/// Rows the bottom of a screen takes in `area`: the footer, the coach's
/// live lines and the status, as `footer` and `status` draw them. Every
/// screen lays out its body above this.
pub fn bottom_height(app: &App, context: Context, area: Rect) -> u16 {
    let footer_h = (footer_lines(app, context, area.width).len() as u16)
        .min(2)
        .min(area.height);
    let rest = area.height - footer_h;
    let live_h = live_wrapped(app, area.width, rest).len() as u16;
    footer_h + live_h + status_height(app, area.width, rest - live_h)
}

/// The status message and its style, if there is one.
fn status_message(app: &App) -> Option<(String, ratatui::style::Style)> {
    match (&app.disk.error, &app.status) {
        (Some(e), _) => Some((e.clone(), app.theme.warning)),
        (None, Some(Status::Warning(m))) => Some((format!("! {m}"), app.theme.warning)),
        (None, Some(Status::Info(m))) => Some((m.clone(), app.theme.accent)),
        (None, None) => None,
    }
}

/// Rows the status takes at a width and height (at most 3).
pub fn status_height(app: &App, width: u16, height: u16) -> u16 {
    status_message(app).map_or(0, |(text, _)| {
        (wrap(&text, width as usize).len() as u16)
            .min(3)
            .min(height.saturating_sub(1))
    })
}

/// Draws the status line (a hint, a problem, or a failed save) above the
/// footer; returns the rest.
pub fn status(app: &App, area: Rect, buf: &mut Buffer) -> Rect {
    let Some((text, style)) = status_message(app) else {
        return area;
    };
    let lines: Vec<Line> = wrap(&text, area.width as usize)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect();
    let h = status_height(app, area.width, area.height);
    let at = Rect {
        y: area.y + area.height - h,
        height: h,
        ..area
    };
    Paragraph::new(lines).render(at, buf);
    Rect {
        height: area.height - h,
        ..area
    }
}

/// The `height` lines of `all` from `scroll` on (held within the end), the
/// last of them replaced by a "more below" marker when more follow:
/// every scrolling screen shows its lines this way.
pub fn scrolled(
    app: &App,
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
        *last = Line::styled(
            format!("{indent}↓ more below ({down} / {page})"),
            app.theme.dim,
        );
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
        *first = Line::styled(
            format!("{indent}↑ more above ({up} / {home})"),
            app.theme.dim,
        );
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
pub fn bar_spans(app: &App, fraction: f64, width: usize) -> Vec<Span<'static>> {
    let filled = ((fraction.clamp(0.0, 1.0)) * width as f64).round() as usize;
    vec![
        Span::styled("█".repeat(filled), app.theme.bar),
        Span::styled("░".repeat(width - filled.min(width)), app.theme.bar_empty),
    ]
}
