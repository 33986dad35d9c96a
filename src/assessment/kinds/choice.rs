//! Choice questions: exactly one option.

use super::Answer;
use super::{Refusal, option_weights};
use crate::assessment::{Choice, OptionIndex, TrackIndex, weight_of};

/// The option highlighted; picking one answers at once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    pub highlight: usize,
}

impl Draft {
    /// The draft of a question with this answer: the answer highlighted.
    pub fn new(answer: Option<&Answer>) -> Draft {
        let highlight = match answer {
            Some(Answer::Choice(o)) => *o,
            _ => 0,
        };
        Draft { highlight }
    }
}

/// The option is one of the question's.
pub fn check(count: usize, o: OptionIndex) -> Result<(), Refusal> {
    if o < count {
        Ok(())
    } else {
        Err(Refusal::NoSuchOption { count })
    }
}

/// The chosen option's weight.
pub fn contribution(options: &[Choice], t: TrackIndex, o: OptionIndex) -> f64 {
    weight_of(&options[o].weights, t)
}

/// [min w, max w] over the options.
pub fn range(options: &[Choice], t: TrackIndex) -> (f64, f64) {
    let ws = option_weights(options, t);
    let lo = ws.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = ws.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (lo, hi)
}
