//! Reachability of every track (an error) and the balance warnings.

use super::{Checker, Loc};
use crate::assessment::events::Pos;
use crate::assessment::model::*;
use crate::assessment::problem::{Problem, one_of};
use crate::scoring::question_range;

/// Where tracks, sections and questions are written (by index), for
/// pointing at them.
pub(super) struct Places {
    pub(super) tracks: Vec<Pos>,
    pub(super) sections: Vec<Pos>,
    pub(super) questions: Vec<Pos>,
}

fn nth(list: &[Pos], i: usize) -> Pos {
    list.get(i).copied().unwrap_or_default()
}

/// Reachability (an error) and the balance warnings of spec 1.2.
pub(super) fn check_evidence(c: &mut Checker, a: &Assessment, places: &Places) {
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
            let section = Loc::Root.item("sections", q.section, None);
            c.warning(
                &section.item("questions", pos, Some(&q.id)),
                nth(&places.questions, qi),
                "this question moves only one track; in an assessment with axes, weigh it toward a second track too so it places the person on a spectrum",
            );
        }
    }
    for (t, track) in a.tracks.iter().enumerate() {
        if total[t] <= 0.0 {
            c.error(
                &Loc::Root.item("tracks", t, Some(&track.id)),
                nth(&places.tracks, t),
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
                &Loc::Root.item("tracks", t, Some(&track.id)),
                nth(&places.tracks, t),
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
                &Loc::Root.item("sections", si, Some(&s.id)),
                nth(&places.sections, si),
                format!("no question in this section can move {}; its section score will be empty for them", one_of(&still)),
            );
        }
    }
}
