//! The title index: every record's titles as keys (English, Chinese, and pinyin with
//! each heteronym's other readings), found fuzzily. A query passes through two passes:
//! `scan` gives every candidate a cheap score (`rank`'s bonuses plus the span of a
//! greedy match) and keeps the best few; `score` runs the fuzzy matcher (`matcher`) on
//! those alone, for the final score and the highlights.

use super::matcher::Matcher;
use super::prefilter::{Bigrams, PinyinPairs};
use super::store::{StoredAltReading, StoredKey};
use crate::data::Text;

/// A match: the entry (its title's position among those indexed, which for
/// `TitleIndex::new` is its place in `Dataset::records`), its score (higher is
/// better) and the matched character positions in the Chinese and English titles, for
/// highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TitleHit {
    pub(super) entry: usize,
    pub(super) score: i64,
    pub(super) zh: Vec<usize>,
    pub(super) en: Vec<usize>,
}

pub(super) struct TitleIndex {
    /// Every entry's keys, entry after entry: English title, Chinese title, and
    /// pinyin with the usual readings (whose other readings are in `alts`).
    pub(super) keys: Vec<StoredKey>,
    /// Entry `e`'s keys are `keys[first_key[e]..first_key[e + 1]]`.
    pub(super) first_key: Vec<u32>,
    pub(super) text: String,
    pub(super) runs: Vec<u8>,
    pub(super) alts: Vec<StoredAltReading>,
    /// Every distinct reading `alts` uses, once.
    pub(super) readings: Vec<&'static str>,
    /// Letters and Hanzi in each Chinese title: shorter names rank first at equal
    /// score, and punctuation (《》“”) does not count.
    pub(super) lengths: Vec<u16>,
    /// Union of each entry's key masks and other readings.
    pub(super) masks: Vec<u64>,
    /// Bits (as `mask`) of the chars an entry's keys can begin with: first chars of
    /// their compact forms and initials, and other readings of a first Hanzi. Only a
    /// query beginning with one of them can earn an exact or prefix bonus.
    pub(super) start_masks: Vec<u64>,
    /// The bits (`word_bits`) of every word of the English title: a query whose first
    /// word's bits are not all here cannot stand there as whole words.
    pub(super) en_word_bits: Vec<u64>,
    /// Union of each entry's key bigrams.
    pub(super) bigrams: Vec<Bigrams>,
    /// The pairs each entry's words and syllables allow a query of their beginnings
    /// (see `add_segment_pairs`).
    pub(super) segment_pairs: Vec<Bigrams>,
    /// Pairs of chars any pinyin key holds under any reading.
    pub(super) pinyin_pairs: PinyinPairs,
    pub(super) matcher: Matcher,
}

impl TitleIndex {
    /// An index over any titles (the benchmarks build synthetic ones). It keeps only
    /// its keys, not the titles: the caller has them.
    pub(super) fn from_titles<'t>(titles: impl IntoIterator<Item = &'t Text>) -> TitleIndex {
        TitleIndex::build(&titles.into_iter().collect::<Vec<_>>())
    }

    /// How many titles are indexed.
    pub(super) fn len(&self) -> usize {
        self.lengths.len()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn index_of(titles: &[Text]) -> TitleIndex {
        TitleIndex::from_titles(titles)
    }

    /// The compact form built directly, to check what reads it off a key's text.
    pub(crate) fn compact(text: &str) -> String {
        text.chars().filter(|c| c.is_alphanumeric()).collect()
    }
}
