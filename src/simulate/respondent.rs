//! Synthetic respondents: how each kind of person answers each question.
//! The model is described for authors in docs/simulation.md; the comments
//! here say how the code follows it.

use crate::answers::conditions;
use crate::answers::{Answer, Answers};
use crate::assessment::model::{Choice, Question, Scale, Weights};
use crate::assessment::{Assessment, QuestionKind, TrackIndex};
use crate::rng::Rng;

/// A latent person: one main track, and for a torn person a second track
/// exactly as strong. Every other track means nothing to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Profile {
    pub main: TrackIndex,
    pub second: Option<TrackIndex>,
}

impl Profile {
    /// The tracks the person truly fits: one, or two for a torn person.
    pub fn tracks(&self) -> impl Iterator<Item = TrackIndex> {
        std::iter::once(self.main).chain(self.second)
    }
}

/// How a respondent answers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Style {
    /// By the question's weights toward the profile's tracks, plus noise
    /// with this standard deviation on the fit scale (-1 to 1).
    Profile(Profile, f64),
    /// The top of every scale, whatever it says (reverse-worded or not);
    /// uniformly random answers to every other question.
    AgreeAll,
    /// The bottom of every scale; uniformly random elsewhere.
    DisagreeAll,
    /// Every answer uniformly at random.
    Random,
    /// Neutral on every scale, the first option shown of every choice
    /// (and multi), every ranking left in the order shown: someone who
    /// answers without reading. With `shuffle` the order shown is drawn for
    /// each respondent, as for each session; without, it is the file's, and
    /// the track listed first profits.
    AsShown,
}

/// The population of one noise level: `n` people, alternately one-track
/// (the tracks in turn) and torn (the pairs of tracks in turn), so that
/// every track and every pair is equally represented.
pub fn population(tracks: usize, n: usize) -> Vec<Profile> {
    let pairs: Vec<(TrackIndex, TrackIndex)> = (0..tracks)
        .flat_map(|a| (a + 1..tracks).map(move |b| (a, b)))
        .collect();
    (0..n)
        .map(|i| match i % 2 {
            0 => Profile {
                main: (i / 2) % tracks,
                second: None,
            },
            _ => {
                let (a, b) = pairs[(i / 2) % pairs.len()];
                Profile {
                    main: a,
                    second: Some(b),
                }
            }
        })
        .collect()
}

/// A person's answers to a whole assessment, in file order: a question
/// hidden by its `show_if` (given the answers so far, as the engine
/// decides it) is not answered, and text questions are skipped.
pub fn respond(assessment: &Assessment, style: Style, rng: &mut Rng) -> Answers {
    let mut answers = Answers::new(assessment.questions.len());
    let mut visible = Vec::with_capacity(assessment.questions.len());
    for (qi, q) in assessment.questions.iter().enumerate() {
        let shown = q
            .show_if
            .as_ref()
            .is_none_or(|c| conditions::holds(c, &answers, &visible));
        visible.push(shown);
        if shown {
            let answer = match style {
                Style::AsShown => as_shown(q, assessment.shuffled(qi), rng),
                style => answer(q, style, rng),
            };
            answers.set(qi, answer);
        }
    }
    answers
}

/// One answer, or None for a question that is not scored (text).
fn answer(q: &Question, style: Style, rng: &mut Rng) -> Option<Answer> {
    match (&q.kind, style) {
        (QuestionKind::Text { .. }, _) => None,
        (QuestionKind::Likert { scale, .. }, Style::AgreeAll) => Some(Answer::Likert(scale.max)),
        (QuestionKind::Likert { scale, .. }, Style::DisagreeAll) => Some(Answer::Likert(scale.min)),
        (QuestionKind::Likert { scale, .. }, Style::Random) => {
            Some(Answer::Likert(scale.min + rng.below(scale.points()) as i64))
        }
        (kind, Style::Random | Style::AgreeAll | Style::DisagreeAll) => Some(random(kind, rng)),
        (kind, Style::Profile(p, sigma)) => Some(fitted(kind, p, sigma, rng)),
        (_, Style::AsShown) => as_shown(q, false, rng),
    }
}

/// The answer of someone who takes whatever is shown first: the middle of
/// a scale, the first option, the order shown (drawn when `shuffled`).
fn as_shown(q: &Question, shuffled: bool, rng: &mut Rng) -> Option<Answer> {
    let shown = |n: usize, rng: &mut Rng| match shuffled {
        true => rng.permutation(n),
        false => (0..n).collect::<Vec<_>>(),
    };
    Some(match &q.kind {
        QuestionKind::Text { .. } => return None,
        QuestionKind::Likert { scale, .. } => {
            Answer::Likert(scale.min + (scale.points() as i64 - 1) / 2)
        }
        QuestionKind::Choice { options } => Answer::Choice(shown(options.len(), rng)[0]),
        QuestionKind::Multi { options, min, .. } => {
            let mut order = shown(options.len(), rng);
            order.truncate((*min).max(1));
            Answer::Multi(order)
        }
        QuestionKind::Rank { options } => Answer::Rank(shown(options.len(), rng)),
    })
}

/// A uniformly random answer to a choice, multi or rank question: a multi
/// answer takes a count uniform in min..=max, then that many options.
fn random(kind: &QuestionKind, rng: &mut Rng) -> Answer {
    match kind {
        QuestionKind::Choice { options } => Answer::Choice(rng.below(options.len())),
        QuestionKind::Multi { options, min, max } => {
            let k = min + rng.below(max - min + 1);
            let mut order = rng.permutation(options.len());
            order.truncate(k);
            Answer::Multi(order)
        }
        QuestionKind::Rank { options } => Answer::Rank(rng.permutation(options.len())),
        // Likert and text are answered by the caller.
        QuestionKind::Likert { scale, .. } => Answer::Likert(scale.min),
        QuestionKind::Text { .. } => Answer::Text(String::new()),
    }
}

/// How strongly a list of weights favours the person's tracks: the sum of
/// their weights, over `scale` (the largest weight in size on the question,
/// so that the strongest pull of a question is 1 whatever its numbers).
fn fit(weights: &Weights, p: Profile, scale: f64) -> f64 {
    if scale <= 0.0 {
        return 0.0;
    }
    p.tracks()
        .map(|t| crate::assessment::weight_of(weights, t))
        .sum::<f64>()
        / scale
}

/// The largest weight in size over a question's options.
fn largest(options: &[Choice]) -> f64 {
    options
        .iter()
        .flat_map(|o| o.weights.iter().map(|(_, w)| w.abs()))
        .fold(0.0, f64::max)
}

/// Each option's fit plus its own noise, highest first; ties keep file order.
fn noisy_order(options: &[Choice], p: Profile, sigma: f64, rng: &mut Rng) -> Vec<(usize, f64)> {
    let m = largest(options);
    let mut u: Vec<(usize, f64)> = options
        .iter()
        .enumerate()
        .map(|(i, o)| (i, fit(&o.weights, p, m) + sigma * rng.noise()))
        .collect();
    u.sort_by(|a, b| b.1.total_cmp(&a.1));
    u
}

/// The answer of a person with a profile: every judgement is a fit plus
/// noise (a Thurstone model), read the way the question asks.
fn fitted(kind: &QuestionKind, p: Profile, sigma: f64, rng: &mut Rng) -> Answer {
    match kind {
        QuestionKind::Likert {
            scale,
            reverse,
            weights,
        } => {
            let m = weights.iter().map(|(_, w)| w.abs()).fold(0.0, f64::max);
            let s = fit(weights, p, m).clamp(-1.0, 1.0) + sigma * rng.noise();
            Answer::Likert(point(scale, *reverse, s))
        }
        QuestionKind::Choice { options } => {
            Answer::Choice(noisy_order(options, p, sigma, rng)[0].0)
        }
        QuestionKind::Multi { options, min, max } => {
            let order = noisy_order(options, p, sigma, rng);
            // The options that appeal (noisy fit above 0), held within min..max.
            let appealing = order.iter().filter(|(_, u)| *u > 0.0).count();
            let k = appealing.clamp(*min, *max);
            Answer::Multi(order[..k].iter().map(|(i, _)| *i).collect())
        }
        QuestionKind::Rank { options } => Answer::Rank(
            noisy_order(options, p, sigma, rng)
                .iter()
                .map(|(i, _)| *i)
                .collect(),
        ),
        QuestionKind::Text { .. } => Answer::Text(String::new()),
    }
}

/// The scale point of a noisy agreement `s` (-1 full disagreement with
/// what the weights favour, 1 full agreement): placed linearly on the
/// scale, turned round for a reverse-worded question (agreeing with it
/// counts against its weights), rounded to the nearest point.
fn point(scale: &Scale, reverse: bool, s: f64) -> i64 {
    let x = ((1.0 + s) / 2.0).clamp(0.0, 1.0);
    let x = if reverse { 1.0 - x } else { x };
    scale.min + (x * (scale.max - scale.min) as f64).round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_population_alternates_one_track_and_torn_people_over_every_pair() {
        let p = population(3, 12);
        assert_eq!(
            p[0],
            Profile {
                main: 0,
                second: None
            }
        );
        assert_eq!(
            p[1],
            Profile {
                main: 0,
                second: Some(1)
            }
        );
        assert_eq!(
            p[2],
            Profile {
                main: 1,
                second: None
            }
        );
        assert_eq!(
            p[3],
            Profile {
                main: 0,
                second: Some(2)
            }
        );
        assert_eq!(
            p[5],
            Profile {
                main: 1,
                second: Some(2)
            }
        );
        assert_eq!(
            p[6],
            Profile {
                main: 0,
                second: None
            }
        );
    }

    #[test]
    fn a_likert_point_follows_agreement_and_reverse_wording() {
        let s = Scale::default();
        assert_eq!(point(&s, false, 1.0), 5);
        assert_eq!(point(&s, false, -1.0), 1);
        assert_eq!(point(&s, false, 0.0), 3);
        assert_eq!(point(&s, true, 1.0), 1);
        assert_eq!(point(&s, false, 7.0), 5);
        assert_eq!(
            point(
                &Scale {
                    min: 0,
                    max: 10,
                    labels: Default::default()
                },
                false,
                0.5
            ),
            8
        );
    }
}
