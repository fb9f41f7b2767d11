//! The six tabs: their titles and order, the rows each one lists, and the one place a
//! record kind is matched to the tab module that shows it.

pub mod indicators;
pub mod livelihood;
pub mod sources;
pub mod timeline;
pub mod trends;

use std::cell::OnceCell;

use ratatui::text::Line;

use super::i18n::Label;
use super::theme::Theme;
use super::widgets::Detail;
use crate::data::{Dataset, Indicator, Lang, Locus, Record, Text, Theme as DataTheme};

/// The tabs, in the order of their keys 1–6; `ALL` drives the tab bar, the number
/// keys and Tab/Shift-Tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Industry,
    Ecology,
    Timeline,
    Livelihood,
    Trends,
    Sources,
}

impl Tab {
    pub const ALL: [Tab; 6] = [Tab::Industry, Tab::Ecology, Tab::Timeline, Tab::Livelihood, Tab::Trends, Tab::Sources];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn title(self, lang: Lang) -> &'static str {
        let label = match self {
            Tab::Industry => Label::Industry,
            Tab::Ecology => Label::Ecology,
            Tab::Timeline => Label::Timeline,
            Tab::Livelihood => Label::Livelihood,
            Tab::Trends => Label::TrendsTab,
            Tab::Sources => Label::SourcesTab,
        };
        label.get(lang)
    }

    /// The title where the full ones do not all fit the tab bar.
    pub fn short_title(self, lang: Lang) -> &'static str {
        let label = match self {
            Tab::Industry => Label::IndustryShort,
            Tab::Ecology => Label::EcologyShort,
            Tab::Timeline => Label::TimelineShort,
            Tab::Livelihood => Label::LivelihoodShort,
            // Short enough already.
            Tab::Trends => Label::TrendsTab,
            Tab::Sources => Label::SourcesShort,
        };
        label.get(lang)
    }

    pub fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::ALL.len()]
    }

    pub fn prev(self) -> Tab {
        Tab::ALL[(self.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }
}

/// What the tabs read to show a record.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub data: &'a Dataset,
    pub lang: Lang,
    pub theme: &'a Theme,
    /// How many figures and dates cite each source, by the source's position.
    pub citations: &'a [usize],
    /// The timeline's date column, measured when first asked for (see `date_width`).
    pub date_width: &'a OnceCell<usize>,
    /// Which livelihood lists have an item with a "since" year, found when first asked
    /// for (see `dated`).
    pub dated_lists: &'a OnceCell<Vec<bool>>,
}

impl Ctx<'_> {
    /// The timeline's date column: its widest date in this language.
    pub fn date_width(&self) -> usize {
        *self.date_width.get_or_init(|| timeline::date_width(self.data, self.lang))
    }

    /// Whether livelihood list `list` has an item with a "since" year: found once for
    /// every list, not for each row drawn, which would read a long list for every row.
    pub fn dated(&self, list: usize) -> bool {
        let dated = self
            .dated_lists
            .get_or_init(|| self.data.livelihood.iter().map(|l| l.items.iter().any(|i| i.since.is_some())).collect());
        dated.get(list).copied().unwrap_or(false)
    }
}

/// What a record kind shows: its row in a list, its detail, and its citation as text
/// for the clipboard.
pub trait RecordView {
    fn list_line(&self, cx: &Ctx, width: usize) -> Line<'static>;
    /// Cells `list_line` needs to show everything uncut: the list pane grows to the
    /// widest row's need where the screen allows.
    fn list_width(&self, cx: &Ctx) -> usize;
    fn detail(&self, cx: &Ctx, width: usize) -> Detail;
    fn citation(&self, cx: &Ctx) -> String;
    /// The figure that stands for the record and when it holds, for a one-line summary
    /// such as a finder row.
    fn headline(&self, cx: &Ctx) -> Headline;
}

/// A record's headline figure and its year (or an event's or a source's date); either
/// may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headline {
    pub figure: String,
    pub when: String,
}

/// A record a row can point at, by its position in the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Industry(usize),
    Ecology(usize),
    Event(usize),
    Item(usize, usize),
    Source(usize),
}

impl Target {
    pub fn tab(self) -> Tab {
        match self {
            Target::Industry(_) => Tab::Industry,
            Target::Ecology(_) => Tab::Ecology,
            Target::Event(_) => Tab::Timeline,
            Target::Item(..) => Tab::Livelihood,
            Target::Source(_) => Tab::Sources,
        }
    }

    /// Where the `ordinal`th of `Dataset::records` is shown; a list stands for its
    /// first item.
    pub fn of(ordinal: usize, data: &Dataset) -> Option<Target> {
        Some(match data.locus(ordinal)? {
            Locus::Source(i) => Target::Source(i),
            Locus::Industry(i) => Target::Industry(i),
            Locus::Ecology(i) => Target::Ecology(i),
            Locus::Event(i) => Target::Event(i),
            Locus::List(l) if !data.livelihood.get(l)?.items.is_empty() => Target::Item(l, 0),
            Locus::List(_) => return None,
            Locus::Item(l, i) => Target::Item(l, i),
        })
    }

    /// The tab code that shows the record. Drawing and copying reach a record kind's
    /// code only through this match.
    pub fn view(self, data: &Dataset) -> Box<dyn RecordView + '_> {
        match self {
            Target::Industry(i) => Box::new(indicators::IndicatorView(&data.industry[i])),
            Target::Ecology(i) => Box::new(indicators::IndicatorView(&data.ecology[i])),
            Target::Event(i) => Box::new(timeline::EventView(&data.timeline[i])),
            Target::Item(l, i) => Box::new(livelihood::ItemView { list: l, item: i }),
            Target::Source(s) => Box::new(sources::SourceView(s)),
        }
    }

    /// The indicator it points at, if it points at one.
    pub fn indicator(self, data: &Dataset) -> Option<&Indicator> {
        match self {
            Target::Industry(i) => data.industry.get(i),
            Target::Ecology(i) => data.ecology.get(i),
            _ => None,
        }
    }

    /// The dataset id of the record.
    pub fn id(self, data: &Dataset) -> &str {
        self.record(data).map_or("", |r| r.id())
    }

    /// The record it points at.
    pub fn record(self, data: &Dataset) -> Option<Record<'_>> {
        data.record_at(match self {
            Target::Industry(i) => Locus::Industry(i),
            Target::Ecology(i) => Locus::Ecology(i),
            Target::Event(i) => Locus::Event(i),
            Target::Item(l, i) => Locus::Item(l, i),
            Target::Source(i) => Locus::Source(i),
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// A group title; not selectable. Boxed, as there are few: a row is then no larger
    /// than a `Target`, and a large dataset has a row for every record.
    Header(Box<Text>),
    Entry(Target),
}

const _: () = assert!(size_of::<Row>() == size_of::<Target>(), "a row costs what its target does");

/// A tab's list: its rows, and which of them can be selected.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub rows: Vec<Row>,
    /// Indices into `rows` of the entries, in order.
    pub entries: Vec<usize>,
}

impl Rows {
    /// An empty list with room for `headers` and `entries` rows: a large one grown by
    /// doubling would keep room it never uses.
    fn with_capacity(headers: usize, entries: usize) -> Rows {
        Rows { rows: Vec::with_capacity(headers + entries), entries: Vec::with_capacity(entries) }
    }

    fn push(&mut self, row: Row) {
        if matches!(row, Row::Entry(_)) {
            self.entries.push(self.rows.len());
        }
        self.rows.push(row);
    }

    /// The entry ordinal showing `target`, if this list has it.
    pub fn position(&self, target: Target) -> Option<usize> {
        self.entries.iter().position(|&r| self.rows[r] == Row::Entry(target))
    }

    pub fn target(&self, entry: usize) -> Option<Target> {
        match self.rows.get(*self.entries.get(entry)?) {
            Some(Row::Entry(t)) => Some(*t),
            _ => None,
        }
    }

    /// Cells the widest row needs to show everything uncut, or `enough` or more once a
    /// row needs that many: the pane is never wider, and measuring stops there since
    /// each row's figure is formatted to be measured. A list longer than `MEASURED`
    /// rows is measured on that many, evenly spread, since formatting every figure of a
    /// very large list would slow the start; a longer row missed is cut like any row
    /// wider than the pane.
    pub fn need(&self, cx: &Ctx, enough: usize) -> usize {
        const MEASURED: usize = 4096;
        let width = |row: &Row| match row {
            Row::Header(name) => crate::text::width(name.get(cx.lang)),
            Row::Entry(target) => target.view(cx.data).list_width(cx),
        };
        let step = self.rows.len().div_ceil(MEASURED).max(1);
        let mut need = 0;
        for row in self.rows.iter().step_by(step) {
            need = need.max(width(row));
            if need >= enough {
                break;
            }
        }
        need
    }

    /// Builds every tab's rows once, at start, indexed as `Tab::ALL`.
    pub fn all(data: &Dataset) -> [Rows; Tab::ALL.len()] {
        Tab::ALL.map(|tab| match tab {
            Tab::Industry => grouped_indicators(data.industry.iter().map(|i| i.theme), Target::Industry),
            Tab::Ecology => grouped_indicators(data.ecology.iter().map(|i| i.theme), Target::Ecology),
            Tab::Timeline => timeline(data),
            Tab::Livelihood => livelihood(data),
            // Ordered by name in the interface's language: `App::trends_ready` fills it in.
            Tab::Trends => Rows::default(),
            Tab::Sources => Rows {
                rows: (0..data.sources.len()).map(|i| Row::Entry(Target::Source(i))).collect(),
                entries: (0..data.sources.len()).collect(),
            },
        })
    }
}

/// Indicators grouped under their theme, themes in a fixed order, file order within.
fn grouped_indicators(themes: impl Iterator<Item = DataTheme>, target: fn(usize) -> Target) -> Rows {
    let mut indexed: Vec<(DataTheme, usize)> = themes.enumerate().map(|(i, t)| (t, i)).collect();
    indexed.sort(); // stable on (theme, index)
    let mut rows = Rows::with_capacity(indexed.chunk_by(|a, b| a.0 == b.0).count(), indexed.len());
    let mut current = None;
    for (theme, i) in indexed {
        if current != Some(theme) {
            rows.push(Row::Header(Box::new(theme.label())));
            current = Some(theme);
        }
        rows.push(Row::Entry(target(i)));
    }
    rows
}

/// Events by date; events the sources date alike keep file order.
fn timeline(data: &Dataset) -> Rows {
    let mut order: Vec<usize> = (0..data.timeline.len()).collect();
    order.sort_by_key(|&i| data.timeline[i].sort_date());
    let mut rows = Rows::with_capacity(0, order.len());
    for i in order {
        rows.push(Row::Entry(Target::Event(i)));
    }
    rows
}

fn livelihood(data: &Dataset) -> Rows {
    let items = data.livelihood.iter().map(|l| l.items.len()).sum();
    let mut rows = Rows::with_capacity(data.livelihood.len(), items);
    for (l, list) in data.livelihood.iter().enumerate() {
        rows.push(Row::Header(Box::new(list.name.clone())));
        for i in 0..list.items.len() {
            rows.push(Row::Entry(Target::Item(l, i)));
        }
    }
    rows
}
