//! Reachability of every track (an error) and the balance warnings.

use super::{Checker, Loc};
use crate::assessment::events::Pos;
use crate::assessment::kinds::range;
use crate::assessment::model::*;
use crate::assessment::problem::{Problem, one_of};

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

/// What the questions can move, summed as each question is checked, while
/// its weights are at hand: a pass over the whole model at the end would
/// visit fifty thousand questions again, long out of the caches.
#[derive(Default)]
pub(super) struct Evidence {
    /// Per track: the sum of the widths of every question's range.
    total: Vec<f64>,
    /// The same, per section.
    per_section: Vec<Vec<f64>>,
    /// Scored questions that move exactly one track.
    one_track: Vec<QuestionIndex>,
}

impl Evidence {
    /// A new section begins; its questions follow.
    pub(super) fn section(&mut self, tracks: usize) {
        self.total.resize(tracks, 0.0);
        self.per_section.push(vec![0.0; tracks]);
    }

    /// Adds the question at `qi` of the current section.
    pub(super) fn question(&mut self, qi: QuestionIndex, q: &Question) {
        let Some(section) = self.per_section.last_mut() else {
            return;
        };
        let mut reached = 0;
        for (t, total) in self.total.iter_mut().enumerate() {
            if let Some((lo, hi)) = range(&q.kind, t) {
                *total += hi - lo;
                section[t] += hi - lo;
                if hi > lo {
                    reached += 1;
                }
            }
        }
        if q.is_scored() && reached == 1 {
            self.one_track.push(qi);
        }
    }
}

/// Reachability (an error) and the balance warnings of spec 1.2, from the
/// evidence summed as the questions were checked.
pub(super) fn check_evidence(c: &mut Checker, a: &Assessment, places: &Places, e: &Evidence) {
    let n = a.tracks.len();
    // Every track and section has its sums (zero when nothing was added).
    let total: Vec<f64> = (0..n)
        .map(|t| e.total.get(t).copied().unwrap_or(0.0))
        .collect();
    let moves = |si: usize, t: usize| -> f64 {
        (e.per_section.get(si).and_then(|row| row.get(t)).copied()).unwrap_or(0.0)
    };
    if !a.axes.is_empty() {
        for &qi in &e.one_track {
            let q = &a.questions[qi];
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
            .filter(|t| moves(si, *t) <= 0.0)
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
