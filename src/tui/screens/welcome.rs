//! The welcome screen: what this is, how long it takes, and resume.

use super::chrome::{Chrome, Room};
use super::wrapped;
use crate::field::Field;
use crate::session::{Session, people};
use crate::tui::app::{App, View};
use crate::tui::keymap::{Context, Message, key};
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::{Look, TextField};
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, StatefulWidget, Widget};
use std::path::Path;

/// The welcome screen: what it reads of the app, and as its state how
/// far its text can scroll (as last drawn).
pub(crate) struct WelcomeView<'a> {
    chrome: Chrome<'a>,
    session: &'a Session,
    theme: &'a Theme,
    context: Context,
    scroll: u16,
    /// Coach mode's field for the mentee's name.
    name: Option<&'a Field>,
    path: Option<&'a Path>,
}

impl<'a> WelcomeView<'a> {
    /// Built from the parts of `app` it reads.
    pub fn new(app: &'a App) -> WelcomeView<'a> {
        let version = app
            .session
            .assessment()
            .version
            .as_deref()
            .map(|v| format!("version {v}"))
            .unwrap_or_default();
        WelcomeView {
            chrome: Chrome::new(app, app.screen_context(), "crossroads", &version),
            session: &app.session,
            theme: &app.theme,
            context: app.screen_context(),
            scroll: match app.view {
                View::Welcome { scroll, .. } => scroll,
                _ => 0,
            },
            name: app.name_field(),
            path: app.disk.path.as_deref(),
        }
    }
}

impl StatefulWidget for WelcomeView<'_> {
    /// How far the text can scroll.
    type State = u16;

    fn render(self, area: Rect, buf: &mut Buffer, max: &mut u16) {
        let regions = self.chrome.regions(area, 0, Room::UnderHeader);
        self.chrome.render(&regions, buf);
        let at = regions.body.inner(Margin::new(1, 0));
        let all = self.lines(at.width);
        *max = (all.len() as u16).saturating_sub(at.height);
        let shown = super::scrolled(self.theme, &all, self.scroll, at.height, "");
        Paragraph::new(shown).render(at, buf);
    }
}

/// What Enter does here, in the words the text and the footer both use:
/// start, resume, or, on a finished session, see the results.
pub(crate) fn start_words(session: &Session) -> &'static str {
    match session.resume() {
        Some(_) if session.meta().complete => "see the results",
        Some(_) => "resume",
        None => "start",
    }
}

impl WelcomeView<'_> {
    /// Every line of the welcome text at a width.
    fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let (session, theme) = (self.session, self.theme);
        let a = session.assessment();
        let context = self.context;
        let mut lines: Vec<Line> = vec![Line::raw("")];
        lines.extend(wrapped(&a.title, width, theme.title));
        lines.push(Line::styled(a.length_in_words(" · "), theme.dim));
        lines.push(Line::raw(""));
        if session.is_coach() {
            lines.extend(wrapped(
            &format!(
                "Coach mode: each question's coach prompt shows beside it; {} shows the live scores; {} writes a note.",
                key(Context::Pick, &Message::ToggleScores),
                key(Context::Pick, &Message::OpenNote)
            ),
            width,
            theme.accent,
        ));
            if let Some(name) = &session.meta().name {
                lines.push(Line::raw(format!("Mentee: {name}")));
            }
            lines.push(Line::raw(""));
        }
        if let Some(field) = self.name {
            let lead = "Mentee's name: ";
            let look = Look {
                first: lead.into(),
                rest: " ".repeat(lead.len()),
                lead: theme.title,
                text: theme.text,
                cursor: theme.highlight,
            };
            lines.extend(TextField::new(field, look).lines(width).lines);
            lines.extend(wrapped(
                &format!(
                    "Type their name or initials, then {} to start.",
                    key(Context::WelcomeName, &Message::Start)
                ),
                width,
                theme.dim,
            ));
            lines.push(Line::raw(""));
        }
        if let Some(resume) = session.resume() {
            let meta = session.meta();
            lines.extend(wrapped(
                &people::resume_words(meta.name.as_deref(), resume, meta.complete),
                width,
                theme.picked,
            ));
            if let Some(changed) = &resume.changed {
                lines.extend(wrapped(changed, width, theme.warning));
            }
            let mut spans = vec![
                Span::styled(key(context, &Message::Start), theme.key),
                Span::raw(format!(" {}", start_words(session))),
            ];
            // Typing a name, every letter is the name's: no key starts over.
            let over = key(context, &Message::StartOver);
            if !over.is_empty() {
                spans.push(Span::raw("   "));
                spans.push(Span::styled(over, theme.key));
                spans.push(Span::raw(" start a new session"));
            }
            lines.push(Line::from(spans));
            if session.is_coach() && !resume.earlier.is_empty() {
                lines.push(Line::styled("Earlier sessions:", theme.dim));
                for e in &resume.earlier {
                    lines.extend(wrapped(&format!("  {}", e.words()), width, theme.dim));
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
        theme.dim,
    ));
        if let Some(path) = self.path {
            lines.extend(wrapped(
                &format!("Session file: {}", path.display()),
                width,
                theme.dim,
            ));
        }
        if let Some(d) = &a.description {
            lines.push(Line::raw(""));
            lines.extend(wrapped(d, width, theme.text));
        }
        lines
    }
}
