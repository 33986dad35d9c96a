//! A text field: a string and a cursor counted in characters. Plain data,
//! shared by text answers, notes and the mentee's name in every front end.

/// An edit of a text field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Paste(String),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Deletes from the start of the line to the cursor (Ctrl-U, as in a
    /// shell).
    DeleteToStart,
}

/// The text being typed and where the cursor is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    chars: Vec<char>,
    cursor: usize,
    /// Most characters allowed.
    pub limit: usize,
    /// Whether newlines are kept (notes) or not (answers).
    pub multiline: bool,
}

impl Field {
    /// A field holding `text`, the cursor at its end.
    pub fn new(text: &str, limit: usize) -> Self {
        Field::holding(text, limit, false)
    }

    /// A field that keeps newlines, for notes.
    pub fn multiline(text: &str, limit: usize) -> Self {
        Field::holding(text, limit, true)
    }

    /// `text` without control characters (but newlines, when kept), cut
    /// to `limit`, the cursor at its end.
    fn holding(text: &str, limit: usize, multiline: bool) -> Self {
        let chars: Vec<char> = text
            .chars()
            .filter(|c| (multiline && *c == '\n') || !c.is_control())
            .take(limit)
            .collect();
        Field {
            cursor: chars.len(),
            chars,
            limit,
            multiline,
        }
    }

    /// The text.
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// Cursor position in characters.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Number of characters.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether the field is empty.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Applies an edit; returns false when the limit refused some input.
    pub fn apply(&mut self, edit: &Edit) -> bool {
        match edit {
            Edit::Insert(c) => return self.insert(std::iter::once(*c)),
            Edit::Paste(text) => {
                let multiline = self.multiline;
                // Terminals paste line breaks as \r, \r\n or \n.
                let text = text.replace("\r\n", "\n").replace('\r', "\n");
                return self.insert(text.chars().map(move |c| match c {
                    '\n' if multiline => '\n',
                    '\n' | '\t' => ' ',
                    c => c,
                }));
            }
            Edit::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                self.chars.remove(self.cursor);
            }
            Edit::Delete if self.cursor < self.chars.len() => {
                self.chars.remove(self.cursor);
            }
            Edit::Left => self.cursor = self.cursor.saturating_sub(1),
            Edit::Right => self.cursor = (self.cursor + 1).min(self.chars.len()),
            Edit::DeleteToStart => {
                // The line's start: just after the newline before the cursor.
                let start = self.chars[..self.cursor]
                    .iter()
                    .rposition(|c| *c == '\n')
                    .map_or(0, |i| i + 1);
                self.chars.drain(start..self.cursor);
                self.cursor = start;
            }
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.chars.len(),
            _ => {}
        }
        true
    }

    fn insert(&mut self, chars: impl Iterator<Item = char>) -> bool {
        let multiline = self.multiline;
        for c in chars.filter(|c| (multiline && *c == '\n') || (!c.is_control() && !crate_bidi(*c)))
        {
            if self.chars.len() >= self.limit {
                return false;
            }
            self.chars.insert(self.cursor, c);
            self.cursor += 1;
        }
        true
    }
}

/// Bidi overrides are refused in typed text as they are in files.
fn crate_bidi(c: char) -> bool {
    crate::sanitize::clean(&c.to_string()).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_inserts_at_the_cursor() {
        let mut f = Field::new("ac", 10);
        f.apply(&Edit::Left);
        f.apply(&Edit::Insert('b'));
        assert_eq!(f.text(), "abc");
        assert_eq!(f.cursor(), 2);
    }

    #[test]
    fn backspace_and_delete_remove_around_the_cursor() {
        let mut f = Field::new("abcd", 10);
        f.apply(&Edit::Home);
        f.apply(&Edit::Delete);
        f.apply(&Edit::End);
        f.apply(&Edit::Backspace);
        assert_eq!(f.text(), "bc");
    }

    #[test]
    fn delete_to_start_clears_the_line_before_the_cursor_as_ctrl_u_in_a_shell() {
        let mut f = Field::new("hello world", 20);
        f.apply(&Edit::Left);
        f.apply(&Edit::DeleteToStart);
        assert_eq!((f.text().as_str(), f.cursor()), ("d", 0));
        let mut note = Field::multiline("first\nsecond", 20);
        note.apply(&Edit::DeleteToStart);
        assert_eq!((note.text().as_str(), note.cursor()), ("first\n", 6));
    }

    #[test]
    fn the_limit_is_kept_and_reported() {
        let mut f = Field::new("", 3);
        assert!(!f.apply(&Edit::Paste("hello".into())));
        assert_eq!(f.text(), "hel");
    }

    #[test]
    fn a_multiline_field_keeps_newlines() {
        let mut f = Field::multiline("", 20);
        f.apply(&Edit::Insert('a'));
        f.apply(&Edit::Insert('\n'));
        f.apply(&Edit::Paste("b\r\nc".into()));
        assert_eq!(f.text(), "a\nb\nc");
    }

    #[test]
    fn control_characters_are_not_typed() {
        let mut f = Field::new("", 10);
        f.apply(&Edit::Paste("a\u{1b}b\nc".into()));
        assert_eq!(f.text(), "ab c");
    }
}
