//! Markdown that reads well on GitHub: the result of `crossroads score
//! --format markdown` and the session report, built from the same sections.

use super::full::{Item, ReportInput, Shown};
use super::outline::{Facts, Outline, Plan, Reading, outline};
use super::{one_line, position, takeaway};
use crate::answers::Answers;
use crate::assessment::Assessment;
use crate::sanitize;
use crate::scoring::Score;
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
    layout(&mut out, &outline(&Facts::of_score(a, answers, s)));
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
    layout(&mut out, &input.outline());
    out.push_str("\n## Answers\n");
    input.each_question(&mut out, |t| format!("\n### {}\n", md(t)), question);
    sanitize::clean(&out)
}

/// The outline of a result, in its order. Each block after the first
/// starts with its blank line, so none is doubled.
fn layout(out: &mut String, o: &Outline) {
    if let Some(partial) = &o.partial {
        let _ = writeln!(out, "_{}_\n", md(partial));
    }
    let _ = writeln!(out, "**{}**\n", md(&o.headline));
    for line in &o.summary {
        let _ = writeln!(out, "{}\n", md(line));
    }
    let _ = writeln!(out, "_{}_\n", md(&o.counts));
    out.push_str("## Tracks\n\n");
    head(out, &["Rank", "Track", "Score", "Band"], "rlrl");
    for t in &o.tracks {
        let band = t.band.as_deref().unwrap_or("–");
        row(out, &[&t.rank.to_string(), &t.name, &t.percent, band]);
    }
    reading(out, &o.reading);
    leans(out, o);
    if !o.sections.is_empty() {
        out.push_str("\n## Sections\n\n");
        let names: Vec<&str> = std::iter::once("Section")
            .chain(o.columns.iter().map(String::as_str))
            .collect();
        head(out, &names, &format!("l{}", "r".repeat(o.columns.len())));
        for sec in &o.sections {
            let cells = std::iter::once(&sec.title).chain(&sec.percents);
            row(out, &cells.collect::<Vec<_>>());
        }
    }
    if !o.reasons.is_empty() {
        out.push_str("\n## Why\n\n");
        for r in &o.reasons {
            let _ = writeln!(out, "- {}", md(&r.text));
        }
    }
    if let Some(since) = &o.since {
        let when = since
            .when
            .as_ref()
            .map(|w| format!(" ({w})"))
            .unwrap_or_default();
        let _ = writeln!(out, "\n## Since last time{when}\n");
        for c in &since.changes {
            let _ = writeln!(out, "- {}", md(c));
        }
        if !since.goals.is_empty() {
            let _ = writeln!(out, "\n{}\n", takeaway::REVIEW_INTRO);
            for g in &since.goals {
                let _ = writeln!(out, "- {}", md(g));
            }
        }
    }
    plan(out, &o.plan);
}

/// What percents, bands and "close behind" mean, for a reader who was not there.
fn reading(out: &mut String, r: &Reading) {
    out.push_str("\n## How to read this\n\n");
    let _ = writeln!(out, "- **Percents.** {}", md(&r.percents));
    out.push_str("- **Bands.**\n");
    for b in &r.bands {
        let _ = writeln!(
            out,
            "  - **{}** ({}): {}",
            md(&b.label),
            b.range,
            md(&b.meaning)
        );
    }
    if let Some(below) = &r.below {
        let _ = writeln!(out, "  - {}", md(below));
    }
    if let Some(close) = &r.close {
        let _ = writeln!(out, "- **Close behind.** {}", md(close));
    }
    let _ = writeln!(out, "- {}", md(&r.starting_point));
}

/// The profile line and each axis with its verdict.
fn leans(out: &mut String, o: &Outline) {
    if o.leans.is_empty() {
        return;
    }
    out.push_str("\n## Where you lean\n\n");
    if let Some(p) = &o.profile {
        let _ = writeln!(out, "Profile: {}\n", md(p));
    }
    head(out, &["Axis", "From", "Position", "To", "Lean"], "llrll");
    for l in &o.leans {
        row(
            out,
            &[
                &l.label,
                &l.left,
                &position(l.position),
                &l.right,
                &l.verdict,
            ],
        );
    }
    out.push_str(
        "\nA position runs from -1 (all the way to the first track) to +1 (all the way to the second).\n",
    );
}

/// The goals chosen, if any, then the steps the top track(s) suggest.
fn plan(out: &mut String, p: &Plan) {
    if !p.goals.is_empty() {
        let _ = writeln!(out, "\n## Development plan\n\n{}\n", takeaway::GOALS_INTRO);
        for (i, g) in p.goals.iter().enumerate() {
            let _ = write!(out, "{}. **{}**", i + 1, md(&g.text));
            for part in &g.parts {
                let _ = write!(out, "  \n   {}", md(part));
            }
            out.push('\n');
        }
    }
    let Some(intro) = &p.intro else {
        return;
    };
    match p.goals.is_empty() {
        true => writeln!(out, "\n## Development plan\n\n{}", md(intro)),
        false => writeln!(out, "\n**{}.** {}", takeaway::SUGGESTED, md(intro)),
    }
    .ok();
    for t in &p.tracks {
        let _ = writeln!(out, "\n### {}", md(&t.name));
        if let Some(empty) = &t.empty {
            let _ = writeln!(out, "\n{}", md(empty));
        }
        if let Some(summary) = &t.summary {
            let _ = writeln!(out, "\n{}", md(summary));
        }
        if !t.strengths.is_empty() {
            let _ = write!(out, "\n**{}**\n\n", super::STRENGTHS);
            for item in &t.strengths {
                let _ = writeln!(out, "- {}", md(item));
            }
        }
        if !t.steps.is_empty() {
            out.push_str("\n**Next steps**\n\n");
            for item in &t.steps {
                let _ = writeln!(out, "- [ ] {}", md(item));
            }
        }
    }
    for b in &p.blends {
        let _ = writeln!(out, "\n### {}\n", md(&b.heading));
        for step in &b.steps {
            let _ = writeln!(out, "- [ ] {}", md(step));
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
