//! A line typed on a question, turned into one session operation.

use super::read::{numbers, shorten};
use super::{Outcome, Plain};
use crate::answers::Answer;
use crate::assessment::QuestionKind;
use crate::assessment::kinds::{self, likert, rank};
use std::io::{BufRead, Write};

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// Applies a line to the current question.
    pub(super) fn answer(&mut self, line: &str) -> std::io::Result<Outcome> {
        let word = line.trim();
        let q = self.session.question();
        let required = q.required;
        let kind = q.kind.clone();
        let answered = self.session.answers().get(self.session.current()).is_some();
        if let Some(outcome) = self.command(word)? {
            return Ok(outcome);
        }
        match word {
            "q" | "Q" => return Ok(Outcome::Quit),
            "?" => {
                self.say(super::say::HELP)?;
                self.say(super::notes::HELP)?;
                if self.session.is_coach() {
                    self.say(super::notes::COACH_HELP)?;
                }
                return Ok(Outcome::Again);
            }
            "b" | "B" => {
                let step = self.session.back();
                return self.after(step);
            }
            // Clears the answer and skips the question.
            "-" if required => {
                self.say("This question is required, so it cannot be skipped.")?;
                return Ok(Outcome::Ask);
            }
            "-" => {
                let step = self.session.submit(None);
                return self.after(step);
            }
            "" if answered => {
                let step = self.session.confirm();
                return self.after(step);
            }
            "" if required => {
                self.say("This question needs an answer; it cannot be skipped.")?;
                return Ok(Outcome::Ask);
            }
            "" => {
                let step = self.session.skip();
                return self.after(step);
            }
            _ => {}
        }
        let answer = match &kind {
            QuestionKind::Text { .. } => kinds::text::answer(word.to_string()),
            _ => match self.numbered(&kind, word)? {
                Some(answer) => Some(answer),
                None => return Ok(Outcome::Ask),
            },
        };
        let step = self.session.submit(answer);
        self.after(step)
    }

    /// The answer that a line of numbers gives, or an explanation.
    fn numbered(&mut self, kind: &QuestionKind, word: &str) -> std::io::Result<Option<Answer>> {
        let numbers = match numbers(word) {
            Ok(n) => n,
            Err(bad) => {
                self.say(&format!(
                    "\"{}\" is not a number. Type a number from 1 to {}, or ? for help.",
                    shorten(&bad),
                    self.session.choices()
                ))?;
                return Ok(None);
            }
        };
        Ok(match kind {
            QuestionKind::Likert { scale, .. } => self
                .one(&numbers)?
                .and_then(|i| likert::answer(scale, i).ok()),
            QuestionKind::Choice { .. } => self.one(&numbers)?.map(Answer::Choice),
            QuestionKind::Multi { .. } => self.options(&numbers)?.map(Answer::Multi),
            QuestionKind::Rank { .. } => {
                let shown = self.session.shown(self.session.current());
                self.options(&numbers)?
                    .map(|first| Answer::Rank(rank::completed(&shown, &first)))
            }
            QuestionKind::Text { .. } => None,
        })
    }

    /// Exactly one number naming an option, as its index, or an explanation.
    fn one(&mut self, numbers: &[i64]) -> std::io::Result<Option<usize>> {
        if let [n] = numbers {
            self.option(*n)
        } else {
            self.say("Type just one number for this question.")?;
            Ok(None)
        }
    }

    /// The option (0-based) that number `n` names in the order shown, or
    /// an explanation.
    fn option(&mut self, n: i64) -> std::io::Result<Option<usize>> {
        let count = self.session.choices();
        match usize::try_from(n) {
            Ok(i) if (1..=count).contains(&i) => Ok(Some(self.session.option_at(i - 1))),
            _ => {
                let why = kinds::Refusal::NoSuchOption { count };
                let words = super::say::refusal(self.session, &why);
                self.say(&words)?;
                Ok(None)
            }
        }
    }

    /// The options the numbers name, each once, or an explanation.
    fn options(&mut self, numbers: &[i64]) -> std::io::Result<Option<Vec<usize>>> {
        let mut picked = Vec::with_capacity(numbers.len());
        for n in numbers {
            let Some(i) = self.option(*n)? else {
                return Ok(None);
            };
            if picked.contains(&i) {
                self.say(&format!("{n} is there twice: name each option once."))?;
                return Ok(None);
            }
            picked.push(i);
        }
        Ok(Some(picked))
    }
}
