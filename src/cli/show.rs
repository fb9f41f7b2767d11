//! `show ID`: one record in full, as text or JSON, with its cited lines on request.

use std::io::{self, Write};

use serde_json::json;

use super::context::Context;
use super::{CliError, OutputFormat};
use crate::data::{Dataset, Lang, Point, Record, Text};
use crate::docs::{Docs, DocsError};
use crate::{export, text};

/// Prints `record`; with `context`, each line it cites and that many lines around it.
pub fn run(
    data: &Dataset,
    record: Record<'_>,
    format: OutputFormat,
    context: Option<usize>,
    docs: Result<Docs, DocsError>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    // Read before anything is printed: a missing document leaves no half output.
    let context = context.map(|n| Context::read(data, record, docs, n)).transpose()?;
    match format {
        OutputFormat::Text => {
            let mut text = Vec::new();
            show_text(data, record, &mut text)?;
            if let Some(c) = &context {
                c.write_text(&mut text)?;
            }
            let text = String::from_utf8_lossy(&text);
            out.write_all(text::escape_controls(&text, "\n").as_bytes())?;
        }
        OutputFormat::Json => {
            let mut value = show_json(data, record);
            if let Some(c) = &context {
                value["context"] = c.json();
            }
            export::json_value(&value, out)?
        }
    }
    Ok(())
}

fn source_label(data: &Dataset, id: &str, line: u32) -> String {
    match data.source(id) {
        Some(s) => format!("{id}:{line} 《{}》 {} ({})", s.title.zh(), s.file, s.date),
        None => format!("{id}:{line}"),
    }
}

fn show_text(data: &Dataset, record: Record<'_>, out: &mut dyn Write) -> io::Result<()> {
    let name = record.name();
    writeln!(out, "{}  {} · {}", record.id(), name.zh(), name.en())?;
    match record {
        Record::Source(s) => {
            writeln!(out, "source · {} · {}", s.publisher.en(), s.date)?;
            writeln!(out, "file: {} ({} lines)", s.file, s.lines)?;
            if let Some(why) = &s.date_inferred {
                both(out, "date inferred: ", why)?;
            }
            both(out, "", &s.summary)?;
            let citing = data.citing(&s.id);
            writeln!(out, "cited by {} records:", citing.len())?;
            for c in citing {
                writeln!(out, "  {:<32} {:>3}  {}", c.record.id(), c.count, c.record.name().en())?;
            }
        }
        Record::Indicator(ind, _) => {
            writeln!(out, "indicator · {} · {} · {}", record.tab(), ind.theme.label().en(), ind.scope.label(Lang::En))?;
            both(out, "", &ind.summary)?;
            if let Some(d) = &ind.disagreement {
                writeln!(out, "SOURCES DISAGREE: {} / {}", d.en(), d.zh())?;
            }
            for (p, columns) in ind.points.iter().zip(point_columns(&ind.points)) {
                writeln!(out, "  {columns} {}", source_label(data, &p.source, p.line))?;
                if let Some(note) = &p.note {
                    both(out, "      note: ", note)?;
                }
            }
        }
        Record::Event(e) => {
            writeln!(out, "event · {:?}", e.category)?;
            both(out, "", &e.summary)?;
            if !e.disputed_dates().is_empty() {
                writeln!(out, "SOURCES DISAGREE on the date: {}", e.date_label(Lang::En))?;
            }
            let whens: Vec<[String; 1]> = e.dates.iter().map(|d| [d.display(Lang::En)]).collect();
            for (d, when) in e.dates.iter().zip(aligned(&whens)) {
                writeln!(out, "  {when} {}", source_label(data, &d.source, d.line))?;
            }
        }
        Record::List(l) => {
            writeln!(out, "list · {} items", l.items.len())?;
            for i in &l.items {
                writeln!(out, "  {:<28} {} · {}", i.id, i.name.zh(), i.name.en())?;
            }
        }
        Record::Item(l, i) => {
            writeln!(out, "item of {} · {}", l.id, l.name.en())?;
            if let Some(y) = i.since {
                writeln!(out, "since {y}")?;
            }
            for (p, columns) in i.points.iter().zip(point_columns(&i.points)) {
                writeln!(out, "  {columns} {}", source_label(data, &p.source, p.line))?;
            }
            writeln!(out, "source: {}", source_label(data, &i.source, i.line))?;
        }
    }
    Ok(())
}

/// A text in Chinese, then in English, each on its own line after `lead` (the English
/// indented under the Chinese); a language the data leaves empty is left out.
fn both(out: &mut dyn Write, lead: &str, t: &Text) -> io::Result<()> {
    let indent = " ".repeat(text::width(lead));
    let lines = [t.zh(), t.en()].into_iter().filter(|s| !s.is_empty());
    for (i, line) in lines.enumerate() {
        writeln!(out, "{}{line}", if i == 0 { lead } else { &indent })?;
    }
    Ok(())
}

/// Each figure's when, its figure in Chinese and English, and its kind, aligned.
fn point_columns(points: &[Point]) -> Vec<String> {
    let cells: Vec<[String; 4]> = points
        .iter()
        .map(|p| [p.when(Lang::En), p.display(Lang::Zh), p.display(Lang::En), p.kind.label(Lang::En).to_owned()])
        .collect();
    aligned(&cells)
}

/// Rows of cells in columns as wide as each column's widest: a period, a figure or a
/// date is never cut, as the reader checks it against the source.
fn aligned<const N: usize>(rows: &[[String; N]]) -> Vec<String> {
    let widths: [usize; N] = std::array::from_fn(|k| rows.iter().map(|c| text::width(&c[k])).max().unwrap_or(0));
    rows.iter().map(|c| c.iter().zip(widths).map(|(s, w)| text::pad(s, w)).collect::<Vec<_>>().join(" ")).collect()
}

fn show_json(data: &Dataset, record: Record<'_>) -> serde_json::Value {
    let body = match record {
        Record::Source(s) => json!(s),
        Record::Indicator(i, _) => json!(i),
        Record::Event(e) => json!(e),
        Record::List(l) => json!(l),
        Record::Item(_, i) => json!(i),
    };
    let mut cited: Vec<&str> = record.cited_sources().collect();
    cited.sort_unstable();
    cited.dedup();
    let sources: Vec<_> = cited
        .iter()
        .filter_map(|id| data.source(id))
        .map(|s| json!({"id": s.id, "file": s.file, "title": s.title, "date": s.date}))
        .collect();
    json!({ "kind": record.kind(), "tab": record.tab(), "record": body, "sources": sources })
}
