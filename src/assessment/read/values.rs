//! The reader's values: a null, a text, a number or a bool, each taken with
//! its place, a value of the wrong type reported and skipped.

use crate::assessment::events::{Reader, Scalar as Yaml};
use crate::assessment::raw::*;
use serde_yaml::Value;

impl Reader<'_> {
    /// Takes a null (`~`, `null` or nothing) and says so: an absent value.
    pub fn null(&mut self) -> bool {
        if self.peek_scalar_is_null() {
            self.skip();
            return true;
        }
        false
    }

    /// Any scalar as text (`version: 2` is "2"); null is absent.
    pub fn text(&mut self) -> Option<Text> {
        let at = self.here();
        match self.scalar() {
            Some((Yaml::Null, _)) => None,
            Some((s, _)) => Some(Text {
                text: s.into_compact(),
                at,
            }),
            None => {
                self.wrong_type("a string");
                None
            }
        }
    }

    /// Like [`Reader::text`], without the place.
    pub fn string(&mut self) -> Option<String> {
        match self.scalar() {
            Some((Yaml::Null, _)) => None,
            Some((s, _)) => Some(s.into_text()),
            None => {
                self.wrong_type("a string");
                None
            }
        }
    }

    /// A whole number.
    pub(crate) fn int(&mut self) -> Option<Spanned<i64>> {
        self.number("a whole number", |s| match s {
            Yaml::Int(i) => Some(*i),
            _ => None,
        })
    }

    /// A number, whole or not.
    pub fn float(&mut self) -> Option<Spanned<f64>> {
        self.number("a number", |s| match s {
            Yaml::Int(i) => Some(*i as f64),
            Yaml::Float(f) => Some(*f),
            _ => None,
        })
    }

    /// `true` or `false`.
    pub fn boolean(&mut self) -> Option<bool> {
        self.number("a boolean", |s| match s {
            Yaml::Bool(b) => Some(*b),
            _ => None,
        })
        .map(|b| b.value)
    }

    fn number<T>(
        &mut self,
        expected: &str,
        take: impl Fn(&Yaml) -> Option<T>,
    ) -> Option<Spanned<T>> {
        let at = self.here();
        // One look at the scalar tells both null and the value.
        let found = self.peek_scalar(&|s: &Yaml| match s {
            Yaml::Null => Some(None),
            s => take(s).map(Some),
        });
        match found {
            Some(value) => {
                self.skip();
                value.map(|value| Spanned { value, at })
            }
            None => {
                self.wrong_type(expected);
                None
            }
        }
    }

    /// Any value as a YAML value (for `format`, which is reported as written).
    pub fn value(&mut self) -> Option<(Value, crate::assessment::events::Pos)> {
        let at = self.here();
        let v = match self.scalar() {
            Some((Yaml::Null, _)) => return None,
            Some((scalar, _)) => crate::assessment::tree::value_of(scalar),
            None => {
                let seq = self.list("", |r| r.value().map(|(v, _)| v));
                match seq {
                    Some(items) => Value::Sequence(items),
                    None => {
                        // `list` reported the mapping as a wrong type; a
                        // mapping here is simply reported by the caller.
                        self.problems.pop();
                        Value::Mapping(Default::default())
                    }
                }
            }
        };
        Some((v, at))
    }
}
