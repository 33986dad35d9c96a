//! Mappings and lists read by the [`Reader`]: known keys handed on, unknown
//! and repeated keys reported with a "did you mean", and nesting bounded.

use super::events::{MAX_DEPTH, Pos, Reader, Scalar, Seg};
use super::problem::did_you_mean;
use saphyr_parser::Event;
use std::borrow::Cow;

impl<'a> Reader<'a> {
    /// A mapping: each key in `keys` is handed to `each` with its index and
    /// the place of its value; every other key is an unknown-key problem.
    /// False (and nothing read) when the value is not a mapping.
    pub fn map(
        &mut self,
        expected: &str,
        keys: &'static [&'static str],
        mut each: impl FnMut(&mut Self, usize),
    ) -> bool {
        if !matches!(self.peek().0, Event::MappingStart(..)) {
            self.wrong_type(expected);
            return false;
        }
        let at = self.advance();
        if self.depth >= MAX_DEPTH {
            self.fail(at, "the document is nested too deeply");
            return false;
        }
        self.depth += 1;
        let mut seen = 0u64;
        loop {
            match self.peek().0 {
                Event::MappingEnd => {
                    self.advance();
                    break;
                }
                Event::StreamEnd => break,
                _ => {}
            }
            let key_at = self.here();
            let Some((Scalar::Str(key), _)) = self.scalar() else {
                self.wrong_type("a key such as `id`");
                self.skip();
                continue;
            };
            match keys.iter().position(|k| **k == *key) {
                Some(i) if seen & (1 << i) != 0 => {
                    self.error_at(key_at, format!("duplicate field `{}`", keys[i]));
                    self.skip();
                }
                Some(i) => {
                    seen |= 1 << i;
                    self.path.push(Seg::Key(keys[i]));
                    each(self, i);
                    self.path.pop();
                }
                None => {
                    let near = did_you_mean(&key, keys.iter().copied());
                    if let Some(near) = near {
                        self.reported.push((self.path(), near));
                    }
                    let hint = near
                        .map(|n| format!("did you mean `{n}`? "))
                        .unwrap_or_default();
                    let msg = format!(
                        "unknown key `{key}`; {hint}keys allowed here are {}",
                        keys.join(", ")
                    );
                    self.error_at(key_at, msg);
                    self.skip();
                }
            }
        }
        self.depth -= 1;
        true
    }

    /// A list, each element read by `each` (None: already reported).
    pub fn list<T>(
        &mut self,
        expected: &str,
        mut each: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        if !matches!(self.peek().0, Event::SequenceStart(..)) {
            self.wrong_type(expected);
            return None;
        }
        let at = self.advance();
        if self.depth >= MAX_DEPTH {
            self.fail(at, "the document is nested too deeply");
            return None;
        }
        self.depth += 1;
        let mut out = Vec::new();
        let mut i = 0;
        loop {
            match self.peek().0 {
                Event::SequenceEnd => {
                    self.advance();
                    break;
                }
                Event::StreamEnd => break,
                _ => {}
            }
            self.path.push(Seg::Index(i));
            if let Some(v) = each(self) {
                out.push(v);
            }
            self.path.pop();
            i += 1;
        }
        self.depth -= 1;
        Some(out)
    }

    /// A map with keys that are not known in advance (weights, answers):
    /// `each` gets the key text and its place, and reads the value.
    pub fn entries(
        &mut self,
        expected: &str,
        mut each: impl FnMut(&mut Self, Cow<'a, str>, Pos),
    ) -> bool {
        if !matches!(self.peek().0, Event::MappingStart(..)) {
            self.wrong_type(expected);
            return false;
        }
        self.advance();
        loop {
            match self.peek().0 {
                Event::MappingEnd => {
                    self.advance();
                    return true;
                }
                Event::StreamEnd => return true,
                _ => {}
            }
            let at = self.here();
            match self.scalar() {
                Some((Scalar::Str(k), _)) => each(self, k, at),
                Some((other, _)) => each(self, Cow::Owned(other.text()), at),
                None => {
                    self.wrong_type("a key");
                    self.skip();
                }
            }
        }
    }
}
