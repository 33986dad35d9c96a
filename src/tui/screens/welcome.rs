//! The welcome screen: what this is, how long it takes, and resume.

use super::{footer, header, wrapped};
use crate::tui::app::{App, View};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// The text area between the header and the footer, status and margins.
fn body_area(app: &App, area: Rect) -> Rect {
    let context = app.screen_context();
    let footer_h = super::footer_lines(app, context, area.width).len().min(2) as u16;
    let status_h = super::status_height(app, area.width, area.height.saturating_sub(1 + footer_h));
    Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2).max(1),
        height: area.height.saturating_sub(1 + footer_h + status_h),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let a = &app.session.assessment();
    let version = a
        .version
        .as_deref()
        .map(|v| format!("version {v}"))
        .unwrap_or_default();
    header(app, area, buf, "crossroads", &version);
    let body = footer(
        app,
        app.screen_context(),
        Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        },
        buf,
    );
    super::status(app, body, buf);
    let at = body_area(app, area);
    let all = lines(app, at.width);
    app.drawn.borrow_mut().welcome_max = (all.len() as u16).saturating_sub(at.height);
    let scroll = match app.view {
        View::Welcome { scroll, .. } => scroll,
        _ => 0,
    };
    let shown = super::scrolled(app, all, scroll, at.height, "");
    Paragraph::new(shown).render(at, buf);
}

/// Every line of the welcome text at a width.
fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let a = &app.session.assessment();
    let mut lines: Vec<Line> = vec![Line::raw("")];
    lines.extend(wrapped(&a.title, width, app.theme.title));
    lines.push(Line::styled(a.length_in_words(" · "), app.theme.dim));
    lines.push(Line::raw(""));
    if app.session.meta().coach {
        lines.extend(wrapped(
            "Coach mode: each question's coach prompt shows beside it; s shows the live scores; Ctrl-N writes a note.",
            width,
            app.theme.accent,
        ));
        if let Some(name) = &app.session.meta().name {
            lines.push(Line::raw(format!("Mentee: {name}")));
        }
        lines.push(Line::raw(""));
    }
    if let Some(field) = &app.name_field() {
        let text = field.text();
        lines.push(Line::from(vec![
            Span::styled("Mentee's name: ", app.theme.title),
            Span::raw(text),
            Span::styled(" ", app.theme.highlight),
        ]));
        lines.extend(wrapped(
            "Type it (or leave it empty), then Enter to start.",
            width,
            app.theme.dim,
        ));
        lines.push(Line::raw(""));
    }
    if let Some(resume) = &app.session.resume() {
        lines.push(Line::styled("You have a saved session.", app.theme.picked));
        lines.extend(wrapped(
            &format!(
                "{} answered{}.",
                resume.answered,
                if resume.updated.is_empty() {
                    String::new()
                } else {
                    format!(
                        ", last changed {}",
                        resume.updated.replace('T', " ").trim_end_matches('Z')
                    )
                }
            ),
            width,
            app.theme.text,
        ));
        if let Some(changed) = &resume.changed {
            lines.extend(wrapped(changed, width, app.theme.warning));
        }
        lines.push(Line::from(vec![
            Span::styled("Enter", app.theme.key),
            Span::raw(" resume   "),
            Span::styled("n", app.theme.key),
            Span::raw(" start over"),
        ]));
        lines.push(Line::raw(""));
    }
    lines.extend(wrapped(
        "Answer with the number keys, then Enter. Tab skips, Shift-Tab goes back. Your answers are saved as you go.",
        width,
        app.theme.dim,
    ));
    if let Some(path) = &app.disk.path {
        lines.extend(wrapped(
            &format!("Session file: {}", path.display()),
            width,
            app.theme.dim,
        ));
    }
    if let Some(d) = &a.description {
        lines.push(Line::raw(""));
        lines.extend(wrapped(d, width, app.theme.text));
    }
    lines
}
