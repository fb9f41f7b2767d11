//! The policy timeline: events in date order, each date as precise as its source, and
//! both dates shown where the sources disagree.

use ratatui::text::{Line, Span};

use super::indicators::cite_line;
use super::sources::{cite, source_summary};
use crate::data::{Event, Lang};
use crate::text;
use crate::tui::app::App;
use crate::tui::widgets::{Detail, labelled, wrapped};

/// Fits "by 2018-03-06".
const DATE_W: usize = 13;

pub fn list_line(app: &App, e: &Event, width: usize) -> Line<'static> {
    let disputed = !e.disputed_dates().is_empty();
    let date_w = DATE_W.min(width / 3);
    let date = text::pad(&e.date_label(app.lang), date_w);
    let mark = if disputed { "⚠" } else { " " };
    let title = text::pad(e.title.get(app.lang), width.saturating_sub(date_w + 2));
    let date_style = if disputed { app.theme.warn } else { app.theme.key };
    Line::from(vec![
        Span::styled(date, date_style),
        Span::styled(mark, app.theme.warn),
        Span::raw(" "),
        Span::raw(title),
    ])
}

pub fn detail(app: &App, e: &Event, width: usize) -> Detail {
    let th = &app.theme;
    let lang = app.lang;
    let mut lines = wrapped(e.title.get(lang.toggle()), width, th.dim);
    let disputed = !e.disputed_dates().is_empty();
    let date = match (disputed, lang) {
        (true, Lang::Zh) => format!("{} — 来源说法不一", e.date_label(lang)),
        (true, Lang::En) => format!("{} — sources disagree", e.date_label(lang)),
        (false, _) => e.date_label(lang),
    };
    lines.extend(wrapped(&date, width, if disputed { th.warn } else { th.key }));
    lines.extend(wrapped(e.category.label(lang), width, th.header));
    lines.extend(wrapped(e.summary.get(lang), width, th.base));
    lines.push(Line::default());
    lines.extend(wrapped(if lang == Lang::Zh { "日期与来源" } else { "Dates and sources" }, width, th.header));
    for d in &e.dates {
        let label = text::pad(&d.display(lang), DATE_W.min(width / 3));
        let at = format!("{} {}", cite(&d.source, d.line), source_summary(app, &d.source));
        lines.extend(labelled(&label, &at, width, if disputed { th.warn } else { th.key }, th.base));
    }
    Detail { title: e.title.get(lang).to_owned(), card: None, lines, chart: None }
}

pub fn citation(app: &App, e: &Event) -> String {
    let mut out = format!("{} / {}: {}", e.title.zh(), e.title.en(), e.date_label(Lang::En));
    for d in &e.dates {
        out.push_str(&format!(
            "\n{} — {}, {}",
            d.display(Lang::En),
            source_summary(app, &d.source),
            cite_line(app, &d.source, d.line)
        ));
    }
    out
}
