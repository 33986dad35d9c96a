//! What every screen draws around its body: the header line at the top;
//! at the bottom the keys that work here (the footer), above them the
//! coach's lines of a live session, and above those the status. The
//! frame's regions come from `Layout`s.

use super::wrapped;
use crate::tui::app::{App, Screen, Status};
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;
use crate::tui::wrap::{truncate, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// The frame's regions, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Regions {
    pub header: Rect,
    /// Rows the screen draws under the header, above its body (the
    /// question's progress bar).
    pub under: Rect,
    pub body: Rect,
    pub status: Rect,
    pub live: Rect,
    pub footer: Rect,
}

/// The height the bottom takes its share of: the live lines at most a
/// third of it, the status what is left of it but a row. The question and
/// the results measure it over the whole frame, the other screens under
/// the header line, as each has always been drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Room {
    Frame,
    UnderHeader,
}

/// A screen's header, footer, live lines and status, with what they read
/// of the app.
pub(crate) struct Chrome<'a> {
    theme: &'a Theme,
    presenting: bool,
    title: String,
    aside: String,
    /// The footer's keys and their words, as they apply here and now.
    keys: Vec<(String, &'static str)>,
    /// The coach's lines of a live session (none elsewhere).
    live: &'a [String],
    status: Option<(String, Style)>,
}

impl<'a> Chrome<'a> {
    /// The chrome of `app`'s screen in `context`, its header saying
    /// `title` on the left and `aside` on the right.
    pub fn new(app: &'a App, context: Context, title: &str, aside: &str) -> Chrome<'a> {
        Chrome {
            theme: &app.theme,
            presenting: app.presenting,
            title: title.to_string(),
            aside: aside.to_string(),
            keys: footer_keys(app, context),
            live: app.live_coach().map_or(&[][..], |l| &l.lines[..]),
            status: status_message(app),
        }
    }

    /// Lays out `area`: the header line, `under` rows beneath it, the body,
    /// then the status, the live lines and the footer at the bottom.
    pub fn regions(&self, area: Rect, under: u16, room: Room) -> Regions {
        let [header, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let measured = match room {
            Room::Frame => area,
            Room::UnderHeader => rest,
        };
        let (live_h, status_h, footer_h) = self.bottom_heights(measured);
        // These always fit `rest`: the status leaves a row of what it is
        // measured over, and the frame is one row taller than `rest`.
        let [above, status, live, footer] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(status_h),
            Constraint::Length(live_h),
            Constraint::Length(footer_h),
        ])
        .areas(rest);
        // On a frame too short for all of it, the rows under the header
        // keep their place and the bottom is drawn over them: the body is
        // what lies both below them and above the bottom (maybe nothing).
        let [under, below] =
            Layout::vertical([Constraint::Length(under), Constraint::Fill(1)]).areas(rest);
        let body = below.intersection(above);
        Regions {
            header,
            under,
            body,
            live,
            status,
            footer,
        }
    }

    /// Rows of the live lines, the status and the footer, measured over
    /// `area`: the footer first, then the live lines, then the status.
    fn bottom_heights(&self, area: Rect) -> (u16, u16, u16) {
        let footer_h = (self.footer_lines(area.width).len() as u16)
            .min(2)
            .min(area.height);
        let rest = area.height - footer_h;
        let live_h = self.live_lines(area.width, rest).len() as u16;
        (
            live_h,
            self.status_height(area.width, rest - live_h),
            footer_h,
        )
    }

    /// Draws the header, the footer, the live lines and the status in
    /// their regions (after what a screen draws under the header).
    pub fn render(&self, regions: &Regions, buf: &mut Buffer) {
        self.header(regions.header, buf);
        Paragraph::new(self.footer_lines(regions.footer.width)).render(regions.footer, buf);
        let live = self.live_lines(regions.live.width, u16::MAX);
        Paragraph::new(live).render(regions.live, buf);
        if let Some((text, style)) = &self.status {
            let lines: Vec<Line> = wrap(text, regions.status.width as usize)
                .into_iter()
                .map(|l| Line::styled(l, *style))
                .collect();
            Paragraph::new(lines).render(regions.status, buf);
        }
    }

    /// The top line: a title on the left, something short on the right.
    fn header(&self, area: Rect, buf: &mut Buffer) {
        let w = area.width as usize;
        // Presenting is said on every screen, so the coach knows it is on.
        let right = match self.presenting {
            true => format!("PRESENTING · {}", self.aside),
            false => self.aside.clone(),
        };
        let right = truncate(&right, w / 2);
        let left = truncate(&self.title, w.saturating_sub(right.width() + 1));
        let gap = w.saturating_sub(left.width() + right.width());
        let line = Line::from(vec![
            Span::styled(left, self.theme.title),
            Span::raw(" ".repeat(gap)),
            Span::styled(right, self.theme.dim),
        ]);
        Paragraph::new(line).render(area, buf);
    }

    /// The footer's lines: the keys that work here, wrapped to the width.
    /// The footer has room for two lines; when the keys need more, the
    /// overview and note keys are left out first, then those just before
    /// the last two (help and quit, which must always show). Every key is
    /// still in the help.
    fn footer_lines(&self, width: u16) -> Vec<Line<'static>> {
        let mut entries = self.keys.clone();
        let mut lines = lay_out_footer(self.theme, &entries, width);
        let mut dropped = false;
        while lines.len() > 2 && entries.len() > 3 {
            let drop = entries
                .iter()
                .rposition(|(_, w)| matches!(*w, "overview" | "note" | "scores"))
                .unwrap_or(entries.len() - 3);
            entries.remove(drop);
            dropped = true;
            lines = lay_out_footer(self.theme, &entries, width);
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
            let longer = lay_out_footer(self.theme, &told, width);
            if longer.len() <= 2 {
                lines = longer;
            }
        }
        lines
    }

    /// The coach's live lines wrapped to a width, at most a third of
    /// `height`. Not drawn while presenting: the code is the coach's to give.
    fn live_lines(&self, width: u16, height: u16) -> Vec<Line<'static>> {
        let mut lines: Vec<Line> = self
            .live
            .iter()
            .flat_map(|l| wrapped(l, width, self.theme.accent))
            .collect();
        lines.truncate((height / 3) as usize);
        lines
    }

    /// Rows the status takes at a width and height (at most 3).
    fn status_height(&self, width: u16, height: u16) -> u16 {
        self.status.as_ref().map_or(0, |(text, _)| {
            (wrap(text, width as usize).len() as u16)
                .min(3)
                .min(height.saturating_sub(1))
        })
    }
}

/// The footer's keys for `context`, only those that work here and now.
fn footer_keys(app: &App, context: Context) -> Vec<(String, &'static str)> {
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
    let required = app.screen() == Screen::Question && app.session.question().required;
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
            *w = super::welcome::start_words(&app.session);
        }
    }
    entries
}

/// The footer's entries wrapped to the width.
fn lay_out_footer(
    theme: &Theme,
    entries: &[(String, &'static str)],
    width: u16,
) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0usize;
    for (keys, words) in entries.iter().cloned() {
        let w = keys.width() + 1 + words.width() + 2;
        if used + w > width as usize && !spans.is_empty() {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::styled(format!(" {words}  "), theme.dim));
        used += w;
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}

/// The status message and its style, if there is one: a failed save
/// before anything else.
fn status_message(app: &App) -> Option<(String, Style)> {
    match (&app.disk.error, &app.status) {
        (Some(e), _) => Some((e.clone(), app.theme.warning)),
        (None, Some(Status::Warning(m))) => Some((format!("! {m}"), app.theme.warning)),
        (None, Some(Status::Info(m))) => Some((m.clone(), app.theme.accent)),
        (None, None) => None,
    }
}
