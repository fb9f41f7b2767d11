//! The app's state and `update`, the one place it changes. Drawing only reads it.

use std::sync::Arc;
use std::thread::JoinHandle;

use ratatui::layout::{Position, Rect};
use unicode_segmentation::UnicodeSegmentation;

use super::action::{Edit, Effect, Msg};
use super::keymap::Mode;
use super::tabs::{Row, Rows, Tab, Target};
use super::theme::Theme;
use super::ui;
use crate::data::{Dataset, Lang};
use crate::search::{Hit, SearchIndex};

/// How many finder results are kept and shown at most.
pub const FINDER_LIMIT: usize = 30;

pub struct App {
    /// Shared with the thread that may build the index ahead.
    pub data: Arc<Dataset>,
    /// Built when the finder first opens, so start-up does not pay for pinyin; or
    /// ahead, on `building`.
    pub index: Option<SearchIndex>,
    /// A thread building the index before the first search (see `index_ahead`).
    building: Option<JoinHandle<SearchIndex>>,
    pub lang: Lang,
    pub theme: Theme,
    pub tab: Tab,
    /// The whole terminal.
    pub area: Rect,
    pub rows: [Rows; 5],
    /// Selected entry (an ordinal into `rows[tab].entries`) per tab.
    pub sel: [usize; 5],
    /// First visible row per tab.
    pub offset: [usize; 5],
    /// Lines the detail pane is scrolled by.
    pub scroll: u16,
    /// On a narrow screen the detail replaces the list; this says it is showing.
    pub detail_open: bool,
    /// Sources tab: the records citing the selected source, when listed.
    pub citing: Option<Citing>,
    /// How many figures and dates cite each source: counted once, as a frame that
    /// counted them took 20 ms at 100,000 records.
    pub citations: Vec<usize>,
    pub overlay: Overlay,
    /// A one-off message for the status line ("Copied …").
    pub status: Option<String>,
    pub quit: bool,
}

#[derive(Debug, Clone)]
pub struct Citing {
    /// Each record citing the source, with how many of its figures and dates do.
    pub targets: Vec<(Target, usize)>,
    pub sel: usize,
    pub offset: usize,
}

pub enum Overlay {
    None,
    Help,
    Finder(Finder),
}

pub struct Finder {
    pub input: Input,
    pub hits: Vec<Hit>,
    pub sel: usize,
    pub offset: usize,
}

/// A one-line text field. `cursor` is a byte offset that always sits on a grapheme
/// boundary, so editing never cuts a character in two.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    text: String,
    cursor: usize,
}

impl Input {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Cells from the start of the field to the cursor.
    pub fn cursor_column(&self) -> usize {
        crate::text::width(&self.text[..self.cursor])
    }

    fn edit(&mut self, edit: &Edit) {
        let before = &self.text[..self.cursor];
        let prev = before.grapheme_indices(true).next_back().map_or(0, |(i, _)| i);
        let next = self.text[self.cursor..].graphemes(true).next().map_or(self.cursor, |g| self.cursor + g.len());
        match edit {
            Edit::Insert(c) => self.insert(&c.to_string()),
            Edit::Backspace => {
                self.text.replace_range(prev..self.cursor, "");
                self.cursor = prev;
            }
            Edit::Delete => self.text.replace_range(self.cursor..next, ""),
            Edit::Left => self.cursor = prev,
            Edit::Right => self.cursor = next,
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::ClearBefore => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
        }
    }

    fn insert(&mut self, s: &str) {
        let clean: String = s.chars().filter(|c| !c.is_control()).collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
        // A combining mark typed after the cursor's character joins it; keep the
        // cursor on a grapheme boundary.
        while !self.text.is_char_boundary(self.cursor) || !is_grapheme_boundary(&self.text, self.cursor) {
            self.cursor += 1;
        }
    }
}

fn is_grapheme_boundary(s: &str, at: usize) -> bool {
    at == s.len() || s.grapheme_indices(true).any(|(i, _)| i == at)
}

impl App {
    pub fn new(data: Dataset, lang: Lang, theme: Theme, area: Rect) -> App {
        let rows = Rows::all(&data);
        let citations = data.citation_counts();
        App {
            data: Arc::new(data),
            index: None,
            building: None,
            lang,
            theme,
            tab: Tab::Industry,
            area,
            rows,
            sel: [0; 5],
            offset: [0; 5],
            scroll: 0,
            detail_open: false,
            citing: None,
            citations,
            overlay: Overlay::None,
            status: None,
            quit: false,
        }
    }

    pub fn mode(&self) -> Mode {
        match self.overlay {
            Overlay::None => Mode::Normal,
            Overlay::Help => Mode::Help,
            Overlay::Finder(_) => Mode::Finder,
        }
    }

    /// Starts building the search index on a thread, so that the first search of a
    /// large dataset need not wait for it (100,000 records take about a second).
    pub fn index_ahead(&mut self) {
        if self.index.is_none() && self.building.is_none() {
            let data = Arc::clone(&self.data);
            let thread = std::thread::Builder::new().name("search index".to_owned());
            // Without a thread, the index is built on the first search as usual.
            self.building = thread.spawn(move || SearchIndex::new(&data)).ok();
        }
    }

    /// The index built ahead, waited for; else one built now.
    fn ensure_index(&mut self) {
        if self.index.is_none() {
            let ahead = self.building.take().and_then(|thread| thread.join().ok());
            self.index = Some(ahead.unwrap_or_else(|| SearchIndex::new(&self.data)));
        }
    }

    /// The selected record of the current tab.
    pub fn selected(&self) -> Option<Target> {
        let t = self.tab.index();
        self.rows[t].target(self.sel[t])
    }

    /// The record a search hit stands for.
    pub fn search_target(&self, hit: &Hit) -> Option<Target> {
        Target::of(hit.entry, &self.data)
    }

    pub fn update(&mut self, msg: Msg) -> Option<Effect> {
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
                Overlay::Help => {
                    match msg {
                        Msg::ToggleHelp | Msg::Back | Msg::Click { .. } => self.overlay = Overlay::None,
                        Msg::ToggleLang => self.lang = self.lang.toggle(),
                        _ => {}
                    }
                    None
                }
                Overlay::Finder(_) => {
                    self.finder(msg);
                    None
                }
                Overlay::None => self.normal(msg),
            },
        }
    }

    fn normal(&mut self, msg: Msg) -> Option<Effect> {
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
            Msg::Back => {
                if self.citing.is_some() {
                    self.citing = None;
                } else {
                    self.detail_open = false;
                }
                self.scroll = 0;
            }
            Msg::ToggleLang => {
                self.lang = self.lang.toggle();
                self.keep_visible();
            }
            Msg::ToggleHelp => self.overlay = Overlay::Help,
            Msg::OpenFinder => {
                self.ensure_index();
                self.overlay = Overlay::Finder(Finder { input: Input::default(), hits: Vec::new(), sel: 0, offset: 0 })
            }
            Msg::Copy => return self.copy(),
            Msg::Click { x, y } => self.click(x, y),
            Msg::Wheel { x, y, down } => {
                let n = if down { 3 } else { -3 };
                match ui::hit(self, Position::new(x, y)) {
                    Some(ui::Hit::Detail) => self.scroll_by(n as i32),
                    Some(ui::Hit::List(_)) => self.step(n),
                    _ => {}
                }
            }
            Msg::Quit | Msg::Resize(..) | Msg::Suspend | Msg::Edit(_) | Msg::Paste(_) => {}
        }
        None
    }

    fn go_to(&mut self, tab: Tab) {
        self.tab = tab;
        self.scroll = 0;
        self.detail_open = false;
        self.citing = None;
        self.keep_visible();
    }

    /// In a narrow layout with the detail showing, arrows scroll it; on the Sources tab
    /// with citing records listed, they move in that list; otherwise in the tab's list.
    fn step(&mut self, by: i64) {
        if self.detail_open && ui::is_narrow(self) && self.citing.is_none() {
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
        ui::list_area(self).map_or(1, |a| usize::from(a.height).max(1))
    }

    fn scroll_by(&mut self, n: i32) {
        let max = ui::max_scroll(self);
        self.scroll = (i32::from(self.scroll) + n).clamp(0, i32::from(max)) as u16;
    }

    fn enter(&mut self) {
        match (self.tab, &self.citing) {
            (Tab::Sources, None) => {
                if let Some(Target::Source(s)) = self.selected() {
                    let id = &self.data.sources[s].id;
                    let targets = self
                        .data
                        .citing(id)
                        .into_iter()
                        .filter_map(|c| Target::of(c.ordinal, &self.data).map(|t| (t, c.count)))
                        .collect();
                    self.citing = Some(Citing { targets, sel: 0, offset: 0 });
                    self.scroll = 0;
                }
            }
            (Tab::Sources, Some(c)) => {
                if let Some(&(target, _)) = c.targets.get(c.sel) {
                    self.jump(target);
                }
            }
            _ => self.detail_open = true,
        }
        self.keep_visible();
    }

    /// Shows `target` selected in its tab.
    pub fn jump(&mut self, target: Target) {
        self.go_to(target.tab());
        let t = self.tab.index();
        if let Some(pos) = self.rows[t].position(target) {
            self.sel[t] = pos;
        }
        self.keep_visible();
    }

    fn click(&mut self, x: u16, y: u16) {
        match ui::hit(self, Position::new(x, y)) {
            Some(ui::Hit::Tab(tab)) => self.go_to(tab),
            Some(ui::Hit::List(row)) => {
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
        let results_height = ui::finder_results_height(self);
        self.ensure_index();
        let (Overlay::Finder(f), Some(index)) = (&mut self.overlay, self.index.as_mut()) else {
            return;
        };
        match msg {
            Msg::Edit(edit) => {
                f.input.edit(&edit);
                f.hits = index.search(f.input.text(), FINDER_LIMIT);
                (f.sel, f.offset) = (0, 0);
            }
            Msg::Paste(text) => {
                f.input.insert(&text);
                f.hits = index.search(f.input.text(), FINDER_LIMIT);
                (f.sel, f.offset) = (0, 0);
            }
            Msg::Up | Msg::Wheel { down: false, .. } => f.sel = clamp_step(f.sel, -1, f.hits.len()),
            Msg::Down | Msg::Wheel { down: true, .. } => f.sel = clamp_step(f.sel, 1, f.hits.len()),
            Msg::PageUp => f.sel = clamp_step(f.sel, -(results_height as i64), f.hits.len()),
            Msg::PageDown => f.sel = clamp_step(f.sel, results_height as i64, f.hits.len()),
            Msg::Enter => {
                let target = f.hits.get(f.sel).and_then(|h| Target::of(h.entry, &self.data));
                self.overlay = Overlay::None;
                if let Some(target) = target {
                    self.jump(target);
                }
                return;
            }
            Msg::Back => {
                self.overlay = Overlay::None;
                return;
            }
            _ => {}
        }
        let h = results_height.max(1);
        if f.sel < f.offset {
            f.offset = f.sel;
        } else if f.sel >= f.offset + h {
            f.offset = f.sel + 1 - h;
        }
    }

    /// Scrolls the visible list so the selection shows, with its group header when it
    /// is the group's first entry.
    fn keep_visible(&mut self) {
        let Some(area) = ui::list_area(self) else {
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

    fn copy(&mut self) -> Option<Effect> {
        let text = ui::citation(self)?;
        let first = text.lines().next().unwrap_or_default().to_owned();
        self.status = Some(match self.lang {
            Lang::Zh => format!("已复制：{first}"),
            Lang::En => format!("Copied: {first}"),
        });
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_edits_whole_graphemes() {
        let mut input = Input::default();
        for c in "柳州e\u{301}".chars() {
            input.edit(&Edit::Insert(c));
        }
        assert_eq!(input.cursor_column(), 5);
        input.edit(&Edit::Backspace);
        assert_eq!(input.text(), "柳州");
        input.edit(&Edit::Left);
        assert_eq!(input.cursor_column(), 2);
        input.edit(&Edit::Insert('x'));
        assert_eq!(input.text(), "柳x州");
        input.edit(&Edit::Delete);
        assert_eq!(input.text(), "柳x");
        input.edit(&Edit::Home);
        input.edit(&Edit::Delete);
        assert_eq!(input.text(), "x");
        input.edit(&Edit::End);
        input.edit(&Edit::ClearBefore);
        assert_eq!(input.text(), "");
    }
}
