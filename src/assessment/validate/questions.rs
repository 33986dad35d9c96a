//! Sections, questions of every type, and their options.

use super::conditions::resolve;
use super::{Checker, DEFAULT_TEXT_MAX, Loc, QUESTION_TYPES, RANK_OPTIONS, Seen};
use crate::assessment::model::*;
use crate::assessment::problem::{Problem, did_you_mean, one_of};
use crate::assessment::raw::*;
use std::collections::{HashMap, HashSet};

/// Checks sections one at a time, as they are read: each question's texts
/// are moved into the model, not copied, and each raw section is dropped
/// once checked, so a large file is never held whole twice (as read and as
/// checked). Sections may refer only to questions before them, so what the
/// checker keeps of earlier sections is all a later one needs.
#[derive(Default)]
pub(super) struct SectionChecker {
    /// Every question id so far, with where it is.
    seen: HashMap<String, Seen>,
    section_ids: HashSet<String>,
    sections: Vec<Section>,
    questions: Vec<Question>,
    /// Likert questions without a scale of their own: they take the
    /// assessment's, which may be written after the sections.
    default_scaled: Vec<QuestionIndex>,
    /// Questions in the file so far, valid or not.
    file_position: usize,
    /// Where each section's and question's id is written.
    pub(super) section_places: Vec<Pos>,
    pub(super) question_places: Vec<Pos>,
}

impl SectionChecker {
    /// Checks one section and its questions, the next in the file.
    pub(super) fn section(&mut self, c: &mut Checker, mut s: RawSection) {
        let si = self.sections.len();
        let path = Loc::Root.item("sections", si, s.id.as_deref());
        let path = &path;
        // A question's path names its own id, not its section's.
        let plain = Loc::Root.item("sections", si, None);
        self.section_places
            .push(s.id.as_ref().map_or(s.at, |id| id.at));
        let id = c.id(&s.id, path, s.at, "section", true);
        if id.is_some()
            && let Some(written) = &s.id
            && !self.section_ids.insert(written.text.to_string())
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
        let start = self.questions.len();
        for (qi, mut q) in raw_questions.into_iter().enumerate() {
            let position = self.file_position;
            self.file_position += 1;
            let qid = q.id.take();
            self.question_places
                .push(qid.as_ref().map_or(q.at, |id| id.at));
            let qpath = plain.item("questions", qi, qid.as_deref());
            let known = Known {
                seen: &self.seen,
                questions: &self.questions,
            };
            let default_scaled = q.scale.is_none();
            let question = check_question(c, q, &qid, &qpath, &known, si);
            if let Some(qid) = &qid {
                if self.seen.contains_key(&*qid.text) {
                    c.error(
                        &qpath,
                        qid.at,
                        format!(
                            "question id \"{qid}\" is used twice; give each question its own id"
                        ),
                    );
                    continue;
                }
                self.seen.insert(
                    qid.text.to_string(),
                    Seen {
                        index: position,
                        slot: question.as_ref().map(|_| self.questions.len()),
                    },
                );
            }
            if let Some(question) = question {
                if default_scaled && matches!(question.kind, QuestionKind::Likert { .. }) {
                    self.default_scaled.push(self.questions.len());
                }
                self.questions.push(question);
            }
        }
        self.sections.push(Section {
            id: id.unwrap_or_default(),
            title,
            intro: s.intro.take(),
            questions: start..self.questions.len(),
        });
    }

    /// The sections and questions checked, with the assessment's scale
    /// given to the likert questions without one. A condition that named a
    /// question not seen before it is reported here, now that every
    /// question is known: as a reference forward, or to an unknown id.
    pub(super) fn finish(
        mut self,
        c: &mut Checker,
        default_scale: &Scale,
    ) -> (Vec<Section>, Vec<Question>, HashMap<String, QuestionIndex>) {
        if self.sections.is_empty() {
            c.error(
                &Loc::Key("sections"),
                Pos { line: 1, column: 1 },
                "an assessment needs at least 1 section with at least 1 question; add `sections:`",
            );
        }
        for q in std::mem::take(&mut self.default_scaled) {
            if let QuestionKind::Likert { scale, .. } = &mut self.questions[q].kind {
                *scale = default_scale.clone();
            }
        }
        for missing in std::mem::take(&mut c.unseen) {
            let qid = &missing.question;
            let message = if self.seen.contains_key(qid) {
                format!(
                    "show_if refers to question \"{qid}\", which comes later in the file; a condition may only refer to an earlier question"
                )
            } else {
                format!(
                    "show_if refers to unknown question \"{qid}\"{}",
                    missing.hint
                )
            };
            c.problems
                .push(Problem::error(missing.path, message).at(missing.at));
        }
        // The ids already held are the lookup of the valid questions.
        let lookup = (self.seen.into_iter())
            .filter_map(|(id, seen)| seen.slot.map(|slot| (id, slot)))
            .collect();
        (self.sections, self.questions, lookup)
    }
}

/// The questions before the current one, for resolving its `show_if`.
pub(super) struct Known<'k> {
    pub(super) seen: &'k HashMap<String, Seen>,
    pub(super) questions: &'k [Question],
}

fn check_question(
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
    })
}

fn check_kind(
    c: &mut Checker,
    kind: &str,
    q: &mut RawQuestion,
    path: &Loc,
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
