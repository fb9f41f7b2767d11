//! One finder over every record, in one query language (see `syntax`): terms in any
//! order, each found in a record's titles fuzzily (Hanzi, full pinyin, initials or a
//! mix, English; `title`, `term`) or literally in the rest of its text (`body`), with
//! fzf's operators and qualifiers (`filter`). Owns `SearchIndex`, `Found` and `Hit`.
//!
//! A query first finds every record it matches, with a cheap score (`engine`); the
//! best few are then scored in full, with the matcher's highlights and a snippet.

mod body;
mod engine;
mod fields;
mod filter;
mod hit;
mod keys;
mod matcher;
mod narrow;
mod normalise;
mod parts;
mod prefilter;
mod query;
mod rank;
mod respell;
mod scan;
mod score;
mod shortlist;
mod store;
mod syntax;
mod term;

use std::fmt;
use std::sync::Arc;

pub use body::{Field, Snippet};
pub use filter::{Expected, QueryError};

use crate::data::{Dataset, Text};
use body::BodyIndex;
use filter::Facets;
use store::TitleIndex;
use syntax::Atom;

/// What a search found: the best hits, best first, and how many records matched in all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub total: usize,
    /// The years the query's `year:` asks for: a hit shows its figure of those years.
    pub years: Option<(i32, i32)>,
}

/// A match: the entry (for `SearchIndex::new`, the record's place in
/// `Dataset::records`), its score (higher is better), the matched char positions in
/// the Chinese and English titles, where the query matched, and for a match in the
/// record's text, an excerpt of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub score: u32,
    pub zh: Vec<usize>,
    pub en: Vec<usize>,
    pub matched: Matched,
    pub snippet: Option<Snippet>,
}

/// Where a hit matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matched {
    /// Every term in the titles.
    Title,
    /// A term in this field of the record's other text.
    Body(Field),
    /// The query had only qualifiers (and exclusions): the record is one they select.
    Qualifiers,
}

impl fmt::Display for Matched {
    /// "title", "body:summary", "qualifiers", as the command line prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Matched::Title => f.write_str("title"),
            Matched::Body(field) => write!(f, "body:{}", field.name()),
            Matched::Qualifiers => f.write_str("qualifiers"),
        }
    }
}

pub struct SearchIndex {
    /// The records indexed: a snippet is cut from a record's own text.
    data: Arc<Dataset>,
    titles: TitleIndex,
    body: BodyIndex,
    /// Text records share, held once (see `fields::shared_fields`): a term found there
    /// finds each record that refers to it (see `Facets::shared`).
    shared: BodyIndex,
    facets: Facets,
    /// The last query and every entry it matched: a query that narrows it (see
    /// `Parsed::narrows`) looks only among those, so typing does not rescan.
    last: Option<narrow::Matches>,
    /// The last query of one group, and every entry it matched: once more terms follow
    /// it, what the group holds in is known without a test (see `narrow`).
    alone: Option<(Vec<Atom>, Vec<u32>)>,
}

/// Every qualifier with each value it takes in `data`, as a query writes it
/// (`tab:ecology`, `src:d003`, `year:2021`): what completing a query offers.
pub fn qualifier_words(data: &Dataset) -> Vec<String> {
    Facets::new(data).words()
}

impl SearchIndex {
    /// An index over every record, its titles and its other text; a hit's `entry` is
    /// the record's place in `Dataset::records` (see `Dataset::record`).
    pub fn new(data: impl Into<Arc<Dataset>>) -> SearchIndex {
        let data = data.into();
        // Twice through the records: once to size the arena, so that it is allocated
        // once; grown by doubling, its old copies would raise the peak by twice its size.
        let mut fields = Vec::new();
        let mut bytes = 0;
        for r in data.records() {
            fields::record_fields(r, &mut fields);
            bytes += fields.iter().map(|(_, s)| s.len() + 1).sum::<usize>();
        }
        let mut body = BodyIndex::with_capacity(bytes, data.records().count());
        for r in data.records() {
            fields::record_fields(r, &mut fields);
            body.push(fields.iter().map(|(f, s)| (*f, s.as_str())));
        }
        let mut shared = BodyIndex::default();
        for texts in fields::shared_fields(&data) {
            shared.push(texts.iter().map(|(f, s)| (*f, s.as_str())));
        }
        SearchIndex {
            titles: TitleIndex::from_titles(data.records().map(|r| r.name())),
            body,
            shared,
            facets: Facets::new(&data),
            data,
            last: None,
            alone: None,
        }
    }

    /// An index over titles alone (the benchmarks and tests build synthetic ones): no
    /// body text, and no qualifier selects anything.
    pub fn from_titles<'t>(titles: impl IntoIterator<Item = &'t Text>) -> SearchIndex {
        SearchIndex {
            data: Arc::new(Dataset::default()),
            titles: TitleIndex::from_titles(titles),
            body: BodyIndex::default(),
            shared: BodyIndex::default(),
            facets: Facets::default(),
            last: None,
            alone: None,
        }
    }

    /// How many records are indexed.
    pub fn len(&self) -> usize {
        self.titles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The best `limit` matches for `query`, best first (ties: the shorter title, then
    /// the earlier record), and how many records matched in all. A query of
    /// qualifiers only lists what they select, in dataset order.
    pub fn search(&mut self, query: &str, limit: usize) -> Result<Found, QueryError> {
        let parsed = syntax::parse(query, &self.facets)?;
        let years = parsed.years();
        let (last, top) = self.matching(parsed, Some(rank::shortlist_len(limit)));
        let hits = self.hits(&last.parsed, &last.entries, &top, limit);
        let total = last.entries.len();
        self.last = Some(last);
        Ok(Found { hits, total, years })
    }

    /// Every record `query` matches, in dataset order (for an export of them).
    pub fn select(&mut self, query: &str) -> Result<Vec<usize>, QueryError> {
        let parsed = syntax::parse(query, &self.facets)?;
        let (last, _) = self.matching(parsed, None);
        let out = last.entries.iter().map(|&e| e as usize).collect();
        self.last = Some(last);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_of(titles: &[Text]) -> SearchIndex {
        SearchIndex::from_titles(titles)
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
            let hits = index.search(query, 5).unwrap().hits;
            assert_eq!(hits.len(), 1, "{query} should find {zh}");
            assert_eq!(hits[0].zh, vec![0, 1], "{query} should light up both of {zh}");
        }
    }

    #[test]
    fn a_heteronym_in_every_position_respells_at_once() {
        // 重庆银行: both 重 (chong) and 行 (hang) take their other reading.
        let mut index = index_of(&[Text::new("重庆银行", "")]);
        let hits = index.search("chongqingyinhang", 5).unwrap().hits;
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].zh, vec![0, 1, 2, 3]);
    }

    #[test]
    fn a_respelling_among_other_chars_lights_up_its_hanzi() {
        // The pinyin key of a title with more than Hanzi keeps runs of its own, which
        // respelling 乐 (le as yue) and 都 (dou as du) must change at those chars.
        let mut index = index_of(&[Text::new("“音乐”A都市", "")]);
        for (query, lit) in [("yinyuedushi", vec![1, 2, 5, 6]), ("yin yue a du shi", vec![1, 2, 4, 5, 6])] {
            index.last = None;
            assert_eq!(index.search(query, 5).unwrap().hits[0].zh, lit, "{query}");
        }
    }

    #[test]
    fn initials_through_another_reading_count_and_scattered_ones_do_not() {
        // "hdy" is the initials of 行动业 when 行 is read hang; in 很美丽…多鱼 (hen mei li
        // … duo yu) its letters stand far apart, over syllables that are not consecutive.
        let mut index = index_of(&[Text::new("行动业", ""), Text::new("很美丽漂亮可爱多鱼", "")]);
        let hits = index.search("hdy", 5).unwrap().hits;
        assert_eq!(hits.iter().map(|h| h.entry).collect::<Vec<_>>(), [0]);
        index.last = None;
        let hits: Vec<usize> = index.search("hangdong", 5).unwrap().hits.iter().map(|h| h.entry).collect();
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
            index.last = None;
            index.search(query, 30).unwrap();
        }
    }

    #[test]
    fn empty_and_blank_queries_find_nothing() {
        let mut index = index_of(&[Text::new("柳州", "Liuzhou")]);
        assert_eq!(index.search("", 5), Ok(Found::default()));
        assert_eq!(index.search("   ", 5), Ok(Found::default()));
    }

    #[test]
    fn decomposed_titles_match_composed_queries() {
        // A data file saved on macOS may hold decomposed (NFD) text.
        let mut index = index_of(&[Text::new("咖啡", "Cafe\u{301} MINI")]);
        for query in ["café", "cafe\u{301}"] {
            index.last = None;
            let hits = index.search(query, 5).unwrap().hits;
            assert_eq!(hits.len(), 1, "{query:?}");
            assert_eq!(hits[0].en, vec![0, 1, 2, 3], "{query:?}: é lights up at its letter");
        }
    }

    #[test]
    fn nfd_and_full_width_queries_are_normalised() {
        let mut index = index_of(&[Text::new("咖啡", "Café MINI")]);
        assert_eq!(index.search("cafe\u{301}", 5).unwrap().total, 1);
        assert_eq!(index.search("ＭＩＮＩ", 5).unwrap().total, 1);
    }

    /// `n` titles joined from the embedded ones, as in the benchmarks: enough entries
    /// for pruning to matter.
    fn joined(n: usize) -> Vec<Text> {
        let data = crate::embedded().unwrap();
        let titles: Vec<Text> = data.records().map(|r| r.name().clone()).collect();
        (0..n)
            .map(|k| {
                let (a, b) = (&titles[k % titles.len()], &titles[(k * 7 + 3) % titles.len()]);
                let zh = format!("{}{}", a.zh(), b.zh().chars().take(3).collect::<String>());
                Text::new(&zh, &format!("{} {}", a.en(), b.en().split_whitespace().last().unwrap_or("")))
            })
            .collect()
    }

    /// Past a few thousand candidates a scan is shared out in parts (see `parts`): it
    /// finds what testing every title finds, and the shortlist is the best of all
    /// matches, scored one by one.
    #[test]
    fn scans_shared_out_in_parts_find_and_rank_as_one_does() {
        let joined = joined(24_000);
        let mut index = SearchIndex::from_titles(&joined);
        let mut buffers = respell::RespellBuffers::default();
        let mut shared_out = 0;
        for query in ["i", "zh", "an", "zl", "liu", "qua", "zhiliang", "质量"] {
            let parsed = syntax::parse(query, &index.facets).unwrap();
            let groups = engine::ready(&parsed);
            let [engine::Ready::Text(t)] = &groups[0][..] else { unreachable!() };
            let q = t.q.as_ref().unwrap();
            let entries: Vec<u32> = index.select(query).unwrap().into_iter().map(|e| e as u32).collect();
            let fitting: Vec<u32> =
                (0..index.len() as u32).filter(|&e| index.titles.term_fits(e as usize, q, t.op)).collect();
            assert_eq!(entries, fitting, "{query}");
            shared_out += usize::from(entries.len() >= parts::SHARE_FROM);
            let mut all: Vec<(u32, u32)> = entries
                .iter()
                .map(|&e| (e, engine::title_term(index.titles.term_score(e as usize, q, t.op, &mut buffers).unwrap())))
                .collect();
            all.sort_by_key(|&(e, score)| std::cmp::Reverse(rank::rank(i64::from(score), e)));
            all.truncate(40);
            assert_eq!(index.best(&groups, &entries, None, 40), all, "{query}");
        }
        assert!(shared_out >= 3, "too few queries match enough to share the shortlist out");
    }

    /// Typing searches only what the last query may have matched, including the
    /// candidates it did not score: every step must rank as a search from scratch.
    #[test]
    fn typing_ranks_as_searching_afresh() {
        let joined = joined(3000);
        let (mut typed, mut fresh) = (SearchIndex::from_titles(&joined), SearchIndex::from_titles(&joined));
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
}
