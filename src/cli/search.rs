//! `search`: the query language's hits as text, JSON or TSV (for fzf and VisiData).

use std::io::Write;
use std::sync::Arc;

use serde_json::json;

use super::list::{clean, headline};
use super::{CliError, Outcome, SearchFormat, shown};
use crate::data::{Dataset, Lang, Record};
use crate::export;
use crate::search::{Hit, SearchIndex};
use crate::text;

pub fn run(
    data: &Arc<Dataset>,
    query: &str,
    format: SearchFormat,
    limit: usize,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let found = SearchIndex::new(Arc::clone(data)).search(query, limit)?;
    if found.hits.is_empty() {
        return Ok(Outcome::NotFound(format!("nothing matches {:?}", shown(query))));
    }
    // Hits are records' places in `records`; the index keeps no copy of them.
    let hits: Vec<(&Hit, Record)> = found.hits.iter().filter_map(|h| Some((h, data.record(h.entry)?))).collect();
    match format {
        SearchFormat::Text => {
            for (h, r) in hits {
                let name = r.name();
                let id = text::pad(&clean(r.id()), 32);
                let (zh, en) = (clean(name.zh()), clean(name.en()));
                let figure = figure_and_year(r, found.years);
                writeln!(out, "{:>5}  {id} {:<10} {zh} · {en}{figure}", h.score, r.tab())?;
                if let Some(s) = &h.snippet {
                    writeln!(out, "{:>7}{}: {}", "", s.field.name(), clean(&s.text))?;
                }
            }
        }
        SearchFormat::Tsv => {
            writeln!(out, "id\ttab\ttitle\tfigure\tyear")?;
            for (_, r) in hits {
                let (figure, year) = headline(r, lang, found.years);
                let year = year.map_or_else(String::new, |y| y.to_string());
                let row = [clean(r.id()), clean(r.tab()), clean(r.name().get(lang)), clean(&figure)];
                writeln!(out, "{}\t{year}", row.join("\t"))?;
            }
        }
        SearchFormat::Json => {
            let json: Vec<_> = hits
                .iter()
                .map(|(h, r)| {
                    json!({
                        "id": r.id(),
                        "kind": r.kind(),
                        "tab": r.tab(),
                        "title": r.name(),
                        "score": h.score,
                        "matched": h.matched.to_string(),
                        "snippet": h.snippet,
                    })
                })
                .collect();
            export::json_value(&json, out)?;
        }
    }
    Ok(Outcome::Done)
}

/// What a text row ends with, so that a reader can often stop at the list: the
/// record's headline figure in both languages and its year (of the years the query
/// asks for, where it has one then), or an event's or a source's year.
fn figure_and_year(r: Record<'_>, years: Option<(i32, i32)>) -> String {
    let ((zh, year), (en, _)) = (headline(r, Lang::Zh, years), headline(r, Lang::En, years));
    let year = year.map(|y| y.to_string()).unwrap_or_default();
    let parts: Vec<String> =
        [zh, en, year].into_iter().filter(|s| !s.is_empty()).map(|s| clean(&s).into_owned()).collect();
    if parts.is_empty() { String::new() } else { format!("  ({})", parts.join(" · ")) }
}
