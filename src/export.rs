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

/// The OS error is the source, not part of the message, so that it is printed once.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write {path}")]
    Write { path: String, source: io::Error },
    #[error("cannot encode the dataset: {0}")]
    Encode(String),
}

const STDOUT: &str = "standard output";

fn write_err(path: &str) -> impl FnOnce(io::Error) -> ExportError + '_ {
    move |source| ExportError::Write { path: path.to_owned(), source }
}

/// A failure to write is told apart from a value JSON cannot hold.
fn json_err(path: &str) -> impl FnOnce(serde_json::Error) -> ExportError + '_ {
    move |e| if e.is_io() { write_err(path)(e.into()) } else { ExportError::Encode(e.to_string()) }
}

/// Any value as pretty JSON and a newline, to standard output.
pub fn json_value<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> Result<(), ExportError> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(json_err(STDOUT))?;
    writeln!(out).map_err(write_err(STDOUT))
}

pub fn json(data: &Dataset, out: &mut dyn Write) -> Result<(), ExportError> {
    json_value(data, out)
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
        .map_err(|e| {
            let message = e.to_string();
            match e.into_kind() {
                ::csv::ErrorKind::Io(e) => write_err(STDOUT)(e),
                _ => ExportError::Encode(message),
            }
        })?;
    }
    w.flush().map_err(write_err(STDOUT))
}

fn ron_text<T: Serialize>(value: &T) -> Result<String, ExportError> {
    let config = PrettyConfig::new().escape_strings(false);
    ron_options().to_string_pretty(value, config).map_err(|e| ExportError::Encode(e.to_string()))
}

/// The whole dataset as one RON document.
pub fn ron(data: &Dataset, out: &mut dyn Write) -> Result<(), ExportError> {
    writeln!(out, "{}", ron_text(data)?).map_err(write_err(STDOUT))
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
