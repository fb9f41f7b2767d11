//! Reading a dataset: from the copy embedded in the binary, or from a directory in the
//! same layout. All five files are parsed and validated before anything is returned,
//! so a dataset is either whole or not loaded at all.
//!
//! A valid dataset is read a record at a time (see `split`), so a large file is never
//! held whole beside its records. At the first sign of trouble the files are read
//! again whole, and every problem is reported with its file, line and column.

use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::locate::Locator;
use super::model::Dataset;
use super::split::{self, Irregular};
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
        match streamed(texts.map(|text| Ok(text.as_bytes()))) {
            Some(data) => Ok(data),
            None => parse(texts.map(|text| Ok(text.to_owned()))),
        }
    }

    /// Reads and validates a dataset directory.
    pub fn from_dir(dir: &Path) -> Result<Dataset, LoadError> {
        let readers = FILES.map(|name| match open(&dir.join(name)) {
            Ok((file, _)) => Ok(BufReader::with_capacity(64 * 1024, file)),
            Err(_) => Err(Irregular),
        });
        match streamed(readers) {
            Some(data) => Ok(data),
            None => parse(FILES.map(|name| read_text(&dir.join(name)))),
        }
    }
}

/// The dataset read a record at a time, if it is valid; `None` at the first sign it
/// may not be (the whole-file reading then finds and places every problem).
fn streamed<R: BufRead>(inputs: [Result<R, Irregular>; 5]) -> Option<Dataset> {
    let [sources, industry, ecology, timeline, livelihood] = inputs;
    let mut data = Dataset {
        sources: records(sources).ok()?,
        industry: records(industry).ok()?,
        ecology: records(ecology).ok()?,
        timeline: records(timeline).ok()?,
        livelihood: records(livelihood).ok()?,
    };
    shrink(&mut data);
    // Locators without text: a valid dataset needs no places, and a problem sends the
    // whole reading back to the start.
    let locators = FILES.map(|name| Locator::new(name, ""));
    validate::validate(&data, &locators).is_empty().then_some(data)
}

/// Every element of one file's list, each parsed on its own.
fn records<T: DeserializeOwned>(input: Result<impl BufRead, Irregular>) -> Result<Vec<T>, Irregular> {
    let (options, mut out) = (ron_options(), Vec::new());
    split::elements(&mut input?, &mut |text| {
        out.push(options.from_str(text).map_err(|_| Irregular)?);
        Ok(())
    })?;
    Ok(out)
}

/// A data file opened for reading, and its size: refused past `MAX_FILE_BYTES`, and
/// never read more than one byte past it, in case it grows while it is read.
fn open(path: &Path) -> Result<(io::Take<fs::File>, u64), ProblemKind> {
    let file = fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ProblemKind::Missing,
        _ => ProblemKind::Io(e.to_string()),
    })?;
    let size = file.metadata().map_err(|e| ProblemKind::Io(e.to_string()))?.len();
    if size > MAX_FILE_BYTES {
        return Err(ProblemKind::TooLarge { size, limit: MAX_FILE_BYTES });
    }
    Ok((file.take(MAX_FILE_BYTES + 1), size))
}

fn read_text(path: &Path) -> Result<String, ProblemKind> {
    let (mut file, size) = open(path)?;
    // Room for the whole file at once, not doubled up to it.
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.read_to_end(&mut bytes).map_err(|e| ProblemKind::Io(e.to_string()))?;
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
    shrink(&mut data);
    let locators = [sources.1, industry.1, ecology.1, timeline.1, livelihood.1];
    validated(data, &locators, problems)
}

/// Lists grew by doubling while parsed; a large city's would keep a quarter empty.
fn shrink(data: &mut Dataset) {
    data.industry.shrink_to_fit();
    data.ecology.shrink_to_fit();
    data.timeline.shrink_to_fit();
    data.livelihood.shrink_to_fit();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Read a record at a time or whole, a valid dataset is the same dataset.
    #[test]
    fn a_valid_dataset_reads_the_same_a_record_at_a_time() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
        let texts = FILES.map(|name| fs::read_to_string(dir.join(name)).unwrap());
        let whole = parse(texts.clone().map(Ok)).unwrap();
        let by_record = streamed(texts.each_ref().map(|t| Ok(t.as_bytes()))).expect("the assets are valid");
        assert_eq!(by_record, whole);
        assert_eq!(Dataset::from_dir(&dir).unwrap(), whole);
        // A problem only validation finds sends the reading back to the whole files.
        let mut bad = texts.clone();
        bad[1] = bad[1].replacen("line: ", "line: 9", 1);
        assert!(streamed(bad.each_ref().map(|t| Ok(t.as_bytes()))).is_none());
        let err = Dataset::from_texts(bad.each_ref().map(|t| t.as_str())).unwrap_err();
        assert!(err.problems.iter().all(|p| p.pos.is_some()), "{err:?}");
    }
}
