//! The app's state: the data, what is selected, scrolled and open. Drawing and the
//! screen geometry read it; only `update` (in app.rs) changes it.

use std::cell::{Cell, OnceCell};
use std::sync::Arc;
use std::thread::JoinHandle;

use ratatui::layout::Rect;

use super::finder::{self, Finder};
use super::history::History;
use super::i18n;
use super::keymap::Mode;
use super::prompt::ExportPrompt;
use super::reader::{Reading, Shelf};
use super::tabs::sources::Citing;
use super::tabs::trends::Trends;
use super::tabs::{Ctx, Rows, Tab, Target};
use super::theme::Theme;
use crate::compare::Comparison;
use crate::data::{Dataset, Lang};
use crate::search::{Hit, SearchIndex};

pub struct App {
    /// Shared with the thread that may build the index ahead.
    pub data: Arc<Dataset>,
    /// Built when the finder first opens, so start-up does not pay for pinyin; or
    /// ahead, on `building`.
    pub index: Option<SearchIndex>,
    /// A thread building the index before the first search (see `App::index_ahead`).
    pub(super) building: Option<JoinHandle<SearchIndex>>,
    pub lang: Lang,
    pub theme: Theme,
    pub tab: Tab,
    /// The whole terminal.
    pub area: Rect,
    pub rows: [Rows; Tab::ALL.len()],
    /// Selected entry (an ordinal into `rows[tab].entries`) per tab.
    pub sel: [usize; Tab::ALL.len()],
    /// First visible row per tab.
    pub offset: [usize; Tab::ALL.len()],
    /// Lines the detail pane is scrolled by.
    pub scroll: u16,
    /// On a narrow screen the detail replaces the list; this says it is showing.
    pub detail_open: bool,
    /// Sources tab: the records citing the selected source, when listed.
    pub citing: Option<Citing>,
    /// How many figures and dates cite each source: counted once, since counting
    /// them on every frame of a large dataset is too slow to draw.
    pub citations: Vec<usize>,
    /// The timeline's date column in Chinese and in English: its widest date,
    /// measured when the timeline is first drawn.
    date_widths: [OnceCell<usize>; 2],
    /// Which livelihood lists have a "since" column (see `Ctx::dated`).
    dated_lists: OnceCell<Vec<bool>>,
    /// Cells each tab's widest row needs, in Chinese and in English, and whether every
    /// row was measured: measured when first drawn, and again only for a wider pane,
    /// since measuring a large dataset on every frame is too slow to draw and
    /// measuring every tab before the first frame delays it.
    list_needs: [[Cell<Option<Measured>>; Tab::ALL.len()]; 2],
    /// Each tab's place while another shows, and the places jumps left.
    pub history: History,
    /// The source pane, in the detail's place.
    pub reading: Option<Reading>,
    /// Where the source documents are, and those read so far.
    pub shelf: Shelf,
    /// The Trends tab's items and order, made when the tab is first shown (see
    /// `App::trends_ready`).
    pub trends: Option<Trends>,
    /// Indicators marked with Space for comparing, in the order marked.
    pub marks: Vec<Target>,
    pub overlay: Overlay,
    /// The finder's queries this session, for ↑ in an empty finder.
    pub queries: finder::History,
    /// A one-off message for the status line ("Copied …").
    pub status: Option<String>,
    /// Changes whenever what lies under the finder may have changed, so that drawing
    /// can keep it while the finder alone changes (see `ui::Painter`).
    pub(super) scene: u64,
    pub quit: bool,
}

/// The cells a list's widest row needs, or at least needs when not `whole`ly measured.
#[derive(Clone, Copy)]
struct Measured {
    cells: usize,
    whole: bool,
}

/// What is open over the tabs, and has the keyboard.
pub enum Overlay {
    None,
    /// The key help, scrolled by this many lines.
    Help(usize),
    Finder(Finder),
    /// The export prompt, over what it was opened from (the finder, the comparison,
    /// or nothing), which it goes back to.
    Export {
        prompt: ExportPrompt,
        under: Box<Overlay>,
    },
    /// The marked indicators compared.
    Compare(Comparison),
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
            sel: [0; Tab::ALL.len()],
            offset: [0; Tab::ALL.len()],
            scroll: 0,
            detail_open: false,
            citing: None,
            citations,
            date_widths: Default::default(),
            dated_lists: OnceCell::new(),
            list_needs: Default::default(),
            history: History::default(),
            reading: None,
            shelf: Shelf::default(),
            trends: None,
            marks: Vec::new(),
            overlay: Overlay::None,
            queries: finder::History::default(),
            status: None,
            scene: 0,
            quit: false,
        }
    }

    pub fn mode(&self) -> Mode {
        match self.overlay {
            Overlay::None => Mode::Normal,
            Overlay::Help(_) => Mode::Help,
            Overlay::Finder(_) => Mode::Finder,
            Overlay::Export { .. } => Mode::Export,
            Overlay::Compare(_) => Mode::Compare,
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

    /// What the tabs read to show a record.
    pub fn ctx(&self) -> Ctx<'_> {
        let date_width = i18n::pick(self.lang, self.date_widths.each_ref());
        Ctx {
            data: &self.data,
            lang: self.lang,
            theme: &self.theme,
            citations: &self.citations,
            date_width,
            dated_lists: &self.dated_lists,
        }
    }

    /// Cells the current tab's widest row needs in the current language, or `enough`
    /// or more (see `Rows::need`).
    pub fn list_need(&self, enough: usize) -> usize {
        let known = &i18n::pick(self.lang, self.list_needs.each_ref())[self.tab.index()];
        match known.get() {
            // Measured whole, or as far as this asks.
            Some(m) if m.whole || m.cells >= enough => m.cells,
            _ => {
                let cells = self.rows[self.tab.index()].need(&self.ctx(), enough);
                known.set(Some(Measured { cells, whole: cells < enough }));
                cells
            }
        }
    }
}
