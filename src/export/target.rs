//! Putting an export in place: written whole beside the target, then renamed over it,
//! so a failure half-way leaves what was there; nothing existing is replaced unless
//! asked to.

use std::fs::{self, Permissions};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use tempfile::{Builder, TempDir};

use super::{ExportError, FILES, Format, ron_dir, write, write_err};
use crate::data::{Dataset, Lang};

/// Writes the dataset to `path`: a file, or for RON a dataset directory. An existing
/// target is replaced only with `force`, and a directory only if it holds a dataset.
/// Markdown is written in `lang`.
pub fn to_path(format: Format, data: &Dataset, lang: Lang, path: &Path, force: bool) -> Result<(), ExportError> {
    let shown = path.display().to_string();
    let existing = fs::metadata(path).ok();
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    // Hidden, and named after the target, so a leftover says what it was.
    let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.");
    let mut temp = Builder::new();
    temp.prefix(&prefix).suffix(".part");
    match format {
        Format::Ron => {
            match existing {
                Some(m) if !m.is_dir() => return Err(ExportError::NotDir { path: shown }),
                Some(_) if !force && !is_empty_dir(path) => return Err(ExportError::Exists { path: shown }),
                Some(_) if !holds_a_dataset(path) => return Err(ExportError::NotDataset { path: shown }),
                _ => {}
            }
            fs::create_dir_all(parent).map_err(write_err(&shown))?;
            let dir = temp
                .permissions(Permissions::from_mode(0o777))
                .tempdir_in(parent)
                .map_err(|e| write_err(&shown)(plain(e)))?;
            ron_dir(data, dir.path(), &shown)?;
            replace_dir(dir, path, &shown, &temp)
        }
        _ => {
            match existing {
                Some(m) if m.is_dir() => return Err(ExportError::IsDir { path: shown }),
                Some(_) if !force => return Err(ExportError::Exists { path: shown }),
                _ => {}
            }
            let mut file = temp
                .permissions(Permissions::from_mode(0o666))
                .tempfile_in(parent)
                .map_err(|e| write_err(&shown)(plain(e)))?;
            let mut out = BufWriter::new(file.as_file_mut());
            write(format, data, lang, &mut out, &shown)?;
            out.flush().map_err(write_err(&shown))?;
            drop(out);
            file.as_file().sync_all().map_err(write_err(&shown))?;
            let placed = if force { file.persist(path) } else { file.persist_noclobber(path) };
            placed.map(drop).map_err(|e| write_err(&shown)(e.error))
        }
    }
}

/// Renames the finished directory to `path`; an existing one is first moved aside
/// (rename cannot replace a directory that has files), then put back if that fails.
fn replace_dir(new: TempDir, path: &Path, shown: &str, temp: &Builder) -> Result<(), ExportError> {
    let parent = new.path().parent().unwrap_or(Path::new("."));
    let old = if fs::metadata(path).is_ok() {
        // An empty directory, which rename replaces by the old dataset.
        let old = temp.tempdir_in(parent).map_err(|e| write_err(shown)(plain(e)))?;
        fs::rename(path, old.path()).map_err(write_err(shown))?;
        Some(old)
    } else {
        None
    };
    if let Err(e) = fs::rename(new.path(), path) {
        if let Some(old) = &old {
            let _ = fs::rename(old.path(), path);
        }
        return Err(write_err(shown)(e));
    }
    let _ = new.keep();
    Ok(())
}

fn is_empty_dir(path: &Path) -> bool {
    fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none())
}

/// Only what an export writes: replacing anything else could lose a user's files.
fn holds_a_dataset(path: &Path) -> bool {
    fs::read_dir(path)
        .is_ok_and(|entries| entries.into_iter().all(|e| e.is_ok_and(|e| FILES.iter().any(|f| e.file_name() == *f))))
}

/// The OS's error without the temporary path tempfile appends to its message (and
/// does not expose otherwise): the user named the target, not the temporary file.
fn plain(e: io::Error) -> io::Error {
    let message = e.to_string();
    match message.split_once(" at path ") {
        Some((os, _)) => io::Error::new(e.kind(), os.to_owned()),
        None => e,
    }
}
