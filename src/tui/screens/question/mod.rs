//! The question screen: section, question, its answers, progress, keys.

mod body;
mod viewport;

pub use crate::tui::widgets::text_field::field_rows;
pub use body::{Body, body};
pub use viewport::{Viewport, viewport};

use super::bar_spans;
use super::chrome::{Chrome, Room};
use super::coach::CoachPanel;
use crate::session::Session;
use crate::tui::app::{App, QuestionLayout};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, StatefulWidget, Widget};

/// Where the question's parts go: the body, and the coach panel (beside
/// the question on wide screens, under it on narrow ones).
struct Areas {
    pub body: Rect,
    pub panel: Option<Rect>,
}

/// The question screen: what it reads of the app, and as its state where
/// it drew the options (for clicks to be hit-tested against).
pub(crate) struct QuestionView<'a> {
    chrome: Chrome<'a>,
    session: &'a Session,
    theme: &'a Theme,
    panel: CoachPanel<'a>,
}

impl<'a> QuestionView<'a> {
    /// Built from the parts of `app` it reads.
    pub fn new(app: &'a App) -> QuestionView<'a> {
        let session = &app.session;
        let (n, total) = session.position();
        let section = &session.assessment().sections[session.question().section];
        QuestionView {
            chrome: Chrome::new(
                app,
                app.context(),
                &section.title,
                &format!("Question {n} of {total}"),
            ),
            session,
            theme: &app.theme,
            panel: CoachPanel::new(app),
        }
    }

    /// Lays out the question's body and the coach panel in `body`.
    fn areas(&self, area: Rect, body: Rect) -> Areas {
        let panel_lines = self.panel.lines(body.width);
        if panel_lines.is_empty() {
            return Areas { body, panel: None };
        }
        if area.width >= 100 {
            let side = body.width / 3;
            let [body, _, panel] = Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Length(1),
                Constraint::Length(side),
            ])
            .areas(body);
            return Areas {
                body,
                panel: Some(panel),
            };
        }
        // The question comes first: the panel gives up rows (down to its
        // border and one line) so that the question's own lines, a blank and
        // the highlighted option fit above it.
        let question = body::body(self.session, self.theme, body.width, false);
        let needed = (question.question_end + 3) as u16;
        let h = (panel_lines.len() as u16 + 2)
            .min(body.height / 2)
            .min(body.height.saturating_sub(needed).max(3));
        let [body, panel] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(h)]).areas(body);
        Areas {
            body,
            panel: Some(panel),
        }
    }
}

impl StatefulWidget for QuestionView<'_> {
    /// Where the options were drawn.
    type State = Option<QuestionLayout>;

    fn render(self, area: Rect, buf: &mut Buffer, drawn: &mut Option<QuestionLayout>) {
        // The progress bar, then a blank row, under the header.
        let regions = self.chrome.regions(area, 2, Room::Frame);
        let (n, total) = self.session.position();
        let bar_width = (area.width as usize).saturating_sub(8).max(1);
        let mut spans = bar_spans(self.theme, n as f64 / total.max(1) as f64, bar_width);
        spans.push(Span::styled(
            format!(" {:>3}%", (n * 100) / total.max(1)),
            self.theme.dim,
        ));
        Paragraph::new(Line::from(spans)).render(regions.under, buf);
        self.chrome.render(&regions, buf);
        let layout = self.areas(area, regions.body.inner(Margin::new(1, 0)));
        if let Some(panel) = layout.panel {
            self.panel.render(panel, buf);
        }
        let at = layout.body;
        let v = viewport(self.session, self.theme, at);
        // Clicks are hit-tested against exactly what is drawn here.
        *drawn = Some(QuestionLayout {
            body: at,
            head: v.head,
            skip: v.skip,
            top: v.top,
            options: v.body.options.clone(),
        });
        let mut shown: Vec<Line> = v.body.lines[..v.head].to_vec();
        if v.top == 1 {
            shown.push(if v.more_above {
                Line::styled("  ↑ more above", self.theme.dim)
            } else {
                Line::raw("")
            });
        }
        shown.extend(v.body.lines.into_iter().skip(v.skip).take(v.rows));
        if v.more_below {
            shown.push(Line::styled("  ↓ more below", self.theme.dim));
        }
        Paragraph::new(shown).style(Style::new()).render(at, buf);
    }
}
