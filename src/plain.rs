//! Plain mode: the assessment line by line over any reader and writer, for
//! screen readers, pipes and very plain terminals.
//!
//! It drives the same [`App`] as the terminal app through
//! [`App::update`], so saving, conditions and validation are shared: every
//! change is saved at once. Output is plain lines of text, with no escape
//! sequences and no control characters other than the newline.

use crate::answers::describe;
use crate::assessment::QuestionKind;
use crate::report::text;
use crate::sanitize;
use crate::scoring;
use crate::tui::app::{App, Screen, Status};
use crate::tui::field::Field;
use crate::tui::keymap::{Edit, Message};
use std::io::{BufRead, Write};

/// Longest line read; the rest of a longer line is dropped.
const LINE_LIMIT: u64 = 64 * 1024;

/// The one help line, for `?`.
const HELP: &str = "Type the number of your answer, then Enter; where several are asked for, type several numbers, like 1 3. In a text question, type the answer itself. Enter alone skips a question that is not required, or keeps the current answer. - clears an answer and skips. b goes back, q saves and quits, ? shows this help.";

/// What a line of only control keys gets.
const KEYS: &str = "That line held only special keys, such as arrows, which plain mode does not use. Type your answer and press Enter, or ? for help.";

/// How many lines in a row may fail to answer a question when the input
/// is not a person at a terminal (a pipe, a file) before plain mode stops
/// asking it: `yes 1` must end, even on a question that `1` cannot answer.
pub const MISSES_ALLOWED: usize = 3;

/// How many lines in a row from a pipe or file may change no answer and
/// reach no further question (`b`, `?`, arrow keys) before plain mode
/// stops: at least this many, or twice the questions, whichever is more.
pub const IDLE_LINES_ALLOWED: usize = 50;

/// Runs the app line by line until the results, `q`, or the end of input.
/// `interactive` says that a person types the input at a terminal; when it
/// does not, a question that `MISSES_ALLOWED` lines in a row fail to answer
/// is skipped, or, when it is required, plain mode stops.
///
/// A failure to write is an error, and so is input that cannot answer a
/// required question; the end of input, or input that cannot be read, ends
/// calmly. The answers are saved in every case.
pub fn run<R: BufRead, W: Write>(
    app: &mut App,
    input: R,
    output: W,
    interactive: bool,
) -> std::io::Result<()> {
    let mut plain = Plain {
        app,
        input,
        out: output,
        section: None,
        error_shown: None,
        interactive,
        misses: 0,
        idle: 0,
    };
    let result = plain.go();
    if result.is_err() {
        // The output is gone; keep the place in the session all the same.
        plain.app.update(Message::Quit);
    }
    result
}

/// A line read, or why there are no more.
enum Input {
    /// A line, without its line ending and with any control character or
    /// escape sequence taken out.
    Line(String),
    /// A line that held only control keys or escape sequences (arrow keys
    /// typed into a plain terminal, say).
    Keys,
    /// The end of input; `Some` when reading failed.
    End(Option<std::io::Error>),
}

/// What a line did on a question.
enum Outcome {
    /// Ask the current question (a new one, or the same one again).
    Ask,
    /// Only show the prompt again.
    Prompt,
    Quit,
}

struct Plain<'a, R, W> {
    app: &'a mut App,
    input: R,
    out: W,
    /// The section whose title was shown last.
    section: Option<usize>,
    /// The save error already shown, so it is said once.
    error_shown: Option<String>,
    interactive: bool,
    /// Lines in a row that did not answer the current question.
    misses: usize,
    /// Lines in a row that changed no answer and reached no new question.
    idle: usize,
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// Writes text as lines, without any control character but newlines.
    fn say(&mut self, text: &str) -> std::io::Result<()> {
        let clean = sanitize::clean(text);
        self.out.write_all(clean.as_bytes())?;
        self.out.write_all(b"\n")
    }

    fn prompt(&mut self) -> std::io::Result<()> {
        self.out.write_all(b"> ")?;
        self.out.flush()
    }

    /// Reads one line, lossily as UTF-8, and cleans it.
    fn read_line(&mut self) -> Input {
        let mut buf = Vec::new();
        match std::io::Read::take(&mut self.input, LINE_LIMIT).read_until(b'\n', &mut buf) {
            Ok(0) => return Input::End(None),
            Ok(_) => {}
            Err(e) => return Input::End(Some(e)),
        }
        if buf.last() != Some(&b'\n') && buf.len() as u64 == LINE_LIMIT {
            // Too long: drop the rest of the line.
            let mut rest = Vec::new();
            loop {
                rest.clear();
                match std::io::Read::take(&mut self.input, LINE_LIMIT).read_until(b'\n', &mut rest)
                {
                    Ok(0) => break,
                    Ok(_) if rest.last() == Some(&b'\n') => break,
                    Ok(_) => {}
                    Err(e) => return Input::End(Some(e)),
                }
            }
        }
        while matches!(buf.last(), Some(b'\n' | b'\r')) {
            buf.pop();
        }
        let raw = String::from_utf8_lossy(&buf);
        let line = sanitize::line(&raw);
        if line.trim().is_empty() && !raw.trim().is_empty() {
            Input::Keys
        } else {
            Input::Line(line)
        }
    }

    /// Where the session is, as the end of a sentence.
    fn saved_where(&self) -> String {
        match (&self.app.saving.path, &self.app.saving.error) {
            (_, Some(e)) => format!("but the last save failed: {e}"),
            (Some(path), None) => format!("in {}", path.display()),
            (None, None) => "only here: this session has no file".to_string(),
        }
    }

    fn go(&mut self) -> std::io::Result<()> {
        self.welcome()?;
        let mut pending = loop {
            self.prompt()?;
            let line = match self.read_line() {
                Input::End(why) => return self.ended(why),
                Input::Line(line) => line,
                Input::Keys => String::new(),
            };
            let word = line.trim();
            self.say("")?;
            if word.eq_ignore_ascii_case("q") {
                return self.quit();
            }
            if word == "?" {
                self.say(HELP)?;
                let start = self.start_line();
                self.say(start)?;
                self.count_idle(true)?;
                continue;
            }
            if word.eq_ignore_ascii_case("n") && self.app.resume.is_some() {
                // The app asks twice before starting over; typing n is the answer to both.
                self.app.update(Message::StartOver);
                self.app.update(Message::StartOver);
                if let Some(backup) = self.app.saving.backed_up.clone() {
                    self.say(&format!(
                        "Starting over. The old session is backed up at {}.",
                        backup.display()
                    ))?;
                } else {
                    self.say("Starting over.")?;
                }
                self.say("")?;
                break None;
            }
            let naming = self.app.name_field.is_some();
            if naming {
                // Coach mode without --name: this line is the mentee's name.
                self.app
                    .update(Message::Edit(Edit::Paste(word.to_string())));
            }
            let was_complete = self.app.saving.meta.complete && self.app.resume.is_some();
            self.app.update(Message::Start);
            if naming {
                break None;
            }
            if was_complete && self.app.screen == Screen::Results {
                self.say("This session was already complete. Here are its results.")?;
            }
            // Any first line starts; a non-empty one also answers.
            break (!word.is_empty()).then_some(line);
        };
        let mut outcome = Outcome::Ask;
        loop {
            match self.app.screen {
                Screen::Results => return self.results(),
                Screen::Welcome => self.app.update(Message::Start),
                Screen::Overview => self.app.update(Message::Close),
                Screen::Question => {}
            }
            if self.app.screen != Screen::Question {
                continue;
            }
            self.show_save_error()?;
            if let Outcome::Ask = outcome {
                self.ask()?;
            }
            let line = match pending.take() {
                Some(line) => {
                    self.say(&format!("> {line}"))?;
                    line
                }
                None => {
                    self.prompt()?;
                    match self.read_line() {
                        Input::End(why) => return self.ended(why),
                        Input::Line(line) => line,
                        Input::Keys => {
                            self.say("")?;
                            self.say(KEYS)?;
                            outcome = Outcome::Ask;
                            self.count_idle(true)?;
                            continue;
                        }
                    }
                }
            };
            self.say("")?;
            let (before, screen) = (self.app.current, self.app.screen);
            let (answers, furthest) = (self.app.answers.clone(), self.app.furthest);
            outcome = self.answer(&line)?;
            if let Outcome::Quit = outcome {
                return self.quit();
            }
            let stayed = self.app.current == before && self.app.screen == screen;
            self.misses = if stayed && matches!(outcome, Outcome::Ask) {
                self.misses + 1
            } else {
                0
            };
            if !self.interactive && self.misses >= MISSES_ALLOWED {
                self.misses = 0;
                outcome = self.give_up_on_question()?;
            }
            let idle = self.app.answers == answers && self.app.furthest <= furthest;
            self.count_idle(idle && self.app.screen != Screen::Results)?;
        }
    }

    /// Counts a line that changed nothing (or resets the count), and stops
    /// plain mode when a pipe or file has sent too many of them in a row:
    /// `yes b` must end too.
    fn count_idle(&mut self, idle: bool) -> std::io::Result<()> {
        self.idle = if idle { self.idle + 1 } else { 0 };
        let allowed = IDLE_LINES_ALLOWED.max(2 * self.app.assessment.questions.len());
        if self.interactive || self.idle < allowed {
            return Ok(());
        }
        self.stop(&format!(
            "{allowed} lines in a row changed no answer and reached no new question"
        ))
    }

    /// Stops plain mode because the input cannot go on: saves, says why and
    /// where the answers are, and returns that as the error.
    fn stop<T>(&mut self, reason: &str) -> std::io::Result<T> {
        self.app.update(Message::Quit);
        let why = format!("{reason}; your answers are saved {}", self.saved_where());
        self.say(&format!("Stopped: {why}."))?;
        self.out.flush()?;
        Err(std::io::Error::other(why))
    }

    /// After `MISSES_ALLOWED` lines in a row from a pipe or file failed to
    /// answer a question: skips it, or stops if it is required.
    fn give_up_on_question(&mut self) -> std::io::Result<Outcome> {
        let q = &self.app.assessment.questions[self.app.current];
        let id = q.id.clone();
        if !q.required {
            self.say(&format!(
                "{MISSES_ALLOWED} lines in a row could not answer this question, so it is skipped."
            ))?;
            self.app.update(Message::Skip);
            return self.after();
        }
        self.stop(&format!(
            "{MISSES_ALLOWED} lines in a row could not answer the required question \"{id}\""
        ))
    }

    /// The last line of the welcome text.
    fn start_line(&self) -> &'static str {
        if self.app.name_field.is_some() {
            return "Coach mode: type the mentee's name and press Enter (or just Enter to leave it out).";
        }
        match (&self.app.resume, self.app.saving.meta.complete) {
            (None, _) => "Press Enter to start.",
            (Some(_), true) => "Press Enter to see its results.",
            (Some(_), false) => "Press Enter to continue where you left off.",
        }
    }

    fn welcome(&mut self) -> std::io::Result<()> {
        let a = &self.app.assessment;
        let mut lines = vec![a.title.trim().to_string()];
        if let Some(d) = &a.description {
            lines.push(d.trim().to_string());
        }
        lines.push(format!("{}.", a.length_in_words(", ")));
        if let Some(resume) = &self.app.resume {
            let when = resume.updated.replace('T', " ");
            let when = when.trim_end_matches('Z');
            let mut saved = format!("You have a saved session: {} answered", resume.answered);
            if !when.is_empty() {
                saved.push_str(&format!(", last changed {when} UTC"));
            }
            saved.push_str(
                ". To start over instead, type n and press Enter; the old session is backed up.",
            );
            lines.push(saved);
            if let Some(changed) = &resume.changed {
                lines.push(changed.clone());
            }
        }
        lines.push("Answer each question by typing its number and pressing Enter. Enter alone skips a question that is not required. b goes back, q saves and quits, ? shows help.".to_string());
        if let Some(path) = &self.app.saving.path {
            lines.push(format!(
                "Your answers are saved as you go, in {}.",
                path.display()
            ));
        }
        lines.push(self.start_line().to_string());
        for line in lines {
            self.say(&line)?;
        }
        Ok(())
    }

    /// Prints the current question, its answers and how to answer.
    fn ask(&mut self) -> std::io::Result<()> {
        let app = &*self.app;
        let a = &app.assessment;
        let qi = app.current;
        let q = &a.questions[qi];
        let mut lines: Vec<String> = Vec::new();
        if self.section != Some(q.section) {
            let section = &a.sections[q.section];
            lines.push(format!(
                "Section {} of {}: {}",
                q.section + 1,
                a.sections.len(),
                section.title.trim()
            ));
            if let Some(intro) = &section.intro {
                lines.push(intro.trim().to_string());
            }
            lines.push(String::new());
        }
        let visible = app.visible_questions();
        let position = visible.iter().position(|x| *x == qi).map_or(0, |p| p + 1);
        let mut text = format!("[{position}/{}] {}", visible.len(), q.text.trim());
        if q.required {
            text.push_str(" (required)");
        }
        lines.push(text);
        if let Some(help) = &q.help {
            lines.push(help.trim().to_string());
        }
        if app.saving.meta.coach
            && let Some(coach) = &q.coach
        {
            lines.push(format!("Coach: {}", coach.trim()));
        }
        let numbered = |labels: Vec<&str>| -> Vec<String> {
            labels
                .iter()
                .enumerate()
                .map(|(i, l)| format!("{}. {}", i + 1, l.trim()))
                .collect()
        };
        let how = match &q.kind {
            // A number always counts the points from 1, as the digit keys
            // of the terminal app do, so that `1` is an answer everywhere.
            QuestionKind::Likert { scale, .. } if scale.labels.is_empty() && scale.min == 1 => {
                lines.push(format!("Scale: 1 to {}.", scale.max));
                format!("Type a number from 1 to {}.", scale.max)
            }
            QuestionKind::Likert { scale, .. } if scale.labels.is_empty() => {
                lines.push(format!(
                    "Scale: {} to {}, its points numbered from 1:",
                    scale.min, scale.max
                ));
                let values: Vec<String> = (scale.min..=scale.max).map(|v| v.to_string()).collect();
                lines.extend(numbered(values.iter().map(String::as_str).collect()));
                format!("Type a number from 1 to {}.", scale.points())
            }
            QuestionKind::Likert { scale, .. } => {
                lines.extend(numbered(scale.labels.iter().map(String::as_str).collect()));
                format!("Type a number from 1 to {}.", scale.points())
            }
            QuestionKind::Choice { options } => {
                lines.extend(numbered(options.iter().map(|o| o.label.as_str()).collect()));
                format!("Type a number from 1 to {}.", options.len())
            }
            QuestionKind::Multi { options, min, max } => {
                lines.extend(numbered(options.iter().map(|o| o.label.as_str()).collect()));
                format!(
                    "{} Type their numbers, like 1 3.",
                    multi_rule(*min, *max, options.len())
                )
            }
            QuestionKind::Rank { options } => {
                lines.extend(numbered(options.iter().map(|o| o.label.as_str()).collect()));
                "Type the numbers in the order you prefer, most preferred first, like 3 1. Options you leave out follow in the order shown.".to_string()
            }
            QuestionKind::Text { max_length } => {
                format!("Type your answer, at most {max_length} characters.")
            }
        };
        let current = app.answers.get(qi);
        if let Some(answer) = current {
            lines.push(format!("Current answer: {}", describe(a, qi, answer)));
        }
        let enter = if current.is_some() {
            " Enter alone keeps the current answer."
        } else if q.required {
            ""
        } else {
            " Enter alone skips."
        };
        lines.push(format!("{how}{enter}"));
        self.section = Some(q.section);
        for line in lines {
            self.say(&line)?;
        }
        Ok(())
    }

    /// Applies a line to the current question.
    fn answer(&mut self, line: &str) -> std::io::Result<Outcome> {
        let word = line.trim();
        let qi = self.app.current;
        let q = &self.app.assessment.questions[qi];
        let required = q.required;
        let kind = q.kind.clone();
        match word {
            "q" | "Q" => return Ok(Outcome::Quit),
            "?" => {
                self.say(HELP)?;
                return Ok(Outcome::Prompt);
            }
            "b" | "B" => {
                self.app.update(Message::Back);
                return self.after();
            }
            "-" if required => {
                self.say("This question is required, so it cannot be skipped.")?;
                return Ok(Outcome::Ask);
            }
            "-" => {
                // Skip keeps an answer, so clear it first.
                self.app.update(Message::Clear);
                self.app.update(Message::Skip);
                return self.after();
            }
            "" if self.app.answers.get(qi).is_some() => {
                self.app.update(Message::Confirm);
                return self.after();
            }
            "" if required => {
                self.say("This question needs an answer; it cannot be skipped.")?;
                return Ok(Outcome::Ask);
            }
            "" => {
                self.app.update(Message::Skip);
                return self.after();
            }
            _ => {}
        }
        if let QuestionKind::Text { max_length } = kind {
            let text = word.to_string();
            let length = text.chars().count();
            if length > max_length {
                self.say(&format!(
                    "That answer has {length} characters; the most here is {max_length}. Please shorten it."
                ))?;
                return Ok(Outcome::Ask);
            }
            self.app.field = Field::new(&text, max_length);
            self.app.update(Message::Confirm);
            return self.after();
        }
        let numbers = match numbers(word) {
            Ok(n) => n,
            Err(bad) => {
                self.say(&format!(
                    "\"{}\" is not a number. Type a number from 1 to {}, or ? for help.",
                    shorten(&bad),
                    self.app.choices()
                ))?;
                return Ok(Outcome::Ask);
            }
        };
        match &kind {
            QuestionKind::Likert { .. } | QuestionKind::Choice { .. } => {
                let Some(&n) = self.one(&numbers)? else {
                    return Ok(Outcome::Ask);
                };
                let Some(i) = self.option(n)? else {
                    return Ok(Outcome::Ask);
                };
                self.app.update(Message::Number(i + 1));
                self.confirm(qi)
            }
            QuestionKind::Multi { min, max, options } => {
                let Some(picked) = self.options(&numbers)? else {
                    return Ok(Outcome::Ask);
                };
                let count = picked.len();
                if count < *min || count > *max {
                    self.say(&format!(
                        "You chose {count}. {}",
                        multi_rule(*min, *max, options.len())
                    ))?;
                    return Ok(Outcome::Ask);
                }
                self.app.ticked = picked;
                self.app.update(Message::Confirm);
                self.after()
            }
            QuestionKind::Rank { options } => {
                let Some(mut order) = self.options(&numbers)? else {
                    return Ok(Outcome::Ask);
                };
                self.app.placed = order.len();
                let rest: Vec<usize> = (0..options.len()).filter(|o| !order.contains(o)).collect();
                order.extend(rest);
                self.app.order = order;
                self.app.update(Message::Confirm);
                self.after()
            }
            QuestionKind::Text { .. } => unreachable!("text answers are handled above"),
        }
    }

    /// Exactly one number, or an explanation.
    fn one<'n>(&mut self, numbers: &'n [i64]) -> std::io::Result<Option<&'n i64>> {
        if let [n] = numbers {
            Ok(Some(n))
        } else {
            self.say("Type just one number for this question.")?;
            Ok(None)
        }
    }

    /// The option (0-based) that number `n` names, or an explanation.
    fn option(&mut self, n: i64) -> std::io::Result<Option<usize>> {
        let choices = self.app.choices();
        match usize::try_from(n) {
            Ok(i) if (1..=choices).contains(&i) => Ok(Some(i - 1)),
            _ => {
                self.say(&format!(
                    "There {} only {choices} here: type a number from 1 to {choices}.",
                    if choices == 1 { "is" } else { "are" }
                ))?;
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

    /// Confirms a picked answer and goes on.
    fn confirm(&mut self, before: usize) -> std::io::Result<Outcome> {
        if self.app.screen == Screen::Question && self.app.current == before {
            self.app.update(Message::Confirm);
        }
        self.after()
    }

    /// After an update: says what the app has to say, and asks again.
    fn after(&mut self) -> std::io::Result<Outcome> {
        if let Some(Status::Info(m) | Status::Warning(m)) = self.app.status.clone() {
            self.say(&m)?;
        }
        Ok(Outcome::Ask)
    }

    /// Says a failed save once, when it first happens.
    fn show_save_error(&mut self) -> std::io::Result<()> {
        let error = self.app.saving.error.clone();
        if error != self.error_shown {
            if let Some(e) = &error {
                self.say(e)?;
            }
            self.error_shown = error;
        }
        Ok(())
    }

    fn results(&mut self) -> std::io::Result<()> {
        let score = scoring::score(&self.app.assessment, &self.app.answers);
        let report = text::render_words(&self.app.assessment, &self.app.answers, &score);
        self.say("")?;
        self.say(report.trim_end())?;
        self.say("")?;
        let saved = self.saved_where();
        self.say(&format!("Your answers are saved {saved}."))?;
        if let (Some(path), None) = (&self.app.saving.path, &self.app.saving.error) {
            let line = format!(
                "Score them again any time: crossroads score {} --answers {}",
                self.app.saving.meta.score_target(&self.app.assessment.id),
                path.display()
            );
            self.say(&line)?;
        }
        self.out.flush()
    }

    fn quit(&mut self) -> std::io::Result<()> {
        self.app.update(Message::Quit);
        let saved = self.saved_where();
        self.say(&format!(
            "Stopped. Your answers are saved {saved}. Run the same command again to continue where you left off."
        ))?;
        self.out.flush()
    }

    fn ended(&mut self, why: Option<std::io::Error>) -> std::io::Result<()> {
        self.app.update(Message::Quit);
        let saved = self.saved_where();
        let line = match why {
            None => format!("Input ended; your answers are saved {saved}."),
            Some(e) => format!("Input could not be read ({e}); your answers are saved {saved}."),
        };
        // The prompt may still be on its line.
        self.say("")?;
        self.say(&line)?;
        self.out.flush()
    }
}

/// The rule of a multi question, as a sentence.
fn multi_rule(min: usize, max: usize, options: usize) -> String {
    match (min, max) {
        (0, m) if m >= options => "Choose any number of them.".to_string(),
        (0, m) => format!("Choose up to {m}."),
        (a, b) if a == b => format!("Choose exactly {a}."),
        (a, b) if b >= options => format!("Choose at least {a}."),
        (a, b) => format!("Choose {a} to {b}."),
    }
}

/// The numbers of a line, separated by spaces or commas; the first word
/// that is not a number otherwise.
fn numbers(line: &str) -> Result<Vec<i64>, String> {
    line.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.parse::<i64>().map_err(|_| w.to_string()))
        .collect()
}

/// A word cut short for quoting back.
fn shorten(word: &str) -> String {
    let clean = sanitize::line(word);
    if clean.chars().count() > 30 {
        let mut s: String = clean.chars().take(30).collect();
        s.push('…');
        s
    } else {
        clean
    }
}
