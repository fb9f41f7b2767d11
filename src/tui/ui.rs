//! Drawing. `draw` only reads the app; where each part goes comes from `geometry`, the
//! same functions `update` asks about clicks and scrolling.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::geometry::{self, MIN_HEIGHT, MIN_WIDTH};
use super::i18n::{Label, Message};
use super::reader;
use super::state::{App, Overlay};
use super::tabs::{Row, Tab};
use super::widgets::comparison::{self, MARKS};
use super::widgets::{self, finder, help, list, prompt, titled};
use crate::text;

pub fn draw(app: &App, frame: &mut Frame) {
    if draw_under(app, frame.area(), frame.buffer_mut()) {
        draw_overlay(app, &app.overlay, frame);
    }
}

/// Draws frames as `draw` does, keeping what lies under the finder from one frame to
/// the next while only the finder changes: the list and detail under it cost most of
/// a frame, and typing redraws the finder alone. It relies on every change to the app
/// going through `App::update`, which counts those that reach under the finder.
#[derive(Default)]
pub struct Painter {
    under: Option<Under>,
}

/// The screen under the finder, as drawn for one scene of the app.
struct Under {
    scene: u64,
    buf: Buffer,
    /// The screen had room for more than saying it is too small.
    room: bool,
}

impl Painter {
    pub fn draw(&mut self, app: &App, frame: &mut Frame) {
        if !matches!(app.overlay, Overlay::Finder(_)) {
            self.under = None;
            return draw(app, frame);
        }
        let area = frame.area();
        let kept = self.under.take().filter(|u| u.scene == app.scene && u.buf.area == area);
        let under = self.under.insert(kept.unwrap_or_else(|| {
            let mut buf = Buffer::empty(area);
            let room = draw_under(app, area, &mut buf);
            Under { scene: app.scene, buf, room }
        }));
        frame.buffer_mut().content.clone_from(&under.buf.content);
        if under.room {
            draw_overlay(app, &app.overlay, frame);
        }
    }
}

/// Everything but the overlay; false when the screen is too small for more than
/// saying so.
fn draw_under(app: &App, area: Rect, buf: &mut Buffer) -> bool {
    let Some(s) = geometry::screen(app) else {
        too_small(app, area, buf);
        return false;
    };
    draw_tabs(app, s.tabs, buf);
    if let Some(pane) = s.list {
        draw_list(app, pane, buf);
    }
    if let Some(pane) = s.detail {
        match (&app.reading, &app.citing) {
            (Some(r), _) => reader::draw(r, &app.ctx(), pane, buf),
            (None, Some(c)) => c.draw(&app.ctx(), pane, buf),
            (None, None) => draw_detail(app, pane, buf),
        }
    }
    draw_status(app, s.status, buf);
    true
}

/// What is open over the tabs; the export prompt over what it was opened from.
fn draw_overlay(app: &App, overlay: &Overlay, frame: &mut Frame) {
    let buf = frame.buffer_mut();
    match overlay {
        Overlay::None => {}
        Overlay::Help(scroll) => {
            let (popup, table) = geometry::help(app.area, app.lang);
            help::draw(app.lang, &app.theme, popup, &table, *scroll, buf);
        }
        Overlay::Compare(c) => comparison::draw(c, app.lang, &app.theme, app.area, buf),
        Overlay::Finder(f) => {
            if let Some(cursor) = finder::draw(app, f, app.area, buf) {
                // The real cursor at the insertion point, so an input method's
                // candidate window opens there.
                frame.set_cursor_position(cursor);
            }
        }
        Overlay::Export { prompt: p, under } => {
            draw_overlay(app, under, frame);
            if let Some(cursor) = prompt::draw(app, p, app.area, frame.buffer_mut()) {
                frame.set_cursor_position(cursor);
            }
        }
    }
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let msg = Message::TooSmall { needs: (MIN_WIDTH, MIN_HEIGHT), has: (area.width, area.height) }.get(app.lang);
    let lines: Vec<Line> = text::wrap(&msg, usize::from(area.width)).into_iter().map(Line::from).collect();
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let [_, mid] = area.layout(&Layout::vertical([Constraint::Length(top), Constraint::Fill(1)]));
    Paragraph::new(lines).style(app.theme.warn).centered().render(mid, buf);
}

fn draw_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let spans: Vec<Span> = geometry::tab_labels(app, area.width)
        .into_iter()
        .map(|(tab, label, ..)| Span::styled(label, if tab == app.tab { app.theme.tab_active } else { app.theme.tab }))
        .collect();
    Line::from(spans).render(area, buf);
}

fn draw_list(app: &App, pane: Rect, buf: &mut Buffer) {
    let t = app.tab.index();
    let trends = app.trends.as_ref().filter(|_| app.tab == Tab::Trends);
    let block = match trends {
        Some(trends) => titled(&trends.title(app.lang), pane.width, app.theme.border, &app.theme)
            .title_bottom(Line::styled(Label::TrendsLegend.get(app.lang), app.theme.dim)),
        None => titled(&format!(" {} ", app.tab.title(app.lang)), pane.width, app.theme.border, &app.theme),
    };
    let area = block.inner(pane);
    block.render(pane, buf);
    let width = usize::from(area.width);
    let rows = &app.rows[t];
    let selected_row = rows.entries.get(app.sel[t]).copied();
    let cx = app.ctx();
    let item = |row: &Row| match row {
        Row::Header(name) => list::Item::Header(name.get(app.lang).to_owned()),
        Row::Entry(target) => {
            // A marked row gives its first column to its mark, the one its chart uses.
            let mark = app.marks.iter().position(|m| m == target);
            let width = width - usize::from(mark.is_some());
            let line = match trends {
                Some(trends) => trends.line(*target, &cx, width),
                None => target.view(&app.data).list_line(&cx, width),
            };
            list::Item::Entry(match mark {
                Some(k) => {
                    let mut spans = vec![Span::styled(MARKS[k].0, app.theme.series[k].patch(app.theme.key))];
                    spans.extend(line.spans);
                    Line::from(spans)
                }
                None => line,
            })
        }
    };
    if rows.rows.is_empty() {
        let why = if trends.is_some() { Label::NoTrends } else { Label::EmptyTab };
        return list::empty(area, buf, why.get(app.lang), &app.theme);
    }
    list::draw(area, buf, &rows.rows, item, app.offset[t], selected_row, &app.theme);
}

fn draw_detail(app: &App, pane: Rect, buf: &mut Buffer) {
    let area = geometry::inner(pane);
    let Some(detail) = geometry::detail_of(app, area.width) else {
        titled("", pane.width, app.theme.border, &app.theme).render(pane, buf);
        return;
    };
    let mut block = titled(&format!(" {} ", detail.title), pane.width, app.theme.border, &app.theme);
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
    let marked = match app.marks.len() {
        0 => String::new(),
        n => format!(" · {}", Message::Marked(n).get(app.lang)),
    };
    let width = usize::from(area.width);
    // A message stands in for the count of marks while it shows: both cut each other
    // short. Where the position would cut the message short, the message shows alone.
    let left = match &app.status {
        Some(msg) => match format!(" {} {pos} · {msg}", app.tab.title(app.lang)) {
            full if text::width(&full) <= width => full,
            _ => format!(" {msg}"),
        },
        None => format!(" {} {pos}{marked}", app.tab.title(app.lang)),
    };
    let hints = [Label::Hints.get(app.lang), Label::HintHelp.get(app.lang), ""];
    let room = width.saturating_sub(text::width(&left));
    let right = hints.iter().find(|h| text::width(h) < room).copied().unwrap_or("");
    let left = text::pad(&left, width - text::width(right));
    Line::from(vec![Span::raw(left), Span::styled(right, app.theme.status)]).style(app.theme.status).render(area, buf);
}
