//! Rank questions: every option once, most preferred first.

use super::Answer;
use super::{Refusal, option_weights};
use crate::assessment::{Choice, OptionIndex, TrackIndex, weight_of};

/// The order as shown: the first `placed` options were put there by the
/// person, the rest follow in their earlier order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    pub highlight: usize,
    pub order: Vec<OptionIndex>,
    pub placed: usize,
    /// The order the options are shown in before any is placed.
    pub start: Vec<OptionIndex>,
}

impl Draft {
    /// The draft of a question whose options are shown in the order
    /// `start`, with this answer.
    pub fn new(start: &[OptionIndex], answer: Option<&Answer>) -> Draft {
        match answer {
            Some(Answer::Rank(order)) => Draft {
                highlight: 0,
                placed: order.len(),
                order: order.clone(),
                start: start.to_vec(),
            },
            _ => Draft {
                highlight: 0,
                order: start.to_vec(),
                placed: 0,
                start: start.to_vec(),
            },
        }
    }

    /// Puts `option` next in the order; the others keep their order after it.
    pub fn place(&mut self, option: OptionIndex) -> Result<(), Refusal> {
        let Some(at) = self.order.iter().position(|o| *o == option) else {
            return Err(Refusal::NoSuchOption {
                count: self.order.len(),
            });
        };
        if at < self.placed {
            return Err(Refusal::AlreadyPlaced(option));
        }
        self.order.remove(at);
        self.order.insert(self.placed, option);
        self.highlight = self.placed;
        self.placed += 1;
        Ok(())
    }

    /// Moves the highlighted option one place up or down; false at an end.
    pub fn move_highlighted(&mut self, up: bool) -> bool {
        let h = self.highlight;
        let target = if up {
            h.checked_sub(1)
        } else {
            (h + 1 < self.order.len()).then_some(h + 1)
        };
        let Some(t) = target else { return false };
        self.order.swap(h, t);
        self.highlight = t;
        self.placed = self.placed.max(h.max(t) + 1);
        true
    }

    /// Puts the options back in the order they were first shown in.
    pub fn reset(&mut self) {
        let start = std::mem::take(&mut self.start);
        *self = Draft::new(&start, None);
    }

    /// The order shown as an answer.
    pub fn answer(&self) -> Answer {
        Answer::Rank(self.order.clone())
    }
}

/// An order that starts with `first` and continues with the other options
/// in the order shown (`shown`): how a partial ranking is completed.
pub(crate) fn completed(shown: &[OptionIndex], first: &[OptionIndex]) -> Vec<OptionIndex> {
    let mut order = first.to_vec();
    order.extend(shown.iter().filter(|o| !first.contains(o)));
    order
}

/// Every option of the question exactly once.
pub fn check(count: usize, order: &[OptionIndex]) -> Result<(), Refusal> {
    for (i, o) in order.iter().enumerate() {
        if *o >= count {
            return Err(Refusal::NoSuchOption { count });
        }
        if order[..i].contains(o) {
            return Err(Refusal::Repeated(*o));
        }
    }
    if order.len() != count {
        let missing = (0..count).filter(|o| !order.contains(o)).collect();
        return Err(Refusal::Incomplete { missing });
    }
    Ok(())
}

/// "1. First  2. Second  3. Third".
pub(crate) fn describe(options: &[Choice], order: &[OptionIndex]) -> String {
    order
        .iter()
        .enumerate()
        .map(|(i, o)| format!("{}. {}", i + 1, options[*o].label))
        .collect::<Vec<_>>()
        .join("  ")
}

/// The one placement that moved track `t` most the way of `pull`: each
/// option's share of the pull is w (r_p - 1/2), its weight times how far
/// above or below the middle it was placed. "ranked 'X' first", "ranked
/// 'X' last", "ranked 'X' 2nd of 5".
pub(crate) fn moving_part(
    options: &[Choice],
    order: &[OptionIndex],
    t: TrackIndex,
    pull: f64,
) -> String {
    let n = order.len();
    let share = |p: usize, o: OptionIndex| {
        pull.signum() * weight_of(&options[o].weights, t) * (credit(p, n) - 0.5)
    };
    let best = order
        .iter()
        .enumerate()
        .max_by(|(p, a), (q, b)| share(*p, **a).total_cmp(&share(*q, **b)));
    let Some((p, o)) = best else {
        return describe(options, order);
    };
    let place = match p {
        0 => "first".to_string(),
        p if p + 1 == n => "last".to_string(),
        p => format!("{} of {n}", ordinal(p + 1)),
    };
    format!("ranked '{}' {place}", options[*o].label)
}

/// "1st", "2nd", "3rd", "4th", ... "11th", "21st".
pub(crate) fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The rank credit r_p = (n - 1 - p) / (n - 1) of position p among n.
fn credit(p: usize, n: usize) -> f64 {
    (n - 1 - p) as f64 / (n - 1) as f64
}

/// Σ w(option at p) · r_p.
pub fn contribution(options: &[Choice], t: TrackIndex, order: &[OptionIndex]) -> f64 {
    let n = options.len();
    order
        .iter()
        .enumerate()
        .map(|(p, o)| weight_of(&options[*o].weights, t) * credit(p, n))
        .sum()
}

/// The sums for the best and the worst order.
pub fn range(options: &[Choice], t: TrackIndex) -> (f64, f64) {
    let mut ws = option_weights(options, t);
    let n = ws.len();
    ws.sort_by(|a, b| b.total_cmp(a));
    let hi = ws.iter().enumerate().map(|(p, w)| w * credit(p, n)).sum();
    let lo = ws
        .iter()
        .rev()
        .enumerate()
        .map(|(p, w)| w * credit(p, n))
        .sum();
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_order_is_completed_in_the_order_shown() {
        assert_eq!(completed(&[0, 1, 2, 3], &[2]), vec![2, 0, 1, 3]);
        assert_eq!(completed(&[3, 1, 2, 0], &[2]), vec![2, 3, 1, 0]);
    }

    #[test]
    fn a_ranking_names_every_option_once() {
        assert_eq!(check(3, &[2, 0, 1]), Ok(()));
        assert_eq!(
            check(3, &[2, 0]),
            Err(Refusal::Incomplete { missing: vec![1] })
        );
        assert_eq!(check(3, &[2, 2, 1]), Err(Refusal::Repeated(2)));
    }

    #[test]
    fn moving_an_option_up_places_everything_down_to_it() {
        let mut d = Draft::new(&[0, 1, 2], None);
        d.highlight = 1;
        assert!(d.move_highlighted(true));
        assert_eq!(
            (d.order.clone(), d.placed, d.highlight),
            (vec![1, 0, 2], 2, 0)
        );
        assert!(!d.move_highlighted(true), "the top cannot move up");
    }
}
