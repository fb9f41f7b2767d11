//! `update`: the one place the app's state changes, message by message. The state
//! itself is in state.rs, read by drawing; `update` asks `geometry` where things are.

use std::sync::Arc;

use ratatui::layout::{Position, Rect};

use super::action::{Effect, Msg};
use super::finder::{Finder, Outcome, Room};
use super::geometry::{self, Hit};
use super::i18n::Message;
// App is declared, with its fields, in state.rs; here is how it changes.
pub use super::finder::FINDER_LIMIT;
pub use super::state::App;
use super::state::Overlay;
use super::tabs::sources::Citing;
use super::tabs::{Row, Tab, Target};
use crate::search::SearchIndex;

impl App {
    /// Starts building the search index on a thread, so that the first search of a
    /// large dataset need not wait for it (100,000 records take about a second).
    pub fn index_ahead(&mut self) {
        if self.index.is_none() && self.building.is_none() {
            let data = Arc::clone(&self.data);
            let thread = std::thread::Builder::new().name("search index".to_owned());
            // Without a thread, the index is built on the first search as usual.
            self.building = thread.spawn(move || SearchIndex::new(data)).ok();
        }
    }

    /// The index built ahead, waited for; else one built now.
    fn ensure_index(&mut self) {
        if self.index.is_none() {
            let ahead = self.building.take().and_then(|thread| thread.join().ok());
            self.index = Some(ahead.unwrap_or_else(|| SearchIndex::new(Arc::clone(&self.data))));
        }
    }

    pub fn update(&mut self, msg: Msg) -> Option<Effect> {
        // A message the finder keeps changes the finder alone, unless it resizes or
        // shows or clears a status message.
        let quiet_finder = |app: &App| matches!(app.overlay, Overlay::Finder(_)) && app.status.is_none();
        let before = quiet_finder(self) && !matches!(msg, Msg::Resize(..));
        let effect = self.apply(msg);
        if !(before && quiet_finder(self)) {
            self.scene = self.scene.wrapping_add(1);
        }
        effect
    }

    fn apply(&mut self, msg: Msg) -> Option<Effect> {
        if !matches!(msg, Msg::Resize(..)) {
            self.status = None;
        }
        match msg {
            Msg::Quit => {
                self.quit = true;
                None
            }
            Msg::Resize(w, h) => {
                self.area = Rect::new(0, 0, w, h);
                self.keep_visible();
                None
            }
            Msg::Suspend => Some(Effect::Suspend),
            msg => match self.overlay {
                Overlay::Help(scroll) => {
                    let table = geometry::help(self.area, self.lang).1;
                    let (max, page) = (table.max_scroll(), table.area.height as i64);
                    let to = |by: i64| Overlay::Help(scroll.saturating_add_signed(by as isize).min(max));
                    match msg {
                        Msg::ToggleHelp | Msg::Back | Msg::Click { .. } => self.overlay = Overlay::None,
                        Msg::ToggleLang => self.toggle_lang(),
                        Msg::Up | Msg::Wheel { down: false, .. } => self.overlay = to(-1),
                        Msg::Down | Msg::Wheel { down: true, .. } => self.overlay = to(1),
                        Msg::PageUp => self.overlay = to(-page),
                        Msg::PageDown => self.overlay = to(page),
                        Msg::Top => self.overlay = Overlay::Help(0),
                        Msg::Bottom => self.overlay = Overlay::Help(max),
                        _ => {}
                    }
                    None
                }
                Overlay::Finder(_) if msg == Msg::Export => {
                    self.open_export();
                    None
                }
                Overlay::Finder(_) => {
                    self.finder(msg);
                    self.follow();
                    None
                }
                Overlay::Export { .. } => {
                    self.export_key(msg);
                    None
                }
                Overlay::Compare(_) if msg == Msg::Export => {
                    self.open_export();
                    None
                }
                Overlay::Compare(_) => {
                    match msg {
                        Msg::Back | Msg::Compare | Msg::Click { .. } => self.overlay = Overlay::None,
                        Msg::ToggleLang => self.toggle_lang(),
                        _ => {}
                    }
                    None
                }
                Overlay::None => self.normal(msg),
            },
        }
    }

    fn normal(&mut self, msg: Msg) -> Option<Effect> {
        if self.read(&msg) {
            return None;
        }
        match msg {
            Msg::NextTab => self.go_to(self.tab.next()),
            Msg::PrevTab => self.go_to(self.tab.prev()),
            Msg::GoTo(tab) => self.go_to(tab),
            Msg::Up => self.step(-1),
            Msg::Down => self.step(1),
            Msg::PageUp => self.step(-(self.page() as i64)),
            Msg::PageDown => self.step(self.page() as i64),
            Msg::Top => self.step(i64::MIN / 2),
            Msg::Bottom => self.step(i64::MAX / 2),
            Msg::Scroll(n) => self.scroll_by(n),
            Msg::Enter => self.enter(),
            Msg::Back => self.close_or_go_back(),
            Msg::GoBack => {
                if !self.go_back() {
                    self.close_or_go_back();
                }
            }
            Msg::GoForward => self.go_forward(),
            Msg::ToggleLang => {
                self.toggle_lang();
                self.keep_visible();
            }
            Msg::Mark => self.toggle_mark(),
            Msg::Compare => self.open_compare(),
            Msg::Sort => {
                self.order_trends(true);
                self.keep_visible();
            }
            Msg::ToggleHelp => self.overlay = Overlay::Help(0),
            Msg::OpenFinder => {
                self.ensure_index();
                self.overlay = Overlay::Finder(Finder::default())
            }
            Msg::Copy => return self.copy(),
            Msg::Export => self.open_export(),
            Msg::Click { x, y } => self.click(x, y),
            Msg::Wheel { x, y, down } => {
                let n = if down { 3 } else { -3 };
                match geometry::hit(self, Position::new(x, y)) {
                    Some(Hit::Detail) => self.scroll_by(n as i32),
                    Some(Hit::List(_)) => self.step(n),
                    _ => {}
                }
            }
            Msg::Quit | Msg::Resize(..) | Msg::Suspend | Msg::Edit(_) | Msg::Paste(_) => {}
            Msg::OpenSource | Msg::NextCite | Msg::PrevCite => {}
        }
        // The source pane shows whatever the list now selects.
        self.follow();
        None
    }

    /// In a narrow layout with the detail showing, arrows scroll it; on the Sources tab
    /// with citing records listed, they move in that list; otherwise in the tab's list.
    fn step(&mut self, by: i64) {
        if self.detail_open && geometry::is_narrow(self) && self.citing.is_none() {
            let lines = by.clamp(-10_000, 10_000) as i32;
            self.scroll_by(lines);
            return;
        }
        if let Some(c) = &mut self.citing {
            c.sel = clamp_step(c.sel, by, c.targets.len());
            self.keep_visible();
            return;
        }
        let t = self.tab.index();
        let next = clamp_step(self.sel[t], by, self.rows[t].entries.len());
        if next != self.sel[t] {
            self.sel[t] = next;
            self.scroll = 0;
        }
        self.keep_visible();
    }

    fn page(&self) -> usize {
        geometry::list_area(self).map_or(1, |a| usize::from(a.height).max(1))
    }

    fn scroll_by(&mut self, n: i32) {
        let max = geometry::max_scroll(self);
        self.scroll = (i32::from(self.scroll) + n).clamp(0, i32::from(max)) as u16;
    }

    fn enter(&mut self) {
        match (self.tab, &self.citing) {
            // A narrow screen shows the source itself first, as every tab does.
            (Tab::Sources, None) if geometry::is_narrow(self) && !self.detail_open => self.detail_open = true,
            (Tab::Sources, None) => {
                if let Some(Target::Source(s)) = self.selected() {
                    self.citing = Some(self.history.reopen(s).unwrap_or_else(|| Citing::of(s, &self.data)));
                    self.scroll = 0;
                }
            }
            (Tab::Sources, Some(c)) => {
                if let Some(&(target, _)) = c.targets.get(c.sel) {
                    self.jump(target);
                }
            }
            // Trends lists records shown in other tabs: Enter goes there, with the
            // detail open on a narrow screen.
            (Tab::Trends, _) => {
                if let Some(target) = self.selected() {
                    self.jump(target);
                    self.detail_open = true;
                }
            }
            _ => self.detail_open = true,
        }
        self.keep_visible();
    }

    fn click(&mut self, x: u16, y: u16) {
        match geometry::hit(self, Position::new(x, y)) {
            Some(Hit::Tab(tab)) => self.go_to(tab),
            Some(Hit::List(row)) => {
                if let Some(c) = &mut self.citing {
                    if row < c.targets.len() {
                        c.sel = row;
                    }
                } else {
                    let t = self.tab.index();
                    if let Some(pos) = self.rows[t].entries.iter().position(|&r| r == row)
                        && pos != self.sel[t]
                    {
                        self.sel[t] = pos;
                        self.scroll = 0;
                    }
                }
                self.keep_visible();
            }
            _ => {}
        }
    }

    fn finder(&mut self, msg: Msg) {
        let (area, lang) = (self.area, self.lang);
        self.ensure_index();
        let (Overlay::Finder(f), Some(index)) = (&mut self.overlay, self.index.as_mut()) else {
            return;
        };
        // The help's table is laid out only while it shows, not on every keystroke.
        let help_max = f.help.map_or(0, |_| geometry::finder_help(area, lang).max_scroll());
        let room = Room { page: geometry::finder_results_height(area), help_max };
        match f.update(msg, index, &mut self.queries, room) {
            Outcome::Stay => {}
            Outcome::Close => self.overlay = Overlay::None,
            Outcome::Jump(entry) => {
                self.overlay = Overlay::None;
                if let Some(target) = Target::of(entry, &self.data) {
                    self.jump(target);
                }
            }
        }
    }

    /// Scrolls the visible list so the selection shows, with its group header when it
    /// is the group's first entry.
    pub(super) fn keep_visible(&mut self) {
        let Some(area) = geometry::list_area(self) else {
            return;
        };
        let h = usize::from(area.height).max(1);
        if let Some(c) = &mut self.citing {
            c.offset = visible_offset(c.offset, c.sel, h, false);
            return;
        }
        let t = self.tab.index();
        let rows = &self.rows[t];
        let Some(&row) = rows.entries.get(self.sel[t]) else {
            return;
        };
        let header_above = row > 0 && matches!(rows.rows[row - 1], Row::Header(_));
        self.offset[t] = visible_offset(self.offset[t], row, h, header_above);
        // Never leave blank space below the last row when the list could fill it.
        self.offset[t] = self.offset[t].min(rows.rows.len().saturating_sub(h));
    }

    /// The selection with its citation, for the clipboard.
    fn copy(&mut self) -> Option<Effect> {
        let text = self.selected()?.view(&self.data).citation(&self.ctx());
        self.status = Some(Message::Copied(text.lines().next().unwrap_or_default()).get(self.lang));
        Some(Effect::Copy(text))
    }
}

fn clamp_step(at: usize, by: i64, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (at as i64).saturating_add(by).clamp(0, len as i64 - 1) as usize
}

fn visible_offset(offset: usize, row: usize, height: usize, header_above: bool) -> usize {
    let top = if header_above { row - 1 } else { row };
    if top < offset {
        top
    } else if row >= offset + height {
        row + 1 - height
    } else {
        offset
    }
}
