//! Scalars read as YAML 1.2's core schema reads them, as serde_yaml does:
//! `~` is null, `true` a boolean, `0x10` a whole number, `.inf` a number.

use saphyr_parser::ScalarStyle;
use std::borrow::Cow;

/// A scalar as YAML 1.2's core schema reads it (as serde_yaml does).
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Cow<'a, str>),
}

impl Scalar<'_> {
    /// The scalar as text, taking the parser's own string when it is one:
    /// the parser allocates every scalar, so copying it again is waste. Its
    /// spare capacity (at least 32 bytes, and up to half of a long text) is
    /// given back when it is large: the strings of a large file are all
    /// held until the file is checked.
    pub(crate) fn into_text(self) -> String {
        match self {
            Scalar::Str(s) => {
                let mut s = s.into_owned();
                if s.capacity() > s.len() + s.len() / 4 + 8 {
                    s.shrink_to_fit();
                }
                s
            }
            other => other.text(),
        }
    }

    /// The scalar as a short text: held inline when it is 24 bytes or
    /// fewer (ids, types, track names), else in the parser's own string.
    pub(crate) fn into_compact(self) -> compact_str::CompactString {
        match self {
            Scalar::Str(std::borrow::Cow::Borrowed(s)) => s.into(),
            // `CompactString::from(String)` would inline it too, but measured
            // 1-2% slower on a large file than copying the short text.
            Scalar::Str(std::borrow::Cow::Owned(s)) if s.len() <= 24 => s.as_str().into(),
            Scalar::Str(std::borrow::Cow::Owned(s)) => s.into(),
            other => other.text().into(),
        }
    }

    /// The scalar written back as text (a number or bool used as a key).
    pub fn text(&self) -> String {
        match self {
            Scalar::Null => "null".into(),
            Scalar::Bool(b) => b.to_string(),
            Scalar::Int(i) => i.to_string(),
            Scalar::Float(f) => f.to_string(),
            Scalar::Str(s) => s.to_string(),
        }
    }
}

/// `!!int "3"` and the like are read as the tag says; `!!str 3` is text.
pub(crate) fn tagged(style: ScalarStyle, tag: Option<&saphyr_parser::Tag>) -> ScalarStyle {
    match tag {
        Some(t) if t.is_yaml_core_schema() && t.suffix == "str" => ScalarStyle::SingleQuoted,
        Some(t) if t.is_yaml_core_schema() => ScalarStyle::Plain,
        _ => style,
    }
}

/// YAML 1.2 core schema resolution of a scalar (plain scalars only).
pub(crate) fn resolve(v: &str, style: ScalarStyle) -> Scalar<'_> {
    if style != ScalarStyle::Plain {
        return Scalar::Str(Cow::Borrowed(v));
    }
    match v {
        "" | "~" | "null" | "Null" | "NULL" => return Scalar::Null,
        "true" | "True" | "TRUE" => return Scalar::Bool(true),
        "false" | "False" | "FALSE" => return Scalar::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Scalar::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Scalar::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Scalar::Float(f64::NAN),
        _ => {}
    }
    // A number starts with a digit, a sign or a point: any other text
    // (most scalars of a file) is told at its first byte.
    if !matches!(v.as_bytes()[0], b'0'..=b'9' | b'-' | b'+' | b'.') {
        return Scalar::Str(Cow::Borrowed(v));
    }
    let (neg, digits) = match v.as_bytes()[0] {
        b'-' => (true, &v[1..]),
        b'+' => (false, &v[1..]),
        _ => (false, v),
    };
    let radix = |prefix: &str, r: u32| {
        digits
            .strip_prefix(prefix)
            .and_then(|d| i64::from_str_radix(d, r).ok())
            .map(|n| if neg { -n } else { n })
    };
    if let Some(n) = radix("0x", 16)
        .or_else(|| radix("0o", 8))
        .or_else(|| radix("0b", 2))
    {
        return Scalar::Int(n);
    }
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(n) = v.parse::<i64>()
    {
        return Scalar::Int(n);
    }
    let numeric = !digits.is_empty()
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && digits.bytes().any(|b| b.is_ascii_digit());
    match numeric.then(|| v.parse::<f64>()) {
        Some(Ok(f)) => Scalar::Float(f),
        _ => Scalar::Str(Cow::Borrowed(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde_yaml (yaml_serde) makes of a plain scalar, in our terms.
    fn as_serde_reads(v: &str) -> Scalar<'static> {
        let doc: serde_yaml::Value = serde_yaml::from_str(&format!("k: {v}")).expect("a mapping");
        match doc["k"].clone() {
            serde_yaml::Value::Null => Scalar::Null,
            serde_yaml::Value::Bool(b) => Scalar::Bool(b),
            serde_yaml::Value::Number(n) if n.is_i64() => Scalar::Int(n.as_i64().unwrap()),
            serde_yaml::Value::Number(n) => Scalar::Float(n.as_f64().unwrap()),
            serde_yaml::Value::String(s) => Scalar::Str(Cow::Owned(s)),
            other => panic!("{v:?} read as {other:?}"),
        }
    }

    #[test]
    fn plain_scalars_resolve_as_serde_yaml_reads_them() {
        let written = [
            "1",
            "-1",
            "+1",
            "0",
            "-0",
            "12abc",
            "1-2",
            "0x1F",
            "-0x10",
            "0o17",
            "0b101",
            ".5",
            "-.5",
            "+.5",
            "1.",
            "3.14",
            "1e3",
            "1.5e-3",
            "1E+2",
            "e5",
            "1e",
            "0.1.2",
            ".inf",
            "-.inf",
            "+.INF",
            ".nan",
            ".NaN",
            "inf",
            "nan",
            "infinity",
            "+",
            ".",
            "~",
            "null",
            "Null",
            "true",
            "False",
            "TRUE",
            "yes",
            "abc",
            "roadmap review",
            "9223372036854775807",
            "-9223372036854775808",
        ];
        for v in written {
            let ours = resolve(v, ScalarStyle::Plain);
            let theirs = as_serde_reads(v);
            let same = match (&ours, &theirs) {
                (Scalar::Float(a), Scalar::Float(b)) => {
                    a.to_bits() == b.to_bits() || a.is_nan() && b.is_nan()
                }
                (a, b) => a == b,
            };
            assert!(same, "{v:?}: ours {ours:?}, serde_yaml {theirs:?}");
        }
    }

    #[test]
    fn leading_zeros_are_a_whole_number_as_yaml_1_2_says() {
        // serde_yaml keeps "007" as text; YAML 1.2's core schema reads it
        // as 7, and so do we (the guide says to quote digits that matter).
        assert_eq!(resolve("007", ScalarStyle::Plain), Scalar::Int(7));
    }
}
