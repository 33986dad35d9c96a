//! The plain-text result of `crossroads score --format text`.

use super::{bar, headline, percent, profile, reason_sentence, top_reasons};
use crate::answers::Answers;
use crate::assessment::Assessment;
use crate::scoring::Score;
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
    let mut out = String::new();
    let _ = writeln!(out, "{} — results", a.title);
    let _ = writeln!(out, "{}", headline(a, s));
    let p = profile(a, s);
    if !p.is_empty() {
        let _ = writeln!(out, "Profile: {p}");
    }
    let _ = writeln!(out, "\nTracks");
    let width = a
        .tracks
        .iter()
        .map(|t| t.name.chars().count())
        .max()
        .unwrap_or(0);
    for t in &s.tracks {
        let band = t
            .band
            .map(|b| a.bands[b].label.as_str())
            .unwrap_or(if t.score.is_none() {
                "not enough answers"
            } else {
                ""
            });
        let _ = writeln!(
            out,
            "  {}. {:<width$}  {}  {:>4}  {band}",
            t.rank,
            a.tracks[t.track].name,
            if drawings {
                bar(t.score, 20)
            } else {
                String::new()
            },
            percent(t.score)
        );
    }
    if !s.axes.is_empty() {
        let _ = writeln!(out, "\nAxes");
        for pos in &s.axes {
            let axis = &a.axes[pos.axis];
            let _ = writeln!(
                out,
                "  {}: {} {} {}{}",
                axis.label,
                a.tracks[axis.left].short,
                if drawings {
                    spectrum(pos.position, 21)
                } else {
                    "to".to_string()
                },
                a.tracks[axis.right].short,
                pos.position
                    .map(|p| format!("  ({p:+.2})"))
                    .unwrap_or_default()
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
    let reasons = top_reasons(s, 3);
    if !reasons.is_empty() {
        let _ = writeln!(out, "\nWhy");
        for r in reasons {
            let _ = writeln!(out, "  - {}", reason_sentence(a, answers, r));
        }
    }
    for t in &s.top {
        let track = &a.tracks[*t];
        if !super::has_profile(track) {
            continue;
        }
        let _ = writeln!(out, "\n{}", track.name);
        if let Some(summary) = &track.summary {
            let _ = writeln!(out, "  {}", summary.trim());
        }
        if !track.strengths.is_empty() {
            let _ = writeln!(out, "  Strengths:");
            for item in &track.strengths {
                let _ = writeln!(out, "    - {item}");
            }
        }
        if !track.growth.is_empty() {
            let _ = writeln!(out, "  Next steps:");
            for item in &track.growth {
                let _ = writeln!(out, "    - {item}");
            }
        }
    }
    let _ = writeln!(
        out,
        "\n{} of {} questions answered, {} skipped, {} hidden.",
        s.answered, s.total, s.skipped, s.hidden
    );
    out
}
