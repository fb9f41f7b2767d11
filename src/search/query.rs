//! A term as the title index reads it: folded and compacted, with its masks, bigrams
//! and finders.

use memchr::memmem;

use super::normalise::{CompactChars, normalise};
use super::prefilter::{Bigrams, bigrams, first_bit, mask, union_bigrams, word_bits};

/// A normalised query.
pub(super) struct Query {
    /// Searches for `compact`, built once per query.
    pub(super) compact_finder: memmem::Finder<'static>,
    pub(super) mask: u64,
    /// `mask`'s bit for the first char of `compact`.
    pub(super) first_char_bit: u64,
    /// `word_bits` of the first word.
    pub(super) first_word_bits: u64,
    pub(super) ascii: bool,
    /// Chars in `compact`.
    pub(super) len: usize,
    /// `compact`'s chars, for matching a non-ASCII query char by char.
    chars: Vec<char>,
    /// The pairs of adjacent chars within each word (which any contiguous match has);
    /// none for a query of single letters.
    pub(super) word_bigrams: Option<Bigrams>,
    /// The pairs of adjacent chars of `compact`, which a match of beginnings of words
    /// or syllables must find in the entry (see `add_segment_pairs`).
    pub(super) pairs: Bigrams,
    /// Letters, digits and Hanzi only: what the matcher looks for ("zhi liang",
    /// "zhiliang" and "quality-city" alike).
    pub(super) compact: String,
    /// The words, for whole-word English matches.
    pub(super) word_finders: Vec<memmem::Finder<'static>>,
}

/// How a key's compact form begins: with the query and nothing more, with the query,
/// or otherwise.
#[derive(Debug, PartialEq)]
pub(super) enum Begins {
    Exact,
    Prefix,
    Otherwise,
}

impl Query {
    pub(super) fn new(raw: &str) -> Option<Query> {
        let norm = normalise(raw);
        let mut word_bigrams = Bigrams::default();
        let split: Vec<&str> = norm.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let word_finders = split
            .iter()
            .map(|w| {
                union_bigrams(&mut word_bigrams, &bigrams(w));
                memmem::Finder::new(w.as_bytes()).into_owned()
            })
            .collect();
        let compact: String = norm.chars().filter(|c| c.is_alphanumeric()).collect();
        (!compact.is_empty()).then(|| Query {
            compact_finder: memmem::Finder::new(compact.as_bytes()).into_owned(),
            mask: mask(&compact),
            first_char_bit: first_bit(&compact),
            first_word_bits: split.first().map_or(0, |w| word_bits(w)),
            ascii: compact.is_ascii(),
            len: compact.chars().count(),
            chars: compact.chars().collect(),
            word_bigrams: (word_bigrams != Bigrams::default()).then_some(word_bigrams),
            pairs: bigrams(&compact),
            compact,
            word_finders,
        })
    }

    /// How many of the query's chars a greedy match has taken, `matched` before,
    /// after reading `text` too (a whole number of chars).
    #[inline]
    pub(super) fn advance(&self, mut matched: usize, text: &[u8]) -> usize {
        if !self.ascii {
            for c in String::from_utf8_lossy(text).chars() {
                if matched < self.chars.len() && c == self.chars[matched] {
                    matched += 1;
                }
            }
            return matched;
        }
        let want = self.compact.as_bytes();
        for &b in text {
            if matched < want.len() && b == want[matched] {
                matched += 1;
            }
        }
        matched
    }

    /// How the compact form of a key's `text` begins (see `Begins`). Without
    /// separators, the text is its own compact form.
    pub(super) fn begins(&self, text: &[u8], has_separators: bool) -> Begins {
        let query = self.compact.as_bytes();
        if !has_separators {
            return match text.starts_with(query) {
                true if text.len() == query.len() => Begins::Exact,
                true => Begins::Prefix,
                false => Begins::Otherwise,
            };
        }
        let mut rest = CompactChars(text);
        match self.takes(&mut rest) {
            true if rest.next().is_none() => Begins::Exact,
            true => Begins::Prefix,
            false => Begins::Otherwise,
        }
    }

    /// Whether the compact chars `rest` reads begin with the query, taking them. An
    /// ASCII letter or digit of the text is compared as it stands, without decoding.
    fn takes(&self, rest: &mut CompactChars) -> bool {
        if !self.ascii {
            return self.chars.iter().all(|&c| rest.next() == Some(c));
        }
        self.compact.bytes().all(|want| match rest.0.split_first() {
            Some((&b, after)) if b.is_ascii_alphanumeric() => {
                rest.0 = after;
                b == want
            }
            _ => rest.next() == Some(char::from(want)),
        })
    }

    /// Whether the query stands contiguously in the compact form of a key's `text`:
    /// the compact form from some place its first char stands begins with the query.
    pub(super) fn stands_in(&self, text: &[u8], has_separators: bool) -> bool {
        if !has_separators {
            // A key is a few dozen bytes: looking from each place its first byte stands
            // costs less than setting out a substring search.
            let query = self.compact.as_bytes();
            return memchr::memchr_iter(query[0], text).any(|i| text[i..].starts_with(query));
        }
        // The first byte of a char in UTF-8 stands nowhere inside another char: each
        // place it stands is a char boundary.
        memchr::memchr_iter(self.compact.as_bytes()[0], text).any(|i| self.takes(&mut CompactChars(&text[i..])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Text;
    use crate::search::store::tests::{compact, index_of};

    /// Exact, prefix and contiguous checks read the compact form off a key's text; they
    /// agree with building it, for ASCII, Hanzi, mixed and over-long queries alike.
    #[test]
    fn compact_checks_read_off_the_text_agree_with_the_compact_form() {
        let data = crate::embedded().unwrap();
        let mut titles: Vec<Text> = data.records().map(|r| r.name().clone()).collect();
        titles.extend([Text::new("质量·强市 5G 基站", "Café-bar «x» a’b"), Text::new("《柳州》", "e\u{301}")]);
        let index = index_of(&titles);
        let mut checked = 0;
        for k in &index.keys {
            let (text, compact) = (&index.text[k.text()], compact(&index.text[k.text()]));
            let chars: Vec<char> = compact.chars().collect();
            let mut queries = vec![compact.clone(), "x".repeat(70), "fé".into(), "cafbar".into()];
            for len in [1, 2, 4, 9] {
                for start in (0..chars.len().saturating_sub(len - 1)).step_by(3) {
                    queries.push(chars[start..start + len].iter().collect());
                }
            }
            for query in queries {
                let Some(q) = Query::new(&query) else { continue };
                let begins = match compact.strip_prefix(&q.compact) {
                    Some("") => Begins::Exact,
                    Some(_) => Begins::Prefix,
                    None => Begins::Otherwise,
                };
                assert_eq!(q.begins(text.as_bytes(), k.has_separators), begins, "{query:?} in {text:?}");
                let within = compact.contains(&q.compact);
                assert_eq!(q.stands_in(text.as_bytes(), k.has_separators), within, "{query:?} in {text:?}");
                checked += 1;
            }
        }
        assert!(checked > 5000, "too few checks: {checked}");
    }
}
