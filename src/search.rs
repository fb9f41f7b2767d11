//! One finder over every record: Hanzi, full pinyin, pinyin initials (or a mix) and
//! English. Pinyin is computed once when the index is built; a keystroke runs one query.
//! Matching itself is `fuzzy-matcher`'s skim algorithm, behind `Matcher`, so another
//! matcher can replace it in one place.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use pinyin::ToPinyinMulti;
use unicode_normalization::UnicodeNormalization;

use crate::data::{Dataset, Text};

/// A searchable record.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    /// "indicator", "event", "item", "list", "source".
    pub kind: &'static str,
    /// The tab that shows it: "industry", "ecology", "timeline", "livelihood", "sources".
    pub tab: &'static str,
    pub title: Text,
}

/// A match: the entry, its score (higher is better) and the matched character
/// positions in the Chinese and English titles, for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub score: i64,
    pub zh: Vec<usize>,
    pub en: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Matched against the Chinese title (as Hanzi or as pinyin).
    Zh,
    En,
}

/// One string a record can be found by.
struct Key {
    /// Normalised (NFKC, lower case) text the matcher sees.
    text: String,
    /// `text` with only letters, digits and Hanzi, for exact and prefix checks.
    compact: String,
    /// Pinyin keys: the first letter of each syllable ("zlqs").
    initials: Option<String>,
    side: Side,
    /// Spelled with a heteronym's less common reading.
    alternate: bool,
    /// For each char of `text`, the char of the original title it came from.
    origin: Vec<usize>,
}

/// Skim's fuzzy matcher, smart about nothing: case is normalised beforehand.
struct Matcher(SkimMatcherV2);

impl Matcher {
    fn new() -> Matcher {
        Matcher(SkimMatcherV2::default().ignore_case())
    }

    /// Score and matched char positions of `pattern` in `text`.
    fn indices(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        self.0.fuzzy_indices(text, pattern)
    }
}

pub struct SearchIndex {
    entries: Vec<Entry>,
    keys: Vec<Vec<Key>>,
    /// Letters and Hanzi in each Chinese title: shorter names rank first at equal
    /// score, and punctuation (《》“”) does not count.
    lengths: Vec<usize>,
    matcher: Matcher,
}

/// How many pinyin spellings one title may get from its heteronyms.
const MAX_VARIANTS: usize = 24;

/// Bonuses over the matcher's score, so a person's sense of "best" wins: exact and
/// prefix matches before scattered ones, whole English words before fuzzy letters.
const EXACT: i64 = 1000;
const PREFIX: i64 = 500;
const CONTIGUOUS: i64 = 200;
const WHOLE_WORDS: i64 = 300;
const INITIALS_EXACT: i64 = 800;
const INITIALS_PREFIX: i64 = 400;
const INITIALS_WITHIN: i64 = 150;
/// A match through a heteronym's other reading ranks a little below one through the
/// usual reading, and earns no initials bonus: 技 can be read qi, but "zlqs" means
/// 质量强市, not 质量技术.
const ALTERNATE_READING: i64 = -50;

impl SearchIndex {
    pub fn new(data: &Dataset) -> SearchIndex {
        let entries: Vec<Entry> = data
            .records()
            .map(|r| Entry {
                id: r.id().to_owned(),
                kind: r.kind(),
                tab: r.tab(),
                title: r.name().clone(),
            })
            .collect();
        SearchIndex::from_entries(entries)
    }

    /// An index over any entries (the benchmarks build synthetic ones).
    pub fn from_entries(entries: Vec<Entry>) -> SearchIndex {
        let keys = entries.iter().map(keys_of).collect();
        let lengths = entries
            .iter()
            .map(|e| e.title.zh.chars().filter(|c| c.is_alphanumeric()).count())
            .collect();
        SearchIndex {
            entries,
            keys,
            lengths,
            matcher: Matcher::new(),
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The best `limit` matches for `query`, best first; ties keep index order.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let Some(q) = Query::new(query) else {
            return Vec::new();
        };
        let mut hits: Vec<Hit> = (0..self.entries.len())
            .filter_map(|i| self.score(i, &q))
            .collect();
        let order = |a: &Hit, b: &Hit| {
            b.score
                .cmp(&a.score)
                .then_with(|| self.lengths[a.entry].cmp(&self.lengths[b.entry]))
                .then(a.entry.cmp(&b.entry))
        };
        if hits.len() > limit && limit > 0 {
            hits.select_nth_unstable_by(limit - 1, order);
        }
        hits.truncate(limit);
        hits.sort_by(order);
        hits
    }

    fn score(&self, entry: usize, q: &Query) -> Option<Hit> {
        let mut best: [Option<(i64, Vec<usize>)>; 2] = [None, None];
        for key in &self.keys[entry] {
            if !is_subsequence(&q.compact, &key.text) {
                continue;
            }
            let Some((score, idx)) = self.matcher.indices(&key.text, &q.compact) else {
                continue;
            };
            let score = score + bonus(key, q);
            let slot = &mut best[key.side as usize];
            if slot.as_ref().is_none_or(|(s, _)| score > *s) {
                let mut mapped: Vec<usize> = idx
                    .iter()
                    .filter_map(|&i| key.origin.get(i).copied())
                    .collect();
                mapped.dedup();
                *slot = Some((score, mapped));
            }
        }
        let [zh, en] = best;
        let score = zh.iter().chain(en.iter()).map(|(s, _)| *s).max()?;
        Some(Hit {
            entry,
            score,
            zh: zh.map(|(_, i)| i).unwrap_or_default(),
            en: en.map(|(_, i)| i).unwrap_or_default(),
        })
    }
}

fn bonus(key: &Key, q: &Query) -> i64 {
    let mut b = if key.alternate { ALTERNATE_READING } else { 0 };
    b += if key.compact == q.compact {
        EXACT
    } else if key.compact.starts_with(&q.compact) {
        PREFIX
    } else if key.compact.contains(&q.compact) {
        CONTIGUOUS
    } else {
        0
    };
    if key.side == Side::En && whole_words(&key.text, &q.words) {
        b += WHOLE_WORDS;
    }
    if let Some(ini) = key.initials.as_ref().filter(|_| !key.alternate) {
        b += if *ini == q.compact {
            INITIALS_EXACT
        } else if ini.starts_with(&q.compact) {
            INITIALS_PREFIX
        } else if ini.contains(&q.compact) {
            INITIALS_WITHIN
        } else {
            0
        };
    }
    b
}

/// A normalised query.
struct Query {
    /// Letters, digits and Hanzi only: what the matcher looks for ("zhi liang",
    /// "zhiliang" and "quality-city" alike).
    compact: String,
    /// The words, for whole-word English matches.
    words: Vec<String>,
}

impl Query {
    fn new(raw: &str) -> Option<Query> {
        let norm = normalise(raw);
        let words: Vec<String> = norm
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        let compact: String = norm.chars().filter(|c| c.is_alphanumeric()).collect();
        (!compact.is_empty()).then_some(Query { compact, words })
    }
}

/// NFKC (so macOS's decomposed text and full-width letters match) and lower case.
fn normalise(s: &str) -> String {
    s.nfkc().flat_map(char::to_lowercase).collect()
}

/// Every query word stands as a whole word in `text`, in order.
fn whole_words(text: &str, words: &[String]) -> bool {
    let mut tokens = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty());
    !words.is_empty() && words.iter().all(|w| tokens.any(|t| t == w))
}

/// A cheap check that all of `pattern`'s chars occur in `text` in order, so most
/// records are ruled out before the matcher's dynamic programme runs.
fn is_subsequence(pattern: &str, text: &str) -> bool {
    let mut rest = text.chars();
    pattern.chars().all(|p| rest.any(|c| c == p))
}

/// The keys a record is found by: its English title, its Chinese title, and the
/// pinyin of the Chinese title under each reading of its heteronyms.
fn keys_of(e: &Entry) -> Vec<Key> {
    let mut keys = vec![
        plain_key(&e.title.en, Side::En),
        plain_key(&e.title.zh, Side::Zh),
    ];
    let readings: Vec<Vec<&'static str>> = e.title.zh.chars().map(readings_of).collect();
    if readings.iter().any(|r| !r.is_empty()) {
        for variant in variants(&readings) {
            keys.push(pinyin_key(&e.title.zh, &readings, &variant));
        }
    }
    keys.push(plain_key(&e.id, Side::En));
    keys
}

fn plain_key(s: &str, side: Side) -> Key {
    let mut text = String::new();
    let mut origin = Vec::new();
    for (i, c) in s.chars().enumerate() {
        for n in normalise(&c.to_string()).chars() {
            text.push(n);
            origin.push(i);
        }
    }
    let compact = text.chars().filter(|c| c.is_alphanumeric()).collect();
    Key {
        text,
        compact,
        initials: None,
        side,
        alternate: false,
        origin,
    }
}

/// Every toneless reading of a Hanzi, the dictionary's first one first; none for
/// anything else.
fn readings_of(c: char) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    if let Some(multi) = c.to_pinyin_multi() {
        for p in multi {
            // ü is typed v with every pinyin input method.
            let plain = match p.plain() {
                r if r.contains('ü') => v_spelling(r),
                r => r,
            };
            if !out.contains(&plain) {
                out.push(plain);
            }
        }
    }
    out
}

/// The v spelling of a reading with ü (lü → lv), from a fixed table: readings are
/// `&'static str` and there are only a few.
fn v_spelling(r: &'static str) -> &'static str {
    const TABLE: &[(&str, &str)] = &[
        ("lü", "lv"),
        ("nü", "nv"),
        ("lüe", "lve"),
        ("nüe", "nve"),
        ("lün", "lvn"),
    ];
    TABLE.iter().find(|(u, _)| *u == r).map_or(r, |(_, v)| v)
}

/// Which reading each char takes: the first everywhere, then each other reading of
/// each heteronym on its own (银行 as yin hang, 重庆 as chong qing).
fn variants(readings: &[Vec<&'static str>]) -> Vec<Vec<usize>> {
    let base = vec![0; readings.len()];
    let mut out = vec![base.clone()];
    for (i, r) in readings.iter().enumerate() {
        for alt in 1..r.len() {
            if out.len() >= MAX_VARIANTS {
                return out;
            }
            let mut v = base.clone();
            v[i] = alt;
            out.push(v);
        }
    }
    out
}

/// "zhi liang qiang shi" for 质量强市, with each letter mapped back to its Hanzi.
fn pinyin_key(title: &str, readings: &[Vec<&'static str>], variant: &[usize]) -> Key {
    let mut text = String::new();
    let mut origin = Vec::new();
    let mut initials = String::new();
    let mut after_syllable = false;
    for (i, c) in title.chars().enumerate() {
        if let Some(&reading) = readings[i].get(variant[i]) {
            if !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
                origin.push(i);
            }
            text.push_str(reading);
            origin.extend(std::iter::repeat_n(i, reading.len()));
            initials.push_str(&reading[..1]);
            after_syllable = true;
        } else {
            for n in normalise(&c.to_string()).chars() {
                if after_syllable && n.is_alphanumeric() {
                    text.push(' ');
                    origin.push(i);
                }
                after_syllable = false;
                if n.is_alphanumeric() && (text.is_empty() || text.ends_with(' ')) {
                    initials.push(n);
                }
                text.push(n);
                origin.push(i);
            }
        }
    }
    let compact = text.chars().filter(|c| c.is_alphanumeric()).collect();
    let alternate = variant.iter().any(|&v| v > 0);
    Key {
        text,
        compact,
        initials: Some(initials),
        side: Side::Zh,
        alternate,
        origin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(zh: &str, en: &str) -> Entry {
        Entry {
            id: "x".into(),
            kind: "indicator",
            tab: "industry",
            title: Text::new(zh, en),
        }
    }

    #[test]
    fn pinyin_keys_map_back_to_hanzi() {
        let e = entry("质量强市MINI EV", "");
        let keys = keys_of(&e);
        let k = keys.iter().find(|k| k.initials.is_some()).unwrap();
        assert_eq!(k.text, "zhi liang qiang shi mini ev");
        assert_eq!(k.initials.as_deref(), Some("zlqsme"));
        assert_eq!(k.origin[4], 1, "the l of liang comes from 量");
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
            let index = SearchIndex::from_entries(vec![entry(zh, "")]);
            let hits = index.search(query, 5);
            assert_eq!(hits.len(), 1, "{query} should find {zh}");
            assert_eq!(
                hits[0].zh,
                vec![0, 1],
                "{query} should light up both of {zh}"
            );
        }
    }

    #[test]
    fn empty_and_blank_queries_find_nothing() {
        let index = SearchIndex::from_entries(vec![entry("柳州", "Liuzhou")]);
        assert!(index.search("", 5).is_empty());
        assert!(index.search("   ", 5).is_empty());
    }

    #[test]
    fn nfd_and_full_width_queries_are_normalised() {
        let index = SearchIndex::from_entries(vec![entry("咖啡", "Café MINI")]);
        assert_eq!(index.search("cafe\u{301}", 5).len(), 1);
        assert_eq!(index.search("ＭＩＮＩ", 5).len(), 1);
    }
}
