//! Reports of a score for people and machines: pure functions of the
//! assessment, the answers and the score.
//!
//! One module per format, each holding both the result of `crossroads
//! score` and the session report of `crossroads report`, built from the
//! same section functions: [`markdown`], [`text`], [`json`] and [`html`]
//! (with its SVG drawings and `report.css`). [`full`] holds what a
//! session report is made from; [`format`](mod@format) picks a rendering for a
//! [`Format`] and sanitises it. This module holds the helpers every format
//! shares.

pub mod format;
pub mod full;
pub mod html;
pub mod json;
pub mod markdown;
pub mod outline;
mod svg;
pub mod takeaway;
pub mod text;

pub use format::{Format, Kind};

use crate::answers::Answers;
use crate::assessment::{Assessment, Track, TrackIndex};
use crate::scoring::{Reason, Score, TrackScore};

/// How many reasons toward each top track a result gives (and half as
/// many away from it), on the screen, in plain mode and in every report.
pub const REASONS_PER_TRACK: usize = 5;

/// "Product Manager", "a blend of A and B", or "not enough answers yet".
/// With a uniform response style (spec 3.5) no track is named as a fit.
pub fn headline(a: &Assessment, s: &Score) -> String {
    if s.response_style.is_some() {
        return "No clear result: the answers barely differ, so they cannot separate the tracks"
            .to_string();
    }
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

/// How far apart, in score points, the two ends of an axis must be for
/// the profile to name the lean of an axis that none of the person's top
/// tracks lies on.
pub const CLEAR_LEAN: f64 = 25.0;

/// The profile line of spec 3.3, for the axes that concern the person: the
/// leaning track of each axis, or "balanced between A and B". An axis is
/// named when one of the top tracks is one of its ends (then the lean of
/// spec 3.3, beyond `tie_margin`), or when its lean is clear: its ends at
/// least [`CLEAR_LEAN`] points apart. Otherwise it is left out, so a person
/// whose result is Individual contributor is not told that they lean
/// "Product Owner over Product Manager" on a difference that means little.
/// Empty when no axis qualifies or the assessment has no axes.
pub fn profile(a: &Assessment, s: &Score) -> String {
    let parts: Vec<String> = s
        .axes
        .iter()
        .filter_map(|p| {
            let axis = &a.axes[p.axis];
            let (l, r) = (&a.tracks[axis.left].name, &a.tracks[axis.right].name);
            if !lean_named(a, s, p) {
                return None;
            }
            Some(match (p.position, p.leaning) {
                (None, _) => format!("{l} or {r}: not enough answers"),
                (Some(_), Some(t)) if t == axis.right => format!("{r} over {l}"),
                (Some(_), Some(_)) => format!("{l} over {r}"),
                (Some(_), None) => format!("balanced between {l} and {r}"),
            })
        })
        .collect();
    parts.join("; ")
}

/// Whether an axis's lean is worth naming to the person (the rule of
/// [`profile`]): a top track lies on it, or its ends are at least
/// [`CLEAR_LEAN`] points apart. The results screen and every report ask
/// this one question.
pub(crate) fn lean_named(a: &Assessment, s: &Score, p: &crate::scoring::AxisPosition) -> bool {
    let axis = &a.axes[p.axis];
    let on_axis = s.top.iter().any(|t| *t == axis.left || *t == axis.right);
    let clear = p.position.is_some_and(|x| x.abs() * 100.0 >= CLEAR_LEAN);
    on_axis || clear
}

/// "7 of 8 questions answered, 1 skipped, 0 hidden."
pub fn counts(s: &Score) -> String {
    format!(
        "{} of {} questions answered, {} skipped, {} hidden.",
        s.answered, s.total, s.skipped, s.hidden
    )
}

/// The counts of a session: as [`counts`], with the questions not reached
/// yet told apart from those skipped (a session in progress).
pub(crate) fn counts_with(s: &Score, not_yet: usize) -> String {
    if not_yet == 0 {
        return counts(s);
    }
    format!(
        "{} of {} questions answered, {} skipped, {} not reached yet, {} hidden.",
        s.answered,
        s.total,
        s.skipped.saturating_sub(not_yet),
        not_yet,
        s.hidden
    )
}

/// A score as a whole percent, or "–" for no score.
pub fn percent(score: Option<f64>) -> String {
    match score {
        Some(s) => format!("{}%", crate::scoring::whole_percent(s)),
        None => "–".to_string(),
    }
}

/// An axis position with its sign, "+0.70", or "–" for none.
pub fn position(p: Option<f64>) -> String {
    p.map_or_else(|| "–".to_string(), |p| format!("{p:+.2}"))
}

/// The leaning of an axis in words: the track's name, "balanced" or "not
/// enough answers".
pub fn leaning(a: &Assessment, position: Option<f64>, track: Option<TrackIndex>) -> String {
    match (position, track) {
        (None, _) => "not enough answers".to_string(),
        (Some(_), Some(t)) => a.tracks[t].name.clone(),
        (Some(_), None) => "balanced".to_string(),
    }
}

/// The band of a track in words: its label, "not enough answers" when
/// unscored, or None when scored outside every band (each layout shows
/// that its own way: "–" in a table, "no band" in text).
pub fn band<'a>(a: &'a Assessment, t: &TrackScore) -> Option<&'a str> {
    match (t.score, t.band) {
        (None, _) => Some("not enough answers"),
        (Some(_), Some(b)) => Some(&a.bands[b].label),
        (Some(_), None) => None,
    }
}

/// The answers that pulled the top tracks most: for each top track, its
/// strongest pulls toward it (at most `per_track`) and away from it (half
/// as many), strongest first. An answer is a reason once, for the track
/// it pulled most, so the same answer is never told for two tracks.
pub fn top_reasons(s: &Score, per_track: usize) -> Vec<&Reason> {
    let away_quota = per_track.div_ceil(2);
    let mut counts = vec![(0usize, 0usize); s.tracks.len()];
    let mut told = std::collections::HashSet::new();
    let mut out: Vec<&Reason> = Vec::new();
    // `s.reasons` is sorted strongest first: the first time an answer
    // comes up is its strongest pull.
    for r in &s.reasons {
        if !s.top.contains(&r.track) || r.pull.abs() <= 1e-9 || told.contains(&r.question) {
            continue;
        }
        let (toward, away) = &mut counts[r.track];
        let slot = if r.pull > 0.0 { toward } else { away };
        let quota = if r.pull > 0.0 { per_track } else { away_quota };
        if *slot < quota {
            *slot += 1;
            told.insert(r.question);
            out.push(r);
        }
    }
    out
}

/// The reasons of a result in words, strongest first.
pub fn why(a: &Assessment, answers: &Answers, s: &Score) -> Vec<String> {
    top_reasons(s, REASONS_PER_TRACK)
        .into_iter()
        .map(|r| reason_sentence(a, answers, r))
        .collect()
}

/// One reason in words: the question, the part of the answer that moved
/// the track ("ranked 'Shaping the team' first", "ticked 'Interviews'"),
/// and which way it pulled. Only answers that carry weight for the track
/// are reasons ([`crate::scoring::moved`]), so "away from" is never said
/// of an answer that counted nothing toward the track.
pub fn reason_sentence(a: &Assessment, answers: &Answers, r: &Reason) -> String {
    let q = &a.questions[r.question];
    let given = answers
        .get(r.question)
        .map(|ans| crate::assessment::kinds::moving_part(&q.kind, ans, r.track, r.pull))
        .unwrap_or_default();
    let track = &a.tracks[r.track].name;
    let way = if r.pull >= 0.0 { "toward" } else { "away from" };
    let alike = if weighs_every_track_alike(a, q) {
        ", as it does every track"
    } else {
        ""
    };
    format!(
        "\"{}\": {given}, which pulls {way} {track}{alike}",
        q.text.trim()
    )
}

/// Whether a statement carries the same weight for every track (as the
/// human skills valued on every track do): its answer moves them all alike
/// and never sets one above another, which a reason should say.
fn weighs_every_track_alike(a: &Assessment, q: &crate::assessment::model::Question) -> bool {
    use crate::assessment::model::QuestionKind;
    let QuestionKind::Likert { weights, .. } = &q.kind else {
        return false;
    };
    let first = crate::assessment::weight_of(weights, 0);
    a.tracks.len() > 1
        && first != 0.0
        && (0..a.tracks.len()).all(|t| crate::assessment::weight_of(weights, t) == first)
}

/// The sentence that opens the development plan; None when no track is on top.
pub(crate) fn plan_intro(a: &Assessment, s: &Score) -> Option<String> {
    let names: Vec<&str> = s.top.iter().map(|t| a.tracks[*t].name.as_str()).collect();
    match names.as_slice() {
        [] => None,
        [one] => Some(format!(
            "Built from your strongest fit, {one}: what people on this track tend to do well, and next steps to take."
        )),
        many => Some(format!(
            "Your result is a blend, so the plan draws on each of {}: what people on each track tend to do well, and next steps to take in each.",
            crate::assessment::problem::joined(many, "and")
        )),
    }
}

/// The heading of a track's `strengths`: what people on the track tend to
/// do well, not a claim about the person, whatever they answered.
pub(crate) const STRENGTHS: &str = "What people on this track tend to do well";

/// The sentence a plan gives for a track with nothing to say about itself.
pub(crate) fn no_plan(track: &str) -> String {
    format!("This assessment lists no strengths or next steps for {track}.")
}

/// Name of a track by index.
pub fn track_name(a: &Assessment, t: TrackIndex) -> &str {
    &a.tracks[t].name
}

/// A text bar of `width` cells for a score.
pub(crate) fn bar(score: Option<f64>, width: usize) -> String {
    let filled = score
        .map_or(0, |s| ((s / 100.0) * width as f64).round() as usize)
        .min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// Whether a track has anything to say about itself (summary, strengths, growth).
pub(crate) fn has_profile(t: &Track) -> bool {
    t.summary.is_some() || !t.strengths.is_empty() || !t.growth.is_empty()
}

/// Text on one line: each line trimmed, blank lines dropped, joined by a space.
pub(crate) fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Skipped" from "skipped".
pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
