//! `crossroads run [ASSESSMENT] [--session PATH] [--theme ...] [--coach]
//! [--person NAME] [--plain]`: the terminal app, or plain mode.

use super::Failure;
use crossroads::session::disk::Disk;
use crossroads::session::open::{self, Options};
use crossroads::session::{Session, people};
use crossroads::tui::app::App;
use crossroads::tui::theme::Theme;
pub use crossroads::tui::theme::ThemeName;
use crossroads::tui::{self, Ending};
use crossroads::{plain, source};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// What `run` was asked for.
pub(crate) struct RunArgs {
    pub assessment: String,
    pub session: Option<PathBuf>,
    pub theme: ThemeName,
    pub coach: bool,
    /// The person (`--person`, alias `--name`).
    pub name: Option<String>,
    pub plain: bool,
    /// A live session on two screens, listening here (`--share`).
    pub share: Option<std::net::SocketAddr>,
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
    for warning in &disk.warnings {
        super::output::warn(warning);
    }
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
        // Plain mode said it on its output; the status says it too.
        return Ok(if disk.unsaved().is_some() { 1 } else { 0 });
    }
    let mut app = App::new(session, disk, theme);
    let ending = match args.share {
        None => tui::run(&mut app),
        Some(address) => run_shared(&mut app, address)?,
    }
    .map_err(|e| Failure::Invalid(format!("the terminal could not be used: {e}")))?;
    // After the terminal is restored; a closed output loses nothing.
    let unsaved = app.disk.unsaved();
    match &unsaved {
        Some(sentence) => super::output::warn(sentence),
        None => {
            // A coach whose live scores were hidden keeps the result off
            // the shared terminal too.
            let result_shown = !app.session.is_coach() || app.scores_on_screen();
            if let Some(text) = closing(&app.session, &app.disk, result_shown) {
                let _ = super::output::print(&text);
            }
        }
    }
    Ok(match ending {
        Ending::Signal(sig) => 128 + sig as u8,
        Ending::Quit | Ending::InputClosed if unsaved.is_some() => 1,
        Ending::Quit | Ending::InputClosed => 0,
    })
}

/// Runs the coach's app with the mentee's screen beside it, served over
/// SSH on `address`. A listener that cannot start is said before the
/// terminal is taken, and nothing has changed.
fn run_shared(
    app: &mut App,
    address: std::net::SocketAddr,
) -> Result<anyhow::Result<Ending>, Failure> {
    use crossroads::share;
    let key_path = share::host_key::default_path().ok_or_else(|| {
        Failure::Invalid("no data folder for the host key (set XDG_DATA_HOME)".into())
    })?;
    let (tx, rx) = std::sync::mpsc::channel();
    let send = tx.clone();
    let mut mentee = share::start(app, address, &key_path, move |event| {
        let _ = send.send(tui::Input::Beside(event));
    })
    .map_err(|e| Failure::Invalid(format!("the live session could not start: {e:#}")))?;
    Ok(tui::run_beside(app, &mut mentee, tx, rx))
}

/// What the terminal shows once the app has ended: the top result in one
/// line and the command that writes this session's report, the path
/// quoted for the shell and on a line of its own, so it copies whole.
fn closing(session: &Session, disk: &Disk, result_shown: bool) -> Option<String> {
    let path = disk
        .path
        .as_ref()
        .filter(|_| session.answers().count() > 0)?;
    let score = crossroads::scoring::score(session.assessment(), session.answers());
    let result = match result_shown {
        true => crossroads::report::headline(session.assessment(), &score),
        false => "Session saved".to_string(),
    };
    Some(format!(
        "{result} ({} of {} answered).\nYour answers are saved in {}\nScore them any time: crossroads score {} --answers {}\nThe report of this session:\n  crossroads report {}",
        score.answered,
        score.total,
        path.display(),
        shell_quoted(Path::new(
            &session.meta().score_target(&session.assessment().id)
        )),
        shell_quoted(path),
        report_target(disk, path)
    ))
}

/// How `crossroads report` names this session: by its id when it is in
/// the data folder (short, so the command fits a line), else by its path.
fn report_target(disk: &Disk, path: &Path) -> String {
    match &disk.people {
        Some(root) if path.starts_with(root) => shell_quoted(Path::new(&people::id_of(root, path))),
        _ => shell_quoted(path),
    }
}

/// A path as one shell word: as it is when it holds only safe characters,
/// otherwise in single quotes (a quote inside written `'\''`).
fn shell_quoted(path: &Path) -> String {
    let text = path.display().to_string();
    let safe = |c: char| c.is_ascii_alphanumeric() || "/._-+=:,@%".contains(c);
    if !text.is_empty() && text.chars().all(safe) {
        text
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}
