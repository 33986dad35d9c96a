//! Help: every key of the screen below, drawn from the keymap table.

use crate::tui::app::App;
use crate::tui::keymap::{self, Context, Keys};
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, StatefulWidget, Widget};
use unicode_width::UnicodeWidthStr;

/// The help overlay: what it reads of the app, and as its state how far
/// it can scroll.
pub(crate) struct HelpView<'a> {
    theme: &'a Theme,
    /// The keys of what is under the help.
    context: Context,
    scroll: u16,
    /// The coach's screen of a live session (bringing the mentee along).
    live_coach: bool,
    mentee_screen: bool,
}

impl<'a> HelpView<'a> {
    /// The help, when it is open.
    pub fn new(app: &'a App) -> Option<HelpView<'a>> {
        Some(HelpView {
            theme: &app.theme,
            // The keys of what is under the help: the note editor when it is open.
            context: match app.note {
                Some(_) => Context::Note,
                None => app.screen_context(),
            },
            scroll: app.help?,
            live_coach: app.live_coach().is_some(),
            mentee_screen: app.is_mentee_screen(),
        })
    }

    /// Whether help lists a binding here: bringing the mentee along only on
    /// the coach's screen of a live session, and none of the coach's keys on
    /// the mentee's screen.
    fn offered(&self, b: &keymap::Binding) -> bool {
        use keymap::{Action, Message};
        match &b.action {
            Action::Send(Message::BringMentee) => self.live_coach,
            Action::Send(
                Message::ToggleScores | Message::TogglePresenting | Message::ToggleShared,
            ) => !self.mentee_screen,
            _ => true,
        }
    }

    /// The lines of help: keys, then what they do.
    pub fn lines(&self, width: usize) -> Vec<Line<'static>> {
        let t = self.theme;
        let mut out = Vec::new();
        for b in keymap::bindings(self.context).filter(|b| self.offered(b)) {
            let keys: Vec<String> = b.keys.iter().map(Keys::label).collect();
            let keys = keys.join(", ");
            let pad = (width / 3).clamp(6, 16);
            let text_width = width.saturating_sub(pad + 1).max(8);
            // Keys too long for their column get a line of their own.
            let own_line = keys.width() > pad;
            if own_line {
                out.push(Line::styled(keys.clone(), t.key));
            }
            for (i, part) in wrap(b.help, text_width).into_iter().enumerate() {
                let lead = if i == 0 && !own_line {
                    format!("{keys:<pad$} ")
                } else {
                    " ".repeat(pad + 1)
                };
                out.push(Line::from(vec![
                    Span::styled(lead, t.key),
                    Span::styled(part, t.text),
                ]));
            }
        }
        out
    }
}

impl StatefulWidget for HelpView<'_> {
    /// How far the help can scroll.
    type State = u16;

    fn render(self, area: Rect, buf: &mut Buffer, max: &mut u16) {
        // A box at most 76 wide, a cell or more from each side, and a row
        // from the top and bottom.
        let w = area.width.saturating_sub(4).min(76);
        // Centred with the odd cell on the right (`Flex::Center` would put
        // it on the left, a cell off from where help has always been).
        let [_, at, _] = Layout::horizontal([
            Constraint::Length((area.width - w) / 2),
            Constraint::Length(w),
            Constraint::Fill(1),
        ])
        .areas(area.inner(Margin::new(0, 1)));
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(
                " Keys ({} closes) ",
                keymap::key(Context::Help, &keymap::Message::Close)
            ))
            .border_style(self.theme.accent);
        let inner = block.inner(at);
        Clear.render(at, buf);
        block.render(at, buf);
        let all = self.lines(inner.width as usize);
        *max = (all.len() as u16).saturating_sub(inner.height);
        let shown = super::scrolled(self.theme, &all, self.scroll, inner.height, "");
        Paragraph::new(shown).render(inner, buf);
    }
}
