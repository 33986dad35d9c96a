//! Coach mode's panel: the question's coach prompt, and the live scores
//! when the coach shows them. Never drawn in a self-assessment.

use super::wrapped;
use crate::report::percent;
use crate::session::audience::Whose;
use crate::session::{NoteTarget, Session};
use crate::tui::app::App;
use crate::tui::keymap::{Context, Message, key};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

/// The coach's panel beside (or under) the question: what it reads of the app.
pub(crate) struct CoachPanel<'a> {
    session: &'a Session,
    theme: &'a Theme,
    /// The coach's material may be drawn (coach mode, not presenting).
    shown: bool,
    scores: bool,
}

impl<'a> CoachPanel<'a> {
    /// Built from the parts of `app` it reads.
    pub fn new(app: &'a App) -> CoachPanel<'a> {
        CoachPanel {
            session: &app.session,
            theme: &app.theme,
            shown: app.coach_side(),
            scores: app.scores_on_screen(),
        }
    }

    /// The panel's lines for a width; empty outside coach mode and while
    /// presenting. The coach's private note on the question is drawn here
    /// and only here, labelled, never in the question body.
    pub fn lines(&self, width: u16) -> Vec<Line<'static>> {
        if !self.shown {
            return Vec::new();
        }
        let (session, t) = (self.session, self.theme);
        let inner = width.saturating_sub(2).max(1);
        let mut out = Vec::new();
        if let Some(prompt) = &session.assessment().questions[session.current()].coach {
            out.extend(wrapped(prompt, inner, t.text));
        }
        let target = NoteTarget::Question(session.current());
        for note in session.notes_on(target) {
            if note.whose == Whose::CoachPrivate {
                if !out.is_empty() {
                    out.push(Line::raw(""));
                }
                out.extend(wrapped(
                    &format!("🔒 {}: {}", note.whose.label(true), note.text),
                    inner,
                    t.warning,
                ));
            }
        }
        if self.scores {
            let s = session.score();
            if !out.is_empty() {
                out.push(Line::raw(""));
            }
            let hide = key(Context::Pick, &Message::ToggleScores);
            out.push(Line::styled(
                format!("Live scores ({hide} hides)"),
                t.accent,
            ));
            for ts in &s.tracks {
                let top = s.top.contains(&ts.track);
                let mark = if top { "★" } else { " " };
                out.push(Line::styled(
                    format!(
                        "{mark} {:>4} {}",
                        percent(ts.score),
                        session.assessment().tracks[ts.track].short
                    ),
                    if top { t.picked } else { t.text },
                ));
            }
        }
        out
    }
}

impl Widget for &CoachPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::default()
            .borders(Borders::ALL)
            .title(" Coach: ask ")
            .border_style(self.theme.accent);
        let inner = block.inner(area);
        block.render(area, buf);
        Paragraph::new(self.lines(area.width))
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}
