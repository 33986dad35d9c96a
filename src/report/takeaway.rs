//! What a report says so that it reads on its own, for someone who was not
//! in the room: the result in a few sentences ("In short"), what a percent
//! and each band mean ("How to read this"), and the words of a development
//! plan and its review. Format-neutral sentences; each format lays them out.

use crate::assessment::{Assessment, TrackIndex};
use crate::record::goals::{Goal, Review};
use crate::scoring::Score;

/// What a percent is, for a reader who did not take the assessment.
pub(crate) const PERCENT_MEANING: &str = "Each percent shows how far the answers lean toward a track, \
measured between the lowest and the highest that any answers to these questions could give it \
(0% and 100%). It is not a probability and not a test score: there are no right answers, and \
no track ranks above another.";

/// Why the result is worth talking over rather than obeying.
pub(crate) const STARTING_POINT: &str = "A result is a starting point for a conversation with a coach, \
mentor or manager about where to grow next, not a verdict.";

/// How the goals of a plan are meant to be used.
pub(crate) const GOALS_INTRO: &str = "The goals chosen after the results. Each says how you will \
know it is done, so progress can be checked; bring them to your next session to look at how \
they went.";

/// Heading of the track-suggested steps when goals were chosen.
pub(crate) const SUGGESTED: &str = "Growth steps the result suggests";

/// How the review of the last plan is introduced.
pub(crate) const REVIEW_INTRO: &str = "How the goals of the last session went.";

/// The scored tracks outside the top set that are within twice the tie
/// margin of the best score: "close behind", in rank order.
pub fn close_behind(a: &Assessment, s: &Score) -> Vec<TrackIndex> {
    let Some(best) = s.top.first().and_then(|t| s.of(*t).score) else {
        return Vec::new();
    };
    s.tracks
        .iter()
        .filter(|t| !s.top.contains(&t.track))
        .filter(|t| t.score.is_some_and(|v| v >= best - 2.0 * a.tie_margin))
        .map(|t| t.track)
        .collect()
}

/// Score points, as shown: whole numbers.
fn points(p: f64) -> String {
    let p = p.round() as i64;
    if p == 1 {
        "1 point".to_string()
    } else {
        format!("{p} points")
    }
}

/// What a uniform response style (spec 3.5) means and what to do: said
/// instead of a fit.
fn uniform_words(style: &crate::scoring::ResponseStyle) -> String {
    format!(
        "Your answers barely differ from one statement to the next ({} of {} at the same \
point of the scale), so they cannot separate the tracks and no track is named as your fit. \
Answer again thinking of concrete weeks of your work, or talk the statements through with a coach.",
        style.count, style.of
    )
}

/// Said before any result of a session that is not finished.
fn partial_note(s: &Score) -> String {
    format!(
        "{} of {} answered: a first look, not a result.",
        s.answered, s.total
    )
}

/// The result in a few plain sentences: first, for a session not
/// `finished`, that it is a first look; then the top track (or the blend)
/// with its percent and band, and any track close behind. The results
/// screen, plain mode and every report say these same sentences.
pub(crate) fn in_short(a: &Assessment, s: &Score, finished: bool) -> Vec<String> {
    let name = |t: TrackIndex| a.tracks[t].name.as_str();
    let with_band = |t: TrackIndex| {
        let ts = s.of(t);
        match ts.band {
            Some(b) => format!(
                "{} at {} ({})",
                name(t),
                super::percent(ts.score),
                a.bands[b].label
            ),
            None => format!("{} at {}", name(t), super::percent(ts.score)),
        }
    };
    let mut out = Vec::new();
    if !finished {
        out.push(partial_note(s));
    }
    // Spec 3.5: answers that barely differ are said to be so first, with
    // what to do, and no track is presented as a fit.
    if let Some(style) = &s.response_style {
        out.push(uniform_words(style));
        return out;
    }
    match s.top.as_slice() {
        [] => out.push("There are not enough answers yet to point to a track.".to_string()),
        [one] => out.push(format!("The strongest fit is {}.", with_band(*one))),
        many => {
            let names: Vec<String> = many.iter().map(|t| with_band(*t)).collect();
            out.push(format!(
                "A blend: {}. They are within {} of each other, so neither is a clear win, and \
the plan below draws on each.",
                crate::assessment::problem::joined(&names, "and"),
                points(a.tie_margin)
            ));
        }
    }
    if let Some(best) = s.top.first().and_then(|t| s.of(*t).score) {
        for t in close_behind(a, s) {
            let v = s.of(t).score.unwrap_or(best);
            out.push(format!(
                "{} is close behind at {}, {} lower: worth keeping in view.",
                name(t),
                super::percent(Some(v)),
                points(crate::scoring::shown_change(Some(v), Some(best)).unwrap_or(0) as f64)
            ));
        }
    }
    out
}

/// One band as a reader needs it: its label, the range of percents it
/// covers, and what it means (the assessment's message, or a plain one).
#[derive(Debug, Clone, serde::Serialize)]
pub struct BandMeaning {
    pub label: String,
    pub min: f64,
    /// "75% and above", "25% up to 75%".
    pub range: String,
    pub meaning: String,
}

/// Every band of the assessment, highest first.
pub fn bands(a: &Assessment) -> Vec<BandMeaning> {
    let n = a.bands.len();
    // The lowest band means "few" only when no percent falls below it.
    a.bands
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let range = match i {
                0 => format!("{}% and above", b.min),
                _ => format!("{}% up to {}%", b.min, a.bands[i - 1].min),
            };
            let meaning = match &b.message {
                Some(m) if !m.trim().is_empty() => super::one_line(m),
                _ if i == 0 => "the answers lean clearly toward this track.".to_string(),
                _ if i + 1 == n && b.min <= 0.0 => "few of the answers point this way.".to_string(),
                _ => "some of the answers point this way and some do not.".to_string(),
            };
            BandMeaning {
                label: b.label.clone(),
                min: b.min,
                range,
                meaning,
            }
        })
        .collect()
}

/// A note on percents below every band, when the lowest band starts above 0.
pub(crate) fn below_bands(a: &Assessment) -> Option<String> {
    a.bands
        .last()
        .filter(|b| b.min > 0.0)
        .map(|b| format!("Below {}%, a track has no band.", b.min))
}

/// What "close behind" means, said only when a track is.
pub(crate) fn close_meaning(a: &Assessment, s: &Score) -> Option<String> {
    (!close_behind(a, s).is_empty()).then(|| {
        format!(
            "A track is close behind when it is within {} of the top.",
            points(2.0 * a.tie_margin)
        )
    })
}

/// A goal in words: its text, where it came from, how its end is seen and by when.
pub(crate) fn goal_parts(a: &Assessment, g: &Goal) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(t) = &g.track {
        let name = a
            .tracks
            .iter()
            .find(|x| x.id == *t)
            .map_or(t.as_str(), |x| x.name.as_str());
        parts.push(format!("from {name}"));
    }
    if !g.done_when.trim().is_empty() {
        parts.push(format!("done when: {}", super::one_line(&g.done_when)));
    }
    if let Some(d) = g.target.as_deref().filter(|d| !d.trim().is_empty()) {
        parts.push(format!("by {}", d.trim()));
    }
    parts
}

/// A reviewed goal in words: "done", "in progress: note".
pub(crate) fn review_words(r: &Review) -> String {
    match r.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => format!("{}: {}", r.progress.words(), super::one_line(n)),
        None => r.progress.words().to_string(),
    }
}
