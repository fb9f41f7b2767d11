//! Text as search compares it, alike for titles and queries: normalised (NFKC, lower
//! case), and its compact form (letters, digits and Hanzi only).

use unicode_normalization::UnicodeNormalization;

/// NFKC (so macOS's decomposed text and full-width letters match) and lower case.
pub(super) fn normalise(s: &str) -> String {
    s.nfkc().flat_map(char::to_lowercase).collect()
}

/// Appends `s` normalised (see `normalise`) to `out`, without allocating; returns how
/// many chars it added.
pub(super) fn push_normalised(s: &str, out: &mut String) -> usize {
    if let [b] = s.as_bytes() {
        // ASCII: NFKC leaves it as it is.
        out.push(char::from(b.to_ascii_lowercase()));
        return 1;
    }
    s.nfkc().flat_map(char::to_lowercase).map(|c| out.push(c)).count()
}

/// Whether `text` has chars other than letters, digits and Hanzi: when not, it is its
/// own compact form.
pub(super) fn has_separators(text: &str) -> bool {
    text.chars().any(|c| !c.is_alphanumeric())
}

/// The chars of a key's text that its compact form keeps (letters, digits and Hanzi,
/// as in the query's `compact`), read off the text: the index stores no second copy.
#[derive(Clone)]
pub(super) struct CompactChars<'a>(pub(super) &'a [u8]);

impl Iterator for CompactChars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        loop {
            let (&b, after) = self.0.split_first()?;
            let c = if b.is_ascii() {
                self.0 = after;
                if b.is_ascii_alphanumeric() {
                    return Some(char::from(b));
                }
                continue;
            } else {
                // Keys are whole UTF-8 text: a lead byte says how long its char is.
                let len = (b.leading_ones() as usize).clamp(2, 4).min(self.0.len());
                let (head, rest) = self.0.split_at(len);
                self.0 = rest;
                std::str::from_utf8(head).ok()?.chars().next()?
            };
            if c.is_alphanumeric() {
                return Some(c);
            }
        }
    }
}
