//! Values of the wrong type: the message in serde's words (as the reader
//! that came before used them), or in plain words for a number too large,
//! and the key remembered so that validation does not repeat it.

use super::events::{Reader, Seg};
use super::scalar::{Scalar, resolve};
use saphyr_parser::Event;

impl Reader<'_> {
    /// What the next value is, in serde's words, for a type error.
    fn found(&mut self) -> String {
        match &self.peek().0 {
            Event::MappingStart(..) => "map".into(),
            Event::SequenceStart(..) => "sequence".into(),
            Event::Scalar(v, style, _, _) => match resolve(v, *style) {
                Scalar::Null => "unit value".into(),
                Scalar::Bool(b) => format!("boolean `{b}`"),
                Scalar::Int(i) => format!("integer `{i}`"),
                Scalar::Float(f) => format!("floating point `{f}`"),
                Scalar::Str(_) => format!("string {:?}", v.as_ref()),
            },
            _ => "end of the document".into(),
        }
    }

    /// The next value as written, when it is a plain whole number too large
    /// for 64 bits.
    pub(crate) fn too_large(&mut self) -> Option<String> {
        // Looked at where it lies: every answer of a file passes here.
        let Event::Scalar(v, saphyr_parser::ScalarStyle::Plain, _, _) = &self.peek().0 else {
            return None;
        };
        let digits = v.strip_prefix(['-', '+']).unwrap_or(v);
        let whole = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
        (whole && v.parse::<i64>().is_err()).then(|| v.chars().take(60).collect())
    }

    /// Records a type error for the next value and skips it.
    pub(crate) fn wrong_type(&mut self, expected: &str) {
        // After a syntax error every value reads as the end of the file:
        // saying so again would only repeat that error.
        if self.broken {
            return;
        }
        if let Some(Seg::Key(key)) = self.path.last().copied() {
            self.path.pop();
            let mapping = self.path();
            self.path.push(Seg::Key(key));
            self.reported.push((mapping, key));
        }
        let at = self.here();
        let message = match self.too_large() {
            // Digits beyond what a whole number holds: say so with the
            // number as written, not as the float it would round to.
            Some(written) => format!(
                "the number {written} is too large for a whole number here (they go from {} to {}); write a smaller number",
                i64::MIN,
                i64::MAX
            ),
            None => format!("invalid type: {}, expected {expected}", self.found()),
        };
        self.error_at(at, message);
        self.skip();
    }
}
