//! The question body as it fits a height.

use super::body::{Body, body};
use crate::session::Session;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;

/// Which rows of the body are shown, so that the highlighted option is.
/// The body as it fits a height: the section intro is left out when room
/// is short, and when it still does not fit, the question's own lines stay
/// at the top (when that leaves room for the highlighted option) while the
/// lines under them scroll so the highlighted option is in view, with a
/// marker row above and below the scrolled part.
pub struct Viewport {
    pub body: Body,
    /// Body lines kept at the top, above the scrolled part (the question).
    pub head: usize,
    pub skip: usize,
    /// Rows taken by the "more above" marker (0 or 1).
    pub top: u16,
    /// Rows of body lines shown after the head.
    pub rows: usize,
    pub more_above: bool,
    pub more_below: bool,
}

pub fn viewport(session: &Session, theme: &Theme, at: Rect) -> Viewport {
    let h = at.height as usize;
    let mut b = body(session, theme, at.width, true);
    if b.lines.len() > h {
        b = body(session, theme, at.width, false);
    }
    if b.lines.len() <= h || h < 3 {
        let skip = if h < 3 { scroll_for(&b, 0, h) } else { 0 };
        return Viewport {
            body: b,
            head: 0,
            skip,
            top: 0,
            rows: h,
            more_above: false,
            more_below: false,
        };
    }
    // The question is what a person reads first: it stays when the two
    // marker rows and the lines in focus still fit beside it. The marker
    // row under it stands for the blank line that follows it.
    let focus_rows = b.focus.map_or(1, |(start, end)| end - start);
    let head = match b.question_end + 2 + focus_rows <= h {
        true => b.question_end,
        false => 0,
    };
    let first = if head > 0 { head + 1 } else { 0 };
    let rows = h - head - 2;
    let skip = scroll_for(&b, first, rows);
    let more_above = skip > first;
    let more_below = b.lines.len() > skip + rows;
    Viewport {
        body: b,
        head,
        skip,
        top: 1,
        rows,
        more_above,
        more_below,
    }
}

/// The first line shown of the lines from `first` on, in `height` rows,
/// so that the body's focus is in view.
fn scroll_for(body: &Body, first: usize, height: usize) -> usize {
    let Some((start, end)) = body.focus else {
        return body.lines.len().saturating_sub(height).max(first);
    };
    if end <= first + height {
        first
    } else {
        (end - height).min(start).max(first)
    }
}
