//! A scrolled list with group headers and one highlighted row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::text;
use crate::tui::theme::Theme;

pub enum Item {
    Header(String),
    Entry(Line<'static>),
}

/// Draws the rows from `offset` on; only the visible rows are produced.
pub fn draw(
    area: Rect,
    buf: &mut Buffer,
    items: impl Iterator<Item = Item>,
    offset: usize,
    selected: Option<usize>,
    theme: &Theme,
) {
    let w = usize::from(area.width);
    for (i, item) in items.enumerate().skip(offset).take(usize::from(area.height)) {
        let row = Rect { y: area.y + (i - offset) as u16, height: 1, ..area };
        match item {
            Item::Header(name) => Line::styled(text::truncate(&name, w).into_owned(), theme.header).render(row, buf),
            Item::Entry(line) => line.render(row, buf),
        }
        if selected == Some(i) {
            buf.set_style(row, theme.selected);
        }
    }
}
