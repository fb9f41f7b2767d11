//! `list`: the records, one a line (text or TSV) or as a JSON array, for scripts and
//! for pickers such as fzf.

use std::borrow::Cow;
use std::io::Write;

use serde_json::json;

use super::{CliError, ListFormat, ListWhat};
use crate::data::{Dataset, Lang, Record};
use crate::export;
use crate::text;

pub fn run(data: &Dataset, what: Option<ListWhat>, format: ListFormat, out: &mut dyn Write) -> Result<(), CliError> {
    let wanted = data.records().filter(|r| {
        matches!(
            (what, r),
            (None, _)
                | (Some(ListWhat::Indicators), Record::Indicator(..))
                | (Some(ListWhat::Events), Record::Event(_))
                | (Some(ListWhat::Lists), Record::List(_) | Record::Item(..))
                | (Some(ListWhat::Sources), Record::Source(_))
        )
    });
    match format {
        ListFormat::Text => {
            for r in wanted {
                let name = r.name();
                writeln!(out, "{}\t{}\t{}", clean(r.id()), clean(name.zh()), clean(name.en()))?;
            }
        }
        ListFormat::Tsv => {
            writeln!(out, "id\ttab\tname_zh\tname_en\tfigure\tyear")?;
            for r in wanted {
                let (name, (figure, year)) = (r.name(), headline(r, Lang::En, None));
                let year = year.map_or_else(String::new, |y| y.to_string());
                let row = [clean(r.id()), clean(r.tab()), clean(name.zh()), clean(name.en()), clean(&figure)];
                writeln!(out, "{}\t{year}", row.join("\t"))?;
            }
        }
        ListFormat::Json => {
            let rows: Vec<_> = wanted
                .map(|r| {
                    let (figure, year) = headline(r, Lang::En, None);
                    json!({ "id": r.id(), "tab": r.tab(), "title": r.name(), "figure": figure, "year": year })
                })
                .collect();
            export::json_value(&rows, out)?;
        }
    }
    Ok(())
}

pub(super) fn clean(s: &str) -> Cow<'_, str> {
    text::escape_controls(s, "")
}

/// A record's headline figure (in `lang`) and its year, or its date's year; of the
/// years `within` where it has one then.
pub(super) fn headline(r: Record<'_>, lang: Lang, within: Option<(i32, i32)>) -> (String, Option<i32>) {
    match r {
        Record::Event(e) => {
            let dated = |d: &&crate::data::DateClaim| within.is_none_or(|(a, b)| (a..=b).contains(&d.date.year));
            let date = e.dates.iter().find(dated).or(e.dates.first());
            (String::new(), date.map(|d| d.date.year))
        }
        Record::Source(s) => (String::new(), Some(s.date.year)),
        _ => {
            let point = within.and_then(|years| r.headline_within(years)).or_else(|| r.headline());
            point.map_or((String::new(), None), |p| (p.display_marked(lang), p.year))
        }
    }
}
