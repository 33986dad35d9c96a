//! The one `App` state and `update`, the only place it changes.

use super::field::Field;
use super::keymap::{Context, Message};
use super::theme::Theme;
use crate::answers::{Answer, Answers};
use crate::assessment::{Assessment, QuestionIndex, QuestionKind};
use crate::conditions::visibility;
use crate::session::{self, Meta};
use std::path::PathBuf;

/// The screen being shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Question,
    Overview,
    Results,
}

/// A line of feedback under the question: a hint, or a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Info(String),
    Warning(String),
}

/// What the welcome screen says about a saved session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resume {
    pub answered: usize,
    pub updated: String,
    /// Set when the assessment changed since the session was saved.
    pub changed: Option<String>,
}

/// Where answers are saved, and how the last save went.
#[derive(Debug, Clone, Default)]
pub struct Saving {
    /// None: nothing is written (tests, or a session that could not be placed).
    pub path: Option<PathBuf>,
    pub meta: Meta,
    /// The last save failed: answers are kept in memory and saving is retried.
    pub error: Option<String>,
    /// Backups made of older session files, to mention once.
    pub backed_up: Option<PathBuf>,
}

/// The whole state of the terminal app.
#[derive(Debug, Clone)]
pub struct App {
    pub assessment: Assessment,
    pub answers: Answers,
    /// Derived from the answers; recomputed whenever they change.
    pub visible: Vec<bool>,
    pub screen: Screen,
    pub help_open: bool,
    pub help_scroll: u16,
    /// The question being asked (or last asked).
    pub current: QuestionIndex,
    /// The highlighted option or scale point of the current question.
    pub highlight: usize,
    /// The rank question's order as shown, and how many are placed by digit.
    pub order: Vec<usize>,
    pub placed: usize,
    /// The multi question's ticked options, which may be outside min..max.
    pub ticked: Vec<usize>,
    /// The text question's field.
    pub field: Field,
    pub status: Option<Status>,
    pub overview_cursor: usize,
    /// Whether the overview was opened from the results (Esc returns there).
    pub overview_from_results: bool,
    pub results_scroll: u16,
    /// How far the welcome text is scrolled.
    pub welcome_scroll: u16,
    pub resume: Option<Resume>,
    pub saving: Saving,
    pub theme: Theme,
    pub size: (u16, u16),
    pub quit: bool,
    /// The note being written, when the editor is open.
    pub note: Option<NoteEditor>,
    /// Whether the live score panel shows (coach mode).
    pub scores_shown: bool,
    /// `n` was pressed once on the welcome screen: a second press starts over.
    pub start_over_armed: bool,
    /// The furthest question reached: unanswered ones before it were skipped.
    pub furthest: QuestionIndex,
    /// Coach mode's welcome asks the mentee's name here.
    pub name_field: Option<Field>,
}

/// What a note is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteTarget {
    Question(QuestionIndex),
    /// The session as a whole (kept in the `session:` mapping).
    Session,
}

/// The open note editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    pub target: NoteTarget,
    pub field: Field,
}

/// Longest note, in characters.
pub const NOTE_LIMIT: usize = crate::answers::NOTE_LIMIT;

impl App {
    /// An app on the welcome screen with these answers.
    pub fn new(assessment: Assessment, answers: Answers, saving: Saving, theme: Theme) -> Self {
        let visible = visibility(&assessment, &answers);
        let mut app = App {
            assessment,
            answers,
            visible,
            screen: Screen::Welcome,
            help_open: false,
            help_scroll: 0,
            current: 0,
            highlight: 0,
            order: Vec::new(),
            placed: 0,
            ticked: Vec::new(),
            field: Field::default(),
            status: None,
            overview_cursor: 0,
            overview_from_results: false,
            results_scroll: 0,
            welcome_scroll: 0,
            resume: None,
            saving,
            theme,
            size: (80, 24),
            quit: false,
            note: None,
            scores_shown: false,
            start_over_armed: false,
            furthest: 0,
            name_field: None,
        };
        if app.saving.meta.coach && app.saving.meta.name.is_none() {
            app.name_field = Some(Field::new("", 80));
        }
        // Arriving at the first question must not forget where a saved
        // session was.
        let saved_position = app.saving.meta.position.clone();
        app.enter(app.first_visible().unwrap_or(0));
        app.furthest = saved_position
            .as_deref()
            .and_then(|id| app.assessment.question_index(id))
            .unwrap_or(0);
        app.saving.meta.position = saved_position;
        app
    }

    /// The keymap context of what is on screen.
    pub fn context(&self) -> Context {
        if self.help_open {
            Context::Help
        } else if self.note.is_some() {
            Context::Note
        } else {
            self.screen_context()
        }
    }

    /// The context of the screen itself, under any help overlay.
    pub fn screen_context(&self) -> Context {
        match self.screen {
            Screen::Welcome if self.name_field.is_some() => Context::WelcomeName,
            Screen::Welcome => Context::Welcome,
            Screen::Overview => Context::Overview,
            Screen::Results => Context::Results,
            Screen::Question => match self.assessment.questions[self.current].kind {
                QuestionKind::Likert { .. } | QuestionKind::Choice { .. } => Context::Pick,
                QuestionKind::Multi { .. } => Context::Multi,
                QuestionKind::Rank { .. } => Context::Rank,
                QuestionKind::Text { .. } => Context::Text,
            },
        }
    }

    fn first_visible(&self) -> Option<QuestionIndex> {
        (0..self.visible.len()).find(|q| self.visible[*q])
    }

    fn next_visible(&self, from: QuestionIndex) -> Option<QuestionIndex> {
        (from + 1..self.visible.len()).find(|q| self.visible[*q])
    }

    fn previous_visible(&self, from: QuestionIndex) -> Option<QuestionIndex> {
        (0..from).rev().find(|q| self.visible[*q])
    }

    /// The visible questions, in order.
    pub fn visible_questions(&self) -> Vec<QuestionIndex> {
        (0..self.visible.len())
            .filter(|q| self.visible[*q])
            .collect()
    }

    /// Number of options or scale points of the current question.
    pub fn choices(&self) -> usize {
        match &self.assessment.questions[self.current].kind {
            QuestionKind::Likert { scale, .. } => scale.points(),
            QuestionKind::Text { .. } => 0,
            _ => self.assessment.questions[self.current].options().len(),
        }
    }

    /// Arrives at a question: the working state is set from its answer.
    fn enter(&mut self, q: QuestionIndex) {
        self.current = q;
        self.furthest = self.furthest.max(q);
        self.saving.meta.position = Some(self.assessment.questions[q].id.clone());
        let answer = self.answers.get(q).cloned();
        let question = &self.assessment.questions[q];
        self.highlight = 0;
        self.placed = 0;
        self.ticked.clear();
        self.order.clear();
        match (&question.kind, answer) {
            (QuestionKind::Likert { scale, .. }, Some(Answer::Likert(v))) => {
                self.highlight = (v - scale.min) as usize
            }
            (QuestionKind::Choice { .. }, Some(Answer::Choice(o))) => self.highlight = o,
            (QuestionKind::Multi { .. }, Some(Answer::Multi(list))) => self.ticked = list,
            (QuestionKind::Rank { .. }, Some(Answer::Rank(order))) => {
                self.placed = order.len();
                self.order = order;
            }
            (QuestionKind::Text { max_length }, answer) => {
                let text = match answer {
                    Some(Answer::Text(t)) => t,
                    _ => String::new(),
                };
                self.field = Field::new(&text, *max_length);
            }
            _ => {}
        }
        if let QuestionKind::Rank { options } = &question.kind
            && self.order.is_empty()
        {
            self.order = (0..options.len()).collect();
        }
    }

    /// Records an answer (or its absence), re-evaluates conditions, saves.
    fn record(&mut self, answer: Option<Answer>) {
        if self.answers.get(self.current) == answer.as_ref() {
            return;
        }
        self.answers.set(self.current, answer);
        self.visible = visibility(&self.assessment, &self.answers);
        self.save();
    }

    /// Writes the session; a failure is shown and retried on the next change.
    pub fn save(&mut self) {
        let Some(path) = self.saving.path.clone() else {
            return;
        };
        self.saving.meta.updated = Some(session::Timestamp::now());
        match session::save(&path, &self.assessment, &self.answers, &self.saving.meta) {
            Ok(()) => self.saving.error = None,
            Err(e) => {
                self.saving.error = Some(format!(
                    "Could not save to {}: {e}. Your answers are kept here and saving is tried again on the next change.",
                    path.display()
                ))
            }
        }
    }

    /// Keeps a typed text answer that was not confirmed with Enter.
    pub fn keep_text(&mut self) {
        if self.screen == Screen::Question
            && matches!(
                self.assessment.questions[self.current].kind,
                QuestionKind::Text { .. }
            )
        {
            let text = self.field.text();
            self.record((!text.is_empty()).then_some(Answer::Text(text)));
        }
    }

    /// Whether the window is too small to show any screen: then keys do
    /// nothing but quit, since the person cannot see what they would change.
    pub fn too_small(&self) -> bool {
        let (w, h) = self.size;
        w < super::screens::MIN_WIDTH || h < super::screens::MIN_HEIGHT
    }

    /// The one place state changes.
    pub fn update(&mut self, message: Message) {
        if self.too_small() && !matches!(message, Message::Quit | Message::Resize(..)) {
            return;
        }
        if !matches!(message, Message::Resize(..) | Message::Click(..)) {
            self.status = None;
            if message != Message::StartOver {
                self.start_over_armed = false;
            }
        }
        if self.note.is_some() && !self.help_open {
            super::notes::on_note(self, message);
            return;
        }
        match message {
            Message::OpenNote => super::notes::open(self),
            Message::ToggleScores => super::notes::toggle_scores(self),
            Message::Quit => {
                self.keep_text();
                self.save();
                self.quit = true;
            }
            Message::Resize(w, h) => self.size = (w, h),
            Message::Help => {
                self.help_open = true;
                self.help_scroll = 0;
            }
            Message::Close if self.help_open => self.help_open = false,
            m @ (Message::Up | Message::Down | Message::PageUp | Message::PageDown)
                if self.help_open =>
            {
                let to = scroll(self.help_scroll, &m, self.size.1 / 2, || {
                    self.help_max_scroll()
                });
                self.help_scroll = to;
            }
            _ if self.help_open => {}
            Message::Click(col, row) => super::screens::question::click(self, col, row),
            message => match self.screen {
                Screen::Welcome => self.on_welcome(message),
                Screen::Question => super::question_update::on_question(self, message),
                Screen::Overview => self.on_overview(message),
                Screen::Results => self.on_results(message),
            },
        }
    }

    fn on_welcome(&mut self, message: Message) {
        match message {
            m @ (Message::Up | Message::Down | Message::PageUp | Message::PageDown) => {
                let to = scroll(self.welcome_scroll, &m, self.size.1 / 2, || {
                    let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
                    super::screens::welcome::max_scroll(self, area)
                });
                self.welcome_scroll = to;
            }
            Message::Edit(edit) => {
                if let Some(field) = &mut self.name_field {
                    field.apply(&edit);
                }
            }
            Message::Start => {
                if let Some(field) = self.name_field.take() {
                    let name = field.text().trim().to_string();
                    self.saving.meta.name = (!name.is_empty()).then_some(name);
                }
                if self.saving.meta.started.is_none() {
                    self.saving.meta.started = Some(session::Timestamp::now());
                }
                let at = self
                    .saving
                    .meta
                    .position
                    .as_deref()
                    .and_then(|id| self.assessment.question_index(id))
                    .filter(|q| self.visible[*q]);
                if self.saving.meta.complete && self.resume.is_some() {
                    self.screen = Screen::Results;
                } else {
                    self.screen = Screen::Question;
                    self.enter(at.or_else(|| self.first_visible()).unwrap_or(0));
                }
                self.resume = None;
                self.save();
            }
            Message::StartOver if self.resume.is_some() && !self.start_over_armed => {
                self.start_over_armed = true;
                self.status = Some(Status::Warning(
                    "Press n again to start over; the saved answers are backed up first.".into(),
                ));
            }
            Message::StartOver if self.resume.is_some() => {
                self.start_over_armed = false;
                if let Some(path) = &self.saving.path
                    && path.exists()
                {
                    self.saving.backed_up = session::backup(path).ok();
                }
                self.answers = Answers::new(self.assessment.questions.len());
                self.answers.notes.clear();
                self.visible = visibility(&self.assessment, &self.answers);
                self.saving.meta.complete = false;
                self.saving.meta.position = None;
                self.saving.meta.started = None;
                self.resume = None;
                self.on_welcome(Message::Start);
                if let Some(backup) = &self.saving.backed_up {
                    self.status = Some(Status::Info(format!(
                        "Started over. The earlier answers are kept in {}",
                        backup.display()
                    )));
                }
            }
            _ => {}
        }
    }

    /// Moves on from the current question: the next visible one, or the
    /// results after the last.
    pub fn advance(&mut self) {
        match self.next_visible(self.current) {
            Some(q) => {
                self.enter(q);
                self.save();
            }
            None => {
                self.screen = Screen::Results;
                self.results_scroll = 0;
                if !self.saving.meta.complete {
                    self.saving.meta.complete = true;
                }
                self.save();
            }
        }
    }

    /// Goes back to the previous visible question.
    pub fn retreat(&mut self) {
        self.keep_text();
        match self.previous_visible(self.current) {
            Some(q) => {
                self.enter(q);
                self.save();
            }
            None => self.status = Some(Status::Info("This is the first question.".into())),
        }
    }

    /// Records an answer for the current question (used by question updates).
    pub fn answer(&mut self, answer: Option<Answer>) {
        self.record(answer);
    }

    fn on_overview(&mut self, message: Message) {
        let n = self.assessment.questions.len();
        let page = self.size.1.saturating_sub(6).max(1) as usize;
        match message {
            Message::Up => self.overview_cursor = self.overview_cursor.saturating_sub(1),
            Message::Down => self.overview_cursor = (self.overview_cursor + 1).min(n - 1),
            Message::PageUp => self.overview_cursor = self.overview_cursor.saturating_sub(page),
            Message::PageDown => self.overview_cursor = (self.overview_cursor + page).min(n - 1),
            Message::First => self.overview_cursor = 0,
            Message::Last => self.overview_cursor = n - 1,
            Message::Confirm => {
                let q = self.overview_cursor;
                if self.visible[q] {
                    self.screen = Screen::Question;
                    self.enter(q);
                } else {
                    self.status = Some(Status::Info(
                        "That question is hidden by an earlier answer, so it is not asked.".into(),
                    ));
                }
            }
            Message::Close => {
                self.screen = if self.overview_from_results {
                    Screen::Results
                } else {
                    Screen::Question
                }
            }
            Message::Quit => self.quit = true,
            _ => {}
        }
    }

    fn on_results(&mut self, message: Message) {
        match message {
            m @ (Message::Up | Message::Down | Message::PageUp | Message::PageDown) => {
                let to = scroll(self.results_scroll, &m, self.size.1 / 2, || {
                    self.results_max_scroll()
                });
                self.results_scroll = to;
            }
            Message::Revise => {
                self.screen = Screen::Question;
                let last = (0..self.visible.len())
                    .rev()
                    .find(|q| self.visible[*q])
                    .unwrap_or(0);
                self.enter(last);
            }
            Message::Overview => self.open_overview(true),
            Message::WriteReport => self.write_report(),
            _ => {}
        }
    }

    fn help_max_scroll(&self) -> u16 {
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        super::screens::help::max_scroll(self, area)
    }

    fn results_max_scroll(&self) -> u16 {
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        super::screens::results::max_scroll(self, area)
    }

    /// Writes the Markdown report beside the session file and says where.
    fn write_report(&mut self) {
        let Some(path) = self.saving.path.clone() else {
            self.status = Some(Status::Warning(
                "There is no session file to write the report beside.".into(),
            ));
            return;
        };
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("session");
        let target = path.with_file_name(format!("{stem}-report.md"));
        let score = crate::scoring::score(&self.assessment, &self.answers);
        let input = crate::report::full::ReportInput {
            assessment: &self.assessment,
            answers: &self.answers,
            meta: Some(&self.saving.meta),
            score: &score,
        };
        let text = crate::sanitize::clean(&crate::report::full::markdown(&input));
        self.status = Some(match session::write_atomic(&target, &text) {
            Ok(()) => Status::Info(format!("Report written to {}", target.display())),
            Err(e) => Status::Warning(format!("Could not write {}: {e}", target.display())),
        });
    }

    /// Opens the overview on the current question.
    pub fn open_overview(&mut self, from_results: bool) {
        self.keep_text();
        self.overview_from_results = from_results;
        self.overview_cursor = self.current;
        self.screen = Screen::Overview;
    }
}

/// Where a scrolled view goes for Up, Down, PageUp or PageDown: a line or a
/// `page` at a time, held within 0..=max. `max` lays the whole screen out,
/// so it is asked for only when moving down. Any other message stays.
fn scroll(at: u16, message: &Message, page: u16, max: impl FnOnce() -> u16) -> u16 {
    match message {
        Message::Up => at.saturating_sub(1),
        Message::PageUp => at.saturating_sub(page),
        Message::Down => at.saturating_add(1).min(max()),
        Message::PageDown => at.saturating_add(page).min(max()),
        _ => at,
    }
}
