//! Livelihood: the lists (free services with the year each began, education, sports)
//! as tables, and the selected item's figures and source below.

use ratatui::text::{Line, Span};

use super::{Ctx, Headline, RecordView};
use crate::data::{Item, Lang};
use crate::text;
use crate::tui::cite::{cite, copied_source, source_summary};
use crate::tui::i18n::{Label, Message, bracketed};
use crate::tui::widgets::{Detail, labelled, wrapped};

/// An item of a livelihood list, by the list's position and its own.
pub struct ItemView {
    pub list: usize,
    pub item: usize,
}

impl ItemView {
    fn item<'a>(&self, cx: &Ctx<'a>) -> &'a Item {
        &cx.data.livelihood[self.list].items[self.item]
    }

    /// Whether the item's list has a "since" column: only a list with a year to show
    /// gives it room, which the figures can use otherwise.
    fn dated(&self, cx: &Ctx) -> bool {
        cx.dated(self.list)
    }
}

/// The "since" column's cells.
const SINCE_W: usize = 11;

/// The widest a row is drawn.
const ROW_MAX: usize = 120;

fn figures(item: &Item, lang: Lang) -> String {
    item.points.iter().map(|p| p.display(lang)).collect::<Vec<_>>().join(Label::FigureSeparator.get(lang))
}

impl RecordView for ItemView {
    /// A table row: name, figures, since, source; columns drop out as the width shrinks.
    fn list_line(&self, cx: &Ctx, width: usize) -> Line<'static> {
        // The table spans the screen up to a readable width: on a wide one the figures
        // stay near their names.
        let width = width.min(ROW_MAX);
        let it = self.item(cx);
        let lang = cx.lang;
        let since = it.since.map(|y| Message::SinceRow(y).get(lang)).unwrap_or_default();
        let cite_w = if width >= 60 { 8 } else { 0 };
        let since_w = if width >= 48 && self.dated(cx) { SINCE_W } else { 0 };
        // Name and figures, each after a space: a cut name ends in "…", and the figures
        // must not run on from it.
        let rest = width.saturating_sub(cite_w + since_w + 1);
        let figs = figures(it, lang);
        // Where both do not fit, the name keeps up to 11/20 of the row, and a shorter
        // name leaves the rest to the figures.
        let share = (rest * 11 / 20).min(text::width(it.name.get(lang)));
        let name_w = share.max(rest.saturating_sub(text::width(&figs) + 2)).min(rest.saturating_sub(2));
        let fig_w = rest.saturating_sub(name_w + 2);
        let mut spans = vec![
            Span::raw(format!(" {}", text::pad(it.name.get(lang), name_w))),
            Span::styled(format!(" {}", text::pad_left(&figs, fig_w)), cx.theme.figure),
        ];
        if since_w > 0 {
            spans.push(Span::styled(text::pad_left(&since, since_w), cx.theme.key));
        }
        if cite_w > 0 {
            spans.push(Span::styled(text::pad_left(&cite(&it.source, it.line), cite_w), cx.theme.dim));
        }
        Line::from(spans)
    }

    fn list_width(&self, cx: &Ctx) -> usize {
        let it = self.item(cx);
        // Since and source, as `list_line` gives them from 60 cells.
        let columns = if self.dated(cx) { SINCE_W } else { 0 } + 8;
        1 + text::width(it.name.get(cx.lang)) + 1 + text::width(&figures(it, cx.lang)) + columns
    }

    fn detail(&self, cx: &Ctx, width: usize) -> Detail {
        let th = cx.theme;
        let lang = cx.lang;
        let list = &cx.data.livelihood[self.list];
        let it = self.item(cx);
        let mut lines = wrapped(&format!("{} · {}", list.name.get(lang), it.name.get(lang.toggle())), width, th.dim);
        if let Some(y) = it.since {
            lines.extend(wrapped(&Message::Since(y).get(lang), width, th.key));
        }
        for p in &it.points {
            let when = p.when(lang);
            let fig = if when.is_empty() { p.display(lang) } else { p.display(lang) + &bracketed(lang, &when) };
            lines.extend(labelled(&cite(&p.source, p.line), &fig, width, th.dim, th.figure));
            if let Some(note) = &p.note {
                lines.extend(labelled("", note.get(lang), width, th.dim, th.dim));
            }
        }
        let at = format!("{} {}", cite(&it.source, it.line), source_summary(cx.data, lang, &it.source));
        lines.extend(labelled(Label::SourceHeading.get(lang), &at, width, th.header, th.base));
        Detail { title: it.name.get(lang).to_owned(), card: None, lines, chart: None }
    }

    fn citation(&self, cx: &Ctx) -> String {
        let it = self.item(cx);
        let mut out = format!("{} / {}", it.name.zh(), it.name.en());
        if let Some(y) = it.since {
            out.push_str(&format!(" (since {y})"));
        }
        for p in &it.points {
            out.push_str(&format!("\n{} ({})", p.display(Lang::Zh), p.display(Lang::En)));
        }
        out.push_str(&format!("\n— {}", copied_source(cx.data, cx.lang, &it.source, it.line)));
        out
    }

    /// Its figures, and the year it began or else the year of its last figure.
    fn headline(&self, cx: &Ctx) -> Headline {
        let it = self.item(cx);
        let when = match it.since {
            Some(y) => Message::SinceRow(y).get(cx.lang),
            None => it.points.last().map(|p| p.when(cx.lang)).unwrap_or_default(),
        };
        Headline { figure: figures(it, cx.lang), when }
    }
}
