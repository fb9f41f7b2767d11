//! The source pane on screen: each document line wrapped (CJK-correct, by `text::wrap`)
//! beside a gutter of line numbers and marks, the cited line and its figure
//! highlighted. `Layout` is also what the pane scrolls by.

use std::ops::Range;
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_segmentation::UnicodeSegmentation;

use super::{Cite, Of, Reading, Top};
use crate::docs::{self, DocsError, Document};
use crate::text;
use crate::tui::cite::cite;
use crate::tui::i18n::{Label, Message};
use crate::tui::tabs::Ctx;
use crate::tui::widgets::{titled, wrapped};

/// A document laid out for a pane `width` cells wide inside its border.
pub struct Layout {
    doc: Arc<Document>,
    /// Mark, line number, space.
    gutter: usize,
    /// What is left for the text.
    width: usize,
}

impl Layout {
    pub fn new(doc: &Arc<Document>, width: usize) -> Layout {
        let gutter = doc.len().to_string().len() + 2;
        Layout { doc: Arc::clone(doc), gutter, width: width.saturating_sub(gutter).max(1) }
    }

    pub fn len(&self) -> usize {
        self.doc.len()
    }

    /// How many rows line `n` wraps to (an empty line takes one).
    pub fn rows(&self, n: usize) -> usize {
        text::wrap(self.doc.line(n).unwrap_or_default(), self.width).len().max(1)
    }

    /// The top that leaves `above` rows over the start of line `n`, or fewer at the
    /// document's start.
    pub fn back_from(&self, n: usize, mut above: usize) -> Top {
        let mut top = Top { line: n, row: 0 };
        while above > 0 && top.line > 1 {
            let rows = self.rows(top.line - 1);
            top = Top { line: top.line - 1, row: rows.saturating_sub(above) };
            above = above.saturating_sub(rows);
        }
        top
    }

    /// Line `n`'s rows, each grapheme styled `lit` inside one of `ranges` (byte ranges
    /// of the line) and `base` elsewhere. Wrapping only drops spaces and controls, so
    /// each row's graphemes are found again, in order, in the line.
    fn styled(&self, n: usize, ranges: &[Range<usize>], base: Style, lit: Style) -> Vec<Vec<Span<'static>>> {
        let line = self.doc.line(n).unwrap_or_default();
        let mut source = line.grapheme_indices(true);
        text::wrap(line, self.width)
            .iter()
            .map(|row| {
                let mut spans: Vec<(String, Style)> = Vec::new();
                for g in row.graphemes(true) {
                    let at = source.find(|&(_, s)| s == g).map_or(usize::MAX, |(i, _)| i);
                    let style = if ranges.iter().any(|r| r.contains(&at)) { lit } else { base };
                    match spans.last_mut() {
                        Some((s, st)) if *st == style => s.push_str(g),
                        _ => spans.push((g.to_owned(), style)),
                    }
                }
                spans.into_iter().map(|(s, st)| Span::styled(s, st)).collect()
            })
            .collect()
    }
}

/// Where `c`'s figure is written in `line`.
fn figure(cx: &Ctx, c: &Cite, line: &str) -> Option<Range<usize>> {
    let record = c.target.record(cx.data)?;
    docs::cited(record).get(c.k)?.figure.find(line)
}

pub fn draw(r: &Reading, cx: &Ctx, pane: Rect, buf: &mut Buffer) {
    let (th, lang) = (cx.theme, cx.lang);
    let src = &cx.data.sources[r.source];
    let title = match r.of {
        Of::Record(_) => {
            format!(" {} · {}/{} · {} ", cite(&src.id, r.cursor as u32), r.at + 1, r.cites.len(), src.file)
        }
        Of::Source(_) => format!(" {} · {} ", src.id, src.file),
    };
    let hint = match (r.of, r.cites_on(r.cursor).next()) {
        // Without the text, no line to step to or jump from.
        _ if r.doc.is_err() => Label::ReadingClose.get(lang).to_owned(),
        (Of::Source(_), Some(c)) => {
            let mut others: Vec<_> = r.cites_on(r.cursor).map(|o| o.target).filter(|&t| t != c.target).collect();
            others.dedup();
            let name = c.target.record(cx.data).map_or("", |rec| rec.name().get(lang));
            Message::CitedBy { name, more: others.len() }.get(lang)
        }
        (Of::Source(_), None) => Label::ReadingWholeKeys.get(lang).to_owned(),
        (Of::Record(_), _) => Label::ReadingKeys.get(lang).to_owned(),
    };
    let hint = text::truncate(&format!(" {hint} "), usize::from(pane.width.saturating_sub(4))).into_owned();
    let block = titled(&title, pane.width, th.border, th).title_bottom(Line::styled(hint, th.dim).right_aligned());
    let area = block.inner(pane);
    block.render(pane, buf);
    let width = usize::from(area.width);
    let doc = match &r.doc {
        Ok(doc) => doc,
        Err(e) => {
            // With no folder named, the how-to says all there is to say.
            let mut lines = match e {
                DocsError::NotGiven => Vec::new(),
                _ => [wrapped(&Message::NoDocument(e).get(lang), width, th.warn), vec![Line::default()]].concat(),
            };
            lines.extend(wrapped(Label::DocsHow.get(lang), width, th.base));
            Paragraph::new(lines).render(area, buf);
            return;
        }
    };
    let layout = Layout::new(doc, width);
    let digits = layout.gutter - 2;
    let mut rows: Vec<Line<'static>> = Vec::new();
    let top = r.top_at(&layout, (width, usize::from(area.height)));
    let mut n = top.line.clamp(1, layout.len());
    let mut skip = top.row.min(layout.rows(n) - 1);
    while rows.len() < usize::from(area.height) && n <= layout.len() {
        let text = doc.line(n).unwrap_or_default();
        let here: Vec<&Cite> = r.cites_on(n).collect();
        // A record's pane lights its current citation; a whole document, every one.
        let lit: Vec<&Cite> = match r.of {
            Of::Record(_) => here.iter().copied().filter(|c| **c == r.cites[r.at]).collect(),
            Of::Source(_) => here.clone(),
        };
        let ranges: Vec<Range<usize>> = lit.iter().filter_map(|c| figure(cx, c, text)).collect();
        let base = if lit.is_empty() { th.base } else { th.key };
        let mark = match (n == r.cursor, here.is_empty()) {
            (true, _) => ">",
            (false, false) => "*",
            (false, true) => " ",
        };
        let number_style = if n == r.cursor { th.selected } else { th.dim };
        for (i, spans) in layout.styled(n, &ranges, base, th.selected).into_iter().enumerate().skip(skip) {
            let gutter = if i == 0 {
                vec![Span::styled(mark, th.key), Span::styled(format!("{n:>digits$}"), number_style), Span::raw(" ")]
            } else {
                vec![Span::raw(" ".repeat(layout.gutter))]
            };
            rows.push(Line::from([gutter, spans].concat()));
        }
        skip = 0;
        n += 1;
    }
    rows.truncate(usize::from(area.height));
    Paragraph::new(rows).render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_rows_keep_every_character_and_light_only_the_figure() {
        let doc = Arc::new(Document::new("柳州 新能源汽车产量48.2万辆、增长157.6%".as_bytes()));
        let layout = Layout::new(&doc, 13); // a 10-cell text column
        let line = doc.line(1).unwrap();
        let at = line.find("48.2").unwrap();
        let (base, lit) = (Style::new(), Style::new().bold());
        let figure = at..at + "48.2万辆".len();
        let rows = layout.styled(1, std::slice::from_ref(&figure), base, lit);
        let joined: String = rows.iter().flatten().map(|s| s.content.as_ref()).collect();
        assert_eq!(joined.replace(" ", ""), line.replace(" ", ""), "wrapping only drops spaces");
        let lit_text: String = rows.iter().flatten().filter(|s| s.style == lit).map(|s| s.content.as_ref()).collect();
        assert_eq!(lit_text, "48.2万辆");
        assert_eq!(layout.rows(1), rows.len());
        assert!(rows.iter().all(|r| r.iter().map(|s| text::width(&s.content)).sum::<usize>() <= 10));
    }

    #[test]
    fn at_every_width_rows_fit_and_lose_nothing_but_spaces() {
        let doc = Arc::new(Document::new("2020年，柳州 new-energy 汽车产量18.7万辆（同比增长198.2%）。".as_bytes()));
        let line = doc.line(1).unwrap().replace(' ', "");
        for width in 5..60 {
            let layout = Layout::new(&doc, width);
            let rows = layout.styled(1, &[], Style::new(), Style::new());
            let widths = rows.iter().map(|r| r.iter().map(|s| text::width(&s.content)).sum::<usize>());
            assert!(widths.clone().all(|w| w <= width - 3), "width {width}");
            let joined: String = rows.iter().flatten().map(|s| s.content.as_ref()).collect();
            assert_eq!(joined.replace(' ', ""), line, "width {width}");
            assert_eq!(layout.rows(1), rows.len());
        }
    }
}
