//! `crossroads validate FILE... [--format text|json]`

use super::{Failure, exit, output};
use crossroads::assessment::problem::{Problem, Severity};
use std::io::IsTerminal;
use std::path::PathBuf;

/// Checks each file. Text: every problem on stderr as `file:line:col:
/// error: ...` (with the line underlined when stderr is a terminal) and a
/// summary; JSON: one object per problem on stdout, for editors and CI.
pub fn run(files: &[PathBuf], json: bool) -> Result<(), Failure> {
    let mut invalid = 0;
    let mut objects = Vec::new();
    let snippets = !json && std::io::stderr().is_terminal();
    for (i, path) in files.iter().enumerate() {
        let name = path.display().to_string();
        let bytes = match crossroads::files::read(path) {
            Ok(b) => b,
            Err(e) => {
                let p = Problem::file_error(format!("cannot read the file: {e}"));
                report(&name, &[p], &[], json, false, &mut objects);
                invalid += 1;
                continue;
            }
        };
        match crossroads::assessment::load(&name, &bytes) {
            Ok((a, warnings)) => {
                report(&name, &warnings, &bytes, json, snippets, &mut objects);
                if !json {
                    output::say(&format!(
                        "{name}: valid ({} questions, {} tracks)",
                        a.questions.len(),
                        a.tracks.len()
                    ))?;
                }
                // The last file's model is held until the command ends.
                if i + 1 == files.len() {
                    exit::leave(a);
                }
            }
            Err(rejected) => {
                invalid += 1;
                if json || snippets {
                    report(
                        &name,
                        &rejected.problems,
                        &bytes,
                        json,
                        snippets,
                        &mut objects,
                    );
                } else {
                    for line in rejected.lines(true) {
                        output::warn(&line);
                    }
                }
            }
        }
    }
    if json {
        let text = serde_json::to_string_pretty(&objects).unwrap_or_default();
        output::print(&text)?;
    }
    if invalid > 0 {
        let n = files.len();
        return Err(Failure::Invalid(format!(
            "{invalid} of {n} file{} invalid",
            if n == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// Prints (or, for JSON, collects) the problems of one file.
fn report(
    name: &str,
    problems: &[Problem],
    bytes: &[u8],
    json: bool,
    snippets: bool,
    objects: &mut Vec<serde_json::Value>,
) {
    for p in problems {
        if json {
            objects.push(object(name, p));
        } else if snippets {
            output::warn(&snippet(name, p, &String::from_utf8_lossy(bytes)));
        } else {
            output::warn(&p.display_in(name));
        }
    }
}

/// A problem for editors: `file`, `line`, `column`, `severity`, `message`,
/// `hint` (line and column null when the problem is about the whole file).
fn object(file: &str, p: &Problem) -> serde_json::Value {
    let (message, hint) = p.message_and_hint();
    let (line, column) = p.line_column().unzip();
    serde_json::json!({
        "file": file,
        "line": line,
        "column": column,
        "severity": if p.is_error() { "error" } else { "warning" },
        "message": crossroads::sanitize::line(&message),
        "hint": hint.map(|h| crossroads::sanitize::line(&h)),
    })
}

/// The problem as rustc shows one: the message, then the file's line with
/// the wrong value underlined and the fix beside it. Colour only when
/// `NO_COLOR` is not set.
fn snippet(file: &str, p: &Problem, text: &str) -> String {
    use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
    let Some((line, column)) = p.line_column() else {
        return p.display_in(file);
    };
    let Some(source) = text.lines().nth(line.saturating_sub(1)) else {
        return p.display_in(file);
    };
    let source = crossroads::sanitize::line(source);
    let start: usize = source
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    let end = start + token_len(&source[start.min(source.len())..]);
    let (message, hint) = p.message_and_hint();
    let message = crossroads::sanitize::line(&message);
    let hint = hint
        .map(|h| crossroads::sanitize::line(&h))
        .unwrap_or_default();
    let level = match p.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let report = [level.primary_title(&message).element(
        Snippet::source(&source)
            .line_start(line)
            .path(file)
            .annotation(AnnotationKind::Primary.span(start..end).label(&hint)),
    )];
    let renderer = if std::env::var_os("NO_COLOR").is_some() {
        Renderer::plain()
    } else {
        Renderer::styled()
    };
    renderer.render(&report).to_string()
}

/// How long the value starting a text is: a quoted text to its closing
/// quote, anything else to the next `,`, `]`, `}`, `#`, `: ` or the line's end.
fn token_len(rest: &str) -> usize {
    let mut chars = rest.char_indices();
    match chars.next() {
        None => 0,
        Some((_, q @ ('"' | '\''))) => chars
            .find(|(_, c)| *c == q)
            .map_or(rest.len(), |(i, c)| i + c.len_utf8()),
        Some(_) => {
            let end = rest.find([',', ']', '}', '#']).unwrap_or(rest.len());
            let end = rest[..end].find(": ").unwrap_or(end);
            rest[..end].trim_end().len().max(1)
        }
    }
}
