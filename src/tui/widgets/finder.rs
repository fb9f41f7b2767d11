//! The finder overlay: a query line and the ranked matches, with matched characters
//! highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{popup, titled};
use crate::data::Lang;
use crate::search::Hit;
use crate::text;
use crate::tui::geometry::finder_popup;
use crate::tui::i18n::{Label, Message};
use crate::tui::state::{App, FINDER_LIMIT, Finder};

/// Draws the finder; returns where the text cursor belongs.
pub fn draw(app: &App, f: &Finder, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let popup = finder_popup(area);
    popup::clear(popup, buf);
    let block = titled(Label::FinderTitle.get(app.lang), popup.width, app.theme.key, &app.theme);
    let inner = block.inner(popup);
    block.render(popup, buf);
    if inner.width < 3 || inner.height < 1 {
        return None;
    }
    let w = usize::from(inner.width);

    // Query line: "/ " then the text, scrolled so the cursor stays in view.
    let field = w - 2;
    let input = f.input.text();
    let cursor_col = f.input.cursor_column();
    let (shown, cursor_x) = if cursor_col < field {
        (text::truncate(input, field).into_owned(), cursor_col)
    } else {
        let before = text::tail(&input[..cursor_byte(input, cursor_col)], field - 1);
        (before.to_owned(), text::width(before))
    };
    buf.set_string(inner.x, inner.y, "/ ", app.theme.key);
    buf.set_stringn(inner.x + 2, inner.y, &shown, field, app.theme.base);
    let cursor = Position::new(inner.x + 2 + cursor_x as u16, inner.y);

    if inner.height >= 2 {
        let hint = match (input.is_empty(), f.hits.len()) {
            (true, _) => Label::FinderExample.get(app.lang).to_owned(),
            (false, 0) => Label::NoMatches.get(app.lang).to_owned(),
            // At the limit there may be many more: say these are the best, not all.
            (false, n) => Message::Results { n, best: n == FINDER_LIMIT }.get(app.lang),
        };
        buf.set_stringn(inner.x, inner.y + 1, text::truncate(&hint, w), w, app.theme.dim);
    }
    let rows = usize::from(inner.height.saturating_sub(2));
    for (k, hit) in f.hits.iter().enumerate().skip(f.offset).take(rows) {
        let row = Rect { y: inner.y + 2 + (k - f.offset) as u16, height: 1, ..inner };
        result_line(app, hit, w).render(row, buf);
        if k == f.sel {
            buf.set_style(row, app.theme.selected);
        }
    }
    Some(cursor)
}

/// The byte offset of the cursor given its column (the input keeps it on a boundary).
fn cursor_byte(s: &str, col: usize) -> usize {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        if used >= col {
            return i;
        }
        used += text::width(&c.to_string());
    }
    s.len()
}

fn result_line(app: &App, hit: &Hit, width: usize) -> Line<'static> {
    let Some(title) = app.data.record(hit.entry).map(|r| r.name()) else {
        return Line::default();
    };
    let tab = match app.search_target(hit) {
        Some(t) => t.tab().title(app.lang),
        None => "",
    };
    let right = format!(" {tab}");
    let room = width.saturating_sub(text::width(&right));
    let (first, first_hits, second, second_hits) = match app.lang {
        Lang::Zh => (title.zh(), &hit.zh, title.en(), &hit.en),
        Lang::En => (title.en(), &hit.en, title.zh(), &hit.zh),
    };
    let mut spans = highlighted(first, first_hits, app.theme.base, app.theme.matched);
    if !second_hits.is_empty() || first_hits.is_empty() {
        spans.push(Span::styled(" · ", app.theme.dim));
        spans.extend(highlighted(second, second_hits, app.theme.dim, app.theme.matched));
    }
    let mut spans = fit(spans, room);
    let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    spans.push(Span::raw(" ".repeat(room - used)));
    spans.push(Span::styled(right, app.theme.dim));
    Line::from(spans)
}

/// Spans for `s`, with the characters at `hits` (char indices) in `matched` style.
fn highlighted(s: &str, hits: &[usize], base: Style, matched: Style) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    for (i, c) in s.chars().enumerate() {
        let style = if hits.contains(&i) { matched } else { base };
        match spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push(c),
            _ => spans.push(Span::styled(c.to_string(), style)),
        }
    }
    spans
}

/// Cuts spans to `width` cells, ending in "…" when anything was cut.
fn fit(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    if total <= width {
        return spans;
    }
    let mut out = Vec::new();
    if width == 0 {
        return out;
    }
    let mut left = width.saturating_sub(1);
    for s in spans {
        let w = text::width(&s.content);
        if w <= left {
            left -= w;
            out.push(s);
        } else {
            // Spans after this one are cut even when it would just fit: the "…" goes
            // after at most `left` cells of it either way.
            let cut = text::truncate(&[&*s.content, text::ELLIPSIS].concat(), left + 1).into_owned();
            out.push(Span::styled(cut, s.style));
            return out;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fitted(parts: &[&str], width: usize) -> String {
        let spans = parts.iter().map(|p| Span::raw(p.to_string())).collect();
        fit(spans, width).iter().map(|s| s.content.as_ref()).collect()
    }

    /// A highlighted title is many spans; wherever the cut falls, "…" says so.
    #[test]
    fn a_cut_between_spans_still_ends_in_an_ellipsis() {
        assert_eq!(fitted(&["ab", "cd", "e"], 4), "abc…", "cut right after a span that just fits");
        assert_eq!(fitted(&["ab", "cd", "ef"], 4), "abc…");
        assert_eq!(fitted(&["ab", "c", "de"], 4), "abc…");
        assert_eq!(fitted(&["螺蛳", "粉", "x"], 6), "螺蛳…", "a wide char that would straddle is left out");
        assert_eq!(fitted(&["ab", "cd"], 4), "abcd", "nothing cut, nothing added");
        assert_eq!(fitted(&["ab", "cd"], 0), "");
    }
}
