//! Reports of a score for people and machines: pure functions of the
//! assessment, the answers and the score.

pub mod full;
pub mod json;
pub mod markdown;
pub mod text;

use crate::answers::{Answers, describe};
use crate::assessment::{Assessment, TrackIndex};
use crate::scoring::{Reason, Score};

/// "Product Manager", "a blend of A and B", or "not enough answers yet".
pub fn headline(a: &Assessment, s: &Score) -> String {
    let names: Vec<&str> = s.top.iter().map(|t| a.tracks[*t].name.as_str()).collect();
    match names.as_slice() {
        [] => "Not enough answers yet to point to a track".to_string(),
        [one] => format!("Strongest fit: {one}"),
        many => format!(
            "A blend of {}",
            crate::assessment::problem::joined(many, "and")
        ),
    }
}

/// The profile line of spec 3.3: the leaning track of each axis, or
/// "balanced between A and B". Empty when the assessment has no axes.
pub fn profile(a: &Assessment, s: &Score) -> String {
    let parts: Vec<String> = s
        .axes
        .iter()
        .map(|p| {
            let axis = &a.axes[p.axis];
            let (l, r) = (&a.tracks[axis.left].name, &a.tracks[axis.right].name);
            match (p.position, p.leaning) {
                (None, _) => format!("{l} or {r}: not enough answers"),
                (Some(_), Some(t)) if t == axis.right => format!("{r} over {l}"),
                (Some(_), Some(_)) => format!("{l} over {r}"),
                (Some(_), None) => format!("balanced between {l} and {r}"),
            }
        })
        .collect();
    parts.join("; ")
}

/// A score as a whole percent, or "–" for no score.
pub fn percent(score: Option<f64>) -> String {
    match score {
        Some(s) => format!("{}%", s.round() as i64),
        None => "–".to_string(),
    }
}

/// The answers that pulled the top tracks most: for each top track, its
/// strongest pulls toward it and away from it, strongest first.
pub fn top_reasons(s: &Score, per_track: usize) -> Vec<&Reason> {
    let mut out: Vec<&Reason> = Vec::new();
    for t in &s.top {
        let toward = s
            .reasons
            .iter()
            .filter(|r| r.track == *t && r.pull > 1e-9)
            .take(per_track);
        let away = s
            .reasons
            .iter()
            .filter(|r| r.track == *t && r.pull < -1e-9)
            .take(per_track.div_ceil(2));
        out.extend(toward.chain(away));
    }
    out.sort_by(|a, b| b.pull.abs().total_cmp(&a.pull.abs()));
    out
}

/// One reason in words: what was answered and which way it pulled.
pub fn reason_sentence(a: &Assessment, answers: &Answers, r: &Reason) -> String {
    let q = &a.questions[r.question];
    let given = answers
        .get(r.question)
        .map(|ans| describe(a, r.question, ans))
        .unwrap_or_default();
    let track = &a.tracks[r.track].name;
    let way = if r.pull >= 0.0 { "toward" } else { "away from" };
    format!("\"{}\": {given}, which pulls {way} {track}", q.text.trim())
}

/// Name of a track by index.
pub fn track_name(a: &Assessment, t: TrackIndex) -> &str {
    &a.tracks[t].name
}

/// A text bar of `width` cells for a score.
pub fn bar(score: Option<f64>, width: usize) -> String {
    let filled = score
        .map_or(0, |s| ((s / 100.0) * width as f64).round() as usize)
        .min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// Whether a track has anything to say about itself (summary, strengths, growth).
pub fn has_profile(t: &crate::assessment::Track) -> bool {
    t.summary.is_some() || !t.strengths.is_empty() || !t.growth.is_empty()
}
