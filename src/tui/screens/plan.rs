//! Goals: the review of the previous session's goals, and the plan chosen
//! after the results.

use super::chrome::{Chrome, Room};
use super::wrapped;
use crate::field::Field;
use crate::session::Session;
use crate::session::goals::{GOALS_ALLOWED, Progress};
use crate::tui::app::{App, GoalForm, View};
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::{Look, TextField};
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// Draws the chrome, then a body of lines under the header and above the
/// footer and status, scrolled so that line `focus` shows.
fn draw(chrome: &Chrome, area: Rect, buf: &mut Buffer, lines: Vec<Line<'static>>, focus: usize) {
    let regions = chrome.regions(area, 0, Room::UnderHeader);
    chrome.render(&regions, buf);
    let at = regions.body.inner(Margin::new(1, 0));
    let top = (focus + 2).saturating_sub(at.height as usize);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(top)
        .take(at.height as usize)
        .collect();
    Paragraph::new(shown).render(at, buf);
}

fn field_look(theme: &Theme, lead: &str) -> Look {
    Look {
        first: lead.to_string(),
        rest: " ".repeat(lead.chars().count()),
        lead: theme.key,
        text: theme.text,
        cursor: theme.highlight,
    }
}

/// The review of a goal of the previous session: what it reads of the app.
pub(crate) struct ReviewView<'a> {
    chrome: Chrome<'a>,
    session: &'a Session,
    theme: &'a Theme,
    /// Which goal of the previous session.
    index: usize,
    /// Once its progress is chosen: the note being typed.
    note: Option<&'a (Progress, Field)>,
}

impl<'a> ReviewView<'a> {
    /// Built from the parts of `app` it reads.
    pub fn new(app: &'a App) -> ReviewView<'a> {
        let (index, note) = match &app.view {
            View::Review { index, note } => (*index, note.as_ref()),
            _ => (0, None),
        };
        let goals = app.session.goals_to_review();
        ReviewView {
            chrome: Chrome::new(
                app,
                app.context(),
                "Since last time",
                &format!("Goal {} of {}", index + 1, goals.len()),
            ),
            session: &app.session,
            theme: &app.theme,
            index,
            note,
        }
    }
}

impl Widget for ReviewView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (index, note) = (&self.index, self.note);
        let goals = self.session.goals_to_review();
        let w = area.width.saturating_sub(2);
        let t = self.theme;
        let mut lines: Vec<Line<'static>> = vec![Line::raw("")];
        let when = self
            .session
            .previous()
            .and_then(|p| p.meta.updated)
            .map(|d| format!(" on {}", d.date()))
            .unwrap_or_default();
        lines.extend(wrapped(
            &format!("Last time{when} these goals were set. How did this one go?"),
            w,
            t.dim,
        ));
        lines.push(Line::raw(""));
        if let Some((goal, _)) = goals.get(*index) {
            lines.extend(wrapped(&goal.text, w, t.title));
            if !goal.done_when.trim().is_empty() {
                lines.extend(wrapped(
                    &format!("Done when: {}", goal.done_when),
                    w,
                    t.text,
                ));
            }
            if let Some(target) = &goal.target {
                lines.push(Line::raw(format!("By: {target}")));
            }
        }
        lines.push(Line::raw(""));
        let chosen = note.map(|(p, _)| *p);
        for (i, p) in ["Done", "In progress", "Dropped"].iter().enumerate() {
            let on = chosen.is_some_and(|c| c.words().eq_ignore_ascii_case(p));
            lines.push(Line::from(vec![
                Span::styled(format!("  {}  ", i + 1), t.key),
                Span::styled(
                    format!("{} {p}", if on { "●" } else { "○" }),
                    if on { t.picked } else { t.text },
                ),
            ]));
        }
        let mut focus = lines.len();
        if let Some((_, field)) = note {
            lines.push(Line::raw(""));
            lines.extend(wrapped("A note on how it went (optional):", w, t.dim));
            let shown = TextField::new(field, field_look(t, "> ")).lines(w);
            focus = lines.len() + shown.cursor_row;
            lines.extend(shown.lines);
        }
        draw(&self.chrome, area, buf, lines, focus);
    }
}

/// The plan chosen after the results, or a goal being written: what it
/// reads of the app.
pub(crate) struct PlanView<'a> {
    chrome: Chrome<'a>,
    session: &'a Session,
    theme: &'a Theme,
    /// The highlighted row.
    cursor: usize,
    form: Option<&'a GoalForm>,
}

impl<'a> PlanView<'a> {
    /// Built from the parts of `app` it reads.
    pub fn new(app: &'a App) -> PlanView<'a> {
        let (cursor, form) = match &app.view {
            View::Plan { cursor, form } => (*cursor, form.as_ref()),
            _ => (0, None),
        };
        let goals = app.session.goals();
        PlanView {
            chrome: Chrome::new(
                app,
                app.context(),
                "Your plan",
                &format!("{} of {GOALS_ALLOWED} goals", goals.len()),
            ),
            session: &app.session,
            theme: &app.theme,
            cursor,
            form,
        }
    }
}

impl Widget for PlanView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let cursor = &self.cursor;
        if let Some(f) = self.form {
            return render_form(&self, area, buf, f);
        }
        let goals = self.session.goals();
        let w = area.width.saturating_sub(2);
        let t = self.theme;
        let mut lines: Vec<Line<'static>> = vec![Line::raw("")];
        lines.extend(wrapped(
        "Choose up to three goals to work on: a step offered for your result, or your own words. Each gets how you will know it is done and a date.",
        w,
        t.dim,
    ));
        lines.push(Line::raw(""));
        let mut focus = 0;
        let mut row = 0;
        let mut push_row = |lines: &mut Vec<Line<'static>>, text: String, style| {
            let here = row == *cursor;
            if here {
                focus = lines.len();
            }
            let marker = if here { "› " } else { "  " };
            let mut first = true;
            for part in crate::tui::wrap::wrap(&text, (w as usize).saturating_sub(2)) {
                let lead = if first { marker } else { "  " };
                first = false;
                lines.push(Line::styled(
                    format!("{lead}{part}"),
                    if here { t.highlight } else { style },
                ));
            }
            row += 1;
        };
        lines.push(Line::styled("Your goals", t.title));
        if goals.is_empty() {
            lines.push(Line::styled("  none yet", t.dim));
        }
        for (i, g) in goals.iter().enumerate() {
            push_row(&mut lines, format!("{}. {}", i + 1, g.words()), t.picked);
        }
        lines.push(Line::raw(""));
        let offered = self.session.suggested_goals();
        let mut last_heading = None;
        for s in offered {
            if last_heading.as_ref() != Some(&s.heading) {
                // "Choosing between Product Manager and People manager" is
                // wider than a narrow window: wrapped, never cut.
                lines.extend(super::wrapped(&s.heading, w, t.title));
                last_heading = Some(s.heading);
            }
            push_row(&mut lines, s.step, t.text);
        }
        push_row(&mut lines, "Something in your own words".into(), t.accent);
        draw(&self.chrome, area, buf, lines, focus);
    }
}

fn render_form(view: &PlanView, area: Rect, buf: &mut Buffer, form: &GoalForm) {
    let w = area.width.saturating_sub(2);
    let t = view.theme;
    let mut lines: Vec<Line<'static>> = vec![Line::raw("")];
    let mut focus = 0;
    for (i, (label, field)) in GoalForm::LABELS.iter().zip(&form.fields).enumerate() {
        lines.push(Line::styled(
            label.to_string(),
            if i == form.at { t.title } else { t.dim },
        ));
        if i == form.at {
            let shown = TextField::new(field, field_look(t, "> ")).lines(w);
            focus = lines.len() + shown.cursor_row;
            lines.extend(shown.lines);
        } else {
            lines.extend(wrapped(&format!("  {}", field.text()), w, t.text));
        }
        lines.push(Line::raw(""));
    }
    draw(&view.chrome, area, buf, lines, focus);
}
