//! The results: the headline, ranked tracks as bars, axes, sections, the
//! reasons, and what the top track(s) mean for the person.

use super::{bar_spans, footer, header, wrapped};
use crate::report::{lean_named, percent, reason_sentence, takeaway, top_reasons};
use crate::scoring::Score;
use crate::tui::app::{App, View};
use crate::tui::keymap::Context;
use crate::tui::wrap::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// Every line of the results for a width.
pub fn lines(app: &App, s: &Score, width: u16) -> Vec<Line<'static>> {
    let a = &app.session.assessment();
    let t = &app.theme;
    let w = width as usize;
    let mut out: Vec<Line<'static>> = Vec::new();
    // The same sentences as the takeaway's "In short", written once in the
    // core: a session not finished says so before any result.
    let finished = app.session.meta().complete;
    let mut short = takeaway::in_short(a, s, finished).into_iter();
    if !finished && let Some(first) = short.next() {
        out.extend(wrapped(&first, width, t.warning));
    }
    // The result's own sentence stands as the headline.
    if let Some(result) = short.next() {
        out.extend(wrapped(&result, width, t.title));
    }
    for line in short {
        out.extend(wrapped(&line, width, t.dim));
    }
    out.push(Line::raw(""));
    // The ranked tracks: name, bar, whole percent, band.
    let name_w = a
        .tracks
        .iter()
        .map(|x| x.name.width())
        .max()
        .unwrap_or(4)
        // Names keep their room; the bar shrinks first (to 6 cells).
        .min(w.saturating_sub(4 + 1 + 1 + 4 + 6))
        .max(4);
    const UNSCORED: &str = "not enough answers";
    let unscored_w = if s.tracks.iter().any(|x| x.score.is_none()) {
        UNSCORED.width()
    } else {
        0
    };
    let band_w = a
        .bands
        .iter()
        .map(|b| b.label.width())
        .max()
        .unwrap_or(0)
        .max(unscored_w);
    let fixed = 4 + name_w + 1 + 1 + 4;
    let band_inline = w >= fixed + 8 + 2 + band_w;
    let bar_w = w
        .saturating_sub(fixed + if band_inline { 2 + band_w } else { 0 })
        .clamp(3, 40);
    for ts in &s.tracks {
        let track = &a.tracks[ts.track];
        let top = s.top.contains(&ts.track);
        let mark = if top { "★" } else { " " };
        // Padded by cells, not characters: a wide emoji takes two.
        let name = crate::wrap::pad(&truncate(&track.name, name_w), name_w);
        let band = match (ts.score, ts.band) {
            (None, _) => UNSCORED.to_string(),
            (Some(_), Some(b)) => a.bands[b].label.clone(),
            (Some(_), None) => String::new(),
        };
        let mut spans = vec![
            Span::styled(format!("{mark}{}. ", ts.rank), t.dim),
            Span::styled(name, if top { t.picked } else { t.text }),
            Span::raw(" "),
        ];
        spans.extend(bar_spans(app, ts.score.unwrap_or(0.0) / 100.0, bar_w));
        spans.push(Span::styled(
            format!(" {:>4}", percent(ts.score)),
            if top { t.picked } else { t.text },
        ));
        if band_inline {
            spans.push(Span::styled(format!("  {band}"), t.dim));
            out.push(Line::from(spans));
        } else {
            out.push(Line::from(spans));
            if !band.is_empty() {
                out.push(Line::styled(format!("    {band}"), t.dim));
            }
        }
    }
    // What a band and "close behind" mean, in the takeaway's words.
    out.push(Line::raw(""));
    out.push(Line::styled("How to read this", t.title));
    for b in takeaway::bands(a) {
        out.extend(wrapped(
            &format!("{} ({}): {}", b.label, b.range, b.meaning),
            width,
            t.dim,
        ));
    }
    for line in takeaway::below_bands(a)
        .into_iter()
        .chain(takeaway::close_meaning(a, s))
    {
        out.extend(wrapped(&line, width, t.dim));
    }
    out.extend(super::since::lines(app, width));
    if !a.axes.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Where you lean", t.title));
        for p in &s.axes {
            let axis = &a.axes[p.axis];
            let (l, r) = (&a.tracks[axis.left], &a.tracks[axis.right]);
            out.extend(wrapped(&axis.label, width, t.dim));
            let room = w
                .saturating_sub(l.short.width() + r.short.width() + 2)
                .clamp(5, 41);
            let spectrum = crate::report::text::spectrum(p.position, room);
            out.push(Line::from(vec![
                Span::raw(format!("{} ", l.short)),
                Span::styled(spectrum, t.accent),
                Span::raw(format!(" {}", r.short)),
            ]));
            // A lean is named only where the report names it.
            let verdict = match (p.position, p.leaning) {
                (None, _) => "not enough answers yet".to_string(),
                (Some(_), Some(x)) if lean_named(a, s, p) => {
                    format!("leans {}", a.tracks[x].name)
                }
                (Some(_), Some(_)) => "no clear lean".to_string(),
                (Some(_), None) => "balanced".to_string(),
            };
            out.push(Line::styled(format!("  {verdict}"), t.dim));
        }
    }
    out.push(Line::raw(""));
    out.push(Line::styled("By section", t.title));
    let col = a
        .tracks
        .iter()
        .map(|x| x.short.width().max(4))
        .collect::<Vec<_>>();
    let cols_w: usize = col.iter().map(|c| c + 1).sum();
    let title_w = w.saturating_sub(cols_w).clamp(6, 30);
    let mut head = format!("{:title_w$}", "");
    for (x, c) in a.tracks.iter().zip(&col) {
        let short = truncate(&x.short, *c);
        head.push_str(&format!(
            " {}{short}",
            " ".repeat(c.saturating_sub(short.width()))
        ));
    }
    out.push(Line::styled(truncate(&head, w), t.dim));
    for sec in &s.sections {
        let title = truncate(&a.sections[sec.section].title, title_w);
        let mut row = format!(
            "{title}{}",
            " ".repeat(title_w.saturating_sub(title.width()))
        );
        for (v, c) in sec.scores.iter().zip(&col) {
            row.push_str(&format!(" {:>c$}", percent(*v)));
        }
        out.push(Line::raw(truncate(&row, w)));
    }
    let reasons = top_reasons(s, crate::report::REASONS_ON_SCREEN);
    if !reasons.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Why: the answers that pulled most", t.title));
        for r in reasons {
            let sign = if r.pull >= 0.0 { "+ " } else { "- " };
            for (i, l) in crate::tui::wrap::wrap(
                &reason_sentence(a, app.session.answers(), r),
                w.saturating_sub(2),
            )
            .into_iter()
            .enumerate()
            {
                out.push(Line::raw(format!(
                    "{}{l}",
                    if i == 0 { sign } else { "  " }
                )));
            }
        }
    }
    let offer = crate::steps::Offer::new(a, app.session.answers());
    let bullets = |out: &mut Vec<Line<'static>>, items: &[&str]| {
        for item in items {
            for (i, l) in crate::tui::wrap::wrap(item, w.saturating_sub(2))
                .into_iter()
                .enumerate()
            {
                out.push(Line::raw(format!(
                    "{}{l}",
                    if i == 0 { "• " } else { "  " }
                )));
            }
        }
    };
    for x in &s.top {
        let track = &a.tracks[*x];
        out.push(Line::raw(""));
        out.push(Line::styled(track.name.clone(), t.title));
        if let Some(summary) = &track.summary {
            out.extend(wrapped(summary, width, t.text));
        }
        let strengths: Vec<&str> = track.strengths.iter().map(String::as_str).collect();
        for (heading, items) in [
            (crate::report::STRENGTHS, strengths),
            ("Next steps", offer.track(*x)),
        ] {
            if items.is_empty() {
                continue;
            }
            out.push(Line::styled(heading, t.accent));
            bullets(&mut out, &items);
        }
    }
    for (blend, steps) in offer.blends(&s.top) {
        out.push(Line::raw(""));
        out.push(Line::styled(crate::steps::blend_heading(a, blend), t.title));
        bullets(&mut out, &steps);
    }
    out.extend(super::since::plan(app, width));
    out
}

fn body_area(app: &App, area: Rect) -> Rect {
    let bottom = super::bottom_height(app, Context::Results, area);
    Rect {
        x: area.x + 1,
        y: area.y + 2,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2 + bottom),
    }
}

/// The mentee's screen of a live session before the coach shows the
/// results: what happens next, and nothing of the result.
fn held(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let back = crate::tui::keymap::key(Context::Results, &crate::tui::keymap::Message::Revise);
    let mut out = wrapped("That was the last question.", width, t.title);
    out.push(Line::raw(""));
    out.extend(wrapped(
        "Your coach will show you the results on this screen when you are both ready to talk them through. Your answers are saved.",
        width,
        t.text,
    ));
    out.push(Line::raw(""));
    out.extend(wrapped(
        &format!("To change an answer meanwhile, press {back}."),
        width,
        t.dim,
    ));
    out
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let s = app.session.score();
    header(
        app,
        area,
        buf,
        &format!("Results: {}", app.session.assessment().title),
        &format!("{} of {} answered", s.answered, s.total),
    );
    let rest = footer(app, Context::Results, area, buf);
    super::status(app, rest, buf);
    let at = body_area(app, area);
    let all = match app.results_held() {
        true => held(app, at.width),
        false => lines(app, &s, at.width),
    };
    app.drawn.borrow_mut().results_max = (all.len() as u16).saturating_sub(at.height);
    let scroll = match app.view {
        View::Results { scroll } => scroll,
        _ => 0,
    };
    let shown = super::scrolled(app, all, scroll, at.height, "  ");
    Paragraph::new(shown).render(at, buf);
}
