//! The strings a record is found by: its English and Chinese titles and the pinyin of
//! the Chinese (with heteronyms' other readings), and mapping a match back to the title.

use pinyin::ToPinyinMulti;
use unicode_segmentation::UnicodeSegmentation;

use super::normalise::{CompactChars, has_separators, push_normalised};
use super::prefilter::{Bigrams, add_bigram, bigrams, mask, union_bigrams};
use crate::data::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Side {
    /// Matched against the Chinese title (as Hanzi or as pinyin).
    #[default]
    Zh,
    En,
}

/// One string a record can be found by, as built; the index keeps its parts in
/// shared arenas (see `StoredKey`).
#[derive(Default)]
pub(super) struct Key {
    /// Normalised (NFKC, lower case) text the matcher sees.
    pub(super) text: String,
    /// See `has_separators`.
    pub(super) has_separators: bool,
    /// Pinyin keys: the first letter of each syllable ("zlqs").
    pub(super) initials: Option<String>,
    pub(super) side: Side,
    /// Spelled with a heteronym's less common reading.
    pub(super) alternate: bool,
    /// For each char of the original title, how many chars of `text` came from it, so
    /// that a match maps back to the title (see `title_chars`): a run a char, not an
    /// origin for each char of `text`, which a pinyin key has four times as many of.
    pub(super) runs: Vec<u8>,
    /// The runs are read off the text's syllables (see `Runs::Syllables`), and
    /// `runs` is empty: a respelling of a key whose runs the index does not store.
    pub(super) syllable_runs: bool,
    /// Which chars `text` has (see `mask`), to rule a key out before scanning it; not
    /// kept for a respelled key, which is built only once it is known to match.
    pub(super) mask: u64,
    /// A pinyin key's other readings of its heteronyms, in text order.
    pub(super) alts: Vec<AltReading>,
    /// Bigrams of the compact form and `initials`, under every reading (not kept for a
    /// respelled key).
    pub(super) bigrams: Bigrams,
}

impl Key {
    fn new(text: String, runs: Vec<u8>, initials: Option<String>, side: Side, alternate: bool) -> Key {
        let compact: String = CompactChars(text.as_bytes()).collect();
        let mut key_bigrams = bigrams(&compact);
        if let Some(initials) = &initials {
            union_bigrams(&mut key_bigrams, &bigrams(initials));
        }
        Key {
            mask: mask(&text),
            bigrams: key_bigrams,
            has_separators: has_separators(&text),
            text,
            initials,
            side,
            alternate,
            runs,
            syllable_runs: false,
            alts: Vec::new(),
        }
    }

    pub(super) fn view(&self) -> KeyView<'_> {
        KeyView {
            text: self.text.as_bytes(),
            has_separators: self.has_separators,
            initials: self.initials.as_deref().map(str::as_bytes),
            ascii: self.text.is_ascii(),
            runs: if self.syllable_runs { Runs::Syllables } else { Runs::Stored(&self.runs) },
            side: self.side,
            alternate: self.alternate,
        }
    }
}

/// Another reading of one heteronym in a pinyin key: the syllable at byte `at` (see
/// `syllable_at`) may also be spelled `reading`.
pub(super) struct AltReading {
    pub(super) at: usize,
    pub(super) reading: &'static str,
}

/// The usual reading that begins at byte `at` of a pinyin key's text, where a heteronym
/// has other readings: ASCII letters, which no letter follows (a space, other text
/// that is no letter, or the end), so it need not be stored.
pub(super) fn syllable_at(text: &[u8], at: usize) -> &[u8] {
    let rest = text.get(at..).unwrap_or_default();
    &rest[..rest.iter().position(|b| !b.is_ascii_lowercase()).unwrap_or(rest.len())]
}

/// A key's parts, borrowed as bytes (from the index's arenas or from a `Key`): the
/// scan compares bytes, and slicing bytes costs no UTF-8 boundary checks.
pub(super) struct KeyView<'a> {
    pub(super) text: &'a [u8],
    /// See `has_separators`: when not, `text` is its own compact form.
    pub(super) has_separators: bool,
    pub(super) initials: Option<&'a [u8]>,
    /// All of `text` is ASCII (pinyin, most English), so bytes are chars.
    pub(super) ascii: bool,
    /// See `Key::runs` and `Runs`.
    pub(super) runs: Runs<'a>,
    pub(super) side: Side,
    pub(super) alternate: bool,
}

/// A key's runs (see `Key::runs`) as the index keeps them: most are read off the
/// key's text, and only the others stored.
#[derive(Clone, Copy)]
pub(super) enum Runs<'a> {
    /// Each char comes from the title's char at the same place (most English and
    /// Hanzi keys).
    Identity,
    /// A pinyin key's words are its title's chars, each with the space before it (a
    /// title of Hanzi alone): see `push_syllable_runs`.
    Syllables,
    Stored(&'a [u8]),
}

/// Pushes the runs of a pinyin key whose words are its title's chars: each word's
/// chars, and the space before it.
pub(super) fn push_syllable_runs(text: &str, runs: &mut Vec<u8>) {
    let mut run = 0;
    for c in text.chars() {
        if c == ' ' {
            runs.push(clamp_u8(run));
            run = 0;
        }
        run += 1;
    }
    runs.push(clamp_u8(run));
}

/// The keys a record is found by: its English title, its Chinese title, and the
/// pinyin of the Chinese title with the usual readings (other readings as `alts`).
pub(super) fn keys_of(title: &Text) -> Vec<Key> {
    let mut keys = vec![plain_key(title.en(), Side::En), plain_key(title.zh(), Side::Zh)];
    let readings: Vec<Vec<&'static str>> = title.zh().chars().map(readings_of).collect();
    if readings.iter().any(|r| !r.is_empty()) {
        keys.push(pinyin_key(title.zh(), &readings));
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
fn pinyin_key(title: &str, readings: &[Vec<&'static str>]) -> Key {
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
                alts.extend(ascii.map(|&other| AltReading { at, reading: other }));
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
    union_bigrams(&mut key.bigrams, &reading_lattice_bigrams(title, readings));
    key
}

/// The bigrams of a title's pinyin under any reading of each Hanzi: within each
/// reading, and across each pair of neighbours' readings.
fn reading_lattice_bigrams(title: &str, readings: &[Vec<&'static str>]) -> Bigrams {
    let mut g = Bigrams::default();
    let mut add = |a: char, b: char| add_bigram(&mut g, a, b);
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

/// A run (see `Key::runs`) over 255 chars, which no title's char gives, stops there.
pub(super) fn clamp_u8(i: usize) -> u8 {
    i.min(255) as u8
}

/// The title's chars that chars `idx` of a key's text came from, by the key's runs,
/// in order, each once.
pub(super) fn title_chars(runs: Runs, text: &str, mut idx: Vec<usize>) -> Vec<usize> {
    idx.sort_unstable();
    let mut syllables = Vec::new();
    let runs = match runs {
        Runs::Identity => {
            idx.dedup();
            return idx;
        }
        Runs::Syllables => {
            push_syllable_runs(text, &mut syllables);
            &syllables
        }
        Runs::Stored(runs) => runs,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_keys_map_back_to_hanzi() {
        let keys = keys_of(&Text::new("质量强市MINI EV", ""));
        let k = keys.iter().find(|k| k.initials.is_some()).unwrap();
        assert_eq!(k.text, "zhi liang qiang shi mini ev");
        assert_eq!(k.initials.as_deref(), Some("zlqsme"));
        let runs = Runs::Stored(&k.runs);
        assert_eq!(title_chars(runs, &k.text, vec![4]), [1], "the l of liang comes from 量");
        let highlights = title_chars(runs, &k.text, vec![25, 0, 2, 3, 20, 26, 99]);
        assert_eq!(highlights, [0, 1, 4, 9, 10], "zh(i), the space before liang, m, e, v; none past the end");
    }

    #[test]
    fn a_heteronym_syllable_ends_where_its_letters_do() {
        // Heteronyms before letters, digits, punctuation, a full-width letter and the end.
        for title in ["银行MINI EV", "行“行”行", "行2021年", "长ａ行", "重庆·长安行", "行-a长"] {
            let keys = keys_of(&Text::new(title, ""));
            let k = keys.iter().find(|k| k.initials.is_some()).unwrap();
            assert!(!k.alts.is_empty(), "{title}");
            for alt in &k.alts {
                let usual = std::str::from_utf8(syllable_at(k.text.as_bytes(), alt.at)).unwrap();
                let read = title.chars().map(readings_of).find(|r| r.contains(&alt.reading));
                assert_eq!(read.map(|r| r[0]), Some(usual), "{title}: {:?} at {}", k.text, alt.at);
            }
        }
    }
}
