//! Sections, questions of every type, and their options.

use super::conditions::resolve;
use super::{Checker, DEFAULT_TEXT_MAX, QUESTION_TYPES, RANK_OPTIONS, Seen};
use crate::assessment::model::*;
use crate::assessment::problem::{did_you_mean, one_of};
use crate::assessment::raw::*;
use std::collections::{HashMap, HashSet};

pub(super) fn check_sections(
    c: &mut Checker,
    raw: Option<&[RawSection]>,
    default_scale: &Scale,
) -> (Vec<Section>, Vec<Question>) {
    let raw = raw.unwrap_or_default();
    if raw.is_empty() {
        c.error(
            "sections",
            "an assessment needs at least 1 section with at least 1 question; add `sections:`",
        );
    }
    // Every question id in the file, to tell a forward reference from an unknown one.
    let all_ids: Vec<&str> = raw
        .iter()
        .flat_map(|s| s.questions.iter().flatten())
        .filter_map(|q| q.id.as_deref())
        .collect();
    let mut seen: HashMap<String, Seen> = HashMap::new();
    let mut section_ids: HashSet<String> = HashSet::new();
    let mut sections = Vec::new();
    let mut questions: Vec<Question> = Vec::new();
    let mut file_position = 0usize;
    for (si, s) in raw.iter().enumerate() {
        let path = match &s.id {
            Some(id) => format!("sections[{si}] (id \"{id}\")"),
            None => format!("sections[{si}]"),
        };
        let id = c.id(&s.id, &path, "section", true);
        if let Some(id) = &id
            && !section_ids.insert(id.clone())
        {
            c.error(
                &path,
                format!("section id \"{id}\" is used twice; give each section its own id"),
            );
        }
        let title = c
            .required(&s.title, &path, "title", "What you value")
            .unwrap_or_default()
            .to_string();
        let raw_questions = s.questions.as_deref().unwrap_or_default();
        if raw_questions.is_empty() {
            c.error(
                &path,
                "a section needs at least 1 question; add `questions:`",
            );
        }
        let start = questions.len();
        for (qi, q) in raw_questions.iter().enumerate() {
            let qpath = match &q.id {
                Some(id) => format!("sections[{si}].questions[{qi}] (id \"{id}\")"),
                None => format!("sections[{si}].questions[{qi}]"),
            };
            let position = file_position;
            file_position += 1;
            let question =
                check_question(c, q, &qpath, default_scale, &seen, &all_ids, sections.len());
            if let Some(qid) = &q.id {
                if seen.contains_key(qid) {
                    c.error(
                        &qpath,
                        format!(
                            "question id \"{qid}\" is used twice; give each question its own id"
                        ),
                    );
                    continue;
                }
                seen.insert(
                    qid.clone(),
                    Seen {
                        index: position,
                        kind: question.as_ref().map(|q| q.kind.clone()),
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
            intro: s.intro.clone(),
            questions: start..questions.len(),
        });
    }
    (sections, questions)
}

fn check_question(
    c: &mut Checker,
    q: &RawQuestion,
    path: &str,
    default_scale: &Scale,
    seen: &HashMap<String, Seen>,
    all_ids: &[&str],
    section: usize,
) -> Option<Question> {
    let id = c.id(&q.id, path, "question", true);
    let text = c
        .required(&q.text, path, "text", "I enjoy talking with customers.")
        .map(str::to_string);
    let kind_name = match q.kind.as_deref() {
        None => {
            c.error(
                path,
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
        .and_then(|cond| resolve(c, cond, &format!("{path}.show_if"), seen, all_ids, 0));
    let kind = kind_name.and_then(|k| check_kind(c, k, q, path, default_scale));
    Some(Question {
        id: id?,
        section,
        text: text?,
        help: q.help.clone(),
        coach: q.coach.clone(),
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
    q: &RawQuestion,
    path: &str,
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
            c.error(
                path,
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
                        "`weights` is empty; name at least one track with a number",
                    );
                    None
                }
                Some(w) => Some(c.weights(w, &format!("{path}.weights"))),
            };
            QuestionKind::Likert {
                scale: scale?,
                reverse: q.reverse.unwrap_or(false),
                weights: weights?,
            }
        }
        "choice" | "multi" | "rank" => {
            let options = check_options(c, q.options.as_deref(), path, kind)?;
            let raw_options = q.options.as_deref().unwrap_or_default();
            if raw_options
                .iter()
                .all(|o| o.weights.as_ref().is_none_or(|w| w.0.is_empty()))
            {
                c.error(path, format!("no option has `weights`, so this {kind} question cannot score any track; give some options weights, or make it a text question"));
                return None;
            }
            match kind {
                "choice" => QuestionKind::Choice { options },
                "rank" => QuestionKind::Rank { options },
                _ => {
                    let n = options.len() as i64;
                    let min = q.min.unwrap_or(0);
                    let max = q.max.unwrap_or(n);
                    if min < 0 || max < min || max > n {
                        c.error(path, format!("multi min {min} and max {max} are out of range: they need 0 <= min <= max <= {n} (the number of options)"));
                        return None;
                    }
                    if max == 0 {
                        c.warning(
                            path,
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
            let max_length = q.max_length.unwrap_or(DEFAULT_TEXT_MAX as i64);
            if max_length < 0 {
                c.error(path, format!("max_length is {max_length}; give a number of characters of 0 or more (default {DEFAULT_TEXT_MAX})"));
                return None;
            }
            if max_length == 0 {
                c.warning(
                    path,
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
    raw: Option<&[RawOption]>,
    path: &str,
    kind: &str,
) -> Option<Vec<Choice>> {
    let raw = raw.unwrap_or_default();
    let n = raw.len();
    if kind == "rank" && !RANK_OPTIONS.contains(&n) {
        c.error(
            path,
            format!("a rank question needs 2 to 9 options; found {n}"),
        );
        return None;
    }
    if n < 2 {
        c.error(
            path,
            format!("a {kind} question needs at least 2 options; found {n}"),
        );
        return None;
    }
    let mut options: Vec<Choice> = Vec::new();
    let mut fine = true;
    for (i, o) in raw.iter().enumerate() {
        let opath = match &o.id {
            Some(id) => format!("{path}.options[{i}] (id \"{id}\")"),
            None => format!("{path}.options[{i}]"),
        };
        let id = c.id(&o.id, &opath, "option", true);
        let label = c
            .required(&o.label, &opath, "label", "Roadmaps")
            .map(str::to_string);
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
