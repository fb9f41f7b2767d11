//! A data file as it is opened and parsed, by the whole-file reader and the reader of
//! parts alike.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use ron::extensions::Extensions;

use super::limits::MAX_FILE_BYTES;
use crate::error::ProblemKind;

/// RON as the data files are written: `Option`s without `Some(…)`.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// A data file opened to be read, and its size: refused past `MAX_FILE_BYTES`, and
/// never read more than one byte past it, in case it grows while it is read.
pub(super) fn open(path: &Path) -> Result<(io::Take<fs::File>, u64), ProblemKind> {
    let missing = |e: io::Error| match e.kind() {
        io::ErrorKind::NotFound => ProblemKind::Missing,
        _ => ProblemKind::Io(e.to_string()),
    };
    // Looked at before opening: opening a FIFO waits for a writer, for ever.
    if !fs::metadata(path).map_err(missing)?.is_file() {
        return Err(ProblemKind::NotAFile);
    }
    let file = fs::File::open(path).map_err(missing)?;
    let size = file.metadata().map_err(|e| ProblemKind::Io(e.to_string()))?.len();
    if size > MAX_FILE_BYTES {
        return Err(ProblemKind::TooLarge { size, limit: MAX_FILE_BYTES });
    }
    Ok((file.take(MAX_FILE_BYTES + 1), size))
}
