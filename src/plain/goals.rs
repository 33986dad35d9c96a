//! Goals in plain mode, line by line: the previous session's goals
//! reviewed before the first question, and a plan chosen after the results.

use super::Plain;
use super::read::{self, Read};
use crate::session::goals::{GOALS_ALLOWED, Goal, Progress};
use std::io::{BufRead, Write};

/// How many lines in a row may fail to answer one prompt before it is
/// left as it is: piped input must always end.
const TRIES: usize = 3;

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// Reads a line for a prompt; None at the end of input.
    fn ask_line(&mut self, prompt: &str) -> std::io::Result<Option<String>> {
        self.say(prompt)?;
        self.prompt()?;
        let line = match read::line(&mut self.input) {
            Read::End(_) => None,
            Read::Line(line) => Some(line.trim().to_string()),
            Read::Keys => Some(String::new()),
        };
        self.say("")?;
        Ok(line)
    }

    /// Asks how each of the previous session's goals went.
    pub(super) fn review_goals(&mut self) -> std::io::Result<()> {
        if !self.session.needs_review() {
            return Ok(());
        }
        self.say("Last time you set goals. First, how did each one go?")?;
        let count = self.session.goals_to_review().len();
        for i in 0..count {
            let (goal, review) = self.session.goals_to_review()[i];
            if review.is_some() {
                continue;
            }
            let words = goal.words();
            self.say(&format!("Goal {} of {count}: {words}", i + 1))?;
            let mut progress = None;
            for _ in 0..TRIES {
                let Some(line) =
                    self.ask_line("How did it go? 1 done, 2 in progress, 3 dropped.")?
                else {
                    return Ok(());
                };
                progress = match line.as_str() {
                    "1" => Some(Progress::Done),
                    "2" => Some(Progress::InProgress),
                    "3" => Some(Progress::Dropped),
                    _ => None,
                };
                if progress.is_some() {
                    break;
                }
                self.say("Type 1, 2 or 3.")?;
            }
            let Some(progress) = progress else {
                self.say("Left without a review.")?;
                continue;
            };
            let Some(note) = self.ask_line("A note on how it went (or just Enter):")? else {
                return Ok(());
            };
            let step = self.session.review_goal(i, progress, Some(note));
            self.perform(step)?;
        }
        self.say("")
    }

    /// Offers to choose up to three goals after the results.
    pub(super) fn offer_plan(&mut self) -> std::io::Result<()> {
        let Some(line) = self.ask_line(&format!(
            "Type g and Enter to choose up to {GOALS_ALLOWED} goals for your plan, or just Enter to finish."
        ))?
        else {
            return Ok(());
        };
        if !line.eq_ignore_ascii_case("g") {
            return Ok(());
        }
        while self.session.goals().len() < GOALS_ALLOWED {
            let offered = self.session.suggested_goals();
            let mut last_heading = None;
            for (i, s) in offered.iter().enumerate() {
                if last_heading != Some(&s.heading) {
                    self.say(&format!("{}:", s.heading))?;
                    last_heading = Some(&s.heading);
                }
                self.say(&format!("{}. {}", i + 1, s.step))?;
            }
            let own = offered.len() + 1;
            self.say(&format!("{own}. Something in your own words"))?;
            let Some(line) = self.ask_line("Type a number, or just Enter to finish the plan.")?
            else {
                return Ok(());
            };
            if line.is_empty() {
                break;
            }
            let (track, text) = match line.parse::<usize>() {
                Ok(n) if (1..own).contains(&n) => {
                    let s = &offered[n - 1];
                    (s.track.clone(), s.step.clone())
                }
                Ok(n) if n == own => match self.ask_line("What will you do?")? {
                    Some(text) => (None, text),
                    None => return Ok(()),
                },
                _ => {
                    self.say(&format!("Type a number from 1 to {own}."))?;
                    continue;
                }
            };
            let Some(done_when) = self.ask_line("How will you know it is done?")? else {
                return Ok(());
            };
            let mut goal = Goal {
                text,
                track,
                done_when,
                target: None,
            };
            for _ in 0..TRIES {
                let Some(date) =
                    self.ask_line("By when? A date like 2027-06-30, or just Enter.")?
                else {
                    return Ok(());
                };
                goal.target = Some(date);
                let decided = self.session.add_goal(goal.clone());
                let saved = decided.accepted();
                self.perform(decided.step())?;
                if saved {
                    break;
                }
            }
        }
        let count = self.session.goals().len();
        if count > 0 {
            self.say(&format!(
                "Your plan has {count} goal(s); it is kept with the session."
            ))?;
        }
        Ok(())
    }
}
