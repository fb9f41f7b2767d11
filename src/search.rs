//! One finder over every record: Hanzi, full pinyin, pinyin initials (or a mix) and
//! English. Pinyin is computed once when the index is built; a keystroke runs one query.
//! Matching itself is `fuzzy-matcher`'s skim algorithm, behind `Matcher`, so another
//! matcher can replace it in one place.

use std::cmp::Reverse;
use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use memchr::memmem;
use pinyin::ToPinyinMulti;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use crate::data::{Dataset, Text};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Side {
    /// Matched against the Chinese title (as Hanzi or as pinyin).
    #[default]
    Zh,
    En,
}

/// One string a record can be found by, as built; the index keeps its parts in
/// shared arenas (see `KeyRef`).
#[derive(Default)]
struct Key {
    /// Normalised (NFKC, lower case) text the matcher sees.
    text: String,
    /// `text` has chars other than letters, digits and Hanzi (see `CompactChars`).
    spaced: bool,
    /// Pinyin keys: the first letter of each syllable ("zlqs").
    initials: Option<String>,
    side: Side,
    /// Spelled with a heteronym's less common reading.
    alternate: bool,
    /// For each char of the original title, how many chars of `text` came from it, so
    /// that a match maps back to the title (see `title_chars`): a run a char, not an
    /// origin for each char of `text`, which a pinyin key has four times as many of.
    runs: Vec<u8>,
    /// Which chars `text` has (see `mask`), to rule a key out before scanning it; not
    /// kept for a respelled key, which is built only once it is known to match.
    mask: u64,
    /// A pinyin key's other readings of its heteronyms, in text order.
    alts: Vec<Alt>,
    /// Bigrams of the compact form and `initials`, under every reading (not kept for a
    /// respelled key).
    grams: Grams,
}

impl Key {
    fn new(text: String, runs: Vec<u8>, initials: Option<String>, side: Side, alternate: bool) -> Key {
        let compact: String = CompactChars(text.as_bytes()).collect();
        let mut grams = grams(&compact);
        if let Some(initials) = &initials {
            or_grams(&mut grams, &self::grams(initials));
        }
        Key { mask: mask(&text), grams, spaced: spaced(&text), text, initials, side, alternate, runs, alts: Vec::new() }
    }

    fn view(&self) -> KeyView<'_> {
        KeyView {
            text: self.text.as_bytes(),
            spaced: self.spaced,
            initials: self.initials.as_deref().map(str::as_bytes),
            ascii: self.text.is_ascii(),
            runs: Some(&self.runs),
            side: self.side,
            alternate: self.alternate,
        }
    }
}

/// Another reading of one heteronym in a pinyin key: the syllable at byte `at`, `len`
/// bytes, of the title's char `title_char`, may also be spelled `reading`.
struct Alt {
    at: usize,
    title_char: usize,
    len: usize,
    reading: &'static str,
}

/// A greedy match of a query partly read, and (for an ASCII query, bit-parallel, as
/// in Shift-And) where its beginnings stand contiguously in the compact form.
#[derive(Debug, Clone, Copy, Default)]
struct Walk {
    /// Chars of the query matched in order so far.
    pos: usize,
    /// Bit j: the query's first j + 1 chars end contiguously at the last char read.
    ends: u64,
    /// Every bit `ends` has had: the query stood whole somewhere once its last is set.
    seen: u64,
}

/// An entry the query may match, and how far the leftmost greedy match of the query
/// has got in each of its keys (in `SearchIndex::keys` order; an entry has at most
/// three). A longer query goes on from there: one `memchr` a key for each char typed,
/// not one for each char of the query.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    entry: u32,
    /// How many chars of the query `keys` hold the match of; 0 for none yet.
    matched: u16,
    /// No spelling with other readings holds the query contiguously: nor will one
    /// hold a longer query, so it need not be walked again to know.
    respelled_scattered: bool,
    keys: [Greedy; 3],
}

impl Candidate {
    fn new(entry: u32) -> Candidate {
        Candidate { entry, matched: 0, respelled_scattered: false, keys: [Greedy::default(); 3] }
    }
}

/// The leftmost greedy match of the query's first chars in a key: byte offsets in its
/// text of the first and last char taken. Typing more only moves `end` on; the
/// leftmost start never changes.
#[derive(Debug, Clone, Copy, Default)]
struct Greedy {
    start: u16,
    end: u16,
}

impl Greedy {
    /// `end` of a key that cannot hold the query, nor any query it begins.
    const CANNOT: u16 = u16::MAX;

    /// Chars from the first to the last taken by the greedy match of all of `q`, going
    /// on from its first `matched` chars (kept only for an ASCII query); `None` when
    /// the key does not hold it. One `memchr` per query byte rather than a test per
    /// text byte.
    fn span(&mut self, key: &KeyView, q: &Query, matched: usize) -> Option<usize> {
        if !q.ascii {
            return leftmost_span(q.compact.chars(), std::str::from_utf8(key.text).ok()?.chars());
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
        // Stored keys are under 64 KiB (see `KeyRef`); a respelled one, whose state is
        // not kept, may not be, so the span is taken from `start` itself.
        (self.start, self.end) = (start as u16, end as u16);
        let taken = &text[start..=end];
        Some(if key.ascii { taken.len() } else { taken.iter().filter(|&&b| b & 0xC0 != 0x80).count() })
    }
}

/// A candidate's cheap score, or why it has none.
#[derive(Debug, PartialEq)]
enum Cheap {
    NoMatch,
    /// It might match, but could not rank among the best: not worth finding out.
    CannotRank,
    Score(i64),
}

/// Buffers a scan reuses from one respelled entry to the next.
#[derive(Default)]
struct Scratch {
    chosen: Vec<AltRef>,
    key: Key,
}

/// `Alt` as the index stores it, with the reading as an index into its reading table.
#[derive(Debug, Clone, Copy)]
struct AltRef {
    at: u16,
    title_char: u16,
    len: u8,
    reading: u16,
}

/// A key stored in the index: offsets into the text, origin and alternate arenas, so
/// that all keys sit in a few contiguous allocations and a scan reads memory in
/// order. Lengths are u16 (a key longer than 64 KiB is not indexed): 32 bytes a key,
/// where spans of u32 pairs took 80.
#[derive(Debug, Clone, Copy)]
struct KeyRef {
    mask: u64,
    /// In `text`, `len` bytes of the key's text, then `initials_len` bytes of initials
    /// (pinyin keys only).
    start: u32,
    len: u16,
    initials_len: u16,
    /// Its heteronyms' other readings (pinyin keys only), in `alts`.
    alts_start: u32,
    alts_len: u16,
    /// In `runs`; none (`runs_len == 0`) when each char comes from the title's char
    /// at the same place, as in most English and Hanzi keys.
    runs_start: u32,
    runs_len: u16,
    side: Side,
    ascii: bool,
    /// See `Key::spaced`.
    spaced: bool,
}

const _: () = assert!(size_of::<KeyRef>() == 32, "a key costs 32 bytes");

impl KeyRef {
    fn text(&self) -> Range<usize> {
        let start = self.start as usize;
        start..start + usize::from(self.len)
    }

    fn initials(&self) -> Option<Range<usize>> {
        let after = self.text().end;
        (self.initials_len > 0).then(|| after..after + usize::from(self.initials_len))
    }

    fn alts(&self) -> Range<usize> {
        let start = self.alts_start as usize;
        start..start + usize::from(self.alts_len)
    }

    fn runs(&self) -> Option<Range<usize>> {
        let start = self.runs_start as usize;
        (self.runs_len > 0).then(|| start..start + usize::from(self.runs_len))
    }
}

/// A key's parts, borrowed from the arenas as bytes: the scan compares bytes, and
/// slicing bytes costs no UTF-8 boundary checks.
struct KeyView<'a> {
    text: &'a [u8],
    /// See `Key::spaced`: when not, `text` is its own compact form.
    spaced: bool,
    initials: Option<&'a [u8]>,
    /// All of `text` is ASCII (pinyin, most English), so bytes are chars.
    ascii: bool,
    /// See `Key::runs`; none as in `KeyRef::runs`.
    runs: Option<&'a [u8]>,
    side: Side,
    alternate: bool,
}

/// The fuzzy matcher: `fuzzy-matcher`'s skim algorithm.
struct Matcher(fuzzy_matcher::skim::SkimMatcherV2);

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

pub struct SearchIndex {
    /// Every entry's keys, entry after entry: English title, Chinese title, and
    /// pinyin with the usual readings (whose other readings are in `alts`).
    keys: Vec<KeyRef>,
    /// Entry `e`'s keys are `keys[first_key[e]..first_key[e + 1]]`.
    first_key: Vec<u32>,
    text: String,
    runs: Vec<u8>,
    alts: Vec<AltRef>,
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
    starts: Vec<u64>,
    /// The bits (`word_bits`) of every word of the English title: a query whose first
    /// word's bits are not all here cannot stand there as whole words.
    words: Vec<u64>,
    /// Union of each entry's key bigrams.
    grams: Vec<Grams>,
    /// Pairs of chars any pinyin key holds under any reading.
    pairs: Pairs,
    matcher: Matcher,
    /// The last query and the entries it may have matched: a query that extends it
    /// can only match among those, so typing narrows instead of rescanning everything,
    /// and goes on with each one's greedy match where it got to.
    last: Option<(String, Vec<Candidate>)>,
}

/// The cores a search may use.
fn threads() -> usize {
    // Asking the OS is slow (it reads cgroup files): ask once.
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()).min(8))
}

/// From this many candidates the cheap pass runs on every core.
const PARALLEL_FROM: usize = 20_000;
/// Candidates a core takes at a time.
const CHUNK: usize = 2048;

/// A cheap score and its entry in one number, higher ranking higher: by score, then
/// by the earlier entry. 0 ranks below every candidate.
type Rank = u64;

fn rank(score: i64, entry: u32) -> Rank {
    // Scores are far inside i32; flipping the sign bit orders them as unsigned.
    let score = score.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32 as u32 ^ 0x8000_0000;
    u64::from(score) << 32 | u64::from(u32::MAX - entry)
}

fn entry_of(r: Rank) -> usize {
    (u32::MAX - r as u32) as usize
}

/// Cuts `ranks` down to the best `keep`, best first.
fn keep_best(ranks: &mut Vec<Rank>, keep: usize) {
    ranks.sort_unstable_by(|a, b| b.cmp(a));
    ranks.truncate(keep);
}

/// Every record's title, in `Dataset::records` order.
fn titles(data: &Dataset) -> Vec<&Text> {
    data.records().map(|r| r.name()).collect()
}

/// How many candidates a search scores in full: the cheap score is close to the full
/// one (the bonuses dominate both), so a margin over `limit` is enough to rank the
/// top correctly.
fn keep(limit: usize) -> usize {
    (limit + limit / 2).max(24)
}

/// Bonuses over the matcher's score, so a person's sense of "best" wins: exact and
/// prefix matches before scattered ones, whole English words before fuzzy letters.
const EXACT: i64 = 1000;
/// The most a match earns without any bonus: for packing tightly.
const SCATTERED_MAX: i64 = 100;
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
/// A match through another reading that the query does not stand in contiguously
/// ranks after every match through the usual readings.
const ALTERNATE_SCATTERED: i64 = -1000;

impl SearchIndex {
    /// An index over every record's title; a hit's `entry` is the record's place in
    /// `Dataset::records` (see `Dataset::record`).
    pub fn new(data: &Dataset) -> SearchIndex {
        SearchIndex::build(&titles(data))
    }

    /// An index over any titles (the benchmarks build synthetic ones). It keeps only
    /// its keys, not the titles: the caller has them.
    pub fn from_titles<'t>(titles: impl IntoIterator<Item = &'t Text>) -> SearchIndex {
        SearchIndex::build(&titles.into_iter().collect::<Vec<_>>())
    }

    /// The index over `titles`: one copy of the code, whatever iterator `from_titles`
    /// is given.
    fn build(titles: &[&Text]) -> SearchIndex {
        let n = titles.len();
        // Room for every list up front, the arenas' from what titles took before (on
        // the embedded data and on 100,000 joined titles alike: text 1.8 times the
        // titles' bytes, runs a third of the Chinese titles' bytes, an alternate per
        // 30 bytes of Hanzi). Grown by doubling instead, each would leave its old
        // copies as holes in the heap: 30 MB at 100,000 records.
        let (zh, en) = titles.iter().fold((0, 0), |(zh, en), t| (zh + t.zh().len(), en + t.en().len()));
        let mut index = SearchIndex {
            // At most three keys an entry.
            keys: Vec::with_capacity(n * 3),
            first_key: Vec::with_capacity(n + 1),
            text: String::with_capacity((zh + en) * 2),
            runs: Vec::with_capacity(zh / 2),
            alts: Vec::with_capacity(zh / 25),
            readings: Vec::new(),
            lengths: Vec::with_capacity(n),
            masks: Vec::with_capacity(n),
            starts: Vec::with_capacity(n),
            words: Vec::with_capacity(n),
            grams: Vec::with_capacity(n),
            pairs: Pairs::default(),
            matcher: Matcher::new(),
            last: None,
        };
        index.first_key.push(0);
        let mut reading_ids = std::collections::HashMap::new();
        for title in titles {
            let (mut mask, mut grams, mut starts, mut words) = (0, Grams::default(), 0, 0);
            for key in keys_of(title, &mut index.pairs) {
                let identity = key.runs.iter().all(|&r| r == 1);
                // A pinyin key keeps its runs even so: `splice` reads them.
                let runs: &[u8] = if identity && key.initials.is_none() { &[] } else { &key.runs };
                let initials = key.initials.as_deref().unwrap_or_default();
                let lengths = [key.text.len(), initials.len(), runs.len(), key.alts.len()];
                if lengths.iter().any(|&n| n > usize::from(u16::MAX)) {
                    continue;
                }
                let [len, initials_len, runs_len, alts_len] = lengths.map(|n| n as u16);
                or_grams(&mut grams, &key.grams);
                // A pinyin key's mask covers its other readings: a wider net for the
                // key, which `respell` then needs no other mask for.
                let mut key_mask = key.mask;
                let alts_start = index.alts.len() as u32;
                for alt in &key.alts {
                    // The key is under 64 KiB, so positions fit; a reading is a syllable.
                    let (at, title_char, len) = (alt.at as u16, alt.title_char as u16, alt.len as u8);
                    key_mask |= self::mask(alt.reading);
                    if alt.at == 0 {
                        starts |= first_bit(alt.reading);
                    }
                    let reading = *reading_ids.entry(alt.reading).or_insert_with(|| {
                        index.readings.push(alt.reading);
                        (index.readings.len() - 1) as u16
                    });
                    index.alts.push(AltRef { at, title_char, len, reading });
                }
                mask |= key_mask;
                starts |= first_bit(&key.text) | first_bit(initials);
                if key.side == Side::En {
                    words |= title_words(&key.text);
                }
                let (start, runs_start) = (index.text.len() as u32, index.runs.len() as u32);
                index.text.push_str(&key.text);
                index.text.push_str(initials);
                index.runs.extend_from_slice(runs);
                index.keys.push(KeyRef {
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
                    spaced: key.spaced,
                });
            }
            index.first_key.push(index.keys.len() as u32);
            index.masks.push(mask);
            index.starts.push(starts);
            index.words.push(words);
            index.grams.push(grams);
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

    fn keys(&self, entry: usize) -> &[KeyRef] {
        &self.keys[self.first_key[entry] as usize..self.first_key[entry + 1] as usize]
    }

    fn view(&self, k: &KeyRef) -> KeyView<'_> {
        let bytes = self.text.as_bytes();
        KeyView {
            text: &bytes[k.text()],
            spaced: k.spaced,
            initials: k.initials().map(|i| &bytes[i]),
            ascii: k.ascii,
            runs: k.runs().map(|r| &self.runs[r]),
            side: k.side,
            alternate: false,
        }
    }

    /// The entry's pinyin respelled with other readings of its heteronyms where that
    /// lets it contain the query (银行 as yin hang); `None` when no spelling contains it.
    fn respell<'s>(&self, k: &KeyRef, q: &Query, scratch: &'s mut Scratch) -> Option<&'s Key> {
        let walk = self.walk_spellings(k, q, &mut scratch.chosen)?;
        if walk.pos < q.len || scratch.chosen.is_empty() {
            return None;
        }
        self.splice(k, &scratch.chosen, &mut scratch.key);
        Some(&scratch.key)
    }

    /// One pass over every spelling of pinyin key `k`: chooses at each heteronym the
    /// reading that takes a greedy match of the query furthest (into `chosen`), and
    /// finds whether any spelling holds the query contiguously (see `Walk`). `None`
    /// when the key lacks a char of the query.
    ///
    /// A greedy subsequence match only gains from having matched more, so the
    /// furthest reading at each heteronym is never a worse choice: one pass decides,
    /// instead of one scan per spelling.
    fn walk_spellings(&self, k: &KeyRef, q: &Query, chosen: &mut Vec<AltRef>) -> Option<Walk> {
        if q.mask & !k.mask != 0 {
            return None;
        }
        let text = &self.text.as_bytes()[k.text()];
        let (mut walk, mut from) = (Walk::default(), 0);
        chosen.clear();
        for group in self.alts[k.alts()].chunk_by(|a, b| a.at == b.at) {
            let (at, end) = (usize::from(group[0].at), usize::from(group[0].at) + usize::from(group[0].len));
            let before = q.walk(walk, &text[from..at]);
            walk = q.walk(before, &text[at..end]);
            let mut best = None;
            for alt in group {
                let other = q.walk(before, self.readings[usize::from(alt.reading)].as_bytes());
                if other.pos > walk.pos {
                    best = Some(*alt);
                }
                walk =
                    Walk { pos: walk.pos.max(other.pos), ends: walk.ends | other.ends, seen: walk.seen | other.seen };
            }
            chosen.extend(best);
            from = end;
        }
        Some(q.walk(walk, &text[from..]))
    }

    /// The entry's pinyin key, if it has heteronyms.
    fn heteronyms(&self, entry: usize) -> Option<&KeyRef> {
        self.keys(entry).iter().find(|k| k.alts_len > 0)
    }

    /// Key `k` with the chosen readings in place of its usual ones, written into `out`
    /// (whose buffers a scan reuses).
    fn splice(&self, k: &KeyRef, chosen: &[AltRef], out: &mut Key) {
        let text = &self.text[k.text()];
        let (t, runs) = (&mut out.text, &mut out.runs);
        t.clear();
        runs.clear();
        runs.extend_from_slice(k.runs().map_or(&[][..], |r| &self.runs[r]));
        let mut from = 0;
        for alt in chosen {
            let (at, len) = (usize::from(alt.at), usize::from(alt.len));
            let reading = self.readings[usize::from(alt.reading)];
            t.push_str(&text[from..at]);
            t.push_str(reading);
            // The readings are ASCII: bytes are chars.
            if let Some(run) = runs.get_mut(usize::from(alt.title_char)) {
                *run = clamp_u8(usize::from(*run).saturating_sub(len) + reading.len());
            }
            from = at + len;
        }
        t.push_str(&text[from..]);
        out.spaced = spaced(&out.text);
        (out.initials, out.side, out.alternate) = (None, Side::Zh, true);
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
        let Some((q, top)) = self.cheap_pass(query, keep(limit)) else {
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
    /// `cheap_scores`); `None` for a query of nothing.
    fn cheap_pass(&mut self, query: &str, keep: usize) -> Option<(Query, Vec<Rank>)> {
        let mut q = Query::new(query)?;
        q.respellable = self.pairs.may_hold(&q);
        let candidates: Vec<Candidate> = match self.last.take() {
            Some((prev, within)) if q.compact.starts_with(&prev) => within,
            _ => (0..self.len() as u32).map(Candidate::new).collect(),
        };
        let (top, maybe) = self.cheap_scores(candidates, &q, keep);
        self.last = Some((q.compact.clone(), maybe));
        Some((q, top))
    }

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
    /// what a keystroke holds (2 MB at 100,000 records, 4 with the chunks' own).
    fn cheap_scores(&self, mut candidates: Vec<Candidate>, q: &Query, keep: usize) -> (Vec<Rank>, Vec<Candidate>) {
        let helpers = if candidates.len() < PARALLEL_FROM { 0 } else { threads() - 1 };
        // A chunk is one core's at a time; the lock is only ever taken once.
        let chunks: Vec<Mutex<&mut [Candidate]>> = candidates.chunks_mut(CHUNK).map(Mutex::new).collect();
        let (next, bar) = (AtomicUsize::new(0), AtomicU64::new(0));
        let work = || {
            let mut scratch = Scratch::default();
            // The best `keep` so far, lowest on top; and each chunk's may-match list.
            let mut best = std::collections::BinaryHeap::with_capacity(keep + 1);
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
                    let scattered = self.scattered(entry, q);
                    // What a candidate must rank above, once some core has `keep`.
                    let floor = bar.load(Ordering::Relaxed);
                    if floor > 0 && rank(self.upper_bound(entry, q, scattered), e) < floor {
                        // Its greedy matches wait where they got to.
                        maybe(c);
                        continue;
                    }
                    let mut c = c;
                    let score = match self.cheap_score(&mut c, q, scattered, floor, &mut scratch) {
                        Cheap::NoMatch => continue,
                        Cheap::CannotRank => {
                            maybe(c);
                            continue;
                        }
                        Cheap::Score(score) => score,
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
    /// key matches. A `scattered` entry (see `Grams`) can earn no bonus, so none is
    /// looked for.
    ///
    /// A respelling is not looked for when its best could not beat `floor`.
    fn cheap_score(&self, c: &mut Candidate, q: &Query, scattered: bool, floor: Rank, scratch: &mut Scratch) -> Cheap {
        let entry = c.entry as usize;
        let mut best = None;
        for (k, greedy) in self.keys(entry).iter().zip(&mut c.keys) {
            if greedy.end == Greedy::CANNOT || q.mask & !k.mask != 0 {
                greedy.end = Greedy::CANNOT;
                continue;
            }
            let key = self.view(k);
            let Some(span) = greedy.span(&key, q, usize::from(c.matched)) else {
                greedy.end = Greedy::CANNOT;
                continue;
            };
            best = best.max(Some(cheap(&key, q, scattered, span)));
        }
        // Greedy state is kept for ASCII queries (bytes are chars), up to u16 chars.
        c.matched = if q.ascii { u16::try_from(q.len).unwrap_or(0) } else { 0 };
        if let Some(score) = best {
            return Cheap::Score(score);
        }
        let Some(k) = self.heteronyms(entry) else {
            return Cheap::NoMatch;
        };
        // Once a respelling the query does not stand in contiguously cannot rank, only
        // one it may stand in is worth building.
        let low = rank(ALTERNATE_SCATTERED + SCATTERED_MAX, entry as u32) < floor;
        if low && (scattered || !q.respellable || c.respelled_scattered) {
            return Cheap::CannotRank;
        }
        match self.walk_spellings(k, q, &mut scratch.chosen) {
            Some(walk) if walk.pos == q.len && !scratch.chosen.is_empty() => {
                if !q.contiguous(&walk) {
                    c.respelled_scattered = true;
                }
                if low && c.respelled_scattered {
                    return Cheap::CannotRank;
                }
                self.splice(k, &scratch.chosen, &mut scratch.key);
                let key = scratch.key.view();
                greedy_span(q, &key).map_or(Cheap::NoMatch, |span| Cheap::Score(cheap(&key, q, scattered, span)))
            }
            _ => Cheap::NoMatch,
        }
    }

    /// The most `cheap_score` can give the entry, from a few bytes of each key: a bonus
    /// for an exact or prefix match needs a key that begins with the query, one for
    /// whole words an English word that begins with its first char, and a `scattered`
    /// entry earns no bonus at all.
    fn upper_bound(&self, entry: usize, q: &Query, scattered: bool) -> i64 {
        if scattered {
            return SCATTERED_MAX;
        }
        let words = if self.words[entry] & q.first_word == q.first_word { WHOLE_WORDS } else { 0 };
        if self.starts[entry] & q.first == 0 {
            // No exact or prefix bonus: at most the query stands inside a key, as whole
            // words of the English title or among the initials.
            return CONTIGUOUS + words.max(INITIALS_WITHIN) + SCATTERED_MAX;
        }
        // EXACT, PREFIX or CONTIGUOUS; INITIALS_EXACT, INITIALS_PREFIX or INITIALS_WITHIN.
        // Only whether the query occurs inside is left to `cheap_score`.
        let start = |begins: Begins, exact: i64, prefix: i64, within: i64| match begins {
            Begins::Exact => exact,
            Begins::Prefix => prefix,
            Begins::Otherwise => within,
        };
        let bytes = self.text.as_bytes();
        let key_bound = |k: &KeyRef| {
            let mut b = start(q.begins(&bytes[k.text()], k.spaced), EXACT, PREFIX, CONTIGUOUS);
            if k.side == Side::En {
                b += words;
            }
            if let Some(ini) = k.initials() {
                b += start(q.begins(&bytes[ini], false), INITIALS_EXACT, INITIALS_PREFIX, INITIALS_WITHIN);
            }
            b
        };
        let query = q.compact.as_bytes();
        let keys = self.keys(entry).iter().map(key_bound).max().unwrap_or(0);
        // A respelling has as many syllables as the key, each at least one letter: it
        // is no shorter than the key's initials.
        let respelled = self.heteronyms(entry).map_or(0, |k| {
            ALTERNATE_READING
                + match self.may_respell_to_begin(k, query) {
                    true if query.len() >= usize::from(k.initials_len) => EXACT,
                    true => PREFIX,
                    false => CONTIGUOUS,
                }
        });
        keys.max(respelled) + SCATTERED_MAX
    }

    /// Whether some respelling of pinyin key `k` may begin with `query`: it must agree
    /// with the usual spelling up to the first heteronym, and go on with one of that
    /// heteronym's readings. Unsure (letters other than ASCII before it) counts as may.
    fn may_respell_to_begin(&self, k: &KeyRef, query: &[u8]) -> bool {
        let alts = &self.alts[k.alts()];
        let Some(first) = alts.first() else {
            return false;
        };
        let (text, at) = (&self.text.as_bytes()[k.text()], usize::from(first.at));
        if !text[..at].is_ascii() {
            return true;
        }
        let mut rest = query;
        for b in text[..at].iter().filter(|b| b.is_ascii_alphanumeric()) {
            match rest.split_first() {
                None => return true,
                Some((q, after)) if q == b => rest = after,
                Some(_) => return false,
            }
        }
        let usual = &text[at..at + usize::from(first.len)];
        let others =
            alts.iter().take_while(|a| a.at == first.at).map(|a| self.readings[usize::from(a.reading)].as_bytes());
        rest.is_empty() || std::iter::once(usual).chain(others).any(|r| r.starts_with(rest) || rest.starts_with(r))
    }

    /// Whether the entry's bigrams rule out the query standing in any of its keys
    /// contiguously, under any reading.
    fn scattered(&self, entry: usize, q: &Query) -> bool {
        q.grams.is_some_and(|grams| grams.iter().zip(&self.grams[entry]).any(|(q, g)| q & !g != 0))
    }

    /// The full score, and the highlights: the matcher runs on the best key of each
    /// side by cheap score, so at most twice per entry.
    fn score(&self, entry: usize, q: &Query) -> Option<Hit> {
        // Other spellings may fit better even when the usual one matches (行业标准 as
        // hang ye for "hangyebiaozhun", which "he xing ye" also scatters over): each
        // heteronym respelled on its own, and the spelling `respell` finds.
        let mut respelled = Vec::new();
        if let Some(k) = self.heteronyms(entry) {
            // Only readings sharing two adjacent letters with the query (or their one
            // letter) are tried: the others seldom make the match more contiguous.
            let useful = |alt: &&AltRef| {
                let reading = self.readings[usize::from(alt.reading)].as_bytes();
                let query = q.compact.as_bytes();
                match reading {
                    [one] => query.contains(one),
                    _ => reading.windows(2).any(|pair| query.windows(2).any(|w| w == pair)),
                }
            };
            for alt in self.alts[k.alts()].iter().filter(useful) {
                let mut key = Key::default();
                self.splice(k, &[*alt], &mut key);
                respelled.push(key);
            }
            let mut scratch = Scratch::default();
            if self.respell(k, q, &mut scratch).is_some() {
                respelled.push(scratch.key);
            }
        }
        let mut chosen: [Option<(i64, usize, KeyView)>; 2] = [None, None];
        for k in self.keys(entry).iter().filter(|k| q.mask & !k.mask == 0) {
            consider(&mut chosen, self.view(k), q);
        }
        for key in &respelled {
            consider(&mut chosen, key.view(), q);
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
            *slot = Some((score + bonus, title_chars(key.runs, idx)));
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

/// Keeps `key` in its side's slot if it matches with a better bonus less span.
fn consider<'a>(chosen: &mut [Option<(i64, usize, KeyView<'a>)>; 2], key: KeyView<'a>, q: &Query) {
    let Some(span) = greedy_span(q, &key) else {
        return;
    };
    let bonus = bonus(&key, q, span);
    let slot = &mut chosen[key.side as usize];
    if slot.as_ref().is_none_or(|(b, s, _)| bonus - span as i64 > b - *s as i64) {
        *slot = Some((bonus, span, key));
    }
}

/// A key's cheap score: its bonus (none when `scattered`) plus how tightly its greedy
/// match, `span` chars, packs (at most `SCATTERED_MAX`).
fn cheap(key: &KeyView, q: &Query, scattered: bool, span: usize) -> i64 {
    let tightness = SCATTERED_MAX - (span.saturating_sub(q.len) as i64 * 4).min(SCATTERED_MAX);
    let bonus = if scattered { if key.alternate { ALTERNATE_SCATTERED } else { 0 } } else { bonus(key, q, span) };
    bonus + tightness
}

/// Bits for the pairs of adjacent chars in `s` (see `Grams`).
fn grams(s: &str) -> Grams {
    let mut g = Grams::default();
    let chars: Vec<char> = s.chars().collect();
    for pair in chars.windows(2) {
        add_gram(&mut g, pair[0], pair[1]);
    }
    g
}

fn add_gram(g: &mut Grams, a: char, b: char) {
    let h = (a as u32).wrapping_mul(0x9E37_79B1) ^ (b as u32).wrapping_mul(0x85EB_CA77);
    let bit = h >> 24; // 0..256
    g[bit as usize / 64] |= 1 << (bit % 64);
}

fn or_grams(g: &mut Grams, other: &Grams) {
    g.iter_mut().zip(other).for_each(|(a, b)| *a |= b);
}

/// Hashed pairs of adjacent chars (bigrams) a key's compact text or initials can
/// contain, under any reading of its heteronyms. A query with a pair the entry lacks
/// does not stand in it contiguously.
type Grams = [u64; 4];

/// Bits for the chars of `s`: one per ASCII letter or digit, the rest hashed into the
/// last 28 bits. A key lacking any bit of the query cannot contain it.
fn mask(s: &str) -> u64 {
    s.chars().filter(|c| c.is_alphanumeric()).fold(0, |m, c| m | bit(c))
}

/// `word_bits` of every word of `s`, as `whole_words` sees words.
fn title_words(s: &str) -> u64 {
    s.split(|c: char| c.is_ascii() && splits_words(c as u8)).fold(0, |m, w| m | word_bits(w))
}

/// Two bits for a word: its first char's (as `mask`: exact for ASCII letters and
/// digits, which take the low 36 bits) and its length's (1 to 28 bytes, in the 28 bits
/// other chars share). A title word equal to a query word has both; none for an
/// empty word.
fn word_bits(w: &str) -> u64 {
    w.chars().next().map_or(0, |c| bit(c) | 1 << (36 + w.len().clamp(1, 28) - 1))
}

/// `mask`'s bit for the first letter, digit or Hanzi of `s`; none if it has none.
fn first_bit(s: &str) -> u64 {
    s.chars().find(|c| c.is_alphanumeric()).map_or(0, bit)
}

fn bit(c: char) -> u64 {
    1 << match c {
        '0'..='9' => c as u32 - '0' as u32,
        'a'..='z' => 10 + c as u32 - 'a' as u32,
        // Hanzi and other letters share the last 28 bits.
        _ => 36 + c as u32 % 28,
    }
}

/// Chars spanned by the leftmost greedy match of the query in the key's text, if all
/// of it occurs there in order.
fn greedy_span(q: &Query, key: &KeyView) -> Option<usize> {
    Greedy::default().span(key, q, 0)
}

/// Chars of `text` from the first to the last taken by the leftmost greedy match of
/// `pattern`, if all of `pattern` occurs in order.
fn leftmost_span(pattern: impl Iterator<Item = char>, text: impl Iterator<Item = char>) -> Option<usize> {
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

/// See `Key::spaced`.
fn spaced(text: &str) -> bool {
    text.chars().any(|c| !c.is_alphanumeric())
}

/// How a key's compact form begins: with the query and nothing more, with the query,
/// or otherwise.
#[derive(Debug, PartialEq)]
enum Begins {
    Exact,
    Prefix,
    Otherwise,
}

/// The chars of a key's text that its compact form keeps (letters, digits and Hanzi,
/// as in the query's `compact`), read off the text: the index stores no second copy.
#[derive(Clone)]
struct CompactChars<'a>(&'a [u8]);

impl Iterator for CompactChars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        loop {
            let (&b, after) = self.0.split_first()?;
            let c = if b.is_ascii() {
                self.0 = after;
                if b.is_ascii_alphanumeric() {
                    return Some(char::from(b));
                }
                continue;
            } else {
                // Keys are whole UTF-8 text: a lead byte says how long its char is.
                let len = (b.leading_ones() as usize).clamp(2, 4).min(self.0.len());
                let (head, rest) = self.0.split_at(len);
                self.0 = rest;
                std::str::from_utf8(head).ok()?.chars().next()?
            };
            if c.is_alphanumeric() {
                return Some(c);
            }
        }
    }
}

/// `span` is the greedy match's: when it is as long as the query, the query stands
/// in the key contiguously and no search is needed to know it.
fn bonus(key: &KeyView, q: &Query, span: usize) -> i64 {
    let mut b = match q.begins(key.text, key.spaced) {
        Begins::Exact => EXACT,
        Begins::Prefix => PREFIX,
        Begins::Otherwise if span == q.len || q.stands_in(key.text, key.spaced) => CONTIGUOUS,
        Begins::Otherwise => 0,
    };
    if key.alternate {
        b += if b == 0 { ALTERNATE_SCATTERED } else { ALTERNATE_READING };
    }
    if key.side == Side::En && whole_words(key.text, &q.words) {
        b += WHOLE_WORDS;
    }
    if let Some(ini) = key.initials.filter(|_| !key.alternate) {
        let query = q.compact.as_bytes();
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
    finder: memmem::Finder<'static>,
    mask: u64,
    /// `mask`'s bit for the first char of `compact`.
    first: u64,
    /// `word_bits` of the first word.
    first_word: u64,
    ascii: bool,
    /// Chars in `compact`.
    len: usize,
    /// `compact`'s chars, for matching a non-ASCII query char by char.
    chars: Vec<char>,
    /// The pairs of adjacent chars within each word (which any contiguous match has);
    /// none for a query of single letters.
    grams: Option<Grams>,
    /// Letters, digits and Hanzi only: what the matcher looks for ("zhi liang",
    /// "zhiliang" and "quality-city" alike).
    compact: String,
    /// The words, for whole-word English matches.
    words: Vec<memmem::Finder<'static>>,
    /// Whether some pinyin key of the index may hold the query contiguously under
    /// another reading (see `Pairs`); set by `search`.
    respellable: bool,
    /// For each ASCII byte, bit j set where `compact`'s char j is that byte; only for
    /// an ASCII query of at most 64 chars (see `Walk`).
    positions: Option<Box<[u64; 128]>>,
}

impl Query {
    /// `walk` after reading `text` too (a whole number of chars).
    #[inline]
    fn walk(&self, mut walk: Walk, text: &[u8]) -> Walk {
        let Some(at) = &self.positions else {
            // Not ASCII: char by char, and contiguity is left open (see `contiguous`).
            for c in String::from_utf8_lossy(text).chars() {
                if walk.pos < self.chars.len() && c == self.chars[walk.pos] {
                    walk.pos += 1;
                }
            }
            return walk;
        };
        let want = self.compact.as_bytes();
        for &b in text {
            if walk.pos < want.len() && b == want[walk.pos] {
                walk.pos += 1;
            }
            // Only letters and digits are in the compact form. Other ASCII is not; any
            // other byte cannot match an ASCII query, yet may not be in it either (a
            // mark), so it is passed over: a may, never a miss.
            if b.is_ascii_alphanumeric() {
                walk.ends = (walk.ends << 1 | 1) & at[usize::from(b)];
                walk.seen |= walk.ends;
            }
        }
        walk
    }

    /// Whether the query may stand contiguously in the text `walk` read: exactly for
    /// an ASCII query of at most 64 chars, else it may.
    fn contiguous(&self, walk: &Walk) -> bool {
        self.positions.is_none() || walk.seen & 1 << (self.len - 1) != 0
    }

    /// How the compact form of a key's `text` begins (see `Begins`). Not `spaced`, the
    /// text is its own compact form.
    fn begins(&self, text: &[u8], spaced: bool) -> Begins {
        let query = self.compact.as_bytes();
        if !spaced {
            return match text.starts_with(query) {
                true if text.len() == query.len() => Begins::Exact,
                true => Begins::Prefix,
                false => Begins::Otherwise,
            };
        }
        let mut rest = CompactChars(text);
        match self.chars.iter().all(|&c| rest.next() == Some(c)) {
            true if rest.next().is_none() => Begins::Exact,
            true => Begins::Prefix,
            false => Begins::Otherwise,
        }
    }

    /// Whether the query stands contiguously in the compact form of a key's `text`:
    /// the compact form from some place its first char stands begins with the query.
    fn stands_in(&self, text: &[u8], spaced: bool) -> bool {
        if !spaced {
            return self.finder.find(text).is_some();
        }
        let from = |i: usize| self.begins(&text[i..], true) != Begins::Otherwise;
        // A whole char's bytes in UTF-8 text start at a char boundary.
        match self.compact.as_bytes() {
            [b, ..] if b.is_ascii() => memchr::memchr_iter(*b, text).any(from),
            query => memmem::find_iter(text, &query[..self.chars[0].len_utf8()]).any(from),
        }
    }

    fn new(raw: &str) -> Option<Query> {
        let norm = normalise(raw);
        let mut grams = Grams::default();
        let split: Vec<&str> = norm.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let words = split
            .iter()
            .map(|w| {
                or_grams(&mut grams, &self::grams(w));
                memmem::Finder::new(w.as_bytes()).into_owned()
            })
            .collect();
        let compact: String = norm.chars().filter(|c| c.is_alphanumeric()).collect();
        (!compact.is_empty()).then(|| Query {
            finder: memmem::Finder::new(compact.as_bytes()).into_owned(),
            mask: mask(&compact),
            first: first_bit(&compact),
            first_word: split.first().map_or(0, |w| word_bits(w)),
            ascii: compact.is_ascii(),
            len: compact.chars().count(),
            chars: compact.chars().collect(),
            grams: (grams != Grams::default()).then_some(grams),
            respellable: true,
            positions: positions(&compact),
            compact,
            words,
        })
    }
}

/// `Query::positions` for `compact`.
fn positions(compact: &str) -> Option<Box<[u64; 128]>> {
    if !compact.is_ascii() || compact.len() > 64 {
        return None;
    }
    let mut at = Box::new([0; 128]);
    for (j, b) in compact.bytes().enumerate() {
        at[usize::from(b)] |= 1 << j;
    }
    Some(at)
}

/// NFKC (so macOS's decomposed text and full-width letters match) and lower case.
fn normalise(s: &str) -> String {
    s.nfkc().flat_map(char::to_lowercase).collect()
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

/// ASCII punctuation and spaces end words; any other byte belongs to one.
fn splits_words(b: u8) -> bool {
    b.is_ascii() && !b.is_ascii_alphanumeric()
}

/// A run (see `Key::runs`) over 255 chars, which no title's char gives, stops there.
fn clamp_u8(i: usize) -> u8 {
    i.min(255) as u8
}

/// The title's chars that chars `idx` of a key's text came from, by the key's runs
/// (none: each from the char at the same place), in order, each once.
fn title_chars(runs: Option<&[u8]>, mut idx: Vec<usize>) -> Vec<usize> {
    idx.sort_unstable();
    let Some(runs) = runs else {
        idx.dedup();
        return idx;
    };
    let mut out: Vec<usize> = Vec::with_capacity(idx.len());
    let (mut title, mut end) = (0, 0);
    for i in idx {
        // Past the last run: the text ends before it (no index does).
        while end <= i && title < runs.len() {
            end += usize::from(runs[title]);
            title += 1;
        }
        if end <= i {
            break;
        }
        if out.last() != Some(&(title - 1)) {
            out.push(title - 1);
        }
    }
    out
}

/// The keys a record is found by: its English title, its Chinese title, and the
/// pinyin of the Chinese title with the usual readings (other readings as `alts`).
fn keys_of(title: &Text, pairs: &mut Pairs) -> Vec<Key> {
    let mut keys = vec![plain_key(title.en(), Side::En), plain_key(title.zh(), Side::Zh)];
    let readings: Vec<Vec<&'static str>> = title.zh().chars().map(readings_of).collect();
    if readings.iter().any(|r| !r.is_empty()) {
        keys.push(pinyin_key(title.zh(), &readings, pairs));
    }
    keys
}

/// A title as its normalised text, each char mapped to the title's char it came from.
/// Normalised a grapheme at a time, so that a decomposed letter (macOS writes é as e
/// and a combining accent) composes as it does in the query.
fn plain_key(s: &str, side: Side) -> Key {
    if s.is_ascii() {
        // Most English titles: every char its own grapheme, NFKC leaves them as they are.
        return Key::new(s.to_ascii_lowercase(), vec![1; s.len()], None, side, false);
    }
    let mut text = String::with_capacity(s.len());
    let mut runs = Vec::with_capacity(s.len());
    for g in s.graphemes(true) {
        // What a grapheme becomes, from its first char.
        runs.push(clamp_u8(push_normalised(g, &mut text)));
        runs.extend(std::iter::repeat_n(0, g.chars().count() - 1));
    }
    Key::new(text, runs, None, side, false)
}

/// Appends `s` normalised (see `normalise`) to `out`, without allocating; returns how
/// many chars it added.
fn push_normalised(s: &str, out: &mut String) -> usize {
    if let [b] = s.as_bytes() {
        // ASCII: NFKC leaves it as it is.
        out.push(char::from(b.to_ascii_lowercase()));
        return 1;
    }
    s.nfkc().flat_map(char::to_lowercase).map(|c| out.push(c)).count()
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

/// "zhi liang qiang shi" for 质量强市, with each letter mapped back to its Hanzi, and
/// each heteronym's other readings beside it.
fn pinyin_key(title: &str, readings: &[Vec<&'static str>], pairs: &mut Pairs) -> Key {
    let mut text = String::new();
    let mut runs = Vec::with_capacity(readings.len());
    let mut initials = String::new();
    let mut alts = Vec::new();
    let mut after_syllable = false;
    let mut normalised = String::new();
    for (i, c) in title.chars().enumerate() {
        let mut run = 0;
        if let Some((&reading, others)) = readings[i].split_first() {
            if !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
                run += 1;
            }
            let at = text.len();
            // Splicing counts a syllable's bytes as its chars: only ASCII readings (all
            // but a rare one such as 欸's ê) take part.
            if reading.is_ascii() {
                let ascii = others.iter().filter(|other| other.is_ascii());
                alts.extend(ascii.map(|&other| Alt { at, title_char: i, len: reading.len(), reading: other }));
            }
            text.push_str(reading);
            run += reading.chars().count();
            initials.extend(reading.chars().next());
            after_syllable = true;
        } else {
            normalised.clear();
            push_normalised(c.encode_utf8(&mut [0; 4]), &mut normalised);
            for n in normalised.chars() {
                if after_syllable && n.is_alphanumeric() {
                    text.push(' ');
                    run += 1;
                }
                after_syllable = false;
                if n.is_alphanumeric() && (text.is_empty() || text.ends_with(' ')) {
                    initials.push(n);
                }
                text.push(n);
                run += 1;
            }
        }
        runs.push(clamp_u8(run));
    }
    let mut key = Key { alts, ..Key::new(text, runs, Some(initials), Side::Zh, false) };
    or_grams(&mut key.grams, &lattice_grams(title, readings, pairs));
    key
}

/// The bigrams of a title's pinyin under any reading of each Hanzi: within each
/// reading, and across each pair of neighbours' readings; each also added to `pairs`.
fn lattice_grams(title: &str, readings: &[Vec<&'static str>], pairs: &mut Pairs) -> Grams {
    let mut g = Grams::default();
    let mut add = |a: char, b: char| {
        add_gram(&mut g, a, b);
        pairs.add(a, b);
    };
    let mut prev: Vec<String> = Vec::new();
    for (c, r) in title.chars().zip(readings) {
        let spellings: Vec<String> = if r.is_empty() {
            let mut alnum = String::new();
            push_normalised(c.encode_utf8(&mut [0; 4]), &mut alnum);
            alnum.retain(char::is_alphanumeric);
            if alnum.is_empty() { continue } else { vec![alnum] }
        } else {
            r.iter().map(|s| s.to_string()).collect()
        };
        for s in &spellings {
            let chars: Vec<char> = s.chars().collect();
            chars.windows(2).for_each(|w| add(w[0], w[1]));
            for p in &prev {
                if let (Some(a), Some(&b)) = (p.chars().last(), chars.first()) {
                    add(a, b);
                }
            }
        }
        prev = spellings;
    }
    g
}

/// Which pairs of adjacent ASCII letters and digits stand anywhere in the compact
/// pinyin of any title, under any reading. A query with a pair that none has stands
/// contiguously in no respelling at all, which spares walking each entry's.
struct Pairs(Box<[u64; 256]>);

impl Default for Pairs {
    fn default() -> Pairs {
        Pairs(Box::new([0; 256]))
    }
}

impl Pairs {
    /// The word and bit of ASCII pair `a`, `b`.
    fn slot(a: u8, b: u8) -> (usize, u64) {
        let i = usize::from(a) << 7 | usize::from(b);
        (i / 64, 1 << (i % 64))
    }

    fn add(&mut self, a: char, b: char) {
        if a.is_ascii() && b.is_ascii() {
            let (word, bit) = Pairs::slot(a as u8, b as u8);
            self.0[word] |= bit;
        }
    }

    /// Whether every pair of adjacent chars of `q` stands somewhere; a query that is
    /// not ASCII may.
    fn may_hold(&self, q: &Query) -> bool {
        !q.ascii
            || q.compact.as_bytes().windows(2).all(|w| {
                let (word, bit) = Pairs::slot(w[0], w[1]);
                self.0[word] & bit != 0
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_of(titles: &[Text]) -> SearchIndex {
        SearchIndex::from_titles(titles)
    }

    #[test]
    fn pinyin_keys_map_back_to_hanzi() {
        let keys = keys_of(&Text::new("质量强市MINI EV", ""), &mut Pairs::default());
        let k = keys.iter().find(|k| k.initials.is_some()).unwrap();
        assert_eq!(k.text, "zhi liang qiang shi mini ev");
        assert_eq!(k.initials.as_deref(), Some("zlqsme"));
        assert_eq!(title_chars(Some(&k.runs), vec![4]), [1], "the l of liang comes from 量");
        let highlights = title_chars(Some(&k.runs), vec![25, 0, 2, 3, 20, 26, 99]);
        assert_eq!(highlights, [0, 1, 4, 9, 10], "zh(i), the space before liang, m, e, v; none past the end");
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
        index.last = None;
        let hits: Vec<usize> = index.search("hangdong", 5).iter().map(|h| h.entry).collect();
        assert_eq!(hits, [0]);
    }

    fn compact(text: &str) -> String {
        text.chars().filter(|c| c.is_alphanumeric()).collect()
    }

    /// Exact, prefix and contiguous checks read the compact form off a key's text; they
    /// agree with building it, for ASCII, Hanzi, mixed and over-long queries alike.
    #[test]
    fn compact_checks_read_off_the_text_agree_with_the_compact_form() {
        let data = crate::data::Dataset::embedded().unwrap();
        let mut titles: Vec<Text> = data.records().map(|r| r.name().clone()).collect();
        titles.extend([Text::new("质量·强市 5G 基站", "Café-bar «x» a’b"), Text::new("《柳州》", "e\u{301}")]);
        let index = index_of(&titles);
        let mut checked = 0;
        for k in &index.keys {
            let (text, compact) = (&index.text[k.text()], compact(&index.text[k.text()]));
            let chars: Vec<char> = compact.chars().collect();
            let mut queries = vec![compact.clone(), "x".repeat(70), "fé".into(), "cafbar".into()];
            for len in [1, 2, 4, 9] {
                for start in (0..chars.len().saturating_sub(len - 1)).step_by(3) {
                    queries.push(chars[start..start + len].iter().collect());
                }
            }
            for query in queries {
                let Some(q) = Query::new(&query) else { continue };
                let begins = match compact.strip_prefix(&q.compact) {
                    Some("") => Begins::Exact,
                    Some(_) => Begins::Prefix,
                    None => Begins::Otherwise,
                };
                assert_eq!(q.begins(text.as_bytes(), k.spaced), begins, "{query:?} in {text:?}");
                let within = compact.contains(&q.compact);
                assert_eq!(q.stands_in(text.as_bytes(), k.spaced), within, "{query:?} in {text:?}");
                checked += 1;
            }
        }
        assert!(checked > 5000, "too few checks: {checked}");
    }

    /// Every spelling of a key (each heteronym under each of its readings), where
    /// there are few enough to list.
    fn spellings(index: &SearchIndex, k: &KeyRef) -> Option<Vec<String>> {
        let alts = &index.alts[k.alts()];
        let groups: Vec<&[AltRef]> = alts.chunk_by(|a, b| a.at == b.at).collect();
        let count = groups.iter().try_fold(1usize, |n, g| n.checked_mul(g.len() + 1)).filter(|&n| n <= 256)?;
        let mut out = Key::default();
        let spelled = (0..count).map(|mut pick| {
            let chosen: Vec<AltRef> = groups
                .iter()
                .filter_map(|g| {
                    let i = pick % (g.len() + 1);
                    pick /= g.len() + 1;
                    i.checked_sub(1).map(|i| g[i])
                })
                .collect();
            index.splice(k, &chosen, &mut out);
            compact(&out.text)
        });
        Some(spelled.collect())
    }

    /// Ruling a respelling out must never miss one the query stands in, and for an
    /// ASCII query the walk's check is exact; the index-wide pairs never rule one out.
    #[test]
    fn contiguous_respellings_are_found_exactly() {
        let data = crate::data::Dataset::embedded().unwrap();
        let index = SearchIndex::new(&data);
        let (mut checked, mut contiguous) = (0, 0);
        for k in index.keys.iter().filter(|k| k.alts_len > 0) {
            let Some(spellings) = spellings(&index, k) else {
                continue;
            };
            // Pieces of every spelling, and of where two spellings differ.
            let mut queries: Vec<String> = Vec::new();
            for s in &spellings {
                let chars: Vec<char> = s.chars().collect();
                for len in [2, 4, 7] {
                    for start in (0..chars.len().saturating_sub(len)).step_by(3) {
                        queries.push(chars[start..start + len].iter().collect());
                    }
                }
            }
            queries.extend(["zhongqing", "hangye", "xingye", "zz", "qiangshi"].map(String::from));
            for query in queries {
                let q = Query::new(&query).unwrap();
                let truth = spellings.iter().any(|s| s.contains(q.compact.as_str()));
                let walk = index.walk_spellings(k, &q, &mut Vec::new());
                let found = walk.is_some_and(|w| q.contiguous(&w));
                assert_eq!(found, truth, "{query:?} in {:?}", spellings[0]);
                assert!(index.pairs.may_hold(&q) || !truth, "{query:?}: its pairs were not all seen");
                checked += 1;
                contiguous += usize::from(truth);
            }
        }
        assert!(checked > 1000 && contiguous > 100, "too few checks: {checked}, {contiguous} contiguous");
    }

    /// What pruning rests on: no entry scores above its `upper_bound`, and an entry
    /// whose bigrams rule out a contiguous match never above `SCATTERED_MAX`, under
    /// any reading of its heteronyms.
    #[test]
    fn no_entry_scores_above_its_upper_bound() {
        let data = crate::data::Dataset::embedded().unwrap();
        let index = SearchIndex::new(&data);
        let mut queries: Vec<String> =
            ["zlqs", "hangye", "chongqing", "yinhang", "quality", "lsf", "2024", "柳州"].map(String::from).to_vec();
        // Pieces of every key and of every respelling with one other reading: its
        // beginnings, which may earn exact and prefix bonuses, and pieces inside,
        // contiguous in some entries and scattered in most.
        let mut respelled = Key::default();
        for k in &index.keys {
            let mut compacts = vec![compact(&index.text[k.text()])];
            for alt in &index.alts[k.alts()] {
                index.splice(k, &[*alt], &mut respelled);
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
        let mut scratch = Scratch::default();
        let mut ruled_out = 0;
        for query in &queries {
            let q = Query::new(query).unwrap();
            for entry in 0..index.len() {
                let scattered = index.scattered(entry, &q);
                ruled_out += usize::from(scattered && q.mask & !index.masks[entry] == 0);
                // Every bonus looked for, as if nothing had ruled it out.
                let mut fresh = Candidate::new(entry as u32);
                if let Cheap::Score(score) = index.cheap_score(&mut fresh, &q, false, 0, &mut scratch) {
                    let bound = index.upper_bound(entry, &q, scattered);
                    assert!(
                        score <= bound,
                        "{query:?} in entry {entry}: {score} over {bound} (scattered: {scattered})"
                    );
                }
            }
        }
        assert!(ruled_out > 10_000, "the check ran on too few pairs: {ruled_out}");
    }

    /// Past `PARALLEL_FROM` candidates the cores take chunks in turn, and each closes
    /// up its chunks' may-match lists in place: the list comes out whole and in order.
    #[test]
    fn candidates_scanned_by_chunks_stay_whole_and_in_order() {
        let titles: Vec<Text> =
            (0..PARALLEL_FROM + 3 * CHUNK + 5).map(|i| Text::new("", &format!("n{i:06}"))).collect();
        let mut index = index_of(&titles);
        index.search("7", 10);
        let kept: Vec<usize> =
            index.last.as_ref().map_or(vec![], |(_, c)| c.iter().map(|c| c.entry as usize).collect());
        let want: Vec<usize> = (0..titles.len()).filter(|i| format!("{i:06}").contains('7')).collect();
        assert_eq!(kept, want);
        let typed = index.search("707", 10);
        index.last = None;
        assert_eq!(typed, index.search("707", 10));
        assert_eq!(typed.len(), 10);
    }

    /// Cores scoring chunks in any order agree on the best only because ranks are
    /// total: higher score first, then the earlier entry.
    #[test]
    fn ranks_order_by_score_then_earlier_entry() {
        let mut ranked: Vec<(i64, u32)> = vec![(-50, 3), (0, 0), (0, 7), (1800, 2), (1800, 9), (-1, u32::MAX - 1)];
        ranked.sort_by_key(|&(score, e)| Reverse(rank(score, e)));
        assert_eq!(ranked, [(1800, 2), (1800, 9), (0, 0), (0, 7), (-1, u32::MAX - 1), (-50, 3)]);
        assert!(ranked.iter().all(|&(score, e)| rank(score, e) > 0 && entry_of(rank(score, e)) == e as usize));
    }

    /// `n` titles joined from the embedded ones, as in the benchmarks: enough entries
    /// for pruning to matter.
    fn joined(n: usize) -> Vec<Text> {
        let data = crate::data::Dataset::embedded().unwrap();
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
                fresh.last = None;
                assert_eq!(typed.search(prefix, 30), fresh.search(prefix, 30), "typing {prefix:?}");
            }
        }
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

    #[test]
    fn every_hanzi_title_respells_without_panicking() {
        // Every CJK unified ideograph once, in titles of eight, under queries that
        // make the respelling splice each one's other readings.
        let all: Vec<char> = ('\u{4e00}'..='\u{9fff}').collect();
        let titles: Vec<Text> = all.chunks(8).map(|c| Text::new(&c.iter().collect::<String>(), "")).collect();
        let mut index = index_of(&titles);
        for query in ["e", "ai", "lve", "nv", "zhong", "xing"] {
            index.last = None;
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
            index.last = None;
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
