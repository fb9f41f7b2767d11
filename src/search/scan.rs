//! A title's cheap score for a query: how tightly its greedy match packs in each key
//! and the bonuses it earns there, before the matcher scores the best few in full.

use super::keys::KeyView;
use super::query::Query;
use super::rank::{ALTERNATE_SCATTERED, Rank, SCATTERED_MAX, key_cheap_score, rank};
use super::respell::RespellBuffers;
use super::store::TitleIndex;

/// An entry the query may match, and how far the leftmost greedy match of the query
/// has got in each of its keys (in `TitleIndex::keys` order; an entry has at most
/// three). A longer query goes on from there: one `memchr` a key for each char typed,
/// not one for each char of the query.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub(super) entry: u32,
    /// How many chars of the query `matches` hold the match of; 0 for none yet.
    matched: u16,
    /// No spelling with other readings holds the query contiguously: nor will one
    /// hold a longer query, so it need not be walked again to know.
    respelled_scattered: bool,
    matches: [LeftmostMatch; 3],
}

impl Candidate {
    pub(super) fn new(entry: u32) -> Candidate {
        Candidate { entry, matched: 0, respelled_scattered: false, matches: [LeftmostMatch::default(); 3] }
    }
}

/// The leftmost greedy match of the query's first chars in a key: byte offsets in its
/// text of the first and last char taken. Typing more only moves `end` on; the
/// leftmost start never changes.
#[derive(Debug, Clone, Copy, Default)]
struct LeftmostMatch {
    start: u16,
    end: u16,
}

impl LeftmostMatch {
    /// `end` of a key that cannot hold the query, nor any query it begins.
    const IMPOSSIBLE: u16 = u16::MAX;

    /// Chars from the first to the last taken by the greedy match of all of `q`, going
    /// on from its first `matched` chars (kept only for an ASCII query); `None` when
    /// the key does not hold it. One `memchr` per query byte rather than a test per
    /// text byte.
    fn extend_span(&mut self, key: &KeyView, q: &Query, matched: usize) -> Option<usize> {
        if !q.ascii {
            return leftmost_span_of_chars(q.compact.chars(), std::str::from_utf8(key.text).ok()?.chars());
        }
        // ASCII bytes never occur inside a multi-byte char, so bytes find the match in
        // any text; only the span is counted in chars.
        let (want, text) = (q.compact.as_bytes(), key.text);
        let (mut start, mut end) = (usize::from(self.start), usize::from(self.end));
        if matched == 0 {
            start = memchr::memchr(want[0], text)?;
            end = start;
        }
        for &b in &want[matched.max(1)..] {
            end += 1 + memchr::memchr(b, &text[end + 1..])?;
        }
        // Stored keys are under 64 KiB (see `StoredKey`); a respelled one, whose state
        // is not kept, may not be, so the span is taken from `start` itself.
        (self.start, self.end) = (start as u16, end as u16);
        let taken = &text[start..=end];
        Some(if key.ascii { taken.len() } else { taken.iter().filter(|&&b| b & 0xC0 != 0x80).count() })
    }
}

/// Chars spanned by the leftmost greedy match of the query in the key's text, if all
/// of it occurs there in order.
pub(super) fn leftmost_match_span(q: &Query, key: &KeyView) -> Option<usize> {
    LeftmostMatch::default().extend_span(key, q, 0)
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

/// A candidate's cheap score, or why it has none.
#[derive(Debug, PartialEq)]
pub(super) enum CheapScore {
    NoMatch,
    /// It might match, but could not rank among the best: not worth finding out.
    CannotRank,
    Score(i64),
}

impl TitleIndex {
    /// The best bonus over the keys that contain the query, plus how tightly a greedy
    /// match packs; `None` when no key contains it. Each key's greedy match goes on
    /// from where the candidate's got to (and a key that cannot hold the query is
    /// marked so for good). Other readings of heteronyms are consulted only when no
    /// key matches. A `scattered` entry (see `cannot_be_contiguous`) can earn no
    /// bonus, so none is looked for.
    ///
    /// A respelling is not looked for when its best could not beat `floor`.
    pub(super) fn cheap_score(
        &self,
        c: &mut Candidate,
        q: &Query,
        scattered: bool,
        floor: Rank,
        buffers: &mut RespellBuffers,
    ) -> CheapScore {
        let entry = c.entry as usize;
        let mut best = None;
        for (k, leftmost) in self.keys(entry).iter().zip(&mut c.matches) {
            if leftmost.end == LeftmostMatch::IMPOSSIBLE || q.mask & !k.mask != 0 {
                leftmost.end = LeftmostMatch::IMPOSSIBLE;
                continue;
            }
            let key = self.view(k);
            let Some(span) = leftmost.extend_span(&key, q, usize::from(c.matched)) else {
                leftmost.end = LeftmostMatch::IMPOSSIBLE;
                continue;
            };
            best = best.max(Some(key_cheap_score(&key, q, scattered, span)));
        }
        // Greedy state is kept for ASCII queries (bytes are chars), up to u16 chars.
        c.matched = if q.ascii { u16::try_from(q.len).unwrap_or(0) } else { 0 };
        if let Some(score) = best {
            return CheapScore::Score(score);
        }
        let Some(k) = self.heteronym_key(entry) else {
            return CheapScore::NoMatch;
        };
        // Once a respelling the query does not stand in contiguously cannot rank, only
        // one it may stand in is worth building.
        let low = rank(ALTERNATE_SCATTERED + SCATTERED_MAX, entry as u32) < floor;
        if low && (scattered || !q.respellable || c.respelled_scattered) {
            return CheapScore::CannotRank;
        }
        match self.match_across_spellings(k, q, &mut buffers.chosen) {
            Some(partial) if partial.matched == q.len && !buffers.chosen.is_empty() => {
                if !q.contiguous(&partial) {
                    c.respelled_scattered = true;
                }
                if low && c.respelled_scattered {
                    return CheapScore::CannotRank;
                }
                self.spell_with(k, &buffers.chosen, &mut buffers.key);
                let key = buffers.key.view();
                leftmost_match_span(q, &key)
                    .map_or(CheapScore::NoMatch, |span| CheapScore::Score(key_cheap_score(&key, q, scattered, span)))
            }
            _ => CheapScore::NoMatch,
        }
    }

    /// Whether the entry's bigrams rule out the query standing in any of its keys
    /// contiguously, under any reading.
    pub(super) fn cannot_be_contiguous(&self, entry: usize, q: &Query) -> bool {
        q.word_bigrams.is_some_and(|grams| grams.iter().zip(&self.bigrams[entry]).any(|(q, g)| q & !g != 0))
    }
}
