//! One finder over every record: Hanzi, full pinyin, pinyin initials (or a mix) and
//! English. Pinyin is computed once when the index is built; a keystroke runs one query.
//! Matching itself is `fuzzy-matcher`'s skim algorithm, behind `Matcher`, so another
//! matcher can replace it in one place.

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

/// One string a record can be found by, as built; the index keeps its parts in
/// shared arenas (see `KeyRef`).
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
    origin: Vec<u8>,
    /// Which chars `text` has (see `mask`), to rule a key out before scanning it.
    mask: u128,
}

/// A range of one of the index's arenas.
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A key stored in the index: spans into the text and origin arenas, so that all
/// keys sit in a few contiguous allocations and a scan reads memory in order.
#[derive(Debug, Clone, Copy)]
struct KeyRef {
    text: Span,
    compact: Span,
    initials: Option<Span>,
    origin: Span,
    mask: u128,
    side: Side,
    alternate: bool,
    ascii: bool,
}

/// A key's parts, borrowed from the arenas as bytes: the scan compares bytes, and
/// slicing bytes costs no UTF-8 boundary checks.
struct KeyView<'a> {
    text: &'a [u8],
    compact: &'a [u8],
    initials: Option<&'a [u8]>,
    /// All of `text` is ASCII (pinyin, most English), so bytes are chars.
    ascii: bool,
    origin: &'a [u8],
    side: Side,
    alternate: bool,
}

/// The fuzzy matcher: `fuzzy-matcher`'s skim algorithm, or with the `nucleo` feature
/// helix's `nucleo-matcher` (several times faster; see the README's figures).
#[cfg(not(feature = "nucleo"))]
struct Matcher(fuzzy_matcher::skim::SkimMatcherV2);

#[cfg(not(feature = "nucleo"))]
impl Matcher {
    fn new() -> Matcher {
        Matcher(fuzzy_matcher::skim::SkimMatcherV2::default().ignore_case())
    }

    /// Score and matched char positions of `pattern` in `text`; both are normalised
    /// to lower case beforehand.
    fn indices(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        use fuzzy_matcher::FuzzyMatcher;
        self.0.fuzzy_indices(text, pattern)
    }
}

#[cfg(feature = "nucleo")]
struct Matcher(std::sync::Mutex<nucleo_matcher::Matcher>);

#[cfg(feature = "nucleo")]
impl Matcher {
    fn new() -> Matcher {
        let mut config = nucleo_matcher::Config::DEFAULT;
        config.ignore_case = true;
        config.normalize = false; // queries and keys are NFKC already
        Matcher(std::sync::Mutex::new(nucleo_matcher::Matcher::new(config)))
    }

    fn indices(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        use nucleo_matcher::Utf32Str;
        let (mut hay, mut needle, mut idx) = (Vec::new(), Vec::new(), Vec::new());
        let mut m = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let score = m.fuzzy_indices(Utf32Str::new(text, &mut hay), Utf32Str::new(pattern, &mut needle), &mut idx)?;
        Some((i64::from(score), idx.into_iter().map(|i| i as usize).collect()))
    }
}

pub struct SearchIndex {
    entries: Vec<Entry>,
    /// Every entry's keys, entry after entry: English title, Chinese title, pinyin
    /// with the usual readings, then pinyin with a heteronym's other readings.
    keys: Vec<KeyRef>,
    /// Entry `e`'s keys are `keys[first_key[e]..first_key[e + 1]]`.
    first_key: Vec<u32>,
    text: String,
    origin: Vec<u8>,
    /// Letters and Hanzi in each Chinese title: shorter names rank first at equal
    /// score, and punctuation (《》“”) does not count.
    lengths: Vec<u16>,
    /// Union of each entry's key masks.
    masks: Vec<u128>,
    matcher: Matcher,
    /// The last query and the entries it matched: a query that extends it can only
    /// match among those, so typing narrows instead of rescanning everything.
    last: Option<(String, Vec<u32>)>,
}

/// How many pinyin spellings one title may get from its heteronyms.
const MAX_VARIANTS: usize = 24;
/// From this many candidates the cheap pass runs on every core.
const PARALLEL_FROM: usize = 20_000;

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
            .map(|r| Entry { id: r.id().to_owned(), kind: r.kind(), tab: r.tab(), title: r.name().clone() })
            .collect();
        SearchIndex::from_entries(entries)
    }

    /// An index over any entries (the benchmarks build synthetic ones).
    pub fn from_entries(entries: Vec<Entry>) -> SearchIndex {
        let mut index = SearchIndex {
            keys: Vec::new(),
            first_key: vec![0],
            text: String::new(),
            origin: Vec::new(),
            lengths: Vec::with_capacity(entries.len()),
            masks: Vec::with_capacity(entries.len()),
            matcher: Matcher::new(),
            last: None,
            entries: Vec::new(),
        };
        for e in &entries {
            let mut mask = 0;
            for key in keys_of(e) {
                mask |= key.mask;
                let text = index.push_text(&key.text);
                let compact = index.push_text(&key.compact);
                let initials = key.initials.as_deref().map(|i| index.push_text(i));
                let start = index.origin.len() as u32;
                index.origin.extend_from_slice(&key.origin);
                let origin = Span { start, end: index.origin.len() as u32 };
                index.keys.push(KeyRef {
                    ascii: key.text.is_ascii(),
                    text,
                    compact,
                    initials,
                    origin,
                    mask: key.mask,
                    side: key.side,
                    alternate: key.alternate,
                });
            }
            index.first_key.push(index.keys.len() as u32);
            index.masks.push(mask);
            index
                .lengths
                .push(e.title.zh.chars().filter(|c| c.is_alphanumeric()).count().min(u16::MAX as usize) as u16);
        }
        index.entries = entries;
        index
    }

    fn push_text(&mut self, s: &str) -> Span {
        let start = self.text.len() as u32;
        self.text.push_str(s);
        Span { start, end: self.text.len() as u32 }
    }

    fn keys(&self, entry: usize) -> &[KeyRef] {
        &self.keys[self.first_key[entry] as usize..self.first_key[entry + 1] as usize]
    }

    fn view(&self, k: &KeyRef) -> KeyView<'_> {
        let bytes = self.text.as_bytes();
        KeyView {
            text: &bytes[k.text.range()],
            compact: &bytes[k.compact.range()],
            initials: k.initials.map(|i| &bytes[i.range()]),
            ascii: k.ascii,
            origin: &self.origin[k.origin.range()],
            side: k.side,
            alternate: k.alternate,
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The best `limit` matches for `query`, best first; ties keep index order.
    ///
    /// Two passes: every candidate gets a cheap score (bonuses and the span of a
    /// greedy match); only the best few are scored by the matcher, which also finds
    /// the characters to highlight.
    pub fn search(&mut self, query: &str, limit: usize) -> Vec<Hit> {
        let Some(q) = Query::new(query) else {
            return Vec::new();
        };
        let candidates: Vec<u32> = match self.last.take() {
            Some((prev, within)) if q.compact.starts_with(&prev) => within,
            _ => (0..self.entries.len() as u32).collect(),
        };
        let cheap = self.cheap_scores(&candidates, &q);
        let matched = cheap.iter().map(|&(_, e)| e).collect();
        self.last = Some((q.compact.clone(), matched));

        // The cheap score is close to the full one (the bonuses dominate both), so a
        // margin over `limit` is enough to rank the top correctly.
        let keep = (limit + limit / 2).max(24);
        let by_cheap = |a: &(i64, u32), b: &(i64, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        let mut cheap = cheap;
        if cheap.len() > keep {
            cheap.select_nth_unstable_by(keep - 1, by_cheap);
            cheap.truncate(keep);
        }
        let mut hits: Vec<Hit> = cheap.iter().filter_map(|&(_, e)| self.score(e as usize, &q)).collect();
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| self.lengths[a.entry].cmp(&self.lengths[b.entry]))
                .then(a.entry.cmp(&b.entry))
        });
        hits.truncate(limit);
        hits
    }

    /// Cheap scores of the candidates that match at all, in candidate order. A large
    /// set is split across the machine's cores.
    fn cheap_scores(&self, candidates: &[u32], q: &Query) -> Vec<(i64, u32)> {
        let scan = |part: &[u32]| -> Vec<(i64, u32)> {
            part.iter().filter_map(|&e| self.cheap_score(e as usize, q).map(|s| (s, e))).collect()
        };
        if candidates.len() < PARALLEL_FROM {
            return scan(candidates);
        }
        // Asking the OS is slow (it reads cgroup files): ask once.
        static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
        let threads = *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()).min(8));
        if threads < 2 {
            return scan(candidates);
        }
        let chunk = candidates.len().div_ceil(threads);
        std::thread::scope(|s| {
            let parts: Vec<_> = candidates.chunks(chunk).map(|part| s.spawn(move || scan(part))).collect();
            parts.into_iter().flat_map(|p| p.join().unwrap_or_default()).collect()
        })
    }

    /// The best bonus over the keys that contain the query, plus how tightly a greedy
    /// match packs; `None` when no key contains it. Alternate readings are consulted
    /// only when no other key matches.
    fn cheap_score(&self, entry: usize, q: &Query) -> Option<i64> {
        if q.mask & !self.masks[entry] != 0 {
            return None;
        }
        let mut best: Option<i64> = None;
        for k in self.keys(entry) {
            if k.alternate && best.is_some() {
                break;
            }
            if q.mask & !k.mask != 0 {
                continue;
            }
            let key = self.view(k);
            let Some(span) = greedy_span(q, &key) else {
                continue;
            };
            let tightness = 100 - (span.saturating_sub(q.len) as i64 * 4).min(100);
            let score = bonus(&key, q, span) + tightness;
            best = Some(best.map_or(score, |b| b.max(score)));
        }
        best
    }

    /// The full score, and the highlights: the matcher runs on the best key of each
    /// side by cheap score, so at most twice per entry.
    fn score(&self, entry: usize, q: &Query) -> Option<Hit> {
        let mut chosen: [Option<(i64, usize, KeyView)>; 2] = [None, None];
        for k in self.keys(entry) {
            let key = self.view(k);
            if q.mask & !k.mask != 0 {
                continue;
            }
            let Some(span) = greedy_span(q, &key) else {
                continue;
            };
            let bonus = bonus(&key, q, span);
            let slot = &mut chosen[key.side as usize];
            if slot.as_ref().is_none_or(|(b, s, _)| bonus - span as i64 > b - *s as i64) {
                *slot = Some((bonus, span, key));
            }
        }
        let mut best: [Option<(i64, Vec<usize>)>; 2] = [None, None];
        for (slot, choice) in best.iter_mut().zip(chosen) {
            let Some((bonus, _, key)) = choice else {
                continue;
            };
            let text = std::str::from_utf8(key.text).unwrap_or_default();
            let Some((score, idx)) = self.matcher.indices(text, &q.compact) else {
                continue;
            };
            let mut mapped: Vec<usize> =
                idx.iter().filter_map(|&i| key.origin.get(i).map(|&o| usize::from(o))).collect();
            mapped.dedup();
            *slot = Some((score + bonus, mapped));
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

/// Bits for the chars of `s`: one per ASCII letter or digit, the rest hashed into the
/// high half. A key lacking any bit of the query cannot contain it.
fn mask(s: &str) -> u128 {
    s.chars().filter(|c| c.is_alphanumeric()).fold(0, |m, c| {
        let bit = match c {
            '0'..='9' => c as u32 - '0' as u32,
            'a'..='z' => 10 + c as u32 - 'a' as u32,
            _ => 64 + c as u32 % 64,
        };
        m | 1 << bit
    })
}

/// Chars spanned by the leftmost greedy match of the query in the key's text, if all
/// of it occurs there in order.
fn greedy_span(q: &Query, key: &KeyView) -> Option<usize> {
    if q.ascii && key.ascii {
        return leftmost_span(q.compact.bytes(), key.text.iter().copied());
    }
    leftmost_span(q.compact.chars(), std::str::from_utf8(key.text).ok()?.chars())
}

/// Items of `text` from the first to the last taken by the leftmost greedy match of
/// `pattern`, if all of `pattern` occurs in order. Bytes for ASCII (pinyin, most
/// English), where bytes are chars; chars otherwise.
fn leftmost_span<T: PartialEq>(pattern: impl Iterator<Item = T>, text: impl Iterator<Item = T>) -> Option<usize> {
    let mut p = pattern.peekable();
    let (mut start, mut end) = (None, 0);
    for (i, c) in text.enumerate() {
        match p.peek() {
            Some(want) if *want == c => {
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

/// `span` is the greedy match's: when it is as long as the query, the query stands
/// in the key contiguously and no search is needed to know it.
fn bonus(key: &KeyView, q: &Query, span: usize) -> i64 {
    let query = q.compact.as_bytes();
    let mut b = if key.alternate { ALTERNATE_READING } else { 0 };
    b += if key.compact == query {
        EXACT
    } else if key.compact.starts_with(query) {
        PREFIX
    } else if span == q.len || q.finder.find(key.compact).is_some() {
        CONTIGUOUS
    } else {
        0
    };
    if key.side == Side::En && whole_words(key.text, &q.words) {
        b += WHOLE_WORDS;
    }
    if let Some(ini) = key.initials.filter(|_| !key.alternate) {
        b += if ini == query {
            INITIALS_EXACT
        } else if ini.starts_with(query) {
            INITIALS_PREFIX
        } else if q.finder.find(ini).is_some() {
            INITIALS_WITHIN
        } else {
            0
        };
    }
    b
}

/// A normalised query.
struct Query {
    /// Searches for `compact`, built once per query.
    finder: memchr::memmem::Finder<'static>,
    mask: u128,
    ascii: bool,
    /// Chars in `compact`.
    len: usize,
    /// Letters, digits and Hanzi only: what the matcher looks for ("zhi liang",
    /// "zhiliang" and "quality-city" alike).
    compact: String,
    /// The words, for whole-word English matches.
    words: Vec<String>,
}

impl Query {
    fn new(raw: &str) -> Option<Query> {
        let norm = normalise(raw);
        let words: Vec<String> =
            norm.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect();
        let compact: String = norm.chars().filter(|c| c.is_alphanumeric()).collect();
        (!compact.is_empty()).then(|| Query {
            finder: memchr::memmem::Finder::new(compact.as_bytes()).into_owned(),
            mask: mask(&compact),
            ascii: compact.is_ascii(),
            len: compact.chars().count(),
            compact,
            words,
        })
    }
}

/// NFKC (so macOS's decomposed text and full-width letters match) and lower case.
fn normalise(s: &str) -> String {
    s.nfkc().flat_map(char::to_lowercase).collect()
}

/// Every query word stands as a whole word in `text`, in order.
fn whole_words(text: &[u8], words: &[String]) -> bool {
    // Split at ASCII punctuation and spaces; other bytes belong to words.
    let mut tokens = text.split(|b| b.is_ascii() && !b.is_ascii_alphanumeric()).filter(|t| !t.is_empty());
    !words.is_empty() && words.iter().all(|w| tokens.any(|t| t == w.as_bytes()))
}

/// Highlights index titles by char; past 255 chars (no real title) they stop moving.
fn clamp_u8(i: usize) -> u8 {
    i.min(255) as u8
}

/// The keys a record is found by: its English title, its Chinese title, and the
/// pinyin of the Chinese title under each reading of its heteronyms.
fn keys_of(e: &Entry) -> Vec<Key> {
    let mut keys = vec![plain_key(&e.title.en, Side::En), plain_key(&e.title.zh, Side::Zh)];
    let readings: Vec<Vec<&'static str>> = e.title.zh.chars().map(readings_of).collect();
    if readings.iter().any(|r| !r.is_empty()) {
        for variant in variants(&readings) {
            keys.push(pinyin_key(&e.title.zh, &readings, &variant));
        }
    }
    keys
}

fn plain_key(s: &str, side: Side) -> Key {
    let mut text = String::new();
    let mut origin = Vec::new();
    for (i, c) in s.chars().enumerate() {
        for n in normalise(&c.to_string()).chars() {
            text.push(n);
            origin.push(clamp_u8(i));
        }
    }
    let compact = text.chars().filter(|c| c.is_alphanumeric()).collect();
    Key { mask: mask(&text), text, compact, initials: None, side, alternate: false, origin }
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
    const TABLE: &[(&str, &str)] = &[("lü", "lv"), ("nü", "nv"), ("lüe", "lve"), ("nüe", "nve"), ("lün", "lvn")];
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
                origin.push(clamp_u8(i));
            }
            text.push_str(reading);
            origin.extend(std::iter::repeat_n(clamp_u8(i), reading.len()));
            initials.push_str(&reading[..1]);
            after_syllable = true;
        } else {
            for n in normalise(&c.to_string()).chars() {
                if after_syllable && n.is_alphanumeric() {
                    text.push(' ');
                    origin.push(clamp_u8(i));
                }
                after_syllable = false;
                if n.is_alphanumeric() && (text.is_empty() || text.ends_with(' ')) {
                    initials.push(n);
                }
                text.push(n);
                origin.push(clamp_u8(i));
            }
        }
    }
    let compact = text.chars().filter(|c| c.is_alphanumeric()).collect();
    let alternate = variant.iter().any(|&v| v > 0);
    Key { mask: mask(&text), text, compact, initials: Some(initials), side: Side::Zh, alternate, origin }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(zh: &str, en: &str) -> Entry {
        Entry { id: "x".into(), kind: "indicator", tab: "industry", title: Text::new(zh, en) }
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
            let mut index = SearchIndex::from_entries(vec![entry(zh, "")]);
            let hits = index.search(query, 5);
            assert_eq!(hits.len(), 1, "{query} should find {zh}");
            assert_eq!(hits[0].zh, vec![0, 1], "{query} should light up both of {zh}");
        }
    }

    #[test]
    fn empty_and_blank_queries_find_nothing() {
        let mut index = SearchIndex::from_entries(vec![entry("柳州", "Liuzhou")]);
        assert!(index.search("", 5).is_empty());
        assert!(index.search("   ", 5).is_empty());
    }

    #[test]
    fn nfd_and_full_width_queries_are_normalised() {
        let mut index = SearchIndex::from_entries(vec![entry("咖啡", "Café MINI")]);
        assert_eq!(index.search("cafe\u{301}", 5).len(), 1);
        assert_eq!(index.search("ＭＩＮＩ", 5).len(), 1);
    }
}
