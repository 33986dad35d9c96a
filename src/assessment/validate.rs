//! Every semantic rule of assessment format 1. Collects all problems of a
//! file (not only the first) and turns the raw document into the validated
//! model.

use super::model::*;
use super::problem::{Problem, did_you_mean, one_of};
use super::raw::*;
use crate::scoring::question_range;
use std::collections::{HashMap, HashSet};

/// Question types as written in files.
pub const QUESTION_TYPES: [&str; 5] = ["likert", "choice", "multi", "rank", "text"];
/// Largest number of points on a scale.
pub const MAX_SCALE_POINTS: i64 = 11;
/// Default `max_length` of a text answer, in characters.
pub const DEFAULT_TEXT_MAX: usize = 2000;
/// Options a rank question may have.
pub const RANK_OPTIONS: std::ops::RangeInclusive<usize> = 2..=9;

/// Whether `id` matches `[a-z0-9][a-z0-9_-]*` (or, for assessments, without `_`).
fn id_ok(id: &str, allow_underscore: bool) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| {
            c.is_ascii_lowercase()
                || c.is_ascii_digit()
                || c == '-'
                || (allow_underscore && c == '_')
        })
}

struct Checker {
    problems: Vec<Problem>,
    track_ids: Vec<String>,
}

impl Checker {
    fn error(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem::error(path, message));
    }

    fn warning(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem::warning(path, message));
    }

    fn required<'a>(
        &mut self,
        value: &'a Option<String>,
        path: &str,
        key: &str,
        example: &str,
    ) -> Option<&'a str> {
        match value.as_deref() {
            Some(v) if !v.trim().is_empty() => Some(v),
            Some(_) => {
                self.error(
                    path,
                    format!("`{key}` is empty; write it, for example `{key}: {example}`"),
                );
                None
            }
            None => {
                self.error(
                    path,
                    format!("`{key}` is missing; add it, for example `{key}: {example}`"),
                );
                None
            }
        }
    }

    fn id(
        &mut self,
        value: &Option<String>,
        path: &str,
        what: &str,
        allow_underscore: bool,
    ) -> Option<String> {
        let id = self.required(value, path, "id", "my-id")?;
        if id_ok(id, allow_underscore) {
            Some(id.to_string())
        } else {
            let pattern = if allow_underscore {
                "[a-z0-9][a-z0-9_-]*"
            } else {
                "[a-z0-9][a-z0-9-]*"
            };
            self.error(
                path,
                format!(
                    "{what} id \"{id}\" is not allowed: use lowercase letters, digits{} and '-', starting with a letter or digit ({pattern})",
                    if allow_underscore { ", '_'" } else { "" }
                ),
            );
            None
        }
    }

    fn track(&mut self, id: &str, path: &str, context: &str) -> Option<TrackIndex> {
        if let Some(i) = self.track_ids.iter().position(|t| t == id) {
            return Some(i);
        }
        let hint = match did_you_mean(id, self.track_ids.iter().map(String::as_str)) {
            Some(near) => format!("did you mean \"{near}\"? "),
            None => String::new(),
        };
        self.error(
            path,
            format!(
                "{context} names unknown track \"{id}\"; {hint}tracks are {}",
                self.track_ids.join(", ")
            ),
        );
        None
    }

    fn weights(&mut self, raw: &RawWeights, path: &str) -> Weights {
        let mut out = Vec::new();
        for (track, w) in &raw.0 {
            let Some(t) = self.track(track, path, "weight") else {
                continue;
            };
            if !w.is_finite() {
                self.error(
                    path,
                    format!(
                        "weight for \"{track}\" is {w}; write a finite number such as 1 or -0.5"
                    ),
                );
                continue;
            }
            out.push((t, *w));
        }
        out
    }

    fn scale(&mut self, raw: &RawScale, path: &str) -> Option<Scale> {
        let min = raw.min.unwrap_or(1);
        let max = raw.max.unwrap_or(5);
        if max <= min {
            self.error(
                path,
                format!("scale max ({max}) must be greater than min ({min})"),
            );
            return None;
        }
        let points = max as i128 - min as i128 + 1;
        if points > MAX_SCALE_POINTS as i128 {
            self.error(
                path,
                format!("scale {min}..{max} has {points} points; at most {MAX_SCALE_POINTS} are allowed (for example 0..10)"),
            );
            return None;
        }
        let labels = raw.labels.clone().unwrap_or_default();
        if !labels.is_empty() && labels.len() as i128 != points {
            self.error(
                path,
                format!(
                    "scale {min}..{max} has {points} points but {} labels; give exactly one label per point, or none",
                    labels.len()
                ),
            );
            return None;
        }
        Some(Scale { min, max, labels })
    }
}

/// A question's id and type as seen so far, for resolving conditions.
struct Seen {
    index: QuestionIndex,
    kind: Option<QuestionKind>,
}

/// Validates a parsed document. On success, the assessment and its warnings;
/// otherwise every problem found (errors and warnings).
pub fn validate(raw: RawAssessment) -> Result<(Assessment, Vec<Problem>), Vec<Problem>> {
    let mut c = Checker {
        problems: Vec::new(),
        track_ids: Vec::new(),
    };

    match &raw.format {
        None => c.error("", "`format` is missing; start the file with `format: 1`"),
        Some(serde_yaml::Value::Number(n)) if n.as_i64() == Some(1) => {}
        Some(other) => c.error(
            "format",
            format!(
                "format is {}, but this version of crossroads reads format 1 (write `format: 1`, a number without quotes)",
                crate::yaml::found(other)
            ),
        ),
    }
    let id = c.id(&raw.id, "id", "assessment", false).unwrap_or_default();
    let title = c
        .required(&raw.title, "title", "title", "Product career crossroads")
        .unwrap_or_default()
        .to_string();
    let estimated = match raw.estimated_minutes {
        Some(m) if !(1..=600).contains(&m) => {
            c.error(
                "estimated_minutes",
                format!("estimated_minutes is {m}; give a whole number of minutes from 1 to 600"),
            );
            None
        }
        m => m.map(|m| m as u32),
    };
    let tie_margin = raw.tie_margin.unwrap_or(5.0);
    if !(tie_margin.is_finite() && (0.0..=100.0).contains(&tie_margin)) {
        c.error(
            "tie_margin",
            format!("tie_margin is {tie_margin}; give score points from 0 to 100 (default 5)"),
        );
    }
    let default_scale = match &raw.scale {
        Some(s) => c.scale(s, "scale").unwrap_or_default(),
        None => Scale::default(),
    };
    let bands = check_bands(&mut c, raw.bands.as_deref());
    let tracks = check_tracks(&mut c, raw.tracks.as_deref());
    c.track_ids = tracks.iter().map(|t| t.id.clone()).collect();
    let axes = check_axes(&mut c, raw.axes.as_deref());
    let (sections, questions) = check_sections(&mut c, raw.sections.as_deref(), &default_scale);

    let estimated_minutes =
        estimated.unwrap_or_else(|| (questions.len() as u32).div_ceil(3).max(1));
    let question_lookup = questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.clone(), i))
        .collect();
    let assessment = Assessment {
        id,
        title,
        version: raw.version.map(|v| v.0),
        description: raw.description,
        estimated_minutes,
        tie_margin,
        bands,
        tracks,
        axes,
        sections,
        questions,
        question_lookup,
    };
    if !c.problems.iter().any(Problem::is_error) {
        check_evidence(&mut c, &assessment);
    }
    if c.problems.iter().any(Problem::is_error) {
        // Errors first, in the order found; warnings after them.
        c.problems.sort_by_key(|p| !p.is_error());
        Err(c.problems)
    } else {
        Ok((assessment, c.problems))
    }
}

fn check_bands(c: &mut Checker, raw: Option<&[RawBand]>) -> Vec<Band> {
    let Some(raw) = raw else {
        return vec![
            Band {
                min: 70.0,
                label: "Strong fit".into(),
                message: None,
            },
            Band {
                min: 40.0,
                label: "Partial fit".into(),
                message: None,
            },
            Band {
                min: 0.0,
                label: "Weak fit".into(),
                message: None,
            },
        ];
    };
    if raw.is_empty() {
        c.error("bands", "bands is empty; list at least one band, or remove `bands` to use the defaults (70 Strong fit, 40 Partial fit, 0 Weak fit)");
    }
    let mut bands = Vec::new();
    for (i, b) in raw.iter().enumerate() {
        let path = format!("bands[{i}]");
        let label = c
            .required(&b.label, &path, "label", "Strong fit")
            .map(str::to_string);
        let min = match b.min {
            None => {
                c.error(
                    &path,
                    "`min` is missing; give the lowest score of the band, for example `min: 70`",
                );
                None
            }
            Some(m) if !(m.is_finite() && (0.0..=100.0).contains(&m)) => {
                c.error(
                    &path,
                    format!("band min is {m}; give a score from 0 to 100"),
                );
                None
            }
            Some(m) => Some(m),
        };
        if let (Some(min), Some(label)) = (min, label) {
            bands.push(Band {
                min,
                label,
                message: b.message.clone(),
            });
        }
    }
    bands.sort_by(|a, b| b.min.total_cmp(&a.min));
    bands
}

fn check_tracks(c: &mut Checker, raw: Option<&[RawTrack]>) -> Vec<Track> {
    let raw = raw.unwrap_or_default();
    if raw.len() < 2 {
        c.error(
            "tracks",
            format!("an assessment needs at least 2 tracks; found {}", raw.len()),
        );
    }
    let mut tracks: Vec<Track> = Vec::new();
    for (i, t) in raw.iter().enumerate() {
        let path = match &t.id {
            Some(id) => format!("tracks[{i}] (id \"{id}\")"),
            None => format!("tracks[{i}]"),
        };
        let id = c.id(&t.id, &path, "track", true);
        let name = c
            .required(&t.name, &path, "name", "Product Manager")
            .map(str::to_string);
        if let Some(short) = &t.short
            && short.chars().count() > 12
        {
            c.error(
                &path,
                format!(
                    "short label \"{short}\" has {} characters; keep it to 12 at most",
                    short.chars().count()
                ),
            );
        }
        let Some(id) = id else { continue };
        if tracks.iter().any(|x| x.id == id) {
            c.error(
                &path,
                format!("track id \"{id}\" is used twice; give each track its own id"),
            );
            continue;
        }
        let name = name.unwrap_or_else(|| id.clone());
        tracks.push(Track {
            short: t.short.clone().unwrap_or_else(|| name.clone()),
            id,
            name,
            summary: t.summary.clone(),
            strengths: t.strengths.clone().unwrap_or_default(),
            growth: t.growth.clone().unwrap_or_default(),
        });
    }
    tracks
}

fn check_axes(c: &mut Checker, raw: Option<&[RawAxis]>) -> Vec<Axis> {
    let mut axes: Vec<Axis> = Vec::new();
    for (i, a) in raw.unwrap_or_default().iter().enumerate() {
        let path = match &a.id {
            Some(id) => format!("axes[{i}] (id \"{id}\")"),
            None => format!("axes[{i}]"),
        };
        let id = c.id(&a.id, &path, "axis", true);
        let left = c
            .required(&a.left, &path, "left", "po")
            .and_then(|l| c.track(l, &path, "left"));
        let right = c
            .required(&a.right, &path, "right", "pm")
            .and_then(|r| c.track(r, &path, "right"));
        if let (Some(l), Some(r)) = (left, right)
            && l == r
        {
            c.error(&path, format!("axis runs from track \"{}\" to itself; give two different tracks for left and right", c.track_ids[l]));
            continue;
        }
        let (Some(id), Some(left), Some(right)) = (id, left, right) else {
            continue;
        };
        if axes.iter().any(|x| x.id == id) {
            c.error(
                &path,
                format!("axis id \"{id}\" is used twice; give each axis its own id"),
            );
            continue;
        }
        let label = a
            .label
            .clone()
            .unwrap_or_else(|| format!("{}  <->  {}", c.track_ids[left], c.track_ids[right]));
        axes.push(Axis {
            id,
            left,
            right,
            label,
        });
    }
    axes
}

fn check_sections(
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
            if max_length < 1 {
                c.error(path, format!("max_length is {max_length}; give a number of characters of at least 1 (default {DEFAULT_TEXT_MAX})"));
                return None;
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

/// Deepest nesting of `all`/`any`/`not` in a condition.
pub const MAX_CONDITION_DEPTH: usize = 16;

fn resolve(
    c: &mut Checker,
    raw: &RawCondition,
    path: &str,
    seen: &HashMap<String, Seen>,
    all_ids: &[&str],
    depth: usize,
) -> Option<Condition> {
    if depth > MAX_CONDITION_DEPTH {
        c.error(path, format!("show_if is nested more than {MAX_CONDITION_DEPTH} levels deep; simplify the condition"));
        return None;
    }
    let forms = [
        ("is", raw.is.is_some()),
        ("in", raw.in_.is_some()),
        ("at_least", raw.at_least.is_some()),
        ("at_most", raw.at_most.is_some()),
        ("answered", raw.answered.is_some()),
        ("all", raw.all.is_some()),
        ("any", raw.any.is_some()),
        ("not", raw.not.is_some()),
    ];
    let given: Vec<&str> = forms.iter().filter(|(_, g)| *g).map(|(k, _)| *k).collect();
    if given.len() != 1 {
        let all = [
            "is", "in", "at_least", "at_most", "answered", "all", "any", "not",
        ];
        let msg = if given.is_empty() {
            format!("a condition needs one test: {}", one_of(&all))
        } else {
            format!(
                "a condition has one test, but this one has {}; split it with `all:` or `any:`",
                one_of(&given)
            )
        };
        c.error(path, msg);
        return None;
    }
    let combinator = |c: &mut Checker,
                      list: &[RawCondition],
                      key: &str|
     -> Option<Vec<Condition>> {
        if list.is_empty() {
            c.error(
                path,
                format!("`{key}` is empty; list at least one condition"),
            );
            return None;
        }
        if raw.question.is_some() {
            c.error(path, format!("`{key}` takes a list of conditions and no `question`; move `question` into each condition"));
            return None;
        }
        let parts: Vec<Option<Condition>> = list
            .iter()
            .enumerate()
            .map(|(i, sub)| {
                resolve(
                    c,
                    sub,
                    &format!("{path}.{key}[{i}]"),
                    seen,
                    all_ids,
                    depth + 1,
                )
            })
            .collect();
        parts.into_iter().collect()
    };
    if let Some(list) = &raw.all {
        return combinator(c, list, "all").map(Condition::All);
    }
    if let Some(list) = &raw.any {
        return combinator(c, list, "any").map(Condition::Any);
    }
    if let Some(inner) = &raw.not {
        if raw.question.is_some() {
            c.error(
                path,
                "`not` takes one condition and no `question`; move `question` inside `not`",
            );
            return None;
        }
        return resolve(c, inner, &format!("{path}.not"), seen, all_ids, depth + 1)
            .map(|x| Condition::Not(Box::new(x)));
    }
    let Some(qid) = raw.question.as_deref() else {
        c.error(
            path,
            format!(
                "`{}` needs `question:` naming an earlier question",
                given[0]
            ),
        );
        return None;
    };
    let Some(target) = seen.get(qid) else {
        if all_ids.contains(&qid) {
            c.error(path, format!("show_if refers to question \"{qid}\", which comes later in the file; a condition may only refer to an earlier question"));
        } else {
            let hint = did_you_mean(qid, seen.keys().map(String::as_str))
                .map(|n| format!("; did you mean \"{n}\"?"))
                .unwrap_or_default();
            c.error(
                path,
                format!("show_if refers to unknown question \"{qid}\"{hint}"),
            );
        }
        return None;
    };
    let kind = target.kind.as_ref()?;
    let q = target.index;
    let option_index = |c: &mut Checker, option: &str| -> Option<OptionIndex> {
        let options: &[Choice] = match kind {
            QuestionKind::Choice { options } | QuestionKind::Multi { options, .. } => options,
            _ => {
                c.error(path, format!("`{}` works on choice and multi questions; \"{qid}\" is not one (use at_least/at_most for likert, answered for any type)", given[0]));
                return None;
            }
        };
        let found = options.iter().position(|o| o.id == option);
        if found.is_none() {
            let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
            let hint = did_you_mean(option, ids.iter().copied())
                .map(|n| format!("did you mean \"{n}\"? "))
                .unwrap_or_default();
            c.error(path, format!("option \"{option}\" does not exist on question \"{qid}\"; {hint}its options are {}", ids.join(", ")));
        }
        found
    };
    let likert = |c: &mut Checker, key: &str, v: f64| -> Option<f64> {
        if !matches!(kind, QuestionKind::Likert { .. }) {
            c.error(
                path,
                format!("`{key}` works on likert questions only; \"{qid}\" is not one"),
            );
            return None;
        }
        if !v.is_finite() {
            c.error(
                path,
                format!("`{key}` is {v}; give a number on the question's scale"),
            );
            return None;
        }
        Some(v)
    };
    if let Some(option) = &raw.is {
        return option_index(c, option).map(|o| Condition::Is(q, o));
    }
    if let Some(list) = &raw.in_ {
        if list.is_empty() {
            c.error(path, "`in` is empty; list at least one option id");
            return None;
        }
        let found: Vec<Option<OptionIndex>> = list.iter().map(|o| option_index(c, o)).collect();
        return found
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .map(|o| Condition::In(q, o));
    }
    if let Some(v) = raw.at_least {
        return likert(c, "at_least", v).map(|v| Condition::AtLeast(q, v));
    }
    if let Some(v) = raw.at_most {
        return likert(c, "at_most", v).map(|v| Condition::AtMost(q, v));
    }
    raw.answered.map(|a| Condition::Answered(q, a))
}

/// Reachability (an error) and the balance warnings of spec 1.2.
fn check_evidence(c: &mut Checker, a: &Assessment) {
    let n = a.tracks.len();
    let mut total = vec![0.0f64; n];
    let mut per_section = vec![vec![0.0f64; n]; a.sections.len()];
    for (qi, q) in a.questions.iter().enumerate() {
        let mut reached = 0;
        for t in 0..n {
            if let Some((lo, hi)) = question_range(q, t) {
                total[t] += hi - lo;
                per_section[q.section][t] += hi - lo;
                if hi > lo {
                    reached += 1;
                }
            }
        }
        if q.is_scored() && reached == 1 && !a.axes.is_empty() {
            let s = &a.sections[q.section];
            let pos = qi - s.questions.start;
            c.warning(
                &format!("sections[{}].questions[{pos}] (id \"{}\")", q.section, q.id),
                "this question moves only one track; in an assessment with axes, weigh it toward a second track too so it places the person on a spectrum",
            );
        }
    }
    for (t, track) in a.tracks.iter().enumerate() {
        if total[t] <= 0.0 {
            c.error(
                &format!("tracks[{t}] (id \"{}\")", track.id),
                "no question can move this track's score, so it can never be scored; give it weights in some question",
            );
        }
    }
    if c.problems.iter().any(Problem::is_error) {
        return;
    }
    let (best, best_t) = total
        .iter()
        .enumerate()
        .map(|(t, e)| (*e, t))
        .fold((f64::MIN, 0), |acc, x| if x.0 > acc.0 { x } else { acc });
    for (t, track) in a.tracks.iter().enumerate() {
        if total[t] < best / 2.0 {
            c.warning(
                &format!("tracks[{t}] (id \"{}\")", track.id),
                format!(
                    "total evidence {:.2} is less than half of \"{}\"'s {:.2}; few answers can move it, so its score will swing on little; add or strengthen its weights",
                    total[t], a.tracks[best_t].id, best
                ),
            );
        }
    }
    for (si, s) in a.sections.iter().enumerate() {
        let still: Vec<&str> = (0..n)
            .filter(|t| per_section[si][*t] <= 0.0)
            .map(|t| a.tracks[t].id.as_str())
            .collect();
        if !still.is_empty() {
            c.warning(
                &format!("sections[{si}] (id \"{}\")", s.id),
                format!("no question in this section can move {}; its section score will be empty for them", one_of(&still)),
            );
        }
    }
}
