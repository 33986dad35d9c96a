//! Every session as one row: for a spreadsheet, R or pandas (CSV), or for
//! programs (JSON lines). The columns are `session`, `person`,
//! `assessment`, `version`, `started`, `updated`, one per question id in
//! file order, and one per track, `score_` and its id.
//!
//! No CSV cell can run as a formula: a text cell that a spreadsheet would
//! read as one is written with a leading `'` ([`guard`]); numbers stay
//! numbers. JSON is not for spreadsheets and holds every text as it is.

use super::Record;
use crate::answers::Answer;
use crate::assessment::{Assessment, QuestionKind};
use std::borrow::Cow;

/// The first columns, before the questions.
pub const FIXED: [&str; 6] = [
    "session",
    "person",
    "assessment",
    "version",
    "started",
    "updated",
];

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value: a skipped, hidden or unreached question, a track without
    /// a score, a session without a date.
    Empty,
    /// A whole number (a likert answer).
    Int(i64),
    /// A number (a score), unrounded.
    Number(f64),
    /// A text: an id, a date, a choice's option id or a text answer.
    Text(String),
    /// Option ids: a multi answer (joined by `;` in CSV) or a ranking
    /// (joined by `>`), in the order the session holds them.
    List(Vec<String>, &'static str),
}

/// The characters that make a spreadsheet read a cell as a formula, and
/// their full-width forms (a precaution: some East Asian set-ups read
/// those as the ASCII ones; guarding them costs nothing, as it comes off).
const FORMULA_START: [char; 8] = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];

/// Whether a text (after any `'`s it starts with) is one a spreadsheet
/// could act on: it starts with a tab or a carriage return (which some
/// strip before reading a formula), or its first character that is not a
/// control character (NUL included) or white space starts a formula.
/// Programs disagree on what they skip before a formula, so everything
/// that could be skipped is.
fn acts(text: &str) -> bool {
    let text = text.trim_start_matches('\'');
    text.starts_with(['\t', '\r'])
        || text
            .trim_start_matches(|c: char| c.is_control() || c.is_whitespace())
            .starts_with(FORMULA_START)
}

/// A text cell made safe for a spreadsheet: prefixed with `'` when a
/// spreadsheet could act on it (`acts`: `=`, `+`, `-`, `@` first, even
/// behind NULs, control characters or spaces; a leading tab or carriage
/// return). A text that already starts with `'`s before one of those gets
/// one more, so the prefix can always be taken off again ([`unguard`]) to
/// give the text exactly.
pub fn guard(text: &str) -> Cow<'_, str> {
    if acts(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text of a guarded cell: [`guard`] undone.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if acts(rest) => rest,
        _ => cell,
    }
}

/// The header: the fixed columns, the question ids and the `score_`
/// columns. A question whose id is already a column's name (a question
/// called `person`, or `score_pm`) is `question_` and its id instead, so
/// every name is unique and JSON keys never clash.
pub fn columns(assessment: &Assessment) -> Vec<String> {
    let mut taken: Vec<String> = FIXED.iter().map(|c| c.to_string()).collect();
    let scores: Vec<String> = assessment
        .tracks
        .iter()
        .map(|t| format!("score_{}", t.id))
        .collect();
    for q in &assessment.questions {
        let mut name = q.id.to_string();
        if taken.contains(&name) || scores.contains(&name) {
            name = format!("question_{}", q.id);
            while taken.contains(&name) || scores.contains(&name) {
                name.push('_');
            }
        }
        taken.push(name);
    }
    taken.extend(scores);
    taken
}

/// One session's row, in the order of [`columns`].
pub fn row(assessment: &Assessment, record: &Record) -> Vec<Cell> {
    let text = |t: Option<String>| t.map_or(Cell::Empty, Cell::Text);
    let meta = record.meta.as_ref();
    let when = |f: fn(&crate::session::Meta) -> Option<crate::session::Timestamp>| {
        text(meta.and_then(f).map(|t| t.to_string()))
    };
    let mut cells = vec![
        Cell::Text(record.session.clone()),
        text(record.person()),
        Cell::Text(assessment.id.clone()),
        text(assessment.version.clone()),
        when(|m| m.started),
        when(|m| m.updated),
    ];
    for (q, question) in assessment.questions.iter().enumerate() {
        cells.push(match record.counted(q) {
            None => Cell::Empty,
            Some(answer) => answer_cell(&question.kind, answer),
        });
    }
    for t in 0..assessment.tracks.len() {
        cells.push(record.score.scores[t].map_or(Cell::Empty, Cell::Number));
    }
    cells
}

fn answer_cell(kind: &QuestionKind, answer: &Answer) -> Cell {
    let options = match kind {
        QuestionKind::Choice { options }
        | QuestionKind::Multi { options, .. }
        | QuestionKind::Rank { options } => options.as_slice(),
        _ => &[],
    };
    let ids = |list: &[usize]| list.iter().map(|o| options[*o].id.to_string()).collect();
    match answer {
        Answer::Likert(v) => Cell::Int(*v),
        Answer::Choice(o) => Cell::Text(options[*o].id.to_string()),
        Answer::Multi(list) => Cell::List(ids(list), ";"),
        Answer::Rank(order) => Cell::List(ids(order), ">"),
        Answer::Text(t) => Cell::Text(t.clone()),
    }
}

/// A cell as CSV text: numbers as Rust writes them (the shortest text that
/// reads back to the same number, never an exponent), texts guarded.
fn csv_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Int(v) => v.to_string(),
        Cell::Number(x) => x.to_string(),
        Cell::Text(t) => guard(t).into_owned(),
        Cell::List(ids, sep) => guard(&ids.join(sep)).into_owned(),
    }
}

/// One CSV record (RFC 4180: CRLF line end, a field quoted when it holds
/// a comma, a quote or a line break).
fn csv_record<I: IntoIterator<Item = String>>(fields: I) -> Result<String, String> {
    let fail = |e: csv::Error| format!("cannot write the CSV: {e}");
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(fields).map_err(fail)?;
    let bytes = w.into_inner().map_err(|e| fail(e.into_error().into()))?;
    String::from_utf8(bytes).map_err(|e| format!("cannot write the CSV: {e}"))
}

/// The CSV header line ([`columns`]).
pub fn csv_header(assessment: &Assessment) -> Result<String, String> {
    csv_record(columns(assessment))
}

/// One session as a CSV line, written as soon as its file is read.
pub fn csv_row(assessment: &Assessment, record: &Record) -> Result<String, String> {
    csv_record(row(assessment, record).iter().map(csv_text))
}

/// The sessions as CSV, a header first.
pub fn csv(assessment: &Assessment, records: &[Record]) -> Result<String, String> {
    let mut out = csv_header(assessment)?;
    for r in records {
        out.push_str(&csv_row(assessment, r)?);
    }
    Ok(out)
}

fn json_value(cell: &Cell) -> serde_json::Value {
    use serde_json::Value;
    match cell {
        Cell::Empty => Value::Null,
        Cell::Int(v) => Value::from(*v),
        Cell::Number(x) => serde_json::Number::from_f64(*x).map_or(Value::Null, Value::Number),
        Cell::Text(t) => Value::String(t.clone()),
        Cell::List(ids, _) => Value::Array(ids.iter().cloned().map(Value::String).collect()),
    }
}

/// One session as a JSON line: an object keyed as the CSV's columns
/// (`names`, from [`columns`]); numbers as numbers, lists as arrays, null
/// where a CSV cell is empty.
pub fn jsonl_row(assessment: &Assessment, names: &[String], record: &Record) -> String {
    let object: serde_json::Map<String, serde_json::Value> = names
        .iter()
        .cloned()
        .zip(row(assessment, record).iter().map(json_value))
        .collect();
    let mut line = serde_json::Value::Object(object).to_string();
    line.push('\n');
    line
}

/// The sessions as JSON lines ([`jsonl_row`]).
pub fn jsonl(assessment: &Assessment, records: &[Record]) -> String {
    let names = columns(assessment);
    records
        .iter()
        .map(|r| jsonl_row(assessment, &names, r))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_a_spreadsheet_would_run_gets_a_quote_that_comes_off_again() {
        for (text, cell) in [
            ("=cmd|'/c calc'!A1", "'=cmd|'/c calc'!A1"),
            ("+1", "'+1"),
            ("-x", "'-x"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tindented", "'\tindented"),
            ("\rreturn", "'\rreturn"),
            ("'=already quoted", "''=already quoted"),
            ("''+", "'''+"),
            ("it's fine", "it's fine"),
            ("'plain", "'plain"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(guard(text), cell, "{text:?}");
            assert_eq!(unguard(cell), text, "{cell:?}");
        }
    }

    #[test]
    fn a_formula_behind_nul_control_characters_or_spaces_is_guarded() {
        for text in [
            "\0=1+1",
            "\0\0@SUM(A1)",
            "\u{1b}-2",
            " =1",
            "\n+1",
            "\u{85}=x",
            "＝1",
        ] {
            assert_eq!(guard(text), format!("'{text}"), "{text:?}");
            assert_eq!(unguard(&guard(text)), text, "{text:?}");
        }
        assert_eq!(guard("\0plain"), "\0plain");
    }

    /// Leading control characters and white space taken off, as a
    /// spreadsheet might before it reads a formula.
    fn meaningful(cell: &str) -> &str {
        cell.trim_start_matches(|c: char| c.is_control() || c.is_whitespace())
    }

    proptest::proptest! {
        #[test]
        fn no_guarded_cell_starts_a_formula_and_every_one_comes_off_again(
            text in "[\\x00-\\x20\\x7f\\u{85}'=+@a\\-＝＠]{0,8}|\\PC{0,12}|.{0,12}"
        ) {
            let cell = guard(&text);
            proptest::prop_assert!(!meaningful(&cell).starts_with(FORMULA_START), "{:?}", cell);
            proptest::prop_assert_eq!(unguard(&cell), text.as_str());
        }
    }
}
