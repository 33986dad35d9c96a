//! How plain mode stops: the results, `q`, the end of input, or input that
//! cannot go on; and the failed save said once.

use super::{Ended, IDLE_LINES_ALLOWED, MISSES_ALLOWED, Outcome, Plain, lower_first};
use crate::report::text;
use crate::session::Step;
use std::io::{BufRead, Write};

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// Counts a line that changed nothing (or resets the count), and stops
    /// plain mode when a pipe or file has sent too many of them in a row:
    /// `yes b` must end too.
    pub(super) fn count_idle(&mut self, idle: bool) -> std::io::Result<()> {
        self.idle = if idle { self.idle + 1 } else { 0 };
        let allowed = IDLE_LINES_ALLOWED.max(2 * self.session.assessment().questions.len());
        if self.interactive || self.idle < allowed {
            return Ok(());
        }
        self.stop(&format!(
            "{allowed} lines in a row changed no answer and reached no new question"
        ))
    }

    /// Stops plain mode because the input cannot go on: saves, says why and
    /// where the answers are, and returns that as the error.
    pub(super) fn stop<T>(&mut self, reason: &str) -> std::io::Result<T> {
        let step = self.session.save();
        self.perform(step)?;
        let why = format!("{reason}; {}", lower_first(&self.saved_where()));
        self.say(&format!("Stopped: {why}"))?;
        self.out.flush()?;
        Err(std::io::Error::other(why))
    }

    /// After `MISSES_ALLOWED` lines in a row from a pipe or file failed to
    /// answer a question: skips it, or stops if it is required.
    pub(super) fn give_up_on_question(&mut self) -> std::io::Result<Outcome> {
        let q = self.session.question();
        let id = q.id.clone();
        if !q.required {
            self.say(&format!(
                "{MISSES_ALLOWED} lines in a row could not answer this question, so it is skipped."
            ))?;
            let step = self.session.skip();
            return self.after(step);
        }
        self.stop(&format!(
            "{MISSES_ALLOWED} lines in a row could not answer the required question \"{id}\""
        ))
    }

    /// After an operation: carries it out, says what the session has to
    /// say, and asks again.
    pub(super) fn after(&mut self, step: Step) -> std::io::Result<Outcome> {
        self.perform(step)?;
        Ok(Outcome::Ask)
    }

    /// Says a failed save once, when it first happens.
    pub(super) fn show_save_error(&mut self) -> std::io::Result<()> {
        let error = self.disk.error.clone();
        if error != self.error_shown {
            if let Some(e) = &error {
                self.say(e)?;
            }
            self.error_shown = error;
        }
        Ok(())
    }

    pub(super) fn results(&mut self) -> std::io::Result<Ended> {
        // The session's outline, laid out as the text report lays it out
        // (words only: no bars or spectra for a screen reader to spell).
        let mut report = format!("{} — results\n", self.session.assessment().title.trim());
        text::layout(&mut report, &self.session.outline(), false);
        let target = self
            .session
            .meta()
            .score_target(&self.session.assessment().id);
        self.say("")?;
        self.say(report.trim_end())?;
        self.say("")?;
        let saved = self.saved_where();
        self.say(&saved)?;
        if let (Some(path), None) = (&self.disk.path, &self.disk.failure) {
            let line = format!(
                "Score them again any time: crossroads score {} --answers {}",
                target,
                path.display()
            );
            self.say(&line)?;
        }
        self.out.flush()?;
        Ok(Ended::Results)
    }

    pub(super) fn quit(&mut self) -> std::io::Result<Ended> {
        let step = self.session.save();
        self.perform(step)?;
        let saved = self.saved_where();
        let again = if self.disk.failure.is_some() {
            ""
        } else {
            " Run the same command again to continue where you left off."
        };
        self.say(&format!("Stopped. {saved}{again}"))?;
        self.out.flush()?;
        Ok(Ended::Quit)
    }

    pub(super) fn ended(&mut self, why: Option<std::io::Error>) -> std::io::Result<Ended> {
        let step = self.session.save();
        self.perform(step)?;
        let saved = self.saved_where();
        // "Your answers are saved in ..." reads on as "your answers ...".
        let saved = lower_first(&saved);
        let line = match why {
            None => format!("Input ended; {saved}"),
            Some(e) => format!("Input could not be read ({e}); {saved}"),
        };
        // The prompt may still be on its line.
        self.say("")?;
        self.say(&line)?;
        self.out.flush()?;
        Ok(Ended::InputEnded)
    }
}
