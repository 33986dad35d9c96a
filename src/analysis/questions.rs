//! How each question was answered across a group of sessions: how often it
//! was shown, answered and skipped, the spread of its answers, and flags
//! for a question that tells people apart poorly.

use super::Record;
use crate::answers::Answer;
use crate::assessment::{Assessment, QuestionIndex, QuestionKind};
use crate::session::Fate;

/// A question is flagged as answered alike when at least this share of its
/// answers are one and the same answer: it then hardly tells people apart.
pub const SAME_SHARE: f64 = 0.9;

/// A question is flagged as often skipped when at least this share of the
/// people who reached it moved past it without answering.
pub const SKIP_SHARE: f64 = 0.25;

/// Flags need at least this many answers (or people who reached the
/// question): below it one person moves a share by 20 points or more.
pub const FLAG_MIN: usize = 5;

/// What a flag says about a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// At least [`SAME_SHARE`] of the answers are the same answer.
    SameAnswer,
    /// At least [`SKIP_SHARE`] of those who reached it skipped it.
    ManySkip,
}

impl Flag {
    /// Its id in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Flag::SameAnswer => "same_answer",
            Flag::ManySkip => "many_skip",
        }
    }
}

/// One possible answer (a point, or an option) in a distribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    /// A likert point.
    Point(i64),
    /// An option, by id.
    Option(String),
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Key::Point(v) => write!(f, "{v}"),
            Key::Option(id) => f.write_str(id),
        }
    }
}

/// How one question fared in the group.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionStats {
    /// Which question, by index.
    pub question: QuestionIndex,
    /// Sessions where it was visible (answered, skipped or not reached).
    pub shown: usize,
    /// Sessions that answered it (while it was visible).
    pub answered: usize,
    /// Sessions that moved past it without answering.
    pub skipped: usize,
    /// Shown in a session in progress that has not come to it yet.
    pub not_reached: usize,
    /// Sessions whose answers hid it (its `show_if`).
    pub hidden: usize,
    /// Each point or option and how many answers gave it: for likert and
    /// choice the answer; for multi how many ticked the option; for rank
    /// how many placed it first. Empty for text, whose words stay private.
    pub distribution: Vec<(Key, usize)>,
    /// The most common whole answer (a multi's set of options, a rank's
    /// full order) and how many gave it; None for text or no answers.
    pub most_common: Option<(String, usize)>,
    /// What stands out: answered alike, or often skipped.
    pub flags: Vec<Flag>,
}

/// Every question's figures, in file order.
pub fn of(assessment: &Assessment, records: &[Record]) -> Vec<QuestionStats> {
    (0..assessment.questions.len())
        .map(|q| question(assessment, records, q))
        .collect()
}

fn question(assessment: &Assessment, records: &[Record], q: QuestionIndex) -> QuestionStats {
    let kind = &assessment.questions[q].kind;
    let count = |fate: Fate| records.iter().filter(|r| r.fates[q] == fate).count();
    let (answered, skipped) = (count(Fate::Answered), count(Fate::Skipped));
    let (not_reached, hidden) = (count(Fate::NotYet), count(Fate::Hidden));
    let answers: Vec<&Answer> = records.iter().filter_map(|r| r.counted(q)).collect();
    let most_common = most_common(kind, &answers);
    let mut flags = Vec::new();
    if let Some((_, n)) = &most_common
        && answered >= FLAG_MIN
        && *n as f64 >= SAME_SHARE * answered as f64
    {
        flags.push(Flag::SameAnswer);
    }
    let reached = answered + skipped;
    if reached >= FLAG_MIN && skipped as f64 >= SKIP_SHARE * reached as f64 {
        flags.push(Flag::ManySkip);
    }
    QuestionStats {
        question: q,
        shown: answered + skipped + not_reached,
        answered,
        skipped,
        not_reached,
        hidden,
        distribution: distribution(kind, &answers),
        most_common,
        flags,
    }
}

fn distribution(kind: &QuestionKind, answers: &[&Answer]) -> Vec<(Key, usize)> {
    let options = kind_options(kind);
    match kind {
        QuestionKind::Likert { scale, .. } => (scale.min..=scale.max)
            .map(|v| {
                let n = answers
                    .iter()
                    .filter(|a| matches!(a, Answer::Likert(x) if *x == v))
                    .count();
                (Key::Point(v), n)
            })
            .collect(),
        QuestionKind::Text { .. } => Vec::new(),
        _ => (0..options.len())
            .map(|o| {
                let n = answers
                    .iter()
                    .filter(|a| match a {
                        Answer::Choice(c) => *c == o,
                        Answer::Multi(list) => list.contains(&o),
                        Answer::Rank(order) => order.first() == Some(&o),
                        _ => false,
                    })
                    .count();
                (Key::Option(options[o].id.to_string()), n)
            })
            .collect(),
    }
}

/// The options of a question (none for likert and text).
fn kind_options(kind: &QuestionKind) -> &[crate::assessment::Choice] {
    match kind {
        QuestionKind::Choice { options }
        | QuestionKind::Multi { options, .. }
        | QuestionKind::Rank { options } => options,
        _ => &[],
    }
}

/// The most common whole answer, written as the export writes it (a
/// multi's options in option order, since the set is what was chosen);
/// the first met wins a tie.
fn most_common(kind: &QuestionKind, answers: &[&Answer]) -> Option<(String, usize)> {
    let options = kind_options(kind);
    let ids = |list: &[usize], sep: &str| {
        list.iter()
            .map(|o| options[*o].id.as_str())
            .collect::<Vec<_>>()
            .join(sep)
    };
    let mut counts: Vec<(String, usize)> = Vec::new();
    for a in answers {
        let key = match a {
            Answer::Likert(v) => v.to_string(),
            Answer::Choice(o) => options[*o].id.to_string(),
            Answer::Multi(list) => {
                let mut set = list.clone();
                set.sort_unstable();
                ids(&set, ";")
            }
            Answer::Rank(order) => ids(order, ">"),
            Answer::Text(_) => return None,
        };
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best)
}
