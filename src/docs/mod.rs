//! The source documents, which the program never ships: where the reader keeps them
//! (`--docs DIR`, `LIUZHOU_TUI_DOCS`, or `sources/` beside a `--data` dataset), reading
//! one by its source's `file`, and saying plainly why one is not at hand.

mod cited;

use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

pub use cited::{Cited, Figure, cited};

use crate::data::Source;

/// The variable naming the documents' folder when `--docs` is not given.
pub const ENV: &str = "LIUZHOU_TUI_DOCS";

/// A document is an article or a reply of a few pages; a file past this is the wrong one.
pub const MAX_DOC_BYTES: u64 = 8 * 1024 * 1024;

/// How the documents' folder was named, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Flag,
    Env,
    BesideData,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::Flag => "--docs",
            Origin::Env => ENV,
            Origin::BesideData => "sources/ beside --data",
        })
    }
}

/// Why a document cannot be shown. Each names the folder or file concerned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocsError {
    #[error("the documents are not shipped with the program; give --docs DIR or set {ENV}")]
    NotGiven,
    #[error("documents folder {} not found (from {origin})", dir.display())]
    NoFolder { dir: PathBuf, origin: Origin },
    #[error("{} is not a folder (from {origin})", dir.display())]
    NotAFolder { dir: PathBuf, origin: Origin },
    #[error("{id}: {file} not found in {}", dir.display())]
    NoFile { id: String, file: String, dir: PathBuf },
    #[error("{id}: {file:?} is not a plain file name")]
    BadName { id: String, file: String },
    #[error("{id}: {} is not a regular file", path.display())]
    NotAFile { id: String, path: PathBuf },
    #[error("{id}: {} is {size} bytes, over the {MAX_DOC_BYTES}-byte limit for a document", path.display())]
    TooLarge { id: String, path: PathBuf, size: u64 },
    #[error("{id}: cannot read {}: {why}", path.display())]
    Read { id: String, path: PathBuf, why: String },
    #[error("{id}: line count {has}, dataset says {says}: wrong edition? ({})", path.display())]
    LineCount { id: String, path: PathBuf, has: usize, says: u32 },
}

/// The folder the documents are in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Docs {
    dir: PathBuf,
}

impl Docs {
    /// `flag` (`--docs`), else `env` (the value of `LIUZHOU_TUI_DOCS`), else `sources/`
    /// inside the `--data` directory when there is one. A folder named outright must
    /// exist; the one beside the data is only looked for.
    pub fn locate(flag: Option<&Path>, env: Option<OsString>, data: Option<&Path>) -> Result<Docs, DocsError> {
        let named = match (flag, env.filter(|v| !v.is_empty())) {
            (Some(dir), _) => Some((dir.to_path_buf(), Origin::Flag)),
            (None, Some(dir)) => Some((PathBuf::from(dir), Origin::Env)),
            (None, None) => None,
        };
        if let Some((dir, origin)) = named {
            return match fs::metadata(&dir) {
                Ok(m) if m.is_dir() => Ok(Docs { dir }),
                Ok(_) => Err(DocsError::NotAFolder { dir, origin }),
                Err(_) => Err(DocsError::NoFolder { dir, origin }),
            };
        }
        match data.map(|d| d.join("sources")) {
            Some(dir) if dir.is_dir() => Ok(Docs { dir }),
            _ => Err(DocsError::NotGiven),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The document `source` cites, checked against the line count the dataset gives.
    pub fn open(&self, source: &Source) -> Result<Document, DocsError> {
        let id = source.id.to_string();
        let file = &*source.file;
        if Path::new(file).file_name().is_none_or(|name| name != file) {
            return Err(DocsError::BadName { id, file: file.to_owned() });
        }
        let path = self.dir.join(file);
        let read =
            |e: io::Error, path: &Path| DocsError::Read { id: id.clone(), path: path.to_owned(), why: e.to_string() };
        // Looked at before opening: opening a FIFO waits for a writer, for ever.
        let meta = match fs::metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(DocsError::NoFile { id, file: file.to_owned(), dir: self.dir.clone() });
            }
            other => other.map_err(|e| read(e, &path))?,
        };
        if !meta.is_file() {
            return Err(DocsError::NotAFile { id, path });
        }
        let mut bytes = Vec::new();
        let f = fs::File::open(&path).map_err(|e| read(e, &path))?;
        // Never more than one byte past the limit, in case the file grows as it is read.
        f.take(MAX_DOC_BYTES + 1).read_to_end(&mut bytes).map_err(|e| read(e, &path))?;
        if bytes.len() as u64 > MAX_DOC_BYTES {
            return Err(DocsError::TooLarge { id, path, size: meta.len().max(bytes.len() as u64) });
        }
        let doc = Document::new(&bytes);
        if doc.len() != source.lines as usize {
            return Err(DocsError::LineCount { id, path, has: doc.len(), says: source.lines });
        }
        Ok(doc)
    }
}

/// A document's text, line by line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    text: String,
    /// Where each line starts and ends in `text`, without its line break.
    lines: Vec<(usize, usize)>,
}

impl Document {
    /// Lines end at `\n`, `\r\n` or a lone `\r`; n breaks make n + 1 lines, as the
    /// dataset counts them. Bytes that are not UTF-8 read as U+FFFD, and a tab as a
    /// space, so nothing in a document can drive the terminal.
    pub fn new(bytes: &[u8]) -> Document {
        let text: String = String::from_utf8_lossy(bytes).replace('\t', " ");
        let mut lines = Vec::new();
        let (mut start, mut i) = (0, 0);
        let b = text.as_bytes();
        while i < b.len() {
            match b[i] {
                b'\n' => {
                    lines.push((start, i));
                    start = i + 1;
                }
                b'\r' => {
                    lines.push((start, i));
                    i += usize::from(b.get(i + 1) == Some(&b'\n'));
                    start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        lines.push((start, b.len()));
        Document { text, lines }
    }

    /// How many lines it has (never 0: an empty file is one empty line).
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The `n`th line, counted from 1.
    pub fn line(&self, n: usize) -> Option<&str> {
        let &(a, b) = self.lines.get(n.checked_sub(1)?)?;
        Some(&self.text[a..b])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_at_lf_crlf_and_lone_cr_and_count_as_the_dataset_does() {
        let d = Document::new(b"a\r\nb\rc\n\nd");
        assert_eq!(d.len(), 5);
        assert_eq!(
            (0..=6).map(|n| d.line(n)).collect::<Vec<_>>(),
            [None, Some("a"), Some("b"), Some("c"), Some(""), Some("d"), None]
        );
        assert_eq!(Document::new(b"x\n").len(), 2, "a final break starts an empty last line");
        assert_eq!(Document::new(b"").len(), 1);
    }

    #[test]
    fn bytes_that_are_not_utf8_and_tabs_are_made_harmless() {
        let d = Document::new(b"\xff\xfe48.2\t\xe4\xb8\x87");
        assert_eq!(d.line(1), Some("\u{fffd}\u{fffd}48.2 万"));
    }

    #[test]
    fn a_folder_named_outright_must_exist_and_the_one_beside_the_data_is_optional() {
        let missing = Path::new("/nonexistent/docs");
        let e = Docs::locate(Some(missing), None, None).unwrap_err();
        assert_eq!(e.to_string(), "documents folder /nonexistent/docs not found (from --docs)");
        let e = Docs::locate(None, Some("/nonexistent/env".into()), None).unwrap_err();
        assert!(e.to_string().contains("(from LIUZHOU_TUI_DOCS)"), "{e}");
        assert_eq!(Docs::locate(None, Some("".into()), Some(missing)), Err(DocsError::NotGiven));
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir(tmp.path().join("sources")).unwrap();
        let found = Docs::locate(None, None, Some(tmp.path())).unwrap();
        assert_eq!(found.dir(), tmp.path().join("sources"));
        let e = Docs::locate(Some(&tmp.path().join("sources")), Some("/x".into()), None);
        assert!(e.is_ok(), "--docs wins over the variable");
    }
}
