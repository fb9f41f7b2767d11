//! Text as search compares it, alike for titles, record text and queries: folded
//! (compatibility forms, lower case, no accents or tone marks, ü as v), and its compact
//! form (letters, digits and Hanzi only).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `s` folded (see `push_normalised`).
pub(super) fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_normalised(s, &mut out);
    out
}

/// Appends `s` folded to `out`, without allocating; returns how many chars it added.
///
/// Folding: NFKC's compatibility forms (full-width letters, ligatures), lower case, and
/// no combining marks, so that a pinyin word copied from a dictionary (`luósīfěn`)
/// finds what the toneless one finds. ü (however its marks are written) becomes v, as
/// every pinyin input method types it and as the index spells 绿 (lv). Marks go one
/// char at a time, so text decomposed (as macOS saves it) folds as composed text does.
pub(super) fn push_normalised(s: &str, out: &mut String) -> usize {
    let mut added = 0;
    for c in s.chars() {
        added += push_folded(c, out);
    }
    added
}

/// One char of `push_normalised`.
#[inline]
fn push_folded(c: char, out: &mut String) -> usize {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return 1;
    }
    // Hanzi and Hangul syllables fold to themselves: most Chinese text is only these.
    if matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{ac00}'..='\u{d7a3}') {
        out.push(c);
        return 1;
    }
    let mut added = 0;
    for d in c.nfkd() {
        if d == '\u{308}' && out.ends_with('u') {
            // ü, written as u and a diaeresis.
            out.pop();
            out.push('v');
        } else if !is_combining_mark(d) {
            for l in d.to_lowercase() {
                out.push(l);
                added += 1;
            }
        }
    }
    added
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

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn marks_width_and_case_fold_away() {
        assert_eq!(normalise("luósīfěn ZHÌLIÀNG"), "luosifen zhiliang");
        for u in ["lǜ", "lü", "lu\u{308}\u{300}", "LÜ", "lv"] {
            assert_eq!(normalise(u), "lv", "{u:?}");
        }
        assert_eq!(normalise("ＭＩＮＩ ﬁ Café 柳州 한국"), "mini fi cafe 柳州 한국");
        assert_eq!(normalise("cafe\u{301}"), "cafe");
    }
}
