//! The finder ranks as a reader expects, whichever of the four ways they type.

use liuzhou_tui::data::Text;
use liuzhou_tui::search::SearchIndex;
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
];

#[test]
fn queries_in_every_style_find_the_expected_record_first() {
    let data = liuzhou_tui::embedded().unwrap();
    let mut index = SearchIndex::new(&data);
    let mut wrong = Vec::new();
    for (style, query, expected) in QUERIES {
        let hits = index.search(query, 5).unwrap().hits;
        let top: Vec<&str> = hits.iter().map(|h| data.record(h.entry).unwrap().id()).collect();
        if top.first() != Some(expected) {
            wrong.push(format!("{style} {query:?}: expected {expected}, got {top:?}"));
        }
    }
    assert!(QUERIES.len() >= 40);
    assert!(wrong.is_empty(), "{} of {} queries ranked wrong:\n{}", wrong.len(), QUERIES.len(), wrong.join("\n"));
}

#[test]
fn the_quality_city_decision_and_its_relatives_are_found_every_way() {
    let data = liuzhou_tui::embedded().unwrap();
    let mut index = SearchIndex::new(&data);
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
    let mut index = SearchIndex::new(&data);
    let hit = &index.search("yzj", 1).unwrap().hits[0];
    assert_eq!(data.record(hit.entry).unwrap().name().zh(), "洋紫荆种植数量");
    assert_eq!(hit.zh, vec![0, 1, 2]);
    let hit = &index.search("bauhinia", 1).unwrap().hits[0];
    assert_eq!(hit.en, (0..8).collect::<Vec<_>>());
}

#[test]
fn ties_keep_a_stable_order() {
    let mut index = SearchIndex::new(&liuzhou_tui::embedded().unwrap());
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

proptest! {
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
