//! The overview: every question under its section's title, with its
//! answer in words or what became of it (skipped, not yet, hidden), and,
//! for a finished session, a way back to the results.

use super::chrome::{Chrome, Room};
use crate::assessment::kinds;
use crate::session::audience::Whose;
use crate::session::{Fate, NoteTarget, Session};
use crate::tui::app::{App, View};
use crate::tui::keymap::Context;
use crate::tui::theme::Theme;
use crate::tui::wrap::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// The entry after the last question: back to the results.
const BACK_TO_RESULTS: &str = "Back to the results";

/// The overview: what it reads of the app.
pub(crate) struct OverviewView<'a> {
    chrome: Chrome<'a>,
    session: &'a Session,
    theme: &'a Theme,
    /// The highlighted entry.
    cursor: usize,
    /// Private notes are marked (the coach's side).
    coach_side: bool,
}

impl<'a> OverviewView<'a> {
    /// Built from the parts of `app` it reads.
    pub fn new(app: &'a App) -> OverviewView<'a> {
        let s = &app.session;
        let answered = (0..s.assessment().questions.len())
            .filter(|q| s.fate(*q) == Fate::Answered)
            .count();
        let visible = s.visible().iter().filter(|v| **v).count();
        OverviewView {
            chrome: Chrome::new(
                app,
                Context::Overview,
                "Overview (▸ where you are)",
                &format!("{answered} of {visible} answered"),
            ),
            session: s,
            theme: &app.theme,
            cursor: match app.view {
                View::Overview { cursor, .. } => cursor,
                _ => s.current(),
            },
            coach_side: app.coach_side(),
        }
    }
}

impl Widget for OverviewView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let regions = self.chrome.regions(area, 0, Room::UnderHeader);
        self.chrome.render(&regions, buf);
        let rest = regions.body;
        let (lines, cursor_line) = self.lines(rest.width as usize);
        // Keep the cursor's two lines in view, with its section title when it fits.
        let height = rest.height as usize;
        let top = (cursor_line + 2).saturating_sub(height);
        let shown: Vec<Line> = lines.into_iter().skip(top).take(height).collect();
        Paragraph::new(shown).render(rest, buf);
    }
}

impl OverviewView<'_> {
    /// Every line of the overview at a width, and the line the cursor is on.
    fn lines(&self, width: usize) -> (Vec<Line<'static>>, usize) {
        let (s, t, cursor) = (self.session, self.theme, self.cursor);
        let a = s.assessment();
        let mut out: Vec<Line<'static>> = Vec::new();
        let mut cursor_line = 0;
        // Visible questions are numbered as the question screen numbers them.
        let mut number = 0;
        for section in &a.sections {
            out.push(Line::styled(truncate(section.title.trim(), width), t.title));
            for q in section.questions.clone() {
                let question = &a.questions[q];
                let fate = s.fate(q);
                let (mark, style) = match fate {
                    Fate::Answered => ("✓", t.picked),
                    Fate::Skipped => ("–", t.text),
                    Fate::NotYet if question.required => ("!", t.warning),
                    Fate::NotYet => (" ", t.dim),
                    Fate::Hidden => ("·", t.dim),
                };
                let shown_number = if fate == Fate::Hidden {
                    String::new()
                } else {
                    number += 1;
                    number.to_string()
                };
                // A private note is marked only on the coach's side.
                let note = if s
                    .notes_on(NoteTarget::Question(q))
                    .iter()
                    .any(|n| self.coach_side || n.whose != Whose::CoachPrivate)
                {
                    "✎ "
                } else {
                    ""
                };
                let here = q == cursor;
                if here {
                    cursor_line = out.len();
                }
                let lead = format!(
                    "{}{}{shown_number:>3} {mark} {note}",
                    if here { "›" } else { " " },
                    if q == s.current() { "▸" } else { " " },
                );
                let room = width.saturating_sub(lead.width());
                let text_style = if here { t.highlight } else { t.text };
                out.push(Line::from(vec![
                    Span::styled(lead.clone(), if here { t.highlight } else { style }),
                    Span::styled(truncate(question.text.trim(), room), text_style),
                ]));
                let what = match (fate, s.answers().get(q)) {
                    (Fate::Answered, Some(answer)) => kinds::describe(&question.kind, answer),
                    (Fate::Skipped, _) => "skipped".to_string(),
                    (Fate::NotYet, _) if question.required => "not yet (needs an answer)".into(),
                    (Fate::NotYet, _) => "not yet".to_string(),
                    (Fate::Hidden, _) => {
                        "hidden: asked only when an earlier answer calls for it".to_string()
                    }
                    (Fate::Answered, None) => String::new(),
                };
                let indent = " ".repeat(lead.width());
                out.push(Line::from(vec![
                    Span::raw(indent),
                    Span::styled(truncate(&what, room), style),
                ]));
            }
        }
        if s.meta().complete {
            let here = cursor >= a.questions.len();
            if here {
                cursor_line = out.len();
            }
            out.push(Line::raw(""));
            out.push(Line::styled(
                format!("{} {BACK_TO_RESULTS}", if here { "›" } else { " " }),
                if here { t.highlight } else { t.accent },
            ));
        }
        (out, cursor_line)
    }
}
