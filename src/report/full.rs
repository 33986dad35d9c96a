//! The report of a whole session (`crossroads report`): the result, a
//! development plan, and every question with its answer and note.
//!
//! Four renderings of the same content, all pure functions of a
//! [`ReportInput`]: Markdown, one self-contained HTML file, JSON and plain
//! text, each in the module of its format. In order they hold: a title
//! (assessment, person, date), the session note, the headline and profile,
//! the ranked tracks, the axes, the section breakdown, the reasons, a
//! development plan from the top track(s) (these as in the result of
//! `crossroads score`), then every question in file order with its answer
//! in words, the coach prompt and the note.
//!
//! A report is for an [`Audience`]. The mentee's takeaway (the default)
//! leaves out the coach prompts and the coach's private notes, and opens with
//! what a reader who was not in the room needs: the result in short and how
//! to read it ([`super::takeaway`]). The coach's copy adds the prompts (of a
//! session taken in coach mode) and every note, private ones marked. In a
//! self-assessment every note is the person's own and in both.
//!
//! A question hidden by its `show_if` is shown as "hidden by an earlier
//! answer" without its answer even when one is kept in the session: like
//! the score, the report ignores it.
//!
//! Markdown and text have control characters and escape sequences removed
//! (`sanitize::clean`), so either may be printed to a terminal as it is.
//! In HTML every string from the assessment, the answers, the notes and the
//! session is cleaned and then escaped.

use crate::answers::{Answer, Answers, describe};
use crate::assessment::{Assessment, Question};
use crate::scoring::Score;
use crate::session::Meta;

pub use super::html::report as html;
pub use super::json::report as json;
pub use super::markdown::report as markdown;
pub use super::text::report as text;

/// Who a session report is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Audience {
    /// The mentee's takeaway: no coach prompts, no private notes.
    #[default]
    Mentee,
    /// The coach's copy: coach prompts and every note, private ones marked.
    Coach,
}

impl Audience {
    /// The name on the command line (`--for mentee|coach`).
    pub fn name(self) -> &'static str {
        match self {
            Audience::Mentee => "mentee",
            Audience::Coach => "coach",
        }
    }
}

impl std::str::FromStr for Audience {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, String> {
        match name {
            "mentee" => Ok(Audience::Mentee),
            "coach" => Ok(Audience::Coach),
            _ => Err(format!(
                "there is no audience \"{name}\"; use mentee or coach"
            )),
        }
    }
}

/// What a report is made from.
pub struct ReportInput<'a> {
    pub assessment: &'a Assessment,
    pub answers: &'a Answers,
    /// The session's bookkeeping (person, dates, coach mode, which notes
    /// are shared, goals), when there is one.
    pub meta: Option<&'a Meta>,
    pub score: &'a Score,
    /// The mentee's takeaway or the coach's copy.
    pub audience: Audience,
}

/// What became of one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum QuestionFate {
    Answered,
    Skipped,
    /// Not reached yet in a session in progress.
    NotYet,
    Hidden,
}

impl QuestionFate {
    pub(super) fn id(self) -> &'static str {
        match self {
            QuestionFate::Answered => "answered",
            QuestionFate::Skipped => "skipped",
            QuestionFate::NotYet => "not_yet",
            QuestionFate::Hidden => "hidden",
        }
    }

    /// The words shown instead of an answer, when there is none.
    pub(super) fn words(self) -> &'static str {
        match self {
            QuestionFate::Answered => "answered",
            QuestionFate::Skipped => "skipped",
            QuestionFate::NotYet => "not reached yet",
            QuestionFate::Hidden => "hidden by an earlier answer",
        }
    }
}

/// One question as the report shows it.
pub(super) struct Item<'a> {
    /// Its number among the questions shown, as the question screen
    /// numbers it (None when hidden).
    pub(super) number: Option<usize>,
    pub(super) question: &'a Question,
    pub(super) status: QuestionFate,
    /// Whether the note is the coach's private one (shown only in the
    /// coach's copy, and marked there).
    pub(super) private: bool,
    /// "Note", or in the coach's copy whether the mentee sees it.
    pub(super) note_label: &'static str,
    /// The counted answer (None when skipped or hidden).
    pub(super) answer: Option<&'a Answer>,
    /// The answer in words.
    pub(super) answer_text: Option<String>,
    /// The coach prompt, only in coach mode.
    pub(super) coach: Option<&'a str>,
    pub(super) note: Option<&'a str>,
}

impl Item<'_> {
    /// "3." for the third question shown, "–" for a hidden one: numbered
    /// as the question screen numbers them.
    pub(super) fn label(&self) -> String {
        self.number.map_or("–".to_string(), |n| format!("{n}."))
    }
}

/// How an item's answer is shown.
pub(super) enum Shown<'i> {
    /// A rank answer: the option labels, most preferred first.
    Ranked(Vec<&'i str>),
    /// Any other answer, in words.
    Words(&'i str),
    /// No answer: skipped or hidden, in words.
    Missing(&'static str),
}

impl Item<'_> {
    /// The answer as the report shows it.
    pub(super) fn shown(&self) -> Shown<'_> {
        match (self.answer, &self.answer_text) {
            (Some(Answer::Rank(order)), Some(_)) => Shown::Ranked(
                order
                    .iter()
                    .map(|o| self.question.options()[*o].label.as_str())
                    .collect(),
            ),
            (_, Some(text)) => Shown::Words(text),
            (_, None) => Shown::Missing(self.status.words()),
        }
    }
}

impl<'a> ReportInput<'a> {
    pub(super) fn coach_mode(&self) -> bool {
        self.meta.is_some_and(|m| m.coach)
    }

    /// The person's name, when the session has one.
    pub(super) fn person(&self) -> Option<&'a str> {
        self.meta
            .and_then(|m| m.name.as_deref())
            .map(str::trim)
            .filter(|n| !n.is_empty())
    }

    /// The session's date as YYYY-MM-DD: when it was last updated, or
    /// else when it started. None when neither holds a date.
    pub(super) fn date(&self) -> Option<String> {
        let meta = self.meta?;
        meta.updated.or(meta.started).map(|t| t.iso_date())
    }

    /// Whether this is the coach's copy.
    pub(super) fn for_coach(&self) -> bool {
        self.audience == Audience::Coach
    }

    /// Whether a note, shared or not as `shared` says, is private: only a
    /// coach's note is, and only until it is shared.
    fn private(&self, shared: bool) -> bool {
        self.coach_mode() && !shared
    }

    /// The session note, when this audience sees it.
    pub(super) fn session_note(&self) -> Option<&'a str> {
        self.meta
            .and_then(|m| m.note.as_deref())
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .filter(|_| self.for_coach() || !self.session_note_private())
    }

    /// Whether the session note is the coach's private one.
    pub(super) fn session_note_private(&self) -> bool {
        self.private(self.meta.is_some_and(|m| m.note_shared))
    }

    /// The label of a note: "Note", or in the coach's copy of a coach
    /// session, whether the mentee sees it.
    pub(super) fn note_label(&self, private: bool) -> &'static str {
        match (self.for_coach() && self.coach_mode(), private) {
            (false, _) => "Note",
            (true, true) => "Private note (coach only)",
            (true, false) => "Note (shared with the mentee)",
        }
    }

    /// How the session note is labelled for this audience.
    pub(super) fn session_note_label(&self) -> &'static str {
        match (
            self.for_coach() && self.coach_mode(),
            self.session_note_private(),
        ) {
            (false, _) => "Session note",
            (true, true) => "Private session note (coach only)",
            (true, false) => "Session note (shared with the mentee)",
        }
    }

    /// The goals chosen after the results (empty without a session).
    pub(super) fn goals(&self) -> &'a [crate::session::goals::Goal] {
        self.meta.map_or(&[], |m| m.goals.as_slice())
    }

    /// How the previous session's goals went (empty without one).
    pub(super) fn reviews(&self) -> &'a [crate::session::goals::Review] {
        self.meta.map_or(&[], |m| m.reviews.as_slice())
    }

    /// The title line: "Sample paths: report for Ada", and for the coach
    /// "Sample paths: report for Ada (coach's copy)".
    pub(super) fn title(&self) -> String {
        let title = match self.person() {
            Some(p) => format!("{}: report for {p}", self.assessment.title.trim()),
            None => format!("{}: report", self.assessment.title.trim()),
        };
        match self.for_coach() {
            true => format!("{title} (coach's copy)"),
            false => title,
        }
    }

    /// The line that opens the coach's copy, saying what it holds that
    /// the takeaway does not; None for the takeaway.
    pub(super) fn coach_line(&self) -> Option<String> {
        if !self.for_coach() {
            return None;
        }
        let whose = match self.person() {
            Some(p) => format!("{p}'s takeaway"),
            None => "the takeaway".to_string(),
        };
        Some(match self.coach_mode() {
            true => format!(
                "The coach's copy: it adds the coach prompts and the notes marked private, which {whose} leaves out."
            ),
            false => format!(
                "The coach's copy of a self-assessment: its notes are the person's own, so it reads as {whose} does."
            ),
        })
    }

    /// The notes this audience sees, by question id.
    pub(super) fn shown_notes(&self) -> Vec<(&'a str, &'a str)> {
        self.answers
            .notes
            .iter()
            .filter(|(id, _)| self.for_coach() || !self.private(self.shared(id)))
            .map(|(id, n)| (id.as_str(), n.as_str()))
            .collect()
    }

    fn shared(&self, id: &str) -> bool {
        self.meta
            .is_some_and(|m| m.shared_notes.iter().any(|s| s == id))
    }

    /// Whether a question without an answer was never reached: only in a
    /// session still in progress, for questions it did not move past.
    fn not_reached(&self, id: &str) -> bool {
        self.meta
            .is_some_and(|m| !m.complete && m.moved_past(id) == Some(false))
    }

    /// How many shown questions were not reached yet.
    pub(super) fn not_yet(&self) -> usize {
        let a = self.assessment;
        (0..a.questions.len())
            .filter(|q| self.score.visible.get(*q).copied().unwrap_or(true))
            .filter(|q| self.answers.get(*q).is_none())
            .filter(|q| self.not_reached(&a.questions[*q].id))
            .count()
    }

    /// The counts line of this session.
    pub(super) fn counts(&self) -> String {
        super::counts_with(self.score, self.not_yet())
    }

    /// Every question in file order.
    pub(super) fn items(&self) -> Vec<Item<'a>> {
        let a = self.assessment;
        let coach = self.coach_mode() && self.for_coach();
        let mut shown = 0;
        a.questions
            .iter()
            .enumerate()
            .map(|(q, question)| {
                let private = self.private(self.shared(&question.id));
                let visible = self.score.visible.get(q).copied().unwrap_or(true);
                let answer = if visible { self.answers.get(q) } else { None };
                let status = match (visible, answer) {
                    (false, _) => QuestionFate::Hidden,
                    (true, None) if self.not_reached(&question.id) => QuestionFate::NotYet,
                    (true, None) => QuestionFate::Skipped,
                    (true, Some(_)) => QuestionFate::Answered,
                };
                if visible {
                    shown += 1;
                }
                Item {
                    number: visible.then_some(shown),
                    question,
                    status,
                    answer,
                    answer_text: answer.map(|ans| describe(a, q, ans)),
                    coach: question
                        .coach
                        .as_deref()
                        .map(str::trim)
                        .filter(|c| coach && !c.is_empty()),
                    note: self
                        .answers
                        .notes
                        .get(question.id.as_str())
                        .map(|n| n.trim())
                        .filter(|n| !n.is_empty())
                        .filter(|_| self.for_coach() || !private),
                    private,
                    note_label: self.note_label(private),
                }
            })
            .collect()
    }

    /// Writes every question in file order, each section's under the
    /// `heading` made of its title; the Answers part of a report.
    pub(super) fn each_question(
        &self,
        out: &mut String,
        heading: fn(&str) -> String,
        question: fn(&mut String, &Item),
    ) {
        let items = self.items();
        for (si, section) in self.assessment.sections.iter().enumerate() {
            out.push_str(&heading(&section.title));
            for item in items.iter().filter(|i| i.question.section == si) {
                question(out, item);
            }
        }
    }
}
