//! Reachability of every track (an error) and the balance warnings.

use super::Checker;
use crate::assessment::model::*;
use crate::assessment::problem::{Problem, one_of};
use crate::scoring::question_range;

/// Reachability (an error) and the balance warnings of spec 1.2.
pub(super) fn check_evidence(c: &mut Checker, a: &Assessment) {
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
