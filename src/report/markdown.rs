//! The Markdown result of `crossroads score --format markdown`.

use super::{headline, percent, profile, reason_sentence, top_reasons};
use crate::answers::Answers;
use crate::assessment::Assessment;
use crate::scoring::Score;
use std::fmt::Write;

/// Escapes the characters that would break a table cell or start markup.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The result as Markdown that reads well on GitHub.
pub fn render(a: &Assessment, answers: &Answers, s: &Score) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}: results\n", cell(&a.title));
    let _ = writeln!(out, "**{}**\n", headline(a, s));
    let p = profile(a, s);
    if !p.is_empty() {
        let _ = writeln!(out, "Profile: {p}\n");
    }
    let _ = writeln!(
        out,
        "## Tracks\n\n| Rank | Track | Score | Band |\n| ---: | --- | ---: | --- |"
    );
    for t in &s.tracks {
        let band = t.band.map(|b| a.bands[b].label.as_str()).unwrap_or("–");
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            t.rank,
            cell(&a.tracks[t.track].name),
            percent(t.score),
            cell(band)
        );
    }
    if !s.axes.is_empty() {
        let _ = writeln!(
            out,
            "\n## Axes\n\n| Axis | Position | Leaning |\n| --- | ---: | --- |"
        );
        for pos in &s.axes {
            let axis = &a.axes[pos.axis];
            let leaning = match (pos.position, pos.leaning) {
                (None, _) => "not enough answers".to_string(),
                (Some(_), Some(t)) => a.tracks[t].name.clone(),
                (Some(_), None) => "balanced".to_string(),
            };
            let position = pos
                .position
                .map(|p| format!("{p:+.2}"))
                .unwrap_or_else(|| "–".into());
            let _ = writeln!(
                out,
                "| {} | {position} | {} |",
                cell(&axis.label),
                cell(&leaning)
            );
        }
    }
    let shorts: Vec<String> = a.tracks.iter().map(|t| cell(&t.short)).collect();
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
            cell(&a.sections[sec.section].title),
            scores.join(" | ")
        );
    }
    let reasons = top_reasons(s, 3);
    if !reasons.is_empty() {
        let _ = writeln!(out, "\n## Why\n");
        for r in reasons {
            let _ = writeln!(out, "- {}", reason_sentence(a, answers, r));
        }
    }
    for t in &s.top {
        let track = &a.tracks[*t];
        if !super::has_profile(track) {
            continue;
        }
        let _ = writeln!(out, "\n## {}\n", cell(&track.name));
        if let Some(summary) = &track.summary {
            let _ = writeln!(out, "{}\n", summary.trim());
        }
        if !track.strengths.is_empty() {
            let _ = writeln!(out, "**Strengths**\n");
            for item in &track.strengths {
                let _ = writeln!(out, "- {item}");
            }
            let _ = writeln!(out);
        }
        if !track.growth.is_empty() {
            let _ = writeln!(out, "**Next steps**\n");
            for item in &track.growth {
                let _ = writeln!(out, "- {item}");
            }
            let _ = writeln!(out);
        }
    }
    let _ = writeln!(
        out,
        "\n_{} of {} questions answered, {} skipped, {} hidden._",
        s.answered, s.total, s.skipped, s.hidden
    );
    out
}
