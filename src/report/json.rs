//! The JSON of `crossroads score` (spec section 4), plus a few added keys.

use crate::answers::Answers;
use crate::assessment::Assessment;
use crate::scoring::Score;
use serde_json::{Map, Value, json};

/// The score as the spec's JSON document. Added keys: `headline`,
/// `profile`, `reasons`.
pub fn score_json(a: &Assessment, answers: &Answers, s: &Score) -> Value {
    let tracks: Vec<Value> = s
        .tracks
        .iter()
        .map(|t| {
            let track = &a.tracks[t.track];
            json!({
                "id": track.id,
                "name": track.name,
                "score": t.score,
                "band": t.band.map(|b| a.bands[b].label.clone()),
                "rank": t.rank,
            })
        })
        .collect();
    let axes: Vec<Value> = s
        .axes
        .iter()
        .map(|p| {
            let axis = &a.axes[p.axis];
            json!({
                "id": axis.id,
                "left": a.tracks[axis.left].id,
                "right": a.tracks[axis.right].id,
                "position": p.position,
                "leaning": p.leaning.map(|t| a.tracks[t].id.clone()),
            })
        })
        .collect();
    let sections: Vec<Value> = s
        .sections
        .iter()
        .map(|sec| {
            let mut scores = Map::new();
            for (t, v) in sec.scores.iter().enumerate() {
                scores.insert(a.tracks[t].id.clone(), json!(v));
            }
            let section = &a.sections[sec.section];
            json!({ "id": section.id, "title": section.title, "scores": scores })
        })
        .collect();
    let reasons: Vec<Value> = super::top_reasons(s, 3)
        .into_iter()
        .map(|r| {
            json!({
                "question": a.questions[r.question].id,
                "track": a.tracks[r.track].id,
                "pull": r.pull,
                "text": super::reason_sentence(a, answers, r),
            })
        })
        .collect();
    json!({
        "assessment": { "id": a.id, "title": a.title, "version": a.version },
        "total": s.total,
        "answered": s.answered,
        "skipped": s.skipped,
        "hidden": s.hidden,
        "tracks": tracks,
        "top": s.top.iter().map(|t| a.tracks[*t].id.clone()).collect::<Vec<_>>(),
        "axes": axes,
        "sections": sections,
        "headline": super::headline(a, s),
        "profile": super::profile(a, s),
        "reasons": reasons,
    })
}
