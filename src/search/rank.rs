//! How a match ranks: the bonuses a key earns, a key's cheap score, and the upper bound
//! on them that lets the scan skip entries; the bound must cover every bonus.

use std::ops::Range;

use memchr::memmem;

use super::keys::{KeyView, Side};
use super::prefilter::splits_words;
use super::query::{Begins, Query};
use super::store::{StoredKey, TitleIndex};

/// Bonuses over the matcher's score, so a person's sense of "best" wins: exact and
/// prefix matches before scattered ones, whole English words before fuzzy letters.
const EXACT: i64 = 1000;
/// The most a match earns without any bonus: for packing tightly.
pub(super) const SCATTERED_MAX: i64 = 100;
const PREFIX: i64 = 500;
const CONTIGUOUS: i64 = 200;
const WHOLE_WORDS: i64 = 300;
const INITIALS_EXACT: i64 = 800;
const INITIALS_PREFIX: i64 = 400;
const INITIALS_WITHIN: i64 = 150;
/// The query as the first letters of consecutive English words: all of them, the
/// first ones, or some inside (`NEV` for New-energy vehicle output). An acronym says as
/// much as the words it stands for, so it ranks as they would.
const ACRONYM_EXACT: i64 = EXACT + INITIALS_EXACT;
const ACRONYM_PREFIX: i64 = PREFIX + INITIALS_PREFIX;
/// A match through a heteronym's other reading ranks a little below one through the
/// usual reading, and earns no initials bonus: 技 can be read qi, but "zlqs" means
/// 质量强市, not 质量技术.
const ALTERNATE_READING: i64 = -50;
/// A match through another reading that the query does not stand in contiguously
/// ranks after every match through the usual readings.
pub(super) const ALTERNATE_SCATTERED: i64 = -1000;

/// The bonus a key earns. `span` is the greedy match's: when it is as long as the
/// query, the query stands in the key contiguously and no search is needed to know it.
/// `en_words` are the entry's English words' `word_bits`: without the query's, the key
/// is not read for whole words or an acronym.
pub(super) fn bonus(key: &KeyView, q: &Query, span: usize, en_words: u64) -> i64 {
    let mut b = match q.begins(key.text, key.has_separators) {
        Begins::Exact => EXACT,
        Begins::Prefix => PREFIX,
        Begins::Otherwise if span == q.len || q.stands_in(key.text, key.has_separators) => CONTIGUOUS,
        Begins::Otherwise => 0,
    };
    if key.alternate {
        b += if b == 0 { ALTERNATE_SCATTERED } else { ALTERNATE_READING };
    }
    if key.side == Side::En
        && en_words & q.first_word_bits == q.first_word_bits
        && whole_words(key.text, &q.word_finders)
    {
        b += WHOLE_WORDS;
    }
    b += acronym_of(key, q, en_words);
    if let Some(ini) = key.initials.filter(|_| !key.alternate) {
        let query = q.compact.as_bytes();
        b += if ini == query {
            INITIALS_EXACT
        } else if ini.starts_with(query) {
            INITIALS_PREFIX
        } else if q.compact_finder.find(ini).is_some() {
            INITIALS_WITHIN
        } else {
            0
        };
    }
    b
}

/// A key's cheap score: its bonus (none when `scattered`) plus how tightly its greedy
/// match, `span` chars, packs (at most `SCATTERED_MAX`).
pub(super) fn key_cheap_score(key: &KeyView, q: &Query, scattered: bool, span: usize, en_words: u64) -> i64 {
    let tightness = SCATTERED_MAX - (span.saturating_sub(q.len) as i64 * 4).min(SCATTERED_MAX);
    let bonus = match scattered {
        // An acronym's letters are scattered by nature: its bonus holds either way.
        true => acronym_of(key, q, en_words) + if key.alternate { ALTERNATE_SCATTERED } else { 0 },
        false => bonus(key, q, span, en_words),
    };
    bonus + tightness
}

/// The acronym bonus of an English key.
fn acronym_of(key: &KeyView, q: &Query, en_words: u64) -> i64 {
    if key.side == Side::En && may_be_acronym(q, en_words) { acronym(key.text, q.compact.as_bytes()) } else { 0 }
}

/// Whether the query may be an acronym of English words with the `word_bits`
/// `en_words`: two letters at least, each beginning one of the words (the low bits
/// of `word_bits` are exact for ASCII).
fn may_be_acronym(q: &Query, en_words: u64) -> bool {
    let ascii_bits = q.mask & ((1 << 36) - 1);
    q.len >= 2 && q.ascii && ascii_bits & !en_words == 0
}

/// The bonus for the query as the first letters of consecutive English words.
fn acronym(text: &[u8], query: &[u8]) -> i64 {
    if query.len() < 2 {
        return 0;
    }
    let mut firsts = [0u8; 64];
    let mut n = 0;
    let mut after_split = true;
    for &b in text {
        let splits = splits_words(b);
        if after_split && !splits && n < firsts.len() {
            firsts[n] = b;
            n += 1;
        }
        after_split = splits;
    }
    let firsts = &firsts[..n];
    match query.len() {
        _ if firsts == query => ACRONYM_EXACT,
        _ if firsts.starts_with(query) => ACRONYM_PREFIX,
        len if firsts.windows(len).any(|w| w == query) => INITIALS_WITHIN,
        _ => 0,
    }
}

impl TitleIndex {
    /// At least `upper_bound`, from the entry's bits alone: no key is read.
    pub(super) fn coarse_bound(&self, entry: usize, q: &Query, scattered: bool) -> i64 {
        let acronym = if may_be_acronym(q, self.en_word_bits[entry]) { ACRONYM_EXACT } else { 0 };
        if scattered {
            return SCATTERED_MAX + acronym;
        }
        let words = if self.en_word_bits[entry] & q.first_word_bits == q.first_word_bits { WHOLE_WORDS } else { 0 };
        let keys = match self.start_masks[entry] & q.first_char_bit == 0 {
            true => CONTIGUOUS + words.max(INITIALS_WITHIN),
            false => EXACT + words.max(INITIALS_EXACT),
        };
        keys + SCATTERED_MAX + acronym
    }

    /// The most `cheap_score` can give the entry, from a few bytes of each key: a bonus
    /// for an exact or prefix match needs a key that begins with the query, one for
    /// whole words an English word that begins with its first char, and a `scattered`
    /// entry earns no bonus at all.
    pub(super) fn upper_bound(&self, entry: usize, q: &Query, scattered: bool) -> i64 {
        let bytes = self.text.as_bytes();
        // An acronym needs each of its letters to begin an English word, and one
        // beginning the title its first.
        let first = q.compact.as_bytes().first();
        let acronym = if !may_be_acronym(q, self.en_word_bits[entry]) {
            0
        } else {
            match self.keys(entry).iter().find(|k| k.side == Side::En) {
                Some(k) if bytes[k.text()].first() == first => ACRONYM_EXACT,
                Some(_) => INITIALS_WITHIN,
                None => 0,
            }
        };
        if scattered {
            return SCATTERED_MAX + acronym;
        }
        let words = if self.en_word_bits[entry] & q.first_word_bits == q.first_word_bits { WHOLE_WORDS } else { 0 };
        // The initials are a few bytes: whether they hold the query is cheap to know.
        let query = q.compact.as_bytes();
        let within = |ini: Range<usize>| match memchr::memchr_iter(query[0], &bytes[ini.clone()])
            .any(|i| bytes[ini.start + i..ini.end].starts_with(query))
        {
            true => INITIALS_WITHIN,
            false => 0,
        };
        if self.start_masks[entry] & q.first_char_bit == 0 {
            // No exact or prefix bonus: at most the query stands inside a key, as whole
            // words of the English title or among the initials.
            let initials = self.keys(entry).iter().filter_map(StoredKey::initials).map(within).max().unwrap_or(0);
            return CONTIGUOUS + words.max(initials) + SCATTERED_MAX + acronym;
        }
        // EXACT, PREFIX or CONTIGUOUS; INITIALS_EXACT, INITIALS_PREFIX or INITIALS_WITHIN.
        // Only whether the query occurs inside is left to `cheap_score`.
        let start = |begins: Begins, exact: i64, prefix: i64, within: i64| match begins {
            Begins::Exact => exact,
            Begins::Prefix => prefix,
            Begins::Otherwise => within,
        };
        let key_bound = |k: &StoredKey| {
            let mut b = start(q.begins(&bytes[k.text()], k.has_separators), EXACT, PREFIX, CONTIGUOUS);
            if k.side == Side::En {
                b += words;
            }
            if let Some(ini) = k.initials() {
                b += match q.begins(&bytes[ini.clone()], false) {
                    Begins::Exact => INITIALS_EXACT,
                    Begins::Prefix => INITIALS_PREFIX,
                    Begins::Otherwise => within(ini),
                };
            }
            b
        };
        let keys = self.keys(entry).iter().map(key_bound).max().unwrap_or(0);
        // A respelling has as many syllables as the key, each at least one letter: it
        // is no shorter than the key's initials.
        let respelled = self.heteronym_key(entry).map_or(0, |k| {
            ALTERNATE_READING
                + match self.may_respell_to_begin(k, query) {
                    true if query.len() >= usize::from(k.initials_len) => EXACT,
                    true => PREFIX,
                    false => CONTIGUOUS,
                }
        });
        keys.max(respelled) + SCATTERED_MAX + acronym
    }
}

/// Every query word stands as a whole word in `text`, in order. Words end at ASCII
/// punctuation and spaces; other bytes belong to words. Finding each word and checking
/// its ends costs far less than splitting every title into words.
fn whole_words(text: &[u8], words: &[memmem::Finder]) -> bool {
    let boundary = |b: Option<&u8>| b.is_none_or(|&b| splits_words(b));
    let mut from = 0;
    !words.is_empty()
        && words.iter().all(|w| {
            while let Some(i) = w.find(&text[from..]) {
                let (start, end) = (from + i, from + i + w.needle().len());
                from = start + 1;
                if boundary(start.checked_sub(1).and_then(|s| text.get(s))) && boundary(text.get(end)) {
                    from = end;
                    return true;
                }
            }
            false
        })
}

/// A cheap score and its entry in one number, higher ranking higher: by score, then
/// by the earlier entry. 0 ranks below every candidate.
pub(super) type Rank = u64;

pub(super) fn rank(score: i64, entry: u32) -> Rank {
    // Scores are far inside i32; flipping the sign bit orders them as unsigned.
    let score = score.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32 as u32 ^ 0x8000_0000;
    u64::from(score) << 32 | u64::from(u32::MAX - entry)
}

/// The score `rank` packed, for a score that fits in u32 as every query's does.
pub(super) fn score_of(r: Rank) -> u32 {
    ((r >> 32) as u32 ^ 0x8000_0000) as i32 as u32
}

pub(super) fn entry_of(r: Rank) -> usize {
    (u32::MAX - r as u32) as usize
}

/// How many candidates a search scores in full: the cheap score is close to the full
/// one (the bonuses dominate both), so a margin over `limit` is enough to rank the
/// top correctly.
pub(super) fn shortlist_len(limit: usize) -> usize {
    (limit + limit / 2).max(24)
}

#[cfg(test)]
mod tests {
    use std::cmp::Reverse;

    use super::*;
    use crate::search::keys::Key;
    use crate::search::respell::RespellBuffers;
    use crate::search::store::tests::compact;

    /// What pruning rests on: no entry scores above its `upper_bound`, nor that above
    /// its `coarse_bound`, and an entry whose bigrams rule out a contiguous match never
    /// above `SCATTERED_MAX`, under any reading of its heteronyms.
    #[test]
    fn no_entry_scores_above_its_upper_bound() {
        let data = crate::embedded().unwrap();
        let index = TitleIndex::from_titles(data.records().map(|r| r.name()));
        let mut queries: Vec<String> =
            ["zlqs", "hangye", "chongqing", "yinhang", "quality", "lsf", "2024", "柳州"].map(String::from).to_vec();
        // Pieces of every key and of every respelling with one other reading: its
        // beginnings, which may earn exact and prefix bonuses, and pieces inside,
        // contiguous in some entries and scattered in most.
        let mut respelled = Key::default();
        for k in &index.keys {
            let mut compacts = vec![compact(&index.text[k.text()])];
            for alt in &index.alts[k.alts()] {
                index.spell_with(k, &[*alt], &mut respelled);
                compacts.push(compact(&respelled.text));
            }
            for text in compacts {
                let chars: Vec<char> = text.chars().collect();
                for len in [1, 2, 3, 5, 8] {
                    queries.extend((chars.len() > len + 1).then(|| chars[1..1 + len].iter().collect()));
                    queries.extend((chars.len() >= len).then(|| chars[..len].iter().collect()));
                }
            }
        }
        queries.sort();
        queries.dedup();
        let mut buffers = RespellBuffers::default();
        let mut ruled_out = 0;
        for query in &queries {
            let q = Query::new(query).unwrap();
            for entry in 0..index.len() {
                let scattered = index.cannot_be_contiguous(entry, &q);
                ruled_out += usize::from(scattered && q.mask & !index.masks[entry] == 0);
                let bound = index.upper_bound(entry, &q, scattered);
                assert!(bound <= index.coarse_bound(entry, &q, scattered), "{query:?} in entry {entry}: coarse");
                // Every bonus looked for, as if nothing had ruled it out.
                if let Some(score) = index.cheap_score(entry, &q, false, &mut buffers) {
                    assert!(
                        score <= bound,
                        "{query:?} in entry {entry}: {score} over {bound} (scattered: {scattered})"
                    );
                }
            }
        }
        assert!(ruled_out > 10_000, "the check ran on too few pairs: {ruled_out}");
    }

    /// Ranks are total, so the best are the same whatever order candidates come in:
    /// higher score first, then the earlier entry.
    #[test]
    fn ranks_order_by_score_then_earlier_entry() {
        let mut ranked: Vec<(i64, u32)> = vec![(-50, 3), (0, 0), (0, 7), (1800, 2), (1800, 9), (-1, u32::MAX - 1)];
        ranked.sort_by_key(|&(score, e)| Reverse(rank(score, e)));
        assert_eq!(ranked, [(1800, 2), (1800, 9), (0, 0), (0, 7), (-1, u32::MAX - 1), (-50, 3)]);
        assert!(ranked.iter().all(|&(score, e)| rank(score, e) > 0 && entry_of(rank(score, e)) == e as usize));
    }

    #[test]
    fn whole_words_end_at_ascii_punctuation_only() {
        let finders =
            |ws: &[&str]| ws.iter().map(|w| memmem::Finder::new(w.as_bytes()).into_owned()).collect::<Vec<_>>();
        assert!(whole_words(b"water-recycling rate", &finders(&["recycling"])));
        assert!(whole_words(b"water recycling rate", &finders(&["water", "rate"])));
        assert!(!whole_words(b"waterworks", &finders(&["water"])));
        assert!(!whole_words("café".as_bytes(), &finders(&["caf"])));
        assert!(!whole_words(b"rate of water", &finders(&["water", "rate"])), "words keep their order");
        assert!(!whole_words(b"water", &finders(&[])));
    }
}
