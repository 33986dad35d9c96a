//! How a long text answer wraps in its field, so that the cursor always
//! has a cell to be drawn in.

use crossroads::tui::screens::question::field_rows;
use proptest::prelude::*;
use unicode_width::UnicodeWidthChar;

fn rows_of(text: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    field_rows(&chars, width)
        .into_iter()
        .map(|r| chars[r].iter().collect())
        .collect()
}

#[test]
fn a_short_answer_is_one_row() {
    assert_eq!(rows_of("hello", 10), ["hello"]);
}

#[test]
fn a_long_answer_breaks_after_a_space() {
    assert_eq!(
        rows_of("lead a platform team", 10),
        ["lead a ", "platform ", "team"]
    );
}

#[test]
fn a_word_longer_than_the_row_is_cut_where_the_row_is_full() {
    assert_eq!(rows_of("abcdefghijkl", 5), ["abcde", "fghij", "kl"]);
}

proptest! {
    #[test]
    fn every_character_is_in_exactly_one_row_and_no_row_is_too_wide(
        text in "[a-z é漢🙂]{0,80}",
        width in 1usize..30,
    ) {
        let chars: Vec<char> = text.chars().collect();
        let rows = field_rows(&chars, width);
        let mut next = 0;
        for r in &rows {
            prop_assert_eq!(r.start, next);
            next = r.end;
            let w: usize = chars[r.clone()].iter().map(|c| c.width().unwrap_or(0)).sum();
            prop_assert!(w <= width || r.len() == 1, "{:?} is {} wide", r, w);
        }
        prop_assert_eq!(next, chars.len());
    }
}

/// Rows a widget drew in `buf`, trimmed.
fn drawn_rows(buf: &ratatui::buffer::Buffer) -> Vec<String> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            let row: String = (area.left()..area.right())
                .map(|x| buf[(x, y)].symbol())
                .collect();
            row.trim_end().to_string()
        })
        .collect()
}

#[test]
fn the_text_field_widget_shows_the_cursors_row_in_an_area_shorter_than_the_text() {
    use crossroads::field::Field;
    use crossroads::tui::widgets::text_field::{Look, TextField};
    use ratatui::layout::Rect;
    use ratatui::style::{Modifier, Style};
    use ratatui::widgets::Widget;
    let field = Field::new("lead a platform team of five", 100);
    let cursor = Style::new().add_modifier(Modifier::REVERSED);
    let look = || Look {
        first: "> ".into(),
        rest: "  ".into(),
        lead: Style::new(),
        text: Style::new(),
        cursor,
    };
    // Ten cells after the lead: four rows, the cursor (at the end) on the last.
    let asked = TextField::new(&field, look());
    assert_eq!((asked.height(12), asked.cursor_row(12)), (4, 3));
    let area = Rect::new(0, 0, 12, 2);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    TextField::new(&field, look()).render(area, &mut buf);
    assert_eq!(drawn_rows(&buf), ["  team of", "  five"]);
    assert!(
        buf[(6, 1)].modifier.contains(Modifier::REVERSED),
        "cursor after five"
    );
}
