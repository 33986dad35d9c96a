//! Keybindings as data: one table dispatches keys and draws the help and
//! the footer, so what is shown is always what works.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod context;
pub use context::Context;

/// What a key asks for. Digits and typed characters carry their value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Quit,
    /// Esc where there is nothing to close: asks first; a second Esc in a
    /// row is a `Quit` (see `tui::message_for`).
    Leave,
    Start,
    StartOver,
    Confirm,
    Skip,
    Back,
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    /// Digit N: the Nth option or point (0 is the tenth).
    Number(usize),
    /// Space: pick or toggle the highlighted option.
    PickHighlighted,
    MoveUp,
    MoveDown,
    Clear,
    Overview,
    Help,
    Close,
    Revise,
    Edit(Edit),
    /// A mouse click at a column and row.
    Click(u16, u16),
    Resize(u16, u16),
    /// Open the note editor for this question (or the session).
    OpenNote,
    /// Share the note being edited with the mentee, or make it private
    /// again (coach mode).
    ToggleShared,
    /// Show or hide the live score panel (coach mode).
    ToggleScores,
    /// Start or end presenting: the coach's panel, live scores and
    /// private notes are not drawn while the screen is shared (coach mode).
    TogglePresenting,
    /// Write the takeaway (and in coach mode the coach's copy) beside the
    /// session file.
    WriteReport,
    /// Open the development plan (goals) from the results.
    Plan,
    /// Bring the mentee's screen to the question on the coach's, or show
    /// them the results (a live session on two screens).
    BringMentee,
    /// Pause: give the terminal back until `fg` (Ctrl-Z); the loop does it.
    Suspend,
    /// Save now, keeping a typed text (before a pause).
    Save,
}

pub use crate::field::Edit;

impl Message {
    /// Whether it moves a scrolled view: a line, a page, or to an end.
    pub(crate) fn is_scroll(&self) -> bool {
        matches!(
            self,
            Message::Up
                | Message::Down
                | Message::PageUp
                | Message::PageDown
                | Message::First
                | Message::Last
        )
    }
}

/// Which keys a binding answers to.
#[derive(Debug, Clone, Copy)]
pub enum Keys {
    Code(KeyCode),
    Ctrl(char),
    Shift(KeyCode),
    /// 0 to 9.
    Digit,
    /// Any printable character (text fields).
    Char,
}

impl Keys {
    fn matches(&self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        match *self {
            Keys::Code(code) => {
                key.code == code
                    && !ctrl
                    && (!shift || matches!(code, KeyCode::Char(_) | KeyCode::BackTab))
            }
            Keys::Ctrl(c) => ctrl && key.code == KeyCode::Char(c),
            Keys::Shift(code) => shift && key.code == code,
            Keys::Digit => !ctrl && matches!(key.code, KeyCode::Char(c) if c.is_ascii_digit()),
            Keys::Char => !ctrl && matches!(key.code, KeyCode::Char(_)),
        }
    }

    /// How the key is written in help and footers.
    pub fn label(&self) -> String {
        let code = |c: &KeyCode| match c {
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Delete => "Delete".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        match self {
            Keys::Code(c) => code(c),
            Keys::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Keys::Shift(c) => format!("Shift-{}", code(c)),
            Keys::Digit => "1-9,0".to_string(),
            Keys::Char => "letters".to_string(),
        }
    }
}

/// What a binding produces: a fixed message, or one built from the key.
#[derive(Debug, Clone)]
pub enum Action {
    Send(Message),
    Number,
    Type,
}

/// One row of the table.
pub struct Binding {
    pub keys: &'static [Keys],
    pub contexts: &'static [Context],
    pub action: Action,
    /// Shown in help.
    pub help: &'static str,
    /// Shown in the footer, when set: a few words.
    pub footer: Option<&'static str>,
}

use Context::*;
use KeyCode as K;

const QUESTIONS: &[Context] = &[Pick, Multi, Rank, Text];
const CHOOSING: &[Context] = &[Pick, Multi, Rank];
const ALL: &[Context] = &[
    Welcome,
    WelcomeName,
    Pick,
    Multi,
    Rank,
    Text,
    Overview,
    Results,
    Help,
    Note,
];

const fn b(
    keys: &'static [Keys],
    contexts: &'static [Context],
    action: Action,
    help: &'static str,
    footer: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        contexts,
        action,
        help,
        footer,
    }
}

/// The keymap. Earlier rows win; context-specific rows come before general ones.
#[rustfmt::skip]
pub(crate) static KEYMAP: &[Binding] = &[
    b(&[Keys::Ctrl('c')], ALL, Action::Send(Message::Quit), "quit from anywhere (answers are saved)", None),
    b(&[Keys::Ctrl('z')], ALL, Action::Send(Message::Suspend), "pause and go back to the shell; fg returns here", None),
    // The note editor: Enter is a new line, Esc closes and keeps the note.
    b(&[Keys::Code(K::Esc)], &[Note], Action::Send(Message::Close), "close the note (it is kept and saved)", Some("close")),
    b(&[Keys::Code(K::Enter)], &[Note], Action::Send(Message::Edit(Edit::Insert('\n'))), "new line", None),
    b(&[Keys::Ctrl('s')], &[Note], Action::Send(Message::ToggleShared), "share the note with the mentee, or make it private again (coach mode)", Some("share")),
    b(&[Keys::Code(K::Left)], &[Note, WelcomeName, ReviewNote, GoalForm], Action::Send(Message::Edit(Edit::Left)), "move the cursor left", None),
    b(&[Keys::Code(K::Right)], &[Note, WelcomeName, ReviewNote, GoalForm], Action::Send(Message::Edit(Edit::Right)), "move the cursor right", None),
    b(&[Keys::Code(K::Home)], &[Note, WelcomeName, ReviewNote, GoalForm], Action::Send(Message::Edit(Edit::Home)), "cursor to the start", None),
    b(&[Keys::Code(K::End)], &[Note, WelcomeName, ReviewNote, GoalForm], Action::Send(Message::Edit(Edit::End)), "cursor to the end", None),
    b(&[Keys::Code(K::Backspace)], &[Note, WelcomeName, ReviewNote, GoalForm], Action::Send(Message::Edit(Edit::Backspace)), "delete before the cursor", None),
    b(&[Keys::Code(K::Delete)], &[Note, WelcomeName, ReviewNote, GoalForm], Action::Send(Message::Edit(Edit::Delete)), "delete under the cursor", None),
    b(&[Keys::Ctrl('u')], &[Note, WelcomeName, ReviewNote, GoalForm], Action::Send(Message::Edit(Edit::DeleteToStart)), "delete from the start of the line to the cursor", None),
    b(&[Keys::Char], &[Note], Action::Type, "type the note", None),
    // Goals: the review of the last session's, then the plan after the results.
    b(&[Keys::Digit], &[Review], Action::Number, "how it went: 1 done, 2 in progress, 3 dropped", Some("choose")),
    b(&[Keys::Code(K::Enter)], &[ReviewNote], Action::Send(Message::Confirm), "keep the note and go on", Some("next")),
    b(&[Keys::Code(K::Esc)], &[ReviewNote], Action::Send(Message::Close), "go on without a note", Some("no note")),
    b(&[Keys::Char], &[ReviewNote], Action::Type, "type a note on how it went", None),
    b(&[Keys::Code(K::Enter)], &[GoalForm], Action::Send(Message::Confirm), "next field; on the last, save the goal", Some("next")),
    b(&[Keys::Code(K::Esc)], &[GoalForm], Action::Send(Message::Close), "leave this goal unsaved (asks first when you typed)", Some("cancel")),
    b(&[Keys::Char], &[GoalForm], Action::Type, "type", None),
    b(&[Keys::Code(K::Up), Keys::Code(K::Char('k'))], &[Plan], Action::Send(Message::Up), "highlight the one above", None),
    b(&[Keys::Code(K::Down), Keys::Code(K::Char('j'))], &[Plan], Action::Send(Message::Down), "highlight the one below", None),
    b(&[Keys::Code(K::Home)], &[Plan], Action::Send(Message::First), "highlight the first", None),
    b(&[Keys::Code(K::End)], &[Plan], Action::Send(Message::Last), "highlight the last (in your own words)", None),
    b(&[Keys::Code(K::Enter)], &[Plan], Action::Send(Message::Confirm), "make the highlighted step a goal, or write your own", Some("choose")),
    b(&[Keys::Code(K::Backspace), Keys::Code(K::Delete)], &[Plan], Action::Send(Message::Clear), "remove the highlighted goal", Some("remove")),
    b(&[Keys::Code(K::Esc), Keys::Code(K::Char('b'))], &[Plan], Action::Send(Message::Close), "back to the results", Some("results")),
    // Coach mode's welcome: the mentee's name is typed here.
    b(&[Keys::Code(K::Enter)], &[WelcomeName], Action::Send(Message::Start), "start (or resume) with this name", Some("start")),
    b(&[Keys::Code(K::Esc)], &[WelcomeName], Action::Send(Message::Leave), "quit, once asked: a second Esc quits", Some("quit")),
    b(&[Keys::Char], &[WelcomeName], Action::Type, "type the mentee's name", None),
    // Help first, so it closes with the same keys that open it.
    b(&[Keys::Code(K::Esc), Keys::Code(K::Char('?')), Keys::Code(K::Char('q')), Keys::Code(K::Enter), Keys::Code(K::F(1))], &[Help], Action::Send(Message::Close), "close this help", None),
    b(&[Keys::Code(K::Up), Keys::Code(K::Char('k'))], &[Help], Action::Send(Message::Up), "scroll up", None),
    b(&[Keys::Code(K::Down), Keys::Code(K::Char('j'))], &[Help], Action::Send(Message::Down), "scroll down", None),
    b(&[Keys::Code(K::PageUp)], &[Help], Action::Send(Message::PageUp), "a page up", None),
    b(&[Keys::Code(K::PageDown), Keys::Code(K::Char(' '))], &[Help], Action::Send(Message::PageDown), "a page down", None),
    // Welcome.
    b(&[Keys::Code(K::Enter)], &[Welcome], Action::Send(Message::Start), "start, or resume a saved session", Some("start")),
    b(&[Keys::Code(K::Char('n'))], &[Welcome], Action::Send(Message::StartOver), "start a new session (the saved one is kept)", None),
    // Questions.
    b(&[Keys::Digit], &[Pick], Action::Number, "pick the Nth answer (0 is the tenth)", Some("pick")),
    b(&[Keys::Digit], &[Multi], Action::Number, "tick or untick option N", Some("tick")),
    b(&[Keys::Digit], &[Rank], Action::Number, "place option N next in the order", Some("place")),
    b(&[Keys::Code(K::Char(' '))], &[Pick], Action::Send(Message::PickHighlighted), "pick the highlighted answer", None),
    b(&[Keys::Code(K::Char(' '))], &[Multi], Action::Send(Message::PickHighlighted), "tick or untick the highlighted option", None),
    b(&[Keys::Code(K::Char(' '))], &[Rank], Action::Send(Message::PickHighlighted), "place the highlighted option next", None),
    b(&[Keys::Code(K::Backspace), Keys::Code(K::Delete)], &[Pick, Multi], Action::Send(Message::Clear), "clear this question's answer", None),
    b(&[Keys::Shift(K::Up), Keys::Code(K::Char('['))], &[Rank], Action::Send(Message::MoveUp), "move the highlighted option up", Some("move")),
    b(&[Keys::Shift(K::Down), Keys::Code(K::Char(']'))], &[Rank], Action::Send(Message::MoveDown), "move the highlighted option down", None),
    b(&[Keys::Code(K::Backspace)], &[Rank], Action::Send(Message::Clear), "put the options back in their first order", None),
    b(&[Keys::Code(K::Up), Keys::Code(K::Char('k'))], CHOOSING, Action::Send(Message::Up), "highlight the previous option", None),
    b(&[Keys::Code(K::Down), Keys::Code(K::Char('j'))], CHOOSING, Action::Send(Message::Down), "highlight the next option", None),
    b(&[Keys::Code(K::Enter)], QUESTIONS, Action::Send(Message::Confirm), "confirm and go to the next question", Some("next")),
    b(&[Keys::Code(K::Tab), Keys::Code(K::PageDown)], QUESTIONS, Action::Send(Message::Skip), "skip this question (if it is not required)", Some("skip")),
    b(&[Keys::Code(K::BackTab), Keys::Code(K::PageUp)], QUESTIONS, Action::Send(Message::Back), "go back to the previous question", Some("back")),
    b(&[Keys::Code(K::Left)], CHOOSING, Action::Send(Message::Back), "go back to the previous question", None),
    b(&[Keys::Code(K::Char('o')), Keys::Ctrl('o')], CHOOSING, Action::Send(Message::Overview), "overview of every question", Some("overview")),
    b(&[Keys::Code(K::Char('o')), Keys::Ctrl('o')], &[Results], Action::Send(Message::Overview), "overview of every question", None),
    b(&[Keys::Ctrl('o')], &[Text], Action::Send(Message::Overview), "overview of every question", Some("overview")),
    // Text fields: editing keys, then any character.
    b(&[Keys::Code(K::Left)], &[Text], Action::Send(Message::Edit(Edit::Left)), "move the cursor left", None),
    b(&[Keys::Code(K::Right)], &[Text], Action::Send(Message::Edit(Edit::Right)), "move the cursor right", None),
    b(&[Keys::Code(K::Home)], &[Text], Action::Send(Message::Edit(Edit::Home)), "cursor to the start", None),
    b(&[Keys::Code(K::End)], &[Text], Action::Send(Message::Edit(Edit::End)), "cursor to the end", None),
    b(&[Keys::Code(K::Backspace)], &[Text], Action::Send(Message::Edit(Edit::Backspace)), "delete before the cursor", None),
    b(&[Keys::Code(K::Delete)], &[Text], Action::Send(Message::Edit(Edit::Delete)), "delete under the cursor", None),
    b(&[Keys::Ctrl('u')], &[Text], Action::Send(Message::Edit(Edit::DeleteToStart)), "delete from the start to the cursor", None),
    b(&[Keys::Char], &[Text], Action::Type, "type your answer (letters like q are just text)", None),
    // Overview.
    b(&[Keys::Code(K::Up), Keys::Code(K::Char('k'))], &[Overview], Action::Send(Message::Up), "previous question", None),
    b(&[Keys::Code(K::Down), Keys::Code(K::Char('j'))], &[Overview], Action::Send(Message::Down), "next question", None),
    b(&[Keys::Code(K::PageUp)], &[Overview], Action::Send(Message::PageUp), "a page up", None),
    b(&[Keys::Code(K::PageDown)], &[Overview], Action::Send(Message::PageDown), "a page down", None),
    b(&[Keys::Code(K::Home)], &[Overview], Action::Send(Message::First), "first question", None),
    b(&[Keys::Code(K::End)], &[Overview], Action::Send(Message::Last), "last question", None),
    b(&[Keys::Code(K::Enter)], &[Overview], Action::Send(Message::Confirm), "go to the highlighted question", Some("go")),
    b(&[Keys::Code(K::Esc), Keys::Code(K::Char('o'))], &[Overview], Action::Send(Message::Close), "back to where you were", Some("close")),
    // Results.
    b(&[Keys::Code(K::Up), Keys::Code(K::Char('k'))], &[Results], Action::Send(Message::Up), "scroll up", None),
    b(&[Keys::Code(K::Down), Keys::Code(K::Char('j'))], &[Results], Action::Send(Message::Down), "scroll down", Some("scroll")),
    b(&[Keys::Code(K::PageUp)], &[Results], Action::Send(Message::PageUp), "a page up", None),
    b(&[Keys::Code(K::PageDown), Keys::Code(K::Char(' '))], &[Results], Action::Send(Message::PageDown), "a page down", None),
    b(&[Keys::Code(K::Home), Keys::Code(K::Char('g'))], &[Help], Action::Send(Message::First), "to the top", None),
    b(&[Keys::Code(K::End), Keys::Code(K::Char('G'))], &[Help], Action::Send(Message::Last), "to the end", None),
    b(&[Keys::Code(K::Home)], &[Results, Welcome], Action::Send(Message::First), "to the top", None),
    b(&[Keys::Code(K::End), Keys::Code(K::Char('G'))], &[Results, Welcome], Action::Send(Message::Last), "to the end", None),
    b(&[Keys::Code(K::Up)], &[Welcome, WelcomeName], Action::Send(Message::Up), "scroll the welcome text up", None),
    b(&[Keys::Code(K::Down)], &[Welcome, WelcomeName], Action::Send(Message::Down), "scroll the welcome text down", None),
    b(&[Keys::Code(K::PageUp)], &[Welcome, WelcomeName], Action::Send(Message::PageUp), "a page up", None),
    b(&[Keys::Code(K::PageDown)], &[Welcome, WelcomeName], Action::Send(Message::PageDown), "a page down", None),
    b(&[Keys::Code(K::Char('b')), Keys::Code(K::Left), Keys::Code(K::BackTab)], &[Results], Action::Send(Message::Revise), "back to the questions to revise answers", Some("revise")),
    // Notes and the live score panel.
    b(&[Keys::Ctrl('n')], QUESTIONS, Action::Send(Message::OpenNote), "write a note on this question", Some("note")),
    b(&[Keys::Ctrl('n')], &[Welcome, Overview, Results], Action::Send(Message::OpenNote), "write a note on the whole session", None),
    b(&[Keys::Code(K::Char('s')), Keys::Code(K::F(2))], &[Pick, Multi, Rank, Results], Action::Send(Message::ToggleScores), "show or hide the live scores (coach mode)", Some("scores")),
    b(&[Keys::Code(K::F(2))], &[Text], Action::Send(Message::ToggleScores), "show or hide the live scores (coach mode)", Some("scores")),
    b(&[Keys::Code(K::Char('p')), Keys::Code(K::F(3))], &[Welcome, Pick, Multi, Rank, Overview, Results, Review, Plan], Action::Send(Message::TogglePresenting), "start or end presenting: nothing of the coach's is drawn (coach mode)", Some("present")),
    b(&[Keys::Code(K::F(3))], &[Text, WelcomeName, Note, ReviewNote, GoalForm], Action::Send(Message::TogglePresenting), "start or end presenting: nothing of the coach's is drawn (coach mode)", Some("present")),
    b(&[Keys::Code(K::Char('m')), Keys::Code(K::F(4))], &[Pick, Multi, Rank, Results], Action::Send(Message::BringMentee), "bring the mentee's screen to this question, or show them the results (run --share)", Some("bring mentee")),
    b(&[Keys::Code(K::F(4))], &[Text], Action::Send(Message::BringMentee), "bring the mentee's screen to this question (run --share)", Some("bring mentee")),

    b(&[Keys::Code(K::Char('g'))], &[Results], Action::Send(Message::Plan), "choose up to three goals: your development plan", Some("plan")),
    b(&[Keys::Code(K::Char('r'))], &[Results], Action::Send(Message::WriteReport), "write a Markdown report beside the session file", Some("report")),
    // Everywhere but text fields.
    b(&[Keys::Code(K::Char('?'))], &[Welcome, Pick, Multi, Rank, Overview, Results, Review, Plan], Action::Send(Message::Help), "all keys", Some("help")),
    b(&[Keys::Code(K::F(1))], &[Text, Note, ReviewNote, GoalForm], Action::Send(Message::Help), "all keys", Some("help")),
    b(&[Keys::Code(K::Char('q'))], &[Welcome, Pick, Multi, Rank, Overview, Results, Review, Plan], Action::Send(Message::Quit), "quit (answers are saved)", Some("quit")),
    // Esc closes what is open; with nothing open it asks before quitting,
    // so that a key meant to step back never ends the session at once. In
    // a text question q is text, so Esc is the quit key the footer shows.
    b(&[Keys::Code(K::Esc)], &[Text], Action::Send(Message::Leave), "quit, once asked: a second Esc quits (answers are saved)", Some("quit")),
    b(&[Keys::Code(K::Esc)], &[Welcome, Pick, Multi, Rank, Results, Review], Action::Send(Message::Leave), "quit, once asked: a second Esc quits (answers are saved)", None),
];

/// The message a key sends in a context, if any.
pub(crate) fn dispatch(context: Context, key: &KeyEvent) -> Option<Message> {
    let binding = KEYMAP
        .iter()
        .find(|b| b.contexts.contains(&context) && b.keys.iter().any(|k| k.matches(key)))?;
    Some(match &binding.action {
        Action::Send(m) => m.clone(),
        Action::Number => match key.code {
            KeyCode::Char('0') => Message::Number(10),
            KeyCode::Char(c) => Message::Number(c.to_digit(10)? as usize),
            _ => return None,
        },
        Action::Type => match key.code {
            KeyCode::Char(c) => Message::Edit(Edit::Insert(c)),
            _ => return None,
        },
    })
}

/// The bindings that work in a context, for help and footers.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.contexts.contains(&context))
}

/// The first key that sends `message` in `context`, as help writes it:
/// every key named in a hint or a message comes from here.
pub fn key(context: Context, message: &Message) -> String {
    bindings(context)
        .find(|b| matches!(&b.action, Action::Send(m) if m == message))
        .and_then(|b| b.keys.first())
        .map(Keys::label)
        .unwrap_or_default()
}

/// The footer of a context: `Enter next · Tab skip · ...`.
pub fn footer(context: Context) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for b in bindings(context) {
        if let Some(words) = b.footer
            && !out.iter().any(|(_, w)| *w == words)
        {
            let keys: Vec<String> = b.keys.iter().take(2).map(Keys::label).collect();
            out.push((keys.join("/"), words));
        }
    }
    out
}

#[cfg(test)]
mod tests;
