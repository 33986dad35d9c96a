//! Word wrapping measured in terminal cells, grapheme by grapheme: a wide
//! character, a flag, an emoji with a skin tone or a joined family each
//! take the cells a terminal gives them (what ratatui counts too), and
//! nothing is ever cut inside one.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The cells `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` padded with spaces to `cells` cells (by width, not characters).
pub fn pad(text: &str, cells: usize) -> String {
    let w = text.width();
    format!("{text}{}", " ".repeat(cells.saturating_sub(w)))
}

/// Splits `text` into lines of at most `width` cells, breaking at spaces
/// where it can and inside words where it must. Newlines are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in reflow(text).split('\n') {
        let mut line = String::new();
        let mut line_width = 0;
        for word in paragraph.split(' ') {
            let w = word.width();
            let gap = usize::from(!line.is_empty());
            if line_width + gap + w <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                line_width += gap + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            // A word longer than the line is cut into pieces.
            for g in word.graphemes(true) {
                let cw = g.width();
                if line_width + cw > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0;
                }
                line.push_str(g);
                line_width += cw;
            }
        }
        lines.push(line);
    }
    lines
}

/// Wraps each line of `text` to `width` cells at word boundaries, keeping
/// its line breaks and each line's indent (plain mode's output).
pub(crate) fn wrap_keeping(text: &str, width: usize) -> String {
    let mut out = Vec::new();
    for line in text.split('\n') {
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        let room = width.saturating_sub(indent.width()).max(10);
        for part in wrap_line(body, room) {
            out.push(format!("{indent}{part}"));
        }
    }
    out.join("\n")
}

/// One line (no newlines) wrapped at spaces; words longer than the width
/// are cut.
fn wrap_line(line: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in line.split(' ') {
        let gap = usize::from(!current.is_empty());
        if current.width() + gap + word.width() <= width {
            if gap == 1 {
                current.push(' ');
            }
            current.push_str(word);
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        for g in word.graphemes(true) {
            if current.width() + g.width() > width && !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            current.push_str(g);
        }
    }
    lines.push(current);
    lines
}

/// Joins the lines of each paragraph, as YAML block text is written with
/// hard line breaks; blank lines and lines that start a list item stay.
fn reflow(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous_blank = true;
    for line in text.split('\n') {
        let trimmed = line.trim_start();
        let blank = trimmed.is_empty();
        let item =
            trimmed.starts_with("- ") || trimmed.starts_with("* ") || trimmed.starts_with("• ");
        if !out.is_empty() {
            out.push(if blank || previous_blank || item {
                '\n'
            } else {
                ' '
            });
        }
        out.push_str(if blank { "" } else { line.trim_end() });
        previous_blank = blank;
    }
    out
}

/// `text` cut to `width` cells, with an ellipsis when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let cw = g.width();
        if used + cw + 1 > width {
            break;
        }
        out.push_str(g);
        used += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
    }

    #[test]
    fn cuts_words_longer_than_the_line() {
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
    }

    #[test]
    fn wide_characters_count_two_cells() {
        assert_eq!(wrap("製品製品", 4), ["製品", "製品"]);
    }

    #[test]
    fn paragraphs_are_reflowed_but_blank_lines_and_list_items_stay() {
        assert_eq!(
            reflow("one\ntwo\n\nthree\n- a\n- b"),
            "one two\n\nthree\n- a\n- b"
        );
    }

    #[test]
    fn truncation_adds_an_ellipsis() {
        assert_eq!(truncate("abcdef", 4), "abc…");
    }
}
