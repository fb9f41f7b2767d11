//! The finder overlay: a query line, a hint line (the count, or what is wrong with
//! the query), and the ranked matches with matched characters highlighted and each
//! record's headline figure; or, on `?`, the query language.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{help, popup, titled};
use crate::data::Lang;
use crate::search::Hit;
use crate::text;
use crate::tui::finder::Finder;
use crate::tui::geometry::{finder_help, finder_popup};
use crate::tui::i18n::{Label, Message};
use crate::tui::state::App;
use crate::tui::tabs::Headline;

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

    let below = Rect { y: inner.y + 1, height: inner.height - 1, ..inner };
    if let Some(scroll) = f.help {
        draw_help(app, scroll, buf);
        return Some(cursor);
    }
    if below.height >= 1 {
        let (hint, style) = match (&f.error, f.total) {
            (Some(error), _) => (Message::BadQuery(error).get(app.lang), app.theme.warn),
            _ if input.is_empty() && app.queries.get(0).is_some() => {
                (Label::FinderRecall.get(app.lang).to_owned(), app.theme.dim)
            }
            _ if input.is_empty() => (Label::FinderExample.get(app.lang).to_owned(), app.theme.dim),
            (None, Some(0)) => (Label::NoMatches.get(app.lang).to_owned(), app.theme.dim),
            (None, total) => {
                let n = total.unwrap_or(f.hits.len());
                (Message::Results { n, more: total.is_none() }.get(app.lang), app.theme.dim)
            }
        };
        buf.set_stringn(below.x, below.y, text::truncate(&hint, w), w, style);
    }
    let rows = usize::from(below.height.saturating_sub(1));
    // The selection shows even when the screen shrank since it was scrolled to.
    let offset = f.offset.max((f.sel + 1).saturating_sub(rows));
    for (k, hit) in f.hits.iter().enumerate().skip(offset).take(rows) {
        let row = Rect { y: below.y + 1 + (k - offset) as u16, height: 1, ..inner };
        result_line(app, hit, f.years, w).render(row, buf);
        if k == f.sel {
            buf.set_style(row, app.theme.selected);
        }
    }
    Some(cursor)
}

/// The query language, one piece a row, in place of the hint and the results; its
/// title says how to scroll when it does not fit.
fn draw_help(app: &App, scroll: usize, buf: &mut Buffer) {
    let table = finder_help(app.area, app.lang);
    let title = if table.max_scroll() > 0 { Label::QueryHelpTitleScroll } else { Label::QueryHelpTitle };
    let w = usize::from(table.area.width);
    let y = table.area.y.saturating_sub(1);
    buf.set_stringn(table.area.x, y, text::truncate(title.get(app.lang), w), w, app.theme.header);
    help::draw_table(&table.lines, scroll.min(table.max_scroll()), &app.theme, table.area, buf);
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

/// The least a title keeps of a row before the figure gives way: a fifth, so that at
/// 41 columns a figure and its year still fit beside a few characters of the title.
/// The tab's name, the least telling, shows only where the title keeps more.
fn title_min(width: usize, with_tab: bool) -> usize {
    if with_tab { (width / 2).min(24) } else { (width / 5).min(16) }
}

/// A result row: the title, followed by the text around a body match with the match
/// lit, or else by the other language's title when that is what matched; then the
/// headline figure and its year (of the `years` the query asks for, where it has one
/// then), then the tab. The title is cut first; then the tab goes, then the year, and
/// only then is the figure cut.
fn result_line(app: &App, hit: &Hit, years: Option<(i32, i32)>, width: usize) -> Line<'static> {
    let Some(record) = app.data.record(hit.entry) else {
        return Line::default();
    };
    let title = record.name();
    let target = app.search_target(hit);
    let asked = years.and_then(|y| record.headline_within(y));
    let headline = match asked {
        Some(p) => Headline { figure: p.display_marked(app.lang), when: p.when(app.lang) },
        None => target.map(|t| t.view(&app.data).headline(&app.ctx())).unwrap_or_default(),
    };
    let tab = target.map_or("", |t| t.tab().title(app.lang));
    let right = right_spans(app, &headline, tab, width);
    let room = width.saturating_sub(right.iter().map(|s| text::width(&s.content)).sum());

    let (first, first_hits, second, second_hits) = match app.lang {
        Lang::Zh => (title.zh(), &hit.zh, title.en(), &hit.en),
        Lang::En => (title.en(), &hit.en, title.zh(), &hit.zh),
    };
    let mut spans = highlighted(first, first_hits, app.theme.base, app.theme.matched);
    let sep = text::width(SEP);
    if let Some(snippet) = &hit.snippet {
        // The match is why the row is here: the title gives way until it shows.
        let lit = snippet
            .highlight
            .first()
            .map_or(0, |r| text::width(&snippet.text.chars().skip(r.start).take(r.len()).collect::<String>()));
        // Whole if both fit; else half each, or as much as leaves the match in view.
        let title_room = room
            .saturating_sub(sep + text::width(&snippet.text))
            .max((room / 2).min(room.saturating_sub(lit + sep + 2)).max(TITLE_MIN.min(room)));
        let mut spans = fit(spans, title_room);
        let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
        spans.push(Span::styled(SEP, app.theme.dim));
        let lit: Vec<usize> = snippet.highlight.iter().flat_map(Clone::clone).collect();
        let (base, matched) = (app.theme.dim, app.theme.matched);
        spans.extend(in_view(&snippet.text, &lit, (base, matched), room.saturating_sub(used + sep)));
        return row(spans, room, right);
    }
    // A title cut before its first matched char loses its start instead.
    let first_lit_end = first_hits.first().map_or(0, |&i| text::width(&first.chars().take(i + 1).collect::<String>()));
    if first_lit_end + 1 > room {
        let styles = (app.theme.base, app.theme.matched);
        return row(in_view(first, first_hits, styles, room), room, right);
    }
    // The other title only where a few of its characters show: "Qu…" tells nothing.
    let second_fits = text::width(first) + sep + TITLE_MIN < room;
    if (!second_hits.is_empty() || first_hits.is_empty()) && second_fits {
        spans.push(Span::styled(SEP, app.theme.dim));
        spans.extend(highlighted(second, second_hits, app.theme.dim, app.theme.matched));
    }
    row(spans, room, right)
}

/// The least of a title a body match's row keeps.
const TITLE_MIN: usize = 4;

/// Between a title and what follows it in a result row.
const SEP: &str = " · ";

/// `left` cut to `room` cells and padded to them, then `right`.
fn row(left: Vec<Span<'static>>, room: usize, right: Vec<Span<'static>>) -> Line<'static> {
    let mut spans = fit(left, room);
    let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    spans.push(Span::raw(" ".repeat(room - used)));
    spans.extend(right);
    Line::from(spans)
}

/// `text` in `width` cells with the chars at `lit` in the second style, its start
/// dropped (for an "…") as far as it takes for its first run of lit chars to show.
fn in_view(text: &str, lit: &[usize], (base, matched): (Style, Style), width: usize) -> Vec<Span<'static>> {
    // A control char becomes a space, one for one, so the lit places still fit.
    let chars: Vec<char> = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let cells = |cs: &[char]| text::width(&cs.iter().collect::<String>());
    let lit_start = lit.first().copied().unwrap_or(0).min(chars.len());
    let run = lit.iter().zip(lit_start..).take_while(|(i, k)| *i == k).count();
    let lit_end = (lit_start + run).min(chars.len());
    let mut skip = 0;
    // Cells for the lead "…", the text up to the run's end, and an "…" after it.
    let need = |skip: usize| usize::from(skip > 0) + cells(&chars[skip..lit_end]) + usize::from(lit_end < chars.len());
    while skip < lit_start && need(skip) > width {
        skip += 1;
    }
    // An "…" standing for a full stop alone tells less than the char it would cost.
    if cells(&chars[lit_end..]) <= 2 {
        while skip < lit_start && usize::from(skip > 0) + cells(&chars[skip..]) > width {
            skip += 1;
        }
    }
    let lead = usize::from(skip > 0);
    let shown: String = (skip > 0).then_some('…').into_iter().chain(chars[skip..].iter().copied()).collect();
    let lit: Vec<usize> = lit.iter().filter(|&&i| i >= skip).map(|i| i - skip + lead).collect();
    fit(highlighted(&shown, &lit, base, matched), width)
}

/// The figure, its year and the tab, as much of them as leaves the title its share of
/// a row `width` cells wide.
fn right_spans(app: &App, h: &Headline, tab: &str, width: usize) -> Vec<Span<'static>> {
    let th = &app.theme;
    let figure = (!h.figure.is_empty()).then(|| Span::styled(format!(" {}", h.figure), th.figure));
    let sep = if h.figure.is_empty() { " " } else { " · " };
    let when = (!h.when.is_empty()).then(|| Span::styled(format!("{sep}{}", h.when), th.key));
    let tab = (!tab.is_empty()).then(|| Span::styled(format!("  {tab}"), th.dim));
    // An event's or a source's date stands where a figure would.
    let main = figure.clone().or_else(|| when.clone());
    let choices = [vec![&figure, &when, &tab], vec![&figure, &when], vec![&main]];
    for (k, choice) in choices.into_iter().enumerate() {
        let spans: Vec<Span<'static>> = choice.into_iter().flatten().cloned().collect();
        let room = width.saturating_sub(title_min(width, k == 0));
        if spans.iter().map(|s| text::width(&s.content)).sum::<usize>() <= room {
            return spans;
        }
    }
    fit(main.into_iter().collect(), width.saturating_sub(title_min(width, false)))
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
    use crate::tui::theme::Theme;

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

    /// A match just before a full stop shows the stop, not an "…" in its place.
    #[test]
    fn a_short_tail_after_the_match_is_shown_not_cut() {
        let theme = Theme::monochrome();
        let text = "当时西部唯一获批创建的地级市。";
        let first = text.chars().position(|c| c == '地').unwrap();
        let lit: Vec<usize> = (first..first + 3).collect();
        // From room for "…地级市。" up to the whole text.
        for width in 9..=text::width(text) {
            let shown: String =
                in_view(text, &lit, (theme.dim, theme.matched), width).iter().map(|s| s.content.to_string()).collect();
            assert!(shown.ends_with("地级市。") && text::width(&shown) <= width, "{width}: {shown}");
        }
    }

    /// However narrow the row, a snippet or a title shows its first matched run
    /// whole once there is room for it and two ellipses, in either script.
    #[test]
    fn the_first_match_stays_in_view() {
        let theme = Theme::monochrome();
        for (text, lit) in [
            ("…the only prefecture-level city in western China…", "prefecture"),
            ("…是当时西部唯一获批创建的地级市。", "地级市"),
            ("Industrial firms with sales over 100 million yuan steel", "steel"),
        ] {
            let first = text[..text.find(lit).unwrap()].chars().count();
            let places: Vec<usize> = (first..first + lit.chars().count()).collect();
            for width in text::width(lit) + 2..=text::width(text) + 2 {
                let spans = in_view(text, &places, (theme.dim, theme.matched), width);
                let shown: String = spans.iter().map(|s| s.content.as_ref()).collect();
                assert!(shown.contains(lit), "{width}: {shown}");
                assert!(text::width(&shown) <= width, "{width}: {shown}");
                let matched: String =
                    spans.iter().filter(|s| s.style == theme.matched).map(|s| s.content.as_ref()).collect();
                assert_eq!(matched, lit, "{width}: {shown}");
            }
        }
    }
}
