//! Typed errors of the library. Every data problem names its file, and where it can,
//! the line and column, plus a hint of what to do.

use std::fmt;

use thiserror::Error;

/// A 1-based line and column (counted in characters) inside a data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// What is wrong, without where.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ProblemKind {
    #[error("cannot read the file: {0}")]
    Io(String),
    #[error("the file is missing")]
    Missing,
    #[error("not a regular file")]
    NotAFile,
    #[error("no such directory")]
    NoDirectory,
    #[error("not a directory")]
    NotADirectory,
    #[error("the file is {size} bytes, over the {limit}-byte limit for a data file")]
    TooLarge { size: u64, limit: u64 },
    #[error("the file is not valid UTF-8 (bad byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error("the file is empty")]
    Empty,
    #[error("{0}")]
    Syntax(String),
    #[error("duplicate id {id:?}, first defined at {first}")]
    DuplicateId { id: String, first: String },
    #[error("{field} is empty")]
    EmptyField { field: &'static str },
    #[error("{field} has a control character (a newline, tab or escape)")]
    ControlCharacter { field: &'static str },
    #[error("source {0:?} is not in sources.ron")]
    UnknownSource(String),
    #[error("line {line} is outside {file}, which has {lines} lines")]
    LineOutside { line: u32, file: String, lines: u32 },
    #[error("year {0} is out of range ({min}–{max})", min = crate::limits::YEARS.start(), max = crate::limits::YEARS.end())]
    YearOutOfRange(i32),
    #[error("unknown unit {0:?}")]
    UnknownUnit(String),
    #[error("value {0} is not a finite number")]
    NotFinite(f64),
    #[error("value {0:e} is out of range (magnitude over {max:e})", max = crate::limits::MAX_VALUE)]
    Absurd(f64),
    #[error("a computed figure needs a note saying how it was computed")]
    ComputedWithoutNote,
    #[error("a disagreement needs points from at least two sources, found {0}")]
    DisagreementOneSource(usize),
    #[error("the span ends ({until}) before it starts ({from})")]
    SpanBackwards { from: String, until: String },
}

impl ProblemKind {
    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        use ProblemKind::*;
        match self {
            Io(_) => "check the path and its permissions",
            Missing => {
                "a dataset directory needs sources.ron, industry.ron, ecology.ron, timeline.ron and livelihood.ron (see assets/README.md)"
            }
            NotAFile => "a data file must be a plain file, not a directory, FIFO or device",
            NoDirectory | NotADirectory => "give the path of a dataset directory, laid out as assets/ is",
            TooLarge { .. } => "a file this large is almost certainly not a data file: check the path",
            NotUtf8 { .. } => "save the file as UTF-8",
            Empty => "a data file holds a RON list; write [] for an empty one",
            Syntax(_) => "fix the RON at this position (see assets/README.md for the format)",
            DuplicateId { .. } => "ids must be unique across all files; rename one",
            EmptyField { .. } => "fill it in",
            ControlCharacter { .. } => "write it on one line, without escapes",
            UnknownSource(_) => "use an id from sources.ron, or add the source there",
            LineOutside { .. } => "cite a line inside the document, or correct `lines` in sources.ron",
            YearOutOfRange(_) => "check the year",
            UnknownUnit(_) => "use a unit listed in src/data/units.rs",
            NotFinite(_) | Absurd(_) => {
                "write the figure as the source gives it, in the source's magnitude (48.2 with unit 万辆)"
            }
            ComputedWithoutNote => "add `note: (zh: …, en: …)` with the arithmetic",
            DisagreementOneSource(_) => "add the other source's version as a point, or remove `disagreement`",
            SpanBackwards { .. } => "swap or correct the dates",
        }
    }
}

/// One problem in one data file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: String,
    pub pos: Option<Position>,
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(pos) = self.pos {
            write!(f, ":{pos}")?;
        }
        write!(f, ": {}\n  hint: {}", self.kind, self.kind.hint())
    }
}

/// Loading failed; every problem found is listed, and nothing was loaded.
#[derive(Debug, Clone, PartialEq, Error)]
pub struct LoadError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        // No newline after the last: the caller ends the line.
        write!(f, "the dataset has {n} problem{}:", if n == 1 { "" } else { "s" })?;
        for p in &self.problems {
            write!(f, "\n{p}")?;
        }
        Ok(())
    }
}
