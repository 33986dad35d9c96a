//! The question body as it fits a height.

use super::body::{Body, body};
use crate::tui::app::App;
use ratatui::layout::Rect;

/// Which rows of the body are shown, so that the highlighted option is.
/// The body as it fits a height: the section intro is left out when room
/// is short, and when it still does not fit, the lines shown scroll so the
/// highlighted option is in view, with a marker row above and below.
pub struct Viewport {
    pub body: Body,
    pub skip: usize,
    /// Rows taken by the "more above" marker (0 or 1).
    pub top: u16,
    /// Rows of body lines shown.
    pub rows: usize,
    pub more_above: bool,
    pub more_below: bool,
}

pub fn viewport(app: &App, at: Rect) -> Viewport {
    let h = at.height as usize;
    let mut b = body(app, at.width, true);
    if b.lines.len() > h {
        b = body(app, at.width, false);
    }
    if b.lines.len() <= h || h < 3 {
        let skip = if h < 3 { scroll_for(&b, h) } else { 0 };
        return Viewport {
            body: b,
            skip,
            top: 0,
            rows: h,
            more_above: false,
            more_below: false,
        };
    }
    let rows = h - 2;
    let skip = scroll_for(&b, rows);
    let more_above = skip > 0;
    let more_below = b.lines.len() > skip + rows;
    Viewport {
        body: b,
        skip,
        top: 1,
        rows,
        more_above,
        more_below,
    }
}

/// The first line shown, so that the body's focus is in view.
fn scroll_for(body: &Body, height: usize) -> usize {
    let Some((start, end)) = body.focus else {
        return body.lines.len().saturating_sub(height);
    };
    if end <= height {
        0
    } else {
        (end - height).min(start)
    }
}
