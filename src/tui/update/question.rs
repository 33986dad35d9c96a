//! Messages on a question: each becomes one session operation.

use crate::session::Effect;
use crate::tui::app::{App, View};
use crate::tui::keymap::Message;

/// Handles a message on the question screen.
pub(crate) fn on_question(app: &mut App, message: Message) -> Vec<Effect> {
    let s = &mut app.session;
    let step = match message {
        Message::Confirm => s.confirm(),
        Message::Skip => s.skip(),
        Message::Back => s.back(),
        Message::Overview => return super::screens::open_overview(app, false),
        Message::Up => {
            s.move_highlight(-1);
            return Vec::new();
        }
        Message::Down => {
            s.move_highlight(1);
            return Vec::new();
        }
        // Digits count from 1, and 0 is the tenth.
        Message::Number(n) => s.pick(n.wrapping_sub(1)),
        Message::PickHighlighted => s.pick_highlighted(),
        Message::MoveUp | Message::MoveDown => s.move_option(message == Message::MoveUp),
        Message::Clear => s.clear(),
        Message::Edit(edit) => s.edit(&edit),
        _ => return Vec::new(),
    };
    app.take(step)
}

/// A mouse click: picks, ticks or places the option under it, as the
/// question screen last drew it.
pub fn click(app: &mut App, col: u16, row: u16) -> Vec<Effect> {
    if app.view != View::Question {
        return Vec::new();
    }
    let Some(layout) = app.drawn.borrow().question.clone() else {
        return Vec::new();
    };
    let at = layout.body;
    if col < at.x || col >= at.x + at.width || row < at.y || row >= at.y + at.height {
        return Vec::new();
    }
    // The head's rows show its lines; under it, a marker row, then the
    // lines from `skip` on.
    let row = (row - at.y) as usize;
    let line = match row.checked_sub(layout.head) {
        None => row,
        Some(below) => match below.checked_sub(layout.top as usize) {
            Some(r) => r + layout.skip,
            None => return Vec::new(),
        },
    };
    let Some((_, _, i)) = layout
        .options
        .iter()
        .find(|(s, e, _)| (*s..*e).contains(&line))
    else {
        return Vec::new();
    };
    // A ranking's rows are in the order shown.
    let row = match app.session.draft() {
        crate::assessment::kinds::Draft::Rank(d) => app.session.row_of(d.order[*i]),
        _ => *i,
    };
    let step = app.session.pick(row);
    app.take(step)
}
