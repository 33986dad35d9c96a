//! The figures of a simulation: what happens to each population when the
//! real engine scores its answers.

use super::NoiseLevel;
use super::rescore::{Ranges, Terms};
use super::respondent::{Profile, Style, respond};
use crate::assessment::{Assessment, TrackIndex};
use crate::rng::Rng;
use crate::scoring::{self, Score};

/// The figures of one noise level. Shares are fractions from 0 to 1.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelFigures {
    pub level: NoiseLevel,
    /// People with one main track, and people torn between two.
    pub one_track: usize,
    pub torn: usize,
    /// One-track people whose track is in the top set (alone or in a blend).
    pub accuracy: f64,
    /// One-track people whose track is alone at the top.
    pub clear_accuracy: f64,
    /// One-track people shown a blend.
    pub false_blends: f64,
    /// Torn people shown a blend of exactly their two tracks.
    pub torn_blend: f64,
    /// Torn people shown one of their two tracks alone: the other lost.
    pub torn_one_alone: f64,
    /// Everyone, answering again with fresh noise: the same top set
    /// (the same track alone, or the same blend).
    pub retest: f64,
    /// The same, among torn people only.
    pub retest_torn: f64,
    /// Everyone (one-track and torn), first answers: the share whose
    /// answers have a uniform response style (spec 3.5), so that no result
    /// may be shown them as a fit. Realistic people should almost never.
    pub uniform_style: f64,
    /// The median gap, in score points, between a torn person's two tracks.
    pub torn_gap_median: Option<f64>,
    /// The median lead of a one-track person's track over their best other
    /// track (negative when another track beat it).
    pub one_track_lead_median: Option<f64>,
    /// One-track people by true track (rows, declaration order) and what
    /// was shown (columns: each track alone, then a blend, then no result).
    pub confusion: Vec<Vec<usize>>,
    /// One per question, in file order.
    pub questions: Vec<QuestionFigures>,
}

/// What one question does at one noise level.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionFigures {
    /// Share of respondents to whom it was shown.
    pub shown: f64,
    /// By track: the share of that track's one-track people to whom it was
    /// shown (a follow-up must reach the people it is for).
    pub shown_by_track: Vec<f64>,
    /// The mean, over the tracks it mentions, of the correlation between
    /// its contribution to a track (as a share of its range) and being a
    /// one-track person of that track; None when it never varied.
    pub discrimination: Option<f64>,
    /// The track with the lowest such correlation, and that correlation: a
    /// negative one means its answers pull that track's own people away.
    pub weakest: Option<(TrackIndex, f64)>,
    /// Accuracy lost when its contribution is left out (the rest of the
    /// answers kept as they were): accuracy with it minus accuracy without.
    pub removal_loss: f64,
}

/// Where respondents of a response style land (noise plays no part).
#[derive(Debug, Clone, PartialEq)]
pub struct StyleFigures {
    /// `agree-all`, `disagree-all` or `random`.
    pub name: &'static str,
    pub respondents: usize,
    /// By track: the share shown that track alone at the top.
    pub clear: Vec<f64>,
    /// By track: the share with that track ranked first, blend or not.
    pub first: Vec<f64>,
    /// The share shown a blend, and the share shown no result at all.
    pub blends: f64,
    pub none: f64,
    /// The share whose answers have a uniform response style (spec 3.5):
    /// agree-all and disagree-all should nearly always.
    pub uniform_style: f64,
    /// The share whose first-ranked track tied exactly with the second, so
    /// that the file's declaration order put it first (contract 3.2): what
    /// a response style would gain from the order tracks are declared in.
    pub first_by_order: f64,
    /// By band (the assessment's order, highest first), then no band: the
    /// share whose first-ranked track reaches it.
    pub bands: Vec<f64>,
}

/// The column of the confusion matrix for a top set.
fn column(top: &[TrackIndex], tracks: usize) -> usize {
    match top {
        [t] => *t,
        [] => tracks + 1,
        _ => tracks,
    }
}

fn sorted(top: &[TrackIndex]) -> Vec<TrackIndex> {
    let mut s = top.to_vec();
    s.sort_unstable();
    s
}

fn share(count: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        count as f64 / of as f64
    }
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2]),
        _ => Some((v[n / 2 - 1] + v[n / 2]) / 2.0),
    }
}

/// Running sums for a correlation between x and y.
#[derive(Debug, Clone, Copy, Default)]
struct Corr {
    n: f64,
    x: f64,
    y: f64,
    xx: f64,
    xy: f64,
    yy: f64,
}

impl Corr {
    fn add(&mut self, x: f64, y: f64) {
        self.n += 1.0;
        self.x += x;
        self.y += y;
        self.xx += x * x;
        self.xy += x * y;
        self.yy += y * y;
    }

    /// Pearson's r, or None when either side never varied.
    fn r(&self) -> Option<f64> {
        let vx = self.n * self.xx - self.x * self.x;
        let vy = self.n * self.yy - self.y * self.y;
        (vx > 1e-12 && vy > 1e-12).then(|| (self.n * self.xy - self.x * self.y) / (vx * vy).sqrt())
    }
}

/// Simulates and scores one noise level's population (level number `li`
/// names its random streams); `go_on` is asked after each respondent, and
/// None is returned as soon as it says no.
pub fn level(
    a: &Assessment,
    level: NoiseLevel,
    li: u64,
    people: &[Profile],
    seed: u64,
    go_on: &mut dyn FnMut() -> bool,
) -> Option<LevelFigures> {
    let (nt, nq) = (a.tracks.len(), a.questions.len());
    let ranges = Ranges::new(a);
    let mut confusion = vec![vec![0; nt + 2]; nt];
    let (mut one, mut torn, mut hits, mut clear, mut false_blends) = (0, 0, 0, 0, 0);
    let (mut torn_blend, mut torn_alone, mut retest, mut retest_torn) = (0, 0, 0, 0);
    let mut uniform = 0;
    let (mut gaps, mut leads) = (Vec::new(), Vec::new());
    let mut shown = vec![0usize; nq];
    let mut shown_by_track = vec![0usize; nq * nt];
    let mut per_track = vec![0usize; nt];
    let mut hits_without = vec![0usize; nq];
    let mut corr = vec![Corr::default(); nq * nt];
    for (i, p) in people.iter().enumerate() {
        let style = Style::Profile(*p, level.sigma);
        let answer = |attempt| {
            respond(
                a,
                style,
                &mut Rng::stream(seed, &[0, li, i as u64, attempt]),
            )
        };
        let answers = answer(0);
        let s = scoring::score(a, &answers);
        let again = scoring::score(a, &answer(1));
        let same = sorted(&s.top) == sorted(&again.top);
        retest += usize::from(same);
        uniform += usize::from(s.response_style.is_some());
        for (q, v) in s.visible.iter().enumerate() {
            shown[q] += usize::from(*v);
        }
        match p.second {
            None => {
                one += 1;
                per_track[p.main] += 1;
                for (q, v) in s.visible.iter().enumerate() {
                    shown_by_track[q * nt + p.main] += usize::from(*v);
                }
                confusion[p.main][column(&s.top, nt)] += 1;
                let hit = s.top.contains(&p.main);
                hits += usize::from(hit);
                clear += usize::from(s.top == [p.main]);
                false_blends += usize::from(s.is_blend());
                leads.extend(lead(&s, p.main));
                let terms = Terms::new(a, &ranges, &answers, &s.visible);
                for q in 0..nq {
                    let kept = match terms.counted(q) {
                        true => terms.top_holds(p.main, a.tie_margin, Some(q)),
                        false => hit,
                    };
                    hits_without[q] += usize::from(kept);
                    for t in 0..nt {
                        if let Some([c, lo, hi]) = terms.get(q, t).filter(|[_, lo, hi]| hi > lo) {
                            let y = f64::from(u8::from(t == p.main));
                            corr[q * nt + t].add((c - lo) / (hi - lo), y);
                        }
                    }
                }
            }
            Some(b) => {
                torn += 1;
                retest_torn += usize::from(same);
                let pair = sorted(&[p.main, b]);
                torn_blend += usize::from(sorted(&s.top) == pair);
                torn_alone += usize::from(s.top == [p.main] || s.top == [b]);
                if let (Some(x), Some(y)) = (s.of(p.main).score, s.of(b).score) {
                    gaps.push((x - y).abs());
                }
            }
        }
        if !go_on() {
            return None;
        }
    }
    let questions = (0..nq)
        .map(|q| {
            let rs: Vec<(TrackIndex, f64)> = (0..nt)
                .filter_map(|t| corr[q * nt + t].r().map(|r| (t, r)))
                .collect();
            QuestionFigures {
                shown: share(shown[q], people.len()),
                shown_by_track: (0..nt)
                    .map(|t| share(shown_by_track[q * nt + t], per_track[t]))
                    .collect(),
                discrimination: (!rs.is_empty())
                    .then(|| rs.iter().map(|(_, r)| r).sum::<f64>() / rs.len() as f64),
                weakest: rs.iter().copied().min_by(|x, y| x.1.total_cmp(&y.1)),
                removal_loss: share(hits, one) - share(hits_without[q], one),
            }
        })
        .collect();
    Some(LevelFigures {
        level,
        one_track: one,
        torn,
        accuracy: share(hits, one),
        clear_accuracy: share(clear, one),
        false_blends: share(false_blends, one),
        torn_blend: share(torn_blend, torn),
        torn_one_alone: share(torn_alone, torn),
        retest: share(retest, people.len()),
        retest_torn: share(retest_torn, torn),
        uniform_style: share(uniform, people.len()),
        torn_gap_median: median(gaps),
        one_track_lead_median: median(leads),
        confusion,
        questions,
    })
}

/// A track's score minus the best score of any other track.
fn lead(s: &Score, track: TrackIndex) -> Option<f64> {
    let own = s.of(track).score?;
    let other = s
        .tracks
        .iter()
        .filter(|t| t.track != track)
        .filter_map(|t| t.score)
        .max_by(f64::total_cmp)?;
    Some(own - other)
}

/// Simulates and scores `n` respondents of a response style (number `si`
/// names their random streams); `go_on` as for [`level`].
pub fn style(
    a: &Assessment,
    style: Style,
    name: &'static str,
    si: u64,
    n: usize,
    seed: u64,
    go_on: &mut dyn FnMut() -> bool,
) -> Option<StyleFigures> {
    let nt = a.tracks.len();
    let (mut clear, mut first) = (vec![0; nt], vec![0; nt]);
    let (mut blends, mut none, mut uniform, mut by_order) = (0, 0, 0, 0);
    let mut bands = vec![0; a.bands.len() + 1];
    for i in 0..n {
        let answers = respond(a, style, &mut Rng::stream(seed, &[1, si, i as u64, 0]));
        let s = scoring::score(a, &answers);
        uniform += usize::from(s.response_style.is_some());
        match s.top.as_slice() {
            [] => none += 1,
            [t] => clear[*t] += 1,
            _ => blends += 1,
        }
        if let Some(t) = s.tracks.first().filter(|t| t.score.is_some()) {
            first[t.track] += 1;
            by_order += usize::from(s.tracks.get(1).is_some_and(|u| u.score == t.score));
        }
        bands[s
            .tracks
            .first()
            .and_then(|t| t.band)
            .unwrap_or(a.bands.len())] += 1;
        if !go_on() {
            return None;
        }
    }
    Some(StyleFigures {
        name,
        respondents: n,
        clear: clear.iter().map(|c| share(*c, n)).collect(),
        first: first.iter().map(|c| share(*c, n)).collect(),
        blends: share(blends, n),
        none: share(none, n),
        uniform_style: share(uniform, n),
        first_by_order: share(by_order, n),
        bands: bands.iter().map(|c| share(*c, n)).collect(),
    })
}
