//! Plain mode: the assessment line by line over any reader and writer, for
//! screen readers, pipes and very plain terminals.
//!
//! It drives the same [`Session`] as the terminal app, so saving,
//! conditions and every answer's rule are shared: each line becomes one
//! session operation, and every change is saved at once. Output is plain
//! lines of text, with no escape sequences and no control characters other
//! than the newline.

mod ending;
mod goals;
mod line;
mod notes;
mod read;
mod say;

use crate::sanitize;
use crate::session::disk::{Disk, Done};
use crate::session::open::{self, Chosen};
use crate::session::{Notice, Session, Stage, Step};
use read::Read;
use std::io::{BufRead, Write};

/// How many lines in a row may fail to answer a question when the input
/// is not a person at a terminal (a pipe, a file) before plain mode stops
/// asking it: `yes 1` must end, even on a question that `1` cannot answer.
pub(crate) const MISSES_ALLOWED: usize = 3;

/// How many lines in a row from a pipe or file may change no answer and
/// reach no further question (`b`, `?`, arrow keys) before plain mode
/// stops: at least this many, or twice the questions, whichever is more.
pub(crate) const IDLE_LINES_ALLOWED: usize = 50;

/// How plain mode ended, when it ended calmly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The results were shown.
    Results,
    /// The person typed `q`.
    Quit,
    /// The input ended (or could not be read).
    InputEnded,
}

/// Runs the session line by line until the results, `q`, or the end of
/// input. `interactive` says that a person types the input at a terminal;
/// when it does not, a question that `MISSES_ALLOWED` lines in a row fail
/// to answer is skipped, or, when it is required, plain mode stops.
///
/// A failure to write is an error, and so is input that cannot answer a
/// required question; the end of input, or input that cannot be read, ends
/// calmly. The answers are saved in every case.
pub fn run<R: BufRead, W: Write>(
    session: &mut Session,
    disk: &mut Disk,
    input: R,
    output: W,
    interactive: bool,
) -> std::io::Result<Ended> {
    run_with(session, disk, input, output, interactive, None)
}

/// As [`run`], with lines wrapped at word boundaries to `width` columns
/// (the terminal's, when the output is one) so no word is cut at its edge.
pub fn run_with<R: BufRead, W: Write>(
    session: &mut Session,
    disk: &mut Disk,
    input: R,
    output: W,
    interactive: bool,
    width: Option<usize>,
) -> std::io::Result<Ended> {
    // Coach mode without a name: the first line is the mentee's name.
    let naming = session.is_coach() && session.meta().name.is_none();
    let mut plain = Plain {
        session,
        disk,
        input,
        out: output,
        section: None,
        error_shown: None,
        interactive,
        width,
        naming,
        misses: 0,
        idle: 0,
    };
    let result = plain.go();
    if result.is_err() {
        // The output is gone; keep the place in the session all the same.
        let step = plain.session.save();
        plain.disk.run(plain.session, &step.effects);
    }
    result
}

/// What a line did on a question.
enum Outcome {
    /// Ask the current question (a new one, or the same one again).
    Ask,
    /// Show the question again, without counting the line as a failed
    /// answer (`?`).
    Again,
    Quit,
}

struct Plain<'a, R, W> {
    session: &'a mut Session,
    disk: &'a mut Disk,
    input: R,
    out: W,
    /// The section whose title was shown last.
    section: Option<usize>,
    /// The save error already shown, so it is said once.
    error_shown: Option<String>,
    interactive: bool,
    /// Wrap lines at words to this many columns (None: as they are).
    width: Option<usize>,
    /// The welcome asks the mentee's name.
    naming: bool,
    /// Lines in a row that did not answer the current question.
    misses: usize,
    /// Lines in a row that changed no answer and reached no new question.
    idle: usize,
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// Writes text as lines, without any control character but newlines,
    /// wrapped at words when a width is known.
    fn say(&mut self, text: &str) -> std::io::Result<()> {
        let clean = sanitize::clean(text);
        let lines = match self.width {
            Some(w) if w >= 20 => crate::wrap::wrap_keeping(&clean, w),
            _ => clean,
        };
        self.out.write_all(lines.as_bytes())?;
        self.out.write_all(b"\n")
    }

    fn say_all(&mut self, lines: Vec<String>) -> std::io::Result<()> {
        lines.iter().try_for_each(|l| self.say(l))
    }

    fn prompt(&mut self) -> std::io::Result<()> {
        self.out.write_all(b"> ")?;
        self.out.flush()
    }

    /// Carries out a step's effects and says its notice.
    fn perform(&mut self, step: Step) -> std::io::Result<Vec<Done>> {
        let done = self.disk.run(self.session, &step.effects);
        for words in done.iter().filter_map(Done::kept_words) {
            self.say(&words)?;
        }
        match step.notice {
            Some(Notice::Info(text)) => self.say(&text)?,
            Some(Notice::Refused(why)) => {
                let words = say::refusal(self.session, &why);
                self.say(&words)?
            }
            None => {}
        }
        Ok(done)
    }

    /// Where the answers are, as a sentence: saved in the file, or, when
    /// the last save failed, exactly what never reached the disk.
    fn saved_where(&self) -> String {
        if let Some(unsaved) = self.disk.unsaved() {
            return unsaved;
        }
        match &self.disk.path {
            Some(path) => format!("Your answers are saved in {}.", path.display()),
            None => "Your answers are kept only here: this session has no file.".to_string(),
        }
    }

    fn go(&mut self) -> std::io::Result<Ended> {
        let lines = say::welcome(self.session, self.disk, self.naming);
        self.say_all(lines)?;
        let mut pending = loop {
            self.prompt()?;
            let line = match read::line(&mut self.input) {
                Read::End(why) => return self.ended(why),
                Read::Line(line) => line,
                Read::Keys => String::new(),
            };
            let word = line.trim();
            self.say("")?;
            if word.eq_ignore_ascii_case("q") {
                return self.quit();
            }
            if word == "?" {
                self.say(say::HELP)?;
                self.say(say::start_line(self.session, self.naming))?;
                self.count_idle(true)?;
                continue;
            }
            // The first line is the mentee's name, whatever letter it
            // starts with; it decides whose session opens (the core's rule).
            if self.naming {
                let chosen = open::choose_person(self.session, self.disk, word);
                self.naming = matches!(chosen, Chosen::NoName | Chosen::Refused(_));
                match chosen {
                    Chosen::NoName => {
                        self.say("A mentee always has a name: type their name or initials.")?;
                        self.count_idle(true)?;
                        continue;
                    }
                    Chosen::Refused(why) => {
                        self.say(&why)?;
                        self.count_idle(true)?;
                        continue;
                    }
                    Chosen::Start => {}
                    // Opening their session is an effect, carried out as
                    // every other is; what came of it decides what follows.
                    Chosen::Open(step) => match self.perform(step)?.pop() {
                        Some(Done::Opened { welcome: true, .. }) => {
                            let lines = say::saved(self.session, self.disk);
                            self.say_all(lines)?;
                            self.say(say::start_line(self.session, false))?;
                            continue;
                        }
                        Some(Done::NotOpened { why, .. }) => {
                            self.say(&why)?;
                            self.out.flush()?;
                            return Err(std::io::Error::other(why));
                        }
                        _ => {}
                    },
                }
                let step = self.session.start(Some(word.to_string()));
                self.perform(step)?;
                break None;
            }
            if word.eq_ignore_ascii_case("n") && self.session.resume().is_some() {
                let step = self.session.start_over(None);
                let done = self.perform(step)?;
                match done.iter().find_map(|d| match d {
                    Done::BackedUp(path) => Some(path.clone()),
                    _ => None,
                }) {
                    Some(backup) => self.say(&format!(
                        "Starting over. The old session is backed up at {}.",
                        backup.display()
                    ))?,
                    None if self.disk.people.is_some() => {
                        self.say("Starting a new session; the saved one is kept as it is.")?
                    }
                    None => self.say("Starting over.")?,
                }
                self.say("")?;
                break None;
            }
            let was_complete = self.session.meta().complete && self.session.resume().is_some();
            let step = self.session.start(None);
            self.perform(step)?;
            if was_complete && self.session.stage() == Stage::Results {
                self.say("This session was already complete. Here are its results.")?;
            }
            // Any first line starts; a non-empty one also answers.
            break (!word.is_empty()).then_some(line);
        };
        if self.session.needs_review() {
            // The first line only started: the review comes before any answer.
            pending = None;
            self.review_goals()?;
        }
        let mut outcome = Outcome::Ask;
        loop {
            if self.session.stage() == Stage::Results {
                let ended = self.results()?;
                self.offer_plan()?;
                self.out.flush()?;
                return Ok(ended);
            }
            self.show_save_error()?;
            if let Outcome::Ask | Outcome::Again = outcome {
                let q = self.session.question().section;
                let lines = say::question(self.session, self.section != Some(q));
                self.section = Some(q);
                self.say_all(lines)?;
            }
            let line = match pending.take() {
                Some(line) => {
                    self.say(&format!("> {line}"))?;
                    line
                }
                None => {
                    self.prompt()?;
                    match read::line(&mut self.input) {
                        Read::End(why) => return self.ended(why),
                        Read::Line(line) => line,
                        Read::Keys => {
                            self.say("")?;
                            self.say(say::KEYS)?;
                            outcome = Outcome::Ask;
                            self.count_idle(true)?;
                            continue;
                        }
                    }
                }
            };
            self.say("")?;
            let (before, stage) = (self.session.current(), self.session.stage());
            let (answers, furthest) = (self.session.answers().clone(), self.session.furthest());
            outcome = self.answer(&line)?;
            if let Outcome::Quit = outcome {
                return self.quit();
            }
            let stayed = self.session.current() == before && self.session.stage() == stage;
            self.misses = if stayed && matches!(outcome, Outcome::Ask) {
                self.misses + 1
            } else {
                0
            };
            if !self.interactive && self.misses >= MISSES_ALLOWED {
                self.misses = 0;
                outcome = self.give_up_on_question()?;
            }
            let idle = *self.session.answers() == answers && self.session.furthest() <= furthest;
            self.count_idle(idle && self.session.stage() != Stage::Results)?;
        }
    }
}

/// A sentence to follow a semicolon: its first letter in lower case.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
