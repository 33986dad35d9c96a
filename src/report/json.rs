//! JSON: the document of `crossroads score` (spec section 4, plus a few
//! added keys) and the session report built on it.

use super::full::ReportInput;
use super::takeaway;
use crate::answers::{Answer, Answers};
use crate::assessment::{Assessment, Question};
use crate::scoring::Score;
use serde_json::{Map, Value, json};

/// The score as the spec's JSON document, with `response_style` (spec
/// 3.5 and 4: null, or `{"kind": "uniform", "position", "share", "count",
/// "of"}`). Added keys: `headline`, `profile`, `reasons`.
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
            let leaning = p.leaning.map(|t| &a.tracks[t].id);
            axis_json(
                a,
                p.axis,
                json!({ "position": p.position, "leaning": leaning }),
            )
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
    let reasons: Vec<Value> = super::top_reasons(s, super::REASONS_PER_TRACK)
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
        "response_style": response_style_json(s),
        "headline": super::headline(a, s),
        "profile": super::profile(a, s),
        "reasons": reasons,
    })
}

/// The response style as spec section 4 writes it, or null.
fn response_style_json(s: &Score) -> Value {
    match &s.response_style {
        None => Value::Null,
        Some(r) => json!({
            "kind": r.kind.name(),
            "position": r.position(),
            "share": r.share(),
            "count": r.count,
            "of": r.of,
        }),
    }
}

/// An axis as JSON: its `id`, the ids of its `left` and `right` tracks,
/// then the keys of `more`.
pub(crate) fn axis_json(a: &Assessment, axis: usize, more: Value) -> Value {
    let axis = &a.axes[axis];
    let mut map = Map::new();
    map.insert("id".into(), json!(axis.id));
    map.insert("left".into(), json!(a.tracks[axis.left].id));
    map.insert("right".into(), json!(a.tracks[axis.right].id));
    if let Value::Object(more) = more {
        map.extend(more);
    }
    Value::Object(map)
}

/// The session report: everything of [`score_json`], with the same keys,
/// plus `person`, `date`, `coach`, `session_note`, `answers` (every question
/// in file order) and `notes` (the notes this audience sees), and
/// `audience` (`mentee` or `coach`), `session_note_private`, `in_short`,
/// `reading` (what percents and bands mean, and the tracks close behind),
/// `reviews`, `goals` and `outline` (the document every format lays
/// out, [`super::outline::Outline`]). Each answer says whether its note is
/// `note_private`. Strings are as written, not cleaned.
pub fn report(input: &ReportInput) -> Value {
    let a = input.assessment;
    let mut doc = score_json(a, input.answers, input.score);
    let answers: Vec<Value> = input
        .items()
        .iter()
        .map(|item| {
            let q = item.question;
            json!({
                "id": q.id,
                "section": a.sections[q.section].id,
                "text": q.text,
                "type": q.type_name(),
                "status": item.status.id(),
                "answer": item.answer.map(|ans| raw_answer(q, ans)),
                "answer_text": item.answer_text,
                "coach": item.coach,
                "note": item.notes.first().map(|n| n.text),
                "note_private": item.notes.iter().any(|n| n.private),
                "notes": notes_json(&item.notes),
            })
        })
        .collect();
    let notes: Map<String, Value> = input
        .shown_notes()
        .into_iter()
        .map(|(k, v)| {
            let text: Vec<&str> = v.iter().map(|n| n.text).collect();
            (k.to_string(), Value::String(text.join("\n\n")))
        })
        .collect();
    let session_notes = input.session_notes();
    if let Value::Object(map) = &mut doc {
        map.insert("person".into(), json!(input.person()));
        map.insert("date".into(), json!(input.date()));
        map.insert("coach".into(), json!(input.coach_mode()));
        map.insert(
            "session_note".into(),
            json!(session_notes.first().map(|n| n.text)),
        );
        map.insert("session_notes".into(), notes_json(&session_notes));
        map.insert("answers".into(), Value::Array(answers));
        map.insert("notes".into(), Value::Object(notes));
        map.insert("audience".into(), json!(input.audience.name()));
        let private = session_notes.iter().any(|n| n.private);
        map.insert("session_note_private".into(), json!(private));
        map.insert(
            "in_short".into(),
            json!(takeaway::in_short(a, input.score, input.finished())),
        );
        map.insert("reading".into(), reading(a, input.score));
        map.insert("finished".into(), json!(input.finished()));
        // The one document every format lays out, as data.
        map.insert("outline".into(), json!(input.outline()));
        map.insert("reviews".into(), json!(input.reviews()));
        map.insert("goals".into(), json!(input.goals()));
    }
    doc
}

/// What percents and bands mean, and which tracks are close behind.
fn reading(a: &Assessment, s: &Score) -> Value {
    let bands: Vec<Value> = takeaway::bands(a)
        .into_iter()
        .map(|b| json!({ "label": b.label, "min": b.min, "meaning": b.meaning }))
        .collect();
    let close: Vec<&str> = takeaway::close_behind(a, s)
        .into_iter()
        .map(|t| a.tracks[t].id.as_str())
        .collect();
    json!({ "percent": takeaway::PERCENT_MEANING, "bands": bands, "close_behind": close })
}

/// The raw answer as the answers file writes it.
fn raw_answer(q: &Question, answer: &Answer) -> Value {
    let id = |o: &usize| Value::String(q.options()[*o].id.to_string());
    match answer {
        Answer::Likert(v) => json!(v),
        Answer::Choice(o) => id(o),
        Answer::Multi(list) | Answer::Rank(list) => Value::Array(list.iter().map(id).collect()),
        Answer::Text(t) => json!(t),
    }
}

/// Notes as a list of `{label, text, private}`, own note first.
fn notes_json(notes: &[super::full::NoteLine]) -> Value {
    notes
        .iter()
        .map(|n| json!({"label": n.label, "text": n.text, "private": n.private}))
        .collect()
}
