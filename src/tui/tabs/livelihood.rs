//! Livelihood: the lists (free services with the year each began, education, sports)
//! as tables, and the selected item's figures and source below.

use ratatui::text::{Line, Span};

use super::indicators::cite_line;
use super::sources::{cite, source_summary};
use crate::data::{Item, Lang};
use crate::text;
use crate::tui::app::App;
use crate::tui::widgets::{Detail, labelled, wrapped};

fn item(app: &App, l: usize, i: usize) -> &Item {
    &app.data.livelihood[l].items[i]
}

fn figures(item: &Item, lang: Lang) -> String {
    let sep = if lang == Lang::Zh { "；" } else { "; " };
    item.points.iter().map(|p| p.display(lang)).collect::<Vec<_>>().join(sep)
}

/// A table row: name, figures, since, source; columns drop out as the width shrinks.
pub fn list_line(app: &App, l: usize, i: usize, width: usize) -> Line<'static> {
    let it = item(app, l, i);
    let lang = app.lang;
    let since =
        it.since.map(|y| if lang == Lang::Zh { format!("{y}年起") } else { format!("since {y}") }).unwrap_or_default();
    let cite_w = if width >= 60 { 8 } else { 0 };
    let since_w = if width >= 48 { 11 } else { 0 };
    // Name and figures, each after a space: a cut name ends in "…", and the figures
    // must not run on from it.
    let rest = width.saturating_sub(cite_w + since_w + 1);
    let figs = figures(it, lang);
    let name_w = (rest * 11 / 20).max(rest.saturating_sub(text::width(&figs) + 2)).min(rest.saturating_sub(2));
    let fig_w = rest.saturating_sub(name_w + 2);
    let mut spans = vec![
        Span::raw(format!(" {}", text::pad(it.name.get(lang), name_w))),
        Span::styled(format!(" {}", text::pad_left(&figs, fig_w)), app.theme.figure),
    ];
    if since_w > 0 {
        spans.push(Span::styled(text::pad_left(&since, since_w), app.theme.key));
    }
    if cite_w > 0 {
        spans.push(Span::styled(text::pad_left(&cite(&it.source, it.line), cite_w), app.theme.dim));
    }
    Line::from(spans)
}

pub fn detail(app: &App, l: usize, i: usize, width: usize) -> Detail {
    let th = &app.theme;
    let lang = app.lang;
    let list = &app.data.livelihood[l];
    let it = &list.items[i];
    let mut lines = wrapped(&format!("{} · {}", list.name.get(lang), it.name.get(lang.toggle())), width, th.dim);
    if let Some(y) = it.since {
        let since = if lang == Lang::Zh { format!("{y}年起") } else { format!("Since {y}") };
        lines.extend(wrapped(&since, width, th.key));
    }
    for p in &it.points {
        let when = p.when(lang);
        let fig = if when.is_empty() { p.display(lang) } else { format!("{} ({when})", p.display(lang)) };
        lines.extend(labelled(&cite(&p.source, p.line), &fig, width, th.dim, th.figure));
        if let Some(note) = &p.note {
            lines.extend(labelled("", note.get(lang), width, th.dim, th.dim));
        }
    }
    let at = format!("{} {}", cite(&it.source, it.line), source_summary(app, &it.source));
    lines.extend(labelled(if lang == Lang::Zh { "来源" } else { "Source" }, &at, width, th.header, th.base));
    Detail { title: it.name.get(lang).to_owned(), card: None, lines, chart: None }
}

pub fn citation(app: &App, l: usize, i: usize) -> String {
    let it = item(app, l, i);
    let mut out = format!("{} / {}", it.name.zh(), it.name.en());
    if let Some(y) = it.since {
        out.push_str(&format!(" (since {y})"));
    }
    for p in &it.points {
        out.push_str(&format!("\n{} ({})", p.display(Lang::Zh), p.display(Lang::En)));
    }
    out.push_str(&format!("\n— {}, {}", source_summary(app, &it.source), cite_line(app, &it.source, it.line)));
    out
}
