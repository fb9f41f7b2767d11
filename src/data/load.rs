//! Reading a dataset directory (`--data DIR`, and `assets/` at build time). Each file
//! is parsed (a part at a time while it is clean, see `stream`), then all five are
//! validated together, so a dataset is either whole or not loaded at all, and every
//! problem names its file and, where it has one, its line and column.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use serde::de::DeserializeOwned;

use super::file::{open, ron_options};
use super::limits::MAX_FILE_BYTES;
use super::locate::Locator;
use super::model::Dataset;
use super::{stream, validate};
use crate::error::{LoadError, Position, Problem, ProblemKind};

/// The files of a dataset directory, in the order they are read.
pub const FILES: [&str; 5] = ["sources.ron", "industry.ron", "ecology.ron", "timeline.ron", "livelihood.ron"];

impl Dataset {
    /// Parses and validates the five files' texts, in the order of `FILES`.
    pub fn from_texts(texts: [&str; 5]) -> Result<Dataset, LoadError> {
        parse(texts.map(|text| Ok(text.to_owned())))
    }

    /// Reads and validates a dataset directory. Problems name their files by the
    /// directory as given, so that the path shown is one the user can open.
    pub fn from_dir(dir: &Path) -> Result<Dataset, LoadError> {
        let shown = dir.display().to_string();
        // One problem with the directory, rather than five missing files.
        let not_a_dir = match fs::metadata(dir) {
            Ok(m) if m.is_dir() => None,
            Ok(_) => Some(ProblemKind::NotADirectory),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Some(ProblemKind::NoDirectory),
            Err(e) => Some(ProblemKind::Io(e.to_string())),
        };
        if let Some(kind) = not_a_dir {
            return Err(LoadError { problems: vec![Problem { file: shown, pos: None, kind }] });
        }
        if let Some(data) = read_clean(dir) {
            return Ok(data);
        }
        parse(FILES.map(|name| read_text(&dir.join(name)))).map_err(|mut e| {
            for p in &mut e.problems {
                p.file = dir.join(&p.file).display().to_string();
            }
            e
        })
    }
}

/// A clean dataset, its files read a part at a time (see `stream`), or `None` at the
/// first sign of trouble: a file that is not a clean list, or a problem validation
/// finds. Its files are then read again whole, to say where each problem is.
fn read_clean(dir: &Path) -> Option<Dataset> {
    let data = Dataset {
        sources: stream::read_list(&dir.join(FILES[0]))?,
        industry: stream::read_list(&dir.join(FILES[1]))?,
        ecology: stream::read_list(&dir.join(FILES[2]))?,
        timeline: stream::read_list(&dir.join(FILES[3]))?,
        livelihood: stream::read_list(&dir.join(FILES[4]))?,
    };
    // Without the files' texts: any problem found here is looked for again with them.
    let locators = FILES.map(|name| Locator::new(name, String::new()));
    validate::validate(&data, &locators).is_empty().then_some(data)
}

/// A data file's text, whole.
fn read_text(path: &Path) -> Result<String, ProblemKind> {
    let io = |e: io::Error| ProblemKind::Io(e.to_string());
    let (mut file, size) = open(path)?;
    // Room for the whole file at once, not doubled up to it.
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ProblemKind::TooLarge { size: bytes.len() as u64, limit: MAX_FILE_BYTES });
    }
    String::from_utf8(bytes).map_err(|e| ProblemKind::NotUtf8 { offset: e.utf8_error().valid_up_to() })
}

type FileText = Result<String, ProblemKind>;

/// Parses the five files' texts (or the problem reading each) into a validated dataset.
fn parse(texts: [FileText; 5]) -> Result<Dataset, LoadError> {
    let mut problems = Vec::new();
    let [sources, industry, ecology, timeline, livelihood] = texts;
    let sources = parse_file(FILES[0], sources, &mut problems);
    let industry = parse_file(FILES[1], industry, &mut problems);
    let ecology = parse_file(FILES[2], ecology, &mut problems);
    let timeline = parse_file(FILES[3], timeline, &mut problems);
    let livelihood = parse_file(FILES[4], livelihood, &mut problems);
    let (Some(sources), Some(industry), Some(ecology), Some(timeline), Some(livelihood)) =
        (sources, industry, ecology, timeline, livelihood)
    else {
        return Err(LoadError { problems });
    };
    let data = Dataset {
        sources: sources.0,
        industry: industry.0,
        ecology: ecology.0,
        timeline: timeline.0,
        livelihood: livelihood.0,
    };
    let locators = [sources.1, industry.1, ecology.1, timeline.1, livelihood.1];
    problems.extend(validate::validate(&data, &locators));
    if problems.is_empty() { Ok(data) } else { Err(LoadError { problems }) }
}

/// One file's list, and its text to place any problem validation finds in it.
fn parse_file<T: DeserializeOwned>(
    name: &'static str,
    text: FileText,
    problems: &mut Vec<Problem>,
) -> Option<(Vec<T>, Locator)> {
    let problem = |pos, kind| Problem { file: name.to_owned(), pos, kind };
    let text = match text {
        Ok(text) => old_mac_line_ends(without_bom(text)),
        Err(kind) => {
            problems.push(problem(None, kind));
            return None;
        }
    };
    if text.trim().is_empty() {
        problems.push(problem(None, ProblemKind::Empty));
        return None;
    }
    match ron_options().from_str::<Vec<T>>(&text) {
        Ok(mut list) => {
            // The list grew by doubling while parsed; a large city's would keep a
            // quarter of it empty.
            list.shrink_to_fit();
            // The locator keeps the text itself: no copy of a file that may be large.
            Some((list, Locator::new(name, text)))
        }
        Err(e) => {
            let pos = Position { line: e.span.start.line, col: e.span.start.col };
            problems.push(problem(Some(pos), ProblemKind::Syntax(syntax_message(&text, pos, &e.code))));
            None
        }
    }
}

/// ron's message, or a plainer one for the mistakes it words vaguely: a file that
/// stops before its brackets close, and a decimal where a whole number belongs.
fn syntax_message(text: &str, pos: Position, code: &ron::Error) -> String {
    let at = text.split_inclusive('\n').take(pos.line - 1).map(str::len).sum::<usize>().min(text.len());
    let at = text[at..].char_indices().nth(pos.col - 1).map_or(text.len(), |(i, _)| at + i);
    let (before, rest) = text.split_at(at);
    if rest.trim().is_empty() {
        return "the file ends too early: a closing `]` or `)` is missing".to_owned();
    }
    if rest.starts_with(['.', 'e', 'E']) && before.ends_with(|c: char| c.is_ascii_digit()) {
        let field = before.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-').trim_end();
        if let Some(field) = field.strip_suffix(':') {
            let field = field.trim_end();
            let start = field.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
            return format!("`{}` takes a whole number, not a decimal", &field[start..]);
        }
    }
    let message = code.to_string();
    if rest.starts_with([')', ',']) && message.starts_with("Expected opening `(`") {
        return format!("{message}, or a `]` closing the list before it");
    }
    message
}

/// Lines are counted at `\n`; a file whose lines end in `\r` alone would be one line,
/// and every problem in it on line 1. Same length, so offsets do not move.
fn old_mac_line_ends(text: String) -> String {
    if text.contains('\r') && !text.contains('\n') { text.replace('\r', "\n") } else { text }
}

/// A BOM is what some Windows editors prepend; it is not content.
fn without_bom(mut text: String) -> String {
    const BOM: char = '\u{feff}';
    if text.starts_with(BOM) {
        // In place: no second copy of a file that may be large.
        text.drain(..BOM.len_utf8());
    }
    text
}
