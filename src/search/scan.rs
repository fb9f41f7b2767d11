//! A title's cheap score for a query: how tightly its greedy match packs in each key
//! and the bonuses it earns there, before the matcher scores the best few in full.

use super::keys::KeyView;
use super::query::Query;
use super::rank::key_cheap_score;
use super::respell::RespellBuffers;
use super::store::TitleIndex;

/// Chars spanned by the leftmost greedy match of the query in the key's text, if all
/// of it occurs there in order: one `memchr` per query byte rather than a test per text
/// byte. ASCII bytes never occur inside a multi-byte char, so bytes find the match in
/// any text; only the span is counted in chars.
pub(super) fn leftmost_match_span(q: &Query, key: &KeyView) -> Option<usize> {
    if !q.ascii {
        return leftmost_span_of_chars(q.compact.chars(), std::str::from_utf8(key.text).ok()?.chars());
    }
    let (want, text) = (q.compact.as_bytes(), key.text);
    let start = memchr::memchr(*want.first()?, text)?;
    let mut end = start;
    for &b in &want[1..] {
        end += 1 + memchr::memchr(b, &text[end + 1..])?;
    }
    let taken = &text[start..=end];
    Some(if key.ascii { taken.len() } else { taken.iter().filter(|&&b| b & 0xC0 != 0x80).count() })
}

/// Chars of `text` from the first to the last taken by the leftmost greedy match of
/// `pattern`, if all of `pattern` occurs in order.
fn leftmost_span_of_chars(pattern: impl Iterator<Item = char>, text: impl Iterator<Item = char>) -> Option<usize> {
    let mut p = pattern.peekable();
    let (mut start, mut end) = (None, 0);
    for (i, c) in text.enumerate() {
        match p.peek() {
            Some(&want) if want == c => {
                start.get_or_insert(i);
                end = i;
                p.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    if p.peek().is_some() { None } else { start.map(|s| end + 1 - s) }
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
                best = best.max(Some(key_cheap_score(&key, q, scattered, span)));
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
                leftmost_match_span(q, &key).map(|span| key_cheap_score(&key, q, scattered, span))
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
