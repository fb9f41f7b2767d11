//! The command line: its arguments (clap) and the subcommands that print to stdout.

mod list;
mod search;

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use serde_json::json;

use crate::data::error::LoadError;
use crate::data::{Dataset, Lang, Record};
use crate::export::{self, ExportError, Format};
use crate::search::QueryError;
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
    /// Write the whole dataset as JSON, CSV or RON
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// File to write (for `ron`, a dataset directory); standard output if absent
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Replace PATH if it exists (a directory only if it holds a dataset)
        #[arg(long, short, requires = "output")]
        force: bool,
    },
    /// Show one record: its figures by year, units, qualifiers, sources and disagreements
    Show {
        id: String,
        #[arg(long, value_enum, default_value = "text")]
        format: OutputFormat,
    },
    /// List ids and names, one a line
    List {
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
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// text: score, id, tab, titles (and the matching text); tsv: id, tab, title, figure, year
        #[arg(long, value_enum, default_value = "text")]
        format: SearchFormat,
        /// At most this many hits, 1 to 100000
        #[arg(long, default_value_t = 20, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=100_000))]
        limit: usize,
    },
    /// Check a dataset directory and print every problem
    Validate { dir: PathBuf },
    /// Print a shell completion script
    Completions {
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
}

/// `zh*` in the first set of LC_ALL, LC_MESSAGES, LANG gives Chinese.
pub fn lang_from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(|k| var(k).filter(|v| !v.is_empty()));
    match locale {
        Some(l) if l.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
        _ => Lang::En,
    }
}

/// The completion script for `shell`. Generated in memory: the generator panics if it
/// cannot write.
pub fn completions(shell: clap_complete::Shell, command: &mut clap::Command) -> String {
    let mut script = Vec::new();
    clap_complete::generate(shell, command, "liuzhou-tui", &mut script);
    let script = String::from_utf8_lossy(&script).into_owned();
    match shell {
        // clap_complete's bash script names the states of a hyphenated program two
        // ways (`liuzhou__tui__subcmd__list` where it is set, `liuzhou__subcmd__tui__…`
        // where it is matched), so nothing past the first word completed.
        clap_complete::Shell::Bash => script.replace("liuzhou__subcmd__tui__", "liuzhou__tui__"),
        _ => script,
    }
}

/// The manual page, in roff, from the same definition as `--help`.
pub fn man_page(command: clap::Command) -> io::Result<Vec<u8>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command).render(&mut page)?;
    Ok(page)
}

/// Runs a subcommand that needs the dataset.
pub fn run(command: &Command, data: &Dataset, lang: Lang, out: &mut dyn Write) -> Result<Outcome, CliError> {
    match command {
        Command::Export { format, output, force } => {
            match output {
                Some(path) => export::to_path(*format, data, path, *force)?,
                None => export::write(*format, data, out, export::STDOUT)?,
            }
            Ok(Outcome::Done)
        }
        Command::Show { id, format } => match data.find(id) {
            None => Ok(Outcome::NotFound(match nearest_id(data, id) {
                Some(near) => format!("no record has the id {:?}; did you mean `{near}`?", shown(id)),
                None => format!("no record has the id {:?}; `liuzhou-tui list` shows every id", shown(id)),
            })),
            Some(record) => {
                match format {
                    OutputFormat::Text => {
                        let mut text = Vec::new();
                        show_text(data, record, &mut text)?;
                        let text = String::from_utf8_lossy(&text);
                        out.write_all(text::escape_controls(&text, "\n").as_bytes())?;
                    }
                    OutputFormat::Json => export::json_value(&show_json(data, record), out)?,
                }
                Ok(Outcome::Done)
            }
        },
        Command::List { what, format } => {
            list::run(data, *what, *format, out)?;
            Ok(Outcome::Done)
        }
        Command::Search { query, format, limit } => search::run(data, &query.join(" "), *format, *limit, lang, out),
        // Handled before the dataset is loaded.
        Command::Validate { .. } | Command::Completions { .. } | Command::Man => Ok(Outcome::Done),
    }
}

/// What the user typed, cut to a line's worth for an error message.
fn shown(typed: &str) -> Cow<'_, str> {
    text::truncate(typed, 60)
}

/// The id closest to a mistyped one, if it is a slip of a few letters rather than
/// another word.
fn nearest_id<'a>(data: &'a Dataset, typed: &str) -> Option<&'a str> {
    let typed: Vec<char> = typed.chars().collect();
    let most = (typed.len() / 3).clamp(1, 3);
    data.records()
        .map(|r| r.id())
        .map(|id| (edit_distance(&typed, id), id))
        .filter(|&(d, _)| d <= most)
        .min_by_key(|&(d, _)| d)
        .map(|(_, id)| id)
}

/// Levenshtein distance, in characters, by one row at a time.
fn edit_distance(a: &[char], b: &str) -> usize {
    let mut row: Vec<usize> = (0..=a.len()).collect();
    for (j, cb) in b.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = j + 1;
        for (i, &ca) in a.iter().enumerate() {
            let next = (row[i + 1] + 1).min(row[i] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = row[i + 1];
            row[i + 1] = next;
        }
    }
    row[a.len()]
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
                writeln!(out, "date inferred: {}", why.en())?;
            }
            writeln!(out, "{}", s.summary.en())?;
            let citing = data.citing(&s.id);
            writeln!(out, "cited by {} records:", citing.len())?;
            for c in citing {
                writeln!(out, "  {:<32} {:>3}  {}", c.record.id(), c.count, c.record.name().en())?;
            }
        }
        Record::Indicator(ind, _) => {
            writeln!(out, "indicator · {} · {} · {}", record.tab(), ind.theme.label().en(), ind.scope.label(Lang::En))?;
            writeln!(out, "{}", ind.summary.en())?;
            if let Some(d) = &ind.disagreement {
                writeln!(out, "SOURCES DISAGREE: {} / {}", d.en(), d.zh())?;
            }
            for p in &ind.points {
                writeln!(out, "  {} {}", point_columns(p), source_label(data, &p.source, p.line))?;
                if let Some(note) = &p.note {
                    writeln!(out, "               note: {}", note.en())?;
                }
            }
        }
        Record::Event(e) => {
            writeln!(out, "event · {:?}", e.category)?;
            writeln!(out, "{}", e.summary.en())?;
            if !e.disputed_dates().is_empty() {
                writeln!(out, "SOURCES DISAGREE on the date: {}", e.date_label(Lang::En))?;
            }
            for d in &e.dates {
                let when = text::pad(&d.display(Lang::En), 18);
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
            for p in &i.points {
                writeln!(out, "  {} {}", point_columns(p), source_label(data, &p.source, p.line))?;
            }
            writeln!(out, "source: {}", source_label(data, &i.source, i.line))?;
        }
    }
    Ok(())
}

/// When, the figure in Chinese and English, and its kind, in aligned columns.
fn point_columns(p: &crate::data::Point) -> String {
    format!(
        "{} {} {} {}",
        text::pad(&p.when(Lang::En), 12),
        text::pad(&p.display(Lang::Zh), 16),
        text::pad(&p.display(Lang::En), 28),
        text::pad(p.kind.label(Lang::En), 9)
    )
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

    #[test]
    fn edit_distance_counts_single_character_edits() {
        let d = |a: &str, b| edit_distance(&a.chars().collect::<Vec<_>>(), b);
        assert_eq!(d("nev-outpt", "nev-output"), 1);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("柳州", "柳州"), 0);
    }
}
