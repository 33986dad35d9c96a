//! The welcome screen: what this is, how long it takes, and resume.

use super::{footer, header, wrapped};
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let a = &app.assessment;
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
    let body = super::status(app, body, buf);
    let width = body.width.saturating_sub(2).max(1);
    let mut lines: Vec<Line> = vec![Line::raw("")];
    lines.extend(wrapped(&a.title, width, app.theme.title));
    lines.push(Line::styled(
        format!(
            "{} questions · about {} minute{}",
            a.questions.len(),
            a.estimated_minutes,
            if a.estimated_minutes == 1 { "" } else { "s" }
        ),
        app.theme.dim,
    ));
    lines.push(Line::raw(""));
    if app.saving.meta.coach {
        lines.extend(wrapped(
            "Coach mode: each question's coach prompt shows beside it; s shows the live scores; Ctrl-N writes a note.",
            width,
            app.theme.accent,
        ));
        if let Some(name) = &app.saving.meta.name {
            lines.push(Line::raw(format!("Mentee: {name}")));
        }
        lines.push(Line::raw(""));
    }
    if let Some(field) = &app.name_field {
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
    if let Some(resume) = &app.resume {
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
    if let Some(path) = &app.saving.path {
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
    let inner = Rect {
        x: body.x + 1,
        width,
        ..body
    };
    Paragraph::new(lines).render(inner, buf);
}
