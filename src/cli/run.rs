//! `crossroads run [ASSESSMENT] [--session PATH] [--theme ...] [--coach]
//! [--name NAME] [--plain]`: the terminal app, or plain mode.

use super::Failure;
use crossroads::session::open::{self, Options};
use crossroads::tui::app::App;
use crossroads::tui::theme::Theme;
pub use crossroads::tui::theme::ThemeName;
use crossroads::tui::{self, Ending};
use crossroads::{plain, source};
use std::io::IsTerminal;
use std::path::PathBuf;

/// What `run` was asked for.
pub struct RunArgs {
    pub assessment: String,
    pub session: Option<PathBuf>,
    pub theme: ThemeName,
    pub coach: bool,
    pub name: Option<String>,
    pub plain: bool,
}

/// Runs an assessment in the terminal, or line by line. Returns the exit
/// status to use.
pub fn run(args: RunArgs) -> Result<u8, Failure> {
    let (a, src, _) = source::load(&args.assessment)?;
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let plain = args.plain || !terminal;
    if plain && !args.plain {
        super::output::warn(
            "crossroads: standard input or output is not a terminal, so plain mode is used (--plain)",
        );
    }
    let theme = if plain {
        Theme::mono()
    } else {
        Theme::pick(args.theme, Theme::no_color_requested())
    };
    let options = Options {
        session: args.session,
        coach: args.coach,
        name: args.name,
    };
    let (mut session, mut disk) = open::open(a, &src, options).map_err(Failure::Invalid)?;
    if plain {
        let stdin = std::io::stdin();
        let stdout = std::io::stdout();
        let interactive = stdin.is_terminal();
        // Lines are wrapped at words to a terminal's width, so that no
        // word is cut at its edge; a pipe gets them whole.
        let width = stdout
            .is_terminal()
            .then(|| ratatui::crossterm::terminal::size().ok())
            .flatten()
            .map(|(w, _)| usize::from(w));
        plain::run_with(
            &mut session,
            &mut disk,
            stdin.lock(),
            stdout.lock(),
            interactive,
            width,
        )
        .map_err(|e| Failure::Invalid(format!("plain mode stopped: {e}")))?;
        return Ok(0);
    }
    let mut app = App::new(session, disk, theme);
    let ending = tui::run(&mut app)
        .map_err(|e| Failure::Invalid(format!("the terminal could not be used: {e}")))?;
    let (session, disk) = (&app.session, &app.disk);
    if let Some(e) = &disk.error {
        super::output::warn(e);
    } else if let Some(path) = disk.path.as_ref().filter(|_| session.answers().count() > 0) {
        // After the terminal is restored; a closed output loses nothing.
        let _ = super::output::print(&format!(
            "Your answers are saved in {}\nScore them any time: crossroads score {} --answers {}",
            path.display(),
            session.meta().score_target(&session.assessment().id),
            path.display()
        ));
    }
    Ok(match ending {
        Ending::Signal(sig) => 128 + sig as u8,
        Ending::Quit | Ending::InputClosed => 0,
    })
}
