//! Sessions: the questionnaire core that every front end drives, and the
//! session file it is kept in.
//!
//! A [`Session`] holds the assessment, the answers, which questions are
//! visible, where the person is, the draft of the current answer, notes and
//! the file's bookkeeping. Its operations are the only way to change it;
//! each checks an answer with its kind's one rule (`crate::assessment::kinds`) and
//! returns a [`Step`]: the effects to carry out (save, back up, write a
//! report) and what to say. It does no I/O: [`disk::Disk`] runs the effects.

mod answering;
pub use crate::record::audience;
pub mod disk;
pub mod effect;
pub mod goals;
pub mod live;
pub mod lock;
mod notes;
pub mod open;
pub mod order;
pub mod people;
pub mod planning;
mod progress;
mod reports;
mod settle;
mod starting;
pub mod store;
pub use crate::record::time;

pub use crate::record::Meta;
pub use effect::{Decided, Effect, Learned, Notice, Step};
pub use progress::Fate;
pub use store::*;
pub use time::Timestamp;

use crate::answers::{Answer, Answers};
use crate::assessment::{Assessment, QuestionIndex};

use crate::answers::conditions::visibility;
use crate::assessment::kinds::{self, Draft, Refusal};

/// Where in the questionnaire the person is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Before the first question: what this is, resume or start over.
    Welcome,
    /// On the current question.
    Question,
    /// Past the last question.
    Results,
}

/// What the welcome says about a saved session that was opened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resume {
    pub answered: usize,
    /// When the saved session last changed, if it says.
    pub updated: Option<Timestamp>,
    /// Set when the assessment changed since the session was saved.
    pub changed: Option<String>,
    /// Questions shown, of which `answered` are answered.
    pub total: usize,
    /// When the saved session started, if it says.
    pub started: Option<Timestamp>,
    /// This person's earlier sessions of this assessment, newest first.
    pub earlier: Vec<people::Earlier>,
}

/// What a note is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteTarget {
    Question(QuestionIndex),
    /// The session as a whole (kept in the `session:` mapping).
    Session,
}

/// Longest note, in characters.
pub const NOTE_LIMIT: usize = crate::answers::NOTE_LIMIT;

/// One person's pass through one assessment.
#[derive(Debug, Clone)]
pub struct Session {
    assessment: Assessment,
    answers: Answers,
    /// Derived from the answers; recomputed whenever they change.
    visible: Vec<bool>,
    stage: Stage,
    /// The question being asked (or last asked).
    current: QuestionIndex,
    /// The furthest question reached: unanswered ones before it were skipped.
    furthest: QuestionIndex,
    draft: Draft,
    meta: Meta,
    resume: Option<Resume>,
    /// This person's previous session of the same assessment, if any.
    previous: Option<goals::Previous>,
    /// Its score against this assessment, computed once when it is set:
    /// "since last time" is drawn on every frame of the results.
    previous_score: Option<crate::scoring::Score>,
    /// Revising from the results: confirming a question returns there.
    revising: bool,
    /// The person moved the highlight on this question: Enter then means
    /// the highlighted option.
    moved: bool,
    /// The score of the answers as they are, kept until they change: a
    /// large assessment's results redraw without scoring again.
    scored: std::cell::RefCell<Option<std::rc::Rc<crate::scoring::Score>>>,
    /// Present only in a run whose command line is the coach's.
    coach: Option<audience::CoachKey>,
    /// Each question's options in the order shown, when it is not the
    /// file's (`shuffle`; see [`order`]).
    orders: Vec<Option<Vec<crate::assessment::OptionIndex>>>,
}

impl Session {
    /// A session on its welcome, with these answers and bookkeeping. A
    /// saved position is kept until the person starts.
    pub fn new(assessment: Assessment, answers: Answers, meta: Meta) -> Session {
        let visible = visibility(&assessment, &answers);
        let first = (0..visible.len()).find(|q| visible[*q]).unwrap_or(0);
        let orders = order::orders(&assessment, &meta);
        let shown: Vec<usize> = match &orders.get(first) {
            Some(Some(o)) => o.clone(),
            _ => {
                (0..crate::assessment::kinds::choices(&assessment.questions[first].kind)).collect()
            }
        };
        let draft = Draft::of(
            &assessment.questions[first].kind,
            answers.get(first),
            &shown,
        );
        let furthest = meta
            .position
            .as_deref()
            .and_then(|id| assessment.question_index(id))
            .unwrap_or(0);
        Session {
            assessment,
            answers,
            visible,
            stage: Stage::Welcome,
            current: first,
            furthest,
            draft,
            meta,
            resume: None,
            previous: None,
            previous_score: None,
            revising: false,
            moved: false,
            scored: Default::default(),
            coach: None,
            orders,
        }
    }

    /// The same session on the coach's side: coach prompts, the coach's
    /// notes and live scores. Without a key (the default) the session is
    /// the person's: see [`audience`].
    pub fn coached(mut self, key: Option<audience::CoachKey>) -> Session {
        self.coach = key;
        match key {
            Some(_) => self.meta.coach = true,
            // The coach's prompts are not kept in the session file, so a
            // person's run can drop them at the edge: nothing drawn from
            // this session can then hold one.
            None => {
                for q in &mut self.assessment.questions {
                    q.coach = None;
                }
            }
        }
        self
    }

    /// The coach's key, in a coach's run only.
    pub(crate) fn coach_key(&self) -> Option<&audience::CoachKey> {
        self.coach.as_ref()
    }

    /// Whether this run is the coach's (its command line said so).
    pub fn is_coach(&self) -> bool {
        self.coach.is_some()
    }

    /// The same session, offering to resume what was saved.
    pub fn resuming(mut self, resume: Option<Resume>) -> Session {
        self.resume = resume;
        self
    }

    /// The same session, knowing this person's previous session.
    pub fn with_previous(mut self, previous: Option<goals::Previous>) -> Session {
        self.set_previous(previous);
        self
    }

    /// Knows this person's previous session of the same assessment (a new
    /// session started in place of another).
    pub(crate) fn set_previous(&mut self, previous: Option<goals::Previous>) {
        if let Some(p) = &previous {
            self.meta.previous = Some(p.file.clone());
        }
        self.previous_score = previous
            .as_ref()
            .map(|p| crate::scoring::score(&self.assessment, &p.answers));
        self.previous = previous;
    }

    /// This person's previous session of the same assessment, if any.
    pub fn previous(&self) -> Option<&goals::Previous> {
        self.previous.as_ref()
    }

    pub fn assessment(&self) -> &Assessment {
        &self.assessment
    }

    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// Which questions are shown, by index.
    pub fn visible(&self) -> &[bool] {
        &self.visible
    }

    pub fn stage(&self) -> Stage {
        self.stage
    }

    pub fn current(&self) -> QuestionIndex {
        self.current
    }

    pub(crate) fn furthest(&self) -> QuestionIndex {
        self.furthest
    }

    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    pub fn resume(&self) -> Option<&Resume> {
        self.resume.as_ref()
    }

    /// The current question.
    pub fn question(&self) -> &crate::assessment::Question {
        &self.assessment.questions[self.current]
    }

    /// Arrives at a question: the draft is made from its answer.
    fn enter(&mut self, q: QuestionIndex) {
        self.current = q;
        self.furthest = self.furthest.max(q);
        self.meta.position = Some(self.assessment.questions[q].id.to_string());
        self.moved = false;
        self.draft = self.draft_of(q);
    }

    /// Records an answer (or its absence) to the current question and
    /// re-evaluates the conditions.
    fn record(&mut self, answer: Option<Answer>) -> Step {
        if self.answers.get(self.current) == answer.as_ref() {
            return Step::default();
        }
        if answer.is_some() {
            let id = &self.assessment.questions[self.current].id;
            if let Some(skipped) = &mut self.meta.skipped {
                skipped.retain(|s| s != id);
            }
        }
        self.answers.set(self.current, answer);
        self.visible = visibility(&self.assessment, &self.answers);
        self.scored.take();
        Step::save()
    }

    /// The score of the answers as they are (computed once per change).
    pub fn score(&self) -> std::rc::Rc<crate::scoring::Score> {
        self.scored
            .borrow_mut()
            .get_or_insert_with(|| {
                std::rc::Rc::new(crate::scoring::score(&self.assessment, &self.answers))
            })
            .clone()
    }

    /// Moves on from the current question: the next visible one, or the
    /// results after the last.
    fn advance(&mut self) -> Step {
        if self.answers.get(self.current).is_none() {
            let id = self.assessment.questions[self.current].id.to_string();
            let skipped = self.meta.skipped.get_or_insert_default();
            if !skipped.contains(&id) {
                skipped.push(id);
            }
        }
        if self.revising {
            self.revising = false;
            self.stage = Stage::Results;
            return Step::save();
        }
        match self.next_visible(self.current) {
            Some(q) => self.enter(q),
            None => {
                self.stage = Stage::Results;
                self.meta.complete = true;
            }
        }
        Step::save()
    }

    /// Goes back to the previous visible question.
    pub fn back(&mut self) -> Step {
        let kept = self.keep_text();
        match self.previous_visible(self.current) {
            Some(q) => {
                self.enter(q);
                kept.then(Step::save())
            }
            None => kept.then(Step::info("This is the first question.")),
        }
    }

    /// Keeps a typed text answer that was not confirmed.
    pub(crate) fn keep_text(&mut self) -> Step {
        match (&self.stage, &self.draft) {
            (Stage::Question, Draft::Text(field)) => {
                let answer = kinds::text::answer(field.text());
                self.record(answer)
            }
            _ => Step::default(),
        }
    }

    /// Goes to a question (from an overview): refused when it is hidden.
    pub fn jump(&mut self, q: QuestionIndex) -> Step {
        if !self.visible.get(q).copied().unwrap_or(false) {
            return Step::info("That question is hidden by an earlier answer, so it is not asked.");
        }
        let kept = self.keep_text();
        // A question reached from the results is a revision: confirming
        // it returns there.
        self.revising |= self.stage == Stage::Results;
        self.stage = Stage::Question;
        self.enter(q);
        kept
    }

    /// From the results back to the last question, to revise answers.
    pub fn revise(&mut self) -> Step {
        let last = (0..self.visible.len())
            .rev()
            .find(|q| self.visible[*q])
            .unwrap_or(0);
        self.stage = Stage::Question;
        self.revising = true;
        self.enter(last);
        Step::default()
    }

    /// Saves now (before quitting, pausing, or on the save key): a typed
    /// text is kept as the answer, and everything saved.
    pub fn save(&mut self) -> Step {
        self.keep_text().then(Step::save())
    }

    /// Asks for the Markdown report beside the session file.
    pub fn write_report(&self) -> Step {
        Step {
            effects: vec![Effect::WriteReport],
            notice: None,
        }
    }

    /// Skips the current question, if it is not required; an answer
    /// already given is kept (`clear` removes one).
    pub fn skip(&mut self) -> Step {
        if self.question().required {
            return Step::refused(Refusal::NotSkippable);
        }
        self.keep_text().then(self.advance())
    }
}
