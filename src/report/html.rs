//! The session report as one self-contained HTML file: inline CSS
//! (`report.css`, with a print style), inline SVG, nothing fetched from
//! anywhere. Every string is cleaned of control characters and escaped.

use super::full::{Item, ReportInput, Shown};
use super::takeaway;
use super::{
    band, capitalise, has_profile, headline, leaning, no_plan, percent, plan_intro, profile, svg,
};
use crate::assessment::{Assessment, TrackIndex};
use crate::sanitize;
use crate::scoring::Score;
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
    let (a, s) = (input.assessment, input.score);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n",
        esc(&input.title())
    );
    header(&mut out, input);
    reading(&mut out, a, s, input.finished());
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
    tracks(&mut out, a, s);
    axes(&mut out, a, s);
    sections(&mut out, a, s);
    let reasons = super::why(a, input.answers, s);
    if !reasons.is_empty() {
        out.push_str("<section>\n<h2>Why</h2>\n<ul>\n");
        for r in reasons {
            let _ = writeln!(out, "<li>{}</li>", esc(&r));
        }
        out.push_str("</ul>\n</section>\n");
    }
    since(&mut out, input);
    plan(&mut out, input);
    out.push_str("<section>\n<h2>Answers</h2>\n");
    input.each_question(&mut out, |t| format!("<h3>{}</h3>\n", esc(t)), question);
    out.push_str("</section>\n</main>\n</body>\n</html>\n");
    out
}

/// The assessment's title, who and when, and the session note.
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
fn reading(out: &mut String, a: &Assessment, s: &Score, finished: bool) {
    out.push_str("<section>\n<h2>In short</h2>\n");
    for line in takeaway::in_short(a, s, finished) {
        let _ = writeln!(out, "<p>{}</p>", esc(&line));
    }
    out.push_str("</section>\n<section>\n<h2>How to read this</h2>\n<ul>\n");
    let _ = writeln!(
        out,
        "<li><strong>Percents.</strong> {}</li>\n<li><strong>Bands.</strong>\n<ul>",
        esc(takeaway::PERCENT_MEANING)
    );
    for b in takeaway::bands(a) {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong> ({}): {}</li>",
            esc(&b.label),
            esc(&b.range),
            esc(&b.meaning)
        );
    }
    if let Some(below) = takeaway::below_bands(a) {
        let _ = writeln!(out, "<li>{}</li>", esc(&below));
    }
    out.push_str("</ul></li>\n");
    if let Some(close) = takeaway::close_meaning(a, s) {
        let _ = writeln!(
            out,
            "<li><strong>Close behind.</strong> {}</li>",
            esc(&close)
        );
    }
    let _ = writeln!(
        out,
        "<li>{}</li>\n</ul>\n</section>",
        esc(takeaway::STARTING_POINT)
    );
}

/// "Since last time": each goal of the last session and how it went.
fn since(out: &mut String, input: &ReportInput) {
    let reviews = input.reviews();
    if reviews.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section>\n<h2>Since last time</h2>\n<p>{}</p>\n<ul>",
        esc(takeaway::REVIEW_INTRO)
    );
    for r in reviews {
        let _ = writeln!(
            out,
            "<li>{}: <strong>{}</strong></li>",
            esc(&r.goal.text),
            esc(&takeaway::review_words(r))
        );
    }
    out.push_str("</ul>\n</section>\n");
}

/// The goals chosen, if any, then the steps the top track(s) suggest.
fn plan(out: &mut String, input: &ReportInput) {
    let (a, s, goals) = (input.assessment, input.score, input.goals());
    let intro = plan_intro(a, s);
    if goals.is_empty() && intro.is_none() {
        return;
    }
    out.push_str("<section>\n<h2>Development plan</h2>\n");
    if !goals.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}</p>\n<ol class=\"goals\">",
            esc(takeaway::GOALS_INTRO)
        );
        for g in goals {
            let _ = write!(out, "<li><strong>{}</strong>", esc(&g.text));
            for p in takeaway::goal_parts(a, g) {
                let _ = write!(out, "<br>{}", esc(&capitalise(&p)));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    if let Some(intro) = intro {
        match goals.is_empty() {
            true => writeln!(out, "<p>{}</p>", esc(&intro)),
            false => writeln!(
                out,
                "<h3>{}</h3>\n<p>{}</p>",
                takeaway::SUGGESTED,
                esc(&intro)
            ),
        }
        .ok();
        let offer = crate::steps::Offer::new(a, input.answers);
        for t in &s.top {
            plan_track(out, a, *t, &offer.track(*t));
        }
        for (blend, steps) in offer.blends(&s.top) {
            let heading = crate::steps::blend_heading(a, blend);
            let _ = writeln!(
                out,
                "<div class=\"plan-track\">\n<h3>{}</h3>",
                esc(&heading)
            );
            list(out, "<ol>", &steps, "</ol>");
            out.push_str("</div>\n");
        }
    }
    out.push_str("</section>\n");
}

fn tracks(out: &mut String, a: &Assessment, s: &Score) {
    out.push_str("<section>\n<h2>Tracks</h2>\n<table class=\"tracks\">\n<thead><tr><th class=\"num\">Rank</th><th>Track</th><th>Score</th><th>Band</th></tr></thead>\n<tbody>\n");
    for t in &s.tracks {
        let top = s.top.contains(&t.track);
        let _ = writeln!(
            out,
            "<tr{}><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            if top { " class=\"top\"" } else { "" },
            t.rank,
            esc(&a.tracks[t.track].name),
            svg::bar(t.score, top),
            esc(band(a, t, "–"))
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn axes(out: &mut String, a: &Assessment, s: &Score) {
    if s.axes.is_empty() {
        return;
    }
    out.push_str("<section>\n<h2>Axes</h2>\n");
    for pos in &s.axes {
        let axis = &a.axes[pos.axis];
        let _ = writeln!(
            out,
            "<div class=\"axis\">\n<h3>{}</h3>\n<div class=\"axis-row\"><span class=\"end left\">{}</span>{}<span class=\"end\">{}</span></div>\n<p>Leaning: {}</p>\n</div>",
            esc(&axis.label),
            esc(&a.tracks[axis.left].name),
            svg::axis(pos.position, &axis.label),
            esc(&a.tracks[axis.right].name),
            esc(&leaning(a, pos.position, pos.leaning))
        );
    }
    out.push_str("<p class=\"hint\">A position runs from -1 (all the way to the left track) to +1 (all the way to the right).</p>\n</section>\n");
}

fn sections(out: &mut String, a: &Assessment, s: &Score) {
    out.push_str(
        "<section>\n<h2>Sections</h2>\n<table class=\"sections\">\n<thead><tr><th>Section</th>",
    );
    for t in &a.tracks {
        let _ = write!(out, "<th class=\"num\">{}</th>", esc(&t.short));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for sec in &s.sections {
        let _ = write!(out, "<tr><td>{}</td>", esc(&a.sections[sec.section].title));
        for v in &sec.scores {
            let _ = write!(out, "<td class=\"num\">{}</td>", percent(*v));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn plan_track(out: &mut String, a: &Assessment, t: TrackIndex, steps: &[&str]) {
    let track = &a.tracks[t];
    let _ = writeln!(
        out,
        "<div class=\"plan-track\">\n<h3>{}</h3>",
        esc(&track.name)
    );
    if !has_profile(track) {
        let _ = writeln!(out, "<p>{}</p>", esc(&no_plan(&track.name)));
    }
    if let Some(summary) = &track.summary {
        let _ = writeln!(out, "<p>{}</p>", esc(summary.trim()));
    }
    let heading = format!("<h4>{}</h4>\n<ul>", super::STRENGTHS);
    list(out, &heading, &track.strengths, "</ul>");
    list(out, "<h4>Next steps</h4>\n<ol>", steps, "</ol>");
    out.push_str("</div>\n");
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
