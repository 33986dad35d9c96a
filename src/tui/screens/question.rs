//! The question screen: section, question, its answers, progress, keys.

use super::{bar_spans, footer, header, status, wrapped};
use crate::answers::Answer;
use crate::assessment::QuestionKind;
use crate::tui::app::App;
use crate::tui::question_update;
use crate::tui::wrap::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// The key that picks the option at index `i` ("1".."9", "0", or none).
fn digit(i: usize) -> String {
    match i {
        0..=8 => (i + 1).to_string(),
        9 => "0".to_string(),
        _ => " ".to_string(),
    }
}

/// The body's lines and, for each option, the range of lines it takes.
pub struct Body {
    pub lines: Vec<Line<'static>>,
    pub options: Vec<(usize, usize, usize)>,
    /// The lines that must stay in view when the body scrolls: the
    /// highlighted option, or the row of a text field with the cursor.
    pub focus: Option<(usize, usize)>,
}

/// Builds the body of the question screen for a width.
pub fn body(app: &App, width: u16, with_intro: bool) -> Body {
    let theme = &app.theme;
    let q = &app.assessment.questions[app.current];
    let section = &app.assessment.sections[q.section];
    let mut lines: Vec<Line<'static>> = Vec::new();
    if with_intro
        && app.current == section.questions.start
        && let Some(intro) = &section.intro
    {
        lines.extend(wrapped(intro, width, theme.dim));
        lines.push(Line::raw(""));
    }
    let text = if q.required {
        format!("{} (required)", q.text.trim())
    } else {
        q.text.trim().to_string()
    };
    lines.extend(wrapped(&text, width, theme.title));
    if let Some(help) = &q.help {
        lines.extend(wrapped(help, width, theme.dim));
    }
    lines.push(Line::raw(""));
    let mut options = Vec::new();
    let answer = app.answers.get(app.current);
    let rows: Vec<(String, bool)> = match &q.kind {
        QuestionKind::Likert { scale, .. } => (0..scale.points())
            .map(|i| {
                let value = scale.min + i as i64;
                let picked = answer == Some(&Answer::Likert(value));
                let label = scale
                    .label(value)
                    .map_or(value.to_string(), |l| format!("{l} ({value})"));
                (
                    format!("{} {label}", if picked { "●" } else { "○" }),
                    picked,
                )
            })
            .collect(),
        QuestionKind::Choice { options } => options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let picked = answer == Some(&Answer::Choice(i));
                (
                    format!("{} {}", if picked { "●" } else { "○" }, o.label),
                    picked,
                )
            })
            .collect(),
        QuestionKind::Multi { options, .. } => options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let on = app.ticked.contains(&i);
                (
                    format!("{} {}", if on { "[x]" } else { "[ ]" }, o.label),
                    on,
                )
            })
            .collect(),
        QuestionKind::Rank { options } => app
            .order
            .iter()
            .enumerate()
            .map(|(pos, o)| {
                let placed = pos < app.placed;
                (
                    format!("{} {}", if placed { "■" } else { "□" }, options[*o].label),
                    placed,
                )
            })
            .collect(),
        QuestionKind::Text { .. } => Vec::new(),
    };
    for (i, (row, on)) in rows.into_iter().enumerate() {
        // In a rank question the key of a row is its option's own number.
        let key = match &q.kind {
            QuestionKind::Rank { .. } => digit(app.order[i]),
            _ => digit(i),
        };
        let highlighted = i == app.highlight;
        let marker = if highlighted { "› " } else { "  " };
        let style = if highlighted {
            theme.highlight
        } else if on {
            theme.picked
        } else {
            theme.text
        };
        let prefix = format!("{marker}{key}  ");
        let indent = prefix.width();
        let start = lines.len();
        for (n, part) in wrap(&row, (width as usize).saturating_sub(indent).max(1))
            .into_iter()
            .enumerate()
        {
            let lead = if n == 0 {
                prefix.clone()
            } else {
                " ".repeat(indent)
            };
            lines.push(Line::from(vec![
                Span::styled(
                    lead,
                    if highlighted {
                        theme.highlight
                    } else {
                        theme.key
                    },
                ),
                Span::styled(part, style),
            ]));
        }
        options.push((start, lines.len(), i));
    }
    if let QuestionKind::Likert { scale, .. } = &q.kind
        && (scale.min != 1 || scale.points() > 10)
    {
        // Keys count points from 1, which differs from the values here.
        lines.push(Line::raw(""));
        let hint = if scale.points() > 10 {
            "The keys on the left pick a point (0 picks the tenth); ↑↓ and Space reach every point."
        } else {
            "The keys on the left pick a point; ↑↓ and Space work too."
        };
        lines.extend(wrapped(hint, width, theme.dim));
    }
    if let QuestionKind::Rank { .. } = &q.kind {
        lines.push(Line::raw(""));
        lines.extend(wrapped(
            "Press an option's number to place it next; Enter accepts the order shown.",
            width,
            theme.dim,
        ));
    }
    if let QuestionKind::Multi { min, max, options } = &q.kind {
        lines.push(Line::raw(""));
        let rule = match (*min, *max) {
            (0, m) if m == options.len() => "Tick any number.".to_string(),
            (0, m) => format!("Tick up to {m}."),
            (a, b) if a == b => format!("Tick exactly {a}."),
            (a, b) => format!("Tick {a} to {b}."),
        };
        lines.extend(wrapped(
            &format!("{rule} {} ticked.", app.ticked.len()),
            width,
            theme.dim,
        ));
    }
    let mut focus = options
        .iter()
        .find(|(_, _, i)| *i == app.highlight)
        .map(|(start, end, _)| (*start, *end));
    if let QuestionKind::Text { max_length } = &q.kind {
        let (field, cursor_row) = field_lines(app, width, *max_length);
        focus = Some((lines.len() + cursor_row, lines.len() + cursor_row + 1));
        lines.extend(field);
    }
    if let Some(note) = app.answers.notes.get(&q.id) {
        lines.push(Line::raw(""));
        lines.extend(wrapped(&format!("✎ Note: {note}"), width, theme.dim));
    }
    Body {
        lines,
        options,
        focus,
    }
}

/// The text field with a visible cursor, and a character count. Long
/// answers wrap (at spaces where they can) and the cursor stays visible on
/// whichever row it is.
/// Returns the lines and the row the cursor is on.
fn field_lines(app: &App, width: u16, max_length: usize) -> (Vec<Line<'static>>, usize) {
    let theme = &app.theme;
    let text: Vec<char> = app.field.text().chars().collect();
    let cursor = app.field.cursor();
    let inner = width.saturating_sub(2).max(1) as usize;
    let mut rows = field_rows(&text, inner);
    // A cursor after the last character needs a cell of its own.
    let last_width: usize = rows.last().map_or(0, |r| char_widths(&text[r.clone()]));
    if cursor == text.len() && last_width + 1 > inner {
        rows.push(text.len()..text.len());
    }
    let mut cursor_row = 0;
    let mut out: Vec<Line<'static>> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut spans = vec![Span::styled(if i == 0 { "> " } else { "  " }, theme.key)];
            let here = row.contains(&cursor) || (cursor == row.end && i == rows.len() - 1);
            if here {
                cursor_row = i;
                let before: String = text[row.start..cursor].iter().collect();
                let at = text
                    .get(cursor)
                    .filter(|_| cursor < row.end)
                    .map_or(' ', |c| *c);
                let after_start = if cursor < row.end {
                    cursor + 1
                } else {
                    row.end
                };
                let after: String = text[after_start..row.end].iter().collect();
                spans.push(Span::raw(before));
                spans.push(Span::styled(at.to_string(), theme.highlight));
                spans.push(Span::raw(after));
            } else {
                spans.push(Span::raw(text[row.clone()].iter().collect::<String>()));
            }
            Line::from(spans)
        })
        .collect();
    out.extend(wrapped(
        &format!(
            "{}/{max_length} characters · empty means skipped",
            app.field.len()
        ),
        width,
        theme.dim,
    ));
    (out, cursor_row)
}

fn char_widths(chars: &[char]) -> usize {
    chars
        .iter()
        .map(|c| unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0))
        .sum()
}

/// The field's text cut into rows of at most `width` cells, as ranges of
/// character positions: a row ends after its last space when it has one,
/// otherwise where it is full. Every character is in exactly one row.
pub fn field_rows(text: &[char], width: usize) -> Vec<std::ops::Range<usize>> {
    let mut rows = Vec::new();
    let (mut start, mut used) = (0, 0);
    let mut i = 0;
    while i < text.len() {
        let w = unicode_width::UnicodeWidthChar::width(text[i]).unwrap_or(0);
        if used + w > width && i > start {
            let end = match text[start..i].iter().rposition(|c| *c == ' ') {
                Some(space) if start + space + 1 < i => start + space + 1,
                _ => i,
            };
            rows.push(start..end);
            start = end;
            used = char_widths(&text[start..i]);
            continue;
        }
        used += w;
        i += 1;
    }
    rows.push(start..text.len());
    rows
}

/// Which rows of the body are shown, so that the highlighted option is.
/// The body as it fits a height: the section intro is left out when room
/// is short, and when it still does not fit, the lines shown scroll so the
/// highlighted option is in view, with a marker row above and below.
pub struct Viewport {
    pub body: Body,
    pub skip: usize,
    /// Rows taken by the "more above" marker (0 or 1).
    pub top: u16,
    /// Rows of body lines shown.
    pub rows: usize,
    pub more_above: bool,
    pub more_below: bool,
}

pub fn viewport(app: &App, at: Rect) -> Viewport {
    let h = at.height as usize;
    let mut b = body(app, at.width, true);
    if b.lines.len() > h {
        b = body(app, at.width, false);
    }
    if b.lines.len() <= h || h < 3 {
        let skip = if h < 3 { scroll_for(&b, h) } else { 0 };
        return Viewport {
            body: b,
            skip,
            top: 0,
            rows: h,
            more_above: false,
            more_below: false,
        };
    }
    let rows = h - 2;
    let skip = scroll_for(&b, rows);
    let more_above = skip > 0;
    let more_below = b.lines.len() > skip + rows;
    Viewport {
        body: b,
        skip,
        top: 1,
        rows,
        more_above,
        more_below,
    }
}

/// The first line shown, so that the body's focus is in view.
fn scroll_for(body: &Body, height: usize) -> usize {
    let Some((start, end)) = body.focus else {
        return body.lines.len().saturating_sub(height);
    };
    if end <= height {
        0
    } else {
        (end - height).min(start)
    }
}

/// Where the question's parts go: the body, and the coach panel (beside
/// the question on wide screens, under it on narrow ones).
pub struct Areas {
    pub body: Rect,
    pub panel: Option<Rect>,
}

/// Lays out the question screen, for drawing and for clicks alike.
pub fn areas(app: &App, area: Rect) -> Areas {
    let footer_h = super::footer_lines(app, app.context(), area.width)
        .len()
        .min(2) as u16;
    let status_h = super::status_height(app, area.width, area.height.saturating_sub(footer_h));
    let body = Rect {
        x: area.x + 1,
        y: area.y + 3,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(3 + footer_h + status_h),
    };
    let panel_lines = super::coach::lines(app, body.width);
    if panel_lines.is_empty() {
        return Areas { body, panel: None };
    }
    if area.width >= 100 {
        let side = body.width / 3;
        return Areas {
            body: Rect {
                width: body.width - side - 1,
                ..body
            },
            panel: Some(Rect {
                x: body.x + body.width - side,
                width: side,
                ..body
            }),
        };
    }
    let h = (panel_lines.len() as u16 + 2).min(body.height / 2);
    Areas {
        body: Rect {
            height: body.height - h,
            ..body
        },
        panel: Some(Rect {
            y: body.y + body.height - h,
            height: h,
            ..body
        }),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let q = &app.assessment.questions[app.current];
    let visible = app.visible_questions();
    let n = visible
        .iter()
        .position(|x| *x == app.current)
        .map_or(0, |p| p + 1);
    let total = visible.len();
    header(
        app,
        area,
        buf,
        &app.assessment.sections[q.section].title,
        &format!("Question {n} of {total}"),
    );
    let bar_width = (area.width as usize).saturating_sub(8).max(1);
    let mut spans = bar_spans(app, n as f64 / total.max(1) as f64, bar_width);
    spans.push(Span::styled(
        format!(" {:>3}%", (n * 100) / total.max(1)),
        app.theme.dim,
    ));
    Paragraph::new(Line::from(spans)).render(
        Rect {
            y: area.y + 1,
            height: 1,
            ..area
        },
        buf,
    );
    let rest = footer(app, app.context(), area, buf);
    status(app, rest, buf);
    let layout = areas(app, area);
    if let Some(panel) = layout.panel {
        super::coach::render(app, panel, buf);
    }
    let at = layout.body;
    let v = viewport(app, at);
    let mut shown: Vec<Line> = Vec::new();
    if v.top == 1 {
        shown.push(if v.more_above {
            Line::styled("  ↑ more above", app.theme.dim)
        } else {
            Line::raw("")
        });
    }
    shown.extend(v.body.lines.into_iter().skip(v.skip).take(v.rows));
    if v.more_below {
        shown.push(Line::styled("  ↓ more below", app.theme.dim));
    }
    Paragraph::new(shown).style(Style::new()).render(at, buf);
}

/// A mouse click: picks, ticks or places the option under it.
pub fn click(app: &mut App, col: u16, row: u16) {
    if app.screen != crate::tui::app::Screen::Question || app.help_open {
        return;
    }
    let area = Rect {
        x: 0,
        y: 0,
        width: app.size.0,
        height: app.size.1,
    };
    let at = areas(app, area).body;
    if col < at.x || col >= at.x + at.width || row < at.y || row >= at.y + at.height {
        return;
    }
    let v = viewport(app, at);
    let Some(row_in_view) = (row - at.y).checked_sub(v.top) else {
        return;
    };
    let line = row_in_view as usize + v.skip;
    let b = v.body;
    let Some((_, _, i)) = b.options.iter().find(|(s, e, _)| (*s..*e).contains(&line)) else {
        return;
    };
    let kind = app.assessment.questions[app.current].kind.clone();
    let option = match &kind {
        QuestionKind::Rank { .. } => app.order[*i],
        _ => *i,
    };
    question_update::choose(app, &kind, option);
}
