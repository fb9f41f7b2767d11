//! A title's cheap score for a query: how tightly its greedy match packs in each key
//! and the bonuses it earns there, before the matcher scores the best few in full.

use super::keys::KeyView;
use super::query::Query;
use super::rank::key_cheap_score;
use super::respell::RespellBuffers;
use super::store::TitleIndex;

/// Chars spanned by the leftmost greedy match of the query in the key's text, if all
/// of it occurs there in order: one `memchr` per query char rather than a test per
/// text byte. In UTF-8 a char's bytes never occur inside another char's, so bytes
/// find the match in any text; only the span is counted in chars.
pub(super) fn leftmost_match_span(q: &Query, key: &KeyView) -> Option<usize> {
    let text = key.text;
    let (start, end) = if q.ascii {
        let want = q.compact.as_bytes();
        let start = memchr::memchr(*want.first()?, text)?;
        let mut end = start + 1;
        for &b in &want[1..] {
            end += 1 + memchr::memchr(b, &text[end..])?;
        }
        (start, end)
    } else {
        let mut buf = [0; 4];
        let mut chars = q.compact.chars();
        let first = chars.next()?.encode_utf8(&mut buf).as_bytes();
        let start = find(text, first)?;
        let mut end = start + first.len();
        for c in chars {
            let c = c.encode_utf8(&mut buf).as_bytes();
            end += find(&text[end..], c)? + c.len();
        }
        (start, end)
    };
    let taken = &text[start..end];
    Some(if key.ascii { taken.len() } else { taken.iter().filter(|&&b| b & 0xC0 != 0x80).count() })
}

/// Where a char's bytes first stand in `text`: a title is too short for a substring
/// searcher to pay for setting out.
fn find(text: &[u8], char_bytes: &[u8]) -> Option<usize> {
    memchr::memchr_iter(char_bytes[0], text).find(|&i| text[i..].starts_with(char_bytes))
}

impl TitleIndex {
    /// The best bonus over the keys that contain the query, plus how tightly a greedy
    /// match packs; `None` when no key contains it. Other readings of heteronyms are
    /// consulted only when no key matches. A `scattered` entry (see
    /// `cannot_be_contiguous`) can earn no bonus, so none is looked for.
    pub(super) fn cheap_score(
        &self,
        entry: usize,
        q: &Query,
        scattered: bool,
        buffers: &mut RespellBuffers,
    ) -> Option<i64> {
        let mut best = None;
        for k in self.keys(entry) {
            if q.mask & !k.mask != 0 {
                continue;
            }
            let key = self.view(k);
            if let Some(span) = leftmost_match_span(q, &key) {
                best = best.max(Some(key_cheap_score(&key, q, scattered, span, self.en_word_bits[entry])));
            }
        }
        if best.is_some() {
            return best;
        }
        let k = self.heteronym_key(entry)?;
        match self.match_across_spellings(k, q, &mut buffers.chosen) {
            Some(matched) if matched == q.len && !buffers.chosen.is_empty() => {
                self.spell_with(k, &buffers.chosen, &mut buffers.key);
                let key = buffers.key.view();
                leftmost_match_span(q, &key)
                    .map(|span| key_cheap_score(&key, q, scattered, span, self.en_word_bits[entry]))
            }
            _ => None,
        }
    }

    /// Whether the entry's bigrams rule out the query standing in any of its keys
    /// contiguously, under any reading.
    pub(super) fn cannot_be_contiguous(&self, entry: usize, q: &Query) -> bool {
        q.word_bigrams.is_some_and(|grams| grams.iter().zip(&self.bigrams[entry]).any(|(q, g)| q & !g != 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::store::tests::index_of;

    /// The greedy match over chars, one at a time, as a reader would take it.
    fn by_chars(pattern: &str, text: &str) -> Option<usize> {
        let mut want = pattern.chars().peekable();
        let (mut start, mut end) = (None, 0);
        for (i, c) in text.chars().enumerate() {
            if want.peek() == Some(&c) {
                start.get_or_insert(i);
                end = i;
                want.next();
            }
        }
        if want.peek().is_some() { None } else { start.map(|s| end + 1 - s) }
    }

    /// Matching bytes, char by char, spans what matching chars spans, in Hanzi, pinyin,
    /// English and mixed keys alike.
    #[test]
    fn byte_matches_span_as_char_matches_do() {
        let data = crate::embedded().unwrap();
        let titles: Vec<crate::data::Text> = data.records().map(|r| r.name().clone()).collect();
        let index = index_of(&titles);
        let queries = ["柳州", "质强", "市", "螺蛳粉", "5g基站", "产值", "zlqs", "liu", "州z", "ev"];
        let mut found = 0;
        for k in &index.keys {
            let key = index.view(k);
            let text = std::str::from_utf8(key.text).unwrap();
            for query in queries {
                let q = Query::new(query).unwrap();
                let span = leftmost_match_span(&q, &key);
                assert_eq!(span, by_chars(&q.compact, text), "{query:?} in {text:?}");
                found += usize::from(span.is_some());
            }
        }
        assert!(found > 100, "too few matches to say anything: {found}");
    }
}
