//! The text field widget, with a visible cursor, used by text answers,
//! the note editor, the mentee's name and the plan's goals: long text
//! wraps (at spaces where it can) and the cursor stays visible on
//! whichever row it is.

use crate::field::Field;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// A field's rows, ready to draw.
pub struct FieldLines {
    pub lines: Vec<Line<'static>>,
    /// The row the cursor is on.
    pub cursor_row: usize,
}

/// How a field is drawn: what leads its first and later rows, and styles.
pub struct Look {
    pub first: String,
    pub rest: String,
    pub lead: Style,
    pub text: Style,
    pub cursor: Style,
}

/// A text field as a widget: drawn in an area, it keeps the cursor's row
/// in view. A screen that scrolls the field with the lines around it asks
/// for its [`lines`](TextField::lines) at a width instead, which say the
/// cursor's row, and so the height and cursor row are known before drawing.
pub struct TextField<'a> {
    field: &'a Field,
    look: Look,
}

impl<'a> TextField<'a> {
    /// The field drawn with this look.
    pub fn new(field: &'a Field, look: Look) -> TextField<'a> {
        TextField { field, look }
    }

    /// The field's text in rows of `width` cells (less its lead), the
    /// cursor drawn as a highlighted cell. A multiline field breaks at its
    /// newlines.
    pub fn lines(&self, width: u16) -> FieldLines {
        let look = &self.look;
        let text: Vec<char> = self.field.text().chars().collect();
        let cursor = self.field.cursor();
        let lead_width = look.first.chars().count().max(look.rest.chars().count());
        let inner = (width as usize).saturating_sub(lead_width).max(1);
        let rows = rows(&text, inner, cursor);
        let mut cursor_row = 0;
        let lines = rows
            .iter()
            .enumerate()
            .map(|(i, (row, holds_cursor))| {
                let lead = if i == 0 { &look.first } else { &look.rest };
                let mut spans = vec![Span::styled(lead.clone(), look.lead)];
                if *holds_cursor {
                    cursor_row = i;
                    let before: String = text[row.start..cursor].iter().collect();
                    let at = if cursor < row.end { text[cursor] } else { ' ' };
                    let after: String = text[(cursor + 1).min(row.end).max(cursor)..row.end]
                        .iter()
                        .collect();
                    spans.push(Span::styled(before, look.text));
                    spans.push(Span::styled(at.to_string(), look.cursor));
                    spans.push(Span::styled(after, look.text));
                } else {
                    let shown: String = text[row.clone()].iter().collect();
                    spans.push(Span::styled(shown, look.text));
                }
                Line::from(spans)
            })
            .collect();
        FieldLines { lines, cursor_row }
    }

    /// Rows the whole field takes at a width.
    pub fn height(&self, width: u16) -> u16 {
        self.lines(width).lines.len() as u16
    }

    /// The row the cursor is on, at a width.
    pub fn cursor_row(&self, width: u16) -> usize {
        self.lines(width).cursor_row
    }
}

/// Draws the rows that fit, scrolled so that the cursor's row is the last
/// one shown when it would be below the area.
impl Widget for TextField<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let shown = self.lines(area.width.max(1));
        let skip = shown
            .cursor_row
            .saturating_sub(area.height.saturating_sub(1) as usize);
        let lines: Vec<_> = shown
            .lines
            .into_iter()
            .skip(skip)
            .take(area.height as usize)
            .collect();
        Paragraph::new(lines).render(area, buf);
    }
}

/// Rows of the whole text, each with whether the cursor is drawn in it.
/// Newlines end a row and belong to none.
fn rows(text: &[char], width: usize, cursor: usize) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    loop {
        let end = text[start..]
            .iter()
            .position(|c| *c == '\n')
            .map_or(text.len(), |p| start + p);
        let mut paragraph: Vec<Range<usize>> = field_rows(&text[start..end], width)
            .into_iter()
            .map(|r| r.start + start..r.end + start)
            .collect();
        // A cursor after the paragraph's last character needs a cell of its own.
        let last_width = paragraph.last().map_or(0, |r| cells(&text[r.clone()]));
        if cursor == end && last_width + 1 > width {
            paragraph.push(end..end);
        }
        let count = paragraph.len();
        for (i, row) in paragraph.into_iter().enumerate() {
            let last = i + 1 == count;
            let here = (row.start..row.end).contains(&cursor) || (last && cursor == row.end);
            out.push((row, here));
        }
        if end == text.len() {
            return out;
        }
        start = end + 1;
    }
}

fn cells(chars: &[char]) -> usize {
    chars.iter().map(|c| c.width().unwrap_or(0)).sum()
}

/// A paragraph's characters cut into rows of at most `width` cells, as
/// ranges of character positions: a row ends after its last space when it
/// has one, otherwise where it is full. Every character is in exactly one row.
pub fn field_rows(text: &[char], width: usize) -> Vec<Range<usize>> {
    let mut rows = Vec::new();
    let (mut start, mut used) = (0, 0);
    let mut i = 0;
    while i < text.len() {
        let w = text[i].width().unwrap_or(0);
        if used + w > width && i > start {
            let end = match text[start..i].iter().rposition(|c| *c == ' ') {
                Some(space) if start + space + 1 < i => start + space + 1,
                _ => i,
            };
            rows.push(start..end);
            start = end;
            used = cells(&text[start..i]);
            continue;
        }
        used += w;
        i += 1;
    }
    rows.push(start..text.len());
    rows
}
