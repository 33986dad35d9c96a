//! The `sessions` table for people: columns measured in terminal cells
//! (a CJK name takes two cells a character, an emoji two), so that they
//! line up whatever the names are written in.
//!
//! By default the table fits a width (the terminal's, or 80 columns): the
//! start time is left out and "finished" joins the progress ("17/17
//! done"); the assessment goes too when the table does not fit whole with
//! it (a session's id names it, and its start); then the person and then
//! the id are cut with an ellipsis, by cells and never inside a character,
//! until the row fits. An id is cut in its middle, so that the session's
//! date at its end still tells a person's sessions apart. `--wide` prints
//! every column whole.

use super::Row;
use crossroads::sanitize;
use crossroads::session::Timestamp;
use crossroads::wrap::{pad, truncate, width};
use std::fmt::Write;
use std::io::IsTerminal;
use unicode_segmentation::UnicodeSegmentation;

/// The table of `rows`: every column whole when `wide`, otherwise fitted
/// to the terminal standard output is, or to 80 columns when it is not
/// one (a pipe, a file: what a person reads later on a terminal).
pub fn text(rows: &[Row], wide: bool) -> String {
    if wide {
        return self::wide(rows);
    }
    let terminal = std::io::stdout().is_terminal();
    let size = ratatui::crossterm::terminal::size()
        .ok()
        .filter(|_| terminal);
    fitted(rows, size.map_or(80, |(w, _)| usize::from(w)))
}

/// Columns of the default table: the person, and the assessment, the
/// column left out when the table does not fit whole with it.
const PERSON: usize = 1;
const ASSESSMENT: usize = 2;

/// The fewest cells the person and the id are cut to.
const PERSON_MIN: usize = 12;
const ID_MIN: usize = 8;

/// Cells between two columns.
const GAP: usize = 2;

/// Every session, one row each, every column whole: the table as it was
/// before it learnt to fit (`--wide`).
pub fn wide(rows: &[Row]) -> String {
    let when = |t: Option<Timestamp>| t.map(|t| t.words()).unwrap_or_default();
    let heading = [
        "LAST CHANGE",
        "PERSON",
        "ASSESSMENT",
        "ANSWERED",
        "FINISHED",
        "STARTED",
        "ID",
    ];
    let cells = rows.iter().map(|r| {
        let (progress, finished) = match &r.progress {
            Ok((a, t)) => (format!("{a}/{t}"), if r.finished { "yes" } else { "no" }),
            Err(why) => (format!("({why})"), ""),
        };
        [
            when(r.updated),
            r.person.clone(),
            r.assessment.clone(),
            progress,
            finished.to_string(),
            when(r.started),
            r.id.clone(),
        ]
    });
    let table = clean(heading, cells);
    let widths: Vec<usize> = (0..heading.len()).map(|c| natural(&table, c)).collect();
    lines(&table, &widths)
}

/// Every session, one row each, fitted to `cells` columns; a last line
/// says when anything was cut, and how to see it whole.
pub fn fitted(rows: &[Row], cells: usize) -> String {
    let heading = ["LAST CHANGE, UTC", "PERSON", "ASSESSMENT", "ANSWERED", "ID"];
    let rows_cells = rows.iter().map(|r| {
        let progress = match &r.progress {
            Ok((a, t)) if r.finished => format!("{a}/{t} done"),
            Ok((a, t)) => format!("{a}/{t}"),
            Err(why) => format!("({why})"),
        };
        let when = r
            .updated
            .map(|t| t.words().trim_end_matches(" UTC").to_string());
        [
            when.unwrap_or_default(),
            r.person.clone(),
            r.assessment.clone(),
            progress,
            r.id.clone(),
        ]
    });
    let mut table = clean(heading, rows_cells);
    let mut natural: Vec<usize> = (0..heading.len()).map(|c| natural(&table, c)).collect();
    if total(&natural) > cells {
        // The assessment is the first thing left out: a session's id names
        // it too (and its start), and the id must stay whole if it can.
        table
            .iter_mut()
            .for_each(|row| drop(row.remove(ASSESSMENT)));
        natural.remove(ASSESSMENT);
    }
    let widths = widths(&natural, cells);
    let id = widths.len() - 1;
    let mut cut = false;
    let table: Vec<Vec<String>> = table
        .into_iter()
        .map(|row| {
            let row: Vec<String> = (row.iter().zip(&widths).enumerate())
                .map(|(c, (cell, w))| match c == id {
                    true => middle_cut(cell, *w),
                    false => truncate(cell, *w),
                })
                .collect();
            cut |= row.iter().any(|cell| cell.contains('…'));
            row
        })
        .collect();
    let mut text = lines(&table, &widths);
    if cut {
        text.push_str("(… cut to fit; `--wide` shows every column whole)\n");
    }
    text
}

/// The cells a row of columns this wide takes.
fn total(widths: &[usize]) -> usize {
    widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1)
}

/// The heading and the rows' cells, each cleaned of anything that could
/// act on a terminal and on one line, before anything is measured.
fn clean<const N: usize>(
    heading: [&str; N],
    rows: impl Iterator<Item = [String; N]>,
) -> Vec<Vec<String>> {
    let heading = heading.iter().map(|h| h.to_string()).collect();
    std::iter::once(heading)
        .chain(rows.map(|r| r.iter().map(|c| sanitize::line(c)).collect()))
        .collect()
}

/// The cells column `c` takes with nothing cut.
fn natural(table: &[Vec<String>], c: usize) -> usize {
    table.iter().map(|r| width(&r[c])).max().unwrap_or(0)
}

/// The width of each column of the default table (the date, the person,
/// maybe the assessment, the progress, the id) in `cells` columns: the
/// person cut first, down to its least, then the id, down to its least;
/// the date and the progress are short and no use cut.
fn widths(natural: &[usize], cells: usize) -> Vec<usize> {
    let mut w = natural.to_vec();
    let id = w.len() - 1;
    let mut over = total(&w).saturating_sub(cells);
    for (c, least) in [(PERSON, PERSON_MIN), (id, ID_MIN)] {
        let less = over.min(w[c].saturating_sub(least));
        w[c] -= less;
        over -= less;
    }
    w
}

/// `text` cut to `cells` cells in its middle: its start and its end kept.
fn middle_cut(text: &str, cells: usize) -> String {
    if width(text) <= cells {
        return text.to_string();
    }
    let end_cells = cells.saturating_sub(1) / 2;
    let (mut end, mut used) = (String::new(), 0);
    for g in text.graphemes(true).rev() {
        if used + width(g) > end_cells {
            break;
        }
        end.insert_str(0, g);
        used += width(g);
    }
    let start = truncate(text, cells - used);
    format!("{start}{end}")
}

/// The rows as lines, each cell padded to its column's width by cells.
fn lines(table: &[Vec<String>], widths: &[usize]) -> String {
    let mut text = String::new();
    for row in table {
        let last = row.len() - 1;
        let mut line = String::new();
        for (c, (cell, w)) in row.iter().zip(widths).enumerate() {
            match c == last {
                true => line.push_str(cell),
                false => {
                    line.push_str(&pad(cell, *w));
                    line.push_str(&" ".repeat(GAP));
                }
            }
        }
        let _ = writeln!(text, "{}", line.trim_end());
    }
    text
}
