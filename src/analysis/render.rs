//! An analysis as text for people (figures rounded for reading) and as
//! JSON for programs (numbers unrounded, null where there is no number).

use super::Analysis;
use super::alpha::{MIN_ITEMS, MIN_RESPONDENTS};
use super::questions::{FLAG_MIN, Flag, QuestionStats, SAME_SHARE, SKIP_SHARE};
use crate::assessment::Assessment;
use serde_json::{Value, json};
use std::fmt::Write;

/// The analysis as JSON.
pub fn json(analysis: &Analysis, assessment: &Assessment) -> Value {
    let qid = |q: usize| assessment.questions[q].id.clone();
    let tracks: Vec<Value> = analysis
        .tracks
        .iter()
        .map(|t| {
            let items: Vec<Value> = t
                .items
                .iter()
                .map(|(q, s)| {
                    json!({
                        "question": qid(*q),
                        "mean": s.mean,
                        "sd": s.sd,
                        "r_drop": s.r_drop,
                        "alpha_if_dropped": s.alpha_if_dropped,
                    })
                })
                .collect();
            json!({
                "id": assessment.tracks[t.track].id,
                "k": t.k(),
                "n": t.complete,
                "alpha": t.alpha,
                "items": items,
                "no_variance": t.no_variance.iter().map(|q| qid(*q)).collect::<Vec<_>>(),
                "note": t.shortfall.map(|s| s.words()),
            })
        })
        .collect();
    let questions: Vec<Value> = analysis
        .questions
        .iter()
        .map(|s| question_json(s, assessment))
        .collect();
    let g = &analysis.group;
    let spread = |s: &super::group::Spread| json!({"n": s.n, "mean": s.mean, "sd": s.sd});
    let results: Vec<Value> = g
        .results
        .iter()
        .map(|(set, n)| {
            json!({
                "tracks": set.iter().map(|t| assessment.tracks[*t].id.clone()).collect::<Vec<_>>(),
                "blend": set.len() > 1,
                "count": n,
            })
        })
        .collect();
    let group_tracks: Vec<Value> = g
        .tracks
        .iter()
        .enumerate()
        .map(|(t, s)| {
            let mut v = spread(s);
            v["id"] = json!(assessment.tracks[t].id);
            v
        })
        .collect();
    let group_axes: Vec<Value> = g
        .axes
        .iter()
        .enumerate()
        .map(|(a, s)| {
            let axis = &assessment.axes[a];
            let mut v = spread(s);
            v["id"] = json!(axis.id);
            v["left"] = json!(assessment.tracks[axis.left].id);
            v["right"] = json!(assessment.tracks[axis.right].id);
            v
        })
        .collect();
    json!({
        "assessment": analysis.assessment,
        "sessions": analysis.sessions,
        "tracks": tracks,
        "questions": questions,
        "group": {
            "sessions": g.sessions,
            "results": results,
            "blends": g.blends,
            "unscored": g.unscored,
            "tracks": group_tracks,
            "axes": group_axes,
        },
        "thresholds": {
            "same_answer_share": SAME_SHARE,
            "many_skip_share": SKIP_SHARE,
            "flag_min": FLAG_MIN,
            "min_respondents": MIN_RESPONDENTS,
            "min_items": MIN_ITEMS,
        },
    })
}

fn question_json(s: &QuestionStats, assessment: &Assessment) -> Value {
    let q = &assessment.questions[s.question];
    let distribution: Vec<Value> = s
        .distribution
        .iter()
        .map(|(key, n)| {
            let answer = match key {
                super::questions::Key::Point(v) => json!(v),
                super::questions::Key::Option(id) => json!(id),
            };
            json!({"answer": answer, "count": n})
        })
        .collect();
    let most_common = s.most_common.as_ref().map(
        |(answer, n)| json!({"answer": answer, "count": n, "share": *n as f64 / s.answered as f64}),
    );
    json!({
        "id": q.id,
        "type": q.type_name(),
        "shown": s.shown,
        "answered": s.answered,
        "skipped": s.skipped,
        "not_reached": s.not_reached,
        "hidden": s.hidden,
        "distribution": distribution,
        "most_common": most_common,
        "flags": s.flags.iter().map(|f| f.id()).collect::<Vec<_>>(),
    })
}

/// A figure for reading: three decimals, or a dash where there is none.
fn fig(x: Option<f64>) -> String {
    x.map_or("–".to_string(), |x| format!("{x:.3}"))
}

/// The analysis in words and tables, for people.
pub fn text(analysis: &Analysis, assessment: &Assessment) -> String {
    let mut out = String::new();
    let version = assessment
        .version
        .as_deref()
        .map(|v| format!(" (version {v})"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "Item analysis of {}{version}: {} session{}",
        assessment.id,
        analysis.sessions,
        if analysis.sessions == 1 { "" } else { "s" }
    );
    let _ = writeln!(out, "\nReliability of each track (Cronbach's alpha)");
    for t in &analysis.tracks {
        let track = &assessment.tracks[t.track];
        let head = match t.alpha {
            Some(a) => format!("alpha {a:.3}"),
            None => "no alpha".to_string(),
        };
        let _ = writeln!(
            out,
            "\n  {} ({}): {head}; k = {} items, n = {} of {} sessions answered every item",
            track.name,
            track.id,
            t.k(),
            t.complete,
            analysis.sessions
        );
        if let Some(s) = t.shortfall {
            let _ = writeln!(out, "    {}", s.words());
        }
        if !t.items.is_empty() {
            let width = t
                .items
                .iter()
                .map(|(q, _)| assessment.questions[*q].id.chars().count())
                .max()
                .unwrap_or(0)
                .max(4);
            let _ = writeln!(
                out,
                "    {:<width$}  {:>8}  {:>8}  {:>8}  {:>16}",
                "item", "mean", "sd", "r.drop", "alpha if dropped"
            );
            for (q, s) in &t.items {
                let _ = writeln!(
                    out,
                    "    {:<width$}  {:>8}  {:>8}  {:>8}  {:>16}",
                    assessment.questions[*q].id,
                    fig(s.mean),
                    fig(s.sd),
                    fig(s.r_drop),
                    fig(s.alpha_if_dropped)
                );
            }
        }
        if !t.no_variance.is_empty() {
            let ids: Vec<&str> = t
                .no_variance
                .iter()
                .map(|q| assessment.questions[*q].id.as_str())
                .collect();
            let _ = writeln!(
                out,
                "    left out, answered alike by all {}: {}",
                t.complete,
                ids.join(", ")
            );
        }
    }
    let _ = writeln!(out, "\nQuestions");
    for s in &analysis.questions {
        question_text(&mut out, s, assessment);
    }
    group_text(&mut out, analysis, assessment);
    out
}

fn question_text(out: &mut String, s: &QuestionStats, assessment: &Assessment) {
    let q = &assessment.questions[s.question];
    let _ = writeln!(
        out,
        "\n  {} ({}): shown {}, answered {}, skipped {}, not reached {}, hidden {}",
        q.id,
        q.type_name(),
        s.shown,
        s.answered,
        s.skipped,
        s.not_reached,
        s.hidden
    );
    if !s.distribution.is_empty() {
        let what = match q.type_name() {
            "multi" => "ticked ",
            "rank" => "first ",
            _ => "",
        };
        let parts: Vec<String> = s
            .distribution
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        let _ = writeln!(out, "    {what}{}", parts.join(", "));
    }
    for f in &s.flags {
        let line = match (f, &s.most_common) {
            (Flag::SameAnswer, Some((answer, n))) => format!(
                "! {n} of {} gave the same answer ({answer}): it hardly tells people apart",
                s.answered
            ),
            (Flag::ManySkip, _) => format!(
                "! often skipped: {} of the {} who reached it",
                s.skipped,
                s.answered + s.skipped
            ),
            _ => continue,
        };
        let _ = writeln!(out, "    {line}");
    }
}

fn group_text(out: &mut String, analysis: &Analysis, assessment: &Assessment) {
    let g = &analysis.group;
    let _ = writeln!(out, "\nThe group: {} sessions", g.sessions);
    let names = |set: &[usize]| {
        set.iter()
            .map(|t| assessment.tracks[*t].id.as_str())
            .collect::<Vec<_>>()
            .join(" + ")
    };
    for (set, n) in &g.results {
        let kind = if set.len() > 1 { "blend" } else { "top" };
        let _ = writeln!(out, "  {kind} {}: {n}", names(set));
    }
    if g.unscored > 0 {
        let _ = writeln!(out, "  no result yet: {}", g.unscored);
    }
    let _ = writeln!(out, "  blends in all: {}", g.blends);
    let _ = writeln!(out, "\n  track scores (mean, sd, sessions scored)");
    for (t, s) in g.tracks.iter().enumerate() {
        let _ = writeln!(
            out,
            "    {:<12} {:>8}  {:>8}  {}",
            assessment.tracks[t].id,
            fig(s.mean),
            fig(s.sd),
            s.n
        );
    }
    if !g.axes.is_empty() {
        let _ = writeln!(
            out,
            "\n  axis positions, -1 left to 1 right (mean, sd, sessions)"
        );
        for (a, s) in g.axes.iter().enumerate() {
            let axis = &assessment.axes[a];
            let _ = writeln!(
                out,
                "    {:<12} {:>8}  {:>8}  {}  ({} to {})",
                axis.id,
                fig(s.mean),
                fig(s.sd),
                s.n,
                assessment.tracks[axis.left].id,
                assessment.tracks[axis.right].id
            );
        }
    }
}
