//! Numbers the YAML parser reads but serde's number types do not take, or
//! cannot hold, worded for a person: which text, what is wrong, what to
//! write instead. The parser's own words ("invalid type: integer `16`,
//! expected f64", "... as u128, expected any YAML value") name neither the
//! text as written nor the fix.

/// The scalar written at `line` and `column` (from 1) of `text`, up to the
/// end of a flow item or a comment.
pub(super) fn written_at(text: &str, line: usize, column: usize) -> Option<String> {
    let l = text.lines().nth(line.checked_sub(1)?)?;
    let from: String = l.chars().skip(column.checked_sub(1)?).collect();
    let end = from.find([',', '}', ']', '#']).unwrap_or(from.len());
    let scalar = from[..end].trim();
    (!scalar.is_empty() && scalar.chars().count() <= 60).then(|| scalar.to_string())
}

/// The value serde found, from `integer `16``, `floating point `2.0``
/// (with ` as u128` when it was too large for a YAML value).
fn found(message: &str) -> Option<(&str, &str)> {
    let rest = message.strip_prefix("invalid type: ")?;
    let (kind, rest) = rest.split_once(" `")?;
    let (value, rest) = rest.split_once('`')?;
    Some((kind, value)).filter(|_| rest.starts_with(',') || rest.starts_with(" as"))
}

/// A clearer message for a number problem, or None for any other. The
/// place serde puts in front (`weights.pm: `) is kept.
pub(super) fn reworded(message: &str, written: Option<String>) -> Option<String> {
    let at = message.find("invalid type: ")?;
    let (place, message) = message.split_at(at);
    reworded_alone(message, written).map(|m| format!("{place}{m}"))
}

fn reworded_alone(message: &str, written: Option<String>) -> Option<String> {
    let (kind, value) = found(message)?;
    if !matches!(kind, "integer" | "floating point") {
        return None;
    }
    if message.contains(" as u128,") || message.contains(" as i128,") {
        return Some(format!(
            "the number {value} is too large to read (whole numbers go from \
             -9223372036854775808 to 18446744073709551615); write a smaller number, \
             or put it in quotes if it is meant as text"
        ));
    }
    let as_written = written.unwrap_or_else(|| value.to_string());
    let plain = value.strip_suffix(".0").unwrap_or(value);
    if message.ends_with("expected f64") {
        // A number serde was offered but refused: written in hexadecimal,
        // octal, or with a tag, which the contract's numbers are not.
        return Some(format!(
            "`{as_written}` is read as the number {plain}, but numbers here are written \
             in plain decimal, without a tag, quotes or a 0x or 0o prefix; write {plain}"
        ));
    }
    if message.ends_with("expected i64") || message.ends_with("expected u32") {
        if kind == "floating point" && as_written.chars().all(|c| c.is_ascii_digit() || c == '-') {
            return Some(format!(
                "`{as_written}` is too large for a whole number here; write a smaller one"
            ));
        }
        if kind == "floating point" {
            return Some(format!(
                "`{as_written}` is not a whole number; write one without a fraction, such as {}",
                value.parse::<f64>().map_or(1.0, f64::round)
            ));
        }
        return Some(format!(
            "`{as_written}` is read as the number {plain}, but numbers here are written \
             in plain decimal, without a tag or a 0x or 0o prefix; write {plain}"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scalar_is_read_as_written() {
        let text = "a: 1\n  weights: { pm: 0x10, po: -1 }\n";
        assert_eq!(written_at(text, 2, 18).as_deref(), Some("0x10"));
        assert_eq!(
            written_at("w: !!float \"2\" # two\n", 1, 4).as_deref(),
            Some("!!float \"2\"")
        );
        assert_eq!(written_at("x\n", 5, 1), None);
    }

    #[test]
    fn numbers_in_other_forms_say_what_to_write() {
        let m = reworded(
            "invalid type: integer `16`, expected f64",
            Some("0x10".into()),
        )
        .unwrap();
        assert!(
            m.starts_with("`0x10` is read as the number 16") && m.ends_with("write 16"),
            "{m}"
        );
        let m = reworded(
            "invalid type: floating point `2.0`, expected f64",
            Some("!!float \"2\"".into()),
        )
        .unwrap();
        assert!(
            m.contains("`!!float \"2\"`") && m.ends_with("write 2"),
            "{m}"
        );
        let m = reworded(
            "invalid type: integer `99999999999999999999` as u128, expected any YAML value",
            None,
        )
        .unwrap();
        assert!(
            m.starts_with("the number 99999999999999999999 is too large"),
            "{m}"
        );
        assert_eq!(
            reworded("invalid type: string \"x\", expected f64", None),
            None
        );
    }
}
