//! Whether one term of a query stands in a record's titles, and its cheap score there:
//! fuzzily but compactly (no junk), or as fzf's operators ask (exact, prefix, suffix).
//!
//! A fuzzy match counts when the term stands contiguously in a key, when it is made of
//! the beginnings of consecutive syllables of the pinyin (`zlqs`, `zlqiangs`) or of
//! consecutive words of the English (`nev` for New-energy vehicle), or when it is
//! scattered over at most `SCATTER_SLACK` chars more than its own length. Letters picked
//! here and there over a long title are a coincidence, not a match.

use super::keys::{KeyView, Side};
use super::prefilter::{byte_bit, holds_all, splits_words, words};
use super::query::{Begins, Query};
use super::respell::RespellBuffers;
use super::scan::leftmost_match_span;
use super::store::{StoredAltReading, StoredKey, TitleIndex};

/// How many chars more than the term a scattered match may span.
const SCATTER_SLACK: usize = 2;

/// What a term asks of a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Op {
    /// `'term`: contiguous only.
    pub(super) exact: bool,
    /// `^term`: a key begins with it.
    pub(super) prefix: bool,
    /// `term$`: a key ends with it.
    pub(super) suffix: bool,
}

impl TitleIndex {
    /// The term's cheap score in the entry's titles (see `rank`), or `None` when it
    /// does not stand there as `op` asks.
    pub(super) fn term_score(&self, entry: usize, q: &Query, op: Op, buffers: &mut RespellBuffers) -> Option<i64> {
        self.term_fits(entry, q, op).then(|| self.fitting_score(entry, q, buffers))
    }

    /// The cheap score of a term known to stand in the entry's titles (see `term_score`).
    pub(super) fn fitting_score(&self, entry: usize, q: &Query, buffers: &mut RespellBuffers) -> i64 {
        let scattered = self.cannot_be_contiguous(entry, q);
        // None: only the walk through syllables found it under another reading (the
        // greedy match found none): it ranks as a match through another reading.
        let alternate = super::rank::ALTERNATE_SCATTERED + super::rank::SCATTERED_MAX;
        self.cheap_score(entry, q, scattered, buffers).unwrap_or(alternate)
    }

    /// Whether the term stands in the entry's titles as `op` asks.
    pub(super) fn term_fits(&self, entry: usize, q: &Query, op: Op) -> bool {
        if q.mask & !self.masks[entry] != 0 {
            return false;
        }
        if q.len == 1 && op == Op::default() {
            // One char fits wherever a key holds it. An ASCII letter's bit is exact: some
            // key (or reading) holds it; another char's bit is shared, so a key whose
            // bit is set is searched.
            return q.ascii
                || self
                    .keys(entry)
                    .iter()
                    .any(|k| q.mask & !k.mask == 0 && leftmost_match_span(q, &self.view(k)).is_some());
        }
        // The bigrams rule out most contiguous matches at once; each check after them
        // costs a walk through a key.
        let contiguous = !self.cannot_be_contiguous(entry, q);
        let segmented = holds_all(&self.segment_pairs[entry], &q.pairs);
        let fits = |k: &StoredKey| {
            // A key's mask covers its other readings: lacking a char of the term, it
            // cannot hold it under any reading.
            if q.mask & !k.mask != 0 {
                return false;
            }
            let key = self.view(k);
            if op.prefix || op.suffix {
                (!op.prefix || self.begins_with(k, q)) && (!op.suffix || ends_with(&key, q))
            } else if op.exact {
                contiguous && q.mask & !k.mask == 0 && q.stands_in(key.text, key.has_separators)
            } else {
                self.fuzzy_fits(k, &key, q, contiguous, segmented, self.en_word_bits[entry])
            }
        };
        self.keys(entry).iter().any(fits)
    }

    /// Whether the term stands compactly in key `k` (see the module's doc); `contiguous`
    /// and `segmented` when the entry's pairs allow it to stand there contiguously, and
    /// as beginnings of consecutive words or syllables; `en_words` the `word_bits` of
    /// the English title's words.
    ///
    /// The walks through words come last, once the term does not stand in the key
    /// contiguously: a match there then spans two words at least (or one syllable under
    /// another reading), and the first letters of its words are checked before the walk.
    fn fuzzy_fits(
        &self,
        k: &StoredKey,
        key: &KeyView,
        q: &Query,
        contiguous: bool,
        segmented: bool,
        en_words: u64,
    ) -> bool {
        // A pinyin key holds the term only contiguously or as beginnings of syllables:
        // when the entry's pairs allow neither, its text need not be read.
        if k.initials_len > 0 && !contiguous && !segmented {
            return false;
        }
        let span = leftmost_match_span(q, key);
        let stands = || contiguous && q.stands_in(key.text, key.has_separators);
        if k.initials_len > 0 {
            // A match in another reading need not be one in the usual spelling; one the
            // usual spelling lacks in order cannot stand there contiguously.
            let walk = || segmented && self.initials_decide(k, q).unwrap_or_else(|| self.syllables_begin(k, q));
            return match span {
                None => k.alts_len > 0 && walk(),
                Some(span) if span == q.len => true,
                Some(_) => stands() || walk(),
            };
        }
        let Some(span) = span else {
            return false;
        };
        span <= q.len + SCATTER_SLACK
            || stands()
            || (segmented
                && k.side == Side::En
                && begin_words(q.compact.as_bytes(), en_words)
                && words_begin(key.text, q.compact.as_bytes()))
    }

    /// Whether the term is the beginnings of two or more consecutive syllables of pinyin
    /// key `k` under any reading, or the beginning of another reading of one, where the
    /// first letters of its syllables decide it without a walk through them: not when
    /// no syllable that may begin with its first letter is followed by one that may
    /// begin with a later one, surely when its two letters begin neighbouring
    /// syllables. Unsure (initials that are not one a word) leaves it to the walk.
    fn initials_decide(&self, k: &StoredKey, q: &Query) -> Option<bool> {
        let query = q.compact.as_bytes();
        let (Some(ini), true, true) = (k.initials(), k.initials_per_word, q.ascii) else {
            return None;
        };
        let ini = &self.text.as_bytes()[ini];
        let mut firsts = ini.iter().fold(0, |m, &b| m | byte_bit(b));
        // First whether the term's first letter and a later one begin syllables at all:
        // other readings only add to what may be, so they are read when these say no.
        if !begin_words(query, firsts) {
            for alt in &self.alts[k.alts()] {
                let reading = self.readings[usize::from(alt.reading)].as_bytes();
                if reading.first() == query.first() && reading.starts_with(query) {
                    return None;
                }
                firsts |= reading.first().map_or(0, |&b| byte_bit(b));
            }
            if !begin_words(query, firsts) {
                return Some(false);
            }
        }
        // Then whether they begin neighbouring syllables.
        let later_bits = query[1..].iter().fold(0, |m, &b| m | byte_bit(b));
        let later = |b: u8| later_bits & byte_bit(b) != 0;
        if ini.windows(2).any(|w| w[0] == query[0] && later(w[1])) {
            return (query.len() == 2).then_some(true);
        }
        (!self.begins_beside_other_readings(k, query, later)).then_some(false)
    }

    /// Whether another reading of a syllable of pinyin key `k` begins ASCII term
    /// `query`, or begins a part of it beside a syllable that may begin the part before
    /// or after (`later`: whether a letter is one of the term's after its first). For a
    /// key whose usual spelling has no such neighbours; where the readings stand is
    /// found only for those that begin with a letter of the term.
    fn begins_beside_other_readings(&self, k: &StoredKey, query: &[u8], later: impl Fn(u8) -> bool) -> bool {
        let text = &self.text.as_bytes()[k.text()];
        let alts = &self.alts[k.alts()];
        let first_of = |alt: &StoredAltReading| self.readings[usize::from(alt.reading)].as_bytes().first().copied();
        let begins_later = |at: usize| {
            later(text[at]) || alts.iter().any(|a| usize::from(a.at) == at && first_of(a).is_some_and(&later))
        };
        alts.iter().any(|alt| {
            let (at, reading) = (usize::from(alt.at), self.readings[usize::from(alt.reading)].as_bytes());
            first_of(alt).is_some_and(|b| {
                (b == query[0] && (reading.starts_with(query) || next_word(text, at).is_some_and(begins_later)))
                    || (later(b) && previous_word(text, at).is_some_and(|p| text[p] == query[0]))
            })
        })
    }

    /// Whether some key's compact form (or a pinyin key's initials) begins with the term.
    fn begins_with(&self, k: &StoredKey, q: &Query) -> bool {
        let bytes = self.text.as_bytes();
        q.begins(&bytes[k.text()], k.has_separators) != Begins::Otherwise
            || k.initials().is_some_and(|i| bytes[i].starts_with(q.compact.as_bytes()))
    }

    /// Whether the term is the beginnings of consecutive syllables of pinyin key `k`
    /// under any reading of its heteronyms: `zlqiangs` in zhi liang qiang shi.
    fn syllables_begin(&self, k: &StoredKey, q: &Query) -> bool {
        let query = q.compact.as_bytes();
        if !q.ascii || query.len() > 63 {
            return false;
        }
        let text = &self.text.as_bytes()[k.text()];
        let alts = &self.alts[k.alts()];
        let initials = k.initials().map_or(&[][..], |i| &self.text.as_bytes()[i]);
        if alts.is_empty() && memchr::memchr(query[0], initials).is_none() {
            return false;
        }
        let mut next_alt = 0;
        // A syllable has a handful of readings at most; more are not tried.
        let mut spellings: [&[u8]; 8] = [&[]; 8];
        let mut step = Segmenter::new(query);
        for (at, word) in words(text) {
            while next_alt < alts.len() && usize::from(alts[next_alt].at) < at {
                next_alt += 1;
            }
            // With nothing taken yet, a word of one spelling that does not begin as the
            // term does leaves nothing taken.
            let alone = alts.get(next_alt).is_none_or(|a| usize::from(a.at) != at);
            if step.taken == 0 && alone && word.first() != query.first() {
                continue;
            }
            spellings[0] = word;
            let mut n = 1;
            while next_alt < alts.len() && usize::from(alts[next_alt].at) == at {
                if n < spellings.len() {
                    spellings[n] = self.readings[usize::from(alts[next_alt].reading)].as_bytes();
                    n += 1;
                }
                next_alt += 1;
            }
            if step.word(&spellings[..n]) {
                return true;
            }
        }
        false
    }
}

/// Whether a term may be the beginnings of two or more words whose first letters
/// have the bits `firsts` (as `mask`): its first letter and a later one among them.
/// Unsure (letters other than ASCII, whose bits are not exact) counts as may.
fn begin_words(query: &[u8], firsts: u64) -> bool {
    if !query.is_ascii() {
        return true;
    }
    let has = |&b: &u8| firsts & byte_bit(b) != 0;
    query.first().is_some_and(has) && query[1..].iter().any(has)
}

/// Where the word after the one beginning at `at` begins, if one does (see `words`).
fn next_word(text: &[u8], at: usize) -> Option<usize> {
    let end = at + text.get(at..)?.iter().position(|&b| splits_words(b))?;
    Some(end + text[end..].iter().position(|&b| !splits_words(b))?)
}

/// Where the word before the one beginning at `at` begins, if one does (see `words`).
fn previous_word(text: &[u8], at: usize) -> Option<usize> {
    let end = text.get(..at)?.iter().rposition(|&b| !splits_words(b))?;
    Some(text[..end].iter().rposition(|&b| splits_words(b)).map_or(0, |p| p + 1))
}

/// Whether the term is the beginnings of consecutive words of an English key: `nev`
/// in new-energy vehicle, `qualcity` in quality city.
fn words_begin(text: &[u8], query: &[u8]) -> bool {
    if query.len() > 63 {
        return false;
    }
    let mut step = Segmenter::new(query);
    // Only a word beginning with the query's first char can begin the match.
    let mut started = false;
    words(text).any(|(_, w)| {
        started |= w.first() == query.first();
        started && step.word(&[w])
    })
}

/// Follows a query through words, each taking a non-empty beginning of one word (any
/// of its spellings), as a set of how many of the query's bytes may have been taken.
struct Segmenter<'q> {
    query: &'q [u8],
    /// Bit j: the first j bytes are taken by the words so far, ending at the last.
    taken: u64,
}

impl<'q> Segmenter<'q> {
    fn new(query: &'q [u8]) -> Segmenter<'q> {
        Segmenter { query, taken: 0 }
    }

    /// Reads the next word; true once the whole query is taken.
    fn word(&mut self, spellings: &[&[u8]]) -> bool {
        // A match may begin at any word.
        let mut from = (self.taken | 1) & !(1 << self.query.len());
        let mut next = 0u64;
        while from != 0 {
            let j = from.trailing_zeros() as usize;
            from &= from - 1;
            let rest = &self.query[j..];
            for s in spellings {
                // Taking 1 to `common` bytes of the word: bits j + 1 to j + common.
                let common = s.iter().zip(rest).take_while(|(a, b)| a == b).count();
                next |= ((1 << common) - 1) << (j + 1);
            }
        }
        self.taken = next;
        next & 1 << self.query.len() != 0
    }
}

/// Whether the compact form of a key's text ends with the term.
fn ends_with(key: &KeyView, q: &Query) -> bool {
    let Ok(text) = std::str::from_utf8(key.text) else {
        return false;
    };
    let mut tail = text.chars().rev().filter(|c| c.is_alphanumeric());
    q.compact.chars().rev().all(|c| tail.next() == Some(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The segment pairs and the words' first letters only rule out what the walk
    /// through words would not find: beginnings of two or three consecutive syllables
    /// or words of every title.
    #[test]
    fn segment_pairs_never_rule_out_a_segmented_match() {
        let data = crate::embedded().unwrap();
        let index = TitleIndex::from_titles(data.records().map(|r| r.name()));
        let mut checked = 0;
        for entry in 0..index.len() {
            for k in index.keys(entry).iter().filter(|k| k.side == Side::En || k.initials_len > 0) {
                let text = &index.text.as_bytes()[k.text()];
                let ws: Vec<&[u8]> = words(text).map(|(_, w)| w).collect();
                // Words led by punctuation other than ASCII (“liuzhou) are not begun by letters.
                for run in ws.windows(3).filter(|r| r.iter().all(|w| w[0].is_ascii_alphanumeric())) {
                    for cut in [(1, 1, 1), (2, 1, 0), (1, 3, 1), (3, 2, 2)] {
                        let pick = |w: &[u8], n: usize| String::from_utf8_lossy(w).chars().take(n).collect::<String>();
                        let query = pick(run[0], cut.0) + &pick(run[1], cut.1) + &pick(run[2], cut.2);
                        let Some(q) = Query::new(&query) else { continue };
                        let (found, may) = match k.initials_len > 0 {
                            true => (index.syllables_begin(k, &q), index.initials_decide(k, &q) != Some(false)),
                            false => (
                                words_begin(text, q.compact.as_bytes()),
                                begin_words(q.compact.as_bytes(), index.en_word_bits[entry]),
                            ),
                        };
                        assert!(found, "{query:?} in {:?}", String::from_utf8_lossy(text));
                        assert!(may, "{query:?} ruled out by first letters");
                        assert!(holds_all(&index.segment_pairs[entry], &q.pairs), "{query:?} ruled out");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 2000, "too few: {checked}");
    }

    /// Where the first letters of a pinyin key's syllables decide a term that does not
    /// stand in its usual spelling, the walk through its syllables agrees: every two
    /// letters and many three, in every title's key.
    #[test]
    fn initials_decide_as_the_walk_would() {
        let data = crate::embedded().unwrap();
        let index = TitleIndex::from_titles(data.records().map(|r| r.name()));
        let (mut surely, mut never) = (0, 0);
        for k in index.keys.iter().filter(|k| k.initials_len > 0) {
            let text = &index.text.as_bytes()[k.text()];
            let pairs = (b'a'..=b'z').flat_map(|a| (b'a'..=b'z').map(move |b| vec![a, b]));
            // And three letters, the last one that may end a syllable or begin one.
            let threes = pairs.clone().flat_map(|ab| b"aghinu".map(|c| [&ab[..], &[c]].concat()));
            for query in pairs.chain(threes) {
                let q = Query::new(std::str::from_utf8(&query).unwrap()).unwrap();
                if q.stands_in(text, k.has_separators) {
                    continue;
                }
                let Some(decided) = index.initials_decide(k, &q) else { continue };
                assert_eq!(
                    decided,
                    index.syllables_begin(k, &q),
                    "{:?} in {:?}",
                    q.compact,
                    String::from_utf8_lossy(text)
                );
                (surely, never) = if decided { (surely + 1, never) } else { (surely, never + 1) };
            }
        }
        assert!(surely > 1000 && never > 10_000, "too few decided: {surely} surely, {never} not");
    }

    #[test]
    fn segments_take_beginnings_of_consecutive_words() {
        let fits = |text: &str, q: &str| words_begin(text.as_bytes(), q.as_bytes());
        assert!(fits("new-energy vehicle output", "nev"));
        assert!(fits("new-energy vehicle output", "nevout"));
        assert!(fits("quality city", "qualcity"));
        assert!(!fits("a sports park in every county", "nev"), "not consecutive words");
        assert!(!fits("new-energy vehicle output", "nvo"), "skips a word");
        assert!(!fits("new-energy vehicle output", "ewe"), "not beginnings");
    }
}
