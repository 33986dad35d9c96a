//! Plain text for a terminal or a pipe: the result of `crossroads score
//! --format text` (and of plain mode, without drawings) and the session
//! report, built from the same sections. Every track is named.

use super::full::{Item, ReportInput, Shown};
use super::takeaway;
use super::{
    band, bar, counts, has_profile, headline, leaning, no_plan, one_line, percent, plan_intro,
    profile,
};
use crate::answers::Answers;
use crate::assessment::Assessment;
use crate::sanitize;
use crate::scoring::Score;
use crate::session::goals::{Goal, Review};
use std::fmt::Write;

/// A text spectrum like `Product Owner ------●---- Product Manager`.
pub fn spectrum(position: Option<f64>, width: usize) -> String {
    let mut cells: Vec<char> = vec!['─'; width];
    if let Some(p) = position {
        let at = (((p + 1.0) / 2.0) * (width - 1) as f64).round() as usize;
        cells[at.min(width - 1)] = '●';
    }
    cells.into_iter().collect()
}

/// The width of the longest track name, to line names up in a column.
pub fn name_width(a: &Assessment) -> usize {
    a.tracks
        .iter()
        .map(|t| t.name.chars().count())
        .max()
        .unwrap_or(0)
}

/// A title underlined with `=`.
pub fn underlined(title: &str) -> String {
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
    result(&mut out, a, answers, s, &counts(s), drawings, (&[], &[]));
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
    reading(&mut out, input.assessment, input.score, input.finished());
    out.push('\n');
    let (goals, reviews) = (input.goals(), input.reviews());
    let (a, s) = (input.assessment, input.score);
    result(
        &mut out,
        a,
        input.answers,
        s,
        &input.counts(),
        true,
        (goals, reviews),
    );
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

/// "In short" and "How to read this": the result in plain sentences and
/// what its percents and bands mean, for a reader who was not there.
fn reading(out: &mut String, a: &Assessment, s: &Score, finished: bool) {
    out.push_str("\nIn short\n");
    for line in takeaway::in_short(a, s, finished) {
        indented(out, 2, "", &line);
    }
    out.push_str("\nHow to read this\n");
    indented(out, 2, "- Percents: ", takeaway::PERCENT_MEANING);
    out.push_str("  - Bands:\n");
    for b in takeaway::bands(a) {
        let head = format!("{} ({}): ", b.label, b.range);
        indented(out, 6, &head, &b.meaning);
    }
    if let Some(below) = takeaway::below_bands(a) {
        indented(out, 6, "", &below);
    }
    if let Some(close) = takeaway::close_meaning(a, s) {
        indented(out, 2, "- Close behind: ", &close);
    }
    indented(out, 2, "- ", takeaway::STARTING_POINT);
}

/// Headline, profile and counts, then tracks, axes, sections, reasons, the
/// review of the last plan and the development plan; bars and spectra
/// only with `drawings`.
fn result(
    out: &mut String,
    a: &Assessment,
    answers: &Answers,
    s: &Score,
    counts_line: &str,
    drawings: bool,
    (goals, reviews): (&[Goal], &[Review]),
) {
    let _ = writeln!(out, "{}", headline(a, s));
    let p = profile(a, s);
    if !p.is_empty() {
        let _ = writeln!(out, "Profile: {p}");
    }
    let _ = writeln!(out, "{counts_line}");
    tracks(out, a, s, drawings);
    axes(out, a, s, drawings);
    sections(out, a, s);
    why(out, a, answers, s);
    since(out, reviews);
    plan(out, a, answers, s, goals);
}

fn tracks(out: &mut String, a: &Assessment, s: &Score, drawings: bool) {
    out.push_str("\nTracks\n");
    let width = name_width(a);
    for t in &s.tracks {
        let drawing = if drawings {
            bar(t.score, 20)
        } else {
            String::new()
        };
        let (name, score) = (&a.tracks[t.track].name, percent(t.score));
        let _ = writeln!(
            out,
            "  {}. {name:<width$}  {drawing}  {score:>4}  {}",
            t.rank,
            band(a, t, "no band")
        );
    }
}

fn axes(out: &mut String, a: &Assessment, s: &Score, drawings: bool) {
    if s.axes.is_empty() {
        return;
    }
    out.push_str("\nAxes\n");
    for pos in &s.axes {
        let axis = &a.axes[pos.axis];
        let (left, right) = (&a.tracks[axis.left].name, &a.tracks[axis.right].name);
        let between = match drawings {
            true => spectrum(pos.position, 21),
            false => "to".to_string(),
        };
        let value = pos.position.map(|p| format!("  {p:+.2}"));
        let words = leaning(a, pos.position, pos.leaning);
        let words = match pos.leaning {
            Some(_) => format!("leaning {words}"),
            None => words,
        };
        let _ = writeln!(
            out,
            "  {}\n    {left} {between} {right}{}: {words}",
            axis.label,
            value.unwrap_or_default()
        );
    }
}

fn sections(out: &mut String, a: &Assessment, s: &Score) {
    out.push_str("\nSections\n");
    for sec in &s.sections {
        let parts: Vec<String> = sec
            .scores
            .iter()
            .enumerate()
            .map(|(t, v)| format!("{} {}", a.tracks[t].short, percent(*v)))
            .collect();
        let _ = writeln!(
            out,
            "  {}: {}",
            a.sections[sec.section].title,
            parts.join(", ")
        );
    }
}

fn why(out: &mut String, a: &Assessment, answers: &Answers, s: &Score) {
    let reasons = super::why(a, answers, s);
    if !reasons.is_empty() {
        out.push_str("\nWhy\n");
        for r in reasons {
            indented(out, 2, "- ", &r);
        }
    }
}

/// "Since last time": each goal of the last session and how it went.
fn since(out: &mut String, reviews: &[Review]) {
    if reviews.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nSince last time\n  {}", takeaway::REVIEW_INTRO);
    for r in reviews {
        let line = format!("{}: {}", one_line(&r.goal.text), takeaway::review_words(r));
        indented(out, 2, "- ", &line);
    }
}

/// The goals chosen, if any, then the steps the top track(s) suggest.
fn plan(out: &mut String, a: &Assessment, answers: &Answers, s: &Score, goals: &[Goal]) {
    if !goals.is_empty() {
        out.push_str("\nDevelopment plan\n");
        indented(out, 2, "", takeaway::GOALS_INTRO);
        for (i, g) in goals.iter().enumerate() {
            let mut lines = vec![one_line(&g.text)];
            lines.extend(
                takeaway::goal_parts(a, g)
                    .iter()
                    .map(|p| super::capitalise(p)),
            );
            indented(out, 2, &format!("{}. ", i + 1), &lines.join("\n"));
        }
    }
    let Some(intro) = plan_intro(a, s) else {
        return;
    };
    match goals.is_empty() {
        true => {
            let _ = writeln!(out, "\nDevelopment plan\n  {intro}");
        }
        false => {
            let _ = writeln!(out, "\n  {}: {intro}", takeaway::SUGGESTED);
        }
    }
    let offer = crate::steps::Offer::new(a, answers);
    for t in &s.top {
        let track = &a.tracks[*t];
        let _ = writeln!(out, "\n  {}", track.name);
        if !has_profile(track) {
            let _ = writeln!(out, "    {}", no_plan(&track.name));
            continue;
        }
        if let Some(summary) = &track.summary {
            indented(out, 4, "", &one_line(summary));
        }
        if !track.strengths.is_empty() {
            let _ = writeln!(out, "    {}:", super::STRENGTHS);
            for item in &track.strengths {
                indented(out, 6, "- ", item);
            }
        }
        let steps = offer.track(*t);
        if !steps.is_empty() {
            out.push_str("    Next steps:\n");
            for (i, item) in steps.iter().enumerate() {
                indented(out, 6, &format!("{}. ", i + 1), item);
            }
        }
    }
    for (blend, steps) in offer.blends(&s.top) {
        let _ = writeln!(out, "\n  {}", crate::steps::blend_heading(a, blend));
        for (i, item) in steps.iter().enumerate() {
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
