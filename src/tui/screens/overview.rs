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
        "Overview (▸ where you are)",
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
    // Visible questions are numbered as the question screen numbers them.
    let mut number = a.questions[..top]
        .iter()
        .enumerate()
        .filter(|(q, _)| app.visible[*q])
        .count();
    for (q, question) in a.questions.iter().enumerate().skip(top).take(height) {
        let (mark, state, style) = if !app.visible[q] {
            ("·", "hidden  ", app.theme.dim)
        } else if app.answers.get(q).is_some() {
            ("✓", "answered", app.theme.picked)
        } else if question.required {
            ("!", "needed  ", app.theme.warning)
        } else if q < app.furthest {
            ("–", "skipped ", app.theme.text)
        } else {
            (" ", "not yet ", app.theme.dim)
        };
        let shown_number = if app.visible[q] {
            number += 1;
            number.to_string()
        } else {
            String::new()
        };
        let note = if app.answers.notes.contains_key(&question.id) {
            "✎ "
        } else {
            ""
        };
        let cursor = q == app.overview_cursor;
        let here = if q == app.current { "▸" } else { " " };
        let lead = format!(
            "{}{here}{shown_number:>3} {mark} {state} {note}",
            if cursor { "›" } else { " " },
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
