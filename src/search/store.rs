//! The title index: every record's titles as keys (English, Chinese, and pinyin with
//! each heteronym's other readings) in a few contiguous arenas that `StoredKey`s point
//! into, and each entry's prefilter bits, built once from the titles.

use std::collections::HashMap;
use std::ops::Range;

use super::keys::{KeyView, Runs, Side, keys_of, push_syllable_runs};
use super::matcher::Matcher;
use super::prefilter::{Bigrams, add_segment_pairs, first_bit, mask, title_word_bits, union_bigrams, words};
use crate::data::Text;

/// A match: the entry (its title's position among those indexed, which for
/// `SearchIndex::new` is its place in `Dataset::records`), its score (higher is
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

/// `AltReading` as the index stores it, with the reading as an index into its
/// reading table. The usual reading it replaces is read off the key's text (see
/// `syllable_at`), and its title char off the key's runs, as the few respellings
/// written need them.
#[derive(Debug, Clone, Copy)]
pub(super) struct StoredAltReading {
    pub(super) at: u16,
    pub(super) reading: u16,
}

/// A key stored in the index: offsets into the text, origin and alternate arenas, so
/// that all keys sit in a few contiguous allocations and a scan reads memory in
/// order. Lengths are u16 (a key longer than 64 KiB is not indexed), so a key is 32
/// bytes.
#[derive(Debug, Clone, Copy)]
pub(super) struct StoredKey {
    pub(super) mask: u64,
    /// In `text`, `len` bytes of the key's text, then `initials_len` bytes of initials
    /// (pinyin keys only).
    start: u32,
    len: u16,
    pub(super) initials_len: u16,
    /// Its heteronyms' other readings (pinyin keys only), in `alts`.
    alts_start: u32,
    pub(super) alts_len: u16,
    /// In `runs`; none (`runs_len == 0`) when they are read off the text: each char
    /// from the title's char at the same place (most English and Hanzi keys), or a
    /// pinyin key's syllables (see `Runs`).
    runs_start: u32,
    runs_len: u16,
    pub(super) side: Side,
    ascii: bool,
    /// See `Key::has_separators`.
    pub(super) has_separators: bool,
    /// A pinyin key's initials are the first bytes of its words (see `words`), one a
    /// word, as a title of Hanzi and letters spells them.
    pub(super) initials_per_word: bool,
}

const _: () = assert!(size_of::<StoredKey>() == 32, "a key costs 32 bytes");

impl StoredKey {
    pub(super) fn text(&self) -> Range<usize> {
        let start = self.start as usize;
        start..start + usize::from(self.len)
    }

    pub(super) fn initials(&self) -> Option<Range<usize>> {
        let after = self.text().end;
        (self.initials_len > 0).then(|| after..after + usize::from(self.initials_len))
    }

    pub(super) fn alts(&self) -> Range<usize> {
        let start = self.alts_start as usize;
        start..start + usize::from(self.alts_len)
    }

    pub(super) fn runs(&self) -> Option<Range<usize>> {
        let start = self.runs_start as usize;
        (self.runs_len > 0).then(|| start..start + usize::from(self.runs_len))
    }
}

impl TitleIndex {
    /// The index over `titles`, read twice: once to size the arenas, once to fill them.
    pub(super) fn build(titles: &[&Text]) -> TitleIndex {
        let n = titles.len();
        // Room for every list up front, the arenas' from the titles' sizes (text about
        // twice the titles' bytes, runs half the Chinese titles' bytes, an alternate
        // per two Hanzi). Grown by doubling instead, each would leave its old
        // copies as holes in the heap.
        let (zh, en) = titles.iter().fold((0, 0), |(zh, en), t| (zh + t.zh().len(), en + t.en().len()));
        let mut index = TitleIndex {
            // At most three keys an entry.
            keys: Vec::with_capacity(n * 3),
            first_key: Vec::with_capacity(n + 1),
            text: String::with_capacity((zh + en) * 2),
            runs: Vec::with_capacity(zh / 2),
            alts: Vec::with_capacity(zh / 6),
            readings: Vec::new(),
            lengths: Vec::with_capacity(n),
            masks: Vec::with_capacity(n),
            start_masks: Vec::with_capacity(n),
            en_word_bits: Vec::with_capacity(n),
            bigrams: Vec::with_capacity(n),
            segment_pairs: Vec::with_capacity(n),
            matcher: Matcher::new(),
        };
        index.first_key.push(0);
        let mut reading_ids = HashMap::new();
        let mut syllables = Vec::new();
        for title in titles {
            let (mut entry_mask, mut bigrams, mut starts, mut en_words) = (0, Bigrams::default(), 0, 0);
            let mut segments = Bigrams::default();
            for key in keys_of(title) {
                // A pinyin key's runs are read as syllables when not stored (see `view`).
                let derived = match key.initials {
                    None => key.runs.iter().all(|&r| r == 1),
                    Some(_) => {
                        syllables.clear();
                        push_syllable_runs(&key.text, &mut syllables);
                        syllables == key.runs
                    }
                };
                let runs: &[u8] = if derived { &[] } else { &key.runs };
                let initials = key.initials.as_deref().unwrap_or_default();
                let lengths = [key.text.len(), initials.len(), runs.len(), key.alts.len()];
                if lengths.iter().any(|&n| n > usize::from(u16::MAX)) {
                    continue;
                }
                let [len, initials_len, runs_len, alts_len] = lengths.map(|n| n as u16);
                union_bigrams(&mut bigrams, &key.bigrams);
                // A pinyin key's mask covers its other readings: a wider net for the
                // key, which `respell` then needs no other mask for.
                let mut key_mask = key.mask;
                let alts_start = index.alts.len() as u32;
                for alt in &key.alts {
                    // The key is under 64 KiB, so positions fit.
                    let at = alt.at as u16;
                    key_mask |= mask(alt.reading);
                    if alt.at == 0 {
                        starts |= first_bit(alt.reading);
                    }
                    let reading = *reading_ids.entry(alt.reading).or_insert_with(|| {
                        index.readings.push(alt.reading);
                        (index.readings.len() - 1) as u16
                    });
                    index.alts.push(StoredAltReading { at, reading });
                }
                entry_mask |= key_mask;
                starts |= first_bit(&key.text) | first_bit(initials);
                if key.side == Side::En {
                    en_words |= title_word_bits(&key.text);
                }
                if key.side == Side::En || key.initials.is_some() {
                    // Each word with its other readings (a pinyin key's heteronyms).
                    let spelled: Vec<Vec<&[u8]>> = words(key.text.as_bytes())
                        .map(|(at, w)| {
                            let others = key.alts.iter().filter(|a| a.at == at).map(|a| a.reading.as_bytes());
                            std::iter::once(w).chain(others).collect()
                        })
                        .collect();
                    add_segment_pairs(&mut segments, spelled.iter().map(Vec::as_slice));
                }
                let (start, runs_start) = (index.text.len() as u32, index.runs.len() as u32);
                index.text.push_str(&key.text);
                index.text.push_str(initials);
                index.runs.extend_from_slice(runs);
                index.keys.push(StoredKey {
                    mask: key_mask,
                    start,
                    len,
                    initials_len,
                    alts_start,
                    alts_len,
                    runs_start,
                    runs_len,
                    side: key.side,
                    ascii: key.text.is_ascii(),
                    has_separators: key.has_separators,
                    initials_per_word: key
                        .initials
                        .as_ref()
                        .is_some_and(|i| words(key.text.as_bytes()).map(|(_, w)| w[0]).eq(i.bytes())),
                });
            }
            index.first_key.push(index.keys.len() as u32);
            index.masks.push(entry_mask);
            index.start_masks.push(starts);
            index.en_word_bits.push(en_words);
            index.segment_pairs.push(segments);
            index.bigrams.push(bigrams);
            index
                .lengths
                .push(title.zh().chars().filter(|c| c.is_alphanumeric()).count().min(u16::MAX as usize) as u16);
        }
        // The arenas' room was an estimate: give back what they will not use.
        index.keys.shrink_to_fit();
        index.text.shrink_to_fit();
        index.runs.shrink_to_fit();
        index.alts.shrink_to_fit();
        index
    }

    /// Entry `entry`'s keys.
    pub(super) fn keys(&self, entry: usize) -> &[StoredKey] {
        &self.keys[self.first_key[entry] as usize..self.first_key[entry + 1] as usize]
    }

    pub(super) fn view(&self, k: &StoredKey) -> KeyView<'_> {
        let bytes = self.text.as_bytes();
        KeyView {
            text: &bytes[k.text()],
            has_separators: k.has_separators,
            initials: k.initials().map(|i| &bytes[i]),
            ascii: k.ascii,
            runs: match k.runs() {
                Some(r) => Runs::Stored(&self.runs[r]),
                None if k.initials_len > 0 => Runs::Syllables,
                None => Runs::Identity,
            },
            side: k.side,
            alternate: false,
        }
    }

    /// The entry's pinyin key, if it has heteronyms.
    pub(super) fn heteronym_key(&self, entry: usize) -> Option<&StoredKey> {
        self.keys(entry).iter().find(|k| k.alts_len > 0)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::search::keys::title_chars;

    pub(crate) fn index_of(titles: &[Text]) -> TitleIndex {
        TitleIndex::from_titles(titles)
    }

    /// The compact form built directly, to check what reads it off a key's text.
    pub(crate) fn compact(text: &str) -> String {
        text.chars().filter(|c| c.is_alphanumeric()).collect()
    }

    #[test]
    fn runs_read_off_the_text_map_back_as_the_built_ones() {
        let titles = [
            Text::new("质量强市", "Quality City"),
            Text::new("宏光MINI EV连续领跑月数", "Café ﬁgures"),
            Text::new("质量成就“柳州惊奇”", "e\u{301}"),
            Text::new("新引进亿元工业项目目标202", ""),
        ];
        let index = index_of(&titles);
        let mut stored = Vec::new();
        for (entry, title) in titles.iter().enumerate() {
            for (i, (k, built)) in index.keys(entry).iter().zip(keys_of(title)).enumerate() {
                if k.runs().is_some() {
                    stored.push((entry, i));
                }
                let view = index.view(k);
                let text = std::str::from_utf8(view.text).unwrap();
                let every_char: Vec<usize> = (0..text.chars().count()).collect();
                assert_eq!(
                    title_chars(view.runs, text, every_char.clone()),
                    title_chars(Runs::Stored(&built.runs), &built.text, every_char),
                    "{text}"
                );
            }
        }
        // Keys are English, Chinese, pinyin: stored are the runs of the ligature and
        // the decomposed accent, and the pinyin of titles with more than Hanzi.
        assert_eq!(stored, [(1, 0), (1, 2), (2, 0), (2, 2), (3, 2)]);
    }
}
