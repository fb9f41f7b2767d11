//! The help overlay: every key, in the current language.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::popup;
use crate::data::Lang;
use crate::text;
use crate::tui::app::App;
use crate::tui::keymap::HELP;

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let (title, footer) = match app.lang {
        Lang::Zh => (" 帮助 · 按键 ", "Esc 或 ? 关闭"),
        Lang::En => (" Help · keys ", "Esc or ? closes"),
    };
    let key_w = HELP.iter().map(|(k, ..)| text::width(k)).max().unwrap_or(0);
    let desc_w =
        HELP.iter().map(|(_, zh, en)| text::width(if app.lang == Lang::Zh { zh } else { en })).max().unwrap_or(0);
    let popup = popup::centered(area, (key_w + desc_w + 6) as u16, HELP.len() as u16 + 4);
    popup::clear(popup, buf);
    let block = Block::bordered().border_type(BorderType::Rounded).border_style(app.theme.key).title(Span::styled(
        text::truncate(title, usize::from(popup.width.saturating_sub(2))).into_owned(),
        app.theme.title,
    ));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let w = usize::from(inner.width);
    let key_col = key_w.min(w / 2);
    let mut lines: Vec<Line> = HELP
        .iter()
        .map(|(keys, zh, en)| {
            let desc = if app.lang == Lang::Zh { zh } else { en };
            Line::from(vec![
                Span::styled(text::pad(keys, key_col), app.theme.key),
                Span::raw("  "),
                Span::raw(text::truncate(desc, w.saturating_sub(key_col + 2)).into_owned()),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(text::truncate(footer, w).into_owned(), app.theme.dim));
    Paragraph::new(lines).render(inner, buf);
}
