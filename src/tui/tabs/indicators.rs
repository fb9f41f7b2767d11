//! Industry and Ecology: indicators grouped by theme; the detail shows figures by
//! year, a chart or a big figure, sources, and any disagreement side by side.

use std::collections::BTreeMap;

use ratatui::text::{Line, Span};

use super::{Ctx, Headline, RecordView};
use crate::compare::{RANK, series};
use crate::data::{Indicator, Kind, Lang, Point, Record};
use crate::text;
use crate::tui::cite::{cite, copied_source, source_summary};
use crate::tui::i18n::{Label, Message, bracketed, chart_unit};
use crate::tui::widgets::chart::{Bar, Bars, spark_spans};
use crate::tui::widgets::{Card, Detail, labelled, wrapped};

/// An Industry or Ecology indicator.
pub struct IndicatorView<'a>(pub &'a Indicator);

impl RecordView for IndicatorView<'_> {
    fn list_line(&self, cx: &Ctx, width: usize) -> Line<'static> {
        let ind = self.0;
        let warn = warning(ind);
        let figure = self.headline(cx).figure;
        // The figure is what the row is for: the name is cut first, down to a few
        // cells, and only a row too narrow even for that drops the figure, which
        // shows whole or not at all.
        let fits = text::width(warn) + 1 + MIN_NAME + 1 + text::width(&figure) <= width;
        let right = if !figure.is_empty() && fits { format!(" {figure}") } else { String::new() };
        let name_w = width.saturating_sub(text::width(&right) + text::width(warn) + 1);
        let name = format!(" {}", text::pad(ind.name.get(cx.lang), name_w));
        Line::from(vec![
            Span::styled(warn.to_owned(), cx.theme.warn),
            Span::raw(name),
            Span::styled(right, cx.theme.figure),
        ])
    }

    fn list_width(&self, cx: &Ctx) -> usize {
        let ind = self.0;
        let figure = headline(ind).map_or(0, |p| 1 + text::width(&p.display(cx.lang)));
        text::width(warning(ind)) + 1 + text::width(ind.name.get(cx.lang)) + figure
    }

    fn detail(&self, cx: &Ctx, width: usize) -> Detail {
        let ind = self.0;
        let th = cx.theme;
        let lang = cx.lang;
        let mut lines: Vec<Line<'static>> = Vec::new();
        lines.extend(wrapped(ind.name.get(lang.toggle()), width, th.dim));
        let scope = format!("{} · {}", ind.scope.label(lang), ind.theme.label().get(lang));
        lines.extend(wrapped(&scope, width, th.header));
        lines.extend(wrapped(ind.summary.get(lang), width, th.base));

        if let Some(d) = &ind.disagreement {
            lines.push(Line::default());
            lines.extend(wrapped(Label::SourcesDisagree.get(lang), width, th.warn));
            lines.extend(wrapped(d.get(lang), width, th.warn));
            lines.extend(versions(cx, ind, width));
        }

        lines.push(Line::default());
        lines.extend(figure_table(cx, ind, width));

        // A rank is no quantity: a taller bar would mean a worse place.
        let series = series(ind);
        let series = if series.len() >= 2 && series[0].unit != RANK { series } else { Vec::new() };
        let any_computed = series.iter().any(|p| p.kind == Kind::Computed);
        if let (Some(first), Some(last)) = (series.first(), series.last()) {
            let values: Vec<(f64, bool)> = series.iter().map(|p| (p.value, p.kind == Kind::Computed)).collect();
            let (first, last) = (first.year.unwrap_or_default(), last.year.unwrap_or_default());
            let mut trend = vec![Span::styled(format!("{} {first}–{last} ", Label::Trend.get(lang)), th.header)];
            trend.extend(spark_spans(&values, values.len(), th));
            if any_computed {
                trend.push(Span::styled(format!("  {}", Label::ComputedLegend.get(lang)), th.computed));
            }
            lines.push(Line::default());
            lines.push(Line::from(trend));
        }

        lines.push(Line::default());
        lines.extend(wrapped(Label::SourcesHeading.get(lang), width, th.header));
        let mut cited: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
        for p in &ind.points {
            let lines = cited.entry(&*p.source).or_default();
            if !lines.contains(&p.line) {
                lines.push(p.line);
            }
        }
        for (source, at) in cited {
            let summary = source_summary(cx.data, lang, source);
            let where_ = Message::SourceLines { summary: &summary, lines: &at }.get(lang);
            lines.extend(labelled(source, &where_, width, th.key, th.base));
        }

        let chart = (!series.is_empty()).then(|| {
            // Values in the unit the figure table uses, in either language.
            let max = series.iter().map(|p| p.value.abs()).fold(0.0, f64::max);
            let (unit, factor) = chart_unit(&series[0].unit, max, lang);
            Bars {
                title: ind.name.get(lang).to_owned() + &bracketed(lang, &unit),
                legend: if any_computed { Label::ComputedLegend.get(lang).to_owned() } else { String::new() },
                bars: series
                    .iter()
                    .map(|p| Bar {
                        label: p.year.unwrap_or_default().to_string(),
                        value: p.value,
                        text: crate::data::number(p.value * factor, lang == Lang::En),
                        computed: p.kind == Kind::Computed,
                    })
                    .collect(),
            }
        });
        let card = match &*ind.points {
            [p] => Some(Card {
                value: p.display(lang),
                caption: [p.when(lang), p.kind.label(lang).to_owned(), cite(&p.source, p.line)]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · "),
            }),
            _ => None,
        };
        Detail { title: ind.name.get(lang).to_owned(), card, lines, chart }
    }

    fn citation(&self, cx: &Ctx) -> String {
        let ind = self.0;
        let mut out = format!("{} / {}", ind.name.zh(), ind.name.en());
        for p in &ind.points {
            let computed = if p.kind == Kind::Computed { " [computed]" } else { "" };
            out.push_str(&format!(
                "\n{} {} ({}){computed} — {}",
                p.when(Lang::En),
                p.display(Lang::Zh),
                p.display(Lang::En),
                copied_source(cx.data, cx.lang, &p.source, p.line),
            ));
        }
        out.trim_start().to_owned()
    }

    fn headline(&self, cx: &Ctx) -> Headline {
        headline(self.0)
            .map_or_else(Headline::default, |p| Headline { figure: p.display(cx.lang), when: p.when(cx.lang) })
    }
}

/// Cells a cut name keeps in a list row before its figure is dropped.
const MIN_NAME: usize = 4;

/// A list row's mark for an indicator whose sources disagree.
fn warning(ind: &Indicator) -> &'static str {
    if ind.disagreement.is_some() { "⚠" } else { "" }
}

/// The figure a list row shows.
fn headline(ind: &Indicator) -> Option<&Point> {
    Record::Indicator(ind, false).headline()
}

/// The widest a figure table is drawn.
const TABLE_MAX: usize = 72;

/// Year, figure, kind and citation in aligned columns; notes under their row.
fn figure_table(cx: &Ctx, ind: &Indicator, width: usize) -> Vec<Line<'static>> {
    let th = cx.theme;
    let lang = cx.lang;
    let when_w = ind.points.iter().map(|p| text::width(&p.when(lang))).max().unwrap_or(0).clamp(4, 14);
    let kind_w = if width >= 56 {
        text::width(Kind::Computed.label(lang)).max(text::width(Kind::Reported.label(lang)))
    } else {
        0 // no room: computed figures keep their style and a "*"
    };
    let cite_w = 8;
    let fixed = when_w + kind_w + cite_w + 3;
    // The table spans the pane up to a readable width: on a wide screen the kind and
    // the source stay near the figure they belong to.
    let fig_w = width.min(TABLE_MAX).saturating_sub(fixed).max(4);
    let row = |cells: [String; 4]| -> String {
        let [when, fig, kind, cite] = cells;
        if kind_w == 0 { [when, fig, cite].join(" ") } else { [when, fig, kind, cite].join(" ") }
    };
    let head = row([
        text::pad(Label::Year.get(lang), when_w),
        text::pad(Label::Figure.get(lang), fig_w),
        text::pad(Label::Kind.get(lang), kind_w),
        text::pad(Label::Source.get(lang), cite_w),
    ]);
    let mut out = vec![Line::styled(text::truncate(&head, width).into_owned(), th.header)];
    for p in &ind.points {
        let computed = p.kind == Kind::Computed;
        let star = if computed && kind_w == 0 { "*" } else { "" };
        let cells = row([
            text::pad(&p.when(lang), when_w),
            text::pad(&format!("{}{star}", p.display(lang)), fig_w),
            text::pad(p.kind.label(lang), kind_w),
            text::pad(&cite(&p.source, p.line), cite_w),
        ]);
        out.push(Line::styled(text::truncate(&cells, width).into_owned(), th.kind(computed)));
        if let Some(note) = &p.note {
            out.extend(labelled("", note.get(lang), width, th.dim, th.dim));
        }
    }
    out
}

/// Each source's figures in its own column, side by side where the width allows.
fn versions(cx: &Ctx, ind: &Indicator, width: usize) -> Vec<Line<'static>> {
    let mut by_source: BTreeMap<&str, Vec<&Point>> = BTreeMap::new();
    for p in ind.points.iter().filter(|p| p.kind == Kind::Reported) {
        by_source.entry(&*p.source).or_default().push(p);
    }
    let columns: Vec<Vec<String>> = by_source
        .iter()
        .map(|(source, points)| {
            let date = cx.data.source(source).map(|s| s.date.to_string()).unwrap_or_default();
            let mut col = vec![format!("{source}{}", bracketed(cx.lang, &date))];
            col.extend(
                points.iter().map(|p| format!("{} {}", p.display(cx.lang), p.when(cx.lang)).trim_end().to_owned()),
            );
            col
        })
        .collect();
    let n = columns.len().max(1);
    let sep = " │ ";
    let col_w = width.saturating_sub((n - 1) * 3) / n;
    let th = cx.theme;
    if col_w < 16 {
        // Too narrow for columns: one version after another.
        return columns
            .iter()
            .flat_map(|c| {
                c.iter().enumerate().flat_map(|(i, s)| wrapped(s, width, if i == 0 { th.key } else { th.base }))
            })
            .collect();
    }
    let wrapped_cols: Vec<Vec<String>> =
        columns.iter().map(|c| c.iter().flat_map(|s| text::wrap(s, col_w)).collect()).collect();
    let height = wrapped_cols.iter().map(Vec::len).max().unwrap_or(0);
    (0..height)
        .map(|r| {
            let mut spans = Vec::new();
            for (k, col) in wrapped_cols.iter().enumerate() {
                if k > 0 {
                    spans.push(Span::styled(sep, th.warn));
                }
                let cell = text::pad(col.get(r).map_or("", String::as_str), col_w);
                spans.push(Span::styled(cell, if r == 0 { th.key } else { th.base }));
            }
            Line::from(spans)
        })
        .collect()
}
