//! The policy timeline: events in date order, each date as precise as its source, and
//! both dates shown where the sources disagree.

use ratatui::text::{Line, Span};

use super::{Ctx, Headline, RecordView};
use crate::data::{Dataset, Event, Lang};
use crate::text;
use crate::tui::cite::{cite, copied_source, source_summary};
use crate::tui::i18n::{Label, Message};
use crate::tui::widgets::{Detail, labelled, wrapped};

/// The widest date the timeline shows in `lang`, so that no date in its column is cut
/// ("不晚于2018-03-06" is three cells wider than "by 2018-03-06").
pub fn date_width(data: &Dataset, lang: Lang) -> usize {
    let events = data.timeline.iter();
    let labels =
        events.flat_map(|e| std::iter::once(e.date_label(lang)).chain(e.dates.iter().map(|d| d.display(lang))));
    labels.map(|l| text::width(&l)).max().unwrap_or(0)
}

/// An event of the timeline.
pub struct EventView<'a>(pub &'a Event);

impl RecordView for EventView<'_> {
    fn list_line(&self, cx: &Ctx, width: usize) -> Line<'static> {
        let e = self.0;
        let disputed = !e.disputed_dates().is_empty();
        let date_w = cx.date_width().min(width / 3);
        let date = text::pad(&e.date_label(cx.lang), date_w);
        let mark = if disputed { "⚠" } else { " " };
        let title = text::pad(e.title.get(cx.lang), width.saturating_sub(date_w + 2));
        let date_style = if disputed { cx.theme.warn } else { cx.theme.key };
        Line::from(vec![
            Span::styled(date, date_style),
            Span::styled(mark, cx.theme.warn),
            Span::raw(" "),
            Span::raw(title),
        ])
    }

    fn list_width(&self, cx: &Ctx) -> usize {
        cx.date_width() + 2 + text::width(self.0.title.get(cx.lang))
    }

    fn detail(&self, cx: &Ctx, width: usize) -> Detail {
        let e = self.0;
        let th = cx.theme;
        let lang = cx.lang;
        let mut lines = wrapped(e.title.get(lang.toggle()), width, th.dim);
        let disputed = !e.disputed_dates().is_empty();
        let date = e.date_label(lang);
        let date = if disputed { Message::DateDisputed(&date).get(lang) } else { date };
        lines.extend(wrapped(&date, width, if disputed { th.warn } else { th.key }));
        lines.extend(wrapped(e.category.label(lang), width, th.header));
        lines.extend(wrapped(e.summary.get(lang), width, th.base));
        lines.push(Line::default());
        lines.extend(wrapped(Label::DatesAndSources.get(lang), width, th.header));
        let dates: Vec<String> = e.dates.iter().map(|d| d.display(lang)).collect();
        let date_w = dates.iter().map(|d| text::width(d)).max().unwrap_or(0).min(width / 3);
        for (d, shown) in e.dates.iter().zip(&dates) {
            let label = text::pad(shown, date_w);
            let at = format!("{} {}", cite(&d.source, d.line), source_summary(cx.data, lang, &d.source));
            lines.extend(labelled(&label, &at, width, if disputed { th.warn } else { th.key }, th.base));
        }
        Detail { title: e.title.get(lang).to_owned(), card: None, lines, chart: None }
    }

    fn citation(&self, cx: &Ctx) -> String {
        let e = self.0;
        let mut out = format!("{} / {}: {}", e.title.zh(), e.title.en(), e.date_label(Lang::En));
        for d in &e.dates {
            out.push_str(&format!(
                "\n{} — {}",
                d.display(Lang::En),
                copied_source(cx.data, cx.lang, &d.source, d.line)
            ));
        }
        out
    }

    fn headline(&self, cx: &Ctx) -> Headline {
        Headline { figure: String::new(), when: self.0.date_label(cx.lang) }
    }
}
