//! The export prompt: the format, the path, and the keys; or, before a file is
//! replaced, the question.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{popup, titled, wrapped};
use crate::text;
use crate::tui::i18n::{Label, Message};
use crate::tui::prompt::{ExportPrompt, FORMATS, Shown};
use crate::tui::state::App;

/// Draws the prompt; returns where the text cursor belongs while the path is edited.
pub fn draw(app: &App, p: &ExportPrompt, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let (lang, theme) = (app.lang, &app.theme);
    let width = area.width.saturating_sub(4).min(64);
    let inner_w = usize::from(width.saturating_sub(2));
    let (hint, style) = match p.replacing {
        true => (Message::Replace(p.path.text()).get(lang), theme.warn),
        false => (Label::ExportKeys.get(lang).to_owned(), theme.dim),
    };
    let hint = wrapped(&hint, inner_w, style);
    let height = (hint.len() as u16 + 4).min(area.height);
    let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
    popup::clear(popup, buf);
    let what = match p.shown {
        Shown::Tab(tab) => tab.title(lang),
        Shown::Results => Label::SearchResults.get(lang),
        Shown::Comparison => Label::Compared.get(lang),
    };
    let title = Message::ExportTitle { n: p.records.len(), what }.get(lang);
    let block = titled(&title, popup.width, theme.key, theme);
    let inner = block.inner(popup);
    block.render(popup, buf);
    if inner.width < 8 || inner.height < 2 {
        return None;
    }

    let labels = [Label::ExportFormat.get(lang), Label::ExportPath.get(lang)];
    let label_w = labels.iter().map(|l| text::width(l)).max().unwrap_or(0) + 2;
    let label = |l: &str| Span::styled(text::pad(l, label_w), theme.header);
    // The chosen format in brackets, which show without colour too.
    let mut formats = vec![label(labels[0])];
    for format in FORMATS {
        let name = format.extension();
        formats.push(match format == p.format {
            true => Span::styled(format!("[{name}]"), theme.selected),
            false => Span::styled(format!(" {name} "), theme.base),
        });
    }
    Line::from(formats).render(Rect { height: 1, ..inner }, buf);

    let field = usize::from(inner.width).saturating_sub(label_w);
    let (shown, column) = p.path.view(field);
    let path_row = Rect { y: inner.y + 1, height: 1, ..inner };
    Line::from(vec![label(labels[1]), Span::styled(shown.into_owned(), theme.base)]).render(path_row, buf);

    for (k, line) in hint.into_iter().enumerate().take(usize::from(inner.height.saturating_sub(2))) {
        line.render(Rect { y: inner.y + 2 + k as u16, height: 1, ..inner }, buf);
    }
    (!p.replacing).then(|| Position::new(inner.x + (label_w + column) as u16, path_row.y))
}
