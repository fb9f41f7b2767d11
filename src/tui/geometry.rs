//! Where things are on the screen. Drawing lays the screen out with these functions and
//! `update` asks them where a click landed and how far a list or the detail can
//! scroll, so both always agree.

use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::widgets::Block;

use super::i18n;
use super::state::App;
use super::tabs::Tab;
use super::widgets::Detail;
use super::widgets::help::{self, HelpTable};
use crate::data::Lang;
use crate::text;

/// Below this the screen says how big it needs to be instead of drawing.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width the list and the detail stand side by side.
const SIDE_BY_SIDE: u16 = 80;
/// Side by side, the list is at least this wide; it may take up to `LIST_ROOM` cells
/// whatever the detail gets, and more only while the detail keeps `DETAIL_ROOM` (its
/// figure table's widest layout); never more than half the body.
const LIST_MIN: u16 = 28;
const LIST_ROOM: u16 = 40;
const DETAIL_ROOM: u16 = 58;
/// Livelihood shows a detail box under its table from this body height.
const LIVELIHOOD_DETAIL_FROM: u16 = 18;

/// Where the big parts of the screen are.
pub struct Screen {
    pub tabs: Rect,
    pub status: Rect,
    pub list: Option<Rect>,
    pub detail: Option<Rect>,
}

/// The screen's parts; none when it is too small to draw.
pub fn screen(app: &App) -> Option<Screen> {
    let area = app.area;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [tabs, body, status] =
        area.layout(&Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]));
    let (list, detail) = match app.tab {
        Tab::Livelihood if body.height >= LIVELIHOOD_DETAIL_FROM => {
            let [l, d] = body.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(8)]));
            (Some(l), Some(d))
        }
        Tab::Livelihood => pick(app, body),
        // Its rows want the whole width; Enter shows the record in its own tab.
        Tab::Trends => (Some(body), None),
        _ if body.width >= SIDE_BY_SIDE => {
            let left = list_width(body.width, |cap| app.list_need(cap));
            let [l, d] = body.layout(&Layout::horizontal([Constraint::Length(left), Constraint::Fill(1)]));
            (Some(l), Some(d))
        }
        _ => pick(app, body),
    };
    Some(Screen { tabs, status, list, detail })
}

/// The list pane's width beside the detail in a body `body` wide: as wide as its
/// widest row needs (`need` of the most cells it can be given), within the room the
/// constants above give it.
pub fn list_width(body: u16, need: impl FnOnce(usize) -> usize) -> u16 {
    let cap = LIST_ROOM.max(body.saturating_sub(DETAIL_ROOM)).min(body / 2);
    let inner = usize::from(cap.saturating_sub(2));
    let bordered = u16::try_from(need(inner)).unwrap_or(u16::MAX).saturating_add(2);
    bordered.clamp(LIST_MIN.min(cap), cap)
}

/// One pane at a time: the list, or the detail (or the records citing a source, or
/// the source pane) once opened.
fn pick(app: &App, body: Rect) -> (Option<Rect>, Option<Rect>) {
    let opened = app.detail_open || app.citing.is_some() || app.reading.is_some();
    if opened { (None, Some(body)) } else { (Some(body), None) }
}

/// True when the list and the detail cannot both show.
pub fn is_narrow(app: &App) -> bool {
    screen(app).is_none_or(|s| s.list.is_none() || s.detail.is_none())
}

/// Inside a pane's border.
pub fn inner(pane: Rect) -> Rect {
    Block::bordered().inner(pane)
}

/// Where list rows are drawn: the citing list when it is open, else the tab's list.
pub fn list_area(app: &App) -> Option<Rect> {
    let s = screen(app)?;
    match (&app.citing, s.list, s.detail) {
        (Some(_), _, Some(d)) => Some(inner(d)),
        (_, Some(l), _) => Some(inner(l)),
        _ => None,
    }
}

/// What a screen position shows, for the mouse.
pub enum Hit {
    Tab(Tab),
    /// A row of the visible list (absolute row index).
    List(usize),
    Detail,
}

pub fn hit(app: &App, p: Position) -> Option<Hit> {
    let s = screen(app)?;
    if s.tabs.contains(p) {
        return tab_labels(app, s.tabs.width)
            .into_iter()
            .find(|(_, _, x0, x1)| (*x0..*x1).contains(&(p.x - s.tabs.x)))
            .map(|(tab, ..)| Hit::Tab(tab));
    }
    if let Some(area) = list_area(app).filter(|a| a.contains(p)) {
        let offset = match &app.citing {
            Some(c) => c.offset,
            None => app.offset[app.tab.index()],
        };
        return Some(Hit::List(offset + usize::from(p.y - area.y)));
    }
    if s.detail.is_some_and(|d| d.contains(p)) {
        return Some(Hit::Detail);
    }
    None
}

/// Which title each tab shows in a tab bar layout.
#[derive(Clone, Copy)]
enum Names {
    Full,
    /// The current tab's in full, the others short.
    CurrentFull,
    Short,
}

/// Tab bar layouts, widest first: which titles, and the space between a tab's key
/// and its title and after the title (" 1 Industry ", " 1 Ind", " 1Ind").
const TAB_LAYOUTS: [(Names, &str, &str); 6] = [
    (Names::Full, " ", " "),
    (Names::CurrentFull, " ", " "),
    (Names::Short, " ", " "),
    (Names::CurrentFull, " ", ""),
    (Names::Short, " ", ""),
    (Names::Short, "", ""),
];

/// Tab titles as drawn: (tab, label, first column, end column), in the widest layout
/// that fits, so that every tab keeps a title at every width drawn.
pub fn tab_labels(app: &App, width: u16) -> Vec<(Tab, String, u16, u16)> {
    let layout = |(names, gap, end): (Names, &str, &str)| -> Vec<String> {
        let title = |tab: Tab| match names {
            Names::Full => tab.title(app.lang),
            Names::CurrentFull if tab == app.tab => tab.title(app.lang),
            Names::CurrentFull | Names::Short => tab.short_title(app.lang),
        };
        Tab::ALL.iter().map(|&tab| format!(" {}{gap}{}{end}", tab.index() + 1, title(tab))).collect()
    };
    let fits = |labels: &Vec<String>| labels.iter().map(|l| text::width(l)).sum::<usize>() <= usize::from(width);
    let tightest = TAB_LAYOUTS[TAB_LAYOUTS.len() - 1];
    let labels = TAB_LAYOUTS.into_iter().map(layout).find(fits).unwrap_or_else(|| layout(tightest));
    let mut x = 0u16;
    Tab::ALL
        .iter()
        .zip(labels)
        .map(|(&tab, label)| {
            let w = text::width(&label) as u16;
            let item = (tab, label, x, x.saturating_add(w));
            x = x.saturating_add(w);
            item
        })
        .collect()
}

/// The detail of the selection, laid out for a pane of this inner width.
pub fn detail_of(app: &App, width: u16) -> Option<Detail> {
    let target = app.selected()?;
    Some(target.view(&app.data).detail(&app.ctx(), usize::from(width)))
}

/// How far the detail pane can scroll.
pub fn max_scroll(app: &App) -> u16 {
    let Some(pane) = screen(app).and_then(|s| s.detail) else {
        return 0;
    };
    if app.citing.is_some() {
        return 0;
    }
    let area = inner(pane);
    detail_of(app, area.width).map_or(0, |d| d.max_scroll(area))
}

/// The finder's box.
pub fn finder_popup(area: Rect) -> Rect {
    let (w, h) = (area.width.saturating_sub(4).min(76), area.height.saturating_sub(2).min(22));
    area.centered(Constraint::Length(w), Constraint::Length(h))
}

/// The key help's box, as wide as its table wants and as tall as the table with a
/// blank line and the footer, each within the screen; and where the table goes in it.
pub fn help(area: Rect, lang: Lang) -> (Rect, HelpTable) {
    let rows = help::key_rows(lang);
    let w = (help::natural_width(&rows) + 4).min(usize::from(area.width)) as u16;
    let lines = help::table(&rows, usize::from(w.saturating_sub(2)));
    let h = (lines.len() + 4).min(usize::from(area.height)) as u16;
    let popup = area.centered(Constraint::Length(w), Constraint::Length(h));
    let box_inner = inner(popup);
    let table = Rect { height: box_inner.height.saturating_sub(2), ..box_inner };
    (popup, HelpTable { area: table, lines })
}

/// The finder's query-language help, below the query and the help's title lines.
pub fn finder_help(area: Rect, lang: Lang) -> HelpTable {
    let box_inner = inner(finder_popup(area));
    let table = Rect { y: box_inner.y + 2, height: box_inner.height.saturating_sub(2), ..box_inner };
    let rows: Vec<(&str, &str)> = i18n::QUERY_HELP.iter().map(|&row| i18n::pick(lang, row)).collect();
    HelpTable { area: table, lines: help::table(&rows, usize::from(table.width)) }
}

/// Rows of the finder's result list, for paging: its box less the border, the query
/// and the hint lines.
pub fn finder_results_height(area: Rect) -> usize {
    usize::from(finder_popup(area).height.saturating_sub(4))
}
