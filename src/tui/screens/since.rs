//! The results' part about the plan: what changed since the previous
//! session, how its goals went, and the goals chosen now.

use super::wrapped;
use crate::tui::app::App;
use crate::tui::keymap::{Context, Message, key};
use ratatui::text::Line;

/// "Since last time": each track then and now, and how the previous
/// session's goals went; nothing without a previous session.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let s = &app.session;
    let t = &app.theme;
    let a = s.assessment();
    let mut out: Vec<Line<'static>> = Vec::new();
    if let Some(changes) = s.since_last_time() {
        out.push(Line::raw(""));
        let when = s
            .previous()
            .and_then(|p| p.meta.updated)
            .map(|d| format!(" ({})", d.date()))
            .unwrap_or_default();
        out.push(Line::styled(format!("Since last time{when}"), t.title));
        for c in changes {
            out.extend(wrapped(&c.words(a), width, t.text));
        }
        for (goal, review) in s.goals_to_review() {
            let how = review.map_or("not reviewed", |r| r.progress.words());
            let note = review
                .and_then(|r| r.note.as_deref())
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            out.extend(wrapped(
                &format!("Goal \"{}\": {how}{note}", goal.text),
                width,
                t.dim,
            ));
        }
    }
    out
}

/// "Your plan": the goals chosen, or how to choose them.
pub fn plan(app: &App, width: u16) -> Vec<Line<'static>> {
    let s = &app.session;
    let t = &app.theme;
    let mut out: Vec<Line<'static>> = vec![Line::raw("")];
    out.push(Line::styled("Your plan", t.title));
    if s.goals().is_empty() {
        out.extend(wrapped(
            &format!(
                "No goals yet: {} chooses up to three.",
                key(Context::Results, &Message::Plan)
            ),
            width,
            t.dim,
        ));
    }
    for (i, g) in s.goals().iter().enumerate() {
        out.extend(wrapped(&format!("{}. {}", i + 1, g.words()), width, t.text));
    }
    out
}
