//! Reading a data file's list a part at a time, so that a large file is never held
//! whole beside its records. ron parses the elements a part holds and says where the
//! next one begins; the text of the elements taken is then let go. Anything but a
//! clean list is left to the whole-file reader, which says what is wrong and where.

use std::fmt;
use std::io::Read;
use std::path::Path;

use ron::extensions::Extensions;
use serde::Deserializer as _;
use serde::de::{DeserializeOwned, SeqAccess, Visitor};

use super::file::{open, ron_options};
use super::limits::MAX_FILE_BYTES;

/// How much of a file is read at a time.
const PART: u64 = 1 << 20;

/// The list in the file at `path`, or `None` when it is not a clean list of `T`, or
/// cannot be read: the whole-file reader then reports why.
pub(super) fn read_list<T: DeserializeOwned>(path: &Path) -> Option<Vec<T>> {
    let (mut file, _) = open(path).ok()?;
    let mut list = Vec::new();
    // The file's text not yet taken, behind a `[` once some is.
    let mut window = String::new();
    // Bytes read but not yet in `window`: a char split between two parts.
    let mut pending = Vec::new();
    let (mut read, mut taken_bytes) = (0, 0);
    // How many elements a window may give: few enough that they lie whole in it.
    let mut limit = usize::MAX;
    // The file's own extensions (`#![enable(…)]`) hold in every window.
    let mut options = ron_options();
    loop {
        // At least as much as the window holds: an element longer than a part is
        // parsed again a few times as it grows, not once a part.
        let want = PART.max(window.len() as u64);
        let n = file.by_ref().take(want).read_to_end(&mut pending).ok()? as u64;
        let at_end = n < want;
        read += n;
        if read > MAX_FILE_BYTES {
            return None;
        }
        let valid = match std::str::from_utf8(&pending) {
            Ok(text) => text.len(),
            Err(e) if e.error_len().is_none() && !at_end => e.valid_up_to(),
            Err(_) => return None,
        };
        window.push_str(std::str::from_utf8(&pending[..valid]).ok()?);
        pending.drain(..valid);
        if read == n
            && let Some(rest) = window.strip_prefix('\u{feff}')
        {
            // A BOM is what some Windows editors prepend; it is not content.
            window = rest.to_owned();
        }
        match take(&window, limit, &options) {
            Taken::Closed(mut elements) if at_end => {
                list.append(&mut elements);
                // Grown by doubling while read; a large city's would keep a quarter of it empty.
                list.shrink_to_fit();
                return Some(list);
            }
            Taken::Part(mut elements, next, extensions) => {
                options = options.with_default_extension(extensions);
                taken_bytes += next;
                list.append(&mut elements);
                window = ["[", &window[next..]].concat();
                // Three quarters of what the next window would hold at the average size.
                let per_element = (taken_bytes / list.len().max(1)).max(1);
                limit = (window.len() + PART as usize) / per_element * 3 / 4;
            }
            _ if at_end => return None,
            // The list closed before the end of the file, or an element was cut in two
            // by the part's end: again, with the next part, giving no more than held whole.
            Taken::Closed(_) => {}
            Taken::Cut(whole) => limit = limit.min(whole),
        }
        limit = limit.max(1);
    }
}

enum Taken<T> {
    /// The list closed, with these elements, and nothing but blanks and comments follow.
    Closed(Vec<T>),
    /// These elements, where in the window the next begins, and the extensions in force.
    Part(Vec<T>, usize, Extensions),
    /// Something is amiss after this many whole elements: the window may end inside
    /// the next, or the file be wrong there.
    Cut(usize),
}

/// Up to `limit` elements of the list `window` holds (the file from its start, or a
/// `[` and the rest of its list), parsed.
fn take<T: DeserializeOwned>(window: &str, limit: usize, options: &ron::Options) -> Taken<T> {
    let Ok(mut de) = ron::Deserializer::from_str_with_options(window, options) else {
        return Taken::Cut(0);
    };
    let mut elements = Elements { list: Vec::new(), limit, full: false };
    let closed = (&mut de).deserialize_seq(&mut elements);
    match closed {
        Ok(()) if de.end().is_ok() => Taken::Closed(elements.list),
        // Stopped at the limit: ron has skipped the comma, blanks and comments after
        // the last element taken, and looked for the list's end where the next begins.
        Err(ron::Error::ExpectedArrayEnd) if elements.full && !de.remainder().is_empty() => {
            Taken::Part(elements.list, window.len() - de.remainder().len(), de.extensions())
        }
        _ => Taken::Cut(elements.list.len()),
    }
}

struct Elements<T> {
    list: Vec<T>,
    limit: usize,
    /// Whether it stopped at `limit`.
    full: bool,
}

impl<'de, T: DeserializeOwned> Visitor<'de> for &mut Elements<T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while self.list.len() < self.limit {
            match seq.next_element()? {
                Some(element) => self.list.push(element),
                None => return Ok(()),
            }
        }
        self.full = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Written bare, as the file's `unwrap_newtypes` allows: so in every part.
    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Count(u32);

    type Element = (String, Option<Count>);

    /// A list of several parts: elements of very different sizes, strings holding
    /// brackets, commas, quotes and comment marks, comments between elements, Hanzi
    /// across part boundaries, and the file's own extensions.
    fn list_text(n: usize) -> String {
        let mut text = String::from("#![enable(unwrap_newtypes)]\n// ] )\n[\n");
        for k in 0..n {
            let s = match k % 5 {
                0 => "柳州 ]) // /* \\\" , ".repeat(1 + k % 50),
                3 => "长".repeat(30_000 + k),
                _ => format!("\\u{{67f3}} {k} [a], (b)"),
            };
            text.push_str(&format!("  (\"{s}\", {k}), /* ] */\n"));
            if k % 4 == 0 {
                text.push_str("  // a comment, ]\n");
            }
        }
        text + "]\n"
    }

    fn read(name: &str, text: &str) -> Option<Vec<Element>> {
        let path = std::env::temp_dir().join(format!("liuzhou-stream-{}-{name}.ron", std::process::id()));
        std::fs::write(&path, text).unwrap();
        let list = read_list(&path);
        std::fs::remove_file(&path).unwrap();
        list
    }

    #[test]
    fn a_list_read_in_parts_is_the_list_read_whole() {
        let text = list_text(1_000);
        assert!(text.len() as u64 > 4 * PART, "{}", text.len());
        let whole: Vec<Element> = ron_options().from_str(&text).unwrap();
        assert!(read("whole", &text) == Some(whole), "read in parts, not as read whole");
        assert_eq!(
            read("small", "\u{feff}#![enable(unwrap_newtypes)] [(\"a\", 1)]").unwrap(),
            [("a".to_owned(), Some(Count(1)))]
        );
    }

    #[test]
    fn anything_but_a_clean_list_is_left_to_the_whole_file_reader() {
        let text = list_text(1_000);
        let late_error = text.replacen("(\"\\u{67f3} 996", "(\"\\u{67f3} 996\" 1", 1);
        assert_ne!(late_error, text);
        for bad in [&late_error, &(text.clone() + "x"), &text[..text.len() - 3], "", "  "] {
            assert!(read("bad", bad).is_none(), "{}", &bad[bad.len().saturating_sub(40)..]);
        }
    }
}
