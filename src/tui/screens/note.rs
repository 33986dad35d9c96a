//! The note editor (Ctrl-N), drawn over the lower part of any screen.

use crate::session::NoteTarget;
use crate::tui::app::App;
use crate::tui::keymap::{Context, Message, key};
use crate::tui::widgets::text_field::{self, Look};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

/// Who sees the note, on the editor's lower edge, with the key that
/// changes it: in coach mode a note is private until shared. None in a
/// self-assessment, where every note is the person's own.
fn whose(app: &App, target: NoteTarget) -> Option<String> {
    if !app.session.is_coach() {
        return None;
    }
    let share = key(Context::Note, &Message::ToggleShared);
    Some(match app.session.is_shared(target) {
        true => format!(" shared with the mentee · {share} makes it private "),
        false => format!(" private note (coach only) · {share} shares it "),
    })
}

/// Draws the note editor over the lower half of `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(editor) = &app.note else { return };
    let h = (area.height / 2).max(5).min(area.height);
    let at = Rect {
        y: area.y + area.height - h,
        height: h,
        ..area
    };
    Clear.render(at, buf);
    let close = key(Context::Note, &Message::Close);
    let title = match editor.target {
        NoteTarget::Question(q) => format!(
            " Note on \"{}\" · {close} closes and saves ",
            app.session.assessment().questions[q].id
        ),
        NoteTarget::Session => format!(" Note on the whole session · {close} closes and saves "),
    };
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(app.theme.accent);
    if let Some(whose) = whose(app, editor.target) {
        block = block.title_bottom(whose);
    }
    let inner = block.inner(at);
    block.render(at, buf);
    // The text with a visible cursor, wrapped; the cursor's line kept in view.
    let look = Look {
        first: String::new(),
        rest: String::new(),
        lead: Style::new(),
        text: Style::new(),
        cursor: app.theme.highlight,
    };
    let shown = text_field::lines(&editor.field, inner.width.max(1) as usize, &look);
    let skip = shown
        .cursor_row
        .saturating_sub(inner.height.saturating_sub(1) as usize);
    let lines: Vec<_> = shown
        .lines
        .into_iter()
        .skip(skip)
        .take(inner.height as usize)
        .collect();
    Paragraph::new(lines).render(inner, buf);
}
