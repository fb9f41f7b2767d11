//! The help popups' table: keys (or query syntax) and what they do, the description
//! wrapped beside its keys, scrolled when it does not fit. The key help is drawn here;
//! the finder draws the query-language help with the same table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{popup, titled};
use crate::data::Lang;
use crate::text;
use crate::tui::i18n::Label;
use crate::tui::keymap::HELP;
use crate::tui::theme::Theme;

/// A help table laid out to fit `area` (see `geometry::help`), a pair of keys and
/// a piece of what they do per line.
pub struct HelpTable {
    pub area: Rect,
    pub lines: Vec<(String, String)>,
}

impl HelpTable {
    /// How far it scrolls: its lines less those that show.
    pub fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(usize::from(self.area.height))
    }
}

/// The key help's rows in `lang`.
pub fn key_rows(lang: Lang) -> Vec<(&'static str, &'static str)> {
    HELP.iter().map(|(keys, what)| (*keys, what.get(lang))).collect()
}

/// Cells the table takes when nothing wraps.
pub fn natural_width(rows: &[(&str, &str)]) -> usize {
    let (keys, what) = column_widths(rows);
    keys + 2 + what
}

/// The widest keys and the widest description.
fn column_widths(rows: &[(&str, &str)]) -> (usize, usize) {
    rows.iter().fold((0, 0), |(k, w), (keys, what)| (k.max(text::width(keys)), w.max(text::width(what))))
}

/// The table in `width` cells, a line at a time: the keys (on a row's first line
/// only, in a column at most half the width) and a piece of what they do.
pub fn table(rows: &[(&str, &str)], width: usize) -> Vec<(String, String)> {
    let key_w = column_widths(rows).0.min(width / 2);
    let what_w = width.saturating_sub(key_w + 2).max(1);
    let mut lines = Vec::new();
    for (keys, what) in rows {
        let keys = text::pad(&text::truncate(keys, key_w), key_w);
        for (k, piece) in text::wrap(what, what_w).into_iter().enumerate() {
            let head = if k == 0 { keys.clone() } else { " ".repeat(key_w) };
            lines.push((head, piece));
        }
    }
    lines
}

/// Draws `table`'s lines from `scroll` on, as many as `area` holds.
pub fn draw_table(lines: &[(String, String)], scroll: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let shown = lines.iter().skip(scroll).take(usize::from(area.height));
    let lines: Vec<Line> = shown
        .map(|(keys, what)| {
            Line::from(vec![Span::styled(keys.clone(), theme.key), Span::raw("  "), Span::raw(what.clone())])
        })
        .collect();
    Paragraph::new(lines).render(area, buf);
}

/// The key help in `popup`, its table scrolled by `scroll` (both from
/// `geometry::help`); the last line says how to scroll when the table does not fit.
pub fn draw(lang: Lang, theme: &Theme, popup: Rect, table: &HelpTable, scroll: usize, buf: &mut Buffer) {
    popup::clear(popup, buf);
    let block = titled(Label::HelpTitle.get(lang), popup.width, theme.key, theme);
    let inner = block.inner(popup);
    block.render(popup, buf);
    let footer = if table.max_scroll() > 0 { Label::HelpFooterScroll } else { Label::HelpFooter };
    draw_table(&table.lines, scroll.min(table.max_scroll()), theme, table.area, buf);
    if inner.height >= 1 {
        let w = usize::from(inner.width);
        let y = inner.bottom() - 1;
        buf.set_stringn(inner.x, y, text::truncate(footer.get(lang), w), w, theme.dim);
    }
}
