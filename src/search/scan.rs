//! The first pass: which entries may match (carried over from the last query as the
//! user types), each one's cheap score, and the best few kept for the matcher.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use super::SearchIndex;
use super::keys::KeyView;
use super::query::Query;
use super::rank::{ALTERNATE_SCATTERED, Rank, SCATTERED_MAX, key_cheap_score, rank};
use super::respell::RespellBuffers;

/// An entry the query may match, and how far the leftmost greedy match of the query
/// has got in each of its keys (in `SearchIndex::keys` order; an entry has at most
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

/// The cores a search may use.
fn threads() -> usize {
    // Asking the OS is slow (it reads cgroup files): ask once.
    static THREADS: OnceLock<usize> = OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()).min(8))
}

/// From this many candidates the cheap pass runs on every core.
const PARALLEL_FROM: usize = 20_000;
/// Candidates a core takes at a time.
const CHUNK: usize = 2048;

/// Cuts `ranks` down to the best `keep`, best first.
fn keep_best(ranks: &mut Vec<Rank>, keep: usize) {
    ranks.sort_unstable_by(|a, b| b.cmp(a));
    ranks.truncate(keep);
}

impl SearchIndex {
    /// The best `keep` candidates by cheap score, as `Rank`s, and every candidate that
    /// may match at all (for the next, longer query to search within), in candidate
    /// order.
    ///
    /// Once `keep` candidates rank above what a later one can reach (its
    /// `upper_bound`), that one cannot rank and is not scored: on a large dataset most
    /// candidates are scattered matches or lack the prefixes that the best ones have.
    ///
    /// A large set is cut into chunks that the machine's cores take in turn, so a core
    /// the system holds up leaves more to the others instead of the whole keystroke
    /// waiting on it. The cores share their bar: the lowest of some core's best
    /// `keep`. Ranks are total (ties go to the earlier entry), so which core scores
    /// what changes the work done, never the result.
    ///
    /// The may-match list is `candidates` itself, cut down in place: each chunk keeps
    /// its own at its front, and they close up at the end. A second list would double
    /// what a keystroke holds.
    pub(super) fn scan(&self, mut candidates: Vec<Candidate>, q: &Query, keep: usize) -> (Vec<Rank>, Vec<Candidate>) {
        let helpers = if candidates.len() < PARALLEL_FROM { 0 } else { threads() - 1 };
        // A chunk is one core's at a time; the lock is only ever taken once.
        let chunks: Vec<Mutex<&mut [Candidate]>> = candidates.chunks_mut(CHUNK).map(Mutex::new).collect();
        let (next, bar) = (AtomicUsize::new(0), AtomicU64::new(0));
        let work = || {
            let mut buffers = RespellBuffers::default();
            // The best `keep` so far, lowest on top; and each chunk's may-match list.
            let mut best = BinaryHeap::with_capacity(keep + 1);
            let mut done = Vec::new();
            // The bar this core last raised: the others read it for every candidate,
            // so it is written only when it rises.
            let mut raised = 0;
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(part) = chunks.get(i) else {
                    break;
                };
                let mut part = part.lock().unwrap_or_else(|e| e.into_inner());
                let mut kept = 0;
                for at in 0..part.len() {
                    let c = part[at];
                    // Kept where it may match: at `kept`, never after `at`.
                    let mut maybe = |c: Candidate| {
                        part[kept] = c;
                        kept += 1;
                    };
                    let (e, entry) = (c.entry, c.entry as usize);
                    if q.mask & !self.masks[entry] != 0 {
                        continue;
                    }
                    let scattered = self.cannot_be_contiguous(entry, q);
                    // What a candidate must rank above, once some core has `keep`.
                    let floor = bar.load(Ordering::Relaxed);
                    if floor > 0 && rank(self.upper_bound(entry, q, scattered), e) < floor {
                        // Its greedy matches wait where they got to.
                        maybe(c);
                        continue;
                    }
                    let mut c = c;
                    let score = match self.cheap_score(&mut c, q, scattered, floor, &mut buffers) {
                        CheapScore::NoMatch => continue,
                        CheapScore::CannotRank => {
                            maybe(c);
                            continue;
                        }
                        CheapScore::Score(score) => score,
                    };
                    maybe(c);
                    best.push(Reverse(rank(score, e)));
                    if best.len() > keep {
                        best.pop();
                    }
                    let lowest = best.peek().map_or(0, |r| r.0);
                    if best.len() == keep && lowest > raised {
                        bar.fetch_max(lowest, Ordering::Relaxed);
                        raised = lowest;
                    }
                }
                done.push((i, kept));
            }
            (best.into_iter().map(|r| r.0).collect::<Vec<Rank>>(), done)
        };
        let results = std::thread::scope(|s| {
            let spawned: Vec<_> = (0..helpers).map(|_| s.spawn(work)).collect();
            let mut results = vec![work()];
            results.extend(spawned.into_iter().filter_map(|h| h.join().ok()));
            results
        });
        let (mut top, mut parts) = (Vec::new(), Vec::new());
        for (best, done) in results {
            top.extend(best);
            parts.extend(done);
        }
        keep_best(&mut top, keep);
        parts.sort_unstable_by_key(|&(i, _)| i);
        drop(chunks);
        let mut len = 0;
        for (i, kept) in parts {
            candidates.copy_within(i * CHUNK..i * CHUNK + kept, len);
            len += kept;
        }
        candidates.truncate(len);
        (top, candidates)
    }

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Dataset, Text};
    use crate::search::tests::index_of;

    /// Past `PARALLEL_FROM` candidates the cores take chunks in turn, and each closes
    /// up its chunks' may-match lists in place: the list comes out whole and in order.
    #[test]
    fn candidates_scanned_by_chunks_stay_whole_and_in_order() {
        let titles: Vec<Text> =
            (0..PARALLEL_FROM + 3 * CHUNK + 5).map(|i| Text::new("", &format!("n{i:06}"))).collect();
        let mut index = index_of(&titles);
        index.search("7", 10);
        let kept: Vec<usize> =
            index.last_query.as_ref().map_or(vec![], |(_, c)| c.iter().map(|c| c.entry as usize).collect());
        let want: Vec<usize> = (0..titles.len()).filter(|i| format!("{i:06}").contains('7')).collect();
        assert_eq!(kept, want);
        let typed = index.search("707", 10);
        index.last_query = None;
        assert_eq!(typed, index.search("707", 10));
        assert_eq!(typed.len(), 10);
    }

    /// `n` titles joined from the embedded ones, as in the benchmarks: enough entries
    /// for pruning to matter.
    fn joined(n: usize) -> Vec<Text> {
        let data = Dataset::embedded().unwrap();
        let titles: Vec<Text> = data.records().map(|r| r.name().clone()).collect();
        (0..n)
            .map(|k| {
                let (a, b) = (&titles[k % titles.len()], &titles[(k * 7 + 3) % titles.len()]);
                let zh = format!("{}{}", a.zh(), b.zh().chars().take(3).collect::<String>());
                Text::new(&zh, &format!("{} {}", a.en(), b.en().split_whitespace().last().unwrap_or("")))
            })
            .collect()
    }

    /// Typing searches only what the last query may have matched, including the
    /// candidates it did not score: every step must rank as a search from scratch.
    #[test]
    fn typing_ranks_as_searching_afresh() {
        let joined = joined(3000);
        let (mut typed, mut fresh) = (index_of(&joined), index_of(&joined));
        let queries = ["zhiliangqiangshi", "bauhinia", "zlqs", "quality city", "luosifen", "chongqing", "质量强市"];
        // Heteronyms read otherwise: 行 hang, 重 zhong.
        for query in queries.into_iter().chain(["hangyebiaozhun", "zhongdianxiangmu", "zhongda"]) {
            for (i, c) in query.char_indices() {
                let prefix = &query[..i + c.len_utf8()];
                fresh.last_query = None;
                assert_eq!(typed.search(prefix, 30), fresh.search(prefix, 30), "typing {prefix:?}");
            }
        }
    }
}
