//! The finder ranks as a reader expects, whichever of the four ways they type.

use liuzhou_tui::data::{Record, Text};
use liuzhou_tui::search::{Field, Matched, QueryError, SearchIndex};
use proptest::prelude::*;

#[rustfmt::skip]
const QUERIES: &[(&str, &str, &str)] = &[
    // (style, query, expected top hit)
    ("hanzi", "新能源汽车产量", "nev-output"),
    ("hanzi", "螺蛳粉全产业链", "luosifen-chain-revenue"),
    ("hanzi", "洋紫荆", "green-bauhinia-trees"),
    ("hanzi", "柳钢", "liugang-steel-output"),
    ("hanzi", "免费午餐", "free-school-lunch"),
    ("hanzi", "手撕钢", "gx-foil-steel-thickness"),
    ("hanzi", "三年攻坚", "ev-three-year-push"),
    ("hanzi", "科创中国", "ev-sci-tech-china-pilot"),
    ("hanzi", "公共自行车", "free-public-bikes"),
    ("hanzi", "质量强市战略的决定", "ev-decision-quality-city"),
    ("hanzi", "《关于实施质量强市战略的决定》", "ev-decision-quality-city"),
    ("pinyin", "xinnengyuanqichechanliang", "nev-output"),
    ("pinyin", "yangzijing", "green-bauhinia-trees"),
    ("pinyin", "shousigang", "gx-foil-steel-thickness"),
    ("pinyin", "gongyuanmianji", "green-park-area"),
    ("pinyin", "zhiliangqiangshi", "ev-decision-quality-city"),
    ("pinyin", "zhi liang qiang shi", "ev-decision-quality-city"),
    ("pinyin", "ZhiLiang QiangShi", "ev-decision-quality-city"),
    ("pinyin", "hangyebiaozhun", "national-industry-standards"),
    ("pinyin", "shizhangzhiliangjiang", "mayor-quality-award-categories"),
    ("pinyin", "zengsu", "nev-growth"),
    ("pinyin", "jiaoyu", "edu-list"),
    ("pinyin", "mianfeiqingdan", "free-list"),
    ("pinyin", "xiangcunjiaoshi", "edu-rural-teacher-pay"),
    ("initials", "zlqs", "ev-decision-quality-city"),
    ("initials", "xnyqccl", "nev-output"),
    ("initials", "yzj", "green-bauhinia-trees"),
    ("initials", "ssghd", "gx-foil-steel-thickness"),
    ("initials", "mfqd", "free-list"),
    ("initials", "kczg", "ev-sci-tech-china-pilot"),
    ("initials", "sngj", "ev-three-year-push"),
    ("initials", "ggzxc", "free-public-bikes"),
    ("initials", "lsfqcyl", "luosifen-chain-revenue"),
    ("initials", "LGBB", "liugang-steel-output"),
    ("mixed", "zlqiangs", "ev-decision-quality-city"),
    ("mixed", "xinnyqcchanl", "nev-output"),
    ("mixed", "yangzj", "green-bauhinia-trees"),
    ("mixed", "lsfquanchanye", "luosifen-chain-revenue"),
    ("mixed", "luosfqcy", "luosifen-chain-revenue"),
    ("english", "quality-city strategy", "ev-decision-quality-city"),
    ("english", "bauhinia", "green-bauhinia-trees"),
    ("english", "new-energy vehicle output", "nev-output"),
    ("english", "steel", "liugang-steel-output"),
    ("english", "mayor's award created", "ev-mayor-quality-award"),
    ("english", "rural teachers", "edu-rural-teacher-pay"),
    ("english", "museums", "free-museums"),
    ("english", "water recycling", "pollution-water-recycling-rate"),
    ("english", "SEWAGE", "pollution-park-sewage-treatment"),
    // Words in any order.
    ("any order", "vehicle new energy", "nev-output"),
    ("any order", "revenue luosifen", "luosifen-chain-revenue"),
    ("any order", "museums free", "free-museums"),
    ("any order", "classes new", "edu-new-classes"),
    ("any order", "quality guideline", "ev-quality-guideline"),
    ("any order", "strategy quality-city", "ev-decision-quality-city"),
    ("any order", "output vehicle new-energy", "nev-output"),
    ("any order", "强市 质量 决定", "ev-decision-quality-city"),
    // Tone marks and accents, ü as v.
    ("tones", "luósīfěn quánchǎnyèliàn", "luosifen-chain-revenue"),
    ("tones", "zhìliàng qiángshì zhànlüè", "ev-decision-quality-city"),
    ("tones", "yángzǐjīng", "green-bauhinia-trees"),
    ("tones", "lǜdì miànjī", "green-park-space-per-person"),
    ("tones", "lüdi", "green-park-space-per-person"),
    ("tones", "lvdi", "green-park-space-per-person"),
    ("tones", "ＮＥＷ-ＥＮＥＲＧＹ", "nev-output"),
    // An acronym of English words.
    ("acronym", "NEV", "nev-output"),
    ("acronym", "nevo", "nev-output"),
    // Words of the body, in both scripts.
    ("body", "excavator", "ev-liugong-sales-2020|ev-expedition-machines|ev-electric-loaders"),
    ("body", "挖掘机", "ev-liugong-sales-2020|ev-expedition-machines|ev-electric-loaders"),
    ("body", "prefecture", "water-surface-rank|ev-quality-city-pilot"),
    ("body", "48.2万", "nev-output"),
    ("body", "667,000", "nev-output"),
    // A hyphen inside a word and a comma inside a number, typed or not.
    ("body", "667000", "nev-output"),
    ("body", "carmaking", "major-auto-city"),
    ("body", "d002", "d002"),
    ("body", "SAIC-GM-Wuling", "sgmw-annual-sales|sgmw-cumulative-output|sgmw-microcar-share"),
    ("body", "上汽通用五菱", "ev-sgmw-million-nev"),
    ("body", "西部唯一 地级市", "ev-quality-city-pilot"),
    ("body", "water quality", "water-surface-rank"),
    ("body", "excavator loader sales", "ev-liugong-sales-2020"),
    ("body", "prefecture-level western", "ev-quality-city-pilot"),
    // Operators.
    ("exact", "'bauhinia", "green-bauhinia-trees"),
    ("exact", "'洋紫荆", "green-bauhinia-trees"),
    ("prefix", "^new-energy", "nev-output"),
    ("prefix", "^xinnengyuan", "nev-output"),
    ("suffix", "output$", "nev-output|vehicle-output"),
    ("suffix", "产量$", "nev-output|vehicle-output"),
    ("not", "steel !liugang !beigang", "pillar-industries|d002|gx-foil-steel-thickness"),
    ("or", "bauhinia | museums", "green-bauhinia-trees"),
    ("or", "museums | bauhinia", "green-bauhinia-trees"),
    ("or", "博物馆 | 洋紫荆", "free-museums|green-bauhinia-trees"),
    // Qualifiers, alone (dataset order) and with terms.
    ("qualifier", "year:2020 water", "water-assessed-class"),
    ("qualifier", "tab:ecology water", "water-assessed-class"),
    ("qualifier", "tab:生态", "water-surface-rank"),
    ("qualifier", "tab:livelihood museums", "free-museums"),
    ("qualifier", "tab:民生 博物馆", "free-museums"),
    ("qualifier", "src:d003", "nev-output"),
    ("qualifier", "src:003 新能源", "nev-output"),
    ("qualifier", "scope:guangxi", "gx-quality-key-areas"),
    ("qualifier", "scope:company mini", "mini-ev-price|mini-ev-monthly-sales|mini-ev-half-year-sales|mini-ev-sales-rank"),
    ("qualifier", "is:computed", "nev-output"),
    ("qualifier", "is:disputed", "inspection-investment"),
    ("qualifier", "is:disputed tab:timeline", "ev-decision-quality-city"),
    ("qualifier", "year:2019..2021 nev", "nev-output"),
    ("qualifier", "!tab:industry bauhinia", "green-bauhinia-trees"),
];

#[test]
fn queries_in_every_style_find_the_expected_record_first() {
    let data = liuzhou_tui::embedded().unwrap();
    let mut index = SearchIndex::new(data.clone());
    let mut wrong = Vec::new();
    for (style, query, expected) in QUERIES {
        let hits = index.search(query, 5).unwrap().hits;
        let top: Vec<&str> = hits.iter().map(|h| data.record(h.entry).unwrap().id()).collect();
        // "a|b": either may come first (they tie, or both are right).
        if !top.first().is_some_and(|t| expected.split('|').any(|e| e == *t)) {
            wrong.push(format!("{style} {query:?}: expected {expected}, got {top:?}"));
        }
    }
    assert!(QUERIES.len() >= 80);
    assert!(wrong.is_empty(), "{} of {} queries ranked wrong:\n{}", wrong.len(), QUERIES.len(), wrong.join("\n"));
}

/// What the issue found as junk, and what each qualifier or operator must not find.
#[test]
fn junk_and_nonsense_find_nothing() {
    let data = liuzhou_tui::embedded().unwrap();
    let mut index = SearchIndex::new(data.clone());
    for query in ["zzzq", "xqz", "gdp", "qqqqxxxx", "bauhinia !bauhinia", "year:1900", "steel tab:ecology museums"] {
        let found = index.search(query, 30).unwrap();
        let ids: Vec<&str> = found.hits.iter().map(|h| data.record(h.entry).unwrap().id()).collect();
        assert_eq!(found.total, 0, "{query:?} found {ids:?}");
    }
}

/// A query of qualifiers lists every record they select, in dataset order, unscored,
/// and `select` gives the same records.
#[test]
fn qualifiers_alone_list_every_record_in_order() {
    let data = liuzhou_tui::embedded().unwrap();
    let mut index = SearchIndex::new(data.clone());
    let found = index.search("tab:ecology", 1000).unwrap();
    let want: Vec<usize> = data.records().enumerate().filter(|(_, r)| r.tab() == "ecology").map(|(i, _)| i).collect();
    assert_eq!(found.hits.iter().map(|h| h.entry).collect::<Vec<_>>(), want);
    assert_eq!(found.total, want.len());
    assert!(found.hits.iter().all(|h| h.score == 0 && h.matched == Matched::Qualifiers));
    assert_eq!(index.select("tab:生态").unwrap(), want);
    // A year: figures, dates and "since" alike.
    for (i, r) in data.records().enumerate() {
        let has = index.select("year:2021").unwrap().contains(&i);
        let in_2021 = r.points().iter().any(|p| p.year == Some(2021))
            || matches!(r, Record::Event(e) if e.dates.iter().any(|d| d.date.year <= 2021 && d.until.map_or(d.date.year, |u| u.year) >= 2021))
            || matches!(r, Record::Item(_, it) if it.since == Some(2021))
            || matches!(r, Record::Source(s) if s.date.year == 2021);
        assert_eq!(has, in_2021, "{}", r.id());
    }
    // Disputed: a disagreement between figures, or between dates.
    let disputed = index.select("is:disputed").unwrap();
    for (i, r) in data.records().enumerate() {
        let want = match r {
            Record::Indicator(ind, _) => ind.disagreement.is_some(),
            Record::Event(e) => !e.disputed_dates().is_empty(),
            _ => false,
        };
        assert_eq!(disputed.contains(&i), want, "{}", r.id());
    }
    assert!(disputed.iter().any(|&i| matches!(data.record(i), Some(Record::Event(_)))), "timeline dates too");
    // Citing a source, by id or by the start of its file name.
    let citing: Vec<usize> = data.citing("d003").iter().map(|c| c.ordinal).collect();
    assert_eq!(index.select("src:d003").unwrap(), citing);
    assert_eq!(index.select("src:003_").unwrap(), citing);
}

#[test]
fn a_bad_qualifier_names_itself_and_the_valid_ones() {
    let data = liuzhou_tui::embedded().unwrap();
    let mut index = SearchIndex::new(data.clone());
    let mut message = |q: &str| index.search(q, 5).unwrap_err().to_string();
    let m = message("colour:red steel");
    assert!(m.contains("colour:") && m.contains("year:") && m.contains("is:"), "{m}");
    for (q, valid) in [
        ("year:21st", "2019..2021"),
        ("tab:trends", "产业"),
        ("src:d999", "d003"),
        ("scope:town", "guangxi"),
        ("is:new", "disputed"),
    ] {
        let m = message(q);
        assert!(m.contains(q) && m.contains(valid), "{q}: {m}");
    }
    assert!(matches!(index.search("year:2021..2019", 5), Err(QueryError::BadValue { .. })));
}

/// Title matches beat body matches; a body match says where, with a snippet of the
/// record's text as written whose highlight is the term, in either script.
#[test]
fn body_matches_rank_after_titles_and_show_a_snippet() {
    let data = liuzhou_tui::embedded().unwrap();
    let mut index = SearchIndex::new(data.clone());
    let found = index.search("steel", 30).unwrap();
    let first_body = found.hits.iter().position(|h| h.matched != Matched::Title).unwrap();
    assert!(found.hits[..first_body].iter().all(|h| h.matched == Matched::Title && !h.en.is_empty()));
    assert!(found.hits[first_body..].iter().all(|h| matches!(h.matched, Matched::Body(_)) && h.snippet.is_some()));
    assert!(found.total >= found.hits.len());
    for (query, field) in
        [("prefecture-level", Field::Summary), ("西部唯一", Field::Summary), ("667,000", Field::Figure)]
    {
        let hit = index.search(query, 30).unwrap().hits.into_iter().find(|h| h.snippet.is_some()).unwrap();
        let s = hit.snippet.unwrap();
        assert_eq!(s.field, field, "{query}");
        let lit: String = s.text.chars().skip(s.highlight[0].start).take(s.highlight[0].len()).collect();
        assert_eq!(lit.to_lowercase(), query, "{s:?}");
    }
    // Matching folds （销售） to (销售) and Ⅱ to ii; the snippet shows what the record says.
    for (query, written) in [("(销售)", "（销售）"), ("ii类", "Ⅱ类")] {
        let hit = index.search(query, 30).unwrap().hits.into_iter().find(|h| h.snippet.is_some()).unwrap();
        let s = hit.snippet.unwrap();
        let lit: String = s.text.chars().skip(s.highlight[0].start).take(s.highlight[0].len()).collect();
        assert_eq!(lit, written, "{s:?}");
    }
}

/// Typing looks only among what the last query matched, and adds what the body holds
/// once a term is long enough to be sought there: each step must find what a search
/// from scratch finds, total included.
#[test]
fn typing_over_whole_records_finds_what_searching_afresh_finds() {
    let data = liuzhou_tui::embedded().unwrap();
    let mut typed = SearchIndex::new(data.clone());
    let queries = ["excavator", "year:2021 prefecture", "挖掘机 柳工", "quality guideline", "steel !liugang", "d00"];
    // Terms that grow into the body after others, in another group, or as a prefix.
    // And a term typed alone before, then after another.
    let more = ["revenue luosifen", "^qual cit", "tab:ecology wat", "liuzhou | steel out", "steel", "liuzhou steel"];
    // Terms that grow on in the body, sought from where their shorter forms stood: in
    // Hanzi, in words whose beginnings stand earlier elsewhere, and in the names of
    // sources records cite.
    let grown = ["质量强市", "螺蛳粉产业", "statistical", "production output", "bureau of statistics", "steelworks"];
    for query in queries.into_iter().chain(more).chain(grown) {
        for (i, c) in query.char_indices() {
            let prefix = &query[..i + c.len_utf8()];
            let fresh = SearchIndex::new(data.clone()).search(prefix, 10);
            assert_eq!(typed.search(prefix, 10), fresh, "typing {prefix:?}");
        }
    }
}

/// A suffix grown before its `$` ends keys the shorter one did not: what it finds is
/// not among the shorter one's matches.
#[test]
fn a_grown_suffix_finds_what_searching_afresh_finds() {
    let data = liuzhou_tui::embedded().unwrap();
    let mut typed = SearchIndex::new(data.clone());
    for query in ["ou$", "out$", "outpu$", "output$"] {
        let fresh = SearchIndex::new(data.clone()).search(query, 10).unwrap();
        assert_eq!(typed.search(query, 10).unwrap(), fresh, "typing {query:?}");
    }
    assert!(typed.search("output$", 10).unwrap().total > 0, "some title ends in output");
}

#[test]
fn the_quality_city_decision_and_its_relatives_are_found_every_way() {
    let data = liuzhou_tui::embedded().unwrap();
    let mut index = SearchIndex::new(data.clone());
    for query in ["质量强市", "zhiliangqiangshi", "zhi liang qiang shi", "zlqs", "quality city"] {
        let ids: Vec<&str> =
            index.search(query, 6).unwrap().hits.iter().map(|h| data.record(h.entry).unwrap().id()).collect();
        for relative in ["ev-decision-quality-city", "ev-quality-city-named"] {
            assert!(ids.contains(&relative), "{query:?} should find {relative}: {ids:?}");
        }
    }
}

#[test]
fn pinyin_matches_light_up_the_hanzi() {
    let data = liuzhou_tui::embedded().unwrap();
    let mut index = SearchIndex::new(data.clone());
    let hit = &index.search("yzj", 1).unwrap().hits[0];
    assert_eq!(data.record(hit.entry).unwrap().name().zh(), "洋紫荆种植数量");
    assert_eq!(hit.zh, vec![0, 1, 2]);
    let hit = &index.search("bauhinia", 1).unwrap().hits[0];
    assert_eq!(hit.en, (0..8).collect::<Vec<_>>());
}

#[test]
fn ties_keep_a_stable_order() {
    let mut index = SearchIndex::new(liuzhou_tui::embedded().unwrap());
    let first = index.search("lsf", 50).unwrap().hits;
    for _ in 0..5 {
        assert_eq!(index.search("lsf", 50).unwrap().hits, first);
    }
    // Ranked by score, then shorter names, then dataset order.
    for pair in first.windows(2) {
        assert!(pair[0].score >= pair[1].score);
    }
}

fn any_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z0-9 .,'-]{1,10}",
        "[柳州螺蛳粉质量强市重庆银行行长欸，。《》“”]{1,6}",
        Just("e\u{301}".to_owned()),
        Just("ＭＩＮＩ".to_owned()),
        Just("ﬁ".to_owned()),
        Just("\t\n".to_owned()),
        Just("👩‍👩‍👧".to_owned()),
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

/// Whether some title's syllables, read in a row (any reading of each Hanzi), or its
/// English words begin with the letters of `query` in turn: a run of initials the
/// finder rightly finds, however random it looks.
fn initials_somewhere(query: &str) -> bool {
    use pinyin::ToPinyinMulti;
    thread_local! {
        static TITLES: Vec<Vec<Vec<char>>> = liuzhou_tui::embedded().unwrap().records().flat_map(|r| {
            let name = r.name();
            let zh: Vec<Vec<char>> = name.zh().to_pinyin_multi()
                .map(|m| m.map_or_else(Vec::new, |m| m.into_iter().filter_map(|p| p.plain().chars().next()).collect()))
                .collect();
            let en: Vec<Vec<char>> = name.en().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
                .map(|w| w.chars().next().map(|c| c.to_ascii_lowercase()).into_iter().collect()).collect();
            [zh, en]
        }).collect();
    }
    let q: Vec<char> = query.to_lowercase().chars().collect();
    TITLES
        .with(|titles| titles.iter().any(|t| t.windows(q.len()).any(|w| w.iter().zip(&q).all(|(c, l)| c.contains(l)))))
}

/// Random-looking consonants can be the initials of syllables in a row: 西入选中国
/// (x r x z g) in 广西入选中国品牌价值500强品牌.
#[test]
fn a_run_of_initials_is_found_however_random_it_looks() {
    assert!(initials_somewhere("xrXZG"));
    assert!(initials_somewhere("zZCDG"), "再制造等高, with 造 read cao");
    assert!(!initials_somewhere("zzzq"));
    let mut index = SearchIndex::new(liuzhou_tui::embedded().unwrap());
    let found = index.search("xrXZG", 5).unwrap();
    let data = liuzhou_tui::embedded().unwrap();
    assert_eq!(found.hits.iter().map(|h| data.record(h.entry).unwrap().id()).collect::<Vec<_>>(), ["gx-top500-brands"]);
}

proptest! {
    /// Consonants in a row that no word, syllable run or acronym of the data holds
    /// find nothing, in any case.
    #[test]
    fn nonsense_consonants_find_nothing(query in "[bcdfgjkmnpqrstvwxzBCDFGJKMNPQRSTVWXZ]{5,10}") {
        prop_assume!(!initials_somewhere(&query), "{} is a run of a title's initials", query);
        thread_local! {
            static INDEX: std::cell::RefCell<SearchIndex> =
                std::cell::RefCell::new(SearchIndex::new(liuzhou_tui::embedded().unwrap()));
        }
        let total = INDEX.with(|i| i.borrow_mut().search(&query, 30).unwrap().total);
        prop_assert_eq!(total, 0, "{}", query);
    }

    /// Any titles, any query: no panic, and every highlight falls on a char of its title.
    #[test]
    fn highlights_fall_inside_their_titles(
        titles in prop::collection::vec((any_text(), any_text()), 1..12),
        query in any_text(),
    ) {
        let titles: Vec<Text> = titles.iter().map(|(zh, en)| Text::new(zh, en)).collect();
        let mut index = SearchIndex::from_titles(&titles);
        for hit in index.search(&query, 30).unwrap_or_default().hits {
            let title = &titles[hit.entry];
            prop_assert!(hit.zh.iter().all(|&i| i < title.zh().chars().count()), "{hit:?} in {title:?}");
            prop_assert!(hit.en.iter().all(|&i| i < title.en().chars().count()), "{hit:?} in {title:?}");
        }
    }

    /// Typing goes on from the last query's candidates and their greedy matches: each
    /// step must find what a search from scratch finds, in the same order. More titles
    /// than a search keeps for scoring (24 for a limit of 5), so some are pruned and
    /// carry their matches on unfinished.
    #[test]
    fn typing_finds_what_searching_afresh_finds(
        titles in prop::collection::vec((any_text(), any_text()), 30..80),
        query in prop_oneof![any_text(), "[a-z ]{1,12}", "[zhiangcoqyxbu]{1,14}"],
    ) {
        let titles: Vec<Text> = titles.iter().map(|(zh, en)| Text::new(zh, en)).collect();
        let mut typed = SearchIndex::from_titles(&titles);
        for (i, c) in query.char_indices() {
            let prefix = &query[..i + c.len_utf8()];
            let fresh = SearchIndex::from_titles(&titles).search(prefix, 5);
            prop_assert_eq!(typed.search(prefix, 5), fresh, "typing {:?}", prefix);
        }
    }
}
