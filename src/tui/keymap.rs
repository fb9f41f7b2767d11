//! Turns terminal events into messages. Which keys mean what depends on what is open:
//! the finder and the export prompt take printable keys as text, the rest of the app
//! as commands.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::{Edit, Msg};
use super::i18n::Label;
use super::tabs::Tab;

/// What has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    Finder,
    /// The export prompt: its path takes printable keys as text, as the finder does.
    Export,
    Compare,
}

pub fn to_msg(event: &Event, mode: Mode) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_msg(key, mode),
        Event::Mouse(mouse) => mouse_msg(mouse),
        Event::Resize(w, h) => Some(Msg::Resize(*w, *h)),
        Event::Paste(text) if matches!(mode, Mode::Finder | Mode::Export) => Some(Msg::Paste(text.clone())),
        _ => None,
    }
}

fn key_msg(key: &KeyEvent, mode: Mode) -> Option<Msg> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Msg::Quit);
    }
    if ctrl && key.code == KeyCode::Char('z') {
        return Some(Msg::Suspend);
    }
    match mode {
        // A path may hold a `?`; only the finder gives it a meaning.
        Mode::Export if key.code == KeyCode::Char('?') => Some(Msg::Edit(Edit::Insert('?'))),
        Mode::Finder | Mode::Export => finder_key(key, ctrl),
        Mode::Help => match key.code {
            KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') | KeyCode::Enter => Some(Msg::ToggleHelp),
            KeyCode::Char('L') => Some(Msg::ToggleLang),
            KeyCode::Char('j') | KeyCode::Down => Some(Msg::Down),
            KeyCode::Char('k') | KeyCode::Up => Some(Msg::Up),
            KeyCode::Char('g') | KeyCode::Home => Some(Msg::Top),
            KeyCode::Char('G') | KeyCode::End => Some(Msg::Bottom),
            KeyCode::PageDown => Some(Msg::PageDown),
            KeyCode::PageUp => Some(Msg::PageUp),
            _ => None,
        },
        Mode::Compare => match key.code {
            KeyCode::Esc | KeyCode::Char('c') | KeyCode::Char('q') | KeyCode::Enter => Some(Msg::Back),
            KeyCode::Char('L') => Some(Msg::ToggleLang),
            KeyCode::Char('e') => Some(Msg::Export),
            _ => None,
        },
        Mode::Normal => normal_key(key, ctrl),
    }
}

fn normal_key(key: &KeyEvent, ctrl: bool) -> Option<Msg> {
    let msg = match key.code {
        KeyCode::Char('d') if ctrl => Msg::Scroll(10),
        KeyCode::Char('u') if ctrl => Msg::Scroll(-10),
        KeyCode::Char('e') if ctrl => Msg::Scroll(1),
        KeyCode::Char('y') if ctrl => Msg::Scroll(-1),
        // Ctrl-h is what some terminals send for Backspace.
        KeyCode::Char('o' | 'h') if ctrl => Msg::GoBack,
        // Most terminals send Ctrl-i as Tab, which switches tabs; Ctrl-i arrives as
        // itself only where the terminal tells them apart, so Ctrl-n goes forward too.
        KeyCode::Char('i' | 'n') if ctrl => Msg::GoForward,
        _ if ctrl => return None,
        KeyCode::Char('q') => Msg::Quit,
        KeyCode::Char(c @ '1'..='9') => Msg::GoTo(*Tab::ALL.get(c as usize - '1' as usize)?),
        KeyCode::Tab | KeyCode::Char('l') | KeyCode::Right => Msg::NextTab,
        KeyCode::BackTab | KeyCode::Char('h') | KeyCode::Left => Msg::PrevTab,
        KeyCode::Char('j') | KeyCode::Down => Msg::Down,
        KeyCode::Char('k') | KeyCode::Up => Msg::Up,
        KeyCode::Char('g') | KeyCode::Home => Msg::Top,
        KeyCode::Char('G') | KeyCode::End => Msg::Bottom,
        KeyCode::PageDown => Msg::PageDown,
        KeyCode::PageUp => Msg::PageUp,
        KeyCode::Char('J') => Msg::Scroll(1),
        KeyCode::Char('K') => Msg::Scroll(-1),
        KeyCode::Enter => Msg::Enter,
        KeyCode::Esc => Msg::Back,
        KeyCode::Backspace => Msg::GoBack,
        KeyCode::Char('L') => Msg::ToggleLang,
        KeyCode::Char('?') | KeyCode::F(1) => Msg::ToggleHelp,
        KeyCode::Char('y') => Msg::Copy,
        KeyCode::Char('o') => Msg::OpenSource,
        KeyCode::Char('n') => Msg::NextCite,
        KeyCode::Char('N') => Msg::PrevCite,
        KeyCode::Char('/') => Msg::OpenFinder,
        KeyCode::Char('e') => Msg::Export,
        KeyCode::Char(' ') => Msg::Mark,
        KeyCode::Char('c') => Msg::Compare,
        KeyCode::Char('s') => Msg::Sort,
        _ => return None,
    };
    Some(msg)
}

fn finder_key(key: &KeyEvent, ctrl: bool) -> Option<Msg> {
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let msg = match key.code {
        KeyCode::Char('n') if ctrl => Msg::Down,
        KeyCode::Char('p') if ctrl => Msg::Up,
        KeyCode::Char('u') if ctrl => Msg::Edit(Edit::ClearBefore),
        KeyCode::Char('k') if ctrl => Msg::Edit(Edit::ClearAfter),
        KeyCode::Char('w') if ctrl => Msg::Edit(Edit::DeleteWord),
        KeyCode::Backspace if alt => Msg::Edit(Edit::DeleteWord),
        KeyCode::Char('b') if alt => Msg::Edit(Edit::WordLeft),
        KeyCode::Char('f') if alt => Msg::Edit(Edit::WordRight),
        KeyCode::Left if ctrl || alt => Msg::Edit(Edit::WordLeft),
        KeyCode::Right if ctrl || alt => Msg::Edit(Edit::WordRight),
        // Alt with any other key is a shortcut this field does not have, not text.
        _ if alt => return None,
        KeyCode::Char('a') if ctrl => Msg::Edit(Edit::Home),
        KeyCode::Char('e') if ctrl => Msg::Edit(Edit::End),
        // `e` is text here; Ctrl-s ("save") exports the results.
        KeyCode::Char('s') if ctrl => Msg::Export,
        _ if ctrl => return None,
        // The query language has no use for "?": it opens the language's help.
        KeyCode::Char('?') => Msg::ToggleHelp,
        KeyCode::Char(c) => Msg::Edit(Edit::Insert(c)),
        KeyCode::Backspace => Msg::Edit(Edit::Backspace),
        KeyCode::Delete => Msg::Edit(Edit::Delete),
        KeyCode::Left => Msg::Edit(Edit::Left),
        KeyCode::Right => Msg::Edit(Edit::Right),
        KeyCode::Home => Msg::Edit(Edit::Home),
        KeyCode::End => Msg::Edit(Edit::End),
        KeyCode::Down | KeyCode::Tab => Msg::Down,
        KeyCode::Up | KeyCode::BackTab => Msg::Up,
        KeyCode::PageDown => Msg::PageDown,
        KeyCode::PageUp => Msg::PageUp,
        KeyCode::Enter => Msg::Enter,
        KeyCode::Esc => Msg::Back,
        _ => return None,
    };
    Some(msg)
}

fn mouse_msg(mouse: &MouseEvent) -> Option<Msg> {
    let (x, y) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click { x, y }),
        MouseEventKind::ScrollDown => Some(Msg::Wheel { x, y, down: true }),
        MouseEventKind::ScrollUp => Some(Msg::Wheel { x, y, down: false }),
        _ => None,
    }
}

/// Every key the help overlay lists, with what it does: the one list of keys, which
/// the README's key table must match (a test checks).
pub const HELP: &[(&str, Label)] = &[
    ("1–6  Tab  h/l  ←/→", Label::HelpSwitchTab),
    ("j/k  ↑/↓", Label::HelpMove),
    ("g/G  Home/End", Label::HelpFirstLast),
    ("PgUp/PgDn", Label::HelpPage),
    ("J/K  Ctrl-d/u", Label::HelpScroll),
    ("Enter", Label::HelpEnter),
    ("Esc", Label::HelpBack),
    ("Ctrl-o  Backspace", Label::HelpJumpBack),
    ("Ctrl-i  Ctrl-n", Label::HelpJumpForward),
    ("/", Label::HelpSearch),
    ("y", Label::HelpCopy),
    ("e  Ctrl-s", Label::HelpExport),
    ("o", Label::HelpOpenSource),
    ("n/N", Label::HelpNextCite),
    ("Space", Label::HelpMark),
    ("c", Label::HelpCompare),
    ("s", Label::HelpSort),
    ("L", Label::HelpLanguage),
    ("?", Label::HelpHelp),
    ("q  Ctrl-c", Label::HelpQuit),
    ("Ctrl-z", Label::HelpSuspend),
    ("mouse", Label::HelpMouse),
];
