//! A scrolled list with group headers and one highlighted row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::text;
use crate::tui::theme::Theme;

pub enum Item {
    Header(String),
    Entry(Line<'static>),
}

/// In place of a list with no rows: says why, so an empty pane is not taken for a
/// fault.
pub fn empty(area: Rect, buf: &mut Buffer, why: &str, theme: &Theme) {
    Paragraph::new(super::wrapped(why, usize::from(area.width), theme.dim)).render(area, buf);
}

/// Draws `rows` from `offset` on, as many as fit. `item` makes a row's line and is
/// called for the visible rows only: a list of 100,000 scrolled to its end would
/// otherwise format every row above the screen on every frame.
pub fn draw<T>(
    area: Rect,
    buf: &mut Buffer,
    rows: &[T],
    item: impl Fn(&T) -> Item,
    offset: usize,
    selected: Option<usize>,
    theme: &Theme,
) {
    let w = usize::from(area.width);
    for (i, r) in rows.iter().enumerate().skip(offset).take(usize::from(area.height)) {
        let row = Rect { y: area.y + (i - offset) as u16, height: 1, ..area };
        match item(r) {
            Item::Header(name) => Line::styled(text::truncate(&name, w).into_owned(), theme.header).render(row, buf),
            Item::Entry(line) => line.render(row, buf),
        }
        if selected == Some(i) {
            buf.set_style(row, theme.selected);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    #[test]
    fn only_the_visible_rows_are_made() {
        let rows: Vec<usize> = (0..10_000).collect();
        let made = Cell::new(0);
        let item = |r: &usize| {
            made.set(made.get() + 1);
            Item::Entry(Line::raw(r.to_string()))
        };
        let area = Rect::new(0, 0, 20, 5);
        let mut buf = Buffer::empty(area);
        draw(area, &mut buf, &rows, item, 9_990, Some(9_992), &Theme::monochrome());
        assert_eq!(made.get(), 5);
        let line = |y: u16| (0..4).map(|x| buf[(x, y)].symbol()).collect::<String>();
        assert_eq!((line(0), line(4)), ("9990".to_owned(), "9994".to_owned()));
        assert_ne!(buf[(0, 2)].style(), buf[(0, 1)].style(), "the selected row stands out");
    }
}
