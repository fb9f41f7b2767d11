//! Setting the terminal up and giving it back. Every exit path goes through
//! `restore`, which also turns mouse capture off and shows the cursor (ratatui's own
//! restore does neither): a normal quit, an error, a panic on any thread (the hook
//! restores before the message prints), SIGTERM, SIGHUP and SIGINT (a watcher thread
//! restores, then exits), and Ctrl-Z (restored while suspended, set up again after).

use std::io::{self, Stdout, Write, stdout};
use std::sync::{Mutex, Once};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Held while a frame is written, so a signal's restore never lands mid-frame.
pub static OUTPUT: Mutex<()> = Mutex::new(());

/// Raw mode, the alternate screen, mouse capture and bracketed paste; the panic hook
/// and the signal watcher are installed first.
pub fn init() -> io::Result<Term> {
    install_panic_hook();
    watch_signals()?;
    enter().inspect_err(|_| restore())?;
    Terminal::new(CrosstermBackend::new(stdout())).inspect_err(|_| restore())
}

fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste)
}

/// Undoes `init`. Safe to call more than once, and when `init` got only part way.
pub fn restore() {
    let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = stdout().flush();
}

/// Ctrl-Z: give the terminal back, stop as the shell expects, and set it up again
/// when continued. Without job control (no shell to stop for) the system ignores
/// the stop and the program simply carries on.
pub fn suspend(terminal: &mut Term) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(SIGTSTP)?;
    enter()?;
    // Resizing clears the screen and forgets the last frame, so the next draw is
    // whole; unlike `Terminal::clear` it asks the terminal nothing.
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

/// Restores the terminal before the panic message prints, so the message is readable
/// and the shell usable. Release builds abort on panic, so any panic, on any thread,
/// ends the program: restoring is always right.
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

/// On SIGTERM, SIGHUP or SIGINT: wait for any frame being written, restore, and exit
/// with 128 + the signal's number, as shells expect.
fn watch_signals() -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _frame = OUTPUT.lock().unwrap_or_else(|e| e.into_inner());
            restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}
