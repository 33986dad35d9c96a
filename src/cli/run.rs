//! `crossroads run [ASSESSMENT] [--session PATH] [--theme ...]`: the
//! terminal app, with the session found, checked and resumed here.

use super::Failure;
use crossroads::session::{self, Meta};
use crossroads::tui::app::{App, Resume, Saving};
use crossroads::tui::theme::{Theme, ThemeName};
use crossroads::tui::{self, Ending};
use crossroads::{answers::Answers, sanitize, source};
use std::io::IsTerminal;
use std::path::PathBuf;

/// Runs an assessment in the terminal. Returns the exit status to use.
pub fn run(
    assessment: &str,
    session_path: Option<PathBuf>,
    theme: ThemeName,
) -> Result<u8, Failure> {
    let (mut a, src, _) = source::load(assessment)?;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Failure::Invalid(
            "crossroads run needs a terminal on standard input and output; to score a file of answers use `crossroads score`".into(),
        ));
    }
    let fingerprint = session::fingerprint(&src.bytes);
    let path = session_path
        .or_else(|| session::default_path(&a.id))
        .unwrap_or_else(|| PathBuf::from(format!("crossroads-{}.yaml", a.id)));
    let mut answers = Answers::new(a.questions.len());
    let mut resume = None;
    let mut meta = Meta {
        assessment_path: src.path.as_ref().map(|p| {
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string()
        }),
        bundled: src.bundled.map(str::to_string),
        ..Meta::default()
    };
    let mut backed_up = None;
    if path.exists() {
        let loaded =
            session::load(&path, &a, &fingerprint).map_err(|e| Failure::Invalid(e.to_string()))?;
        let changed = match &loaded.changed {
            None => None,
            Some(c) => {
                let backup = session::backup(&path)
                    .map_err(|e| Failure::Invalid(format!("the assessment changed since {} was saved, and a backup of it could not be made ({e}); it was left untouched", path.display())))?;
                let dropped = if c.dropped.is_empty() {
                    String::new()
                } else {
                    format!(
                        " Answers no longer valid were set aside: {}.",
                        c.dropped.join(", ")
                    )
                };
                let text = format!(
                    "The assessment changed since this session was saved: {} answers kept.{dropped} The old file is backed up at {}.",
                    c.kept,
                    backup.display()
                );
                backed_up = Some(backup);
                Some(text)
            }
        };
        let answered = loaded.answers.count();
        if answered > 0 || loaded.meta.complete || changed.is_some() {
            resume = Some(Resume {
                answered,
                updated: loaded.meta.updated.clone(),
                changed,
            });
        }
        answers = loaded.answers;
        meta = Meta {
            assessment_path: meta.assessment_path,
            bundled: meta.bundled,
            ..loaded.meta
        };
    }
    meta.fingerprint = fingerprint;
    sanitize::assessment(&mut a);
    let saving = Saving {
        path: Some(path.clone()),
        meta,
        error: None,
        backed_up,
    };
    let mut app = App::new(
        a,
        answers,
        saving,
        Theme::pick(theme, Theme::no_color_requested()),
    );
    app.resume = resume;
    let ending = tui::run(&mut app)
        .map_err(|e| Failure::Invalid(format!("the terminal could not be used: {e}")))?;
    if let Some(e) = &app.saving.error {
        eprintln!("{e}");
    } else if app.answers.count() > 0 {
        println!("Your answers are saved in {}", path.display());
        println!(
            "Score them any time: crossroads score {} --answers {}",
            app.saving.meta.score_target(&app.assessment.id),
            path.display()
        );
    }
    Ok(match ending {
        Ending::Signal(sig) => 128 + sig as u8,
        Ending::Quit | Ending::InputClosed => 0,
    })
}
