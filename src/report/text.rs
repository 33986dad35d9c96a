//! Plain text for a terminal or a pipe: the result of `crossroads score
//! --format text` (and of plain mode, without drawings) and the session
//! report, built from the same sections. Every track is named.

use super::full::{Item, ReportInput, Shown};
use super::outline::{Facts, Outline, Plan, Reading, outline};
use super::{bar, one_line, takeaway};
use crate::answers::Answers;
use crate::assessment::Assessment;
use crate::sanitize;
use crate::scoring::Score;
use std::fmt::Write;

/// A text spectrum like `Product Owner ------●---- Product Manager`.
pub(crate) fn spectrum(position: Option<f64>, width: usize) -> String {
    let mut cells: Vec<char> = vec!['─'; width];
    if let Some(p) = position {
        let at = (((p + 1.0) / 2.0) * (width - 1) as f64).round() as usize;
        cells[at.min(width - 1)] = '●';
    }
    cells.into_iter().collect()
}

/// The width of the longest track name, to line names up in a column.
pub(crate) fn name_width(a: &Assessment) -> usize {
    a.tracks
        .iter()
        .map(|t| t.name.chars().count())
        .max()
        .unwrap_or(0)
}

/// A title underlined with `=`.
pub(crate) fn underlined(title: &str) -> String {
    format!("{title}\n{}\n", "=".repeat(title.chars().count()))
}

/// The whole result for a terminal or a pipe, every track named.
pub fn render(a: &Assessment, answers: &Answers, s: &Score) -> String {
    render_with(a, answers, s, true)
}

/// The result as words only: no bars or spectra, which a screen reader
/// would read out cell by cell (plain mode).
pub fn render_words(a: &Assessment, answers: &Answers, s: &Score) -> String {
    render_with(a, answers, s, false)
}

fn render_with(a: &Assessment, answers: &Answers, s: &Score, drawings: bool) -> String {
    let mut out = format!("{} — results\n", a.title);
    layout(
        &mut out,
        &outline(&Facts::of_score(a, answers, s)),
        drawings,
    );
    out
}

/// The session report as plain text.
pub fn report(input: &ReportInput) -> String {
    let mut out = underlined(&input.title());
    if let Some(date) = input.date() {
        let _ = writeln!(out, "Date: {date}");
    }
    if let Some(line) = input.coach_line() {
        indented(&mut out, 0, "", &line);
    }
    for note in input.session_notes() {
        indented(&mut out, 0, &format!("{}: ", note.label), note.text);
    }
    out.push('\n');
    layout(&mut out, &input.outline(), true);
    out.push_str("\nAnswers\n");
    input.each_question(&mut out, |t| format!("\n  {t}\n"), question);
    sanitize::clean(&out)
}

/// Writes `text` after `first`, continuation lines indented by `indent`
/// spaces.
fn indented(out: &mut String, indent: usize, first: &str, text: &str) {
    let pad = " ".repeat(indent);
    let mut lines = text.trim().lines();
    let _ = writeln!(out, "{pad}{first}{}", lines.next().unwrap_or("").trim_end());
    let more = " ".repeat(first.chars().count());
    for line in lines {
        let _ = writeln!(out, "{pad}{more}{}", line.trim_end());
    }
}

/// The outline of a result, in its order, for a terminal or a pipe; bars
/// and spectra only with `drawings` (plain mode has none).
pub fn layout(out: &mut String, o: &Outline, drawings: bool) {
    if let Some(partial) = &o.partial {
        let _ = writeln!(out, "{partial}");
    }
    let _ = writeln!(out, "{}", o.headline);
    for line in &o.summary {
        indented(out, 0, "", line);
    }
    let _ = writeln!(out, "{}", o.counts);
    out.push_str("\nTracks\n");
    let width = o
        .tracks
        .iter()
        .map(|t| t.name.chars().count())
        .max()
        .unwrap_or(0);
    for t in &o.tracks {
        let drawing = match drawings {
            true => format!("{}  ", bar(t.score, 20)),
            false => String::new(),
        };
        let band = t.band.as_deref().unwrap_or("no band");
        let _ = writeln!(
            out,
            "  {}. {:<width$}  {drawing}{:>4}  {band}",
            t.rank, t.name, t.percent
        );
    }
    reading(out, &o.reading);
    if !o.leans.is_empty() {
        out.push_str("\nWhere you lean\n");
        if let Some(p) = &o.profile {
            indented(out, 2, "Profile: ", p);
        }
        for l in &o.leans {
            let between = match drawings {
                true => spectrum(l.position, 21),
                false => "to".to_string(),
            };
            let value = l.position.map(|p| format!("  {p:+.2}")).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {}\n    {} {between} {}{value}: {}",
                l.label, l.left, l.right, l.verdict
            );
        }
    }
    if !o.sections.is_empty() {
        out.push_str("\nSections\n");
        for sec in &o.sections {
            let parts: Vec<String> = o
                .columns
                .iter()
                .zip(&sec.percents)
                .map(|(c, v)| format!("{c} {v}"))
                .collect();
            let _ = writeln!(out, "  {}: {}", sec.title, parts.join(", "));
        }
    }
    if !o.reasons.is_empty() {
        out.push_str("\nWhy\n");
        for r in &o.reasons {
            indented(out, 2, "- ", &r.text);
        }
    }
    if let Some(since) = &o.since {
        let when = since
            .when
            .as_ref()
            .map(|w| format!(" ({w})"))
            .unwrap_or_default();
        let _ = writeln!(out, "\nSince last time{when}");
        for c in &since.changes {
            indented(out, 2, "", c);
        }
        if !since.goals.is_empty() {
            let _ = writeln!(out, "  {}", takeaway::REVIEW_INTRO);
            for g in &since.goals {
                indented(out, 2, "- ", g);
            }
        }
    }
    plan(out, &o.plan);
}

/// What percents, bands and "close behind" mean, for a reader who was not there.
fn reading(out: &mut String, r: &Reading) {
    out.push_str("\nHow to read this\n");
    indented(out, 2, "- Percents: ", &r.percents);
    out.push_str("  - Bands:\n");
    for b in &r.bands {
        let head = format!("{} ({}): ", b.label, b.range);
        indented(out, 6, &head, &b.meaning);
    }
    if let Some(below) = &r.below {
        indented(out, 6, "", below);
    }
    if let Some(close) = &r.close {
        indented(out, 2, "- Close behind: ", close);
    }
    indented(out, 2, "- ", &r.starting_point);
}

/// The goals chosen, if any, then the steps the top track(s) suggest.
fn plan(out: &mut String, p: &Plan) {
    if !p.goals.is_empty() {
        out.push_str("\nDevelopment plan\n");
        indented(out, 2, "", takeaway::GOALS_INTRO);
        for (i, g) in p.goals.iter().enumerate() {
            let mut lines = vec![g.text.clone()];
            lines.extend(g.parts.iter().cloned());
            indented(out, 2, &format!("{}. ", i + 1), &lines.join("\n"));
        }
    }
    let Some(intro) = &p.intro else {
        return;
    };
    match p.goals.is_empty() {
        true => writeln!(out, "\nDevelopment plan\n  {intro}"),
        false => writeln!(out, "\n  {}: {intro}", takeaway::SUGGESTED),
    }
    .ok();
    for t in &p.tracks {
        let _ = writeln!(out, "\n  {}", t.name);
        if let Some(empty) = &t.empty {
            let _ = writeln!(out, "    {empty}");
        }
        if let Some(summary) = &t.summary {
            indented(out, 4, "", summary);
        }
        if !t.strengths.is_empty() {
            let _ = writeln!(out, "    {}:", super::STRENGTHS);
            for item in &t.strengths {
                indented(out, 6, "- ", item);
            }
        }
        if !t.steps.is_empty() {
            out.push_str("    Next steps:\n");
            for (i, item) in t.steps.iter().enumerate() {
                indented(out, 6, &format!("{}. ", i + 1), item);
            }
        }
    }
    for b in &p.blends {
        let _ = writeln!(out, "\n  {}", b.heading);
        for (i, item) in b.steps.iter().enumerate() {
            indented(out, 4, &format!("{}. ", i + 1), item);
        }
    }
}

/// One question with its answer, coach prompt and note.
fn question(out: &mut String, item: &Item) {
    let number = format!("{} ", item.label());
    indented(out, 4, &number, &item.question.text);
    let pad = 4 + number.chars().count();
    match item.shown() {
        Shown::Ranked(labels) => {
            let lines: Vec<String> = labels
                .iter()
                .enumerate()
                .map(|(i, l)| format!("{}. {}", i + 1, one_line(l)))
                .collect();
            indented(out, pad, "Answer: ", &lines.join("\n"));
        }
        Shown::Words(text) => indented(out, pad, "Answer: ", text),
        Shown::Missing(words) => indented(out, pad, "", &format!("({words})")),
    }
    if let Some(c) = item.coach {
        indented(out, pad, "Coach prompt: ", c);
    }
    for n in &item.notes {
        indented(out, pad, &format!("{}: ", n.label), n.text);
    }
}
