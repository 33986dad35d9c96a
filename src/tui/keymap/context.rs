//! Where the person is, which decides what a key means, and the heading
//! each place's keys are listed under in the man page.

use Context::*;

/// Where the person is, which decides what a key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Welcome,
    /// A likert or choice question: one pick.
    Pick,
    Multi,
    Rank,
    Text,
    Overview,
    Results,
    Help,
    /// The note editor (Ctrl-N).
    Note,
    /// The welcome screen of coach mode, asking the mentee's name.
    WelcomeName,
    /// How a goal of the last session went: done, in progress, dropped.
    Review,
    /// A note on how that goal went.
    ReviewNote,
    /// The development plan: goals chosen, growth steps offered.
    Plan,
    /// A goal being written: what, how you will know, by when.
    GoalForm,
}

impl Context {
    /// Every context, with the heading the man page lists its keys under.
    pub const TITLED: &[(Context, &str)] = &[
        (Welcome, "Welcome screen"),
        (
            WelcomeName,
            "Welcome screen of coach mode (the mentee's name)",
        ),
        (Pick, "A question with one answer (a statement or a choice)"),
        (Multi, "A question with several answers"),
        (Rank, "A ranking"),
        (Text, "A question answered in words"),
        (Overview, "Overview of the questions"),
        (Results, "Results"),
        (Help, "Help"),
        (Note, "Note editor"),
        (Review, "Review of the last plan's goals"),
        (ReviewNote, "A note on how a goal went"),
        (Plan, "Development plan"),
        (GoalForm, "A goal being written"),
    ];
}
