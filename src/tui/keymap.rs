//! Turns terminal events into messages. Which keys mean what depends on what is open:
//! the finder takes printable keys as text, the rest of the app as commands.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::{Edit, Msg};
use super::tabs::Tab;

/// What has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    Finder,
}

pub fn to_msg(event: &Event, mode: Mode) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_msg(key, mode),
        Event::Mouse(mouse) => mouse_msg(mouse),
        Event::Resize(w, h) => Some(Msg::Resize(*w, *h)),
        Event::Paste(text) if mode == Mode::Finder => Some(Msg::Paste(text.clone())),
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
        Mode::Finder => finder_key(key, ctrl),
        Mode::Help => match key.code {
            KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') | KeyCode::Enter => Some(Msg::ToggleHelp),
            KeyCode::Char('L') => Some(Msg::ToggleLang),
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
        _ if ctrl => return None,
        KeyCode::Char('q') => Msg::Quit,
        KeyCode::Char(c @ '1'..='5') => Msg::GoTo(Tab::ALL[c as usize - '1' as usize]),
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
        KeyCode::Esc | KeyCode::Backspace => Msg::Back,
        KeyCode::Char('L') => Msg::ToggleLang,
        KeyCode::Char('?') | KeyCode::F(1) => Msg::ToggleHelp,
        KeyCode::Char('y') => Msg::Copy,
        KeyCode::Char('/') => Msg::OpenFinder,
        _ => return None,
    };
    Some(msg)
}

fn finder_key(key: &KeyEvent, ctrl: bool) -> Option<Msg> {
    let msg = match key.code {
        KeyCode::Char('n') if ctrl => Msg::Down,
        KeyCode::Char('p') if ctrl => Msg::Up,
        KeyCode::Char('u') if ctrl => Msg::Edit(Edit::ClearBefore),
        KeyCode::Char('a') if ctrl => Msg::Edit(Edit::Home),
        KeyCode::Char('e') if ctrl => Msg::Edit(Edit::End),
        _ if ctrl => return None,
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

/// The help overlay's table: (keys, what they do in Chinese, in English).
pub const HELP: &[(&str, &str, &str)] = &[
    ("1–5  Tab  h/l  ←/→", "切换标签页", "switch tab"),
    ("j/k  ↑/↓", "上下移动", "move down / up"),
    ("g/G  Home/End", "第一项 / 最后一项", "first / last"),
    ("PgUp/PgDn", "翻页", "page up / down"),
    ("J/K  Ctrl-d/u", "滚动详情", "scroll the detail pane"),
    ("Enter", "打开 / 确认 / 跳转", "open / confirm / jump"),
    ("Esc", "返回 / 关闭", "back / close"),
    ("/", "搜索（汉字、拼音、英文）", "search (Hanzi, pinyin, English)"),
    ("y", "复制所选数据及出处", "copy the selection with its citation"),
    ("L", "切换中文 / English", "switch 中文 / English"),
    ("?", "显示 / 关闭帮助", "show / close this help"),
    ("q  Ctrl-c", "退出", "quit"),
    ("Ctrl-z", "挂起（fg 恢复）", "suspend (fg resumes)"),
    ("mouse", "点击选择，滚轮滚动", "click selects, wheel scrolls"),
];
