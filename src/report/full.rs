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
use crate::record::Meta;
use crate::record::audience::{self, CoachKey, Whose};
use crate::scoring::Score;

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
    /// The counted answer (None when skipped or hidden).
    pub(super) answer: Option<&'a Answer>,
    /// The answer in words.
    pub(super) answer_text: Option<String>,
    /// The coach prompt, only in coach mode.
    pub(super) coach: Option<&'a str>,
    /// The notes this audience sees, own note first.
    pub(super) notes: Vec<NoteLine<'a>>,
}

/// A note as a report shows it.
pub(super) struct NoteLine<'a> {
    /// Whose it is, in this audience's words ("Your note", "Private note
    /// (coach only)", ...).
    pub(super) label: &'static str,
    pub(super) text: &'a str,
    /// Whether it is the coach's private note (only in the coach's copy).
    pub(super) private: bool,
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

    /// Whether the session is finished: a plain answers file is taken as
    /// it stands; a session in progress is a first look, said first.
    pub(super) fn finished(&self) -> bool {
        self.meta.is_none_or(|m| m.complete)
    }

    /// Whether this is the coach's copy.
    pub(super) fn for_coach(&self) -> bool {
        self.audience == Audience::Coach
    }

    /// The coach's key, for the coach's copy only: what a report reads of
    /// the coach's notes goes through it, so the takeaway cannot.
    fn key(&self) -> Option<CoachKey> {
        CoachKey::from_command_line(self.for_coach())
    }

    /// The notes this audience sees on a question (`Some(id)`) or on the
    /// session, own note first, each labelled with whose it is.
    fn notes_on(&self, question: Option<&str>) -> Vec<NoteLine<'a>> {
        let Some(meta) = self.meta else {
            // A plain answers file: its notes are simply notes.
            return question
                .and_then(|id| self.answers.notes.get(id))
                .map(|n| n.trim())
                .filter(|n| !n.is_empty())
                .map(|text| NoteLine {
                    label: "Note",
                    text,
                    private: false,
                })
                .into_iter()
                .collect();
        };
        let own = match question {
            Some(id) => self.answers.notes.get(id).map(String::as_str),
            None => meta.note.as_deref(),
        };
        let coach = self.for_coach();
        audience::notes_on(own, &meta.coach_notes, question, self.key().as_ref())
            .into_iter()
            .map(|n| NoteLine {
                label: n.whose.label(coach),
                text: n.text.trim(),
                private: n.whose == Whose::CoachPrivate,
            })
            .collect()
    }

    /// The notes on the whole session this audience sees.
    pub(super) fn session_notes(&self) -> Vec<NoteLine<'a>> {
        self.notes_on(None)
    }

    /// The goals chosen after the results (empty without a session).
    pub(super) fn goals(&self) -> &'a [crate::record::goals::Goal] {
        self.meta.map_or(&[], |m| m.goals.as_slice())
    }

    /// How the previous session's goals went (empty without one).
    pub(super) fn reviews(&self) -> &'a [crate::record::goals::Review] {
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
                "The coach's copy: it adds the coach prompts and the coach's private notes, which {whose} leaves out."
            ),
            false => format!(
                "The coach's copy of a self-assessment: its notes are the person's own, so it reads as {whose} does."
            ),
        })
    }

    /// The notes this audience sees on questions, by question id.
    pub(super) fn shown_notes(&self) -> Vec<(&'a str, Vec<NoteLine<'a>>)> {
        self.assessment
            .questions
            .iter()
            .map(|q| (q.id.as_str(), self.notes_on(Some(q.id.as_str()))))
            .filter(|(_, n)| !n.is_empty())
            .collect()
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

    /// The one document of this session's result, which every format
    /// lays out.
    pub fn outline(&self) -> super::outline::Outline {
        super::outline::outline(&self.facts())
    }

    /// What this session's outline is made from.
    pub(crate) fn facts(&self) -> super::outline::Facts<'a> {
        super::outline::Facts {
            assessment: self.assessment,
            answers: self.answers,
            score: self.score,
            finished: self.finished(),
            not_yet: self.not_yet(),
            goals: self.goals(),
            since: super::outline::Since::of_reviews(self.reviews()),
        }
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
                    notes: self.notes_on(Some(question.id.as_str())),
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
