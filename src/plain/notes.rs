//! Notes and, in a coach's run, the live scores, line by line: the same
//! session operations as `Ctrl-N`, `Ctrl-S` and `s` in the terminal app.
//!
//! `/note TEXT` keeps a note on the current question (the coach's in a
//! coach's run, else the person's own), `/note -` removes it, `/note`
//! alone shows the notes on it; `/share` shares the coach's note with the
//! mentee or makes it private again; `/scores` prints the live scores
//! (coach's run only). Any other line is an answer.

use super::{Outcome, Plain};
use crate::report::percent;
use crate::session::NoteTarget;
use std::io::{BufRead, Write};

/// What `?` adds in plain mode about notes and scores.
pub(crate) const HELP: &str =
    "/note TEXT keeps a note on this question (/note - removes it, /note alone shows the notes).";

/// What `?` adds in a coach's run.
pub(crate) const COACH_HELP: &str = "Coach: your notes are private until /share shares the one on this question with the mentee; /scores shows the live scores.";

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// Carries out a notes or scores command; None when the line is not
    /// one (it is then an answer).
    pub(super) fn command(&mut self, word: &str) -> std::io::Result<Option<Outcome>> {
        let target = NoteTarget::Question(self.session.current());
        let (name, rest) = word.split_once(' ').unwrap_or((word, ""));
        match name {
            "/note" if rest.trim().is_empty() => self.show_notes(target)?,
            "/note" => {
                let text = if rest.trim() == "-" { "" } else { rest.trim() };
                let step = self.session.keep_note(target, text);
                self.perform(step)?;
            }
            "/share" => {
                let step = self.session.toggle_shared(target);
                self.perform(step)?;
            }
            "/scores" => self.scores()?,
            _ => return Ok(None),
        }
        Ok(Some(Outcome::Again))
    }

    /// Every note on `target` this run may show, each with whose it is.
    fn show_notes(&mut self, target: NoteTarget) -> std::io::Result<()> {
        let coach = self.session.is_coach();
        let lines: Vec<String> = self
            .session
            .notes_on(target)
            .iter()
            .map(|n| format!("{}: {}", n.whose.label(coach), n.text.trim()))
            .collect();
        if lines.is_empty() {
            return self.say("No note on this question yet: /note TEXT writes one.");
        }
        self.say_all(lines)
    }

    /// The live scores, for the coach only: a self-assessment is not
    /// steered by a running score.
    fn scores(&mut self) -> std::io::Result<()> {
        if !self.session.is_coach() {
            return self.say("The live scores are part of coach mode (crossroads run --coach).");
        }
        let s = self.session.score();
        let a = self.session.assessment();
        let mut lines = vec![format!(
            "Live scores ({} of {} answered; the mentee does not see them):",
            s.answered, s.total
        )];
        for ts in &s.tracks {
            let mark = if s.top.contains(&ts.track) { "*" } else { " " };
            lines.push(format!(
                "{mark} {:>4} {}",
                percent(ts.score),
                a.tracks[ts.track].name
            ));
        }
        self.say_all(lines)
    }
}
