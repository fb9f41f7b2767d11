//! Exports: the dataset, or a selection of it, as JSON, CSV, Markdown or RON (a
//! single document, or a dataset directory). `select` picks the records; the formats
//! are in their own files.

mod csv;
mod markdown;
mod select;
mod target;

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use ron::ser::PrettyConfig;
use serde::Serialize;

use crate::data::{Dataset, FILES, Lang, ron_options};

pub use select::{select, selected, subset};
pub use target::to_path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Md,
    Ron,
}

impl Format {
    /// The usual file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Md => "md",
            Format::Ron => "ron",
        }
    }
}

/// The OS error is the source, not part of the message, so that it is printed once.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write {path}")]
    Write { path: String, source: io::Error },
    #[error("cannot encode the dataset: {0}")]
    Encode(String),
    #[error("{path} already exists; add --force to replace it")]
    Exists { path: String },
    #[error("{path} is a directory; give the path of a file to write")]
    IsDir { path: String },
    #[error("{path} is not a directory, and --format ron writes a dataset directory; give a new path")]
    NotDir { path: String },
    #[error("{path} holds files other than a dataset's, so it is not replaced, even with --force")]
    NotDataset { path: String },
    #[error(transparent)]
    Query(#[from] crate::search::QueryError),
}

/// How errors name standard output.
pub const STDOUT: &str = "standard output";

fn write_err(path: &str) -> impl FnOnce(io::Error) -> ExportError + '_ {
    move |source| ExportError::Write { path: path.to_owned(), source }
}

/// A failure to write is told apart from a value JSON cannot hold.
fn json_err(path: &str) -> impl FnOnce(serde_json::Error) -> ExportError + '_ {
    move |e| if e.is_io() { write_err(path)(e.into()) } else { ExportError::Encode(e.to_string()) }
}

/// Any value as pretty JSON and a newline, to standard output.
pub fn json_value<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> Result<(), ExportError> {
    json_to(value, out, STDOUT)
}

/// `value` as pretty JSON and a newline to `out`, called `shown` in errors.
fn json_to<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write, shown: &str) -> Result<(), ExportError> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(json_err(shown))?;
    writeln!(out).map_err(write_err(shown))
}

/// The dataset in `format` (RON as one document) to `out`, called `shown` in errors.
/// Markdown is written in `lang`; the other formats hold both languages.
pub fn write(format: Format, data: &Dataset, lang: Lang, out: &mut dyn Write, shown: &str) -> Result<(), ExportError> {
    match format {
        Format::Json => json_to(data, out, shown),
        Format::Csv => csv::write(data, out, shown),
        Format::Md => markdown::write(data, lang, out).map_err(write_err(shown)),
        Format::Ron => writeln!(out, "{}", ron_text(data)?).map_err(write_err(shown)),
    }
}

fn ron_text<T: Serialize>(value: &T) -> Result<String, ExportError> {
    let config = PrettyConfig::new().escape_strings(false);
    ron_options().to_string_pretty(value, config).map_err(|e| ExportError::Encode(e.to_string()))
}

/// Writes a dataset directory in the layout of `assets/`, readable with `--data DIR`;
/// `shown` names the directory the user asked for.
fn ron_dir(data: &Dataset, dir: &Path, shown: &str) -> Result<(), ExportError> {
    let texts = [
        ron_text(&data.sources)?,
        ron_text(&data.industry)?,
        ron_text(&data.ecology)?,
        ron_text(&data.timeline)?,
        ron_text(&data.livelihood)?,
    ];
    for (name, text) in FILES.iter().zip(texts) {
        fs::write(dir.join(name), text + "\n").map_err(write_err(&format!("{shown}/{name}")))?;
    }
    Ok(())
}
