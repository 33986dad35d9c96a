//! Explicit limits on what an assessment may hold, so that no file can make
//! crossroads slow or large. Those on the file as a whole (tracks, bands,
//! axes, texts outside the sections) are checked before validation, and
//! those of a section as it is read, before it is validated; past a limit
//! nothing more is validated, and the file gets the limit's error.

use super::problem::Problem;
use super::raw::*;
use std::fmt::Display;

/// Most questions in one assessment.
const MAX_QUESTIONS: usize = 100_000;
/// Most sections.
const MAX_SECTIONS: usize = 10_000;
/// Most tracks.
const MAX_TRACKS: usize = 50;
/// Most axes.
const MAX_AXES: usize = 50;
/// Most blends (steps for a blend of two tracks).
const MAX_BLENDS: usize = 100;
/// Most bands.
const MAX_BANDS: usize = 20;
/// Most options of one choice or multi question (rank allows 9).
const MAX_OPTIONS: usize = 100;
/// Most items in a track's strengths or growth list.
const MAX_LIST_ITEMS: usize = 100;
/// Longest short text (ids, titles, names, labels), in characters.
const MAX_SHORT_TEXT: usize = 1_000;
/// Longest long text (description, intro, question text, help, coach,
/// summary, list items), in characters.
const MAX_LONG_TEXT: usize = 20_000;
/// Largest `max_length` of a text question.
const MAX_TEXT_ANSWER: i64 = 100_000;

/// `sections[s].questions[q].options[o]`, formatted only when a limit is
/// passed: this runs for every question and option of the file.
#[derive(Clone, Copy)]
struct In(usize, Option<usize>, Option<usize>);

impl Display for In {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "sections[{}]", self.0)?;
        if let Some(q) = self.1 {
            write!(f, ".questions[{q}]")?;
        }
        if let Some(o) = self.2 {
            write!(f, ".options[{o}]")?;
        }
        Ok(())
    }
}

struct Limits {
    problems: Vec<Problem>,
}

impl Limits {
    fn count(&mut self, path: impl Display, what: &str, n: usize, max: usize) {
        if n > max {
            self.problems.push(Problem::error(
                path.to_string(),
                format!("{n} {what} is over the limit of {max}; split the assessment or trim it"),
            ));
        }
    }

    fn text(&mut self, path: impl Display, key: &str, value: Option<&str>, max: usize) {
        let Some(v) = value else { return };
        // No more characters than bytes: most texts are told by their length.
        if v.len() <= max {
            return;
        }
        // Counting characters stops at the limit: a huge string costs no more.
        let n = v.chars().take(max + 1).count();
        if n > max {
            self.problems.push(Problem::error(
                path.to_string(),
                format!(
                    "`{key}` is {} characters long, over the limit of {max}; shorten it",
                    v.chars().count()
                ),
            ));
        }
    }
}

/// Every limit the document breaks (empty when it keeps them all).
pub fn check(raw: &RawAssessment) -> Vec<Problem> {
    let mut l = Limits {
        problems: Vec::new(),
    };
    l.text("id", "id", raw.id.as_deref(), MAX_SHORT_TEXT);
    l.text("title", "title", raw.title.as_deref(), MAX_SHORT_TEXT);
    l.text(
        "description",
        "description",
        raw.description.as_deref(),
        MAX_LONG_TEXT,
    );
    if let Some(v) = &raw.version {
        l.text("version", "version", Some(&v.0), MAX_SHORT_TEXT);
    }
    if let Some(labels) = raw.scale.as_ref().and_then(|s| s.labels.as_ref()) {
        for label in labels {
            l.text("scale", "labels", Some(label), MAX_SHORT_TEXT);
        }
    }
    let bands = raw.bands.as_deref().unwrap_or_default();
    l.count("bands", "bands", bands.len(), MAX_BANDS);
    for (i, b) in bands.iter().enumerate() {
        l.text(
            format!("bands[{i}]"),
            "label",
            b.label.as_deref(),
            MAX_SHORT_TEXT,
        );
        l.text(
            format!("bands[{i}]"),
            "message",
            b.message.as_deref(),
            MAX_LONG_TEXT,
        );
    }
    let tracks = raw.tracks.as_deref().unwrap_or_default();
    l.count("tracks", "tracks", tracks.len(), MAX_TRACKS);
    for (i, t) in tracks.iter().enumerate().take(MAX_TRACKS) {
        let path = format!("tracks[{i}]");
        l.text(&*path, "id", t.id.as_deref(), MAX_SHORT_TEXT);
        l.text(&*path, "name", t.name.as_deref(), MAX_SHORT_TEXT);
        l.text(&*path, "summary", t.summary.as_deref(), MAX_LONG_TEXT);
        let strengths = t.strengths.as_deref().unwrap_or_default();
        l.count(&path, "strengths", strengths.len(), MAX_LIST_ITEMS);
        for item in strengths.iter().take(MAX_LIST_ITEMS) {
            l.text(&*path, "strengths", Some(item), MAX_LONG_TEXT);
        }
        steps(&mut l, &path, t.growth.as_deref());
    }
    let blends = raw.blends.as_deref().unwrap_or_default();
    l.count("blends", "blends", blends.len(), MAX_BLENDS);
    for (i, b) in blends.iter().enumerate().take(MAX_BLENDS) {
        steps(&mut l, &format!("blends[{i}]"), b.growth.as_deref());
    }
    let axes = raw.axes.as_deref().unwrap_or_default();
    l.count("axes", "axes", axes.len(), MAX_AXES);
    for (i, a) in axes.iter().enumerate().take(MAX_AXES) {
        l.text(
            format!("axes[{i}]"),
            "label",
            a.label.as_deref(),
            MAX_SHORT_TEXT,
        );
    }
    l.problems
}

/// The growth steps of a track or a blend: how many, and how long.
fn steps(l: &mut Limits, path: &str, list: Option<&[crate::assessment::raw::RawStep]>) {
    let list = list.unwrap_or_default();
    l.count(path, "growth", list.len(), MAX_LIST_ITEMS);
    for item in list.iter().take(MAX_LIST_ITEMS) {
        l.text(path, "growth", item.step.as_deref(), MAX_LONG_TEXT);
    }
}

/// Sections and questions counted so far, for the limits on the whole file.
#[derive(Debug, Default)]
pub struct Counts {
    sections: usize,
    questions: usize,
}

/// The limits of one section, the `si`th (from 0), checked as it is read;
/// `counts` carries the totals from one section to the next.
pub(crate) fn check_section(s: &RawSection, si: usize, counts: &mut Counts) -> Vec<Problem> {
    let mut l = Limits {
        problems: Vec::new(),
    };
    let questions = s.questions.as_deref().unwrap_or_default();
    counts.sections += 1;
    counts.questions += questions.len();
    for (n, what, max) in [
        (counts.sections, "sections", MAX_SECTIONS),
        (counts.questions, "questions", MAX_QUESTIONS),
    ] {
        if n > max {
            // Past a count limit, the per-item checks would only repeat it.
            l.problems.push(Problem::error(
                "sections",
                format!("the file has more than {max} {what}, over the limit of {max}; split the assessment or trim it"),
            ));
            return l.problems;
        }
    }
    let spath = In(si, None, None);
    l.text(spath, "title", s.title.as_deref(), MAX_SHORT_TEXT);
    l.text(spath, "intro", s.intro.as_deref(), MAX_LONG_TEXT);
    for (qi, q) in questions.iter().enumerate() {
        let qpath = In(si, Some(qi), None);
        l.text(qpath, "id", q.id.as_deref(), MAX_SHORT_TEXT);
        for (key, value) in [("text", &q.text), ("help", &q.help), ("coach", &q.coach)] {
            l.text(qpath, key, value.as_deref(), MAX_LONG_TEXT);
        }
        if let Some(m) = q.max_length.map(|m| m.value)
            && m > MAX_TEXT_ANSWER
        {
            l.problems.push(Problem::error(
                qpath.to_string(),
                format!("max_length {m} is over the limit of {MAX_TEXT_ANSWER} characters"),
            ));
        }
        let options = q.options.as_deref().unwrap_or_default();
        l.count(qpath, "options", options.len(), MAX_OPTIONS);
        for (oi, o) in options.iter().enumerate().take(MAX_OPTIONS) {
            let opath = In(si, Some(qi), Some(oi));
            l.text(opath, "id", o.id.as_deref(), MAX_SHORT_TEXT);
            l.text(opath, "label", o.label.as_deref(), MAX_LONG_TEXT);
        }
        if let Some(labels) = q.scale.as_ref().and_then(|s| s.labels.as_ref()) {
            for label in labels {
                l.text(qpath, "labels", Some(label), MAX_SHORT_TEXT);
            }
        }
    }
    l.problems
}
