//! The whole dataset as JSON, CSV or RON (a single document, or a dataset directory).

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use ron::ser::PrettyConfig;
use serde::Serialize;

use crate::data::{Dataset, FILES, ron_options};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Ron,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write {path}: {source}")]
    Write { path: String, source: io::Error },
    #[error("cannot encode the dataset: {0}")]
    Encode(String),
}

fn write_err(path: &str) -> impl FnOnce(io::Error) -> ExportError + '_ {
    move |source| ExportError::Write { path: path.to_owned(), source }
}

pub fn json(data: &Dataset, out: &mut dyn Write) -> Result<(), ExportError> {
    serde_json::to_writer_pretty(&mut *out, data).map_err(|e| ExportError::Encode(e.to_string()))?;
    writeln!(out).map_err(write_err("standard output"))
}

/// One CSV row per data point.
#[derive(Serialize)]
struct Row<'a> {
    tab: &'static str,
    record_kind: &'static str,
    record_id: &'a str,
    name_zh: &'a str,
    name_en: &'a str,
    value: f64,
    unit: &'a str,
    year: Option<i32>,
    period_en: Option<&'a str>,
    qualifier: &'static str,
    kind: &'static str,
    source: &'a str,
    file: &'a str,
    line: u32,
    as_written: Option<&'a str>,
}

pub fn csv(data: &Dataset, out: &mut dyn Write) -> Result<(), ExportError> {
    let mut w = ::csv::Writer::from_writer(out);
    for (record, p) in data.points() {
        let name = record.name();
        w.serialize(Row {
            tab: record.tab(),
            record_kind: record.kind(),
            record_id: record.id(),
            name_zh: name.zh(),
            name_en: name.en(),
            value: p.value,
            unit: &p.unit,
            year: p.year,
            period_en: p.period.as_ref().map(|t| t.en()),
            qualifier: p.qualifier.code(),
            kind: p.kind.label(crate::data::Lang::En),
            source: &p.source,
            file: data.source(&p.source).map_or("", |s| &*s.file),
            line: p.line,
            as_written: p.as_written.as_deref(),
        })
        .map_err(|e| ExportError::Encode(e.to_string()))?;
    }
    w.flush().map_err(write_err("standard output"))
}

fn ron_text<T: Serialize>(value: &T) -> Result<String, ExportError> {
    let config = PrettyConfig::new().escape_strings(false);
    ron_options().to_string_pretty(value, config).map_err(|e| ExportError::Encode(e.to_string()))
}

/// The whole dataset as one RON document.
pub fn ron(data: &Dataset, out: &mut dyn Write) -> Result<(), ExportError> {
    writeln!(out, "{}", ron_text(data)?).map_err(write_err("standard output"))
}

/// Writes a dataset directory in the layout of `assets/`, readable with `--data DIR`.
pub fn ron_dir(data: &Dataset, dir: &Path) -> Result<(), ExportError> {
    let shown = dir.display().to_string();
    fs::create_dir_all(dir).map_err(write_err(&shown))?;
    let texts = [
        ron_text(&data.sources)?,
        ron_text(&data.industry)?,
        ron_text(&data.ecology)?,
        ron_text(&data.timeline)?,
        ron_text(&data.livelihood)?,
    ];
    for (name, text) in FILES.iter().zip(texts) {
        let path = dir.join(name);
        let shown = path.display().to_string();
        fs::write(&path, text + "\n").map_err(write_err(&shown))?;
    }
    Ok(())
}
