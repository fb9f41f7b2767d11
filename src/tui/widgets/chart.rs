//! A labelled bar chart (year under each bar, value on it) and a sparkline. Computed
//! figures are drawn in dots (⣤⣿) rather than blocks, so they stand apart in any
//! colour scheme and in plain text.
//! Not ratatui's `BarChart`: it takes whole numbers, writes a value inside its bar's
//! bottom row rather than above the bar, and left-aligns the bars, dropping from the
//! right those that do not fit; this chart centres them and keeps the latest years.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;

use crate::text;
use crate::tui::theme::Theme;

const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
/// The same heights in dots, for computed figures: four steps, each two eighths.
const DOTS: [&str; 9] = [" ", "⣀", "⣀", "⣤", "⣤", "⣶", "⣶", "⣿", "⣿"];

/// The glyph of `eighths` (0–8) of a cell, for a computed figure or a reported one.
fn glyph(eighths: usize, computed: bool) -> &'static str {
    if computed { DOTS[eighths] } else { EIGHTHS[eighths] }
}

pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
    pub computed: bool,
}

pub struct Bars {
    pub title: String,
    /// Said at the right of the title row, which is cut before it is.
    pub legend: String,
    pub bars: Vec<Bar>,
}

impl Bars {
    /// Title row, then bars with their value above and label below. Bars that do not
    /// fit are dropped from the left, so the latest years stay.
    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: &Theme) {
        if area.height < 4 || area.width < 4 || self.bars.is_empty() {
            return;
        }
        let w = usize::from(area.width);
        let legend_w = text::width(&self.legend);
        let title_w = if legend_w + 8 < w { w - legend_w - 1 } else { w };
        buf.set_stringn(area.x, area.y, text::truncate(&self.title, title_w), title_w, theme.dim);
        if title_w < w {
            buf.set_string(area.right() - legend_w as u16, area.y, &self.legend, theme.computed);
        }
        let widest = self.bars.iter().map(|b| text::width(&b.label).max(text::width(&b.text))).max().unwrap_or(1);
        let bar_w = widest.clamp(3, 10);
        let shown = ((w + 1) / (bar_w + 1)).clamp(1, self.bars.len());
        let bars = &self.bars[self.bars.len() - shown..];
        let used = shown * (bar_w + 1) - 1;
        let left = area.x + ((w.saturating_sub(used)) / 2) as u16;
        let label_y = area.bottom() - 1;
        let rows = usize::from(area.height - 3); // title, value, label
        let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
        for (k, bar) in bars.iter().enumerate() {
            let x = left + (k * (bar_w + 1)) as u16;
            let eighths = if max > 0.0 { ((bar.value.max(0.0) / max) * (rows * 8) as f64).round() as usize } else { 0 };
            let eighths = eighths.max(usize::from(bar.value > 0.0));
            let full = eighths / 8;
            for r in 0..rows {
                let y = label_y - 1 - r as u16;
                let sym = if r < full {
                    glyph(8, bar.computed)
                } else if r == full {
                    glyph(eighths % 8, bar.computed)
                } else {
                    continue;
                };
                let style = if bar.computed { theme.computed } else { theme.bar };
                for dx in 0..bar_w as u16 {
                    buf.set_string(x + dx, y, sym, style);
                }
            }
            let top = label_y - 1 - (eighths.div_ceil(8)) as u16;
            centred(buf, x, top.max(area.y + 1), bar_w, &bar.text, theme.figure);
            centred(buf, x, label_y, bar_w, &bar.label, theme.dim);
        }
    }
}

fn centred(buf: &mut Buffer, x: u16, y: u16, width: usize, s: &str, style: Style) {
    let s = text::truncate(s, width);
    let pad = (width - text::width(&s)) / 2;
    buf.set_stringn(x + pad as u16, y, s, width, style);
}

/// A sparkline `width` cells wide: each value gets an equal share of the cells (the
/// latest values when there are more values than cells), its height scaled between the
/// smallest and the largest value; `(value, computed)`.
pub fn spark_spans(values: &[(f64, bool)], width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let values = &values[values.len().saturating_sub(width)..];
    if values.is_empty() {
        return Vec::new();
    }
    let min = values.iter().map(|v| v.0).fold(f64::INFINITY, f64::min);
    let max = values.iter().map(|v| v.0).fold(f64::NEG_INFINITY, f64::max);
    let cell_w = width / values.len();
    // Wide shares keep a space between values, so each reads as one step.
    let gap = usize::from(cell_w >= 3);
    values
        .iter()
        .flat_map(|&(v, computed)| {
            let level = if max > min { ((v - min) / (max - min) * 7.0).round() as usize + 1 } else { 4 };
            let style = if computed { theme.computed } else { theme.bar };
            let bar = Span::styled(glyph(level.min(8), computed).repeat(cell_w - gap), style);
            [bar, Span::raw(" ".repeat(gap))]
        })
        .filter(|s| !s.content.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spark(values: &[(f64, bool)], width: usize) -> String {
        spark_spans(values, width, &Theme::monochrome()).iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn sparkline_spans_the_range_and_dots_computed_values() {
        assert_eq!(spark(&[(18.7, false), (48.2, false), (66.7, false)], 3), "▁▅█");
        assert_eq!(spark(&[(6.27, true), (18.7, false), (48.2, false), (66.7, false)], 4), "⣀▂▆█");
        assert_eq!(spark(&[(5.0, false), (5.0, false)], 2), "▄▄");
        assert_eq!(spark(&[], 5), "");
    }

    #[test]
    fn a_wide_sparkline_shares_its_cells_and_a_narrow_one_keeps_the_latest() {
        assert_eq!(spark(&[(1.0, true), (2.0, false)], 8), "⣀⣀⣀ ███ ");
        assert_eq!(spark(&[(1.0, false), (2.0, false), (3.0, false)], 2), "▁█");
    }
}
