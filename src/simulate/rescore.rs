//! Rescoring one respondent's answers with one question left out of the
//! scoring, without simulating them again: what each question adds to the
//! accuracy of the top track.
//!
//! A left-out question is still asked (the questions it shows or hides stay
//! as they were); only its contribution is dropped, exactly as if its
//! weights were removed. The arithmetic is the engine's, term by term
//! (`scoring::contribution` and `scoring::question_range`), and the decision
//! whether a track is in the top set is the engine's too; a test holds the
//! two together.

use crate::answers::Answers;
use crate::assessment::{Assessment, TrackIndex};
use crate::scoring;

/// Every question's possible range [lo, hi] for every track, worked out
/// once per assessment (a multi or rank range sorts its weights).
pub(crate) struct Ranges {
    tracks: usize,
    /// By question, then track; None where the question does not mention it.
    cells: Vec<Option<(f64, f64)>>,
}

impl Ranges {
    /// The ranges of every question of `assessment`.
    pub fn new(assessment: &Assessment) -> Ranges {
        let tracks = assessment.tracks.len();
        let cells = assessment
            .questions
            .iter()
            .flat_map(|q| (0..tracks).map(move |t| scoring::question_range(q, t)))
            .collect();
        Ranges { tracks, cells }
    }

    /// The range of question `q` for track `t`.
    pub fn get(&self, q: usize, t: TrackIndex) -> Option<(f64, f64)> {
        self.cells[q * self.tracks + t]
    }
}

/// One respondent's terms (c, lo, hi) by question and track, with the
/// sums over every question.
pub(crate) struct Terms {
    tracks: usize,
    cells: Vec<Option<[f64; 3]>>,
    totals: Vec<[f64; 3]>,
}

impl Terms {
    /// The terms of the answers to the visible questions, as the engine
    /// counts them.
    pub fn new(
        assessment: &Assessment,
        ranges: &Ranges,
        answers: &Answers,
        visible: &[bool],
    ) -> Terms {
        let tracks = assessment.tracks.len();
        let mut cells = vec![None; assessment.questions.len() * tracks];
        for (qi, q) in assessment.questions.iter().enumerate() {
            let Some(answer) = answers.get(qi).filter(|_| visible[qi]) else {
                continue;
            };
            for t in 0..tracks {
                if let Some((lo, hi)) = ranges.get(qi, t) {
                    cells[qi * tracks + t] = Some([scoring::contribution(q, t, answer), lo, hi]);
                }
            }
        }
        let mut terms = Terms {
            tracks,
            cells,
            totals: Vec::new(),
        };
        terms.totals = (0..tracks).map(|t| terms.exact_sums(t, None)).collect();
        terms
    }

    /// Whether question `q` counted toward any track for this respondent.
    pub fn counted(&self, q: usize) -> bool {
        (0..self.tracks).any(|t| self.cells[q * self.tracks + t].is_some())
    }

    /// The terms of question `q` for track `t`, if it counted.
    pub fn get(&self, q: usize, t: TrackIndex) -> Option<[f64; 3]> {
        self.cells[q * self.tracks + t]
    }

    /// C, L and H of a track summed in file order, as the engine sums them,
    /// leaving out question `skip`.
    fn exact_sums(&self, t: TrackIndex, skip: Option<usize>) -> [f64; 3] {
        let mut s = [0.0; 3];
        for (q, cell) in self.cells.iter().skip(t).step_by(self.tracks).enumerate() {
            if let Some([c, lo, hi]) = cell.filter(|_| Some(q) != skip) {
                s[0] += c;
                s[1] += lo;
                s[2] += hi;
            }
        }
        s
    }

    /// Whether `track` is in the top set, given each track's sums (the
    /// engine's S and its rule: S >= S_best - tie_margin).
    fn in_top(sums: &[[f64; 3]], track: TrackIndex, margin: f64) -> bool {
        let scores: Vec<Option<f64>> = sums.iter().map(pomp).collect();
        let best = scores.iter().flatten().copied().max_by(f64::total_cmp);
        match (scores[track], best) {
            (Some(s), Some(best)) => s >= best - margin,
            _ => false,
        }
    }

    /// Whether `track` is in the top set when question `skip` is left out
    /// (None: nothing left out, which is the engine's own top set).
    ///
    /// Taking one question's terms away from the totals is fast but not
    /// bit for bit the file-order sum; where that could change the answer
    /// (a score within a millionth of a point of the line, or a range that
    /// all but vanished) the sums are redone in file order without it.
    pub(crate) fn top_holds(&self, track: TrackIndex, margin: f64, skip: Option<usize>) -> bool {
        let Some(q) = skip.filter(|&q| self.counted(q)) else {
            return Self::in_top(&self.totals, track, margin);
        };
        let fast: Vec<[f64; 3]> = (0..self.tracks)
            .map(|t| {
                let [c, lo, hi] = self.get(q, t).unwrap_or([0.0; 3]);
                let [sc, sl, sh] = self.totals[t];
                [sc - c, sl - lo, sh - hi]
            })
            .collect();
        let fragile_range = (0..self.tracks).any(|t| {
            let [_, l, h] = fast[t];
            let [_, tl, th] = self.totals[t];
            self.get(q, t).is_some() && (h - l).abs() <= 1e-6 * (th - tl).abs().max(1e-300)
        });
        let scores: Vec<Option<f64>> = fast.iter().map(pomp).collect();
        let best = scores.iter().flatten().copied().max_by(f64::total_cmp);
        let fragile_line = match (scores[track], best) {
            (Some(s), Some(b)) => (s - (b - margin)).abs() <= 1e-6,
            _ => false,
        };
        if fragile_range || fragile_line {
            let exact: Vec<[f64; 3]> = (0..self.tracks)
                .map(|t| self.exact_sums(t, Some(q)))
                .collect();
            return Self::in_top(&exact, track, margin);
        }
        Self::in_top(&fast, track, margin)
    }
}

/// S = 100 (C - L) / (H - L) when H > L, exactly as the engine writes it.
fn pomp(&[c, lo, hi]: &[f64; 3]) -> Option<f64> {
    (hi > lo).then(|| 100.0 * (c - lo) / (hi - lo))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::QuestionKind;
    use crate::rng::Rng;
    use crate::simulate::respondent::{Style, population, respond};

    /// The same assessment with question `q` still asked but scoring nothing.
    fn unscored(a: &Assessment, q: usize) -> Assessment {
        let mut b = a.clone();
        b.questions[q].kind = QuestionKind::Text { max_length: 10 };
        b
    }

    #[test]
    fn leaving_a_question_out_agrees_with_the_engine_scoring_without_it() {
        for id in ["career-tracks", "quick-check"] {
            let a = crate::bundled::find(id).unwrap().load().unwrap().0;
            let ranges = Ranges::new(&a);
            let without: Vec<Assessment> =
                (0..a.questions.len()).map(|q| unscored(&a, q)).collect();
            for (i, p) in population(a.tracks.len(), 24).into_iter().enumerate() {
                let answers = respond(&a, Style::Profile(p, 1.0), &mut Rng::stream(4, &[i as u64]));
                let s = scoring::score(&a, &answers);
                let terms = Terms::new(&a, &ranges, &answers, &s.visible);
                for t in 0..a.tracks.len() {
                    assert_eq!(terms.top_holds(t, a.tie_margin, None), s.top.contains(&t));
                    for (q, b) in without.iter().enumerate() {
                        let engine = scoring::score(b, &answers).top.contains(&t);
                        assert_eq!(
                            terms.top_holds(t, a.tie_margin, Some(q)),
                            engine,
                            "{id} q{q}"
                        );
                    }
                }
            }
        }
    }
}
