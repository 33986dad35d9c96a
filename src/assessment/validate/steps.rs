//! Growth steps of tracks and of blends. A step's `show_if` may name any
//! question in the file (steps are offered after every question), so the
//! steps are checked at the end, once every question is known.

use super::conditions::resolve;
use super::sections::Known;
use super::{Checker, Loc};
use crate::assessment::model::*;
use crate::assessment::problem::Problem;
use crate::assessment::raw::*;

/// Gives each track the steps written under the first track of its id.
pub(super) fn track_steps(
    c: &mut Checker,
    raw: Option<&[RawTrack]>,
    tracks: &mut [Track],
    known: &Known,
) {
    let raw = raw.unwrap_or_default();
    for track in tracks.iter_mut() {
        let Some((i, t)) = raw
            .iter()
            .enumerate()
            .find(|(_, t)| t.id.as_deref() == Some(track.id.as_str()))
        else {
            continue;
        };
        let path = Loc::Root.item("tracks", i, t.id.as_deref());
        track.growth = steps(c, t.growth.as_deref(), &path, known);
    }
    unknown_questions(c);
}

/// The blends: two distinct tracks each, no pair twice, and their steps.
pub(super) fn check_blends(c: &mut Checker, raw: Option<&[RawBlend]>, known: &Known) -> Vec<Blend> {
    let mut blends: Vec<Blend> = Vec::new();
    for (i, b) in raw.unwrap_or_default().iter().enumerate() {
        let path = Loc::Root.item("blends", i, None);
        let ids = b.tracks.as_deref().unwrap_or_default();
        let named: Vec<Option<TrackIndex>> = ids
            .iter()
            .map(|id| c.track(id, &path, id.at, "blend"))
            .collect();
        let growth = steps(c, b.growth.as_deref(), &path, known);
        if ids.len() != 2 {
            c.error(
                &path,
                b.at,
                format!(
                    "a blend names exactly two tracks, like `tracks: [pm, po]`, but this one names {}",
                    ids.len()
                ),
            );
            continue;
        }
        let (Some(x), Some(y)) = (named[0], named[1]) else {
            continue;
        };
        if x == y {
            c.error(
                &path,
                ids[1].at,
                format!(
                    "a blend of track \"{}\" with itself; name two different tracks",
                    ids[0].text
                ),
            );
            continue;
        }
        let pair = [x.min(y), x.max(y)];
        if blends.iter().any(|other| other.tracks == pair) {
            c.error(
                &path,
                b.at,
                format!(
                    "the blend of \"{}\" and \"{}\" is written twice; put its steps under one",
                    ids[0].text, ids[1].text
                ),
            );
            continue;
        }
        if growth.is_empty() {
            c.error(
                &path,
                b.at,
                "a blend needs at least one step under `growth:`",
            );
            continue;
        }
        blends.push(Blend {
            tracks: pair,
            growth,
        });
    }
    unknown_questions(c);
    blends
}

fn steps(c: &mut Checker, raw: Option<&[RawStep]>, path: &Loc, known: &Known) -> Vec<GrowthStep> {
    let mut out = Vec::new();
    for (i, s) in raw.unwrap_or_default().iter().enumerate() {
        let here = path.item("growth", i, None);
        let Some(text) = s.step.as_deref().filter(|t| !t.trim().is_empty()) else {
            c.error(
                &here,
                s.at,
                "a step needs its words: write them as text, or as `step: ...` beside `show_if`",
            );
            continue;
        };
        let show_if = match &s.show_if {
            None => None,
            Some(cond) => match resolve(c, cond, &Loc::Sub(&here, "show_if"), known, 0) {
                Some(cond) => Some(cond),
                None => continue,
            },
        };
        out.push(GrowthStep {
            text: text.to_string(),
            show_if,
        });
    }
    out
}

/// Every question is known by now: a condition naming none names a
/// question that does not exist.
fn unknown_questions(c: &mut Checker) {
    for missing in std::mem::take(&mut c.unseen) {
        let message = format!(
            "show_if refers to unknown question \"{}\"{}",
            missing.question, missing.hint
        );
        c.problems
            .push(Problem::error(missing.path, message).at(missing.at));
    }
}
