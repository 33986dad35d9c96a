//! One module per question kind, holding everything the kind needs: its
//! draft (the answer being built), its check (the one rule every front end
//! and the answers file use), its rule in words, its answer in words, and
//! its contribution to a track and that contribution's range (spec 3.1).
//!
//! Adding a kind means one module here, a variant in [`Draft`] and in
//! `QuestionKind`, and the places that draw it (see docs/question-kinds.md).

pub mod answer;
pub use answer::Answer;
pub mod choice;
pub mod likert;
pub mod multi;
pub mod rank;
pub mod text;

use crate::assessment::{OptionIndex, QuestionKind, TrackIndex};

/// Why an answer was refused. The decision is made here, once; each front
/// end words it with its own keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// There are only `count` options or points.
    NoSuchOption { count: usize },
    /// A multi answer with fewer than `min` options ticked.
    TooFew { chosen: usize, min: usize },
    /// A multi answer with more than `max` options ticked.
    TooMany { chosen: usize, max: usize },
    /// An option named twice.
    Repeated(OptionIndex),
    /// A ranking that leaves options out.
    Incomplete { missing: Vec<OptionIndex> },
    /// A ranking option placed already.
    AlreadyPlaced(OptionIndex),
    /// A text over the question's `max_length`.
    TooLong { length: usize, max: usize },
    /// A required question with no answer.
    Required,
    /// A required question cannot be skipped.
    NotSkippable,
    /// A ranking confirmed before any option was placed: the order shown
    /// is the file's, not the person's.
    Unranked,
    /// A question that is not required, asked to confirm with no answer:
    /// it is left unanswered only by skipping.
    NothingPicked,
}

/// The answer being built on the current question.
#[derive(Debug, Clone, PartialEq)]
pub enum Draft {
    Likert(likert::Draft),
    Choice(choice::Draft),
    Multi(multi::Draft),
    Rank(rank::Draft),
    Text(text::Draft),
}

impl Draft {
    /// The draft of a question, starting from its saved answer; `shown` is
    /// the order its options are shown in (a ranking starts from it).
    pub fn of(kind: &QuestionKind, answer: Option<&Answer>, shown: &[OptionIndex]) -> Draft {
        match kind {
            QuestionKind::Likert { scale, .. } => Draft::Likert(likert::Draft::new(scale, answer)),
            QuestionKind::Choice { .. } => Draft::Choice(choice::Draft::new(answer)),
            QuestionKind::Multi { .. } => Draft::Multi(multi::Draft::new(answer)),
            QuestionKind::Rank { .. } => Draft::Rank(rank::Draft::new(shown, answer)),
            QuestionKind::Text { max_length } => Draft::Text(text::draft(*max_length, answer)),
        }
    }

    /// The highlighted option or point (0 for a text question).
    pub fn highlight(&self) -> usize {
        match self {
            Draft::Likert(d) => d.highlight,
            Draft::Choice(d) => d.highlight,
            Draft::Multi(d) => d.highlight,
            Draft::Rank(d) => d.highlight,
            Draft::Text(_) => 0,
        }
    }

    /// Moves the highlight to `to`, held within `count` rows.
    pub(crate) fn set_highlight(&mut self, to: usize, count: usize) {
        let to = to.min(count.saturating_sub(1));
        match self {
            Draft::Likert(d) => d.highlight = to,
            Draft::Choice(d) => d.highlight = to,
            Draft::Multi(d) => d.highlight = to,
            Draft::Rank(d) => d.highlight = to,
            Draft::Text(_) => {}
        }
    }
}

/// How many options or points a question offers (0 for text).
pub(crate) fn choices(kind: &QuestionKind) -> usize {
    match kind {
        QuestionKind::Likert { scale, .. } => scale.points(),
        QuestionKind::Choice { options }
        | QuestionKind::Multi { options, .. }
        | QuestionKind::Rank { options } => options.len(),
        QuestionKind::Text { .. } => 0,
    }
}

/// The one check of an answer against its question: the rule that the
/// terminal app, plain mode and the answers file all apply.
pub fn check(kind: &QuestionKind, answer: &Answer) -> Result<(), Refusal> {
    match (kind, answer) {
        (QuestionKind::Likert { scale, .. }, Answer::Likert(v)) => likert::check(scale, *v),
        (QuestionKind::Choice { options }, Answer::Choice(o)) => choice::check(options.len(), *o),
        (QuestionKind::Multi { options, min, max }, Answer::Multi(list)) => {
            multi::check(options.len(), *min, *max, list)
        }
        (QuestionKind::Rank { options }, Answer::Rank(order)) => rank::check(options.len(), order),
        (QuestionKind::Text { max_length }, Answer::Text(t)) => text::check(*max_length, t),
        // An answer of another kind never reaches here: readers build the
        // answer from the question's kind.
        _ => Err(Refusal::NoSuchOption {
            count: choices(kind),
        }),
    }
}

/// Whether a question names a track in its weights or any option's weights.
pub(crate) fn mentions(kind: &QuestionKind, t: TrackIndex) -> bool {
    match kind {
        QuestionKind::Likert { weights, .. } => weights.iter().any(|(x, _)| *x == t),
        QuestionKind::Text { .. } => false,
        QuestionKind::Choice { options }
        | QuestionKind::Multi { options, .. }
        | QuestionKind::Rank { options } => options
            .iter()
            .any(|o| o.weights.iter().any(|(x, _)| *x == t)),
    }
}

/// The possible range [lo, hi] of a question's contribution to a track, or
/// None when the question does not mention the track (spec 3.1).
pub fn range(kind: &QuestionKind, t: TrackIndex) -> Option<(f64, f64)> {
    if !mentions(kind, t) {
        return None;
    }
    match kind {
        QuestionKind::Likert { weights, .. } => Some(likert::range(weights, t)),
        QuestionKind::Choice { options } => Some(choice::range(options, t)),
        QuestionKind::Multi { options, min, max } => Some(multi::range(options, *min, *max, t)),
        QuestionKind::Rank { options } => Some(rank::range(options, t)),
        QuestionKind::Text { .. } => None,
    }
}

/// The contribution c of an answer to a track (spec 3.1).
pub fn contribution(kind: &QuestionKind, t: TrackIndex, answer: &Answer) -> f64 {
    match (kind, answer) {
        (
            QuestionKind::Likert {
                scale,
                reverse,
                weights,
            },
            Answer::Likert(v),
        ) => likert::contribution(scale, *reverse, weights, t, *v),
        (QuestionKind::Choice { options }, Answer::Choice(o)) => {
            choice::contribution(options, t, *o)
        }
        (QuestionKind::Multi { options, .. }, Answer::Multi(chosen)) => {
            multi::contribution(options, t, chosen)
        }
        (QuestionKind::Rank { options }, Answer::Rank(order)) => {
            rank::contribution(options, t, order)
        }
        _ => 0.0,
    }
}

/// An answer in words, with labels rather than ids.
pub(crate) fn describe(kind: &QuestionKind, answer: &Answer) -> String {
    match (kind, answer) {
        (QuestionKind::Likert { scale, .. }, Answer::Likert(v)) => likert::describe(scale, *v),
        (QuestionKind::Choice { options }, Answer::Choice(o)) => options[*o].label.clone(),
        (
            QuestionKind::Multi { options, .. } | QuestionKind::Rank { options },
            Answer::Multi(list),
        ) => multi::describe(options, list),
        (
            QuestionKind::Rank { options } | QuestionKind::Multi { options, .. },
            Answer::Rank(order),
        ) => rank::describe(options, order),
        (_, Answer::Text(t)) => text::describe(t),
        (_, Answer::Likert(v)) => v.to_string(),
        (_, Answer::Choice(o)) => (o + 1).to_string(),
        (_, Answer::Multi(_) | Answer::Rank(_)) => String::new(),
    }
}

/// The part of an answer that moved track `t` the way `pull` points, in
/// words: a likert label, the option chosen, the options ticked that carry
/// weight that way ("ticked 'A' and 'B'"), or the one placement of a
/// ranking that moved the track most ("ranked 'Shaping the team' first").
/// Anything else is described whole.
pub(crate) fn moving_part(
    kind: &QuestionKind,
    answer: &Answer,
    t: TrackIndex,
    pull: f64,
) -> String {
    match (kind, answer) {
        (QuestionKind::Multi { options, .. }, Answer::Multi(chosen)) => {
            multi::moving_part(options, chosen, t, pull)
        }
        (QuestionKind::Rank { options }, Answer::Rank(order)) => {
            rank::moving_part(options, order, t, pull)
        }
        (QuestionKind::Choice { options }, Answer::Choice(o)) => {
            format!("chose '{}'", options[*o].label)
        }
        _ => describe(kind, answer),
    }
}

/// Weights of a question's options, held on the stack when there are few
/// (as nearly always): ranges are worked out for every question and track
/// of a file when it is loaded and when it is scored.
type OptionWeights = smallvec::SmallVec<[f64; 8]>;

/// The option weights of a list of options for one track (0 where absent).
fn option_weights(options: &[crate::assessment::Choice], t: TrackIndex) -> OptionWeights {
    options
        .iter()
        .map(|o| crate::assessment::weight_of(&o.weights, t))
        .collect()
}
