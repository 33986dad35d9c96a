//! Sections, questions of every type, and their options.

use super::conditions::resolve;
use super::{Checker, DEFAULT_TEXT_MAX, Loc, QUESTION_TYPES, RANK_OPTIONS, Seen};
use crate::assessment::model::*;
use crate::assessment::problem::{did_you_mean, one_of};
use crate::assessment::raw::*;
use std::collections::{HashMap, HashSet};

/// Checks every section and question. The raw sections are consumed: each
/// question's texts are moved into the model, not copied, and each raw
/// question is dropped once checked, so the whole raw document and the
/// whole model are never held at once.
pub(super) fn check_sections(
    c: &mut Checker,
    mut raw: Vec<RawSection>,
    default_scale: &Scale,
) -> (Vec<Section>, Vec<Question>) {
    if raw.is_empty() {
        c.error(
            &Loc::Key("sections"),
            Pos { line: 1, column: 1 },
            "an assessment needs at least 1 section with at least 1 question; add `sections:`",
        );
    }
    // Every question's id, taken out first: conditions look ids up while
    // the questions themselves are consumed.
    let ids: Vec<Option<Text>> = (raw.iter_mut())
        .flat_map(|s| s.questions.iter_mut().flatten())
        .map(|q| q.id.take())
        .collect();
    // Every question id in the file, to tell a forward reference from an unknown one.
    let all_ids: Vec<&str> = ids.iter().filter_map(|id| id.as_deref()).collect();
    // Borrowed ids and indices, not copies: this runs once per question.
    let mut seen: HashMap<&str, Seen> = HashMap::new();
    let mut section_ids: HashSet<String> = HashSet::new();
    let mut sections = Vec::new();
    let mut questions: Vec<Question> = Vec::with_capacity(ids.len());
    let mut file_position = 0usize;
    for (si, mut s) in raw.into_iter().enumerate() {
        let path = Loc::Root.item("sections", si, s.id.as_deref());
        let path = &path;
        // A question's path names its own id, not its section's.
        let plain = Loc::Root.item("sections", si, None);
        let id = c.id(&s.id, path, s.at, "section", true);
        if id.is_some()
            && let Some(written) = &s.id
            && !section_ids.insert(written.text.to_string())
        {
            c.error(
                path,
                written.at,
                format!("section id \"{written}\" is used twice; give each section its own id"),
            );
        }
        let title = c
            .required(s.title.as_deref(), path, s.at, "title", "What you value")
            .unwrap_or_default()
            .to_string();
        let raw_questions = s.questions.take().unwrap_or_default();
        if raw_questions.is_empty() {
            c.error(
                path,
                s.at,
                "a section needs at least 1 question; add `questions:`",
            );
        }
        let start = questions.len();
        for (qi, q) in raw_questions.into_iter().enumerate() {
            let position = file_position;
            let qid = &ids[position];
            let qpath = plain.item("questions", qi, qid.as_deref());
            file_position += 1;
            let known = Known {
                seen: &seen,
                questions: &questions,
                all_ids: &all_ids,
            };
            let question = check_question(c, q, qid, &qpath, default_scale, &known, sections.len());
            if let Some(qid) = qid {
                if seen.contains_key(&**qid) {
                    c.error(
                        &qpath,
                        qid.at,
                        format!(
                            "question id \"{qid}\" is used twice; give each question its own id"
                        ),
                    );
                    continue;
                }
                seen.insert(
                    qid,
                    Seen {
                        index: position,
                        slot: question.as_ref().map(|_| questions.len()),
                    },
                );
            }
            if let Some(question) = question {
                questions.push(question);
            }
        }
        sections.push(Section {
            id: id.unwrap_or_default(),
            title,
            intro: s.intro.take(),
            questions: start..questions.len(),
        });
    }
    (sections, questions)
}

/// The questions before the current one, for resolving its `show_if`.
pub(super) struct Known<'k, 'r> {
    pub(super) seen: &'k HashMap<&'r str, Seen>,
    pub(super) questions: &'k [Question],
    pub(super) all_ids: &'k [&'r str],
}

fn check_question(
    c: &mut Checker,
    mut q: RawQuestion,
    id: &Option<Text>,
    path: &Loc,
    default_scale: &Scale,
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
    let kind = kind_name.and_then(|k| check_kind(c, k, &mut q, path, default_scale));
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
    })
}

fn check_kind(
    c: &mut Checker,
    kind: &str,
    q: &mut RawQuestion,
    path: &Loc,
    default_scale: &Scale,
) -> Option<QuestionKind> {
    // Keys that belong to other types are mistakes the author wants to hear about.
    let present: [(&str, bool, &[&str]); 6] = [
        ("weights", q.weights.is_some(), &["likert"]),
        ("reverse", q.reverse.is_some(), &["likert"]),
        ("scale", q.scale.is_some(), &["likert"]),
        ("options", q.options.is_some(), &["choice", "multi", "rank"]),
        ("min", q.min.is_some() || q.max.is_some(), &["multi"]),
        ("max_length", q.max_length.is_some(), &["text"]),
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
                None => Some(default_scale.clone()),
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
