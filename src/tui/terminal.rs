//! Setting the real terminal up for the app and giving it back: the one
//! place that knows what the app changes (raw mode, the alternate screen,
//! the cursor, mouse reporting, bracketed paste), so every way out or into
//! a pause undoes exactly that.

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use signal_hook::consts::signal::*;

/// Every signal whose default action ends the program and that a program
/// may catch: each is handled as SIGTERM is (the answers saved, the
/// terminal restored, exit status 128 + N). Not here: SIGKILL and SIGSTOP
/// (cannot be caught), faults (SIGSEGV, SIGBUS, ...: the program's own,
/// not a request), and SIGPIPE and SIGXFSZ, which have no effect (Rust
/// ignores SIGPIPE; the binary's `main` catches SIGXFSZ) so that the
/// write that met a closed reader or a file-size limit fails and says so
/// ("NOT saved", exit 1) instead of the program dying in silence.
pub(crate) const ENDING: &[i32] = &[
    SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGIO,
];

/// After `ratatui::try_init` (raw mode, alternate screen): mouse and paste.
pub(crate) fn enter() {
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
}

/// Everything back as the shell expects it: mouse and paste off, the
/// cursor shown, the main screen, cooked mode with echo.
pub fn leave() {
    // The cursor is shown here, not left to `Terminal`'s drop: a pause
    // (Ctrl-Z) keeps the terminal, and the shell's prompt needs a cursor.
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        ratatui::crossterm::cursor::Show
    );
    ratatui::restore();
}

/// Pauses the program as Ctrl-Z does in any other: the terminal is given
/// back, the process stops, and once continued (`fg`) the app's terminal
/// is set up again (the caller redraws).
pub(crate) fn suspend<B: Backend>(_: &mut Terminal<B>) {
    leave();
    // SIGSTOP cannot be caught: the process stops here until SIGCONT.
    let _ = signal_hook::low_level::raise(SIGSTOP);
    let _ = ratatui::crossterm::terminal::enable_raw_mode();
    let _ = execute!(
        std::io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        ratatui::crossterm::cursor::Hide
    );
    enter();
}
