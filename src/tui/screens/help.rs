//! Help: every key of the screen below, drawn from the keymap table.

use crate::tui::app::App;
use crate::tui::keymap::{self, Context, Keys};
use crate::tui::wrap::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// Whether help lists a binding here: bringing the mentee along only on
/// the coach's screen of a live session, and none of the coach's keys on
/// the mentee's screen.
fn offered(app: &App, b: &keymap::Binding) -> bool {
    use keymap::{Action, Message};
    match &b.action {
        Action::Send(Message::BringMentee) => app.live_coach().is_some(),
        Action::Send(Message::ToggleScores | Message::TogglePresenting | Message::ToggleShared) => {
            !app.is_mentee_screen()
        }
        _ => true,
    }
}

/// The lines of help for a context: keys, then what they do.
pub fn lines(app: &App, context: Context, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for b in keymap::bindings(context).filter(|b| offered(app, b)) {
        let keys: Vec<String> = b.keys.iter().map(Keys::label).collect();
        let keys = keys.join(", ");
        let pad = (width / 3).clamp(6, 16);
        let text_width = width.saturating_sub(pad + 1).max(8);
        // Keys too long for their column get a line of their own.
        let own_line = keys.width() > pad;
        if own_line {
            out.push(Line::styled(keys.clone(), app.theme.key));
        }
        for (i, part) in wrap(b.help, text_width).into_iter().enumerate() {
            let lead = if i == 0 && !own_line {
                format!("{keys:<pad$} ")
            } else {
                " ".repeat(pad + 1)
            };
            out.push(Line::from(vec![
                Span::styled(lead, app.theme.key),
                Span::styled(part, app.theme.text),
            ]));
        }
    }
    out
}

/// The box the help is drawn in, and its inside.
fn frame(area: Rect) -> (Rect, Block<'static>, Rect) {
    let w = area.width.saturating_sub(4).min(76);
    let h = area.height.saturating_sub(2);
    let at = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + 1,
        width: w,
        height: h,
    };
    let block = Block::default().borders(Borders::ALL).title(format!(
        " Keys ({} closes) ",
        keymap::key(Context::Help, &crate::tui::keymap::Message::Close)
    ));
    let inner = block.inner(at);
    (at, block, inner)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    // The keys of what is under the help: the note editor when it is open.
    let context = match app.note {
        Some(_) => Context::Note,
        None => app.screen_context(),
    };
    let (at, block, inner) = frame(area);
    Clear.render(at, buf);
    block.border_style(app.theme.accent).render(at, buf);
    let all = lines(app, context, inner.width as usize);
    app.drawn.borrow_mut().help_max = (all.len() as u16).saturating_sub(inner.height);
    let shown = super::scrolled(app, &all, app.help.unwrap_or(0), inner.height, "");
    Paragraph::new(shown).render(inner, buf);
}
