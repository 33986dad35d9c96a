//! Problems found in a file: errors and warnings, each with where it is.

use std::fmt;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The file as a whole.
    File,
    /// A line and column, 1-based (syntax and type errors).
    At { line: usize, column: usize },
    /// A path into the document such as `sections[1].questions[3] (id "x")`.
    Path(String),
    /// A path and the line and column of the value that is wrong.
    PathAt {
        path: String,
        line: usize,
        column: usize,
    },
}

/// One problem in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub place: Place,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl Problem {
    /// An error at a path.
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            place: Place::Path(path.into()),
            message: message.into(),
        }
    }

    /// A warning at a path.
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            place: Place::Path(path.into()),
            message: message.into(),
        }
    }

    /// An error about the file as a whole.
    pub fn file_error(message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            place: Place::File,
            message: message.into(),
        }
    }

    /// The same problem pointed at the place `at` in the file (unchanged
    /// when the place is unknown, as in a bundled assessment read from JSON).
    pub fn at(mut self, at: super::events::Pos) -> Self {
        if at.line == 0 {
            return self;
        }
        let (line, column) = (at.line as usize, at.column as usize);
        self.place = match self.place {
            Place::Path(path) => Place::PathAt { path, line, column },
            Place::File | Place::At { .. } => Place::At { line, column },
            other @ Place::PathAt { .. } => other,
        };
        self
    }

    /// The line and column, when the problem has them.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        match &self.place {
            Place::At { line, column } | Place::PathAt { line, column, .. } => {
                Some((*line, *column))
            }
            _ => None,
        }
    }

    /// The message split into what is wrong and the fix: the fix is what
    /// follows the first `; ` (messages are written "what; how to fix").
    pub fn message_and_hint(&self) -> (String, Option<String>) {
        let full = match &self.place {
            Place::Path(p) | Place::PathAt { path: p, .. } if !p.is_empty() => {
                format!("{p}: {}", self.message)
            }
            _ => self.message.clone(),
        };
        match full.split_once("; ") {
            Some((what, fix)) => (what.to_string(), Some(fix.to_string())),
            None => (full, None),
        }
    }

    /// Whether this problem is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// One line for a person, as a compiler writes it:
    /// `file:line:col: error: path: msg` (or `warning:`), and without the
    /// line and column when the place is the file or unknown.
    pub fn display_in(&self, file: &str) -> String {
        let tag = match self.severity {
            Severity::Error => "error: ",
            Severity::Warning => "warning: ",
        };
        let rest = match &self.place {
            Place::File => format!(": {tag}{}", self.message),
            Place::At { line, column } => format!(":{line}:{column}: {tag}{}", self.message),
            Place::Path(p) if p.is_empty() => format!(": {tag}{}", self.message),
            Place::Path(p) => format!(": {tag}{p}: {}", self.message),
            Place::PathAt { path, line, column } if path.is_empty() => {
                format!(":{line}:{column}: {tag}{}", self.message)
            }
            Place::PathAt { path, line, column } => {
                format!(":{line}:{column}: {tag}{path}: {}", self.message)
            }
        };
        // Messages quote the file's own text, which must not reach the
        // terminal raw; the file's name is shown escaped rather than cut,
        // so that the file can still be found by it.
        format!(
            "{}{}",
            crate::sanitize::terminal(&crate::sanitize::line_breaks(file)),
            crate::sanitize::line(&rest)
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Place::File => write!(f, "{}", self.message),
            Place::At { line, column } => write!(f, "{line}:{column}: {}", self.message),
            Place::Path(p) => write!(f, "{p}: {}", self.message),
            Place::PathAt { path, line, column } => {
                write!(f, "{line}:{column}: {path}: {}", self.message)
            }
        }
    }
}

/// A file that could not be used, with every problem found in it.
#[derive(Debug, Clone)]
pub struct Rejected {
    /// The file's name as the user gave it.
    pub file: String,
    /// Errors first; warnings found along the way follow.
    pub problems: Vec<Problem>,
}

/// Most problems printed for one file; the rest are counted.
pub const MAX_SHOWN: usize = 100;

impl Rejected {
    /// The lines to print for the problems (errors and, if `warnings`, the
    /// warnings too), at most `MAX_SHOWN` and then a count of the rest.
    pub fn lines(&self, warnings: bool) -> Vec<String> {
        let chosen: Vec<&Problem> = self
            .problems
            .iter()
            .filter(|p| warnings || p.is_error())
            .collect();
        let mut out: Vec<String> = chosen
            .iter()
            .take(MAX_SHOWN)
            .map(|p| p.display_in(&self.file))
            .collect();
        if chosen.len() > MAX_SHOWN {
            out.push(format!(
                "{}: … and {} more problems",
                self.file,
                chosen.len() - MAX_SHOWN
            ));
        }
        out
    }
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.lines(false).join("\n"))
    }
}

impl std::error::Error for Rejected {}

/// The nearest of `known` to a misspelt `word`, when one is close enough to
/// be a likely typo.
pub(crate) fn did_you_mean<'a>(
    word: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    let length = word.chars().count();
    known
        .into_iter()
        // The distance is at least the difference in length, so ids far
        // longer or shorter are passed over without comparing them.
        .filter(|k| {
            let n = k.chars().count();
            n.abs_diff(length) <= (n.max(length) / 3).max(1)
        })
        .map(|k| {
            (
                strsim::damerau_levenshtein(&word_lower, &k.to_lowercase()),
                k,
            )
        })
        .filter(|(d, k)| *d <= (k.chars().count().max(word.chars().count()) / 3).max(1))
        .min_by_key(|(d, k)| (*d, *k))
        .map(|(_, k)| k)
}

/// `a, b or c`: a list of choices for a message.
pub(crate) fn one_of<S: AsRef<str>>(items: &[S]) -> String {
    joined(items, "or")
}

/// `a, b and c` (or another last word): a list in words.
pub fn joined<S: AsRef<str>>(items: &[S], last: &str) -> String {
    let parts: Vec<&str> = items.iter().map(|s| s.as_ref()).collect();
    match parts.len() {
        0 => String::new(),
        1 => parts[0].to_string(),
        n => format!("{} {last} {}", parts[..n - 1].join(", "), parts[n - 1]),
    }
}
