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

/// After `ratatui::try_init` (raw mode, alternate screen): mouse and paste.
pub fn enter() {
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
}

/// Everything back as the shell expects it: mouse and paste off, the
/// cursor shown, the main screen, cooked mode with echo.
pub fn leave() {
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste
    );
    ratatui::restore();
}

/// Pauses the program as Ctrl-Z does in any other: the terminal is given
/// back, the process stops, and once continued (`fg`) the app's terminal
/// is set up again (the caller redraws).
pub fn suspend<B: Backend>(_: &mut Terminal<B>) {
    leave();
    // SIGSTOP cannot be caught: the process stops here until SIGCONT.
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    let _ = ratatui::crossterm::terminal::enable_raw_mode();
    let _ = execute!(
        std::io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        ratatui::crossterm::cursor::Hide
    );
    enter();
}
