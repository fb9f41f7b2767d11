//! Reading a dataset: from the copy embedded in the binary, or from a directory in the
//! same layout. All five files are parsed and validated before anything is returned,
//! so a dataset is either whole or not loaded at all.

use std::fs;
use std::io::Read;
use std::path::Path;

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::locate::Locator;
use super::model::Dataset;
use super::validate;
use crate::error::{LoadError, Position, Problem, ProblemKind};

/// The files of a dataset directory, in the order they are read.
pub const FILES: [&str; 5] = ["sources.ron", "industry.ron", "ecology.ron", "timeline.ron", "livelihood.ron"];

/// A city of 100,000 records takes some 27 MB; a file over this is the wrong file.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The Liuzhou dataset as build.rs checked and encoded it from `assets/`: JSON decodes
/// several times faster than RON is parsed.
const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/dataset.json"));

/// RON as the data files are written: `Option`s without `Some(…)`.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

impl Dataset {
    /// The dataset shipped inside the binary. build.rs validated it (a problem fails
    /// the build, with its position in `assets/`), so only decoding is left.
    pub fn embedded() -> Result<Dataset, LoadError> {
        // From `str`, whose UTF-8 the compiler checked: the decoder skips checking it.
        serde_json::from_str(EMBEDDED_JSON).map_err(|e| LoadError {
            problems: vec![Problem {
                file: "the embedded dataset".to_owned(),
                pos: None,
                kind: ProblemKind::Syntax(format!("{e} (the build is broken: rebuild)")),
            }],
        })
    }

    /// Parses and validates the five files' texts, in the order of `FILES`.
    pub fn from_texts(texts: [&str; 5]) -> Result<Dataset, LoadError> {
        parse(texts.map(|text| Ok(text.to_owned())))
    }

    /// Reads and validates a dataset directory.
    pub fn from_dir(dir: &Path) -> Result<Dataset, LoadError> {
        parse(FILES.map(|name| read_text(&dir.join(name))))
    }
}

fn read_text(path: &Path) -> Result<String, ProblemKind> {
    let file = fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ProblemKind::Missing,
        _ => ProblemKind::Io(e.to_string()),
    })?;
    let size = file.metadata().map_err(|e| ProblemKind::Io(e.to_string()))?.len();
    if size > MAX_FILE_BYTES {
        return Err(ProblemKind::TooLarge { size, limit: MAX_FILE_BYTES });
    }
    // Read at most one byte past the limit, in case the file grows while we read it;
    // room for the whole file at once, not doubled up to it.
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| ProblemKind::Io(e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ProblemKind::TooLarge { size: bytes.len() as u64, limit: MAX_FILE_BYTES });
    }
    String::from_utf8(bytes).map_err(|e| ProblemKind::NotUtf8 { offset: e.utf8_error().valid_up_to() })
}

/// Parses the five files' texts (or the problem reading each) into a validated dataset.
fn parse(texts: [Result<String, ProblemKind>; 5]) -> Result<Dataset, LoadError> {
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
    let mut data = Dataset {
        sources: sources.0,
        industry: industry.0,
        ecology: ecology.0,
        timeline: timeline.0,
        livelihood: livelihood.0,
    };
    // Lists grew by doubling while parsed; a large city's would keep a quarter empty.
    data.industry.shrink_to_fit();
    data.ecology.shrink_to_fit();
    data.timeline.shrink_to_fit();
    data.livelihood.shrink_to_fit();
    let locators = [sources.1, industry.1, ecology.1, timeline.1, livelihood.1];
    validated(data, &locators, problems)
}

/// `data` if it and `problems` are clean; otherwise every problem.
fn validated(data: Dataset, locators: &[Locator; 5], mut problems: Vec<Problem>) -> Result<Dataset, LoadError> {
    problems.extend(validate::validate(&data, locators));
    if problems.is_empty() { Ok(data) } else { Err(LoadError { problems }) }
}

fn parse_file<T: DeserializeOwned>(
    name: &'static str,
    text: Result<String, ProblemKind>,
    problems: &mut Vec<Problem>,
) -> Option<(T, Locator)> {
    let problem = |pos, kind| Problem { file: name.to_owned(), pos, kind };
    let text = match text {
        Ok(text) => text,
        Err(kind) => {
            problems.push(problem(None, kind));
            return None;
        }
    };
    // A BOM is what some Windows editors prepend; it is not content.
    let text = match text.strip_prefix('\u{feff}') {
        Some(body) => body.to_owned(),
        None => text,
    };
    if text.trim().is_empty() {
        problems.push(problem(None, ProblemKind::Empty));
        return None;
    }
    match ron_options().from_str::<T>(&text) {
        // The locator keeps the text itself: no copy of a file that may be large.
        Ok(value) => Some((value, Locator::new(name, text))),
        Err(e) => {
            let pos = Position { line: e.span.start.line, col: e.span.start.col };
            problems.push(problem(Some(pos), ProblemKind::Syntax(e.code.to_string())));
            None
        }
    }
}
