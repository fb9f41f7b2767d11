//! Widgets shared by the tabs.

pub mod chart;
pub mod comparison;
pub mod finder;
pub mod help;
pub mod list;
pub mod popup;
pub mod prompt;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::theme::Theme;
use crate::text;

/// What the detail pane shows for a record.
pub struct Detail {
    pub title: String,
    /// A single figure, shown big.
    pub card: Option<Card>,
    /// Text, already wrapped to the pane's width.
    pub lines: Vec<Line<'static>>,
    pub chart: Option<chart::Bars>,
}

pub struct Card {
    pub value: String,
    pub caption: String,
}

const CARD_HEIGHT: u16 = 4;

impl Detail {
    /// Card, text and chart areas inside the pane; the text gets what is left.
    fn areas(&self, area: Rect) -> (Option<Rect>, Rect, Option<Rect>) {
        let card_h = if self.card.is_some() && area.height >= 12 { CARD_HEIGHT } else { 0 };
        let chart_h = match &self.chart {
            Some(_) if area.height >= card_h + 16 => (area.height / 3).clamp(8, 14),
            _ => 0,
        };
        let [card, text, chart] = area.layout(&Layout::vertical([
            Constraint::Length(card_h),
            Constraint::Fill(1),
            Constraint::Length(chart_h),
        ]));
        ((card_h > 0).then_some(card), text, (chart_h > 0).then_some(chart))
    }

    /// Where the text is drawn inside the pane: lines of `lines` start there.
    pub fn text_area(&self, area: Rect) -> Rect {
        self.areas(area).1
    }

    pub fn max_scroll(&self, area: Rect) -> u16 {
        let (_, text, _) = self.areas(area);
        (self.lines.len() as u16).saturating_sub(text.height)
    }
}

pub fn draw_detail(d: &Detail, area: Rect, scroll: u16, theme: &Theme, buf: &mut Buffer) {
    let (card, text_area, chart) = d.areas(area);
    if let (Some(area), Some(c)) = (card, &d.card) {
        let block = Block::bordered().border_type(BorderType::Double).border_style(theme.figure);
        let inner = block.inner(area);
        block.render(area, buf);
        let w = usize::from(inner.width);
        let lines = vec![
            Line::styled(text::truncate(&c.value, w).into_owned(), theme.figure).centered(),
            Line::styled(text::truncate(&c.caption, w).into_owned(), theme.dim).centered(),
        ];
        Paragraph::new(lines).render(inner, buf);
    }
    let scroll = scroll.min(d.max_scroll(area));
    Paragraph::new(d.lines.clone()).scroll((scroll, 0)).render(text_area, buf);
    if let (Some(area), Some(bars)) = (chart, &d.chart) {
        bars.render(area, buf, theme);
    }
}

/// A rounded box with `title` on its top border, cut to fit a box `width` cells wide.
pub fn titled(title: &str, width: u16, border: Style, theme: &Theme) -> Block<'static> {
    let title = text::truncate(title, usize::from(width.saturating_sub(2))).into_owned();
    Block::bordered().border_type(BorderType::Rounded).border_style(border).title(Span::styled(title, theme.title))
}

/// `s` wrapped to `width`, one styled line per row.
pub fn wrapped(s: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    text::wrap(s, width).into_iter().map(|l| Line::styled(l, style)).collect()
}

/// `label` then `value` wrapped under it with a hanging indent: "来源  d000 …".
pub fn labelled(label: &str, value: &str, width: usize, label_style: Style, style: Style) -> Vec<Line<'static>> {
    let lw = text::width(label) + 1;
    if width <= lw + 4 {
        let mut out = wrapped(label, width, label_style);
        out.extend(wrapped(value, width, style));
        return out;
    }
    text::wrap(value, width - lw)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let head = if i == 0 { text::pad(label, lw) } else { " ".repeat(lw) };
            Line::from(vec![Span::styled(head, label_style), Span::styled(l, style)])
        })
        .collect()
}
