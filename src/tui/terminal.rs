//! Setting the terminal up and giving it back. Every exit path, a panic included,
//! goes through `restore`, which also turns mouse capture off and shows the cursor
//! (ratatui's own restore does neither).

use std::io::{self, Stdout, Write, stdout};
use std::sync::Once;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Raw mode, the alternate screen, mouse capture and bracketed paste.
pub fn init() -> io::Result<Term> {
    install_panic_hook();
    let setup = || -> io::Result<Term> {
        enable_raw_mode()?;
        execute!(stdout(), EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste)?;
        Terminal::new(CrosstermBackend::new(stdout()))
    };
    setup().inspect_err(|_| restore())
}

/// Undoes `init`. Safe to call more than once, and when `init` got only part way.
pub fn restore() {
    let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = stdout().flush();
}

/// Restores the terminal before the panic message prints, so the message is readable
/// and the shell is usable.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
