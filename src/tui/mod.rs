//! The full-screen browser. Events become messages, `App::update` changes the state,
//! `ui::draw` only reads it.

pub mod action;
pub mod app;
pub mod keymap;
pub mod tabs;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod widgets;

use std::io::{self, Write};
use std::time::Duration;

use base64::Engine;
use ratatui::crossterm::event;
use ratatui::layout::Rect;

use self::action::Effect;
use self::app::App;
use self::theme::Theme;
use crate::data::{Dataset, Lang};

/// Runs the browser until the user quits; the terminal is restored on every path.
pub fn run(data: Dataset, lang: Lang) -> io::Result<()> {
    let mut terminal = terminal::init()?;
    let result = event_loop(&mut terminal, data, lang);
    terminal::restore();
    result
}

fn event_loop(terminal: &mut terminal::Term, data: Dataset, lang: Lang) -> io::Result<()> {
    let size = terminal.size()?;
    let mut app = App::new(data, lang, Theme::from_env(), Rect::new(0, 0, size.width, size.height));
    loop {
        terminal.draw(|frame| ui::draw(&app, frame))?;
        // Handle everything already waiting before drawing again, so a burst of
        // keys or a drag of the window costs one frame.
        let mut next = Some(event::read()?);
        while let Some(ev) = next {
            if let Some(msg) = keymap::to_msg(&ev, app.mode())
                && let Some(effect) = app.update(msg)
            {
                perform(effect, terminal.backend_mut())?;
            }
            if app.quit {
                return Ok(());
            }
            next = if event::poll(Duration::ZERO)? { Some(event::read()?) } else { None };
        }
    }
}

fn perform(effect: Effect, out: &mut impl Write) -> io::Result<()> {
    match effect {
        Effect::Copy(text) => {
            // OSC 52: the terminal puts the text on the system clipboard.
            let encoded = base64::engine::general_purpose::STANDARD.encode(text);
            write!(out, "\x1b]52;c;{encoded}\x07")?;
            out.flush()
        }
    }
}
