//! One finder over every record: Hanzi, full pinyin, pinyin initials (or a mix) and
//! English. Owns `SearchIndex` and `Hit`, and the calls that build and query it.
//!
//! A query passes through two passes: `scan` gives every candidate a cheap score
//! (`rank`'s bonuses plus the span of a greedy match) and keeps the best few; `score`
//! runs the fuzzy matcher (`matcher`) on those alone, for the final score and the
//! highlights. Pinyin (`keys`) is computed once when the index (`store`) is built.

mod keys;
mod matcher;
mod normalise;
mod prefilter;
mod query;
mod rank;
mod respell;
mod scan;
mod score;
mod store;

use crate::data::{Dataset, Text};
use matcher::Matcher;
use prefilter::{Bigrams, PinyinPairs};
use query::Query;
use rank::{Rank, entry_of, shortlist_len};
use scan::Candidate;
use store::{StoredAltReading, StoredKey};

/// A match: the entry (its title's position among those indexed, which for
/// `SearchIndex::new` is its place in `Dataset::records`), its score (higher is
/// better) and the matched character positions in the Chinese and English titles, for
/// highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub score: i64,
    pub zh: Vec<usize>,
    pub en: Vec<usize>,
}

pub struct SearchIndex {
    /// Every entry's keys, entry after entry: English title, Chinese title, and
    /// pinyin with the usual readings (whose other readings are in `alts`).
    keys: Vec<StoredKey>,
    /// Entry `e`'s keys are `keys[first_key[e]..first_key[e + 1]]`.
    first_key: Vec<u32>,
    text: String,
    runs: Vec<u8>,
    alts: Vec<StoredAltReading>,
    /// Every distinct reading `alts` uses, once.
    readings: Vec<&'static str>,
    /// Letters and Hanzi in each Chinese title: shorter names rank first at equal
    /// score, and punctuation (《》“”) does not count.
    lengths: Vec<u16>,
    /// Union of each entry's key masks and other readings.
    masks: Vec<u64>,
    /// Bits (as `mask`) of the chars an entry's keys can begin with: first chars of
    /// their compact forms and initials, and other readings of a first Hanzi. Only a
    /// query beginning with one of them can earn an exact or prefix bonus.
    start_masks: Vec<u64>,
    /// The bits (`word_bits`) of every word of the English title: a query whose first
    /// word's bits are not all here cannot stand there as whole words.
    en_word_bits: Vec<u64>,
    /// Union of each entry's key bigrams.
    bigrams: Vec<Bigrams>,
    /// Pairs of chars any pinyin key holds under any reading.
    pinyin_pairs: PinyinPairs,
    matcher: Matcher,
    /// The last query and the entries it may have matched: a query that extends it
    /// can only match among those, so typing narrows instead of rescanning everything,
    /// and goes on with each one's greedy match where it got to.
    last_query: Option<(String, Vec<Candidate>)>,
}

impl SearchIndex {
    /// An index over every record's title; a hit's `entry` is the record's place in
    /// `Dataset::records` (see `Dataset::record`).
    pub fn new(data: &Dataset) -> SearchIndex {
        SearchIndex::from_titles(data.records().map(|r| r.name()))
    }

    /// An index over any titles (the benchmarks build synthetic ones). It keeps only
    /// its keys, not the titles: the caller has them.
    pub fn from_titles<'t>(titles: impl IntoIterator<Item = &'t Text>) -> SearchIndex {
        SearchIndex::build(&titles.into_iter().collect::<Vec<_>>())
    }

    /// How many titles are indexed.
    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    /// The best `limit` matches for `query`, best first; ties keep index order.
    ///
    /// Two passes: every candidate gets a cheap score (bonuses and the span of a
    /// greedy match); only the best few are scored by the matcher, which also finds
    /// the characters to highlight.
    pub fn search(&mut self, query: &str, limit: usize) -> Vec<Hit> {
        let Some((q, top)) = self.shortlist(query, shortlist_len(limit)) else {
            return Vec::new();
        };
        let mut hits: Vec<Hit> = top.iter().filter_map(|&r| self.score(entry_of(r), &q)).collect();
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| self.lengths[a.entry].cmp(&self.lengths[b.entry]))
                .then(a.entry.cmp(&b.entry))
        });
        hits.truncate(limit);
        hits
    }

    /// The query as read and the best `keep` candidates for it by cheap score (see
    /// `scan`), searching within the last query's when it extends that one; `None`
    /// for a query of nothing.
    fn shortlist(&mut self, query: &str, keep: usize) -> Option<(Query, Vec<Rank>)> {
        let mut q = Query::new(query)?;
        q.respellable = self.pinyin_pairs.may_all_stand(&q.compact);
        let candidates: Vec<Candidate> = match self.last_query.take() {
            Some((prev, within)) if q.compact.starts_with(&prev) => within,
            _ => (0..self.len() as u32).map(Candidate::new).collect(),
        };
        let (top, maybe) = self.scan(candidates, &q, keep);
        self.last_query = Some((q.compact.clone(), maybe));
        Some((q, top))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn index_of(titles: &[Text]) -> SearchIndex {
        SearchIndex::from_titles(titles)
    }

    /// The compact form built directly, to check what reads it off a key's text.
    pub(super) fn compact(text: &str) -> String {
        text.chars().filter(|c| c.is_alphanumeric()).collect()
    }

    #[test]
    fn heteronyms_match_under_every_reading() {
        for (zh, query) in [
            ("市长", "shizhang"),
            ("增长", "zengzhang"),
            ("重点", "zhongdian"),
            ("重大", "zhongda"),
            ("行业", "hangye"),
            ("行动", "xingdong"),
            ("重庆", "chongqing"),
            ("银行", "yinhang"),
            ("长沙", "changsha"),
        ] {
            let mut index = index_of(&[Text::new(zh, "")]);
            let hits = index.search(query, 5);
            assert_eq!(hits.len(), 1, "{query} should find {zh}");
            assert_eq!(hits[0].zh, vec![0, 1], "{query} should light up both of {zh}");
        }
    }

    #[test]
    fn a_heteronym_in_every_position_respells_at_once() {
        // 重庆银行: both 重 (chong) and 行 (hang) take their other reading.
        let mut index = index_of(&[Text::new("重庆银行", "")]);
        let hits = index.search("chongqingyinhang", 5);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].zh, vec![0, 1, 2, 3]);
    }

    #[test]
    fn a_scattered_match_through_another_reading_ranks_after_the_usual_ones() {
        // "hdy" stands scattered in 很美丽…多鱼 (hen mei li … duo yu) as usually read, far
        // looser than in 行动业 when 行 is read hang: found, but after.
        let mut index = index_of(&[Text::new("行动业", ""), Text::new("很美丽漂亮可爱多鱼", "")]);
        let hits = index.search("hdy", 5);
        assert_eq!(hits.iter().map(|h| h.entry).collect::<Vec<_>>(), [1, 0]);
        assert!(hits[1].score < 0, "below any match through the usual readings: {hits:?}");
        // Contiguous through another reading still ranks as contiguous.
        index.last_query = None;
        let hits: Vec<usize> = index.search("hangdong", 5).iter().map(|h| h.entry).collect();
        assert_eq!(hits, [0]);
    }

    #[test]
    fn every_hanzi_title_respells_without_panicking() {
        // Every CJK unified ideograph once, in titles of eight, under queries that
        // make the respelling splice each one's other readings.
        let all: Vec<char> = ('\u{4e00}'..='\u{9fff}').collect();
        let titles: Vec<Text> = all.chunks(8).map(|c| Text::new(&c.iter().collect::<String>(), "")).collect();
        let mut index = index_of(&titles);
        for query in ["e", "ai", "lve", "nv", "zhong", "xing"] {
            index.last_query = None;
            index.search(query, 30);
        }
    }

    #[test]
    fn empty_and_blank_queries_find_nothing() {
        let mut index = index_of(&[Text::new("柳州", "Liuzhou")]);
        assert!(index.search("", 5).is_empty());
        assert!(index.search("   ", 5).is_empty());
    }

    #[test]
    fn decomposed_titles_match_composed_queries() {
        // A data file saved on macOS may hold decomposed (NFD) text.
        let mut index = index_of(&[Text::new("咖啡", "Cafe\u{301} MINI")]);
        for query in ["café", "cafe\u{301}"] {
            index.last_query = None;
            let hits = index.search(query, 5);
            assert_eq!(hits.len(), 1, "{query:?}");
            assert_eq!(hits[0].en, vec![0, 1, 2, 3], "{query:?}: é lights up at its letter");
        }
    }

    #[test]
    fn nfd_and_full_width_queries_are_normalised() {
        let mut index = index_of(&[Text::new("咖啡", "Café MINI")]);
        assert_eq!(index.search("cafe\u{301}", 5).len(), 1);
        assert_eq!(index.search("ＭＩＮＩ", 5).len(), 1);
    }
}
