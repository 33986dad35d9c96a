//! The overview: every question with answered / skipped / hidden.

use super::{footer, header, status};
use crate::tui::app::{App, View};
use crate::tui::keymap::Context;
use crate::tui::wrap::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let a = &app.session.assessment();
    let answered = (0..a.questions.len())
        .filter(|q| app.session.visible()[*q] && app.session.answers().get(*q).is_some())
        .count();
    let visible = app.session.visible().iter().filter(|v| **v).count();
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
    let cursor_at = match app.view {
        View::Overview { cursor, .. } => cursor,
        _ => app.session.current(),
    };
    let top = cursor_at.saturating_sub(height.saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    // Visible questions are numbered as the question screen numbers them.
    let mut number = a.questions[..top]
        .iter()
        .enumerate()
        .filter(|(q, _)| app.session.visible()[*q])
        .count();
    for (q, question) in a.questions.iter().enumerate().skip(top).take(height) {
        let (mark, state, style) = if !app.session.visible()[q] {
            ("·", "hidden  ", app.theme.dim)
        } else if app.session.answers().get(q).is_some() {
            ("✓", "answered", app.theme.picked)
        } else if question.required {
            ("!", "needed  ", app.theme.warning)
        } else if q < app.session.furthest() {
            ("–", "skipped ", app.theme.text)
        } else {
            (" ", "not yet ", app.theme.dim)
        };
        let shown_number = if app.session.visible()[q] {
            number += 1;
            number.to_string()
        } else {
            String::new()
        };
        let note = if app.session.answers().notes.contains_key(&question.id) {
            "✎ "
        } else {
            ""
        };
        let cursor = q == cursor_at;
        let here = if q == app.session.current() {
            "▸"
        } else {
            " "
        };
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
