//! The question screen's body: the question, its options as the draft
//! shows them, rule hints, a text field, and the note.

use crate::answers::Answer;
use crate::assessment::QuestionKind;
use crate::assessment::kinds::{Draft, multi};
use crate::session::audience::Whose;
use crate::session::{NoteTarget, Session};
use crate::tui::keymap::{Context, Message, key};
use crate::tui::screens::wrapped;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::{Look, TextField};
use crate::tui::wrap::wrap;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
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
    /// Where the question's own lines (intro, text, help) end: what stays
    /// in view above the options when they scroll.
    pub question_end: usize,
}

/// Builds the body of the question screen for a width.
pub fn body(session: &Session, theme: &Theme, width: u16, with_intro: bool) -> Body {
    let q = &session.assessment().questions[session.current()];
    let section = &session.assessment().sections[q.section];
    let mut lines: Vec<Line<'static>> = Vec::new();
    if with_intro
        && session.current() == section.questions.start
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
    let question_end = lines.len();
    lines.push(Line::raw(""));
    let mut options = Vec::new();
    let answer = session.answers().get(session.current());
    let draft = session.draft();
    let highlight = draft.highlight();
    let shown = session.shown(session.current());
    let rows: Vec<(String, bool)> = match (&q.kind, draft) {
        (QuestionKind::Likert { scale, .. }, _) => (0..scale.points())
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
        // Options in the order this session shows them (`shuffle`).
        (QuestionKind::Choice { options }, _) => shown
            .iter()
            .map(|&i| {
                let picked = answer == Some(&Answer::Choice(i));
                (
                    format!("{} {}", if picked { "●" } else { "○" }, options[i].label),
                    picked,
                )
            })
            .collect(),
        (QuestionKind::Multi { options, .. }, Draft::Multi(d)) => shown
            .iter()
            .map(|&i| {
                let on = d.ticked.contains(&i);
                (
                    format!("{} {}", if on { "[x]" } else { "[ ]" }, options[i].label),
                    on,
                )
            })
            .collect(),
        (QuestionKind::Rank { options }, Draft::Rank(d)) => d
            .order
            .iter()
            .enumerate()
            .map(|(pos, o)| (options[*o].label.clone(), pos < d.placed))
            .collect(),
        _ => Vec::new(),
    };
    for (i, (row, on)) in rows.into_iter().enumerate() {
        // In a rank question a placed option shows its place where a key
        // would be (its key does nothing any more), and one not placed yet
        // its own number: the row it was shown on before any was placed.
        // So a number beside an option is always a key, and "1st" a place,
        // never both side by side. Positions show only for options the
        // person placed, so the order a ranking starts in never reads as
        // theirs.
        let key = match draft {
            Draft::Rank(d) => {
                let column = crate::assessment::kinds::rank::ordinal(d.order.len()).width();
                let mark = match i < d.placed {
                    true => crate::assessment::kinds::rank::ordinal(i + 1),
                    false => digit(session.row_of(d.order[i])),
                };
                format!("{mark:>column$}")
            }
            _ => digit(i),
        };
        let highlighted = i == highlight;
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
        let keys = format!(
            "{}{} and {}",
            key(Context::Pick, &Message::Up),
            key(Context::Pick, &Message::Down),
            key(Context::Pick, &Message::PickHighlighted)
        );
        let hint = if scale.points() > 10 {
            format!(
                "The keys on the left pick a point (0 picks the tenth); {keys} reach every point."
            )
        } else {
            format!("The keys on the left pick a point; {keys} work too.")
        };
        lines.extend(wrapped(&hint, width, theme.dim));
    }
    if let QuestionKind::Rank { .. } = &q.kind {
        lines.push(Line::raw(""));
        let enter = key(Context::Rank, &Message::Confirm);
        let reset = key(Context::Rank, &Message::Clear);
        lines.extend(wrapped(
            &format!("Press an option's number to place it next; a placed one shows its place. {enter} accepts the order shown, {reset} starts again."),
            width,
            theme.dim,
        ));
    }
    if let (QuestionKind::Multi { min, max, options }, Draft::Multi(d)) = (&q.kind, draft) {
        lines.push(Line::raw(""));
        let rule = multi::rule("Tick", *min, *max, options.len());
        lines.extend(wrapped(
            &format!("{rule} {} ticked.", d.ticked.len()),
            width,
            theme.dim,
        ));
    }
    let mut focus = options
        .iter()
        .find(|(_, _, i)| *i == highlight)
        .map(|(start, end, _)| (*start, *end));
    if let (QuestionKind::Text { max_length }, Draft::Text(field)) = (&q.kind, draft) {
        let look = Look {
            first: "> ".into(),
            rest: "  ".into(),
            lead: theme.key,
            text: Style::new(),
            cursor: theme.highlight,
        };
        let shown = TextField::new(field, look).lines(width);
        let row = lines.len() + shown.cursor_row;
        focus = Some((row, row + 1));
        lines.extend(shown.lines);
        lines.extend(wrapped(
            &format!(
                "{}/{max_length} characters · empty means skipped",
                field.len()
            ),
            width,
            theme.dim,
        ));
    }
    // What the person may see: their own note and the coach's shared one.
    // A private note is the coach panel's alone.
    let coach = session.is_coach();
    for note in session.notes_on(NoteTarget::Question(session.current())) {
        if note.whose != Whose::CoachPrivate {
            lines.push(Line::raw(""));
            let label = note.whose.label(coach);
            lines.extend(wrapped(
                &format!("✎ {label}: {}", note.text),
                width,
                theme.dim,
            ));
        }
    }
    Body {
        lines,
        options,
        focus,
        question_end,
    }
}
