//! The session report as one self-contained HTML file: inline CSS
//! (`report.css`, with a print style), inline SVG, nothing fetched from
//! anywhere. Every string is cleaned of control characters and escaped.

use super::full::{Item, ReportInput, Shown};
use super::outline::{Outline, Plan, Reading};
use super::takeaway;
use super::{capitalise, svg};
use crate::sanitize;
use std::fmt::Write;

const CSS: &str = include_str!("report.css");

/// HTML text: cleaned of control characters, then `&`, `<`, `>`, `"` and
/// `'` escaped, so it is safe both as element text and in attributes.
pub(super) fn esc(text: &str) -> String {
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

/// The session report as one self-contained HTML page.
pub fn report(input: &ReportInput) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n",
        esc(&input.title())
    );
    header(&mut out, input);
    layout(&mut out, &input.outline());
    out.push_str("<section>\n<h2>Answers</h2>\n");
    input.each_question(&mut out, |t| format!("<h3>{}</h3>\n", esc(t)), question);
    out.push_str("</section>\n</main>\n</body>\n</html>\n");
    out
}

fn header(out: &mut String, input: &ReportInput) {
    let _ = writeln!(
        out,
        "<header>\n<h1>{}</h1>",
        esc(input.assessment.title.trim())
    );
    let mut meta_line = vec![match input.person() {
        Some(p) => format!("Report for <strong>{}</strong>", esc(p)),
        None => "Report".to_string(),
    }];
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
    if let Some(line) = input.coach_line() {
        let _ = writeln!(out, "<p class=\"hint\">{}</p>", esc(&line));
    }
    for note in input.session_notes() {
        let _ = writeln!(
            out,
            "<div class=\"session-note\"><p><span class=\"label\">{}:</span> {}</p></div>",
            note.label,
            esc(note.text)
        );
    }
}

/// "In short" and "How to read this", for a reader who was not there.
/// The outline of a result, in its order.
fn layout(out: &mut String, o: &Outline) {
    out.push_str("<section>\n<h2>Result</h2>\n");
    if let Some(partial) = &o.partial {
        let _ = writeln!(out, "<p class=\"partial\">{}</p>", esc(partial));
    }
    let _ = writeln!(out, "<p class=\"headline\">{}</p>", esc(&o.headline));
    for line in &o.summary {
        let _ = writeln!(out, "<p>{}</p>", esc(line));
    }
    let _ = writeln!(
        out,
        "<p class=\"counts\">{}</p>\n</section>",
        esc(&o.counts)
    );
    out.push_str("<section>\n<h2>Tracks</h2>\n<table class=\"tracks\">\n<thead><tr><th class=\"num\">Rank</th><th>Track</th><th>Score</th><th>Band</th></tr></thead>\n<tbody>\n");
    for t in &o.tracks {
        let _ = writeln!(
            out,
            "<tr{}><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            if t.top { " class=\"top\"" } else { "" },
            t.rank,
            esc(&t.name),
            svg::bar(t.score, t.top),
            esc(t.band.as_deref().unwrap_or("–"))
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    reading(out, &o.reading);
    leans(out, o);
    sections(out, o);
    if !o.reasons.is_empty() {
        out.push_str("<section>\n<h2>Why</h2>\n<ul>\n");
        for r in &o.reasons {
            let _ = writeln!(out, "<li>{}</li>", esc(&r.text));
        }
        out.push_str("</ul>\n</section>\n");
    }
    if let Some(since) = &o.since {
        let when = since
            .when
            .as_ref()
            .map(|w| format!(" ({})", esc(w)))
            .unwrap_or_default();
        let _ = writeln!(out, "<section>\n<h2>Since last time{when}</h2>");
        list(out, "<ul>", &since.changes, "</ul>");
        if !since.goals.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", esc(takeaway::REVIEW_INTRO));
            list(out, "<ul>", &since.goals, "</ul>");
        }
        out.push_str("</section>\n");
    }
    plan(out, &o.plan);
}

/// What percents, bands and "close behind" mean, for a reader who was not there.
fn reading(out: &mut String, r: &Reading) {
    out.push_str("<section>\n<h2>How to read this</h2>\n<ul>\n");
    let _ = writeln!(
        out,
        "<li><strong>Percents.</strong> {}</li>\n<li><strong>Bands.</strong>\n<ul>",
        esc(&r.percents)
    );
    for b in &r.bands {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong> ({}): {}</li>",
            esc(&b.label),
            esc(&b.range),
            esc(&b.meaning)
        );
    }
    if let Some(below) = &r.below {
        let _ = writeln!(out, "<li>{}</li>", esc(below));
    }
    out.push_str("</ul></li>\n");
    if let Some(close) = &r.close {
        let _ = writeln!(
            out,
            "<li><strong>Close behind.</strong> {}</li>",
            esc(close)
        );
    }
    let _ = writeln!(
        out,
        "<li>{}</li>\n</ul>\n</section>",
        esc(&r.starting_point)
    );
}

/// The profile line and each axis, drawn, with its verdict.
fn leans(out: &mut String, o: &Outline) {
    if o.leans.is_empty() {
        return;
    }
    out.push_str("<section>\n<h2>Where you lean</h2>\n");
    if let Some(p) = &o.profile {
        let _ = writeln!(out, "<p>Profile: {}</p>", esc(p));
    }
    for l in &o.leans {
        let _ = writeln!(
            out,
            "<div class=\"axis\">\n<h3>{}</h3>\n<div class=\"axis-row\"><span class=\"end left\">{}</span>{}<span class=\"end\">{}</span></div>\n<p class=\"verdict\">{}</p>\n</div>",
            esc(&l.label),
            esc(&l.left),
            svg::axis(l.position, &l.label),
            esc(&l.right),
            esc(&l.verdict)
        );
    }
    out.push_str("<p class=\"hint\">A position runs from -1 (all the way to the left track) to +1 (all the way to the right).</p>\n</section>\n");
}

fn sections(out: &mut String, o: &Outline) {
    if o.sections.is_empty() {
        return;
    }
    out.push_str(
        "<section>\n<h2>Sections</h2>\n<table class=\"sections\">\n<thead><tr><th>Section</th>",
    );
    for c in &o.columns {
        let _ = write!(out, "<th class=\"num\">{}</th>", esc(c));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for sec in &o.sections {
        let _ = write!(out, "<tr><td>{}</td>", esc(&sec.title));
        for v in &sec.percents {
            let _ = write!(out, "<td class=\"num\">{}</td>", esc(v));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// The goals chosen, if any, then the steps the top track(s) suggest.
fn plan(out: &mut String, p: &Plan) {
    if p.goals.is_empty() && p.intro.is_none() {
        return;
    }
    out.push_str("<section>\n<h2>Development plan</h2>\n");
    if !p.goals.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}</p>\n<ol class=\"goals\">",
            esc(takeaway::GOALS_INTRO)
        );
        for g in &p.goals {
            let _ = write!(out, "<li><strong>{}</strong>", esc(&g.text));
            for part in &g.parts {
                let _ = write!(out, "<br>{}", esc(part));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    if let Some(intro) = &p.intro {
        match p.goals.is_empty() {
            true => writeln!(out, "<p>{}</p>", esc(intro)),
            false => writeln!(
                out,
                "<h3>{}</h3>\n<p>{}</p>",
                takeaway::SUGGESTED,
                esc(intro)
            ),
        }
        .ok();
        for t in &p.tracks {
            let _ = writeln!(out, "<div class=\"plan-track\">\n<h3>{}</h3>", esc(&t.name));
            if let Some(empty) = &t.empty {
                let _ = writeln!(out, "<p>{}</p>", esc(empty));
            }
            if let Some(summary) = &t.summary {
                let _ = writeln!(out, "<p>{}</p>", esc(summary));
            }
            let heading = format!("<h4>{}</h4>\n<ul>", super::STRENGTHS);
            list(out, &heading, &t.strengths, "</ul>");
            list(out, "<h4>Next steps</h4>\n<ol>", &t.steps, "</ol>");
            out.push_str("</div>\n");
        }
        for b in &p.blends {
            let _ = writeln!(
                out,
                "<div class=\"plan-track\">\n<h3>{}</h3>",
                esc(&b.heading)
            );
            list(out, "<ol>", &b.steps, "</ol>");
            out.push_str("</div>\n");
        }
    }
    out.push_str("</section>\n");
}

/// A list of items between its opening and closing markup; nothing when empty.
fn list<S: AsRef<str>>(out: &mut String, open: &str, items: &[S], close: &str) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{open}");
    for item in items {
        let _ = writeln!(out, "<li>{}</li>", esc(item.as_ref()));
    }
    let _ = writeln!(out, "{close}");
}

/// One question with its answer, coach prompt and note.
fn question(out: &mut String, item: &Item) {
    let _ = writeln!(
        out,
        "<div class=\"q {}\">\n<p class=\"qtext\"><span class=\"qnum\">{}</span> {}</p>",
        item.status.id(),
        item.label(),
        esc(&item.question.text)
    );
    match item.shown() {
        Shown::Ranked(labels) => {
            out.push_str("<div class=\"answer\"><span class=\"label\">Answer, most preferred first:</span>\n<ol>\n");
            for label in labels {
                let _ = writeln!(out, "<li>{}</li>", esc(label));
            }
            out.push_str("</ol>\n</div>\n");
        }
        Shown::Words(text) => labelled(out, "answer", "Answer", text),
        Shown::Missing(words) => {
            let _ = writeln!(out, "<p class=\"status\">{}</p>", capitalise(words));
        }
    }
    if let Some(c) = item.coach {
        labelled(out, "coach", "Coach prompt", c);
    }
    for n in &item.notes {
        let class = if n.private { "note private" } else { "note" };
        labelled(out, class, n.label, n.text);
    }
    out.push_str("</div>\n");
}

/// `<p class="answer"><span class="label">Answer:</span> text</p>`
fn labelled(out: &mut String, class: &str, label: &str, text: &str) {
    let _ = writeln!(
        out,
        "<p class=\"{class}\"><span class=\"label\">{label}:</span> {}</p>",
        esc(text)
    );
}
