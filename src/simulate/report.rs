//! A simulation written out: compact tables for people, JSON for tools.
//! Every field of the JSON is documented in docs/simulation.md.

use super::{LevelFigures, Simulation};
use crate::assessment::Assessment;
use crate::sanitize;
use serde_json::{Map, Value, json};
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

/// A share as a percent with one decimal.
fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

/// Score points with one decimal, or a dash.
fn points(x: Option<f64>) -> String {
    x.map_or("-".into(), |v| format!("{v:.1}"))
}

/// A table: the first column aligned left, the others right, columns two
/// spaces apart, widths as the terminal counts them.
fn table(out: &mut String, rows: &[Vec<String>]) {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[c] - cell.width());
            match c {
                0 => {
                    line.push_str(cell);
                    line.push_str(&pad);
                }
                _ => {
                    line.push_str("  ");
                    line.push_str(&pad);
                    line.push_str(cell);
                }
            }
        }
        let _ = writeln!(out, "  {}", line.trim_end());
    }
}

/// The text report, for people.
pub fn text(a: &Assessment, sim: &Simulation) -> String {
    let mut out = String::new();
    let shorts: Vec<String> = a.tracks.iter().map(|t| sanitize::line(&t.short)).collect();
    let first = sim.levels.first();
    let version = a
        .version
        .as_ref()
        .map(|v| format!(", version {}", sanitize::line(v)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "Simulation of {} ({}{version})",
        sanitize::line(&a.title),
        a.id
    );
    let _ = writeln!(
        out,
        "{} respondents at each noise level, seed {}: {} with one track, {} torn between two equal tracks.\n\
         {} questions, {} tracks, tie_margin {}. How to read this: docs/simulation.md.\n",
        sim.settings.respondents,
        sim.settings.seed,
        first.map_or(0, |l| l.one_track),
        first.map_or(0, |l| l.torn),
        a.questions.len(),
        a.tracks.len(),
        a.tie_margin,
    );

    let mut rows = vec![
        std::iter::once(String::new())
            .chain(sim.levels.iter().map(|l| l.level.name.to_string()))
            .collect::<Vec<_>>(),
    ];
    let mut row = |label: &str, f: &dyn Fn(&LevelFigures) -> String| {
        rows.push(
            std::iter::once(label.to_string())
                .chain(sim.levels.iter().map(f))
                .collect(),
        );
    };
    row("noise (standard deviation)", &|l| {
        format!("{:.2}", l.level.sigma)
    });
    row("accuracy: track in the top set", &|l| pct(l.accuracy));
    row("  alone at the top", &|l| pct(l.clear_accuracy));
    row("false blends (one track)", &|l| pct(l.false_blends));
    // With a single respondent there is nobody torn: a dash, not 0%.
    let torn = |x: f64, l: &LevelFigures| if l.torn == 0 { "-".into() } else { pct(x) };
    row("torn shown as their blend", &|l| torn(l.torn_blend, l));
    row("torn shown one of the two alone", &|l| {
        torn(l.torn_one_alone, l)
    });
    row("retest: same result", &|l| pct(l.retest));
    row("  torn people", &|l| torn(l.retest_torn, l));
    row("uniform response style", &|l| pct(l.uniform_style));
    row("torn gap, median (points)", &|l| points(l.torn_gap_median));
    row("one-track lead, median (points)", &|l| {
        points(l.one_track_lead_median)
    });
    table(&mut out, &rows);

    let _ = writeln!(
        out,
        "\nOne-track people by true track (rows) and what they were shown (columns):"
    );
    let mut rows = vec![
        std::iter::once(String::new())
            .chain(shorts.iter().cloned())
            .chain(["blend".into(), "none".into()])
            .collect::<Vec<_>>(),
    ];
    for l in &sim.levels {
        rows.push(vec![format!("{} noise", l.level.name)]);
        for (t, counts) in l.confusion.iter().enumerate() {
            rows.push(
                std::iter::once(format!("  {}", shorts[t]))
                    .chain(counts.iter().map(|c| c.to_string()))
                    .collect(),
            );
        }
    }
    table(&mut out, &rows);

    let _ = writeln!(
        out,
        "\nResponse styles ({} respondents each; every question not on a scale answered at random).\n\
         Each cell: shown that track alone at the top (ranked first, blend or not); uniform:\n\
         answers with a uniform response style (spec 3.5), never to be shown as a fit; by order:\n\
         first only because it is declared before a track with exactly the same score (3.2).",
        sim.settings.respondents
    );
    let mut rows = vec![
        std::iter::once(String::new())
            .chain(shorts.iter().cloned())
            .chain([
                "blend".into(),
                "none".into(),
                "uniform".into(),
                "by order".into(),
            ])
            .collect::<Vec<_>>(),
    ];
    for s in &sim.styles {
        rows.push(
            std::iter::once(s.name.to_string())
                .chain(
                    s.clear
                        .iter()
                        .zip(&s.first)
                        .map(|(c, f)| format!("{} ({})", pct(*c), pct(*f))),
                )
                .chain([
                    pct(s.blends),
                    pct(s.none),
                    pct(s.uniform_style),
                    pct(s.first_by_order),
                ])
                .collect(),
        );
    }
    table(&mut out, &rows);
    let _ = writeln!(out, "\nThe band of the first-ranked track:");
    let mut rows = vec![
        std::iter::once(String::new())
            .chain(a.bands.iter().map(|b| sanitize::line(&b.label)))
            .chain(["no band".into()])
            .collect::<Vec<_>>(),
    ];
    for s in &sim.styles {
        rows.push(
            std::iter::once(s.name.to_string())
                .chain(s.bands.iter().map(|b| pct(*b)))
                .collect(),
        );
    }
    table(&mut out, &rows);

    questions_text(&mut out, a, sim);
    out
}

/// The per-question table: discrimination at medium noise (the second
/// level), and the accuracy lost without the question at every level.
fn questions_text(out: &mut String, a: &Assessment, sim: &Simulation) {
    let Some(mid) = sim.levels.get(1).or(sim.levels.first()) else {
        return;
    };
    let _ = writeln!(
        out,
        "\nQuestions: shown to (share of respondents), discrimination r and the weakest track's r\n\
         at {} noise, and the accuracy lost without the question, in points, at each level:",
        mid.level.name
    );
    let mut rows = vec![
        ["question", "type", "shown", "r", "weakest"]
            .iter()
            .map(|s| s.to_string())
            .chain(sim.levels.iter().map(|l| l.level.name.to_string()))
            .collect::<Vec<_>>(),
    ];
    for (qi, q) in a.questions.iter().enumerate() {
        let f = &mid.questions[qi];
        let r = f.discrimination.map_or("-".into(), |r| format!("{r:.2}"));
        let weakest = f.weakest.map_or("-".into(), |(t, r)| {
            format!("{} {r:.2}", sanitize::line(&a.tracks[t].short))
        });
        rows.push(
            [
                q.id.to_string(),
                q.type_name().into(),
                pct(f.shown),
                r,
                weakest,
            ]
            .into_iter()
            .chain(
                sim.levels
                    .iter()
                    .map(|l| format!("{:.1}", 100.0 * l.questions[qi].removal_loss)),
            )
            .collect(),
        );
    }
    table(out, &rows);
}

/// A value per track, keyed by track id.
fn by_track(a: &Assessment, values: &[f64]) -> Value {
    Value::Object(
        a.tracks
            .iter()
            .zip(values)
            .map(|(t, v)| (t.id.clone(), json!(v)))
            .collect::<Map<_, _>>(),
    )
}

/// The JSON report, for tools (fields: docs/simulation.md).
pub fn json(a: &Assessment, sim: &Simulation) -> Value {
    let ids: Vec<&str> = a.tracks.iter().map(|t| t.id.as_str()).collect();
    let levels: Vec<Value> = sim
        .levels
        .iter()
        .map(|l| {
            let questions: Vec<Value> = a
                .questions
                .iter()
                .zip(&l.questions)
                .map(|(q, f)| {
                    json!({
                        "id": q.id,
                        "type": q.type_name(),
                        "shown": f.shown,
                        "shown_by_track": by_track(a, &f.shown_by_track),
                        "discrimination": f.discrimination,
                        "weakest": f.weakest.map(|(t, r)| json!({"track": ids[t], "r": r})),
                        "removal_loss": f.removal_loss,
                    })
                })
                .collect();
            let torn = |x: f64| (l.torn > 0).then_some(x);
            json!({
                "name": l.level.name,
                "noise": l.level.sigma,
                "one_track": l.one_track,
                "torn": l.torn,
                "accuracy": l.accuracy,
                "clear_accuracy": l.clear_accuracy,
                "false_blends": l.false_blends,
                "torn_blend": torn(l.torn_blend),
                "torn_one_alone": torn(l.torn_one_alone),
                "retest": l.retest,
                "retest_torn": torn(l.retest_torn),
                "uniform_style": l.uniform_style,
                "torn_gap_median": l.torn_gap_median,
                "one_track_lead_median": l.one_track_lead_median,
                "confusion": {
                    "rows": ids,
                    "columns": ids.iter().copied().chain(["blend", "none"]).collect::<Vec<_>>(),
                    "counts": l.confusion,
                },
                "questions": questions,
            })
        })
        .collect();
    let styles: Vec<Value> = sim
        .styles
        .iter()
        .map(|s| {
            let bands: Vec<Value> = a
                .bands
                .iter()
                .map(|b| json!(b.label))
                .chain([Value::Null])
                .zip(&s.bands)
                .map(|(label, share)| json!({"band": label, "share": share}))
                .collect();
            json!({
                "style": s.name,
                "respondents": s.respondents,
                "clear": by_track(a, &s.clear),
                "first": by_track(a, &s.first),
                "blend": s.blends,
                "none": s.none,
                "uniform_style": s.uniform_style,
                "first_by_order": s.first_by_order,
                "bands": bands,
            })
        })
        .collect();
    json!({
        "assessment": {"id": a.id, "title": a.title, "version": a.version},
        "respondents": sim.settings.respondents,
        "seed": sim.settings.seed,
        "tie_margin": a.tie_margin,
        "tracks": ids,
        "levels": levels,
        "styles": styles,
    })
}
