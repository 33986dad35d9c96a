//! A progress line on standard error for a command that may run long
//! (`simulate`): drawn only for a person (the caller checks that standard
//! error is a terminal), only once the run looks like it will take more
//! than about a second, redrawn in place at most ten times a second, and
//! wiped when the run ends so that the terminal's line is left clean.

use std::io::Write;
use std::time::{Duration, Instant};

/// How long the first of the work is timed before the whole is estimated.
const LOOK: Duration = Duration::from_millis(200);
/// A run expected to take longer than this is shown the progress line.
const SHOW: Duration = Duration::from_secs(1);
/// A run expected to take longer than this is told up front how long.
const TELL: Duration = Duration::from_secs(10);
/// The least time between two drawings of the line.
const EVERY: Duration = Duration::from_millis(100);

/// Erases the terminal's current line and puts the cursor at its start.
const WIPE: &str = "\r\x1b[K";

/// The progress of one run.
pub(crate) struct Meter<'a> {
    started: Instant,
    /// When the line was last drawn; None until it first is.
    drawn: Option<Instant>,
    /// What the run does, as a sentence, given how long it should take
    /// ("About 3 min for ...; Ctrl-C stops it.").
    announce: Box<dyn Fn(&str) -> String + 'a>,
    /// What is counted, plural ("respondents").
    counted: &'static str,
}

impl<'a> Meter<'a> {
    /// A meter starting now.
    pub fn new(counted: &'static str, announce: impl Fn(&str) -> String + 'a) -> Meter<'a> {
        Meter {
            started: Instant::now(),
            drawn: None,
            announce: Box::new(announce),
            counted,
        }
    }

    /// Told that `done` of `total` are done, `share` (0 to 1) of the time
    /// the run needs: draws the line if it is time to.
    pub fn tell(&mut self, done: usize, total: usize, share: f64) {
        let now = Instant::now();
        let elapsed = now - self.started;
        if elapsed < LOOK || self.drawn.is_some_and(|d| now - d < EVERY) {
            return;
        }
        let whole = elapsed.div_f64(share.max(f64::EPSILON));
        if self.drawn.is_none() {
            if whole < SHOW && elapsed < SHOW {
                return;
            }
            if whole >= TELL {
                let said = (self.announce)(&about(whole));
                err(&format!("{said}\n"));
            }
        }
        self.drawn = Some(now);
        let left = whole.saturating_sub(elapsed);
        let line = format!(
            "{} of {} {}, {} elapsed, about {} left",
            grouped(done),
            grouped(total),
            self.counted,
            clock(elapsed),
            clock(left)
        );
        // One column short of the width: a line that reaches the last
        // column wraps on some terminals, and `\r` goes back one row only.
        let width = ratatui::crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
        let line: String = line.chars().take(width.saturating_sub(1)).collect();
        err(&format!("{WIPE}{line}"));
    }

    /// Wipes the line, if it was drawn: whatever comes next starts at the
    /// beginning of a clean line (a `^C` the terminal echoed included).
    pub fn clear(&mut self) {
        if self.drawn.take().is_some() {
            err(WIPE);
        }
    }
}

/// Writes to standard error; a failure to is nobody's to hear of.
fn err(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// A count with thousands separated: 100,000.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A time as a clock shows it: 0:07, 12:30, 1:02:03.
fn clock(d: Duration) -> String {
    let s = d.as_secs();
    match s / 3600 {
        0 => format!("{}:{:02}", s / 60, s % 60),
        h => format!("{h}:{:02}:{:02}", s / 60 % 60, s % 60),
    }
}

/// A time as a person says it, rounded: 12 s, 3 min, 2 h 5 min.
fn about(d: Duration) -> String {
    let s = d.as_secs_f64().round() as u64;
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min", (s + 30) / 60),
        _ => format!("{} h {} min", s / 3600, (s % 3600 + 30) / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(800_000), "800,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn times_read_as_a_clock_and_as_words() {
        assert_eq!(clock(Duration::from_secs(7)), "0:07");
        assert_eq!(clock(Duration::from_secs(750)), "12:30");
        assert_eq!(clock(Duration::from_secs(3723)), "1:02:03");
        assert_eq!(about(Duration::from_secs(12)), "12 s");
        assert_eq!(about(Duration::from_secs(170)), "3 min");
        assert_eq!(about(Duration::from_secs(7500)), "2 h 5 min");
    }
}
