//! The full-screen browser. Events become messages, `App::update` changes the state,
//! `ui::draw` only reads it.

pub mod action;
pub mod app;
pub mod cite;
mod export;
pub mod finder;
pub mod geometry;
pub mod history;
pub mod i18n;
pub mod input;
pub mod keymap;
mod marks;
pub mod nav;
pub mod prompt;
pub mod reader;
mod reading;
pub mod state;
pub mod tabs;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod widgets;

use std::io::{self, Write};
use std::time::Duration;

use ratatui::crossterm::clipboard::CopyToClipboard;
use ratatui::crossterm::{event, execute};
use ratatui::layout::Rect;

use self::action::Effect;
use self::app::App;
use self::reader::Shelf;
use self::theme::Theme;
use crate::data::{Dataset, Lang};
use crate::docs::{Docs, DocsError};

/// From this many records the search index is built on a thread from the start, not
/// when the finder first opens, where building it would stall the first keystroke.
const INDEX_AHEAD_FROM: usize = 20_000;

/// Runs the browser until the user quits; the terminal is restored on every path.
/// `docs` is where the source documents are, or why they are not at hand.
pub fn run(data: Dataset, lang: Lang, docs: Result<Docs, DocsError>) -> io::Result<()> {
    let mut terminal = terminal::init()?;
    let result = event_loop(&mut terminal, data, lang, Shelf::new(docs));
    // What a failed frame left in the buffer goes to the alternate screen, before it
    // is left, not after.
    let _ = terminal.backend_mut().flush();
    terminal::restore();
    result
}

fn event_loop(terminal: &mut terminal::Term, data: Dataset, lang: Lang, shelf: Shelf) -> io::Result<()> {
    let size = terminal.size()?;
    let mut app = App::new(data, lang, Theme::from_env(), Rect::new(0, 0, size.width, size.height));
    app.shelf = shelf;
    if app.data.records().count() >= INDEX_AHEAD_FROM {
        app.index_ahead();
    }
    let mut fault = Fault::from_env();
    let mut painter = ui::Painter::default();
    loop {
        {
            let _frame = terminal::OUTPUT.lock().unwrap_or_else(|e| e.into_inner());
            terminal::redraw_if_stopped(terminal)?;
            terminal.draw(|frame| painter.draw(&app, frame))?;
        }
        if let Some(f) = fault.take() {
            f.trigger()?;
        }
        // Handle everything already waiting before drawing again, so a burst of
        // keys or a drag of the window costs one frame.
        let mut next = Some(event::read()?);
        while let Some(ev) = next {
            if let Some(msg) = keymap::to_msg(&ev, app.mode())
                && let Some(effect) = app.update(msg)
            {
                perform(effect, terminal)?;
            }
            if app.quit {
                return Ok(());
            }
            next = if event::poll(Duration::ZERO)? { Some(event::read()?) } else { None };
        }
    }
}

fn perform(effect: Effect, terminal: &mut terminal::Term) -> io::Result<()> {
    match effect {
        // OSC 52: the terminal puts the text on the system clipboard.
        Effect::Copy(text) => execute!(terminal.backend_mut(), CopyToClipboard::to_clipboard_from(text)),
        Effect::Suspend => terminal::suspend(),
    }
}

/// A failure injected after the first frame, so the tests can check that every exit
/// path gives the terminal back: `LIUZHOU_TUI_FAULT=error|panic|thread-panic`.
#[derive(Clone, Copy)]
enum Fault {
    Error,
    Panic,
    ThreadPanic,
}

impl Fault {
    fn from_env() -> Option<Fault> {
        match std::env::var("LIUZHOU_TUI_FAULT").ok()?.as_str() {
            "error" => Some(Fault::Error),
            "panic" => Some(Fault::Panic),
            "thread-panic" => Some(Fault::ThreadPanic),
            _ => None,
        }
    }

    fn trigger(self) -> io::Result<()> {
        match self {
            Fault::Error => Err(io::Error::other("injected fault (LIUZHOU_TUI_FAULT=error)")),
            Fault::Panic => panic!("injected fault (LIUZHOU_TUI_FAULT=panic)"),
            Fault::ThreadPanic => {
                let worker = std::thread::spawn(|| panic!("injected fault (LIUZHOU_TUI_FAULT=thread-panic)"));
                // A worker's panic ends the program, as it would under panic = "abort".
                let Err(payload) = worker.join();
                std::panic::resume_unwind(payload)
            }
        }
    }
}
