//! A labelled bar chart (year under each bar, value on it) and a text sparkline.
//! Not ratatui's `BarChart`: it takes whole numbers, writes a value inside its bar's
//! bottom row rather than above the bar, and left-aligns the bars, dropping from the
//! right those that do not fit; this chart centres them and keeps the latest years.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::text;
use crate::tui::theme::Theme;

const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

pub struct Bars {
    pub title: String,
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
        buf.set_stringn(area.x, area.y, text::truncate(&self.title, w), w, theme.dim);
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
                    EIGHTHS[8]
                } else if r == full {
                    EIGHTHS[eighths % 8]
                } else {
                    continue;
                };
                for dx in 0..bar_w as u16 {
                    buf.set_string(x + dx, y, sym, theme.bar);
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

/// One block character per value, scaled between the smallest and the largest.
pub fn sparkline(values: &[f64]) -> String {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    values
        .iter()
        .map(|v| {
            let level = if max > min { ((v - min) / (max - min) * 7.0).round() as usize + 1 } else { 4 };
            EIGHTHS[level.min(8)]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_spans_the_range() {
        assert_eq!(sparkline(&[18.7, 48.2, 66.7]), "▁▅█");
        assert_eq!(sparkline(&[5.0, 5.0]), "▄▄");
        assert_eq!(sparkline(&[]), "");
    }
}
