//! Markdown that reads well on GitHub: the result of `crossroads score
//! --format markdown` and the session report, built from the same sections.

use super::full::{Item, ReportInput, Shown};
use super::takeaway;
use super::{
    band, counts, has_profile, headline, leaning, no_plan, one_line, percent, plan_intro, position,
    profile,
};
use crate::answers::Answers;
use crate::assessment::{Assessment, TrackIndex};
use crate::sanitize;
use crate::scoring::Score;
use crate::session::goals::{Goal, Review};
use std::fmt::Write;

/// Markdown inline text: on one line, every character that could start
/// Markdown (emphasis, code, links, images, raw HTML, entities, headings,
/// tables, strikethrough, a bare URL) escaped, so the text shows exactly as
/// the person wrote and saw it, and never as a link or an image.
pub(crate) fn md(text: &str) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '!' | '#' | '|' | '~' | '&' => true,
            '<' => chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            // "https://": no autolink (GFM) for a link the person never saw as one.
            ':' => chars.get(i + 1) == Some(&'/') && chars.get(i + 2) == Some(&'/'),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A text of several lines (a coach's note), each escaped as `md` does,
/// kept as lines: hard breaks, each new line starting with `continuation`
/// so that it stays inside its list item or quote. What only matters at
/// the start of a line (a quote, a list item, a setext underline) is
/// escaped there too.
fn md_lines(text: &str, continuation: &str) -> String {
    text.trim()
        .lines()
        .map(|line| {
            let line = md(line);
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            if line.starts_with(['-', '+', '=', '>']) {
                format!("\\{line}")
            } else if digits > 0 && line[digits..].starts_with(['.', ')']) {
                format!("{}\\{}", &line[..digits], &line[digits..])
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join(&format!("  \n{continuation}"))
}

/// A table's head: the column names, then the alignment row, one letter
/// of `align` per column: `r` right-aligned (numbers), anything else left.
pub(crate) fn head(out: &mut String, names: &[&str], align: &str) {
    row(out, names);
    let rule: Vec<&str> = align
        .chars()
        .map(|c| if c == 'r' { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "| {} |", rule.join(" | "));
}

/// A table row, every cell escaped with [`md`].
pub(crate) fn row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    let cells: Vec<String> = cells.iter().map(|c| md(c.as_ref())).collect();
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

/// The result as Markdown; it starts with `# `.
pub fn render(a: &Assessment, answers: &Answers, s: &Score) -> String {
    let mut out = format!("# {}: results\n\n", md(&a.title));
    result(&mut out, a, answers, s, &counts(s), &[], &[]);
    out
}

/// The session report as Markdown; it starts with `# `.
pub fn report(input: &ReportInput) -> String {
    let mut out = format!("# {}\n\n", md(&input.title()));
    if let Some(date) = input.date() {
        let _ = writeln!(out, "Date: {date}\n");
    }
    if let Some(line) = input.coach_line() {
        let _ = writeln!(out, "_{}_\n", md(&line));
    }
    for note in input.session_notes() {
        let label = note.label;
        let _ = writeln!(out, "> **{label}:** {}\n", md_lines(note.text, "> "));
    }
    reading(&mut out, input.assessment, input.score, input.finished());
    out.push_str("## Result\n\n");
    let (goals, reviews) = (input.goals(), input.reviews());
    result(
        &mut out,
        input.assessment,
        input.answers,
        input.score,
        &input.counts(),
        goals,
        reviews,
    );
    out.push_str("\n## Answers\n");
    input.each_question(&mut out, |t| format!("\n### {}\n", md(t)), question);
    sanitize::clean(&out)
}

/// "In short" and "How to read this": the result in plain sentences and
/// what its percents and bands mean, for a reader who was not there.
fn reading(out: &mut String, a: &Assessment, s: &Score, finished: bool) {
    out.push_str("## In short\n\n");
    for line in takeaway::in_short(a, s, finished) {
        let _ = writeln!(out, "{}\n", md(&line));
    }
    out.push_str("## How to read this\n\n");
    let _ = writeln!(out, "- **Percents.** {}", md(takeaway::PERCENT_MEANING));
    out.push_str("- **Bands.**\n");
    for b in takeaway::bands(a) {
        let _ = writeln!(
            out,
            "  - **{}** ({}): {}",
            md(&b.label),
            b.range,
            md(&b.meaning)
        );
    }
    if let Some(below) = takeaway::below_bands(a) {
        let _ = writeln!(out, "  - {below}");
    }
    if let Some(close) = takeaway::close_meaning(a, s) {
        let _ = writeln!(out, "- **Close behind.** {close}");
    }
    let _ = writeln!(out, "- {}\n", takeaway::STARTING_POINT);
}

/// Headline, profile and counts, then tracks, axes, sections, reasons,
/// the review of the last plan and the development plan. Each block after
/// the tracks starts with its blank line, so none is doubled.
fn result(
    out: &mut String,
    a: &Assessment,
    answers: &Answers,
    s: &Score,
    counts_line: &str,
    goals: &[Goal],
    reviews: &[Review],
) {
    let _ = writeln!(out, "**{}**\n", md(&headline(a, s)));
    let p = profile(a, s);
    if !p.is_empty() {
        let _ = writeln!(out, "Profile: {}\n", md(&p));
    }
    let _ = writeln!(out, "_{}_\n", counts_line);
    tracks(out, a, s);
    axes(out, a, s);
    sections(out, a, s);
    why(out, a, answers, s);
    since(out, reviews);
    plan(out, a, answers, s, goals);
}

fn tracks(out: &mut String, a: &Assessment, s: &Score) {
    out.push_str("## Tracks\n\n");
    head(out, &["Rank", "Track", "Score", "Band"], "rlrl");
    for t in &s.tracks {
        let name = &a.tracks[t.track].name;
        row(
            out,
            &[
                &t.rank.to_string(),
                name,
                &percent(t.score),
                band(a, t, "–"),
            ],
        );
    }
}

fn axes(out: &mut String, a: &Assessment, s: &Score) {
    if s.axes.is_empty() {
        return;
    }
    out.push_str("\n## Axes\n\n");
    head(out, &["Axis", "From", "Position", "To", "Leaning"], "llrll");
    for pos in &s.axes {
        let axis = &a.axes[pos.axis];
        row(
            out,
            &[
                &axis.label,
                &a.tracks[axis.left].name,
                &position(pos.position),
                &a.tracks[axis.right].name,
                &leaning(a, pos.position, pos.leaning),
            ],
        );
    }
    out.push_str(
        "\nA position runs from -1 (all the way to the first track) to +1 (all the way to the second).\n",
    );
}

fn sections(out: &mut String, a: &Assessment, s: &Score) {
    out.push_str("\n## Sections\n\n");
    let names: Vec<&str> = std::iter::once("Section")
        .chain(a.tracks.iter().map(|t| t.short.as_str()))
        .collect();
    head(out, &names, &format!("l{}", "r".repeat(a.tracks.len())));
    for sec in &s.sections {
        let title = a.sections[sec.section].title.clone();
        let scores = sec.scores.iter().map(|v| percent(*v));
        row(
            out,
            &std::iter::once(title).chain(scores).collect::<Vec<_>>(),
        );
    }
}

fn why(out: &mut String, a: &Assessment, answers: &Answers, s: &Score) {
    let reasons = super::why(a, answers, s);
    if !reasons.is_empty() {
        out.push_str("\n## Why\n\n");
        for r in reasons {
            let _ = writeln!(out, "- {}", md(&r));
        }
    }
}

/// "Since last time": each goal of the last session and how it went.
fn since(out: &mut String, reviews: &[Review]) {
    if reviews.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## Since last time\n\n{}\n", takeaway::REVIEW_INTRO);
    for r in reviews {
        let _ = writeln!(
            out,
            "- {}: **{}**",
            md(&r.goal.text),
            md(&takeaway::review_words(r))
        );
    }
}

/// The goals chosen, if any, then the steps the top track(s) suggest.
fn plan(out: &mut String, a: &Assessment, answers: &Answers, s: &Score, goals: &[Goal]) {
    if !goals.is_empty() {
        let _ = writeln!(out, "\n## Development plan\n\n{}\n", takeaway::GOALS_INTRO);
        for (i, g) in goals.iter().enumerate() {
            let parts = takeaway::goal_parts(a, g);
            let _ = write!(out, "{}. **{}**", i + 1, md(&g.text));
            for p in parts {
                let _ = write!(out, "  \n   {}", md(&super::capitalise(&p)));
            }
            out.push('\n');
        }
    }
    if let Some(intro) = plan_intro(a, s) {
        match goals.is_empty() {
            true => {
                let _ = writeln!(out, "\n## Development plan\n\n{}", md(&intro));
            }
            false => {
                let _ = writeln!(out, "\n**{}.** {}", takeaway::SUGGESTED, md(&intro));
            }
        }
        let offer = crate::steps::Offer::new(a, answers);
        for t in &s.top {
            plan_track(out, a, *t, &offer.track(*t));
        }
        for (blend, steps) in offer.blends(&s.top) {
            let _ = writeln!(
                out,
                "\n### {}\n",
                md(&crate::steps::blend_heading(a, blend))
            );
            for step in steps {
                let _ = writeln!(out, "- [ ] {}", md(step));
            }
        }
    }
}

fn plan_track(out: &mut String, a: &Assessment, t: TrackIndex, steps: &[&str]) {
    let track = &a.tracks[t];
    let _ = writeln!(out, "\n### {}", md(&track.name));
    if !has_profile(track) {
        let _ = writeln!(out, "\n{}", md(&no_plan(&track.name)));
        return;
    }
    if let Some(summary) = &track.summary {
        let _ = writeln!(out, "\n{}", md(summary));
    }
    if !track.strengths.is_empty() {
        let _ = write!(out, "\n**{}**\n\n", super::STRENGTHS);
        for item in &track.strengths {
            let _ = writeln!(out, "- {}", md(item));
        }
    }
    if !steps.is_empty() {
        out.push_str("\n**Next steps**\n\n");
        for item in steps {
            let _ = writeln!(out, "- [ ] {}", md(item));
        }
    }
}

/// One question with its answer, coach prompt and note.
fn question(out: &mut String, item: &Item) {
    let _ = writeln!(out, "\n**{} {}**\n", item.label(), md(&item.question.text));
    match item.shown() {
        Shown::Ranked(labels) => {
            out.push_str("- Answer, most preferred first:\n");
            for (i, label) in labels.iter().enumerate() {
                let _ = writeln!(out, "  {}. {}", i + 1, md(label));
            }
        }
        Shown::Words(text) => {
            let _ = writeln!(out, "- Answer: {}", md(text));
        }
        Shown::Missing(words) => {
            let _ = writeln!(out, "- _{}_", super::capitalise(words));
        }
    }
    if let Some(c) = item.coach {
        let _ = writeln!(out, "- Coach prompt: _{}_", md(c));
    }
    for n in &item.notes {
        let _ = writeln!(out, "- {}: {}", n.label, md_lines(n.text, "  "));
    }
}
