//! The question screen: section, question, its answers, progress, keys.

mod body;
mod viewport;

pub use crate::tui::widgets::text_field::field_rows;
pub use body::{Body, body};
pub use viewport::{Viewport, viewport};

use super::{bar_spans, footer, header, status};
use crate::tui::app::{App, QuestionLayout};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// Where the question's parts go: the body, and the coach panel (beside
/// the question on wide screens, under it on narrow ones).
pub struct Areas {
    pub body: Rect,
    pub panel: Option<Rect>,
}

/// Lays out the question screen, for drawing and for clicks alike.
pub fn areas(app: &App, area: Rect) -> Areas {
    let bottom = super::bottom_height(app, app.context(), area);
    let body = Rect {
        x: area.x + 1,
        y: area.y + 3,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(3 + bottom),
    };
    let panel_lines = super::coach::lines(app, body.width);
    if panel_lines.is_empty() {
        return Areas { body, panel: None };
    }
    if area.width >= 100 {
        let side = body.width / 3;
        return Areas {
            body: Rect {
                width: body.width - side - 1,
                ..body
            },
            panel: Some(Rect {
                x: body.x + body.width - side,
                width: side,
                ..body
            }),
        };
    }
    // The question comes first: the panel gives up rows (down to its
    // border and one line) so that the question's own lines, a blank and
    // the highlighted option fit above it.
    let question = body::body(app, body.width, false);
    let needed = (question.question_end + 3) as u16;
    let h = (panel_lines.len() as u16 + 2)
        .min(body.height / 2)
        .min(body.height.saturating_sub(needed).max(3));
    Areas {
        body: Rect {
            height: body.height - h,
            ..body
        },
        panel: Some(Rect {
            y: body.y + body.height - h,
            height: h,
            ..body
        }),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let q = app.session.question();
    let (n, total) = app.session.position();
    header(
        app,
        area,
        buf,
        &app.session.assessment().sections[q.section].title,
        &format!("Question {n} of {total}"),
    );
    let bar_width = (area.width as usize).saturating_sub(8).max(1);
    let mut spans = bar_spans(app, n as f64 / total.max(1) as f64, bar_width);
    spans.push(Span::styled(
        format!(" {:>3}%", (n * 100) / total.max(1)),
        app.theme.dim,
    ));
    Paragraph::new(Line::from(spans)).render(
        Rect {
            y: area.y + 1,
            height: 1,
            ..area
        },
        buf,
    );
    let rest = footer(app, app.context(), area, buf);
    status(app, rest, buf);
    let layout = areas(app, area);
    if let Some(panel) = layout.panel {
        super::coach::render(app, panel, buf);
    }
    let at = layout.body;
    let v = viewport(app, at);
    // Clicks are hit-tested against exactly what is drawn here.
    app.drawn.borrow_mut().question = Some(QuestionLayout {
        body: at,
        head: v.head,
        skip: v.skip,
        top: v.top,
        options: v.body.options.clone(),
    });
    let mut shown: Vec<Line> = v.body.lines[..v.head].to_vec();
    if v.top == 1 {
        shown.push(if v.more_above {
            Line::styled("  ↑ more above", app.theme.dim)
        } else {
            Line::raw("")
        });
    }
    shown.extend(v.body.lines.into_iter().skip(v.skip).take(v.rows));
    if v.more_below {
        shown.push(Line::styled("  ↓ more below", app.theme.dim));
    }
    Paragraph::new(shown).style(Style::new()).render(at, buf);
}
