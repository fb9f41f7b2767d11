//! Sources: the documents, how many figures each backs, and on Enter every record
//! that cites the selected one.

use std::rc::Rc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Ctx, Headline, RecordView, Target};
use crate::data::Dataset;
use crate::text;
use crate::tui::i18n::{Label, Message, bracketed};
use crate::tui::widgets::{Detail, labelled, list, titled, wrapped};

/// A source document, by its position.
pub struct SourceView(pub usize);

impl RecordView for SourceView {
    fn list_line(&self, cx: &Ctx, width: usize) -> Line<'static> {
        let src = &cx.data.sources[self.0];
        let date = format!(" {}", src.date);
        let title_w = width.saturating_sub(text::width(&src.id) + text::width(&date) + 2);
        Line::from(vec![
            Span::styled(format!(" {}", src.id), cx.theme.key),
            Span::raw(format!(" {}", text::pad(src.title.get(cx.lang), title_w))),
            Span::styled(date, cx.theme.dim),
        ])
    }

    fn list_width(&self, cx: &Ctx) -> usize {
        let src = &cx.data.sources[self.0];
        1 + text::width(&src.id) + 1 + text::width(src.title.get(cx.lang)) + 1 + text::width(&src.date.to_string())
    }

    fn detail(&self, cx: &Ctx, width: usize) -> Detail {
        let th = cx.theme;
        let lang = cx.lang;
        let src = &cx.data.sources[self.0];
        let field = |label: Label, value: &str, style| labelled(label.get(lang), value, width, th.header, style);
        let mut lines = wrapped(src.title.get(lang.toggle()), width, th.dim);
        lines.extend(field(Label::Publisher, src.publisher.get(lang), th.base));
        lines.extend(field(Label::Date, &src.date.to_string(), th.base));
        if let Some(why) = &src.date_inferred {
            lines.extend(field(Label::Inferred, why.get(lang), th.dim));
        }
        lines.extend(field(Label::Kind, src.kind.label(lang), th.base));
        let file = src.file.to_string() + &bracketed(lang, &format!("{} {}", src.lines, Label::Lines.get(lang)));
        lines.extend(field(Label::File, &file, th.base));
        lines.push(Line::default());
        lines.extend(wrapped(src.summary.get(lang), width, th.base));
        lines.push(Line::default());
        let n = cx.citations.get(self.0).copied().unwrap_or(0);
        lines.extend(wrapped(&Message::Backs(n).get(lang), width, th.key));
        Detail { title: src.title.get(lang).to_owned(), card: None, lines, chart: None }
    }

    fn citation(&self, cx: &Ctx) -> String {
        let src = &cx.data.sources[self.0];
        format!("{} / {} — {}, {} ({})", src.title.zh(), src.title.en(), src.publisher.en(), src.date, src.file)
    }

    fn headline(&self, cx: &Ctx) -> Headline {
        Headline { figure: String::new(), when: cx.data.sources[self.0].date.to_string() }
    }
}

/// The records citing a source, listed in the detail pane's place.
#[derive(Debug, Clone, PartialEq)]
pub struct Citing {
    /// The source, by its position.
    pub source: usize,
    /// Each record citing the source, with how many of its figures and dates do;
    /// shared, as the places kept for going back hold copies of the list.
    pub targets: Rc<[(Target, usize)]>,
    pub sel: usize,
    pub offset: usize,
}

impl Citing {
    /// Every record citing the `source`th source, none selected yet.
    pub fn of(source: usize, data: &Dataset) -> Citing {
        let targets = data
            .citing(&data.sources[source].id)
            .into_iter()
            .filter_map(|c| Target::of(c.ordinal, data).map(|t| (t, c.count)))
            .collect();
        Citing { source, targets, sel: 0, offset: 0 }
    }

    pub fn draw(&self, cx: &Ctx, pane: Rect, buf: &mut Buffer) {
        let id = &*cx.data.sources[self.source].id;
        let title = Message::Citing { id, n: self.targets.len() }.get(cx.lang);
        let block = titled(&title, pane.width, cx.theme.border, cx.theme);
        let area = block.inner(pane);
        block.render(pane, buf);
        let w = usize::from(area.width);
        let item = |&(target, n): &(Target, usize)| {
            let tab = format!("[{}] ", target.tab().title(cx.lang));
            let count = format!(" ×{n}");
            let name = target.record(cx.data).map(|r| r.name().get(cx.lang)).unwrap_or_default();
            let name_w = w.saturating_sub(text::width(&tab) + text::width(&count));
            list::Item::Entry(Line::from(vec![
                Span::styled(text::truncate(&tab, w).into_owned(), cx.theme.dim),
                Span::raw(text::pad(name, name_w)),
                Span::styled(text::truncate(&count, w.saturating_sub(text::width(&tab))).into_owned(), cx.theme.key),
            ]))
        };
        if self.targets.is_empty() {
            return list::empty(area, buf, Label::NoCiting.get(cx.lang), cx.theme);
        }
        list::draw(area, buf, &self.targets[..], item, self.offset, Some(self.sel), cx.theme);
    }
}
