//! Text from files is made safe to draw: control characters (C0, C1),
//! whole escape sequences and bidirectional overrides are removed, so a
//! hostile assessment cannot retitle, clear or recolour the terminal.

/// Whether a character changes text direction (and so could disguise text).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
}

/// `text` without control characters, escape sequences or bidi overrides.
/// Newlines are kept; tabs become spaces.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_until_final(&mut chars),
            '\u{9d}' => skip_string(&mut chars),
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// After ESC: CSI (`[`), OSC/DCS/APC/PM/SOS strings, or one character.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_until_final(chars),
        Some(']' | 'P' | '_' | '^' | 'X') => skip_string(chars),
        _ => {}
    }
}

/// Parameters and intermediates up to the final byte of a CSI sequence.
fn skip_until_final(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

/// A control string, ended by BEL, ST (ESC \) or C1 ST.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

/// Whether `c` is hidden from a person or acts on the terminal: a control
/// character (C0 other than newline and tab, DEL, C1) or a bidi control.
fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// `text` made safe for a terminal without losing anything: every hidden
/// character (see `is_hidden`) becomes `\uXXXX`, so a file name such as
/// `x<ESC>]0;PWN<BEL>.yaml` prints as `x\u001b]0;PWN\u0007.yaml`. The same
/// form is a JSON escape, and hidden characters in JSON only occur inside
/// strings, so JSON stays valid JSON with the same meaning. Text already
/// [`clean`]ed comes back unchanged. This is the one escaping of the
/// command line's output: messages, paths, and documents written to a
/// terminal.
pub fn terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden(c) {
            // Every hidden character is in the Basic Multilingual Plane.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `text` with newlines and tabs turned into spaces, nothing else changed:
/// for a name shown on one line and escaped with [`terminal`].
pub(crate) fn line_breaks(text: &str) -> String {
    text.replace(['\n', '\t'], " ")
}

/// A single line: `clean`, with newlines turned into spaces.
pub fn line(text: &str) -> String {
    clean(text).replace('\n', " ")
}

/// Whether `clean` would change a text with this character in it.
/// Whether a character must not be drawn as it is.
pub(crate) fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\n' || is_bidi_control(c)
}

/// Cleans `s` where it stands, leaving it untouched when it is safe.
pub(crate) fn clean_in_place(s: &mut String) {
    if s.chars().any(is_unsafe) {
        *s = clean(s);
    }
}

/// Cleans a scale's labels, keeping them shared when nothing needs it.
#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn escape_sequences_are_removed_whole() {
        assert_eq!(clean("a\u{1b}[2Jb\u{1b}]0;evil title\u{7}c"), "abc");
    }

    #[test]
    fn c1_controls_and_bidi_overrides_are_removed() {
        assert_eq!(clean("x\u{9b}31my\u{202e}z\u{2066}"), "xyz");
    }

    #[test]
    fn newlines_stay_and_tabs_become_spaces() {
        assert_eq!(clean("a\tb\nc\r"), "a b\nc");
    }

    #[test]
    fn for_the_terminal_hidden_characters_are_shown_escaped() {
        use super::terminal;
        assert_eq!(
            terminal("x\u{1b}]0;PWN\u{7}.yaml"),
            "x\\u001b]0;PWN\\u0007.yaml"
        );
        assert_eq!(
            terminal("a\u{9b}b\u{202e}c\u{7f}"),
            "a\\u009bb\\u202ec\\u007f"
        );
        assert_eq!(terminal("line\n\tnext 製品 🚀"), "line\n\tnext 製品 🚀");
        let json = serde_json::to_string("\u{9b}2J\u{202e}").unwrap();
        let shown = terminal(&json);
        assert_eq!(shown, "\"\\u009b2J\\u202e\"");
        let back: String = serde_json::from_str(&shown).unwrap();
        assert_eq!(back, "\u{9b}2J\u{202e}");
    }

    #[test]
    fn wide_characters_and_emoji_are_kept() {
        assert_eq!(clean("製品 🚀"), "製品 🚀");
    }
}
