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
//! in words, the coach prompt (only when the session was taken in coach
//! mode) and the coach's note.
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
use crate::assessment::{Assessment, Question, QuestionIndex};
use crate::scoring::Score;
use crate::session::Meta;

pub use super::html::report as html;
pub use super::json::report as json;
pub use super::markdown::report as markdown;
pub use super::text::report as text;

/// What a report is made from.
pub struct ReportInput<'a> {
    pub assessment: &'a Assessment,
    pub answers: &'a Answers,
    /// The session's bookkeeping (person, dates, coach mode), when there is one.
    pub meta: Option<&'a Meta>,
    pub score: &'a Score,
}

/// What became of one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum QuestionFate {
    Answered,
    Skipped,
    Hidden,
}

impl QuestionFate {
    pub(super) fn id(self) -> &'static str {
        match self {
            QuestionFate::Answered => "answered",
            QuestionFate::Skipped => "skipped",
            QuestionFate::Hidden => "hidden",
        }
    }

    /// The words shown instead of an answer, when there is none.
    pub(super) fn words(self) -> &'static str {
        match self {
            QuestionFate::Answered => "answered",
            QuestionFate::Skipped => "skipped",
            QuestionFate::Hidden => "hidden by an earlier answer",
        }
    }
}

/// One question as the report shows it.
pub(super) struct Item<'a> {
    pub(super) index: QuestionIndex,
    pub(super) question: &'a Question,
    pub(super) status: QuestionFate,
    /// The counted answer (None when skipped or hidden).
    pub(super) answer: Option<&'a Answer>,
    /// The answer in words.
    pub(super) answer_text: Option<String>,
    /// The coach prompt, only in coach mode.
    pub(super) coach: Option<&'a str>,
    pub(super) note: Option<&'a str>,
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

    pub(super) fn session_note(&self) -> Option<&'a str> {
        self.meta
            .and_then(|m| m.note.as_deref())
            .map(str::trim)
            .filter(|n| !n.is_empty())
    }

    /// The title line: "Sample paths: report for Ada".
    pub(super) fn title(&self) -> String {
        match self.person() {
            Some(p) => format!("{}: report for {p}", self.assessment.title.trim()),
            None => format!("{}: report", self.assessment.title.trim()),
        }
    }

    /// Every question in file order.
    pub(super) fn items(&self) -> Vec<Item<'a>> {
        let a = self.assessment;
        let coach = self.coach_mode();
        a.questions
            .iter()
            .enumerate()
            .map(|(q, question)| {
                let visible = self.score.visible.get(q).copied().unwrap_or(true);
                let answer = if visible { self.answers.get(q) } else { None };
                let status = match (visible, answer) {
                    (false, _) => QuestionFate::Hidden,
                    (true, None) => QuestionFate::Skipped,
                    (true, Some(_)) => QuestionFate::Answered,
                };
                Item {
                    index: q,
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
                        .get(&question.id)
                        .map(|n| n.trim())
                        .filter(|n| !n.is_empty()),
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
