//! The one `App` state. `update` (in `update/`) is the only place it
//! changes; it returns the effects for the loop to carry out.

use super::keymap::Context;
use super::theme::Theme;
use crate::assessment::QuestionKind;
use crate::field::Field;
use crate::record::goals::{GOAL_LIMIT, TARGET_LIMIT};
use crate::session::disk::Disk;
use crate::session::goals::Progress;
use crate::session::{Effect, NoteTarget, Session, Stage, Step};
use std::cell::RefCell;

/// Which screen is shown: the tag of [`View`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Question,
    Overview,
    Results,
    Review,
    Plan,
}

/// The screen shown, with the state that belongs to it alone.
#[derive(Debug, Clone, PartialEq)]
pub enum View {
    Welcome {
        /// How far the welcome text is scrolled.
        scroll: u16,
        /// Coach mode asks the mentee's name here.
        name: Option<Field>,
        /// `n` was pressed once: a second press starts over.
        start_over_armed: bool,
    },
    Question,
    Overview {
        cursor: usize,
        /// Opened from the results (closing returns there).
        from_results: bool,
    },
    Results {
        scroll: u16,
    },
    /// The previous session's goals, one at a time: how did it go?
    Review {
        /// Which goal of the previous session.
        index: usize,
        /// Once its progress is chosen: the note being typed.
        note: Option<(Progress, Field)>,
    },
    /// The development plan after the results.
    Plan {
        /// The highlighted row: goals first, then the steps offered, then
        /// "in your own words".
        cursor: usize,
        /// A goal being written.
        form: Option<GoalForm>,
    },
}

/// A goal being written on the plan screen, field by field.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalForm {
    /// The track whose growth step it starts from, if any.
    pub track: Option<String>,
    /// What, how you will know, by when.
    pub fields: [Field; 3],
    /// The field being typed.
    pub at: usize,
    /// The text it started from, to tell whether anything was typed.
    pub started: String,
    /// Esc asked whether to drop what was typed: a second Esc, next, does.
    pub drop_asked: bool,
}

impl GoalForm {
    /// The fields' labels, in order.
    pub(crate) const LABELS: [&'static str; 3] = [
        "What you will do",
        "How you will know it is done",
        "By when (YYYY-MM-DD, or leave empty)",
    ];

    /// A form starting from a growth step (or empty, for own words).
    pub fn new(track: Option<String>, text: &str) -> GoalForm {
        GoalForm {
            track,
            fields: [
                Field::new(text, GOAL_LIMIT),
                Field::new("", GOAL_LIMIT),
                Field::new("", TARGET_LIMIT),
            ],
            at: 0,
            started: text.to_string(),
            drop_asked: false,
        }
    }

    /// Whether anything was typed since the form opened.
    pub fn typed(&self) -> bool {
        self.fields[0].text() != self.started || self.fields[1..].iter().any(|f| !f.is_empty())
    }
}

/// A line of feedback under the question: a hint, or a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Info(String),
    Warning(String),
}

/// The open note editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    pub target: NoteTarget,
    pub field: Field,
}

/// What the last frame laid out, recorded by the views as they draw so
/// that `update` scrolls and hit-tests against what the person saw.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drawn {
    /// How far the welcome, results and help can scroll.
    pub welcome_max: u16,
    pub results_max: u16,
    pub help_max: u16,
    /// The question body: its area, the first body line shown, the rows
    /// taken above it by a marker, and each option's lines.
    pub question: Option<QuestionLayout>,
}

/// Where the question screen drew its options.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuestionLayout {
    pub body: ratatui::layout::Rect,
    /// Body lines kept at the top, above the scrolled part.
    pub head: usize,
    pub skip: usize,
    pub top: u16,
    /// (first line, end line, row index) per option row.
    pub options: Vec<(usize, usize, usize)>,
}

/// This screen's part in a live session on two screens (`run --share`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Live {
    /// The mentee's screen (else the coach's).
    pub mentee: bool,
    /// Whether the coach has shown the mentee the results: until then the
    /// mentee's screen says the coach will show them.
    pub results_shown: bool,
    /// The coach's screen only: what to tell the mentee (the `ssh`
    /// command, the code, the host key) and where the mentee is.
    pub lines: Vec<String>,
    /// The coach's screen only: the coach asked to bring the mentee's
    /// screen to what theirs shows; the loop's companion carries it out.
    pub bring: Option<Bring>,
}

/// Where the coach brings the mentee's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bring {
    Question(crate::assessment::QuestionIndex),
    Results,
}

/// The whole state of the terminal app.
#[derive(Debug, Clone)]
pub struct App {
    /// The questionnaire itself: answers, position, drafts, notes.
    pub session: Session,
    /// Where the session is saved, and how the last save went.
    pub disk: Disk,
    pub view: View,
    /// The help overlay's scroll, when it is open.
    pub help: Option<u16>,
    /// The note being written, when the editor is open.
    pub note: Option<NoteEditor>,
    pub status: Option<Status>,
    pub theme: Theme,
    pub size: (u16, u16),
    pub quit: bool,
    /// Esc asked whether to quit: a second Esc, next, quits.
    pub quit_asked: bool,
    /// Whether the live score panel shows (coach mode).
    pub scores_shown: bool,
    /// Coach mode with the screen shared: nothing of the coach's (panel,
    /// live scores, private notes and their marks) is drawn.
    pub presenting: bool,
    /// A live session on two screens: this screen's part in it.
    pub live: Option<Live>,
    pub drawn: RefCell<Drawn>,
    /// The results as last laid out, and what they were laid out for.
    pub results_layout: RefCell<
        Option<(
            crate::tui::screens::results::LayoutKey,
            std::rc::Rc<Vec<ratatui::text::Line<'static>>>,
        )>,
    >,
}

impl App {
    /// An app on the welcome screen of a session.
    pub fn new(session: Session, mut disk: Disk, theme: Theme) -> Self {
        let meta = session.meta();
        let name = (session.is_coach() && meta.name.is_none())
            .then(|| Field::new("", crate::record::NAME_LIMIT));
        // What opening noticed (a folder where nothing can be saved) is
        // said from the first screen, not only on the terminal behind it.
        let status = disk.warnings.pop().map(Status::Warning);
        App {
            session,
            disk,
            view: View::Welcome {
                scroll: 0,
                name,
                start_over_armed: false,
            },
            help: None,
            note: None,
            status,
            theme,
            size: (80, 24),
            quit: false,
            quit_asked: false,
            scores_shown: false,
            presenting: false,
            live: None,
            drawn: RefCell::new(Drawn::default()),
            results_layout: RefCell::new(None),
        }
    }

    /// Whether the coach's material may be drawn: a coach's run that is
    /// not presenting. Every view asks this one question.
    pub(crate) fn coach_side(&self) -> bool {
        self.session.is_coach() && !self.presenting
    }

    /// Whether the live scores are on screen.
    pub fn scores_on_screen(&self) -> bool {
        self.coach_side() && self.scores_shown
    }

    /// The mentee's screen of a live session.
    pub(crate) fn is_mentee_screen(&self) -> bool {
        self.live.as_ref().is_some_and(|l| l.mentee)
    }

    /// The coach's screen of a live session, showing what is the coach's
    /// (not presenting): the code and the mentee's whereabouts may show.
    pub(crate) fn live_coach(&self) -> Option<&Live> {
        self.live
            .as_ref()
            .filter(|l| !l.mentee && self.coach_side())
    }

    /// The mentee's screen, before the coach has shown the results: the
    /// results are held back.
    pub(crate) fn results_held(&self) -> bool {
        self.live
            .as_ref()
            .is_some_and(|l| l.mentee && !l.results_shown)
    }

    /// Which screen is shown.
    pub fn screen(&self) -> Screen {
        match self.view {
            View::Welcome { .. } => Screen::Welcome,
            View::Question => Screen::Question,
            View::Overview { .. } => Screen::Overview,
            View::Results { .. } => Screen::Results,
            View::Review { .. } => Screen::Review,
            View::Plan { .. } => Screen::Plan,
        }
    }

    /// The mentee's name being typed on coach mode's welcome.
    pub(crate) fn name_field(&self) -> Option<&Field> {
        match &self.view {
            View::Welcome { name, .. } => name.as_ref(),
            _ => None,
        }
    }

    /// The keymap context of what is on screen.
    pub fn context(&self) -> Context {
        if self.help.is_some() {
            Context::Help
        } else if self.note.is_some() {
            Context::Note
        } else {
            self.screen_context()
        }
    }

    /// The context of the screen itself, under any overlay.
    pub(crate) fn screen_context(&self) -> Context {
        match &self.view {
            View::Welcome { name: Some(_), .. } => Context::WelcomeName,
            View::Welcome { .. } => Context::Welcome,
            View::Overview { .. } => Context::Overview,
            View::Results { .. } => Context::Results,
            View::Review { note: None, .. } => Context::Review,
            View::Review { note: Some(_), .. } => Context::ReviewNote,
            View::Plan { form: None, .. } => Context::Plan,
            View::Plan { form: Some(_), .. } => Context::GoalForm,
            View::Question => match self.session.question().kind {
                QuestionKind::Likert { .. } | QuestionKind::Choice { .. } => Context::Pick,
                QuestionKind::Multi { .. } => Context::Multi,
                QuestionKind::Rank { .. } => Context::Rank,
                QuestionKind::Text { .. } => Context::Text,
            },
        }
    }

    /// Whether the window is too small to show any screen: then keys do
    /// nothing but quit, since the person cannot see what they would change.
    pub(crate) fn too_small(&self) -> bool {
        let (w, h) = self.size;
        w < super::screens::MIN_WIDTH || h < super::screens::MIN_HEIGHT
    }

    /// Takes a session step: its notice becomes the status (in this front
    /// end's words), its effects are returned for the loop. The view
    /// follows the session's stage.
    pub fn take(&mut self, step: Step) -> Vec<Effect> {
        if let Some(notice) = step.notice {
            self.status = Some(super::words::notice(self, notice));
        }
        match (self.session.stage(), &self.view) {
            // A new session of someone with goals starts by reviewing them.
            (Stage::Question, View::Welcome { .. }) if self.session.needs_review() => {
                self.view = View::Review {
                    index: first_unreviewed(&self.session),
                    note: None,
                }
            }
            (Stage::Question, View::Welcome { .. } | View::Results { .. }) => {
                self.view = View::Question
            }
            (Stage::Results, View::Question | View::Welcome { .. }) => {
                self.view = View::Results { scroll: 0 }
            }
            _ => {}
        }
        step.effects
    }
}

/// The first goal of the previous session without a review yet.
pub(crate) fn first_unreviewed(session: &Session) -> usize {
    session
        .goals_to_review()
        .iter()
        .position(|(_, review)| review.is_none())
        .unwrap_or(0)
}
