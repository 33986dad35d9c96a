//! Every semantic rule of assessment format 1. Collects all problems of a
//! file (not only the first) and turns the raw document into the validated
//! model.

mod conditions;
mod document;
mod evidence;
mod questions;
mod sections;
mod steps;
mod tracks;

use super::events::Pos;
use super::model::*;
use super::problem::{Problem, did_you_mean};
use super::raw::*;

pub use conditions::MAX_CONDITION_DEPTH;
pub use document::{Validator, validate};

/// Question types as written in files.
pub(crate) const QUESTION_TYPES: [&str; 5] = ["likert", "choice", "multi", "rank", "text"];
/// Largest weight (either sign): far beyond any useful weight, and small
/// enough that sums over the largest assessment stay exact and finite.
const MAX_WEIGHT: f64 = 1e9;
/// Largest number of points on a scale.
const MAX_SCALE_POINTS: i64 = 11;
/// Default `max_length` of a text answer, in characters.
pub(crate) const DEFAULT_TEXT_MAX: usize = 2000;
/// Options a rank question may have.
pub(crate) const RANK_OPTIONS: std::ops::RangeInclusive<usize> = 2..=9;

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

#[derive(Default)]
pub(super) struct Checker {
    pub(super) problems: Vec<Problem>,
    pub(super) track_ids: Vec<String>,
    /// Conditions naming a question not seen before them, told at the end.
    pub(super) unseen: Vec<Unseen>,
}

/// A condition that names a question not seen before it: a reference
/// forward, or to no question at all, which only the end of the file tells.
pub(super) struct Unseen {
    pub(super) question: String,
    pub(super) path: String,
    pub(super) at: Pos,
    /// "; did you mean ...", from the questions before it.
    pub(super) hint: String,
}

/// Where in the document a problem is, as a path such as
/// `sections[1].questions[3] (id "x").weights`: cheap to pass around, and
/// formatted only when there is a problem to report.
#[derive(Clone, Copy)]
pub(super) enum Loc<'a> {
    Root,
    Key(&'static str),
    Item {
        parent: &'a Loc<'a>,
        list: &'static str,
        index: usize,
        id: Option<&'a str>,
    },
    Sub(&'a Loc<'a>, &'static str),
}

impl std::fmt::Display for Loc<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Loc::Root => Ok(()),
            Loc::Key(k) => f.write_str(k),
            Loc::Item {
                parent,
                list,
                index,
                id,
            } => {
                if !matches!(parent, Loc::Root) {
                    write!(f, "{parent}.")?;
                }
                write!(f, "{list}[{index}]")?;
                match id {
                    Some(id) => write!(f, " (id \"{id}\")"),
                    None => Ok(()),
                }
            }
            Loc::Sub(parent, key) => write!(f, "{parent}.{key}"),
        }
    }
}

impl<'a> Loc<'a> {
    /// The `index`th item of `list` under this place, with its id.
    pub(super) fn item(&'a self, list: &'static str, index: usize, id: Option<&'a str>) -> Loc<'a> {
        Loc::Item {
            parent: self,
            list,
            index,
            id,
        }
    }
}

impl Checker {
    fn error(&mut self, loc: &Loc, at: Pos, message: impl Into<String>) {
        self.problems
            .push(Problem::error(loc.to_string(), message).at(at));
    }

    fn warning(&mut self, loc: &Loc, at: Pos, message: impl Into<String>) {
        self.problems
            .push(Problem::warning(loc.to_string(), message).at(at));
    }

    /// A text that must be there and not blank; `at` is the mapping it
    /// belongs to, pointed at when the key is missing.
    fn required<'a>(
        &mut self,
        value: Option<&'a str>,
        loc: &Loc,
        at: Pos,
        key: &str,
        example: &str,
    ) -> Option<&'a str> {
        match value {
            Some(v) if !v.trim().is_empty() => Some(v),
            Some(_) => {
                self.error(
                    loc,
                    at,
                    format!("`{key}` is empty; write it, for example `{key}: {example}`"),
                );
                None
            }
            None => {
                self.error(
                    loc,
                    at,
                    format!("`{key}` is missing; add it, for example `{key}: {example}`"),
                );
                None
            }
        }
    }

    fn id(
        &mut self,
        value: &Option<Text>,
        loc: &Loc,
        at: Pos,
        what: &str,
        allow_underscore: bool,
    ) -> Option<compact_str::CompactString> {
        let at = value.as_ref().map_or(at, |v| v.at);
        let id = self.required(value.as_deref(), loc, at, "id", "my-id")?;
        if id_ok(id, allow_underscore) {
            Some(id.into())
        } else {
            let pattern = if allow_underscore {
                "[a-z0-9][a-z0-9_-]*"
            } else {
                "[a-z0-9][a-z0-9-]*"
            };
            self.error(
                loc,
                at,
                format!(
                    "{what} id \"{id}\" is not allowed: use lowercase letters, digits{} and '-', starting with a letter or digit ({pattern})",
                    if allow_underscore { ", '_'" } else { "" }
                ),
            );
            None
        }
    }

    fn track(&mut self, id: &str, loc: &Loc, at: Pos, context: &str) -> Option<TrackIndex> {
        if let Some(i) = self.track_ids.iter().position(|t| t == id) {
            return Some(i);
        }
        let hint = match did_you_mean(id, self.track_ids.iter().map(String::as_str)) {
            Some(near) => format!("did you mean \"{near}\"? "),
            None => String::new(),
        };
        let message = format!(
            "{context} names unknown track \"{id}\"; {hint}tracks are {}",
            self.track_ids.join(", ")
        );
        self.error(loc, at, message);
        None
    }

    fn weights(&mut self, raw: &RawWeights, loc: &Loc) -> Weights {
        let mut out = Weights::with_capacity(raw.0.len());
        for (track, w) in &raw.0 {
            let Some(t) = self.track(track, loc, track.at, "weight") else {
                continue;
            };
            let track_id = &track.text;
            if !w.is_finite() {
                self.error(
                    loc,
                    track.at,
                    format!(
                        "weight for \"{track_id}\" is {w}; write a finite number such as 1 or -0.5"
                    ),
                );
                continue;
            }
            if w.abs() > MAX_WEIGHT {
                self.error(
                    loc,
                    track.at,
                    format!(
                        "weight for \"{track_id}\" is {w:e}, beyond the limit of ±{MAX_WEIGHT:e}; scores are percents, so small numbers such as 1 or -0.5 say the same"
                    ),
                );
                continue;
            }
            out.push((t, *w));
        }
        out
    }

    fn scale(&mut self, raw: &RawScale, loc: &Loc) -> Option<Scale> {
        let min = raw.min.unwrap_or(1);
        let max = raw.max.unwrap_or(5);
        let at = raw.at;
        if max <= min {
            self.error(
                loc,
                at,
                format!("scale max ({max}) must be greater than min ({min})"),
            );
            return None;
        }
        let points = max as i128 - min as i128 + 1;
        if points > MAX_SCALE_POINTS as i128 {
            self.error(
                loc,
                at,
                format!("scale {min}..{max} has {points} points; at most {MAX_SCALE_POINTS} are allowed (for example 0..10)"),
            );
            return None;
        }
        let labels = raw.labels.clone().unwrap_or_default();
        if !labels.is_empty() && labels.len() as i128 != points {
            self.error(
                loc,
                at,
                format!(
                    "scale {min}..{max} has {points} points but {} labels; give exactly one label per point, or none",
                    labels.len()
                ),
            );
            return None;
        }
        Some(Scale {
            min,
            max,
            labels: labels.into(),
        })
    }
}
