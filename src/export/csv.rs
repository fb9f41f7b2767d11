//! The analysis-ready CSV: one row per figure, per date a source gives an event, and
//! per list item without a figure; both languages side by side, every row cited.
//! RFC 4180 (CRLF line ends, fields quoted when they must be), UTF-8.
//!
//! `value_base` is the value in the unit's base unit, `unit_base` that unit. Only the
//! Chinese magnitude words are multiplied out, by shifting the decimal point so no
//! binary rounding creeps in: 万 (10⁴) in 万辆 万吨 万元 万袋 万个 万名 万人 万次 万株
//! 万平方米, and 亿 (10⁸) in 亿元 亿件; 187.3万辆 is 1873000 vehicles. Every other unit
//! is a base unit already and keeps its value: % and 个百分点 stay percents and
//! points, 位 a rank, 份额 a fraction of one, 类 a water-quality class, 倍 a ratio, 分
//! a score; durations (年 个月 天 小时 分钟) and areas (平方米 公顷 亩) are not converted
//! into one another, since each is the unit the source states. A count whose unit
//! names no thing (个, 项) takes what it counts ("industrial parks") as its unit.

use std::borrow::Cow;
use std::io::Write;

use serde::Serialize;

use super::{ExportError, write_err};
use crate::data::units;
use crate::data::{Dataset, DateClaim, DateRelation, Kind, Lang, Point, Record};

/// The columns, in order: the names of `Row`'s fields (a test checks).
const HEADER: [&str; 26] = [
    "record_type",
    "id",
    "tab",
    "theme_zh",
    "theme_en",
    "name_zh",
    "name_en",
    "value",
    "unit_zh",
    "unit_en",
    "value_base",
    "unit_base",
    "qualifier",
    "year",
    "date",
    "period_zh",
    "period_en",
    "kind",
    "scope_zh",
    "scope_en",
    "source",
    "file",
    "line",
    "as_written",
    "note_zh",
    "note_en",
];

#[derive(Debug, Default, Serialize)]
struct Row<'a> {
    /// indicator, event_date or list_item.
    record_type: &'static str,
    id: &'a str,
    tab: &'static str,
    /// An indicator's theme, an event's category, an item's list.
    theme_zh: Cow<'a, str>,
    theme_en: Cow<'a, str>,
    name_zh: &'a str,
    name_en: &'a str,
    value: Option<String>,
    unit_zh: &'a str,
    unit_en: Cow<'a, str>,
    value_base: Option<String>,
    unit_base: &'a str,
    /// A figure's qualifier; for an event, whether it happened on, by or after the date.
    qualifier: &'static str,
    year: Option<i32>,
    /// An event's date as precise as its source gives it.
    date: Option<String>,
    period_zh: Option<Cow<'a, str>>,
    period_en: Option<Cow<'a, str>>,
    kind: &'static str,
    scope_zh: Option<String>,
    scope_en: Option<String>,
    source: &'a str,
    file: &'a str,
    line: u32,
    as_written: Option<&'a str>,
    note_zh: Option<&'a str>,
    note_en: Option<&'a str>,
}

pub(super) fn write(data: &Dataset, out: &mut dyn Write, shown: &str) -> Result<(), ExportError> {
    let mut w = ::csv::WriterBuilder::new().has_headers(false).terminator(::csv::Terminator::CRLF).from_writer(out);
    let encode = |e: ::csv::Error| {
        let message = e.to_string();
        match e.into_kind() {
            ::csv::ErrorKind::Io(e) => write_err(shown)(e),
            _ => ExportError::Encode(message),
        }
    };
    w.write_record(HEADER).map_err(encode)?;
    for record in data.records() {
        for row in rows(data, record) {
            w.serialize(row).map_err(encode)?;
        }
    }
    w.flush().map_err(write_err(shown))
}

/// A record's rows: none for a source or a list, whose items have their own.
fn rows<'a>(data: &'a Dataset, record: Record<'a>) -> Vec<Row<'a>> {
    let name = record.name();
    let head = |record_type, [theme_zh, theme_en]: [Cow<'a, str>; 2]| Row {
        record_type,
        id: record.id(),
        tab: record.tab(),
        theme_zh,
        theme_en,
        name_zh: name.zh(),
        name_en: name.en(),
        ..Row::default()
    };
    let cite = |row: Row<'a>, source: &'a str, line| Row { source, file: file(data, source), line, ..row };
    match record {
        Record::Indicator(ind, _) => ind
            .points
            .iter()
            .map(|p| {
                let theme = ind.theme.label();
                let row = head("indicator", [theme.zh(), theme.en()].map(|t| Cow::Owned(t.to_owned())));
                let scope = [Lang::Zh, Lang::En].map(|lang| Some(ind.scope.label(lang)));
                let [scope_zh, scope_en] = scope;
                figure(cite(Row { scope_zh, scope_en, ..row }, &p.source, p.line), p)
            })
            .collect(),
        Record::Event(e) => {
            let category = || [Lang::Zh, Lang::En].map(|lang| Cow::Borrowed(e.category.label(lang)));
            e.dates.iter().map(|d| date(cite(head("event_date", category()), &d.source, d.line), d)).collect()
        }
        Record::Item(list, item) => {
            let row = || head("list_item", [Cow::Borrowed(list.name.zh()), Cow::Borrowed(list.name.en())]);
            if item.points.is_empty() {
                let row = Row { year: item.since, kind: Kind::Reported.label(Lang::En), ..row() };
                return vec![cite(row, &item.source, item.line)];
            }
            item.points.iter().map(|p| figure(cite(row(), &p.source, p.line), p)).collect()
        }
        Record::Source(_) | Record::List(_) => Vec::new(),
    }
}

fn file<'a>(data: &'a Dataset, source: &str) -> &'a str {
    data.source(source).map_or("", |s| &*s.file)
}

/// A figure's own columns.
fn figure<'a>(row: Row<'a>, p: &'a Point) -> Row<'a> {
    let unit = units::lookup(&p.unit);
    let unit_en = match (p.counts(), unit) {
        (Some(what), _) => Cow::Borrowed(what),
        (None, Some(u)) => Cow::Owned(u.english()),
        (None, None) => Cow::Borrowed(&*p.unit),
    };
    let (value_base, unit_base) = match unit {
        Some(u) => (scaled(p.value, u.scale), p.counts().unwrap_or(u.en)),
        None => (p.value.to_string(), &*p.unit),
    };
    Row {
        value: Some(p.value.to_string()),
        unit_zh: &p.unit,
        unit_en,
        value_base: Some(value_base),
        unit_base,
        qualifier: p.qualifier.code(),
        year: p.year,
        period_zh: p.period().map(|t| Cow::Borrowed(t.zh())),
        period_en: p.period().map(|t| Cow::Borrowed(t.en())),
        kind: p.kind.label(Lang::En),
        as_written: p.as_written(),
        note_zh: p.note.as_ref().map(|n| n.zh()),
        note_en: p.note.as_ref().map(|n| n.en()),
        ..row
    }
}

/// A date's own columns; the period says it in words when it is not a plain date.
fn date<'a>(row: Row<'a>, d: &DateClaim) -> Row<'a> {
    let worded = d.relation != DateRelation::On || d.until.is_some();
    let period = |lang| worded.then(|| Cow::Owned(d.display(lang)));
    Row {
        qualifier: match d.relation {
            DateRelation::On => "on",
            DateRelation::By => "by",
            DateRelation::After => "after",
        },
        year: Some(d.date.year),
        date: Some(d.date.to_string()),
        period_zh: period(Lang::Zh),
        period_en: period(Lang::En),
        kind: Kind::Reported.label(Lang::En),
        ..row
    }
}

/// `value` × `scale`, written out. A power of ten moves the decimal point in the
/// decimal text, so 187.3 × 10⁴ is exactly 1873000.
fn scaled(value: f64, scale: f64) -> String {
    let places = scale.log10().round();
    if scale < 1.0 || 10f64.powf(places) != scale {
        return (value * scale).to_string();
    }
    let places = places as usize;
    // Display writes no exponent: every digit is there to move.
    let text = value.to_string();
    let (sign, digits) = text.strip_prefix('-').map_or(("", text.as_str()), |d| ("-", d));
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let moved = frac.len().min(places);
    let whole = format!("{int}{}{}", &frac[..moved], "0".repeat(places - moved));
    let whole = whole.trim_start_matches('0');
    let rest = frac[moved..].trim_end_matches('0');
    match (whole.is_empty(), rest.is_empty()) {
        (true, true) => "0".to_owned(),
        (_, true) => format!("{sign}{whole}"),
        (true, false) => format!("{sign}0.{rest}"),
        (false, false) => format!("{sign}{whole}.{rest}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magnitudes_move_the_decimal_point_exactly() {
        assert_eq!(scaled(187.3, 1e4), "1873000");
        assert_eq!(scaled(18.7, 1e4), "187000");
        assert_eq!(scaled(109.94, 1e8), "10994000000");
        assert_eq!(scaled(0.00012345, 1e4), "1.2345");
        assert_eq!(scaled(-2.5, 1e4), "-25000");
        assert_eq!(scaled(0.0, 1e8), "0");
        assert_eq!(scaled(46.27, 1.0), "46.27");
        assert_eq!(scaled(5.0, 1.0), "5");
    }

    #[test]
    fn the_header_names_the_rows_fields() {
        let mut w = ::csv::Writer::from_writer(Vec::new());
        w.serialize(Row::default()).unwrap();
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(text.lines().next(), Some(HEADER.join(",").as_str()));
    }
}
