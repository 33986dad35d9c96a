//! The note editor (Ctrl-N), drawn over the lower part of any screen.

use crate::session::NoteTarget;
use crate::tui::app::{App, NoteEditor};
use crate::tui::keymap::{Context, Message, key};
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::{Look, TextField};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// The note editor: what it reads of the app.
pub(crate) struct NoteView<'a> {
    theme: &'a Theme,
    editor: &'a NoteEditor,
    /// The question's id, for a note on a question.
    question: Option<&'a str>,
    /// Who sees the note, with the key that changes it (coach mode).
    whose: Option<String>,
}

impl<'a> NoteView<'a> {
    /// The editor, when it is open.
    pub fn new(app: &'a App) -> Option<NoteView<'a>> {
        let editor = app.note.as_ref()?;
        let question = match editor.target {
            NoteTarget::Question(q) => Some(app.session.assessment().questions[q].id.as_str()),
            NoteTarget::Session => None,
        };
        Some(NoteView {
            theme: &app.theme,
            editor,
            question,
            whose: whose(app, editor.target),
        })
    }
}

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

/// Draws the note editor over the lower half of the area (five rows at
/// least), the cursor's line kept in view.
impl Widget for NoteView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let h = (area.height / 2).max(5).min(area.height);
        let [_, at] = Layout::vertical([Constraint::Fill(1), Constraint::Length(h)]).areas(area);
        Clear.render(at, buf);
        let close = key(Context::Note, &Message::Close);
        let title = match self.question {
            Some(id) => format!(" Note on \"{id}\" · {close} closes and saves "),
            None => format!(" Note on the whole session · {close} closes and saves "),
        };
        let mut block = Block::default()
            .borders(Borders::ALL)
            .title(title)
            .border_style(self.theme.accent);
        if let Some(whose) = self.whose {
            block = block.title_bottom(whose);
        }
        let inner = block.inner(at);
        block.render(at, buf);
        let look = Look {
            first: String::new(),
            rest: String::new(),
            lead: Style::new(),
            text: Style::new(),
            cursor: self.theme.highlight,
        };
        TextField::new(&self.editor.field, look).render(inner, buf);
    }
}
