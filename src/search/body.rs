//! A record's text other than its titles, found literally: every entry's fields
//! folded (see `normalise`) into one arena, searched with `memchr::memmem`, and the
//! snippet that shows a reader where a term stands.
//!
//! Each field begins with one byte below 0x20 naming it; folded text holds no such
//! byte, so a match never spans two fields and the field is found by looking back.

use std::ops::Range;

use memchr::memmem;
use serde::Serialize;
use unicode_normalization::char::is_combining_mark;

use super::normalise::push_normalised;

/// Which text of a record a term was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[repr(u8)]
pub enum Field {
    Id = 1,
    Summary,
    Figure,
    Year,
    Note,
    Disagreement,
    Theme,
    Scope,
    Source,
    Publisher,
    Date,
}

impl Field {
    const ALL: [Field; 11] = [
        Field::Id,
        Field::Summary,
        Field::Figure,
        Field::Year,
        Field::Note,
        Field::Disagreement,
        Field::Theme,
        Field::Scope,
        Field::Source,
        Field::Publisher,
        Field::Date,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Summary => "summary",
            Field::Figure => "figure",
            Field::Year => "year",
            Field::Note => "note",
            Field::Disagreement => "disagreement",
            Field::Theme => "theme",
            Field::Scope => "scope",
            Field::Source => "source",
            Field::Publisher => "publisher",
            Field::Date => "date",
        }
    }

    /// How much a match here says about the record: its id or summary more than a
    /// note or the name of a source it cites.
    pub(super) fn weight(self) -> u32 {
        match self {
            Field::Id => 600,
            Field::Summary => 500,
            Field::Figure | Field::Year | Field::Date => 400,
            Field::Note | Field::Disagreement => 300,
            Field::Theme | Field::Scope | Field::Publisher => 200,
            Field::Source => 100,
        }
    }

    fn of_marker(b: u8) -> Option<Field> {
        Field::ALL.get(usize::from(b).wrapping_sub(1)).copied()
    }
}

/// An excerpt of the text a term was found in, cut on char boundaries, with the
/// matched chars (ranges of char positions in `text`) to highlight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub field: Field,
    pub text: String,
    pub highlight: Vec<Range<usize>>,
}

/// How many chars of a field a snippet shows at most, and how many before the match.
const SNIPPET_CHARS: usize = 48;
const SNIPPET_BEFORE: usize = 12;

/// Every entry's fields, folded, in one arena.
#[derive(Default)]
pub(super) struct BodyIndex {
    text: String,
    /// Entry `e`'s fields are `text[starts[e]..starts[e + 1]]`.
    starts: Vec<u32>,
}

impl BodyIndex {
    /// Adds the next entry, with its fields.
    pub(super) fn push<'a>(&mut self, fields: impl IntoIterator<Item = (Field, &'a str)>) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        for (field, text) in fields {
            if text.is_empty() {
                continue;
            }
            self.text.push(char::from(field as u8));
            push_folded(text, &mut self.text, None);
        }
        self.starts.push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    /// Room for `bytes` of text (folding seldom changes its length) in `entries` entries.
    pub(super) fn with_capacity(bytes: usize, entries: usize) -> BodyIndex {
        BodyIndex { text: String::with_capacity(bytes), starts: Vec::with_capacity(entries + 1) }
    }

    fn entry_text(&self, entry: usize) -> &[u8] {
        let range = self.starts.get(entry).zip(self.starts.get(entry + 1));
        range.map_or(&[], |(&s, &e)| &self.text.as_bytes()[s as usize..e as usize])
    }

    /// Where `term` first stands in the entry's text (a byte offset there).
    pub(super) fn find_in(&self, entry: usize, term: &memmem::Finder) -> Option<usize> {
        term.find(self.entry_text(entry))
    }

    /// Where `term` first stands in the entry's text at or after byte `from`.
    pub(super) fn find_from(&self, entry: usize, from: usize, term: &memmem::Finder) -> Option<usize> {
        let rest = self.entry_text(entry).get(from..)?;
        match rest.starts_with(term.needle()) {
            true => Some(from),
            false => term.find(rest).map(|i| from + i),
        }
    }

    /// Every entry among `candidates` (ascending) whose text holds `term`, each with
    /// where it first stands: over the whole arena at once when the candidates are
    /// many, else entry by entry.
    pub(super) fn find_among(&self, candidates: &[u32], term: &memmem::Finder) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        let (Some(&first), Some(&last)) = (candidates.first(), candidates.last()) else { return out };
        if last as usize >= self.len() {
            return out;
        }
        // Entry by entry reads only the candidates' text, at a call each; the arena at
        // once reads all the text from the first candidate's to the last's: the better
        // when most entries between them are candidates.
        if candidates.len() * 2 < (last - first) as usize + 1 {
            for &e in candidates {
                if let Some(at) = self.find_in(e as usize, term) {
                    out.push((e, at as u32));
                }
            }
            return out;
        }
        let bytes = &self.text.as_bytes()[..self.starts[last as usize + 1] as usize];
        let (mut pos, mut next) = (self.starts[first as usize] as usize, 0);
        while let Some(i) = term.find(&bytes[pos..]) {
            let at = pos + i;
            // The hit is in the next candidate's text or after it (`pos` is there).
            let entry = self.entry_holding(candidates[next] as usize, at);
            // After a hit, the entry's other hits do not matter: on to the next entry.
            pos = self.starts[entry + 1] as usize;
            while next < candidates.len() && (candidates[next] as usize) < entry {
                next += 1;
            }
            if candidates.get(next) == Some(&(entry as u32)) {
                out.push((entry as u32, (at - self.starts[entry] as usize) as u32));
                next += 1;
            }
            if let Some(&c) = candidates.get(next) {
                pos = pos.max(self.starts[c as usize] as usize);
            }
            if next == candidates.len() || pos >= bytes.len() {
                break;
            }
        }
        out
    }

    /// The entry whose text holds byte `at`, at entry `lo` or after it (`lo`'s text
    /// begins at or before `at`): hits come in order, each near the last, so the search
    /// gallops forward from there rather than halving the whole list.
    fn entry_holding(&self, lo: usize, at: usize) -> usize {
        let starts = &self.starts[..self.starts.len() - 1];
        let (mut base, mut step) = (lo, 1);
        while base + step < starts.len() && starts[base + step] as usize <= at {
            base += step;
            step *= 2;
        }
        let end = (base + step).min(starts.len());
        base + starts[base..end].partition_point(|&s| s as usize <= at) - 1
    }

    /// The field of the entry's text at byte `at`, and the field's byte range.
    fn field_at(&self, entry: usize, at: usize) -> Option<(Field, Range<usize>)> {
        let text = self.entry_text(entry);
        let start = text[..=at.min(text.len().checked_sub(1)?)].iter().rposition(|&b| b < 0x20)?;
        let end = text[at..].iter().position(|&b| b < 0x20).map_or(text.len(), |i| at + i);
        Some((Field::of_marker(text[start])?, start + 1..end))
    }

    /// How many entries there are.
    pub(super) fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether byte `at` of the entry's text begins a word (or its field).
    pub(super) fn begins_word(&self, entry: usize, at: usize) -> bool {
        at.checked_sub(1).and_then(|b| self.entry_text(entry).get(b)).is_none_or(|b| !b.is_ascii_alphanumeric())
    }

    /// Which field of the entry holds byte `at`.
    pub(super) fn field_of(&self, entry: usize, at: usize) -> Option<Field> {
        self.field_at(entry, at).map(|(f, _)| f)
    }

    /// An excerpt of the field holding byte `at`, around it, with every one of `terms`
    /// that stands in the excerpt highlighted. `fields` are the entry's fields as the
    /// record writes them, as they were pushed: the excerpt is cut from the one holding
    /// `at`, so that it shows the text as written (Ⅰ, full-width ，（）and capitals), not
    /// as folded for matching.
    pub(super) fn snippet(
        &self,
        entry: usize,
        at: usize,
        terms: &[&memmem::Finder],
        fields: &[(Field, String)],
    ) -> Option<Snippet> {
        let (field, range) = self.field_at(entry, at)?;
        // The index holds no empty field (see `push`).
        let k = self.field_index(entry, at)?;
        let written = fields.iter().map(|(_, s)| s).filter(|s| !s.is_empty()).nth(k)?;
        let folded = &self.entry_text(entry)[range.clone()];
        let at = at - range.start;
        // Where each written char's folding begins in the folded field, and its end.
        let mut starts = Vec::with_capacity(written.len() + 1);
        let mut refolded = String::with_capacity(folded.len());
        push_folded(written, &mut refolded, Some(&mut starts));
        starts.push(refolded.len());
        if refolded.as_bytes() != folded {
            return None;
        }
        // The char holding the match, a few chars before it, then up to the limit.
        let char_at = |byte: usize| starts.partition_point(|&s| s <= byte).saturating_sub(1);
        let first = char_at(at).saturating_sub(SNIPPET_BEFORE);
        let last = (first + SNIPPET_CHARS).min(starts.len() - 1);
        let mut shown = String::with_capacity(written.len().min(SNIPPET_CHARS * 4) + 6);
        if first > 0 {
            shown.push('…');
        }
        let chars: Vec<char> = written.chars().collect();
        shown.extend(chars[first..last].iter().map(|&c| if c.is_control() { ' ' } else { c }));
        if last < starts.len() - 1 {
            shown.push('…');
        }
        let offset = usize::from(first > 0);
        let cut = &folded[starts[first]..starts[last]];
        let mut highlight: Vec<Range<usize>> = terms
            .iter()
            .flat_map(|t| memmem::find_iter(cut, t.needle()).map(|i| (i, t.needle().len())).collect::<Vec<_>>())
            .map(|(i, len)| {
                let (from, to) = (starts[first] + i, starts[first] + i + len);
                // The chars whose folding the match covers, wholly or in part, and the
                // marks after them, which fold to nothing (as a separator left out does,
                // but that one belongs to what follows).
                let mut end = starts.partition_point(|&s| s < to).min(last);
                while end < last && starts[end] == starts[end + 1] && is_combining_mark(chars[end]) {
                    end += 1;
                }
                char_at(from) - first + offset..end - first + offset
            })
            .collect();
        highlight.sort_by_key(|r| r.start);
        Some(Snippet { field, text: shown, highlight })
    }

    /// Which of the entry's non-empty fields, in the order they were pushed, holds
    /// byte `at`: the one to read from the record for a snippet.
    fn field_index(&self, entry: usize, at: usize) -> Option<usize> {
        let text = self.entry_text(entry);
        let before = text.get(..=at)?;
        before.iter().filter(|&&b| b < 0x20).count().checked_sub(1)
    }
}

/// A term folded as the body's text is (see `push_folded`), to look for there.
pub(super) fn needle(term: &str) -> String {
    let mut out = String::with_capacity(term.len());
    push_folded(term, &mut out, None);
    out
}

/// Appends `text` folded (see `normalise`; a control char becomes a space), and when
/// asked, where each of its chars' folding begins. A hyphen between two letters or
/// digits, and a comma between two digits, fold to nothing: `carmaking` finds
/// `car-making`, and `667000` finds `667,000`.
fn push_folded(text: &str, out: &mut String, mut starts: Option<&mut Vec<usize>>) {
    for c in text.chars() {
        let mut at = out.len();
        if c.is_control() {
            out.push(' ');
        } else {
            push_normalised(c.encode_utf8(&mut [0; 4]), out);
        }
        // Only now is the char after a separator known.
        let bytes = out.as_bytes();
        if let (Some(&[before, sep]), Some(&after)) = (bytes.get(at.wrapping_sub(2)..at), bytes.get(at))
            && joins(before, sep, after)
        {
            out.remove(at - 1);
            at -= 1;
        }
        if let Some(starts) = starts.as_deref_mut() {
            starts.push(at);
        }
    }
}

/// Whether `sep` between `before` and `after` is inside a word or a number.
fn joins(before: u8, sep: u8, after: u8) -> bool {
    match sep {
        b'-' => before.is_ascii_alphanumeric() && after.is_ascii_alphanumeric(),
        b',' => before.is_ascii_digit() && after.is_ascii_digit(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Galloping from any entry at or before the hit finds the entry halving finds,
    /// empty entries among them.
    #[test]
    fn the_entry_of_a_hit_is_found_from_any_entry_before_it() {
        let starts = vec![0, 0, 3, 3, 3, 7, 10, 10, 15, 40, 41, 41];
        let b = BodyIndex { text: "x".repeat(41), starts: starts.clone() };
        for at in 0..41 {
            let entry = starts.partition_point(|&s| s as usize <= at) - 1;
            for lo in (0..=entry).filter(|&lo| starts[lo] as usize <= at) {
                assert_eq!(b.entry_holding(lo, at), entry, "at {at} from {lo}");
            }
        }
    }

    fn index(fields: &[&[(Field, &str)]]) -> BodyIndex {
        let mut b = BodyIndex::default();
        for f in fields {
            b.push(f.iter().copied());
        }
        b
    }

    #[test]
    fn terms_are_found_in_their_entry_and_field() {
        let b = index(&[
            &[(Field::Id, "nev-output"), (Field::Summary, "New-energy vehicles built in Liuzhou.")],
            &[(Field::Summary, "柳州的螺蛳粉"), (Field::Figure, "48.2万辆")],
            &[(Field::Summary, "Nothing here")],
        ]);
        let find = |t: &str, among: &[u32]| b.find_among(among, &memmem::Finder::new(t.as_bytes()));
        let hits = find("liuzhou", &[0, 1, 2]);
        assert_eq!(hits.iter().map(|h| h.0).collect::<Vec<_>>(), [0]);
        assert_eq!(b.field_of(0, hits[0].1 as usize), Some(Field::Summary));
        assert_eq!(find("48.2万", &[0, 1, 2]).iter().map(|h| h.0).collect::<Vec<_>>(), [1]);
        assert!(find("outputnew", &[0, 1, 2]).is_empty(), "a match never spans two fields");
        assert!(find("liuzhou", &[1, 2]).is_empty(), "only among the candidates");
    }

    #[test]
    fn snippets_cut_on_chars_and_keep_the_case() {
        let long = "柳州".repeat(20) + "螺蛳粉 Luosifen Revenue " + &"尾".repeat(40);
        let b = index(&[&[(Field::Summary, &long)]]);
        let term = memmem::Finder::new("luosifen".as_bytes());
        let at = b.find_in(0, &term).unwrap();
        let s = b.snippet(0, at, &[&term], &[(Field::Summary, long.clone())]).unwrap();
        assert!(s.text.starts_with('…') && s.text.ends_with('…'), "{s:?}");
        assert!(s.text.contains("螺蛳粉 Luosifen Revenue"), "{s:?}");
        let lit: String = s.text.chars().skip(s.highlight[0].start).take(s.highlight[0].len()).collect();
        assert_eq!(lit, "Luosifen");
        assert!(s.text.chars().count() <= SNIPPET_CHARS + 2);
    }

    #[test]
    fn separators_inside_a_word_or_number_do_not_matter() {
        let b = index(&[
            &[(Field::Summary, "Liuzhou's car-making began in 1928.")],
            &[(Field::Figure, "667,000 vehicles"), (Field::Date, "2017-12-28")],
            &[(Field::Summary, "Cars - and 1, 2, 3 - made here")],
        ]);
        let find = |t: &str| {
            let term = memmem::Finder::new(needle(t).as_bytes()).into_owned();
            b.find_among(&[0, 1, 2], &term).iter().map(|h| h.0).collect::<Vec<_>>()
        };
        for (term, want) in [("carmaking", vec![0]), ("car-making", vec![0]), ("667000", vec![1]), ("667,000", vec![1])]
        {
            assert_eq!(find(term), want, "{term}");
        }
        assert_eq!(find("20171228"), [1]);
        assert_eq!(find("2017-12"), [1]);
        assert!(find("carsand").is_empty(), "a spaced dash still parts words");
        assert!(find("123").is_empty(), "a comma and a space part numbers");
        // The snippet shows the hyphen, and lights up the word the term found.
        let term = memmem::Finder::new(needle("carmaking").as_bytes()).into_owned();
        let at = b.find_in(0, &term).unwrap();
        let written = [(Field::Summary, "Liuzhou's car-making began in 1928.".to_owned())];
        let s = b.snippet(0, at, &[&term], &written).unwrap();
        let lit: String = s.text.chars().skip(s.highlight[0].start).take(s.highlight[0].len()).collect();
        assert_eq!(lit, "car-making");
        let term = memmem::Finder::new(needle("car").as_bytes()).into_owned();
        let s = b.snippet(0, b.find_in(0, &term).unwrap(), &[&term], &written).unwrap();
        let lit: String = s.text.chars().skip(s.highlight[0].start).take(s.highlight[0].len()).collect();
        assert_eq!(lit, "car", "not the hyphen after it");
    }

    #[test]
    fn snippets_show_the_text_as_written() {
        // Folding turns Ⅰ into i and （，） into (,): the snippet shows neither.
        let written = "水质达到Ⅰ类（2020年，国考断面）Cafe\u{301} MINI";
        let b = index(&[&[(Field::Id, "w1"), (Field::Summary, written)]]);
        let fields = [(Field::Id, "w1".to_owned()), (Field::Note, String::new()), (Field::Summary, written.to_owned())];
        let lit = |s: &Snippet| -> Vec<String> {
            s.highlight.iter().map(|r| s.text.chars().skip(r.start).take(r.len()).collect()).collect()
        };
        for (term, want) in [("i类", "Ⅰ类"), ("2020年,国考", "2020年，国考"), ("cafe mini", "Cafe\u{301} MINI")]
        {
            let term = memmem::Finder::new(term.as_bytes());
            let at = b.find_in(0, &term).unwrap();
            assert_eq!(b.field_index(0, at), Some(1), "the summary is the second field");
            let s = b.snippet(0, at, &[&term], &fields).unwrap();
            assert!(written.contains(s.text.trim_matches('…')), "{s:?}");
            assert_eq!(lit(&s), [want]);
        }
        let term = memmem::Finder::new("i类".as_bytes());
        let other = [(Field::Id, "w1".to_owned()), (Field::Summary, "another text".to_owned())];
        assert_eq!(b.snippet(0, b.find_in(0, &term).unwrap(), &[&term], &other), None);
    }
}
