//! The raw document built straight from the YAML events, every value with
//! its place. Unknown keys and wrong types are collected by the reader and
//! skipped, so the rest of the file is still read and validated.

use super::events::{Reader, Scalar as Yaml};
use super::problem::Problem;
use super::raw::*;
use super::validate::Validator;

const TOP: &[&str] = &[
    "format",
    "id",
    "title",
    "version",
    "description",
    "estimated_minutes",
    "tie_margin",
    "scale",
    "shuffle",
    "bands",
    "tracks",
    "axes",
    "blends",
    "sections",
];
const SCALE: &[&str] = &["min", "max", "labels"];
const BAND: &[&str] = &["min", "label", "message"];
const TRACK: &[&str] = &["id", "name", "short", "summary", "strengths", "growth"];
const STEP: &[&str] = &["step", "show_if"];
const BLEND: &[&str] = &["tracks", "growth"];
const AXIS: &[&str] = &["id", "left", "right", "label"];
const SECTION: &[&str] = &["id", "title", "intro", "questions"];
const QUESTION: &[&str] = &[
    "id",
    "type",
    "text",
    "help",
    "coach",
    "required",
    "show_if",
    "weights",
    "reverse",
    "scale",
    "options",
    "min",
    "max",
    "max_length",
    "shuffle",
];
const OPTION: &[&str] = &["id", "label", "weights"];
const CONDITION: &[&str] = &[
    "question", "is", "in", "at_least", "at_most", "answered", "all", "any", "not",
];

/// Reads an assessment's text into the raw document and the problems met
/// on the way (syntax, unknown keys, wrong types), in file order.
/// Each section is handed to `v` as soon as it is read, to be validated
/// and let go of while the rest is read; the sections `v` cannot check yet
/// stay in the raw document.
pub fn assessment(
    text: &str,
    v: &mut Validator,
) -> (
    Option<RawAssessment>,
    Vec<Problem>,
    Vec<(String, &'static str)>,
) {
    let mut r = Reader::new(text);
    let mut a = RawAssessment::default();
    let read = r.map(
        "a mapping that starts with `format: 1`",
        TOP,
        |r, k| match k {
            0 => a.format = r.value().map(|(value, at)| Spanned { value, at }),
            1 => a.id = r.text(),
            2 => a.title = r.string(),
            3 => a.version = r.string().map(Scalar),
            4 => a.description = r.string(),
            5 => a.estimated_minutes = r.int(),
            6 => a.tie_margin = r.float(),
            7 => a.scale = scale(r),
            8 => a.shuffle = r.boolean(),
            9 => a.bands = r.list("a list", band),
            10 => a.tracks = r.list("a list", track),
            11 => a.axes = r.list("a list", axis),
            12 => a.blends = r.list("a list", blend),
            _ => {
                a.sections = r.list("a list", |r| {
                    let s = section(r)?;
                    v.section(&a, s)
                })
            }
        },
    );
    if !r.broken {
        r.finish();
    }
    let ok = read && !r.broken;
    (ok.then_some(a), r.problems, r.reported)
}

fn scale(r: &mut Reader) -> Option<RawScale> {
    let mut s = RawScale {
        at: r.here(),
        ..Default::default()
    };
    let ok = r.map(
        "a scale (a mapping with min, max and labels)",
        SCALE,
        |r, k| match k {
            0 => s.min = r.int().map(|v| v.value),
            1 => s.max = r.int().map(|v| v.value),
            _ => s.labels = r.list("a list", |r| r.string()),
        },
    );
    ok.then_some(s)
}

fn band(r: &mut Reader) -> Option<RawBand> {
    let mut b = RawBand {
        at: r.here(),
        ..Default::default()
    };
    let ok = r.map(
        "a band (a mapping with min and label)",
        BAND,
        |r, k| match k {
            0 => b.min = r.float(),
            1 => b.label = r.string(),
            _ => b.message = r.string(),
        },
    );
    ok.then_some(b)
}

fn track(r: &mut Reader) -> Option<RawTrack> {
    let mut t = RawTrack {
        at: r.here(),
        ..Default::default()
    };
    let ok = r.map(
        "a track (a mapping with id and name)",
        TRACK,
        |r, k| match k {
            0 => t.id = r.text(),
            1 => t.name = r.string(),
            2 => t.short = r.text(),
            3 => t.summary = r.string(),
            4 => t.strengths = r.list("a list", |r| r.string()),
            _ => t.growth = r.list("a list", step),
        },
    );
    ok.then_some(t)
}

/// A growth step: words, or a mapping with `step` and `show_if`.
fn step(r: &mut Reader) -> Option<RawStep> {
    let at = r.here();
    if r.peek_scalar(&|_| Some(())).is_some() {
        return r.string().map(|words| RawStep {
            at,
            step: Some(words),
            show_if: None,
        });
    }
    let mut s = RawStep {
        at,
        ..Default::default()
    };
    let ok = r.map(
        "a step: its words, or a mapping with step and show_if",
        STEP,
        |r, k| match k {
            0 => s.step = r.string(),
            _ => s.show_if = condition(r),
        },
    );
    ok.then_some(s)
}

fn blend(r: &mut Reader) -> Option<RawBlend> {
    let mut b = RawBlend {
        at: r.here(),
        ..Default::default()
    };
    let ok = r.map(
        "a blend (a mapping with tracks and growth)",
        BLEND,
        |r, k| match k {
            0 => b.tracks = r.list("a list of two track ids", |r| r.text()),
            _ => b.growth = r.list("a list", step),
        },
    );
    ok.then_some(b)
}

fn axis(r: &mut Reader) -> Option<RawAxis> {
    let mut a = RawAxis {
        at: r.here(),
        ..Default::default()
    };
    let ok = r.map(
        "an axis (a mapping with id, left and right)",
        AXIS,
        |r, k| match k {
            0 => a.id = r.text(),
            1 => a.left = r.text(),
            2 => a.right = r.text(),
            _ => a.label = r.string(),
        },
    );
    ok.then_some(a)
}

fn section(r: &mut Reader) -> Option<RawSection> {
    let mut s = RawSection {
        at: r.here(),
        ..Default::default()
    };
    let ok = r.map(
        "a section (a mapping with id, title and questions)",
        SECTION,
        |r, k| match k {
            0 => s.id = r.text(),
            1 => s.title = r.string(),
            2 => s.intro = r.string(),
            _ => s.questions = r.list("a list", question),
        },
    );
    ok.then_some(s)
}

fn question(r: &mut Reader) -> Option<RawQuestion> {
    let mut q = RawQuestion {
        at: r.here(),
        ..Default::default()
    };
    let ok = r.map(
        "a question (a mapping with id, type and text)",
        QUESTION,
        |r, k| match k {
            0 => q.id = r.text(),
            1 => q.kind = r.text(),
            2 => q.text = r.string(),
            3 => q.help = r.string(),
            4 => q.coach = r.string(),
            5 => q.required = r.boolean(),
            6 => q.show_if = condition(r).map(Box::new),
            7 => q.weights = weights(r),
            8 => q.reverse = r.boolean(),
            9 => q.scale = scale(r).map(Box::new),
            10 => q.options = r.list("a list", option),
            11 => q.min = r.int(),
            12 => q.max = r.int(),
            13 => q.max_length = r.int(),
            _ => q.shuffle = r.boolean(),
        },
    );
    ok.then_some(q)
}

fn option(r: &mut Reader) -> Option<RawOption> {
    let mut o = RawOption {
        at: r.here(),
        ..Default::default()
    };
    let ok = r.map(
        "an option (a mapping with id and label)",
        OPTION,
        |r, k| match k {
            0 => o.id = r.text(),
            1 => o.label = r.string(),
            _ => o.weights = weights(r),
        },
    );
    ok.then_some(o)
}

fn condition(r: &mut Reader) -> Option<RawCondition> {
    if r.null() {
        return None;
    }
    let mut c = RawCondition {
        at: r.here(),
        ..Default::default()
    };
    let ok = r.map(
        "a condition such as { question: x, is: y }",
        CONDITION,
        |r, k| match k {
            0 => c.question = r.text(),
            1 => c.is = r.text(),
            2 => c.in_ = r.list("a list", |r| r.text()),
            3 => c.at_least = r.float(),
            4 => c.at_most = r.float(),
            5 => c.answered = r.boolean(),
            6 => c.all = r.list("a list", condition),
            7 => c.any = r.list("a list", condition),
            _ => c.not = condition(r).map(Box::new),
        },
    );
    ok.then_some(c)
}

fn weights(r: &mut Reader) -> Option<RawWeights> {
    if r.null() {
        return None;
    }
    let mut out = RawWeights::default();
    let ok = r.entries(
        "a mapping of track id to number, like { pm: 1, po: -0.5 }",
        |r, key, at| {
            let Some(value) = r.float() else { return };
            if out.0.iter().any(|(k, _)| *k.text == *key) {
                r.error_at(
                    at,
                    format!("track \"{key}\" appears twice in weights; give each track one weight"),
                );
                return;
            }
            out.0.push((
                Text {
                    text: Yaml::Str(key).into_compact(),
                    at,
                },
                value.value,
            ));
        },
    );
    ok.then_some(out)
}

mod values;
