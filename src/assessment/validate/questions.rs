//! Sections, questions of every type, and their options.

use super::conditions::resolve;
use super::sections::Known;
use super::{Checker, DEFAULT_TEXT_MAX, Loc, QUESTION_TYPES, RANK_OPTIONS};
use crate::assessment::model::*;
use crate::assessment::problem::{did_you_mean, one_of};
use crate::assessment::raw::*;

pub(super) fn check_question(
    c: &mut Checker,
    mut q: RawQuestion,
    id: &Option<Text>,
    path: &Loc,
    known: &Known,
    section: usize,
) -> Option<Question> {
    let id = c.id(id, path, q.at, "question", true);
    let text = q.text.take();
    let text_ok = c
        .required(
            text.as_deref(),
            path,
            q.at,
            "text",
            "I enjoy talking with customers.",
        )
        .is_some();
    let text = text.filter(|_| text_ok);
    let written = q.kind.take();
    let type_at = written.as_ref().map_or(q.at, |k| k.at);
    let kind_name = match written.as_deref() {
        None => {
            c.error(
                path,
                q.at,
                format!("`type` is missing; give one of {}", one_of(&QUESTION_TYPES)),
            );
            None
        }
        Some(k) if QUESTION_TYPES.contains(&k) => Some(k),
        Some(k) => {
            let hint = did_you_mean(k, QUESTION_TYPES)
                .map(|n| format!("did you mean \"{n}\"? "))
                .unwrap_or_default();
            c.error(
                path,
                type_at,
                format!(
                    "unknown question type \"{k}\"; {hint}types are {}",
                    one_of(&QUESTION_TYPES)
                ),
            );
            None
        }
    };
    let show_if = q
        .show_if
        .as_ref()
        .and_then(|cond| resolve(c, cond, &Loc::Sub(path, "show_if"), known, 0));
    let kind = kind_name.and_then(|k| check_kind(c, k, &mut q, path));
    Some(Question {
        id: id?,
        section,
        text: text?,
        help: q.help.take(),
        coach: q.coach.take(),
        required: q.required.unwrap_or(false),
        show_if: if q.show_if.is_some() {
            Some(show_if?)
        } else {
            None
        },
        kind: kind?,
        shuffle: q.shuffle,
    })
}

fn check_kind(
    c: &mut Checker,
    kind: &str,
    q: &mut RawQuestion,
    path: &Loc,
) -> Option<QuestionKind> {
    // Keys that belong to other types are mistakes the author wants to hear about.
    let present: [(&str, bool, &[&str]); 7] = [
        ("weights", q.weights.is_some(), &["likert"]),
        ("reverse", q.reverse.is_some(), &["likert"]),
        ("scale", q.scale.is_some(), &["likert"]),
        ("options", q.options.is_some(), &["choice", "multi", "rank"]),
        ("min", q.min.is_some() || q.max.is_some(), &["multi"]),
        ("max_length", q.max_length.is_some(), &["text"]),
        ("shuffle", q.shuffle.is_some(), &["choice", "multi", "rank"]),
    ];
    let mut fine = true;
    for (key, is_there, types) in present {
        if is_there && !types.contains(&kind) {
            let key = if key == "min" && q.min.is_none() {
                "max"
            } else {
                key
            };
            let hint = if key == "weights" && kind != "text" {
                " (put weights on each option instead)"
            } else {
                ""
            };
            let at = match key {
                "weights" => q.weights.as_ref().map(|w| w.0.first().map(|(t, _)| t.at)),
                "scale" => q.scale.as_ref().map(|s| Some(s.at)),
                "min" => q.min.map(|m| Some(m.at)),
                "max" => q.max.map(|m| Some(m.at)),
                "max_length" => q.max_length.map(|m| Some(m.at)),
                _ => None,
            }
            .flatten()
            .unwrap_or(q.at);
            c.error(
                path,
                at,
                format!(
                    "`{key}` does not apply to a {kind} question; it belongs to {} questions{hint}",
                    one_of(types)
                ),
            );
            fine = false;
        }
    }
    let kind = match kind {
        "likert" => {
            let scale = match &q.scale {
                Some(s) => c.scale(s, path),
                // The assessment's scale, given in `finish`.
                None => Some(Scale::default()),
            };
            let weights = match &q.weights {
                None => {
                    c.error(
                        path,
                        q.at,
                        format!(
                            "a likert question needs `weights`, for example `weights: {{ {}: 1 }}`",
                            c.track_ids.first().map_or("pm", String::as_str)
                        ),
                    );
                    None
                }
                Some(w) if w.0.is_empty() => {
                    c.error(
                        path,
                        q.at,
                        "`weights` is empty; name at least one track with a number",
                    );
                    None
                }
                Some(w) => Some(c.weights(w, &Loc::Sub(path, "weights"))),
            };
            QuestionKind::Likert {
                scale: scale?,
                reverse: q.reverse.unwrap_or(false),
                weights: weights?,
            }
        }
        "choice" | "multi" | "rank" => {
            let options = check_options(c, q, path, kind)?;
            let raw_options = q.options.as_deref().unwrap_or_default();
            if raw_options
                .iter()
                .all(|o| o.weights.as_ref().is_none_or(|w| w.0.is_empty()))
            {
                c.error(path, q.at, format!("no option has `weights`, so this {kind} question cannot score any track; give some options weights, or make it a text question"));
                return None;
            }
            match kind {
                "choice" => QuestionKind::Choice { options },
                "rank" => QuestionKind::Rank { options },
                _ => {
                    let n = options.len() as i64;
                    let min = q.min.map_or(0, |m| m.value);
                    let max = q.max.map_or(n, |m| m.value);
                    let at = q.min.or(q.max).map_or(q.at, |m| m.at);
                    if min < 0 || max < min || max > n {
                        c.error(path, at, format!("multi min {min} and max {max} are out of range: they need 0 <= min <= max <= {n} (the number of options)"));
                        return None;
                    }
                    if max == 0 {
                        c.warning(
                            path,
                            at,
                            "multi max is 0, so nothing can ever be chosen; raise max",
                        );
                    }
                    QuestionKind::Multi {
                        options,
                        min: min as usize,
                        max: max as usize,
                    }
                }
            }
        }
        _ => {
            let max_length = q.max_length.map_or(DEFAULT_TEXT_MAX as i64, |m| m.value);
            let at = q.max_length.map_or(q.at, |m| m.at);
            if max_length < 0 {
                c.error(path, at, format!("max_length is {max_length}; give a number of characters of 0 or more (default {DEFAULT_TEXT_MAX})"));
                return None;
            }
            if max_length == 0 {
                c.warning(
                    path,
                    at,
                    "max_length is 0, so the only answer possible is an empty one",
                );
            }
            QuestionKind::Text {
                max_length: max_length as usize,
            }
        }
    };
    fine.then_some(kind)
}

fn check_options(
    c: &mut Checker,
    q: &mut RawQuestion,
    path: &Loc,
    kind: &str,
) -> Option<Vec<Choice>> {
    let raw = q.options.as_deref_mut().unwrap_or_default();
    let n = raw.len();
    let at = raw.first().map_or(q.at, |o| o.at);
    if kind == "rank" && !RANK_OPTIONS.contains(&n) {
        c.error(
            path,
            at,
            format!("a rank question needs 2 to 9 options; found {n}"),
        );
        return None;
    }
    if n < 2 {
        c.error(
            path,
            at,
            format!("a {kind} question needs at least 2 options; found {n}"),
        );
        return None;
    }
    let mut options: Vec<Choice> = Vec::with_capacity(n);
    let mut fine = true;
    for (i, o) in raw.iter_mut().enumerate() {
        let opath = path.item("options", i, o.id.as_deref());
        let id = c.id(&o.id, &opath, o.at, "option", true);
        let label = o.label.take();
        let label_ok = c
            .required(label.as_deref(), &opath, o.at, "label", "Roadmaps")
            .is_some();
        let label = label.filter(|_| label_ok);
        let weights = o
            .weights
            .as_ref()
            .map(|w| c.weights(w, &opath))
            .unwrap_or_default();
        let (Some(id), Some(label)) = (id, label) else {
            fine = false;
            continue;
        };
        if options.iter().any(|x| x.id == id) {
            c.error(
                &opath,
                o.id.as_ref().map_or(o.at, |i| i.at),
                format!(
                    "option id \"{id}\" is used twice in this question; give each option its own id"
                ),
            );
            fine = false;
            continue;
        }
        options.push(Choice { id, label, weights });
    }
    fine.then_some(options)
}
