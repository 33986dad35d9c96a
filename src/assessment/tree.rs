//! Any YAML value built from the reader's events, with the place it starts:
//! for files whose shape is checked after reading (answers and session
//! files), so that what is wrong in them can be pointed at by line and
//! column. Built straight from the parser's events (only anchored nodes are
//! kept, for their aliases, within the reader's budget).

use super::events::{MAX_DEPTH, Pos, Reader, Scalar};
use saphyr_parser::Event;
use serde_yaml::{Mapping, Value};

impl Reader<'_> {
    /// The next value, whole, and where it starts. A key repeated in a
    /// mapping is reported, and the later value left out, as serde_yaml
    /// refuses it.
    pub fn node(&mut self) -> (Value, Pos) {
        let at = self.here();
        if let Some((s, _)) = self.scalar() {
            return (value_of(s), at);
        }
        let (open, _) = self.next();
        let sequence = match open {
            Event::SequenceStart(..) => true,
            Event::MappingStart(..) => false,
            // The end of a broken document: nothing more can be read.
            _ => return (Value::Null, at),
        };
        if self.depth >= MAX_DEPTH {
            self.fail(at, "the document is nested too deeply");
            return (Value::Null, at);
        }
        self.depth += 1;
        let value = if sequence {
            let mut items = Vec::new();
            while !self.closes(true) {
                items.push(self.node().0);
            }
            Value::Sequence(items)
        } else {
            let mut map = Mapping::new();
            while !self.closes(false) {
                let (key, key_at) = self.node();
                let (value, _) = self.node();
                if map.contains_key(&key) {
                    self.error_at(key_at, duplicate(&key));
                } else {
                    map.insert(key, value);
                }
            }
            Value::Mapping(map)
        };
        self.depth -= 1;
        (value, at)
    }

    /// Takes the start of a mapping and says where it is, when the next
    /// value is one; otherwise takes nothing.
    pub(crate) fn opens_mapping(&mut self) -> Option<Pos> {
        if !matches!(self.peek().0, Event::MappingStart(..)) {
            return None;
        }
        Some(self.advance())
    }

    /// Whether the sequence (or mapping) being read ends here; its end is
    /// taken. A broken document ends every open one.
    pub fn closes(&mut self, sequence: bool) -> bool {
        match self.peek().0 {
            Event::SequenceEnd if sequence => {}
            Event::MappingEnd if !sequence => {}
            Event::StreamEnd => return true,
            _ => return false,
        }
        self.advance();
        true
    }
}

/// The message for a key written twice in one mapping.
pub(crate) fn duplicate(key: &Value) -> String {
    format!(
        "the key `{}` is written twice in this mapping; keep one",
        crate::yaml::show(key)
    )
}

/// A scalar as a YAML value.
pub(crate) fn value_of(s: Scalar) -> Value {
    match s {
        Scalar::Null => Value::Null,
        Scalar::Bool(b) => Value::Bool(b),
        Scalar::Int(i) => Value::Number(i.into()),
        Scalar::Float(f) => Value::Number(f.into()),
        Scalar::Str(s) => Value::String(s.into_owned()),
    }
}
