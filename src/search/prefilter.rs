//! Bit sets that rule an entry out before any key of it is read: char masks, English
//! word bits, bigrams, and the pairs of chars runs of word beginnings can hold.

/// Bits for the chars of `s`: one per ASCII letter or digit, the rest hashed into the
/// last 28 bits. A key lacking any bit of the query cannot contain it.
pub(super) fn mask(s: &str) -> u64 {
    s.chars().filter(|c| c.is_alphanumeric()).fold(0, |m, c| m | bit(c))
}

/// `mask`'s bit for the first letter, digit or Hanzi of `s`; none if it has none.
pub(super) fn first_bit(s: &str) -> u64 {
    s.chars().find(|c| c.is_alphanumeric()).map_or(0, bit)
}

pub(super) const fn bit(c: char) -> u64 {
    1 << match c {
        '0'..='9' => c as u32 - '0' as u32,
        'a'..='z' => 10 + c as u32 - 'a' as u32,
        // Hanzi and other letters share the last 28 bits.
        _ => 36 + c as u32 % 28,
    }
}

/// `bit` of a byte read as a char, looked up: the walks through words take the bits
/// of every initial of a key.
pub(super) fn byte_bit(b: u8) -> u64 {
    BYTE_BITS[usize::from(b)]
}

static BYTE_BITS: [u64; 256] = {
    let mut bits = [0; 256];
    let mut b = 0;
    while b < 256 {
        bits[b] = bit(b as u8 as char);
        b += 1;
    }
    bits
};

/// `word_bits` of every word of `s`, as `whole_words` sees words.
pub(super) fn title_word_bits(s: &str) -> u64 {
    s.split(|c: char| c.is_ascii() && splits_words(c as u8)).fold(0, |m, w| m | word_bits(w))
}

/// Two bits for a word: its first char's (as `mask`: exact for ASCII letters and
/// digits, which take the low 36 bits) and its length's (1 to 28 bytes, in the 28 bits
/// other chars share). A title word equal to a query word has both; none for an
/// empty word.
pub(super) fn word_bits(w: &str) -> u64 {
    w.chars().next().map_or(0, |c| bit(c) | 1 << (36 + w.len().clamp(1, 28) - 1))
}

/// ASCII punctuation and spaces end words; any other byte belongs to one.
pub(super) fn splits_words(b: u8) -> bool {
    SPLITS_WORDS[usize::from(b)]
}

/// `splits_words` of every byte, looked up: the walks through words read a title a
/// byte at a time.
static SPLITS_WORDS: [bool; 256] = {
    let mut splits = [false; 256];
    let mut b = 0;
    while b < 128 {
        splits[b] = !(b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    splits
};

/// Hashed pairs of adjacent chars (bigrams) a key's compact text or initials can
/// contain, under any reading of its heteronyms. A query with a pair the entry lacks
/// does not stand in it contiguously.
pub(super) type Bigrams = [u64; 4];

/// Bits for the pairs of adjacent chars in `s` (see `Bigrams`).
pub(super) fn bigrams(s: &str) -> Bigrams {
    let mut g = Bigrams::default();
    let chars: Vec<char> = s.chars().collect();
    for pair in chars.windows(2) {
        add_bigram(&mut g, pair[0], pair[1]);
    }
    g
}

pub(super) fn add_bigram(g: &mut Bigrams, a: char, b: char) {
    let h = (a as u32).wrapping_mul(0x9E37_79B1) ^ (b as u32).wrapping_mul(0x85EB_CA77);
    let bit = h >> 24; // 0..256
    g[bit as usize / 64] |= 1 << (bit % 64);
}

pub(super) fn union_bigrams(g: &mut Bigrams, other: &Bigrams) {
    g.iter_mut().zip(other).for_each(|(a, b)| *a |= b);
}

/// The words of a key's text (runs of bytes other than ASCII punctuation and spaces)
/// with their byte offsets.
pub(super) fn words(text: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() && splits_words(text[at]) {
            at += 1;
        }
        (at < text.len()).then(|| {
            let start = at;
            while at < text.len() && !splits_words(text[at]) {
                at += 1;
            }
            (start, &text[start..at])
        })
    })
}

/// Adds to `g` every pair of chars a query made of beginnings of consecutive words
/// can hold (see `term`): two chars of one word side by side, or any char of a word
/// and the first of the next; each word under each of its spellings.
pub(super) fn add_segment_pairs<'a>(g: &mut Bigrams, words: impl Iterator<Item = &'a [&'a [u8]]>) {
    let mut prev: Vec<char> = Vec::new();
    for spellings in words {
        let mut chars: Vec<char> = Vec::new();
        for s in spellings {
            let word: Vec<char> = String::from_utf8_lossy(s).chars().collect();
            word.windows(2).for_each(|w| add_bigram(g, w[0], w[1]));
            if let Some(&first) = word.first() {
                prev.iter().for_each(|&c| add_bigram(g, c, first));
            }
            chars.extend(word);
        }
        prev = chars;
    }
}

/// Whether `g` holds every pair in `pairs`.
pub(super) fn holds_all(g: &Bigrams, pairs: &Bigrams) -> bool {
    g.iter().zip(pairs).all(|(g, p)| p & !g == 0)
}
