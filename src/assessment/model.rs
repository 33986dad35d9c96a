//! The validated assessment that the rest of the program trusts.
//!
//! Everything here was checked by `validate`: ids are unique, references
//! resolve to indices, weights are finite and name declared tracks, and
//! conditions only look backwards. Code that holds an `Assessment` does not
//! re-check any of it.

use compact_str::CompactString;
use smallvec::SmallVec;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// A map keyed by ids: held inline (ids are short) and hashed with
/// foldhash, which is several times faster than the standard SipHash on
/// short keys and still seeded at random for each process.
pub(crate) type IdMap<V> = HashMap<CompactString, V, foldhash::fast::RandomState>;

/// Index of a track in `Assessment::tracks` (declaration order).
pub(crate) type TrackIndex = usize;
/// Index of a question in `Assessment::questions` (file order).
pub(crate) type QuestionIndex = usize;
/// Index of an option within its question.
pub(crate) type OptionIndex = usize;

/// Questions after the last one answered that are looked at before the
/// lookup ([`Assessment::question_index_after`]): answers skip a few
/// questions (hidden, optional) and rarely more.
const NEAR_QUESTIONS: usize = 4;

/// A validated assessment.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub id: String,
    pub title: String,
    pub version: Option<String>,
    pub description: Option<String>,
    /// As written, or estimated from the number of questions.
    pub estimated_minutes: u32,
    /// Score points within which tracks form a blend (spec 3.3).
    pub tie_margin: f64,
    /// The file's default for showing options in an order drawn per session.
    pub shuffle: bool,
    /// Sorted by `min`, highest first.
    pub bands: Vec<Band>,
    pub tracks: Vec<Track>,
    pub axes: Vec<Axis>,
    /// Steps for a result that is a blend of two tracks.
    pub blends: Vec<Blend>,
    pub sections: Vec<Section>,
    /// Every question of every section, in file order.
    pub questions: Vec<Question>,
    /// Question id to index, for answers files of any size.
    pub question_lookup: IdMap<QuestionIndex>,
}

impl Assessment {
    /// Whether question `q`'s options are shown in an order drawn for each
    /// session: its own `shuffle`, else the file's; only choice, multi and
    /// rank questions have options to order.
    pub fn shuffled(&self, q: QuestionIndex) -> bool {
        let question = &self.questions[q];
        matches!(
            question.kind,
            QuestionKind::Choice { .. } | QuestionKind::Multi { .. } | QuestionKind::Rank { .. }
        ) && question.shuffle.unwrap_or(self.shuffle)
    }
}

/// A result band such as "Strong fit" from a minimum score.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub min: f64,
    pub label: String,
    pub message: Option<String>,
}

/// A career track that questions score toward.
#[derive(Debug, Clone, Default)]
pub struct Track {
    pub id: String,
    pub name: String,
    /// Short label for charts; the name when none was given.
    pub short: String,
    pub summary: Option<String>,
    pub strengths: Vec<String>,
    pub growth: Vec<GrowthStep>,
}

/// A next step a track (or a blend) suggests, and for whom.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GrowthStep {
    pub text: String,
    /// Offered only when this holds for the person's answers (for example
    /// their career stage); always offered without one.
    pub show_if: Option<Condition>,
}

/// Steps for a person whose top set holds both of two tracks: what helps
/// them choose between the two.
#[derive(Debug, Clone, PartialEq)]
pub struct Blend {
    pub tracks: [TrackIndex; 2],
    pub growth: Vec<GrowthStep>,
}

/// A spectrum between two distinct tracks.
#[derive(Debug, Clone)]
pub struct Axis {
    pub id: String,
    pub left: TrackIndex,
    pub right: TrackIndex,
    pub label: String,
}

/// A titled group of consecutive questions.
#[derive(Debug, Clone)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub intro: Option<String>,
    /// The section's questions as indices into `Assessment::questions`.
    pub questions: Range<QuestionIndex>,
}

/// One question, whatever its type.
#[derive(Debug, Clone)]
pub struct Question {
    pub id: CompactString,
    /// Index of the section that holds it.
    pub section: usize,
    pub text: String,
    pub help: Option<String>,
    pub coach: Option<String>,
    pub required: bool,
    pub show_if: Option<Condition>,
    pub kind: QuestionKind,
    /// `shuffle` as the question says it (None: the file's default).
    pub shuffle: Option<bool>,
}

/// What a question asks for, with the keys that belong to its type.
#[derive(Debug, Clone)]
pub enum QuestionKind {
    Likert {
        scale: Scale,
        reverse: bool,
        weights: Weights,
    },
    Choice {
        options: Vec<Choice>,
    },
    Multi {
        options: Vec<Choice>,
        min: usize,
        max: usize,
    },
    Rank {
        options: Vec<Choice>,
    },
    Text {
        max_length: usize,
    },
}

/// An agreement scale of at most 11 integer points.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    /// Empty, or exactly one label per point. Shared: every likert
    /// question without a scale of its own holds the assessment's, and
    /// copying its labels for each of thousands of questions was a sixth of
    /// the allocations of loading a large file.
    pub labels: Arc<[String]>,
}

impl Scale {
    /// Number of points on the scale.
    pub fn points(&self) -> usize {
        (self.max - self.min + 1) as usize
    }

    /// The label of a value, when the scale has labels.
    pub fn label(&self, value: i64) -> Option<&str> {
        let i = usize::try_from(value - self.min).ok()?;
        self.labels.get(i).map(String::as_str)
    }
}

impl Default for Scale {
    fn default() -> Self {
        Scale {
            min: 1,
            max: 5,
            labels: Arc::from([]),
        }
    }
}

/// An option of a choice, multi or rank question.
#[derive(Debug, Clone)]
pub struct Choice {
    pub id: CompactString,
    pub label: String,
    pub weights: Weights,
}

/// Weights toward tracks, by track index; a track not listed weighs 0.
/// Held inline up to two tracks, as most are: a large file has one list
/// for every likert question and every option.
pub(crate) type Weights = SmallVec<[(TrackIndex, f64); 2]>;

/// The weight of a track in a weights list (0 when absent).
pub fn weight_of(weights: &Weights, track: TrackIndex) -> f64 {
    weights
        .iter()
        .find(|(t, _)| *t == track)
        .map_or(0.0, |(_, w)| *w)
}

/// A `show_if` condition with its references resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// A choice question has this option chosen, or a multi question has it among its chosen.
    Is(QuestionIndex, OptionIndex),
    /// Any of these options is chosen.
    In(QuestionIndex, Vec<OptionIndex>),
    /// A likert answer at least this value.
    AtLeast(QuestionIndex, f64),
    /// A likert answer at most this value.
    AtMost(QuestionIndex, f64),
    /// The question is (or is not) visible and answered.
    Answered(QuestionIndex, bool),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

impl Question {
    /// The type's name as written in the file.
    pub(crate) fn type_name(&self) -> &'static str {
        match self.kind {
            QuestionKind::Likert { .. } => "likert",
            QuestionKind::Choice { .. } => "choice",
            QuestionKind::Multi { .. } => "multi",
            QuestionKind::Rank { .. } => "rank",
            QuestionKind::Text { .. } => "text",
        }
    }

    /// The options of a choice, multi or rank question (empty otherwise).
    pub fn options(&self) -> &[Choice] {
        match &self.kind {
            QuestionKind::Choice { options }
            | QuestionKind::Multi { options, .. }
            | QuestionKind::Rank { options } => options,
            _ => &[],
        }
    }

    /// Whether the question can move any track's score.
    pub fn is_scored(&self) -> bool {
        !matches!(self.kind, QuestionKind::Text { .. })
    }
}

impl Assessment {
    /// How long it is, in words: "12 questions · about 4 minutes", with "up
    /// to" when some questions are shown only when they apply.
    pub(crate) fn length_in_words(&self, separator: &str) -> String {
        let n = self.questions.len();
        let up_to = if self.questions.iter().any(|q| q.show_if.is_some()) {
            "up to "
        } else {
            ""
        };
        let m = self.estimated_minutes;
        format!(
            "{up_to}{n} question{}{separator}about {m} minute{}",
            if n == 1 { "" } else { "s" },
            if m == 1 { "" } else { "s" }
        )
    }

    /// The index of a question by id.
    pub fn question_index(&self, id: &str) -> Option<QuestionIndex> {
        self.question_lookup.get(id).copied()
    }

    /// The index of a question by id, looked for first among the
    /// `NEAR_QUESTIONS` questions after `after`: a file of answers names
    /// them in file order nearly always, and the next question is at hand
    /// where the lookup would visit a table the size of the assessment.
    /// Ids are unique, so both find the same question.
    pub fn question_index_after(
        &self,
        id: &str,
        after: Option<QuestionIndex>,
    ) -> Option<QuestionIndex> {
        let from = after.map_or(0, |q| q.saturating_add(1));
        let near = self
            .questions
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take(NEAR_QUESTIONS);
        match near.enumerate().find(|(_, q)| q.id == id) {
            Some((i, _)) => Some(from + i),
            None => self.question_index(id),
        }
    }

    /// The index of a track by id.
    pub fn track_index(&self, id: &str) -> Option<TrackIndex> {
        self.tracks.iter().position(|t| t.id == id)
    }
}
