//! A given answer, one variant per question kind: held here, beside each
//! kind's rules, so the kinds need nothing from the answers file above them.

use crate::assessment::OptionIndex;

/// A given answer, shaped by the question's type. Options are held by index.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// A point on the question's scale.
    Likert(i64),
    /// The chosen option.
    Choice(OptionIndex),
    /// The chosen options, distinct, in the order chosen.
    Multi(Vec<OptionIndex>),
    /// Every option exactly once, most preferred first.
    Rank(Vec<OptionIndex>),
    /// Free text; never scored.
    Text(String),
}
