//! How each question was answered across a group of sessions: how often it
//! was shown, answered and skipped, the spread of its answers, and flags
//! for a question that tells people apart poorly.

use super::Record;
use crate::answers::Answer;
use crate::assessment::{QuestionIndex, QuestionKind};
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

/// One question's counts so far, added to one session at a time.
#[derive(Debug, Clone)]
pub struct QuestionTally {
    answered: usize,
    skipped: usize,
    not_reached: usize,
    hidden: usize,
    /// Per likert point (from the scale's min) or per option.
    distribution: Vec<usize>,
    /// Each whole answer met, first met first, with its count; None for
    /// a text question, whose words are not counted.
    common: Option<Vec<(String, usize)>>,
    /// Where each whole answer is in `common`.
    index: std::collections::HashMap<String, usize>,
}

impl QuestionTally {
    /// No session yet.
    pub fn new(kind: &QuestionKind) -> QuestionTally {
        let points = match kind {
            QuestionKind::Likert { scale, .. } => (scale.max - scale.min + 1).max(0) as usize,
            QuestionKind::Text { .. } => 0,
            _ => kind_options(kind).len(),
        };
        QuestionTally {
            answered: 0,
            skipped: 0,
            not_reached: 0,
            hidden: 0,
            distribution: vec![0; points],
            common: (!matches!(kind, QuestionKind::Text { .. })).then(Vec::new),
            index: Default::default(),
        }
    }

    /// Counts question `q` of one more session.
    pub fn add(&mut self, kind: &QuestionKind, record: &Record, q: QuestionIndex) {
        match record.fates[q] {
            Fate::Answered => self.answered += 1,
            Fate::Skipped => self.skipped += 1,
            Fate::NotYet => self.not_reached += 1,
            Fate::Hidden => self.hidden += 1,
        }
        let Some(answer) = record.counted(q) else {
            return;
        };
        // As the distribution is defined: a likert question counts its
        // points; others count each option chosen, ticked or ranked first.
        let counted: &mut dyn FnMut(usize) = &mut |i| {
            if let Some(n) = self.distribution.get_mut(i) {
                *n += 1;
            }
        };
        match (kind, answer) {
            (QuestionKind::Likert { scale, .. }, Answer::Likert(v)) => {
                if let Ok(i) = usize::try_from(v - scale.min) {
                    counted(i);
                }
            }
            (QuestionKind::Likert { .. } | QuestionKind::Text { .. }, _) => {}
            (_, Answer::Choice(o)) => counted(*o),
            (_, Answer::Multi(list)) => {
                // Each option once, however often the list names it.
                let mut ticked = list.clone();
                ticked.sort_unstable();
                ticked.dedup();
                ticked.into_iter().for_each(counted);
            }
            (_, Answer::Rank(order)) => {
                if let Some(o) = order.first() {
                    counted(*o);
                }
            }
            (_, Answer::Likert(_) | Answer::Text(_)) => {}
        }
        let Some(key) = whole(kind, answer) else {
            self.common = None;
            return;
        };
        let Some(common) = self.common.as_mut() else {
            return;
        };
        match self.index.get(&key) {
            Some(i) => common[*i].1 += 1,
            None => {
                self.index.insert(key.clone(), common.len());
                common.push((key, 1));
            }
        }
    }

    /// The figures of question `q`.
    pub fn finish(self, kind: &QuestionKind, q: QuestionIndex) -> QuestionStats {
        let QuestionTally {
            answered,
            skipped,
            not_reached,
            hidden,
            ..
        } = self;
        // The most common whole answer: the first met wins a tie.
        let most_common = self.common.and_then(|counts| {
            let best = counts.iter().map(|(_, n)| *n).max()?;
            counts.into_iter().find(|(_, n)| *n == best)
        });
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
        let distribution = match kind {
            QuestionKind::Likert { scale, .. } => (scale.min..)
                .map(Key::Point)
                .zip(self.distribution)
                .collect(),
            _ => (kind_options(kind).iter())
                .map(|o| Key::Option(o.id.to_string()))
                .zip(self.distribution)
                .collect(),
        };
        QuestionStats {
            question: q,
            shown: answered + skipped + not_reached,
            answered,
            skipped,
            not_reached,
            hidden,
            distribution,
            most_common,
            flags,
        }
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

/// A whole answer written as the export writes it (a multi's options in
/// option order, since the set is what was chosen); None for a text.
fn whole(kind: &QuestionKind, answer: &Answer) -> Option<String> {
    let options = kind_options(kind);
    let ids = |list: &[usize], sep: &str| {
        list.iter()
            .map(|o| options[*o].id.as_str())
            .collect::<Vec<_>>()
            .join(sep)
    };
    Some(match answer {
        Answer::Likert(v) => v.to_string(),
        Answer::Choice(o) => options[*o].id.to_string(),
        Answer::Multi(list) => {
            let mut set = list.clone();
            set.sort_unstable();
            ids(&set, ";")
        }
        Answer::Rank(order) => ids(order, ">"),
        Answer::Text(_) => return None,
    })
}
