//! The help overlay: every key, in the current language.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{popup, titled};
use crate::data::Lang;
use crate::text;
use crate::tui::i18n::Label;
use crate::tui::keymap::HELP;
use crate::tui::theme::Theme;

pub fn draw(lang: Lang, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let key_w = HELP.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0);
    let desc_w = HELP.iter().map(|(_, what)| text::width(what.get(lang))).max().unwrap_or(0);
    let (w, h) = ((key_w + desc_w + 6) as u16, HELP.len() as u16 + 4);
    let popup = area.centered(Constraint::Length(w), Constraint::Length(h));
    popup::clear(popup, buf);
    let block = titled(Label::HelpTitle.get(lang), popup.width, theme.key, theme);
    let inner = block.inner(popup);
    block.render(popup, buf);
    let w = usize::from(inner.width);
    let key_col = key_w.min(w / 2);
    let mut lines: Vec<Line> = HELP
        .iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(text::pad(keys, key_col), theme.key),
                Span::raw("  "),
                Span::raw(text::truncate(what.get(lang), w.saturating_sub(key_col + 2)).into_owned()),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(text::truncate(Label::HelpFooter.get(lang), w).into_owned(), theme.dim));
    Paragraph::new(lines).render(inner, buf);
}
