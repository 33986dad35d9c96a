//! The note editor (Ctrl-N), drawn over the lower part of any screen.

use crate::session::NoteTarget;
use crate::tui::app::App;
use crate::tui::wrap::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(editor) = &app.note else { return };
    let h = (area.height / 2).max(5).min(area.height);
    let at = Rect {
        y: area.y + area.height - h,
        height: h,
        ..area
    };
    Clear.render(at, buf);
    let title = match editor.target {
        NoteTarget::Question(q) => format!(
            " Note on \"{}\" · Esc closes and saves ",
            app.session.assessment().questions[q].id
        ),
        NoteTarget::Session => " Note on the whole session · Esc closes and saves ".to_string(),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(app.theme.accent);
    let inner = block.inner(at);
    block.render(at, buf);
    // The text with a visible cursor, wrapped; the cursor's line kept in view.
    let text = editor.field.text();
    let cursor = editor.field.cursor();
    let width = inner.width.max(1) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor_line = 0;
    let mut offset = 0usize;
    for paragraph in text.split('\n') {
        let count = paragraph.chars().count();
        let here = cursor >= offset && cursor <= offset + count;
        let mut consumed = 0usize;
        for piece in wrap(paragraph, width.saturating_sub(1).max(1)) {
            let n = piece.chars().count();
            let at_cursor = here && cursor - offset >= consumed && cursor - offset <= consumed + n;
            if at_cursor {
                let k = cursor - offset - consumed;
                let before: String = piece.chars().take(k).collect();
                let at: String = piece.chars().nth(k).map_or(" ".into(), |c| c.to_string());
                let after: String = piece.chars().skip(k + 1).collect();
                cursor_line = lines.len();
                lines.push(Line::from(vec![
                    Span::raw(before),
                    Span::styled(at, app.theme.highlight),
                    Span::raw(after),
                ]));
            } else {
                lines.push(Line::raw(piece));
            }
            // A wrapped piece dropped the space it broke at.
            consumed += n + 1;
        }
        offset += count + 1;
    }
    let skip = cursor_line.saturating_sub(inner.height.saturating_sub(1) as usize);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(skip)
        .take(inner.height as usize)
        .collect();
    Paragraph::new(shown).render(inner, buf);
}
