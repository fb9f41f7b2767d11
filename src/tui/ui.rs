//! Drawing and screen geometry. `draw` only reads the app; the same geometry functions
//! serve `update` for mouse hits and scrolling, so a click lands where things are drawn.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget};

use super::app::{App, Overlay};
use super::tabs::{self, Row, Tab, Target};
use super::widgets::{self, Detail, finder, help, list};
use crate::data::Lang;
use crate::text;

/// Below this the screen says how big it needs to be instead of drawing.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width the list and the detail stand side by side.
const SIDE_BY_SIDE: u16 = 80;
/// Livelihood shows a detail box under its table from this body height.
const LIVELIHOOD_DETAIL_FROM: u16 = 18;

/// Where the big parts of the screen are.
struct Screen {
    tabs: Rect,
    status: Rect,
    list: Option<Rect>,
    detail: Option<Rect>,
}

fn screen(app: &App) -> Option<Screen> {
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
        _ if body.width >= SIDE_BY_SIDE => {
            let left = (body.width * 2 / 5).clamp(28, 48);
            let [l, d] = body.layout(&Layout::horizontal([Constraint::Length(left), Constraint::Fill(1)]));
            (Some(l), Some(d))
        }
        _ => pick(app, body),
    };
    Some(Screen { tabs, status, list, detail })
}

/// One pane at a time: the list, or the detail (or the records citing a source)
/// once opened.
fn pick(app: &App, body: Rect) -> (Option<Rect>, Option<Rect>) {
    if app.detail_open || app.citing.is_some() { (None, Some(body)) } else { (Some(body), None) }
}

/// True when the list and the detail cannot both show.
pub fn is_narrow(app: &App) -> bool {
    screen(app).is_none_or(|s| s.list.is_none() || s.detail.is_none())
}

fn inner(pane: Rect) -> Rect {
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

/// Tab titles as drawn: (tab, label, first column, end column). Full titles when they
/// fit; otherwise only the current one is spelled out and the rest show their key.
fn tab_labels(app: &App, width: u16) -> Vec<(Tab, String, u16, u16)> {
    let full: Vec<String> = Tab::ALL.iter().map(|t| format!(" {} {} ", t.index() + 1, t.title(app.lang))).collect();
    let fits = full.iter().map(|l| text::width(l)).sum::<usize>() <= usize::from(width);
    let mut x = 0u16;
    Tab::ALL
        .iter()
        .zip(full)
        .map(|(&tab, label)| {
            let label = if fits || tab == app.tab { label } else { format!(" {} ", tab.index() + 1) };
            let w = text::width(&label) as u16;
            let item = (tab, label, x, x.saturating_add(w));
            x = x.saturating_add(w);
            item
        })
        .collect()
}

/// The detail of the selection, laid out for a pane of this inner width.
fn detail_of(app: &App, width: u16) -> Option<Detail> {
    let target = app.selected()?;
    let w = usize::from(width);
    Some(match target {
        Target::Industry(i) => tabs::indicators::detail(app, &app.data.industry[i], w),
        Target::Ecology(i) => tabs::indicators::detail(app, &app.data.ecology[i], w),
        Target::Event(i) => tabs::timeline::detail(app, &app.data.timeline[i], w),
        Target::Item(l, i) => tabs::livelihood::detail(app, l, i, w),
        Target::Source(s) => tabs::sources::detail(app, s, w),
    })
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

/// The selection with its citation, as text for the clipboard.
pub fn citation(app: &App) -> Option<String> {
    Some(match app.selected()? {
        Target::Industry(i) => tabs::indicators::citation(app, &app.data.industry[i]),
        Target::Ecology(i) => tabs::indicators::citation(app, &app.data.ecology[i]),
        Target::Event(i) => tabs::timeline::citation(app, &app.data.timeline[i]),
        Target::Item(l, i) => tabs::livelihood::citation(app, l, i),
        Target::Source(s) => tabs::sources::citation(app, s),
    })
}

pub fn draw(app: &App, frame: &mut Frame) {
    let Some(s) = screen(app) else {
        too_small(app, frame.area(), frame.buffer_mut());
        return;
    };
    let buf = frame.buffer_mut();
    draw_tabs(app, s.tabs, buf);
    if let Some(pane) = s.list {
        draw_list(app, pane, buf);
    }
    if let Some(pane) = s.detail {
        match &app.citing {
            Some(_) => tabs::sources::draw_citing(app, pane, buf),
            None => draw_detail(app, pane, buf),
        }
    }
    draw_status(app, s.status, buf);
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help => help::draw(app, app.area, buf),
        Overlay::Finder(f) => {
            if let Some(cursor) = finder::draw(app, f, app.area, frame.buffer_mut()) {
                // The real cursor at the insertion point, so an input method's
                // candidate window opens there.
                frame.set_cursor_position(cursor);
            }
        }
    }
}

/// Rows of the finder's result list, for paging.
pub fn finder_results_height(app: &App) -> usize {
    finder::results_height(app.area)
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let msg = match app.lang {
        Lang::Zh => format!("终端太小：至少需要 {MIN_WIDTH}×{MIN_HEIGHT}，当前 {}×{}", area.width, area.height),
        Lang::En => format!("Terminal too small: needs {MIN_WIDTH}×{MIN_HEIGHT}, has {}×{}", area.width, area.height),
    };
    let lines: Vec<Line> = text::wrap(&msg, usize::from(area.width)).into_iter().map(Line::from).collect();
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let [_, mid] = area.layout(&Layout::vertical([Constraint::Length(top), Constraint::Fill(1)]));
    Paragraph::new(lines).style(app.theme.warn).centered().render(mid, buf);
}

fn draw_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let spans: Vec<Span> = tab_labels(app, area.width)
        .into_iter()
        .map(|(tab, label, ..)| Span::styled(label, if tab == app.tab { app.theme.tab_active } else { app.theme.tab }))
        .collect();
    Line::from(spans).render(area, buf);
}

fn block<'a>(app: &App, title: String) -> Block<'a> {
    Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border)
        .title(Span::styled(title, app.theme.title))
}

fn draw_list(app: &App, pane: Rect, buf: &mut Buffer) {
    let t = app.tab.index();
    let title = format!(" {} ", app.tab.title(app.lang));
    let block = block(app, text::truncate(&title, usize::from(pane.width.saturating_sub(2))).into_owned());
    let area = block.inner(pane);
    block.render(pane, buf);
    let width = usize::from(area.width);
    let rows = &app.rows[t];
    let selected_row = rows.entries.get(app.sel[t]).copied();
    let item = |row: &Row| match row {
        Row::Header(name) => list::Item::Header(name.get(app.lang).to_owned()),
        Row::Entry(target) => list::Item::Entry(entry_line(app, *target, width)),
    };
    list::draw(area, buf, &rows.rows, item, app.offset[t], selected_row, &app.theme);
}

fn entry_line(app: &App, target: Target, width: usize) -> Line<'static> {
    match target {
        Target::Industry(i) => tabs::indicators::list_line(app, &app.data.industry[i], width),
        Target::Ecology(i) => tabs::indicators::list_line(app, &app.data.ecology[i], width),
        Target::Event(i) => tabs::timeline::list_line(app, &app.data.timeline[i], width),
        Target::Item(l, i) => tabs::livelihood::list_line(app, l, i, width),
        Target::Source(s) => tabs::sources::list_line(app, s, width),
    }
}

fn draw_detail(app: &App, pane: Rect, buf: &mut Buffer) {
    let area = inner(pane);
    let Some(detail) = detail_of(app, area.width) else {
        block(app, String::new()).render(pane, buf);
        return;
    };
    let title = format!(" {} ", detail.title);
    let mut block = block(app, text::truncate(&title, usize::from(pane.width.saturating_sub(2))).into_owned());
    let max = detail.max_scroll(area);
    if max > 0 {
        // Say there is more, and how to reach it.
        let more = format!(" J/K {}/{} ", app.scroll.min(max), max);
        block = block.title_bottom(Line::styled(more, app.theme.dim).right_aligned());
    }
    block.render(pane, buf);
    widgets::draw_detail(&detail, area, app.scroll, &app.theme, buf);
}

fn draw_status(app: &App, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, app.theme.status);
    let t = app.tab.index();
    let (at, total) = match &app.citing {
        Some(c) => (c.sel, c.targets.len()),
        None => (app.sel[t], app.rows[t].entries.len()),
    };
    let pos = if total == 0 { "0/0".to_owned() } else { format!("{}/{total}", at + 1) };
    let left = match &app.status {
        Some(msg) => format!(" {} {pos} · {msg}", app.tab.title(app.lang)),
        None => format!(" {} {pos}", app.tab.title(app.lang)),
    };
    let hints: &[&str] = match app.lang {
        Lang::Zh => &["/ 搜索  ? 帮助  L English  q 退出 ", "? 帮助 ", ""],
        Lang::En => &["/ search  ? help  L 中文  q quit ", "? help ", ""],
    };
    let width = usize::from(area.width);
    let room = width.saturating_sub(text::width(&left));
    let right = hints.iter().find(|h| text::width(h) < room).copied().unwrap_or("");
    let left = text::pad(&left, width - text::width(right));
    Line::from(vec![Span::raw(left), Span::styled(right, app.theme.status)]).style(app.theme.status).render(area, buf);
}

/// Style for a figure's kind: computed figures stand apart from reported ones.
pub fn kind_style(app: &App, computed: bool) -> Style {
    if computed { app.theme.computed } else { app.theme.base }
}
