//! The welcome screen: what this is, how long it takes, and resume.

use super::{footer, header, wrapped};
use crate::session::people;
use crate::tui::app::{App, View};
use crate::tui::keymap::{Context, Message, key};
use crate::tui::widgets::text_field::{self, Look};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// The text area between the header and the footer, status and margins.
fn body_area(app: &App, area: Rect) -> Rect {
    let below = super::below_header(area);
    let bottom = super::bottom_height(app, app.screen_context(), below);
    Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2).max(1),
        height: below.height.saturating_sub(bottom),
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
    let body = footer(app, app.screen_context(), super::below_header(area), buf);
    super::status(app, body, buf);
    let at = body_area(app, area);
    let all = lines(app, at.width);
    app.drawn.borrow_mut().welcome_max = (all.len() as u16).saturating_sub(at.height);
    let scroll = match app.view {
        View::Welcome { scroll, .. } => scroll,
        _ => 0,
    };
    let shown = super::scrolled(app, &all, scroll, at.height, "");
    Paragraph::new(shown).render(at, buf);
}

/// What Enter does here, in the words the text and the footer both use:
/// start, resume, or, on a finished session, see the results.
pub fn start_words(app: &App) -> &'static str {
    match app.session.resume() {
        Some(_) if app.session.meta().complete => "see the results",
        Some(_) => "resume",
        None => "start",
    }
}

/// Every line of the welcome text at a width.
fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let a = app.session.assessment();
    let context = app.screen_context();
    let mut lines: Vec<Line> = vec![Line::raw("")];
    lines.extend(wrapped(&a.title, width, app.theme.title));
    lines.push(Line::styled(a.length_in_words(" · "), app.theme.dim));
    lines.push(Line::raw(""));
    if app.session.is_coach() {
        lines.extend(wrapped(
            &format!(
                "Coach mode: each question's coach prompt shows beside it; {} shows the live scores; {} writes a note.",
                key(Context::Pick, &Message::ToggleScores),
                key(Context::Pick, &Message::OpenNote)
            ),
            width,
            app.theme.accent,
        ));
        if let Some(name) = &app.session.meta().name {
            lines.push(Line::raw(format!("Mentee: {name}")));
        }
        lines.push(Line::raw(""));
    }
    if let Some(field) = app.name_field() {
        let lead = "Mentee's name: ";
        let look = Look {
            first: lead.into(),
            rest: " ".repeat(lead.len()),
            lead: app.theme.title,
            text: app.theme.text,
            cursor: app.theme.highlight,
        };
        lines.extend(text_field::lines(field, width as usize, &look).lines);
        lines.extend(wrapped(
            &format!(
                "Type their name or initials, then {} to start.",
                key(Context::WelcomeName, &Message::Start)
            ),
            width,
            app.theme.dim,
        ));
        lines.push(Line::raw(""));
    }
    if let Some(resume) = app.session.resume() {
        let meta = app.session.meta();
        lines.extend(wrapped(
            &people::resume_words(meta.name.as_deref(), resume, meta.complete),
            width,
            app.theme.picked,
        ));
        if let Some(changed) = &resume.changed {
            lines.extend(wrapped(changed, width, app.theme.warning));
        }
        let mut spans = vec![
            Span::styled(key(context, &Message::Start), app.theme.key),
            Span::raw(format!(" {}", start_words(app))),
        ];
        // Typing a name, every letter is the name's: no key starts over.
        let over = key(context, &Message::StartOver);
        if !over.is_empty() {
            spans.push(Span::raw("   "));
            spans.push(Span::styled(over, app.theme.key));
            spans.push(Span::raw(" start a new session"));
        }
        lines.push(Line::from(spans));
        if app.session.is_coach() && !resume.earlier.is_empty() {
            lines.push(Line::styled("Earlier sessions:", app.theme.dim));
            for e in &resume.earlier {
                lines.extend(wrapped(&format!("  {}", e.words()), width, app.theme.dim));
            }
        }
        lines.push(Line::raw(""));
    }
    let pick = Context::Pick;
    lines.extend(wrapped(
        &format!(
            "Answer with the number keys, then {}. {} skips, {} goes back. Your answers are saved as you go.",
            key(pick, &Message::Confirm),
            key(pick, &Message::Skip),
            key(pick, &Message::Back)
        ),
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
