//! A RON list read a record at a time: where each top-level element ends is found
//! without parsing it (outside strings, chars and comments), so a large file is never
//! held whole. Anything unusual is left to the whole-file parser, which reads the file
//! again and says what, if anything, is wrong.

use std::io::BufRead;

/// The file is not a plain RON list this reader can split (or reading it failed);
/// the whole-file parser decides.
#[derive(Debug, PartialEq, Eq)]
pub struct Irregular;

/// Where the splitter is in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before the list's `[`: only a byte-order mark, spaces and comments.
    Before,
    /// Inside the list: element bytes are kept.
    In,
    /// After its `]`: only spaces and comments.
    After,
}

/// What the bytes being read belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lex {
    Code,
    /// `//` to the end of the line.
    Line,
    /// `/* … */`, which nest in RON.
    Block {
        depth: u32,
    },
    /// A string `"…"` or a char `'…'` (`close` is its quote), after a backslash or not.
    Quoted {
        close: u8,
        escaped: bool,
    },
    /// `r#"…"#` with `hashes` hashes; `closing` counts those read after a `"`.
    Raw {
        hashes: usize,
        closing: Option<usize>,
    },
}

/// Calls `each` with the text of each element of the RON list `input` holds, in order,
/// each with the spaces and comments before it (so a parser sees it whole).
///
/// Not generic: one copy of the loop serves every record type and input, in a binary
/// kept under 3 MB.
pub fn elements(input: &mut dyn BufRead, each: &mut dyn FnMut(&str) -> Result<(), Irregular>) -> Result<(), Irregular> {
    let mut s =
        Splitter { phase: Phase::Before, lex: Lex::Code, pending: None, depth: 0, content: false, buf: Vec::new() };
    let mut first = true;
    loop {
        let chunk = input.fill_buf().map_err(|_| Irregular)?;
        if chunk.is_empty() {
            break;
        }
        let mut bytes = chunk;
        if first {
            // A BOM is what some Windows editors prepend; it is not content.
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            first = false;
        }
        let mut at = 0;
        while at < bytes.len() {
            let plain = s.plain(&bytes[at..]);
            if plain > 0 {
                s.buf.extend_from_slice(&bytes[at..at + plain]);
                at += plain;
                continue;
            }
            if let Some(element) = s.step(bytes[at])? {
                each(std::str::from_utf8(element).map_err(|_| Irregular)?)?;
                s.buf.clear();
            }
            at += 1;
        }
        let n = chunk.len();
        input.consume(n);
    }
    // A list left open, or a comment or string left unclosed, is the parser's to report.
    match (s.phase, s.lex, s.pending) {
        (Phase::After, Lex::Code | Lex::Line, None) => Ok(()),
        _ => Err(Irregular),
    }
}

/// The bytes `Splitter::code` acts on: the rest only join the element's text.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let special = b"\"'/()[]{},";
    let mut i = 0;
    while i < special.len() {
        table[special[i] as usize] = true;
        i += 1;
    }
    table
};

struct Splitter {
    phase: Phase,
    lex: Lex,
    /// A `/` or `*` in code or a comment whose meaning the next byte decides.
    pending: Option<u8>,
    /// Brackets open within the current element.
    depth: u32,
    /// The current element has more than spaces and comments.
    content: bool,
    /// The current element's bytes.
    buf: Vec<u8>,
}

impl Splitter {
    /// How many of `bytes` change nothing but the element's text, so that they can be
    /// passed over in one go: most of a file is inside strings or plain code.
    fn plain(&mut self, bytes: &[u8]) -> usize {
        if self.phase != Phase::In || self.pending.is_some() {
            return 0;
        }
        let end = |found: Option<usize>| found.unwrap_or(bytes.len());
        match self.lex {
            Lex::Quoted { close, escaped: false } => end(memchr::memchr2(close, b'\\', bytes)),
            Lex::Line => end(memchr::memchr(b'\n', bytes)),
            Lex::Block { .. } => end(memchr::memchr2(b'/', b'*', bytes)),
            Lex::Code => {
                let n = end(bytes.iter().position(|&b| SPECIAL[usize::from(b)]));
                self.content |= !bytes[..n].trim_ascii().is_empty();
                n
            }
            _ => 0,
        }
    }

    /// Reads one byte; returns a whole element once its end is read.
    fn step(&mut self, b: u8) -> Result<Option<&[u8]>, Irregular> {
        let keep = self.phase == Phase::In;
        if keep {
            self.buf.push(b);
        }
        match self.lex {
            Lex::Line => {
                if b == b'\n' {
                    self.lex = Lex::Code;
                }
                Ok(None)
            }
            Lex::Block { depth } => {
                // As RON reads them: `/*` opens, `*/` closes, left to right.
                self.lex = match (self.pending.take(), b) {
                    (Some(b'/'), b'*') => Lex::Block { depth: depth + 1 },
                    (Some(b'*'), b'/') if depth == 1 => Lex::Code,
                    (Some(b'*'), b'/') => Lex::Block { depth: depth - 1 },
                    (_, b'/' | b'*') => {
                        self.pending = Some(b);
                        self.lex
                    }
                    _ => self.lex,
                };
                Ok(None)
            }
            Lex::Quoted { close, escaped } => {
                self.lex = match b {
                    _ if escaped => Lex::Quoted { close, escaped: false },
                    b'\\' => Lex::Quoted { close, escaped: true },
                    _ if b == close => Lex::Code,
                    _ => self.lex,
                };
                Ok(None)
            }
            Lex::Raw { hashes, closing } => {
                self.lex = match (closing, b) {
                    (_, b'"') if hashes == 0 => Lex::Code,
                    (_, b'"') => Lex::Raw { hashes, closing: Some(0) },
                    (Some(n), b'#') if n + 1 == hashes => Lex::Code,
                    (Some(n), b'#') => Lex::Raw { hashes, closing: Some(n + 1) },
                    _ => Lex::Raw { hashes, closing: None },
                };
                Ok(None)
            }
            Lex::Code => self.code(b),
        }
    }

    fn code(&mut self, b: u8) -> Result<Option<&[u8]>, Irregular> {
        match (self.pending.take(), b) {
            (Some(b'/'), b'/') => {
                self.lex = Lex::Line;
                return Ok(None);
            }
            (Some(b'/'), b'*') => {
                self.lex = Lex::Block { depth: 1 };
                return Ok(None);
            }
            // A lone `/` is no RON.
            (Some(_), _) => return Err(Irregular),
            (None, b'/') => {
                self.pending = Some(b'/');
                return Ok(None);
            }
            (None, _) => {}
        }
        if b.is_ascii_whitespace() {
            return Ok(None);
        }
        match self.phase {
            Phase::Before if b == b'[' => {
                self.phase = Phase::In;
                return Ok(None);
            }
            // Attributes (`#![enable(…)]`), or not a list at all.
            Phase::Before | Phase::After => return Err(Irregular),
            Phase::In => {}
        }
        match b {
            b'"' => self.lex = self.string_kind(),
            b'\'' => self.lex = Lex::Quoted { close: b'\'', escaped: false },
            b'(' | b'[' | b'{' => self.depth += 1,
            b',' | b']' if self.depth == 0 => {
                let content = std::mem::replace(&mut self.content, false);
                if b == b']' {
                    self.phase = Phase::After;
                } else if !content {
                    // `[,` or `,,`: the parser says what is missing.
                    return Err(Irregular);
                }
                // Without the separator, which is not the element's.
                self.buf.pop();
                return Ok(content.then_some(&self.buf[..]));
            }
            b')' | b']' | b'}' => self.depth = self.depth.checked_sub(1).ok_or(Irregular)?,
            _ => {}
        }
        self.content = true;
        Ok(None)
    }

    /// Whether the `"` just read opens a raw string (`r"`, `r#"`, `br##"`) or an
    /// escaped one (`"`, `b"`).
    fn string_kind(&self) -> Lex {
        let before = &self.buf[..self.buf.len() - 1];
        let hashes = before.iter().rev().take_while(|&&c| c == b'#').count();
        let rest = &before[..before.len() - hashes];
        let ident = |c: Option<&u8>| c.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
        let raw = match rest {
            [.., b'b', b'r'] => !ident(rest.get(rest.len().wrapping_sub(3))),
            [.., b'r'] => !ident(rest.get(rest.len().wrapping_sub(2))),
            _ => false,
        };
        if raw { Lex::Raw { hashes, closing: None } } else { Lex::Quoted { close: b'"', escaped: false } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Result<Vec<String>, Irregular> {
        let mut out = Vec::new();
        elements(&mut text.as_bytes(), &mut |e| {
            out.push(e.trim().to_owned());
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn elements_end_only_outside_strings_chars_and_comments() {
        let text = "\u{feff}// a list\n[\n  (a: \"x, y]\", b: '\\'', c: ')'), // one,\n  /* two, /* nested ] */ ) */ (d: r#\"q\"), (\"#, e: br\"]\"),\n  [1, 2],\n]\n/* end */";
        let got = split(text).unwrap();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0], "(a: \"x, y]\", b: '\\'', c: ')')");
        assert!(got[1].ends_with("(d: r#\"q\"), (\"#, e: br\"]\")"), "{:?}", got[1]);
        assert_eq!(got[2], "[1, 2]");
        assert_eq!(split("[]").unwrap(), Vec::<String>::new());
        assert_eq!(split("[(a: 1),]").unwrap(), ["(a: 1)"]);
        // An identifier ending in r is no raw string.
        assert_eq!(split("[(fr: \"a\"), (b: 2)]").unwrap(), ["(fr: \"a\")", "(b: 2)"]);
    }

    proptest::proptest! {
        /// Any list RON writes (compact or pretty) splits into exactly its elements,
        /// whatever brackets, quotes, commas or comment marks its strings hold.
        #[test]
        fn lists_split_into_exactly_their_elements(
            list in proptest::collection::vec(
                (r#"[a-z\[\](){},"'\\/*# 柳州\n]{0,12}"#, proptest::collection::vec(-5i32..5, 0..3)),
                0..6,
            ),
            pretty in proptest::bool::ANY,
        ) {
            let text = match pretty {
                true => ron::ser::to_string_pretty(&list, ron::ser::PrettyConfig::default()).unwrap(),
                false => ron::to_string(&list).unwrap(),
            };
            let mut got: Vec<(String, Vec<i32>)> = Vec::new();
            elements(&mut text.as_bytes(), &mut |e| {
                got.push(ron::from_str(e).map_err(|_| Irregular)?);
                Ok(())
            }).unwrap();
            proptest::prop_assert_eq!(got, list, "{}", text);
        }
    }

    #[test]
    fn anything_but_a_plain_list_is_left_to_the_parser() {
        for text in [
            "",
            "   ",
            "#![enable(implicit_some)]\n[]",
            "(a: 1)",
            "[(a: 1)",
            "[(a: 1)] x",
            "[,]",
            "[(a: 1),,]",
            "[)]",
            "[(a: \"open)]",
            "[(a: 1)] /* open",
            "[(a: 1) / (b: 2)]",
        ] {
            assert_eq!(split(text), Err(Irregular), "{text:?}");
        }
    }
}
