//! Coach mode's panel: the question's coach prompt, and the live scores
//! when the coach shows them. Never drawn in a self-assessment.

use super::wrapped;
use crate::report::percent;
use crate::session::NoteTarget;
use crate::session::audience::Whose;
use crate::tui::app::App;
use crate::tui::keymap::{Context, Message, key};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

/// The panel's lines for a width; empty outside coach mode and while
/// presenting. The coach's private note on the question is drawn here and
/// only here, labelled, never in the question body.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    if !app.coach_side() {
        return Vec::new();
    }
    let inner = width.saturating_sub(2).max(1);
    let t = &app.theme;
    let mut out = Vec::new();
    if let Some(prompt) = &app.session.assessment().questions[app.session.current()].coach {
        out.extend(wrapped(prompt, inner, t.text));
    }
    let target = NoteTarget::Question(app.session.current());
    for note in app.session.notes_on(target) {
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
    if app.scores_on_screen() {
        let s = app.session.score();
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        let hide = key(Context::Pick, &Message::ToggleScores);
        out.push(Line::styled(
            format!("Live scores ({hide} hides)"),
            t.accent,
        ));
        for ts in &s.tracks {
            let mark = if s.top.contains(&ts.track) {
                "★"
            } else {
                " "
            };
            out.push(Line::styled(
                format!(
                    "{mark} {:>4} {}",
                    percent(ts.score),
                    app.session.assessment().tracks[ts.track].short
                ),
                if s.top.contains(&ts.track) {
                    t.picked
                } else {
                    t.text
                },
            ));
        }
    }
    out
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Coach: ask ")
        .border_style(app.theme.accent);
    let inner = block.inner(area);
    block.render(area, buf);
    Paragraph::new(lines(app, area.width))
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}
