//! The comparison of marked indicators, over the whole screen: a year-by-indicator
//! table, then one chart of them all (raw values when they share a unit, else an index
//! with each one's first year = 100), each indicator with its own colour and mark.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::{popup, titled};
use crate::compare::Comparison;
use crate::data::{Lang, number};
use crate::text;
use crate::tui::i18n::{Label, Message, bracketed, chart_unit};
use crate::tui::theme::Theme;

/// Each compared indicator's mark, for a reported figure and a computed one (hollow).
/// Marked rows in the lists show the same mark.
pub const MARKS: [(&str, &str); 6] = [("●", "○"), ("■", "□"), ("▲", "△"), ("◆", "◇"), ("★", "☆"), ("▼", "▽")];

const YEAR_W: usize = 4;

pub fn draw(c: &Comparison, lang: Lang, theme: &Theme, area: Rect, buf: &mut Buffer) {
    popup::clear(area, buf);
    let block = titled(Label::CompareTitle.get(lang), area.width, theme.key, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let (w, n) = (usize::from(inner.width), c.columns.len());
    let index = c.units_differ();
    // The table writes each column in its own unit, as the figure tables do; raw
    // values on one chart share one scale.
    let max_of =
        |k: usize| c.rows.iter().filter_map(|r| r.cells[k].as_ref()).map(|x| x.value.abs()).fold(0.0, f64::max);
    let global = (0..n).map(max_of).fold(0.0, f64::max);
    let units: Vec<(String, f64)> = c
        .columns
        .iter()
        .enumerate()
        .map(|(k, col)| chart_unit(&col.unit, if index { max_of(k) } else { global }, lang))
        .collect();

    let mut y = inner.y;
    let mut line = |s: &str, style: Style, buf: &mut Buffer| {
        if y < inner.bottom() {
            buf.set_stringn(inner.x, y, text::truncate(s, w), w, style);
            y += 1;
        }
    };
    let mut note =
        if index { Label::CompareIndex.get(lang).to_owned() } else { Message::CompareRaw(&units[0].0).get(lang) };
    // An index of a rank rises as its place improves; a place itself falls.
    if c.columns.iter().any(|col| col.rank) {
        note.push_str(if index { Label::CompareRanksUp } else { Label::CompareRanksDown }.get(lang));
    }
    line(&note, theme.dim, buf);

    // Columns share the width, up to a width that keeps each figure near its year.
    let col_w = (w.saturating_sub(YEAR_W) / n.max(1)).saturating_sub(1).clamp(1, 44);
    let mut head = vec![(text::pad(Label::Year.get(lang), YEAR_W), theme.header)];
    for (k, col) in c.columns.iter().enumerate() {
        // The unit goes first when the name would be cut to nothing.
        let unit = if units[k].0.is_empty() { String::new() } else { bracketed(lang, &units[k].0) };
        let unit = if col_w < 2 + text::width(&unit) + 6 { String::new() } else { unit };
        let name_w = col_w.saturating_sub(2 + text::width(&unit));
        let cell = format!("{} {}{unit}", MARKS[k].0, text::truncate(col.name.get(lang), name_w));
        head.push((format!(" {}", text::pad_left(&cell, col_w)), theme.series[k].patch(theme.header)));
    }
    spans_line(&head, inner.x, y, w, buf);
    y += 1;
    for row in &c.rows {
        if y >= inner.bottom() {
            break;
        }
        let mut cells = vec![(row.year.to_string(), theme.base)];
        for (k, cell) in row.cells.iter().enumerate() {
            let (s, style) = match cell {
                Some(x) if x.computed => (format!("{}*", figure(x.value * units[k].1, lang)), theme.computed),
                Some(x) => (figure(x.value * units[k].1, lang), theme.base),
                None => (String::new(), theme.base),
            };
            cells.push((format!(" {}", text::pad_left(&s, col_w)), style));
        }
        spans_line(&cells, inner.x, y, w, buf);
        y += 1;
    }

    let footer_y = inner.bottom().saturating_sub(1);
    let chart = Rect { x: inner.x, y, width: inner.width, height: footer_y.saturating_sub(y) };
    let values: Vec<Vec<Option<f64>>> = if index {
        c.index()
    } else {
        c.rows
            .iter()
            .map(|r| r.cells.iter().enumerate().map(|(k, x)| Some(x.as_ref()?.value * units[k].1)).collect())
            .collect()
    };
    plot(c, &values, chart, lang, theme, buf);
    if footer_y > y {
        let footer = Label::CompareFooter.get(lang);
        buf.set_stringn(inner.x, footer_y, text::truncate(footer, w), w, theme.dim);
    }
}

fn figure(v: f64, lang: Lang) -> String {
    number(v, lang == Lang::En)
}

/// Cells left to right from `x`, cut at `w` columns.
fn spans_line(cells: &[(String, Style)], x: u16, y: u16, w: usize, buf: &mut Buffer) {
    let mut used = 0;
    for (s, style) in cells {
        let room = w.saturating_sub(used);
        buf.set_stringn(x + used as u16, y, text::truncate(s, room), room, *style);
        used += text::width(s).min(room);
    }
}

/// The chart: a y scale on the left, the years along the bottom, each indicator's
/// figures as its mark (hollow when computed), joined by dots.
fn plot(c: &Comparison, values: &[Vec<Option<f64>>], area: Rect, lang: Lang, theme: &Theme, buf: &mut Buffer) {
    let all = values.iter().flatten().flatten().copied();
    let (min, max) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if area.height < 3 || !min.is_finite() {
        return;
    }
    let label = |v: f64| number(if v.abs() >= 100.0 { v.round() } else { (v * 10.0).round() / 10.0 }, lang == Lang::En);
    let (top, bottom) = (label(max), label(min));
    let lw = text::width(&top).max(text::width(&bottom));
    let plot_x = area.x + lw as u16 + 1;
    let plot_w = area.right().saturating_sub(plot_x + 2);
    let plot_h = area.height - 1;
    if plot_w < 4 {
        return;
    }
    buf.set_string(area.x, area.y, text::pad_left(&top, lw), theme.dim);
    buf.set_string(area.x, area.y + plot_h - 1, text::pad_left(&bottom, lw), theme.dim);
    let n_years = c.rows.len();
    let x_of =
        |i: usize| plot_x + if n_years < 2 { plot_w / 2 } else { (i * usize::from(plot_w - 1) / (n_years - 1)) as u16 };
    let y_of = |v: f64| {
        let r = if max > min { ((v - min) / (max - min) * f64::from(plot_h - 1)).round() as u16 } else { plot_h / 2 };
        area.y + plot_h - 1 - r
    };
    let axis_y = area.y + plot_h;
    let mut free_from = 0;
    for (i, row) in c.rows.iter().enumerate() {
        let x = x_of(i).saturating_sub(1).max(plot_x);
        if x >= free_from && x + 4 <= area.right() {
            buf.set_string(x, axis_y, row.year.to_string(), theme.dim);
            free_from = x + 5;
        }
    }
    for k in 0..c.columns.len() {
        let style = theme.series[k];
        let points: Vec<(usize, f64, bool)> = values
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((i, r[k]?, c.rows[i].cells[k].as_ref()?.computed)))
            .collect();
        for pair in points.windows(2) {
            let ((i0, v0, _), (i1, v1, _)) = (pair[0], pair[1]);
            let (x0, x1) = (x_of(i0), x_of(i1));
            for x in x0 + 1..x1 {
                let t = f64::from(x - x0) / f64::from(x1 - x0);
                let y = y_of(v0 + (v1 - v0) * t);
                if buf[(x, y)].symbol() == " " {
                    buf.set_string(x, y, "·", style);
                }
            }
        }
        for (i, v, computed) in points {
            let mark = if computed { MARKS[k].1 } else { MARKS[k].0 };
            buf.set_string(x_of(i), y_of(v), mark, style);
        }
    }
}
