//! The results: the headline, ranked tracks as bars, axes, sections, the
//! reasons, and what the top track(s) mean for the person.

use super::chrome::{Chrome, Room};
use super::{bar_spans, wrapped};
use crate::report::outline::{Outline, Plan};
use crate::report::{STRENGTHS, takeaway};
use crate::scoring::Score;
use crate::session::Session;
use crate::tui::app::{App, View};
use crate::tui::keymap::{Context, Message, key};
use crate::tui::theme::Theme;
use crate::tui::wrap::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, StatefulWidget, Widget};
use std::rc::Rc;
use unicode_width::UnicodeWidthStr;

/// Every line of the results for a width: the session's outline (the
/// same document the reports and plain mode lay out), in its order.
pub fn lines(theme: &Theme, o: &Outline, width: u16) -> Vec<Line<'static>> {
    let t = theme;
    let mut out: Vec<Line<'static>> = Vec::new();
    if let Some(partial) = &o.partial {
        out.extend(wrapped(partial, width, t.warning));
    }
    out.extend(wrapped(&o.headline, width, t.title));
    for line in &o.summary {
        out.extend(wrapped(line, width, t.text));
    }
    out.extend(wrapped(&o.counts, width, t.dim));
    out.push(Line::raw(""));
    tracks(theme, o, width, &mut out);
    heading(theme, "How to read this", &mut out);
    let r = &o.reading;
    out.extend(wrapped(&format!("Percents: {}", r.percents), width, t.dim));
    for b in &r.bands {
        let line = format!("{} ({}): {}", b.label, b.range, b.meaning);
        out.extend(wrapped(&line, width, t.dim));
    }
    for line in r.below.iter().chain(&r.close).chain([&r.starting_point]) {
        out.extend(wrapped(line, width, t.dim));
    }
    leans(theme, o, width, &mut out);
    sections(theme, o, width, &mut out);
    if !o.reasons.is_empty() {
        heading(theme, "Why: the answers that pulled most", &mut out);
        for r in &o.reasons {
            bullet(&r.text, if r.toward { "+ " } else { "- " }, width, &mut out);
        }
    }
    if let Some(since) = &o.since {
        let when = since
            .when
            .as_ref()
            .map(|w| format!(" ({w})"))
            .unwrap_or_default();
        heading(theme, &format!("Since last time{when}"), &mut out);
        for c in &since.changes {
            out.extend(wrapped(c, width, t.text));
        }
        if !since.goals.is_empty() {
            out.extend(wrapped(takeaway::REVIEW_INTRO, width, t.dim));
            for g in &since.goals {
                bullet(g, "• ", width, &mut out);
            }
        }
    }
    plan(theme, &o.plan, width, &mut out);
    out
}

/// A blank line, then a heading.
fn heading(theme: &Theme, text: &str, out: &mut Vec<Line<'static>>) {
    out.push(Line::raw(""));
    out.push(Line::styled(text.to_string(), theme.title));
}

/// `text` wrapped after a two-cell `mark`, its other lines indented.
fn bullet(text: &str, mark: &str, width: u16, out: &mut Vec<Line<'static>>) {
    let lines = crate::tui::wrap::wrap(text, (width as usize).saturating_sub(2));
    for (i, l) in lines.into_iter().enumerate() {
        out.push(Line::raw(format!(
            "{}{l}",
            if i == 0 { mark } else { "  " }
        )));
    }
}

/// The ranked tracks: mark, rank, name, bar, whole percent, band.
fn tracks(theme: &Theme, o: &Outline, width: u16, out: &mut Vec<Line<'static>>) {
    let (t, w) = (theme, width as usize);
    let name_w = o
        .tracks
        .iter()
        .map(|x| x.name.width())
        .max()
        .unwrap_or(4)
        // Names keep their room; the bar shrinks first (to 6 cells).
        .min(w.saturating_sub(4 + 1 + 1 + 4 + 6))
        .max(4);
    let band_w = o
        .tracks
        .iter()
        .filter_map(|x| x.band.as_ref())
        .map(|b| b.width())
        .max()
        .unwrap_or(0);
    let fixed = 4 + name_w + 1 + 1 + 4;
    let band_inline = w >= fixed + 8 + 2 + band_w;
    let bar_w = w
        .saturating_sub(fixed + if band_inline { 2 + band_w } else { 0 })
        .clamp(3, 40);
    for x in &o.tracks {
        let mark = if x.top { "★" } else { " " };
        // Padded by cells, not characters: a wide emoji takes two.
        let name = crate::wrap::pad(&truncate(&x.name, name_w), name_w);
        let style = if x.top { t.picked } else { t.text };
        let mut spans = vec![
            Span::styled(format!("{mark}{}. ", x.rank), t.dim),
            Span::styled(name, style),
            Span::raw(" "),
        ];
        spans.extend(bar_spans(theme, x.score.unwrap_or(0.0) / 100.0, bar_w));
        spans.push(Span::styled(format!(" {:>4}", x.percent), style));
        let band = x.band.clone().unwrap_or_default();
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
}

/// The profile line, then each axis drawn with its verdict.
fn leans(theme: &Theme, o: &Outline, width: u16, out: &mut Vec<Line<'static>>) {
    if o.leans.is_empty() {
        return;
    }
    let t = theme;
    heading(theme, "Where you lean", out);
    if let Some(p) = &o.profile {
        out.extend(wrapped(&format!("Profile: {p}"), width, t.text));
    }
    for l in &o.leans {
        out.extend(wrapped(&l.label, width, t.dim));
        let room = (width as usize)
            .saturating_sub(l.left_short.width() + l.right_short.width() + 2)
            .clamp(5, 41);
        out.push(Line::from(vec![
            Span::raw(format!("{} ", l.left_short)),
            Span::styled(crate::report::text::spectrum(l.position, room), t.accent),
            Span::raw(format!(" {}", l.right_short)),
        ]));
        out.push(Line::styled(format!("  {}", l.verdict), t.dim));
    }
}

/// Each section's percent for each track, in columns.
fn sections(theme: &Theme, o: &Outline, width: u16, out: &mut Vec<Line<'static>>) {
    if o.sections.is_empty() {
        return;
    }
    let (t, w) = (theme, width as usize);
    heading(theme, "By section", out);
    let col: Vec<usize> = o.columns.iter().map(|c| c.width().max(4)).collect();
    let cols_w: usize = col.iter().map(|c| c + 1).sum();
    let title_w = w.saturating_sub(cols_w).clamp(6, 30);
    let mut head = format!("{:title_w$}", "");
    for (short, c) in o.columns.iter().zip(&col) {
        let short = truncate(short, *c);
        head.push_str(&format!(
            " {}{short}",
            " ".repeat(c.saturating_sub(short.width()))
        ));
    }
    out.push(Line::styled(truncate(&head, w), t.dim));
    for sec in &o.sections {
        let title = truncate(&sec.title, title_w);
        let mut row = format!(
            "{title}{}",
            " ".repeat(title_w.saturating_sub(title.width()))
        );
        for (v, c) in sec.percents.iter().zip(&col) {
            row.push_str(&format!(" {v:>c$}"));
        }
        out.push(Line::raw(truncate(&row, w)));
    }
}

/// The plan: the goals chosen (or how to choose them), then the steps
/// each top track and a blend suggest.
fn plan(theme: &Theme, p: &Plan, width: u16, out: &mut Vec<Line<'static>>) {
    let t = theme;
    heading(theme, "Your plan", out);
    if p.goals.is_empty() {
        let key = key(Context::Results, &Message::Plan);
        let hint = format!("No goals yet: {key} chooses up to three.");
        out.extend(wrapped(&hint, width, t.dim));
    }
    for (i, g) in p.goals.iter().enumerate() {
        let words = std::iter::once(g.text.clone()).chain(g.parts.iter().cloned());
        let line = format!("{}. {}", i + 1, words.collect::<Vec<_>>().join("; "));
        out.extend(wrapped(&line, width, t.text));
    }
    let Some(intro) = &p.intro else {
        return;
    };
    let intro = match p.goals.is_empty() {
        true => intro.clone(),
        false => format!("{}: {intro}", takeaway::SUGGESTED),
    };
    out.push(Line::raw(""));
    out.extend(wrapped(&intro, width, t.dim));
    for x in &p.tracks {
        heading(theme, &x.name, out);
        for line in x.empty.iter().chain(&x.summary) {
            out.extend(wrapped(line, width, t.text));
        }
        for (title, items) in [(STRENGTHS, &x.strengths), ("Next steps", &x.steps)] {
            if !items.is_empty() {
                out.push(Line::styled(title, t.accent));
                for item in items {
                    bullet(item, "• ", width, out);
                }
            }
        }
    }
    for b in &p.blends {
        heading(theme, &b.heading, out);
        for step in &b.steps {
            bullet(step, "• ", width, out);
        }
    }
}

/// The mentee's screen of a live session before the coach shows the
/// results: what happens next, and nothing of the result.
fn held(theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let t = theme;
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

/// What a layout of the results was made for .
#[derive(Debug, Clone)]
pub struct LayoutKey {
    pub width: u16,
    /// The score laid out: a change of an answer makes a new one. Kept
    /// alive here, so its address cannot be reused by another.
    pub score: std::rc::Rc<crate::scoring::Score>,
    /// A hash of the session's bookkeeping (goals, reviews, skips, ...).
    pub plan: u64,
    pub held: bool,
}

impl LayoutKey {
    /// Whether a layout made for `self` is the one wanted for `other`.
    pub fn same(&self, other: &LayoutKey) -> bool {
        self.width == other.width
            && std::rc::Rc::ptr_eq(&self.score, &other.score)
            && self.plan == other.plan
            && self.held == other.held
    }
}

/// The results: what they read of the app, and as their state how far
/// they can scroll and their lines as last laid out.
pub(crate) struct ResultsView<'a> {
    chrome: Chrome<'a>,
    session: &'a Session,
    theme: &'a Theme,
    scroll: u16,
    /// What the layout depends on but the width.
    score: Rc<Score>,
    plan: u64,
    held: bool,
}

/// The results' draw state: how far they can scroll, and their lines as
/// last laid out with what they were laid out for.
pub(crate) struct ResultsState {
    pub max: u16,
    pub layout: Option<(LayoutKey, Rc<Vec<Line<'static>>>)>,
}

impl<'a> ResultsView<'a> {
    /// What the laid-out results depend on: the score (a new one after
    /// every change of an answer), the session's bookkeeping, and whether
    /// the mentee's screen still waits for the coach; the width comes
    /// with the area.
    pub fn new(app: &'a App) -> ResultsView<'a> {
        use std::hash::{Hash, Hasher};
        let s = app.session.score();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        // The bookkeeping as a whole: goals, reviews, skips, whether finished.
        format!("{:?}", app.session.meta()).hash(&mut h);
        ResultsView {
            chrome: Chrome::new(
                app,
                Context::Results,
                &format!("Results: {}", app.session.assessment().title),
                &format!("{} of {} answered", s.answered, s.total),
            ),
            session: &app.session,
            theme: &app.theme,
            scroll: match app.view {
                View::Results { scroll } => scroll,
                _ => 0,
            },
            score: s,
            plan: h.finish(),
            held: app.results_held(),
        }
    }

    /// The results laid out for a width, once: a scroll key redraws from
    /// the lines already laid out, so a very large assessment scrolls as
    /// fast as a small one.
    fn laid_out(&self, width: u16, state: &mut ResultsState) -> Rc<Vec<Line<'static>>> {
        let key = LayoutKey {
            width,
            score: self.score.clone(),
            plan: self.plan,
            held: self.held,
        };
        if let Some((k, lines)) = state.layout.as_ref()
            && k.same(&key)
        {
            return lines.clone();
        }
        let lines = Rc::new(match key.held {
            true => held(self.theme, width),
            false => lines(self.theme, &self.session.outline(), width),
        });
        state.layout = Some((key, lines.clone()));
        lines
    }
}

impl StatefulWidget for ResultsView<'_> {
    type State = ResultsState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut ResultsState) {
        // A blank row under the header.
        let regions = self.chrome.regions(area, 1, Room::Frame);
        self.chrome.render(&regions, buf);
        let at = regions.body.inner(Margin::new(1, 0));
        let all = self.laid_out(at.width, state);
        state.max = (all.len() as u16).saturating_sub(at.height);
        let shown = super::scrolled(self.theme, &all, self.scroll, at.height, "  ");
        Paragraph::new(shown).render(at, buf);
    }
}
