//! The report of a whole session (`crossroads report`): the result, a
//! development plan, and every question with its answer and note.
//!
//! Four renderings of the same content, all pure functions of a
//! [`ReportInput`]: Markdown, one self-contained HTML file, JSON and plain
//! text. In order they hold: a title (assessment, person, date), the
//! session note, the headline and profile, the ranked tracks, the axes, the
//! section breakdown, the reasons, a development plan from the top
//! track(s), then every question in file order with its answer in words,
//! the coach prompt (only when the session was taken in coach mode) and the
//! coach's note.
//!
//! A question hidden by its `show_if` is shown as "hidden by an earlier
//! answer" without its answer even when one is kept in the session: like
//! the score, the report ignores it.
//!
//! Markdown and text have control characters and escape sequences removed
//! (`sanitize::clean`), so either may be printed to a terminal as it is.
//! In HTML every string from the assessment, the answers, the notes and the
//! session is cleaned and then escaped.

use super::{headline, percent, profile, reason_sentence, top_reasons};
use crate::answers::{Answer, Answers, describe};
use crate::assessment::{Assessment, Question, QuestionIndex, TrackIndex};
use crate::sanitize;
use crate::scoring::{AxisPosition, Score, TrackScore};
use crate::session::Meta;
use serde_json::{Map, Value, json};
use std::fmt::Write;

/// What a report is made from.
pub struct ReportInput<'a> {
    pub assessment: &'a Assessment,
    pub answers: &'a Answers,
    /// The session's bookkeeping (person, dates, coach mode), when there is one.
    pub meta: Option<&'a Meta>,
    pub score: &'a Score,
}

/// How many reasons per top track the report gives.
const REASONS_PER_TRACK: usize = 3;

/// What became of one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Answered,
    Skipped,
    Hidden,
}

impl Status {
    fn id(self) -> &'static str {
        match self {
            Status::Answered => "answered",
            Status::Skipped => "skipped",
            Status::Hidden => "hidden",
        }
    }

    /// The words shown instead of an answer, when there is none.
    fn words(self) -> &'static str {
        match self {
            Status::Answered => "answered",
            Status::Skipped => "skipped",
            Status::Hidden => "hidden by an earlier answer",
        }
    }
}

/// One question as the report shows it.
struct Item<'a> {
    index: QuestionIndex,
    question: &'a Question,
    status: Status,
    /// The counted answer (None when skipped or hidden).
    answer: Option<&'a Answer>,
    /// The answer in words.
    answer_text: Option<String>,
    /// The coach prompt, only in coach mode.
    coach: Option<&'a str>,
    note: Option<&'a str>,
}

impl Item<'_> {
    /// The labels of a rank answer, most preferred first.
    fn ranked(&self) -> Option<Vec<&str>> {
        match self.answer {
            Some(Answer::Rank(order)) => Some(
                order
                    .iter()
                    .map(|o| self.question.options()[*o].label.as_str())
                    .collect(),
            ),
            _ => None,
        }
    }
}

impl<'a> ReportInput<'a> {
    fn coach_mode(&self) -> bool {
        self.meta.is_some_and(|m| m.coach)
    }

    /// The person's name, when the session has one.
    fn person(&self) -> Option<&'a str> {
        self.meta
            .and_then(|m| m.name.as_deref())
            .map(str::trim)
            .filter(|n| !n.is_empty())
    }

    /// The session's date as YYYY-MM-DD: when it was last updated, or
    /// else when it started. None when neither holds a date.
    fn date(&self) -> Option<String> {
        let meta = self.meta?;
        [meta.updated.as_str(), meta.started.as_str()]
            .into_iter()
            .find_map(date_part)
    }

    fn session_note(&self) -> Option<&'a str> {
        self.meta
            .and_then(|m| m.note.as_deref())
            .map(str::trim)
            .filter(|n| !n.is_empty())
    }

    /// Every question in file order.
    fn items(&self) -> Vec<Item<'a>> {
        let a = self.assessment;
        let coach = self.coach_mode();
        a.questions
            .iter()
            .enumerate()
            .map(|(q, question)| {
                let visible = self.score.visible.get(q).copied().unwrap_or(true);
                let answer = if visible { self.answers.get(q) } else { None };
                let status = match (visible, answer) {
                    (false, _) => Status::Hidden,
                    (true, None) => Status::Skipped,
                    (true, Some(_)) => Status::Answered,
                };
                Item {
                    index: q,
                    question,
                    status,
                    answer,
                    answer_text: answer.map(|ans| describe(a, q, ans)),
                    coach: question
                        .coach
                        .as_deref()
                        .map(str::trim)
                        .filter(|c| coach && !c.is_empty()),
                    note: self
                        .answers
                        .notes
                        .get(&question.id)
                        .map(|n| n.trim())
                        .filter(|n| !n.is_empty()),
                }
            })
            .collect()
    }

    /// The title line: "Sample paths: report for Ada".
    fn title(&self) -> String {
        match self.person() {
            Some(p) => format!("{}: report for {p}", self.assessment.title.trim()),
            None => format!("{}: report", self.assessment.title.trim()),
        }
    }

    fn counts(&self) -> String {
        let s = self.score;
        format!(
            "{} of {} questions answered, {} skipped, {} hidden.",
            s.answered, s.total, s.skipped, s.hidden
        )
    }

    fn band(&self, t: &TrackScore) -> Option<&'a str> {
        t.band.map(|b| self.assessment.bands[b].label.as_str())
    }

    /// "Guide", "balanced" or "not enough answers".
    fn leaning(&self, p: &AxisPosition) -> String {
        match (p.position, p.leaning) {
            (None, _) => "not enough answers".to_string(),
            (Some(_), Some(t)) => self.assessment.tracks[t].name.clone(),
            (Some(_), None) => "balanced".to_string(),
        }
    }

    /// The sentence that opens the development plan.
    fn plan_intro(&self) -> Option<String> {
        let a = self.assessment;
        let names: Vec<&str> = self
            .score
            .top
            .iter()
            .map(|t| a.tracks[*t].name.as_str())
            .collect();
        match names.as_slice() {
            [] => None,
            [one] => Some(format!(
                "Built from your strongest fit, {one}: the strengths to lean on and the next steps to take."
            )),
            many => Some(format!(
                "Your result is a blend, so the plan draws on each of {}: strengths to lean on and next steps to take in each.",
                crate::assessment::problem::one_of(many).replace(" or ", " and ")
            )),
        }
    }
}

/// "2026-11-25" from "2026-11-25T12:00:00Z", or None.
fn date_part(stamp: &str) -> Option<String> {
    let d = stamp.trim().get(..10)?;
    let b = d.as_bytes();
    let shape = b.iter().enumerate().all(|(i, c)| {
        if i == 4 || i == 7 {
            *c == b'-'
        } else {
            c.is_ascii_digit()
        }
    });
    shape.then(|| d.to_string())
}

/// Text on one line: each line trimmed, blank lines dropped, joined by a space.
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The raw answer as the answers file writes it.
fn raw_answer(q: &Question, answer: &Answer) -> Value {
    let id = |o: &usize| Value::String(q.options()[*o].id.clone());
    match answer {
        Answer::Likert(v) => json!(v),
        Answer::Choice(o) => id(o),
        Answer::Multi(list) | Answer::Rank(list) => Value::Array(list.iter().map(id).collect()),
        Answer::Text(t) => json!(t),
    }
}

// ---------------------------------------------------------------- Markdown

/// Markdown inline text: on one line, `|` escaped (safe in table cells) and
/// a `<` that could open an HTML tag escaped, so the text shows as written.
pub(crate) fn md(text: &str) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '|' => out.push_str("\\|"),
            '<' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) =>
            {
                out.push_str("\\<");
            }
            c => out.push(c),
        }
    }
    out
}

/// The report as Markdown that reads well on GitHub; it starts with `# `.
pub fn markdown(input: &ReportInput) -> String {
    let a = input.assessment;
    let s = input.score;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&input.title()));
    if let Some(date) = input.date() {
        let _ = writeln!(out, "Date: {date}\n");
    }
    if let Some(note) = input.session_note() {
        let _ = writeln!(out, "> **Session note:** {}\n", md(note));
    }

    let _ = writeln!(out, "## Result\n\n**{}**\n", md(&headline(a, s)));
    let p = profile(a, s);
    if !p.is_empty() {
        let _ = writeln!(out, "Profile: {}\n", md(&p));
    }
    let _ = writeln!(out, "_{}_\n", input.counts());

    let _ = writeln!(
        out,
        "## Tracks\n\n| Rank | Track | Score | Band |\n| ---: | --- | ---: | --- |"
    );
    for t in &s.tracks {
        let band = match (t.score, input.band(t)) {
            (None, _) => "not enough answers",
            (Some(_), Some(b)) => b,
            (Some(_), None) => "–",
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            t.rank,
            md(&a.tracks[t.track].name),
            percent(t.score),
            md(band)
        );
    }

    if !s.axes.is_empty() {
        let _ = writeln!(
            out,
            "\n## Axes\n\n| Axis | From | Position | To | Leaning |\n| --- | --- | ---: | --- | --- |"
        );
        for pos in &s.axes {
            let axis = &a.axes[pos.axis];
            let position = pos
                .position
                .map_or_else(|| "–".to_string(), |p| format!("{p:+.2}"));
            let _ = writeln!(
                out,
                "| {} | {} | {position} | {} | {} |",
                md(&axis.label),
                md(&a.tracks[axis.left].name),
                md(&a.tracks[axis.right].name),
                md(&input.leaning(pos))
            );
        }
        let _ = writeln!(
            out,
            "\nA position runs from -1 (all the way to the first track) to +1 (all the way to the second)."
        );
    }

    let shorts: Vec<String> = a.tracks.iter().map(|t| md(&t.short)).collect();
    let _ = writeln!(
        out,
        "\n## Sections\n\n| Section | {} |\n| --- |{}",
        shorts.join(" | "),
        " ---: |".repeat(shorts.len())
    );
    for sec in &s.sections {
        let scores: Vec<String> = sec.scores.iter().map(|v| percent(*v)).collect();
        let _ = writeln!(
            out,
            "| {} | {} |",
            md(&a.sections[sec.section].title),
            scores.join(" | ")
        );
    }

    let reasons = top_reasons(s, REASONS_PER_TRACK);
    if !reasons.is_empty() {
        let _ = writeln!(out, "\n## Why\n");
        for r in reasons {
            let _ = writeln!(out, "- {}", md(&reason_sentence(a, input.answers, r)));
        }
    }

    if let Some(intro) = input.plan_intro() {
        let _ = writeln!(out, "\n## Development plan\n\n{}", md(&intro));
        for t in &s.top {
            markdown_plan(&mut out, a, *t);
        }
    }

    let _ = writeln!(out, "\n## Answers");
    let items = input.items();
    for (si, section) in a.sections.iter().enumerate() {
        let _ = writeln!(out, "\n### {}", md(&section.title));
        for item in items.iter().filter(|i| i.question.section == si) {
            let _ = writeln!(
                out,
                "\n**{}. {}**\n",
                item.index + 1,
                md(&item.question.text)
            );
            match (&item.answer_text, item.ranked()) {
                (Some(_), Some(labels)) => {
                    let _ = writeln!(out, "- Answer, most preferred first:");
                    for (i, label) in labels.iter().enumerate() {
                        let _ = writeln!(out, "  {}. {}", i + 1, md(label));
                    }
                }
                (Some(text), None) => {
                    let _ = writeln!(out, "- Answer: {}", md(text));
                }
                (None, _) => {
                    let _ = writeln!(out, "- _{}_", capitalise(item.status.words()));
                }
            }
            if let Some(c) = item.coach {
                let _ = writeln!(out, "- Coach prompt: _{}_", md(c));
            }
            if let Some(n) = item.note {
                let _ = writeln!(out, "- Note: {}", md(n));
            }
        }
    }
    sanitize::clean(&out)
}

fn markdown_plan(out: &mut String, a: &Assessment, t: TrackIndex) {
    let track = &a.tracks[t];
    // Every block starts with its blank line, so none is doubled.
    let _ = writeln!(out, "\n### {}", md(&track.name));
    if !super::has_profile(track) {
        let _ = writeln!(
            out,
            "\nThis assessment lists no strengths or next steps for {}.",
            md(&track.name)
        );
        return;
    }
    if let Some(summary) = &track.summary {
        let _ = writeln!(out, "\n{}", md(summary));
    }
    if !track.strengths.is_empty() {
        let _ = writeln!(out, "\n**Strengths to build on**\n");
        for item in &track.strengths {
            let _ = writeln!(out, "- {}", md(item));
        }
    }
    if !track.growth.is_empty() {
        let _ = writeln!(out, "\n**Next steps**\n");
        for item in &track.growth {
            let _ = writeln!(out, "- [ ] {}", md(item));
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

// -------------------------------------------------------------------- HTML

/// HTML text: cleaned of control characters, then `&`, `<`, `>`, `"` and
/// `'` escaped, so it is safe both as element text and in attributes.
fn esc(text: &str) -> String {
    let clean = sanitize::clean(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --accent: #0b5cad; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; line-height: 1.25; }
h2 { font-size: 1.3rem; margin: 2.25rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
.meta, .counts, .hint { color: var(--muted); }
.session-note { border-left: 4px solid var(--accent); background: var(--soft); padding: .6rem 1rem; margin: 1rem 0; }
.headline { font-size: 1.35rem; font-weight: 700; margin: .5rem 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
th { font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.top td { font-weight: 600; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; fill: var(--ink); }
.axis { margin: .75rem 0 1.25rem; }
.axis-row { display: flex; align-items: center; gap: .6rem; }
.axis-row .end { flex: 0 0 9rem; }
.axis-row .end.left { text-align: right; }
.plan-track { margin-bottom: 1.5rem; }
.q { border-top: 1px solid var(--line); padding: .6rem 0; }
.q p { margin: .2rem 0; }
.qtext { font-weight: 600; }
.qnum { color: var(--muted); font-weight: 400; }
.status { color: var(--muted); font-style: italic; }
.coach { border-left: 3px solid var(--line); padding-left: .6rem; color: var(--muted); }
p.answer, .note, .session-note p { white-space: pre-wrap; }
.answer ol { margin: .2rem 0; }
.label { font-weight: 600; }
@media print {
  body { background: #ffffff; color: #000000; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .session-note { background: none; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, tr, .axis, .plan-track, .q { break-inside: avoid; page-break-inside: avoid; }
  svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  @page { margin: 1.6cm; }
}
"#;

/// A horizontal bar for a score with its percent written beside it.
fn svg_bar(score: Option<f64>, top: bool) -> String {
    const W: f64 = 200.0;
    let filled = score.map_or(0.0, |s| (s.clamp(0.0, 100.0) / 100.0 * W).round());
    let colour = if top { "#0b5cad" } else { "#6e8fb3" };
    let label = match score {
        Some(_) => percent(score),
        None => "not enough answers".to_string(),
    };
    format!(
        "<svg class=\"bar\" width=\"330\" height=\"20\" viewBox=\"0 0 330 20\" role=\"img\" aria-label=\"{label}\">\
<rect x=\"0\" y=\"3\" width=\"{W}\" height=\"14\" rx=\"3\" fill=\"#e6eaef\" stroke=\"#c4ccd5\"/>\
<rect x=\"0\" y=\"3\" width=\"{filled}\" height=\"14\" rx=\"3\" fill=\"{colour}\"/>\
<text x=\"{x}\" y=\"15\">{label}</text></svg>",
        x = W + 8.0
    )
}

/// A spectrum from -1 to 1 with a marker at the position and its value.
fn svg_axis(position: Option<f64>, label: &str) -> String {
    const X0: f64 = 10.0;
    const X1: f64 = 290.0;
    let mid = (X0 + X1) / 2.0;
    let mut out = format!(
        "<svg class=\"spectrum\" width=\"300\" height=\"40\" viewBox=\"0 0 300 40\" role=\"img\" aria-label=\"{}\">\
<line x1=\"{X0}\" y1=\"26\" x2=\"{X1}\" y2=\"26\" stroke=\"#8c959f\" stroke-width=\"2\"/>\
<line x1=\"{mid}\" y1=\"20\" x2=\"{mid}\" y2=\"32\" stroke=\"#8c959f\" stroke-width=\"1\"/>",
        esc(label)
    );
    match position {
        Some(p) => {
            let x = X0 + (p.clamp(-1.0, 1.0) + 1.0) / 2.0 * (X1 - X0);
            let _ = write!(
                out,
                "<circle cx=\"{x:.1}\" cy=\"26\" r=\"6\" fill=\"#0b5cad\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\
<text x=\"{x:.1}\" y=\"12\" text-anchor=\"middle\">{p:+.2}</text>"
            );
        }
        None => {
            let _ = write!(
                out,
                "<text x=\"{mid}\" y=\"12\" text-anchor=\"middle\">not enough answers</text>"
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// The report as one self-contained HTML file: inline CSS, inline SVG,
/// nothing fetched from anywhere, and a print style.
pub fn html(input: &ReportInput) -> String {
    let a = input.assessment;
    let s = input.score;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        esc(&input.title())
    );

    let _ = writeln!(out, "<header>\n<h1>{}</h1>", esc(a.title.trim()));
    let mut meta_line = Vec::new();
    if let Some(p) = input.person() {
        meta_line.push(format!("Report for <strong>{}</strong>", esc(p)));
    } else {
        meta_line.push("Report".to_string());
    }
    if let Some(d) = input.date() {
        meta_line.push(esc(&d));
    }
    if input.coach_mode() {
        meta_line.push("coach session".to_string());
    }
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>\n</header>",
        meta_line.join(" · ")
    );
    if let Some(note) = input.session_note() {
        let _ = writeln!(
            out,
            "<div class=\"session-note\"><p><span class=\"label\">Session note:</span> {}</p></div>",
            esc(note)
        );
    }

    let _ = writeln!(
        out,
        "<section>\n<h2>Result</h2>\n<p class=\"headline\">{}</p>",
        esc(&headline(a, s))
    );
    let p = profile(a, s);
    if !p.is_empty() {
        let _ = writeln!(out, "<p>Profile: {}</p>", esc(&p));
    }
    let _ = writeln!(
        out,
        "<p class=\"counts\">{}</p>\n</section>",
        esc(&input.counts())
    );

    let _ = writeln!(
        out,
        "<section>\n<h2>Tracks</h2>\n<table class=\"tracks\">\n<thead><tr><th class=\"num\">Rank</th><th>Track</th><th>Score</th><th>Band</th></tr></thead>\n<tbody>"
    );
    for t in &s.tracks {
        let top = s.top.contains(&t.track);
        let band = match (t.score, input.band(t)) {
            (None, _) => "not enough answers",
            (Some(_), Some(b)) => b,
            (Some(_), None) => "–",
        };
        let _ = writeln!(
            out,
            "<tr{}><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            if top { " class=\"top\"" } else { "" },
            t.rank,
            esc(&a.tracks[t.track].name),
            svg_bar(t.score, top),
            esc(band)
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</section>");

    if !s.axes.is_empty() {
        let _ = writeln!(out, "<section>\n<h2>Axes</h2>");
        for pos in &s.axes {
            let axis = &a.axes[pos.axis];
            let (l, r) = (&a.tracks[axis.left].name, &a.tracks[axis.right].name);
            let _ = writeln!(
                out,
                "<div class=\"axis\">\n<h3>{}</h3>\n<div class=\"axis-row\"><span class=\"end left\">{}</span>{}<span class=\"end\">{}</span></div>\n<p>Leaning: {}</p>\n</div>",
                esc(&axis.label),
                esc(l),
                svg_axis(pos.position, &axis.label),
                esc(r),
                esc(&input.leaning(pos))
            );
        }
        let _ = writeln!(
            out,
            "<p class=\"hint\">A position runs from -1 (all the way to the left track) to +1 (all the way to the right).</p>\n</section>"
        );
    }

    let _ = write!(
        out,
        "<section>\n<h2>Sections</h2>\n<table class=\"sections\">\n<thead><tr><th>Section</th>"
    );
    for t in &a.tracks {
        let _ = write!(out, "<th class=\"num\">{}</th>", esc(&t.short));
    }
    let _ = writeln!(out, "</tr></thead>\n<tbody>");
    for sec in &s.sections {
        let _ = write!(out, "<tr><td>{}</td>", esc(&a.sections[sec.section].title));
        for v in &sec.scores {
            let _ = write!(out, "<td class=\"num\">{}</td>", percent(*v));
        }
        let _ = writeln!(out, "</tr>");
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</section>");

    let reasons = top_reasons(s, REASONS_PER_TRACK);
    if !reasons.is_empty() {
        let _ = writeln!(out, "<section>\n<h2>Why</h2>\n<ul>");
        for r in reasons {
            let _ = writeln!(
                out,
                "<li>{}</li>",
                esc(&reason_sentence(a, input.answers, r))
            );
        }
        let _ = writeln!(out, "</ul>\n</section>");
    }

    if let Some(intro) = input.plan_intro() {
        let _ = writeln!(
            out,
            "<section>\n<h2>Development plan</h2>\n<p>{}</p>",
            esc(&intro)
        );
        for t in &s.top {
            html_plan(&mut out, a, *t);
        }
        let _ = writeln!(out, "</section>");
    }

    let _ = writeln!(out, "<section>\n<h2>Answers</h2>");
    let items = input.items();
    for (si, section) in a.sections.iter().enumerate() {
        let _ = writeln!(out, "<h3>{}</h3>", esc(&section.title));
        for item in items.iter().filter(|i| i.question.section == si) {
            let _ = writeln!(
                out,
                "<div class=\"q {}\">\n<p class=\"qtext\"><span class=\"qnum\">{}.</span> {}</p>",
                item.status.id(),
                item.index + 1,
                esc(&item.question.text)
            );
            match (&item.answer_text, item.ranked()) {
                (Some(_), Some(labels)) => {
                    let _ = writeln!(
                        out,
                        "<div class=\"answer\"><span class=\"label\">Answer, most preferred first:</span>\n<ol>"
                    );
                    for label in labels {
                        let _ = writeln!(out, "<li>{}</li>", esc(label));
                    }
                    let _ = writeln!(out, "</ol>\n</div>");
                }
                (Some(text), None) => {
                    let _ = writeln!(
                        out,
                        "<p class=\"answer\"><span class=\"label\">Answer:</span> {}</p>",
                        esc(text)
                    );
                }
                (None, _) => {
                    let _ = writeln!(
                        out,
                        "<p class=\"status\">{}</p>",
                        capitalise(item.status.words())
                    );
                }
            }
            if let Some(c) = item.coach {
                let _ = writeln!(
                    out,
                    "<p class=\"coach\"><span class=\"label\">Coach prompt:</span> {}</p>",
                    esc(c)
                );
            }
            if let Some(n) = item.note {
                let _ = writeln!(
                    out,
                    "<p class=\"note\"><span class=\"label\">Note:</span> {}</p>",
                    esc(n)
                );
            }
            let _ = writeln!(out, "</div>");
        }
    }
    let _ = writeln!(out, "</section>\n</main>\n</body>\n</html>");
    out
}

fn html_plan(out: &mut String, a: &Assessment, t: TrackIndex) {
    let track = &a.tracks[t];
    let _ = writeln!(
        out,
        "<div class=\"plan-track\">\n<h3>{}</h3>",
        esc(&track.name)
    );
    if !super::has_profile(track) {
        let _ = writeln!(
            out,
            "<p>This assessment lists no strengths or next steps for {}.</p>",
            esc(&track.name)
        );
    }
    if let Some(summary) = &track.summary {
        let _ = writeln!(out, "<p>{}</p>", esc(summary.trim()));
    }
    if !track.strengths.is_empty() {
        let _ = writeln!(out, "<h4>Strengths to build on</h4>\n<ul>");
        for item in &track.strengths {
            let _ = writeln!(out, "<li>{}</li>", esc(item));
        }
        let _ = writeln!(out, "</ul>");
    }
    if !track.growth.is_empty() {
        let _ = writeln!(out, "<h4>Next steps</h4>\n<ol>");
        for item in &track.growth {
            let _ = writeln!(out, "<li>{}</li>", esc(item));
        }
        let _ = writeln!(out, "</ol>");
    }
    let _ = writeln!(out, "</div>");
}

// -------------------------------------------------------------------- JSON

/// Everything of `report::json::score_json`, with the same keys, plus
/// `person`, `date`, `coach`, `session_note`, `answers` (every question in
/// file order) and `notes`. Strings are as written, not cleaned.
pub fn json(input: &ReportInput) -> Value {
    let a = input.assessment;
    let mut doc = super::json::score_json(a, input.answers, input.score);
    let answers: Vec<Value> = input
        .items()
        .iter()
        .map(|item| {
            let q = item.question;
            json!({
                "id": q.id,
                "section": a.sections[q.section].id,
                "text": q.text,
                "type": q.type_name(),
                "status": item.status.id(),
                "answer": item.answer.map(|ans| raw_answer(q, ans)),
                "answer_text": item.answer_text,
                "coach": item.coach,
                "note": item.note,
            })
        })
        .collect();
    let notes: Map<String, Value> = input
        .answers
        .notes
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    if let Value::Object(map) = &mut doc {
        map.insert("person".into(), json!(input.person()));
        map.insert("date".into(), json!(input.date()));
        map.insert("coach".into(), json!(input.coach_mode()));
        map.insert("session_note".into(), json!(input.session_note()));
        map.insert("answers".into(), Value::Array(answers));
        map.insert("notes".into(), Value::Object(notes));
    }
    doc
}

// -------------------------------------------------------------------- Text

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

/// The report as plain text for a terminal or a pipe, every track named.
pub fn text(input: &ReportInput) -> String {
    let a = input.assessment;
    let s = input.score;
    let mut out = String::new();
    let title = input.title();
    let _ = writeln!(out, "{title}\n{}", "=".repeat(title.chars().count()));
    if let Some(date) = input.date() {
        let _ = writeln!(out, "Date: {date}");
    }
    if let Some(note) = input.session_note() {
        indented(&mut out, 0, "Session note: ", note);
    }

    let _ = writeln!(out, "\n{}", headline(a, s));
    let p = profile(a, s);
    if !p.is_empty() {
        let _ = writeln!(out, "Profile: {p}");
    }
    let _ = writeln!(out, "{}", input.counts());

    let _ = writeln!(out, "\nTracks");
    let width = a
        .tracks
        .iter()
        .map(|t| t.name.chars().count())
        .max()
        .unwrap_or(0);
    for t in &s.tracks {
        let band = match (t.score, input.band(t)) {
            (None, _) => "not enough answers",
            (Some(_), b) => b.unwrap_or("no band"),
        };
        let _ = writeln!(
            out,
            "  {}. {:<width$}  {}  {:>4}  {band}",
            t.rank,
            a.tracks[t.track].name,
            super::bar(t.score, 20),
            percent(t.score)
        );
    }

    if !s.axes.is_empty() {
        let _ = writeln!(out, "\nAxes");
        for pos in &s.axes {
            let axis = &a.axes[pos.axis];
            let position = pos
                .position
                .map(|p| format!("  {p:+.2}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {}\n    {} {} {}{position}: {}",
                axis.label,
                a.tracks[axis.left].name,
                super::text::spectrum(pos.position, 21),
                a.tracks[axis.right].name,
                match pos.leaning {
                    Some(_) => format!("leaning {}", input.leaning(pos)),
                    None => input.leaning(pos),
                }
            );
        }
    }

    let _ = writeln!(out, "\nSections");
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

    let reasons = top_reasons(s, REASONS_PER_TRACK);
    if !reasons.is_empty() {
        let _ = writeln!(out, "\nWhy");
        for r in reasons {
            indented(&mut out, 2, "- ", &reason_sentence(a, input.answers, r));
        }
    }

    if let Some(intro) = input.plan_intro() {
        let _ = writeln!(out, "\nDevelopment plan\n  {intro}");
        for t in &s.top {
            let track = &a.tracks[*t];
            let _ = writeln!(out, "\n  {}", track.name);
            if !super::has_profile(track) {
                let _ = writeln!(
                    out,
                    "    This assessment lists no strengths or next steps for {}.",
                    track.name
                );
                continue;
            }
            if let Some(summary) = &track.summary {
                indented(&mut out, 4, "", &one_line(summary));
            }
            if !track.strengths.is_empty() {
                let _ = writeln!(out, "    Strengths to build on:");
                for item in &track.strengths {
                    indented(&mut out, 6, "- ", item);
                }
            }
            if !track.growth.is_empty() {
                let _ = writeln!(out, "    Next steps:");
                for (i, item) in track.growth.iter().enumerate() {
                    indented(&mut out, 6, &format!("{}. ", i + 1), item);
                }
            }
        }
    }

    let _ = writeln!(out, "\nAnswers");
    let items = input.items();
    for (si, section) in a.sections.iter().enumerate() {
        let _ = writeln!(out, "\n  {}", section.title);
        for item in items.iter().filter(|i| i.question.section == si) {
            let number = format!("{}. ", item.index + 1);
            indented(&mut out, 4, &number, &item.question.text);
            let pad = 4 + number.chars().count();
            match (&item.answer_text, item.ranked()) {
                (Some(_), Some(labels)) => {
                    let lines: Vec<String> = labels
                        .iter()
                        .enumerate()
                        .map(|(i, l)| format!("{}. {}", i + 1, one_line(l)))
                        .collect();
                    indented(&mut out, pad, "Answer: ", &lines.join("\n"));
                }
                (Some(t), None) => indented(&mut out, pad, "Answer: ", t),
                (None, _) => indented(&mut out, pad, "", &format!("({})", item.status.words())),
            }
            if let Some(c) = item.coach {
                indented(&mut out, pad, "Coach prompt: ", c);
            }
            if let Some(n) = item.note {
                indented(&mut out, pad, "Note: ", n);
            }
        }
    }
    sanitize::clean(&out)
}
