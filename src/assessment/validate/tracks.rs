//! Bands, tracks and axes.

use super::{Checker, Loc};
use crate::assessment::model::*;
use crate::assessment::raw::*;

pub(super) fn check_bands(c: &mut Checker, raw: Option<&[RawBand]>) -> Vec<Band> {
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
        c.warning(&Loc::Key("bands"), Pos { line: 1, column: 1 }, "bands is empty, so no track ever gets a band; list bands, or remove `bands` to use the defaults (70 Strong fit, 40 Partial fit, 0 Weak fit)");
    }
    let mut bands = Vec::new();
    for (i, b) in raw.iter().enumerate() {
        let path = Loc::Root.item("bands", i, None);
        let path = &path;
        let label = c
            .required(b.label.as_deref(), path, b.at, "label", "Strong fit")
            .map(str::to_string);
        let min_at = b.min.map_or(b.at, |m| m.at);
        let min = match b.min.map(|m| m.value) {
            None => {
                c.error(
                    path,
                    b.at,
                    "`min` is missing; give the lowest score of the band, for example `min: 70`",
                );
                None
            }
            Some(m) if !m.is_finite() => {
                c.error(
                    path,
                    min_at,
                    format!("band min is {m}; give a score from 0 to 100"),
                );
                None
            }
            Some(m) if !(0.0..=100.0).contains(&m) => {
                c.warning(
                    path,
                    min_at,
                    format!(
                        "band min is {m}, outside the 0-100 range of scores, so {}",
                        if m > 100.0 {
                            "no track can reach it"
                        } else {
                            "every scored track reaches it"
                        }
                    ),
                );
                Some(m)
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

pub(super) fn check_tracks(c: &mut Checker, raw: Option<&[RawTrack]>) -> Vec<Track> {
    let raw = raw.unwrap_or_default();
    if raw.len() < 2 {
        c.error(
            &Loc::Key("tracks"),
            raw.first().map_or(Pos::default(), |t| t.at),
            format!("an assessment needs at least 2 tracks; found {}", raw.len()),
        );
    }
    let mut tracks: Vec<Track> = Vec::new();
    for (i, t) in raw.iter().enumerate() {
        let path = Loc::Root.item("tracks", i, t.id.as_deref());
        let path = &path;
        let id = c.id(&t.id, path, t.at, "track", true).map(String::from);
        let name = c
            .required(t.name.as_deref(), path, t.at, "name", "Product Manager")
            .map(str::to_string);
        if let Some(short) = &t.short
            && short.chars().count() > 12
        {
            c.error(
                path,
                short.at,
                format!(
                    "short label \"{short}\" has {} characters; keep it to 12 at most",
                    short.chars().count()
                ),
            );
        }
        let Some(id) = id else { continue };
        if tracks.iter().any(|x| x.id == id) {
            c.error(
                path,
                t.id.as_ref().map_or(t.at, |i| i.at),
                format!("track id \"{id}\" is used twice; give each track its own id"),
            );
            continue;
        }
        let name = name.unwrap_or_else(|| id.clone());
        tracks.push(Track {
            short: t
                .short
                .as_ref()
                .map_or_else(|| name.clone(), |s| s.text.to_string()),
            id,
            name,
            summary: t.summary.clone(),
            strengths: t.strengths.clone().unwrap_or_default(),
            // Steps may name any question, so they are read at the end
            // (`steps::track_steps`), once every question is known.
            growth: Vec::new(),
        });
    }
    tracks
}

pub(super) fn check_axes(c: &mut Checker, raw: Option<&[RawAxis]>, tracks: &[Track]) -> Vec<Axis> {
    let mut axes: Vec<Axis> = Vec::new();
    for (i, a) in raw.unwrap_or_default().iter().enumerate() {
        let path = Loc::Root.item("axes", i, a.id.as_deref());
        let path = &path;
        let id = c.id(&a.id, path, a.at, "axis", true).map(String::from);
        let left_at = a.left.as_ref().map_or(a.at, |l| l.at);
        let right_at = a.right.as_ref().map_or(a.at, |r| r.at);
        let left = c
            .required(a.left.as_deref(), path, a.at, "left", "po")
            .and_then(|l| c.track(l, path, left_at, "left"));
        let right = c
            .required(a.right.as_deref(), path, a.at, "right", "pm")
            .and_then(|r| c.track(r, path, right_at, "right"));
        if let (Some(l), Some(r)) = (left, right)
            && l == r
        {
            c.error(path, right_at, format!("axis runs from track \"{}\" to itself; give two different tracks for left and right", c.track_ids[l]));
            continue;
        }
        let (Some(id), Some(left), Some(right)) = (id, left, right) else {
            continue;
        };
        if axes.iter().any(|x| x.id == id) {
            c.error(
                path,
                a.id.as_ref().map_or(a.at, |i| i.at),
                format!("axis id \"{id}\" is used twice; give each axis its own id"),
            );
            continue;
        }
        // Without a label, the tracks' short names say which way is which
        // (`c.track_ids` is made from `tracks`, so the indices agree).
        let label = a
            .label
            .clone()
            .unwrap_or_else(|| format!("{}  <->  {}", tracks[left].short, tracks[right].short));
        axes.push(Axis {
            id,
            left,
            right,
            label,
        });
    }
    axes
}
