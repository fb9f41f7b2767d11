//! The command line: its arguments (clap) and the subcommands that print to stdout.

mod compare;
pub mod complete;
mod context;
mod list;
mod show;

pub use compare::CompareFormat;
mod search;

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};
use clap_complete::engine::ArgValueCompleter;

use crate::data::error::LoadError;
use crate::data::{Dataset, Lang};
use crate::docs::{Docs, DocsError};
use crate::export::{self, ExportError, Format};
use crate::search::QueryError;
use crate::suggest;
use crate::text;

#[derive(Debug, Parser)]
#[command(
    name = "liuzhou-tui",
    version,
    about = "Browse Liuzhou's development data offline: industry, ecology, policy and livelihood, every figure cited to its source line.",
    after_help = "With no command, opens the full-screen browser (needs a terminal)."
)]
pub struct Cli {
    /// Read the dataset from DIR (same layout as assets/) instead of the embedded one
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Interface language [default: zh if LC_ALL/LANG starts with "zh", else en]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Read the source documents from DIR [default: $LIUZHOU_TUI_DOCS, else DATA/sources]
    #[arg(long, global = true, value_name = "DIR")]
    pub docs: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the dataset, or the records a query selects, as JSON, CSV, Markdown or RON
    Export {
        /// csv: a row per figure, event date and list item; md: a table per tab, in --lang
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Only the records this search selects, with the sources they cite
        #[arg(long, value_name = "QUERY", add = ArgValueCompleter::new(complete::query_words))]
        query: Option<String>,
        /// File to write (for `ron`, a dataset directory); standard output if absent
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Replace PATH if it exists (a directory only if it holds a dataset)
        #[arg(long, short, requires = "output")]
        force: bool,
    },
    /// Show one record: its figures by year, units, qualifiers, sources and disagreements
    Show {
        /// A record's id, as `list` prints them (nev-output, d002)
        #[arg(add = ArgValueCompleter::new(complete::record_ids))]
        id: String,
        #[arg(long, value_enum, default_value = "text")]
        format: OutputFormat,
        /// Also print each cited line with N lines around it (needs the documents: --docs)
        #[arg(long, value_name = "N")]
        context: Option<usize>,
    },
    /// List ids and names, one a line
    List {
        /// Only records of this kind; without it, every record
        #[arg(value_enum)]
        what: Option<ListWhat>,
        /// text: id, Chinese and English name; tsv and json add the tab, the latest
        /// figure and its year
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// Find records by their titles (Hanzi, pinyin, initials, English) and their text, best first
    #[command(after_help = "Terms match in any order. 'exact ^prefix suffix$ !not a | b; \
year:2021 year:2019..2021 tab:industry|ecology|timeline|livelihood|sources (or 产业 生态 政策 民生 来源) \
src:d003 scope:city|guangxi|company is:computed is:disputed")]
    Search {
        /// What to look for: 质量强市, zhiliangqiangshi, zlqs, "quality city", "year:2021 steel"
        #[arg(required = true, num_args = 1.., add = ArgValueCompleter::new(complete::query_words))]
        query: Vec<String>,
        /// text: score, id, tab, titles (and the matching text); tsv: id, tab, title, figure, year
        #[arg(long, value_enum, default_value = "text")]
        format: SearchFormat,
        /// At most this many hits, 1 to 100000
        #[arg(long, default_value_t = 20, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=100_000))]
        limit: usize,
    },
    /// Indicators side by side: one row per year, one column per indicator (at most 6)
    Compare {
        /// Indicators' ids (nev-output luosifen-sales-revenue); each needs figures by year
        #[arg(required = true, num_args = 1.., value_name = "ID", add = ArgValueCompleter::new(complete::indicator_ids))]
        ids: Vec<String>,
        /// csv heads each column with its id and unit and adds a `computed` column
        #[arg(long, value_enum, default_value = "text")]
        format: CompareFormat,
    },
    /// Check a dataset directory (DIR, else --data DIR) and print every problem
    Validate {
        /// The dataset directory (the layout of assets/); without it, --data DIR
        dir: Option<PathBuf>,
    },
    /// Print the shell script that completes commands, options, values and record ids
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): liuzhou-tui man > ~/.local/share/man/man1/liuzhou-tui.1
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchFormat {
    Text,
    Json,
    Tsv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Tsv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListWhat {
    Indicators,
    Events,
    Lists,
    Sources,
}

/// How a command ended when it did not fail.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// Nothing matched (exit status 1); the message goes to stderr.
    NotFound(String),
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Data(#[from] LoadError),
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error(transparent)]
    Docs(#[from] DocsError),
    #[error(transparent)]
    Compare(#[from] crate::compare::CompareError),
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error("cannot write standard output")]
    Io(#[from] io::Error),
}

impl Cli {
    /// The UI language: `--lang`, else the locale.
    pub fn language(&self) -> Lang {
        match self.lang {
            Some(LangArg::Zh) => Lang::Zh,
            Some(LangArg::En) => Lang::En,
            None => lang_from_locale(|k| std::env::var(k).ok()),
        }
    }

    /// The dataset chosen by `--data`, or the embedded one.
    pub fn dataset(&self) -> Result<Dataset, LoadError> {
        match &self.data {
            Some(dir) => Dataset::from_dir(dir),
            None => crate::embedded(),
        }
    }

    /// Where the source documents are: `--docs`, else `LIUZHOU_TUI_DOCS`, else `sources/`
    /// in the `--data` directory.
    pub fn docs(&self) -> Result<Docs, DocsError> {
        Docs::locate(self.docs.as_deref(), std::env::var_os(crate::docs::ENV), self.data.as_deref())
    }
}

/// `zh*` in the first set of LC_ALL, LC_MESSAGES, LANG gives Chinese.
pub fn lang_from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(|k| var(k).filter(|v| !v.is_empty()));
    match locale {
        Some(l) if l.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
        _ => Lang::En,
    }
}

/// The manual page, in roff, from the same definition as `--help`.
pub fn man_page(command: clap::Command) -> io::Result<Vec<u8>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command).render(&mut page)?;
    Ok(page)
}

/// Runs a subcommand that needs the dataset; Markdown is written in `lang`, and
/// `docs` is where the documents are, for `show --context`.
pub fn run(
    command: &Command,
    data: &Arc<Dataset>,
    lang: Lang,
    docs: Result<Docs, DocsError>,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    match command {
        Command::Export { format, query, output, force } => {
            let selected = query.as_deref().map(|q| export::selected(data, q)).transpose()?.flatten();
            if let (Some(q), None) = (query, &selected) {
                return Ok(Outcome::NotFound(format!("nothing matches {:?}", shown(q))));
            }
            let data = selected.as_ref().unwrap_or(data.as_ref());
            match output {
                Some(path) => export::to_path(*format, data, lang, path, *force)?,
                None => export::write(*format, data, lang, out, export::STDOUT)?,
            }
            Ok(Outcome::Done)
        }
        Command::Show { id, format, context } => match data.find(id) {
            None => Ok(Outcome::NotFound(match suggest::nearest_id(data, id) {
                Some(near) => format!("no record has the id {:?}; did you mean `{near}`?", shown(id)),
                None => format!("no record has the id {:?}; `liuzhou-tui list` shows every id", shown(id)),
            })),
            Some(record) => {
                show::run(data, record, *format, *context, docs, out)?;
                Ok(Outcome::Done)
            }
        },
        Command::List { what, format } => {
            list::run(data, *what, *format, out)?;
            Ok(Outcome::Done)
        }
        Command::Search { query, format, limit } => search::run(data, &query.join(" "), *format, *limit, lang, out),
        Command::Compare { ids, format } => {
            compare::run(&crate::compare::Comparison::new(data, ids)?, *format, out)?;
            Ok(Outcome::Done)
        }
        // Handled before the dataset is loaded.
        Command::Validate { .. } | Command::Completions { .. } | Command::Man => Ok(Outcome::Done),
    }
}

/// What the user typed, cut to a line's worth for an error message.
fn shown(typed: &str) -> Cow<'_, str> {
    text::truncate(typed, 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_picks_the_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(name, _)| *name == k).map(|(_, v)| v.to_string())
        };
        assert_eq!(lang_from_locale(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(lang_from_locale(env(&[("LC_ALL", "zh_TW"), ("LANG", "en_US.UTF-8")])), Lang::Zh);
        assert_eq!(lang_from_locale(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])), Lang::En);
        assert_eq!(lang_from_locale(env(&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(lang_from_locale(env(&[])), Lang::En);
    }
}
