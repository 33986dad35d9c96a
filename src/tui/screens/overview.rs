//! The overview: every question with answered / skipped / hidden.

use super::{footer, header, status};
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::wrap::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let a = &app.assessment;
    let answered = (0..a.questions.len())
        .filter(|q| app.visible[*q] && app.answers.get(*q).is_some())
        .count();
    let visible = app.visible.iter().filter(|v| **v).count();
    header(
        app,
        area,
        buf,
        "Overview",
        &format!("{answered} of {visible} answered"),
    );
    let rest = footer(
        app,
        Context::Overview,
        Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        },
        buf,
    );
    let rest = status(app, rest, buf);
    let height = rest.height as usize;
    let top = app.overview_cursor.saturating_sub(height.saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    for (q, question) in a.questions.iter().enumerate().skip(top).take(height) {
        let (mark, state, style) = if !app.visible[q] {
            ("·", "hidden  ", app.theme.dim)
        } else if app.answers.get(q).is_some() {
            ("✓", "answered", app.theme.picked)
        } else {
            ("–", "skipped ", app.theme.text)
        };
        let note = if app.answers.notes.contains_key(&question.id) {
            "✎ "
        } else {
            ""
        };
        let cursor = q == app.overview_cursor;
        let here = if q == app.current { "▸" } else { " " };
        let lead = format!(
            "{}{here}{:>3} {mark} {state} {note}",
            if cursor { "›" } else { " " },
            q + 1
        );
        let room = (rest.width as usize).saturating_sub(lead.chars().count() + 1);
        let text = truncate(question.text.trim(), room);
        let line_style = if cursor { app.theme.highlight } else { style };
        lines.push(Line::from(vec![
            Span::styled(lead, line_style),
            Span::styled(
                text,
                if cursor {
                    app.theme.highlight
                } else {
                    app.theme.text
                },
            ),
        ]));
    }
    Paragraph::new(lines).render(rest, buf);
}
