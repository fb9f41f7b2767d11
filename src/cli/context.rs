//! `show ID --context N`: each line a record cites, with N lines around it, read from
//! the source documents.

use std::io::{self, Write};

use serde_json::json;

use crate::data::{Dataset, Record};
use crate::docs::{self, Docs, DocsError, Document};

/// The cited lines of one record, each with the lines around it.
pub struct Context {
    places: Vec<Place>,
}

struct Place {
    source: String,
    file: String,
    line: usize,
    /// (line number, text), the cited line among them.
    lines: Vec<(usize, String)>,
}

impl Context {
    /// Reads every document `record` cites; the first one missing is the error.
    pub fn read(
        data: &Dataset,
        record: Record<'_>,
        docs: Result<Docs, DocsError>,
        n: usize,
    ) -> Result<Context, DocsError> {
        let docs = docs?;
        let mut opened: Vec<(&str, Document)> = Vec::new();
        let mut places: Vec<Place> = Vec::new();
        for c in docs::cited(record) {
            let line = c.line as usize;
            if places.iter().any(|p| p.source == c.source && p.line == line) {
                continue;
            }
            let Some(source) = data.source(c.source) else { continue };
            if !opened.iter().any(|(id, _)| *id == c.source) {
                opened.push((c.source, docs.open(source)?));
            }
            let Some((_, doc)) = opened.iter().find(|(id, _)| *id == c.source) else { continue };
            let around = line.saturating_sub(n).max(1)..=line.saturating_add(n).min(doc.len());
            let lines = around.filter_map(|k| Some((k, doc.line(k)?.to_owned()))).collect();
            places.push(Place { source: c.source.to_owned(), file: source.file.to_string(), line, lines });
        }
        Ok(Context { places })
    }

    /// After the record: a heading per citation, then its lines, the cited one marked.
    pub fn write_text(&self, out: &mut dyn Write) -> io::Result<()> {
        for p in &self.places {
            writeln!(out, "\n{}:{} {}", p.source, p.line, p.file)?;
            let w = p.lines.last().map_or(1, |(k, _)| k.to_string().len());
            for (k, text) in &p.lines {
                let mark = if *k == p.line { '>' } else { ' ' };
                writeln!(out, "{mark} {k:>w$} │ {text}")?;
            }
        }
        Ok(())
    }

    pub fn json(&self) -> serde_json::Value {
        let places: Vec<_> = self
            .places
            .iter()
            .map(|p| {
                let lines: Vec<_> = p.lines.iter().map(|(k, text)| json!({ "line": k, "text": text })).collect();
                json!({ "source": p.source, "file": p.file, "line": p.line, "lines": lines })
            })
            .collect();
        json!(places)
    }
}
