//! Multi questions: from `min` to `max` distinct options.

use super::Answer;
use super::{Refusal, option_weights};
use crate::assessment::{Choice, OptionIndex, TrackIndex, weight_of};

/// The options ticked so far (in the order ticked), which may be outside
/// `min..=max` while the person is still choosing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    pub highlight: usize,
    pub ticked: Vec<OptionIndex>,
}

impl Draft {
    /// The draft of a question with this answer ticked.
    pub fn new(answer: Option<&Answer>) -> Draft {
        let ticked = match answer {
            Some(Answer::Multi(list)) => list.clone(),
            _ => Vec::new(),
        };
        Draft {
            highlight: 0,
            ticked,
        }
    }

    /// Ticks option `o`, or unticks it when it is ticked.
    pub(crate) fn toggle(&mut self, o: OptionIndex) {
        match self.ticked.iter().position(|t| *t == o) {
            Some(at) => {
                self.ticked.remove(at);
            }
            None => self.ticked.push(o),
        }
    }

    /// The ticked options as an answer.
    pub fn answer(&self) -> Answer {
        Answer::Multi(self.ticked.clone())
    }
}

/// Distinct options of the question, from `min` to `max` of them.
pub fn check(count: usize, min: usize, max: usize, chosen: &[OptionIndex]) -> Result<(), Refusal> {
    for (i, o) in chosen.iter().enumerate() {
        if *o >= count {
            return Err(Refusal::NoSuchOption { count });
        }
        if chosen[..i].contains(o) {
            return Err(Refusal::Repeated(*o));
        }
    }
    let n = chosen.len();
    if n < min {
        Err(Refusal::TooFew { chosen: n, min })
    } else if n > max {
        Err(Refusal::TooMany { chosen: n, max })
    } else {
        Ok(())
    }
}

/// The rule as a sentence, with the front end's verb ("Tick", "Choose"):
/// "Tick up to 3.", "Choose exactly 2.", "Tick any number."
pub fn rule(verb: &str, min: usize, max: usize, options: usize) -> String {
    match (min, max) {
        (0, m) if m >= options => format!("{verb} any number."),
        (0, m) => format!("{verb} up to {m}."),
        (a, b) if a == b => format!("{verb} exactly {a}."),
        (a, b) if b >= options => format!("{verb} at least {a}."),
        (a, b) => format!("{verb} {a} to {b}."),
    }
}

/// The labels chosen, or "none of them".
pub(crate) fn describe(options: &[Choice], chosen: &[OptionIndex]) -> String {
    if chosen.is_empty() {
        return "none of them".to_string();
    }
    chosen
        .iter()
        .map(|o| options[*o].label.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The options ticked whose weight for `t` points the way of `pull`:
/// "ticked 'A'", "ticked 'A' and 'B'"; the whole answer when none does.
pub(crate) fn moving_part(
    options: &[Choice],
    chosen: &[OptionIndex],
    t: TrackIndex,
    pull: f64,
) -> String {
    let labels: Vec<String> = chosen
        .iter()
        .map(|o| &options[*o])
        .filter(|o| weight_of(&o.weights, t) * pull > 0.0)
        .map(|o| format!("'{}'", o.label))
        .collect();
    if labels.is_empty() {
        return describe(options, chosen);
    }
    format!(
        "ticked {}",
        crate::assessment::problem::joined(&labels, "and")
    )
}

/// The sum of the chosen options' weights, in the order chosen.
pub fn contribution(options: &[Choice], t: TrackIndex, chosen: &[OptionIndex]) -> f64 {
    chosen
        .iter()
        .map(|o| weight_of(&options[*o].weights, t))
        .sum()
}

/// The lowest and highest sums of `min..=max` options.
pub fn range(options: &[Choice], min: usize, max: usize, t: TrackIndex) -> (f64, f64) {
    let mut ws = option_weights(options, t);
    ws.sort_by(|a, b| b.total_cmp(a));
    let best = prefix_sums(ws.iter().copied());
    let worst = prefix_sums(ws.iter().rev().copied());
    let hi = (min..=max)
        .map(|k| best[k])
        .fold(f64::NEG_INFINITY, f64::max);
    let lo = (min..=max).map(|k| worst[k]).fold(f64::INFINITY, f64::min);
    (lo, hi)
}

/// Sums of the first 0, 1, ..., n values.
fn prefix_sums(values: impl Iterator<Item = f64>) -> super::OptionWeights {
    let mut out = smallvec::smallvec![0.0];
    let mut acc = 0.0;
    for v in values {
        acc += v;
        out.push(acc);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_reads_as_the_bounds_allow() {
        assert_eq!(rule("Tick", 0, 4, 4), "Tick any number.");
        assert_eq!(rule("Tick", 0, 3, 4), "Tick up to 3.");
        assert_eq!(rule("Choose", 2, 2, 4), "Choose exactly 2.");
        assert_eq!(rule("Choose", 2, 4, 4), "Choose at least 2.");
        assert_eq!(rule("Choose", 2, 3, 5), "Choose 2 to 3.");
    }

    #[test]
    fn the_check_counts_distinct_options_of_the_question() {
        assert_eq!(check(5, 2, 3, &[0, 2]), Ok(()));
        assert_eq!(
            check(5, 2, 3, &[0]),
            Err(Refusal::TooFew { chosen: 1, min: 2 })
        );
        assert_eq!(
            check(5, 2, 3, &[0, 1, 2, 3]),
            Err(Refusal::TooMany { chosen: 4, max: 3 })
        );
        assert_eq!(check(5, 0, 3, &[1, 1]), Err(Refusal::Repeated(1)));
        assert_eq!(
            check(5, 0, 3, &[7]),
            Err(Refusal::NoSuchOption { count: 5 })
        );
    }

    #[test]
    fn toggling_ticks_and_unticks_in_the_order_ticked() {
        let mut d = Draft::default();
        d.toggle(3);
        d.toggle(1);
        d.toggle(3);
        d.toggle(0);
        assert_eq!(d.ticked, vec![1, 0]);
    }
}
