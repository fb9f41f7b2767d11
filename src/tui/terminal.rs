//! Setting the terminal up and giving it back. Every exit path goes through
//! `restore`, which also turns mouse capture off and shows the cursor (ratatui's own
//! restore does neither): a normal quit, an error, a panic on any thread (the hook
//! restores before the message prints), SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1 and
//! SIGALRM (a watcher thread restores, then exits), and a stop, by Ctrl-Z or by SIGTSTP
//! from elsewhere (restored while stopped, set up again after).

use std::io::{self, BufWriter, Stdout, Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use signal_hook::consts::{SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGWINCH};
use signal_hook::iterator::Signals;

/// Frames are written through a buffer as large as a big frame and flushed once each,
/// so that a frame is one write, not a lock and a write for each cell's escape codes.
pub type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Held while a frame is written, so a signal's restore never lands mid-frame.
pub static OUTPUT: Mutex<()> = Mutex::new(());

/// Raw mode, the alternate screen, mouse capture and bracketed paste; the panic hook
/// and the signal watcher are installed first.
pub fn init() -> io::Result<Term> {
    install_panic_hook();
    watch_signals()?;
    enter().inspect_err(|_| restore())?;
    Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(1 << 16, stdout()))).inspect_err(|_| restore())
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

/// Set when the terminal was given back and taken again: the screen is blank, so the
/// next frame must be drawn whole.
static REDRAW: AtomicBool = AtomicBool::new(false);

/// Ctrl-Z: stops the program as SIGTSTP from elsewhere does (see `watch_signals`).
pub fn suspend() -> io::Result<()> {
    signal_hook::low_level::raise(SIGTSTP)
}

/// After a stop, makes the next draw whole: resizing clears the screen and forgets
/// the last frame, and unlike `Terminal::clear` it asks the terminal nothing.
pub fn redraw_if_stopped(terminal: &mut Term) -> io::Result<()> {
    if REDRAW.swap(false, Ordering::Relaxed) {
        let size = terminal.size()?;
        terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    }
    Ok(())
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

/// On SIGTSTP: wait for any frame being written, give the terminal back, stop, and
/// once continued set it up again and wake the event loop (a SIGWINCH becomes a
/// resize event) to draw whole. On a signal that ends the program: restore, and exit
/// with 128 + the signal's number, as shells expect.
fn watch_signals() -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGALRM, SIGTSTP])?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let frame = OUTPUT.lock().unwrap_or_else(|e| e.into_inner());
            restore();
            if signal != SIGTSTP {
                std::process::exit(128 + signal);
            }
            // Stops the whole process; returns when it is continued.
            let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
            let _ = enter();
            REDRAW.store(true, Ordering::Relaxed);
            drop(frame);
            let _ = signal_hook::low_level::raise(SIGWINCH);
        }
    });
    Ok(())
}
