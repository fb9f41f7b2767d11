//! Figures checked by hand against the five documents: each row was read off the cited
//! line. A wrong value, unit, year, qualifier, source or line in `assets/` fails here.

use Qualifier::*;
use liuzhou_tui::data::{Dataset, DateRelation, Kind, Lang, Point, Qualifier, Record};

/// (record id, year, value, unit, qualifier, source, line)
type Row = (&'static str, Option<i32>, f64, &'static str, Qualifier, &'static str, u32);

#[rustfmt::skip]
const FIGURES: &[Row] = &[
    // d000: the 2022 quality feature
    ("nev-output", Some(2021), 48.2, "万辆", Exact, "d000", 29),
    ("nev-growth", Some(2021), 157.6, "%", Exact, "d000", 29),
    ("new-firms-above-size", Some(2021), 202.0, "家", Exact, "d000", 29,),
    ("yiyuan-firms", Some(2021), 400.0, "家", Over, "d000", 29),
    ("luosifen-parcels", Some(2021), 1.0, "亿件", Over, "d000", 31,),
    ("mini-ev-months-leading", None, 23.0, "个月", Exact, "d000", 31,),
    ("sgmw-nev-sales", Some(2022), 100.0, "万辆", Over, "d000", 31,),
    ("air-good-day-rate", None, 96.7, "%", Exact, "d000", 33),
    ("inspection-investment", None, 10.0, "亿元", Over, "d000", 51,),
    ("platform-problems-solved", None, 400.0, "个", Nearly, "d000", 51,),
    ("platform-savings", None, 2000.0, "万元", Over, "d000", 51),
    ("major-auto-city", None, 5.0, "个", Exact, "d000", 17),
    ("one-stop-platform-model-case", None, 1.0, "个", Exact, "d000", 51),
    // d001: the 2018 feature
    ("sgmw-annual-sales", None, 200.0, "万辆", Over, "d001", 19),
    ("luosifen-bags-shipped", None, 2000.0, "万袋", Over, "d001", 19,),
    ("national-industry-standards", None, 129.0, "项", Exact, "d001", 26,),
    ("upgrading-investment", None, 4067.0, "亿元", Exact, "d001", 73,),
    ("cod-reduction-projects", None, 264.0, "个", Exact, "d001", 77,),
    ("ammonia-reduction-projects", None, 255.0, "个", Exact, "d001", 78,),
    ("so2-reduction-projects", None, 34.0, "个", Exact, "d001", 78,),
    ("nox-reduction-projects", None, 40.0, "个", Exact, "d001", 79,),
    ("guangxi-brand-products", None, 267.0, "个", Exact, "d001", 116,),
    ("brand-output-share", None, 28.97, "%", Exact, "d001", 119),
    ("supervision-pass-rate", None, 93.0, "%", Exact, "d001", 123),
    ("producer-services-satisfaction", None, 88.11, "分", Exact, "d001", 124,),
    ("consumer-services-satisfaction", None, 77.41, "分", Exact, "d001", 125,),
    ("mfg-quality-index", Some(2007), 79.93, "分", Exact, "d001", 127,),
    ("mfg-quality-index", Some(2015), 84.22, "分", Exact, "d001", 127,),
    // d002: the 2021 feature
    ("sgmw-cumulative-output", None, 2300.0, "万辆", Over, "d002", 23,),
    ("vehicle-output", Some(2020), 187.3, "万辆", Exact, "d002", 25,),
    ("liugang-steel-output", Some(2020), 1700.0, "万吨", Over, "d002", 25,),
    ("firms-above-size", Some(2020), 1000.0, "家", Over, "d002", 25,),
    ("nev-output", Some(2020), 18.7, "万辆", Exact, "d002", 27),
    ("nev-growth", Some(2020), 198.2, "%", Exact, "d002", 27),
    ("mini-ev-half-year-sales", None, 15.0, "万辆", Over, "d002", 27,),
    ("luosifen-sales-revenue", Some(2020), 109.94, "亿元", Exact, "d002", 29,),
    ("luosifen-related-revenue", Some(2020), 130.0, "亿元", Over, "d002", 29,),
    ("output-2023-target", Some(2023), 8000.0, "亿元", Target, "d002", 31,),
    ("new-firms-above-size", None, 200.0, "家", TargetAtLeast, "d002", 31,),
    ("water-class-i-share", Some(2019), 20.0, "%", Exact, "d002", 41,),
    ("water-class-i-share", Some(2020), 41.6, "%", Exact, "d002", 41,),
    ("green-park-space-per-person", Some(2020), 13.88, "平方米/人", Exact, "d002", 13,),
    ("green-park-area", Some(2020), 2000.0, "公顷", Over, "d002", 13,),
    ("edu-school-building", None, 42.0, "亿元", Over, "d002", 49),
    ("edu-school-groups", None, 24.54, "万人", Exact, "d002", 49),
    ("sport-area-per-person", None, 2.1, "平方米/人", Exact, "d002", 52,),
    ("edu-new-classes", None, 2208.0, "个", Exact, "d002", 49),
    ("edu-new-places", None, 10.0, "万个", Over, "d002", 49),
    // d003: the 2023 reply
    ("nev-output", Some(2022), 66.7, "万辆", Exact, "d003", 13),
    ("luosifen-chain-revenue", Some(2022), 600.0, "亿元", Over, "d003", 13,),
    ("innovation-centres", None, 138.0, "个", Exact, "d003", 19),
    ("tech-transfers", Some(2021), 241.0, "项", Exact, "d003", 19),
    ("challenge-contracts", Some(2022), 1.5, "亿元", Exact, "d003", 19,),
    ("inspection-investment", None, 15.0, "亿元", Nearly, "d003", 23,),
    ("luosifen-test-parameters", None, 2374.0, "个", Exact, "d003", 23,),
    ("platform-services", None, 4.0, "万次", Over, "d003", 25),
    ("one-stop-platform-model-case", None, 1.0, "个", Exact, "d003", 25),
    // 第七届 and 第二家 are ordinals: a place, not a count
    ("innovation-challenge-edition", Some(2022), 7.0, "位", Exact, "d003", 19),
    ("pilot-bases", None, 2.0, "位", Exact, "d003", 19),
    // d004: the 2022 Guangxi-wide article
    ("gx-drug-pass-rate", None, 99.6, "%", Exact, "d004", 23),
    ("gx-platform-problems", None, 2570.0, "个", Exact, "d004", 41,),
    ("gx-quality-award-edition", None, 4.0, "位", Exact, "d004", 45),
];

fn points<'a>(data: &'a Dataset, id: &str) -> &'a [Point] {
    data.find(id).unwrap_or_else(|| panic!("no record {id}")).points()
}

#[test]
fn hand_checked_figures_are_in_the_dataset_exactly() {
    assert!(FIGURES.len() >= 40);
    let data = liuzhou_tui::embedded().unwrap();
    for &(id, year, value, unit, qualifier, source, line) in FIGURES {
        let found = points(&data, id).iter().any(|p| {
            p.year == year
                && p.value == value
                && p.unit == unit
                && p.qualifier == qualifier
                && &*p.source == source
                && p.line == line
                && p.kind == Kind::Reported
        });
        assert!(found, "{id}: no reported point {value} {unit} ({qualifier:?}, {year:?}) at {source}:{line}");
    }
}

#[test]
fn disagreements_keep_every_version_with_its_source() {
    let data = liuzhou_tui::embedded().unwrap();
    // (indicator, [(value, source, line)]) for figures the documents disagree on.
    type Version = (f64, &'static str, u32);
    let cases: &[(&str, &[Version])] = &[
        ("inspection-investment", &[(10.0, "d000", 51), (15.0, "d003", 23)]),
        ("platform-trainees", &[(1000.0, "d000", 51), (7000.0, "d003", 25)]),
        ("platform-problems-solved", &[(400.0, "d000", 51), (200.0, "d004", 39)]),
        ("one-stop-platform-model-case", &[(1.0, "d000", 51), (1.0, "d003", 25)]),
    ];
    for (id, versions) in cases {
        let Some(liuzhou_tui::data::Record::Indicator(ind, _)) = data.find(id) else { panic!("{id}") };
        assert!(ind.disagreement.is_some(), "{id} should record the disagreement");
        for &(value, source, line) in *versions {
            assert!(
                ind.points.iter().any(|p| p.value == value && &*p.source == source && p.line == line),
                "{id}: missing {value} from {source}:{line}"
            );
        }
    }

    // The national model-case honour: d000 gives it to the general quality-infrastructure
    // platform, d003 to the luosifen one; each point says which.
    let honour = points(&data, "one-stop-platform-model-case");
    let note = |source: &str| honour.iter().find(|p| &*p.source == source).and_then(|p| p.note.as_deref()).unwrap();
    assert!(note("d000").zh().contains("质量基础设施") && !note("d000").zh().contains("螺蛳粉"));
    assert!(note("d003").zh().contains("螺蛳粉"));

    let Some(liuzhou_tui::data::Record::Event(decision)) = data.find("ev-decision-quality-city") else { panic!() };
    let years: Vec<i32> = decision.disputed_dates().iter().map(|d| d.year).collect();
    assert_eq!(years, [2011, 2012]);
    let sources: Vec<&str> = decision.dates.iter().map(|d| &*d.source).collect();
    assert!(sources.contains(&"d003") && sources.contains(&"d000"), "{sources:?}");
}

#[test]
fn computed_figures_are_marked_and_explained() {
    let data = liuzhou_tui::embedded().unwrap();
    let growth = points(&data, "nev-growth");
    let computed: Vec<&Point> = growth.iter().filter(|p| p.kind == Kind::Computed).collect();
    assert!(!computed.is_empty());
    assert!(computed.iter().all(|p| p.note.is_some()));
    // 48.2 / 18.7 − 1 = 157.75…%: the check beside the reported 157.6%.
    let y2021 = computed.iter().find(|p| p.year == Some(2021)).unwrap();
    assert!((y2021.value - (48.2 / 18.7 - 1.0) * 100.0).abs() < 0.1);
}

#[test]
fn no_personal_contact_details() {
    let json = serde_json::to_string(&liuzhou_tui::embedded().unwrap()).unwrap();
    for needle in ["13557725771", "联系电话", "王晶"] {
        assert!(!json.contains(needle), "{needle} must not be in the data");
    }
}

/// The whole record as JSON, to look for wording in any of its texts.
fn text(data: &Dataset, id: &str) -> String {
    match data.find(id).unwrap_or_else(|| panic!("no record {id}")) {
        Record::Indicator(i, _) => serde_json::to_string(i),
        Record::Event(e) => serde_json::to_string(e),
        Record::Item(_, i) => serde_json::to_string(i),
        Record::List(l) => serde_json::to_string(l),
        Record::Source(s) => serde_json::to_string(s),
    }
    .unwrap()
}

fn event<'a>(data: &'a Dataset, id: &str) -> &'a liuzhou_tui::data::Event {
    let Some(Record::Event(e)) = data.find(id) else { panic!("no event {id}") };
    e
}

#[test]
fn wording_says_what_the_sources_say_and_no_more() {
    let data = liuzhou_tui::embedded().unwrap();
    // (record, wording that must not be there): claims the sources do not make, and
    // English that misread the Chinese.
    let absent = [
        ("inspection-investment", "相差约5亿元"),
        ("platform-trainees", "about a year"),
        ("platform-trainees", "晚约一年"),
        ("ev-charcoal-car", "carmaking history"),
        ("ev-charcoal-car", "汽车制造史"),
        ("ev-sci-tech-china-pilot", "recognition"),
        ("ev-sci-tech-china-pilot", "得到认可"),
        ("ev-talent-policies", "outside the city"),
        ("luosifen-chain-revenue", "farming"),
        ("luosifen-chain-revenue", "种养"),
        ("edu-school-building", "nearly"),
        ("edu-new-classes", "nearly"),
        // 20% to 41.6% is not a doubling the source states; 装扮成 is "dressed up as", not a name earned
        ("water-class-i-share", "doubled"),
        ("green-bauhinia-trees", "earned"),
    ];
    for (id, words) in absent {
        assert!(!text(&data, id).contains(words), "{id} still says {words:?}");
    }
    let present = [
        ("ev-quality-city-pilot", "approved to bid"),
        ("works-acceptance-rate", "medium-sized"),
        ("ev-extrusion-panel-machine", "first-of-its-kind"),
        ("ev-extrusion-panel-machine", "inference"),
        ("free-parking-under-an-hour", "within an hour"),
        ("innovation-challenge-edition", "7th edition"),
        ("gx-quality-award-edition", "4th edition"),
    ];
    for (id, words) in present {
        assert!(text(&data, id).contains(words), "{id} should say {words:?}");
    }
    // "in the last five years" (近5年), as edu-new-places has it
    for id in ["edu-school-building", "edu-new-classes", "edu-new-places"] {
        assert!(text(&data, id).contains("the last five years"), "{id}");
    }
}

#[test]
fn english_figures_say_what_is_counted_in_english_numbers() {
    let data = liuzhou_tui::embedded().unwrap();
    let en = |id: &str| points(&data, id)[0].display(Lang::En);
    assert_eq!(en("innovation-challenge-edition"), "No. 7");
    assert_eq!(en("pilot-bases"), "No. 2");
    // The Chinese keeps the source's own words.
    assert_eq!(points(&data, "innovation-challenge-edition")[0].display(Lang::Zh), "第七届");
    let english = serde_json::to_value(&data).unwrap();
    let mut texts = Vec::new();
    english_texts(&english, &mut texts);
    assert!(texts.len() > 500, "{}", texts.len());
    for en in texts {
        assert!(!en.contains('万') && !en.contains('亿'), "English text with Chinese magnitudes: {en}");
    }
}

/// Every `en` of every (zh, en) text in the dataset: names, summaries, notes, periods.
fn english_texts<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match v {
        serde_json::Value::Object(o) => {
            if let (Some(_), Some(serde_json::Value::String(en))) = (o.get("zh"), o.get("en")) {
                out.push(en);
            }
            o.values().for_each(|x| english_texts(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| english_texts(x, out)),
        _ => {}
    }
}

/// Counts in a unit that names no thing (个, 项, 万个, 种) say what they count in
/// English; the Chinese keeps the source's unit. Each row read off its cited line.
#[test]
fn no_english_figure_counts_mere_items() {
    let data = liuzhou_tui::embedded().unwrap();
    #[rustfmt::skip]
    let cases = [
        // (record, source, Chinese, English): the line's words
        ("edu-new-classes", "d002", "2208个", "2,208 classes"),                    // 新增班级数2208个
        ("edu-new-places", "d002", "超过10万个", "over 100,000 school places"),    // 增加学位数超过10万个
        ("major-auto-city", "d000", "五大汽车城", "5 big car cities"),              // 五大汽车城市之一
        ("pollution-key-industries-rectified", "d002", "十大", "10 key industries"), // 十大重点行业
        ("pollution-park-sewage-treatment", "d002", "11个", "11 industrial parks"), // 11个自治区级以上工业园区
        ("water-river-lake-dimensions", "d000", "5个", "5 dimensions"),            // 5个维度
        ("international-standards", "d001", "1项", "1 international standard"),   // 国际标准1项
        ("luosifen-test-products", "d003", "173种", "173 kinds of product"),       // 173种产品
        ("one-stop-platforms", "d003", "一个综合性", "1 general platform"),         // 一个综合性…平台
        ("regional-inspection-institutions", "d001", "4个", "4 inspection centres"), // 4个自治区级质检中心
        ("regional-inspection-institutions", "d000", "6个", "6 testing institutions"), // 6个自治区级…检验检测机构
        ("platform-services", "d003", "超过4万次", "over 40,000 services"),          // 提供服务超4万次
    ];
    for (id, source, zh, en) in cases {
        let shown: Vec<(String, String)> = points(&data, id)
            .iter()
            .filter(|p| &*p.source == source)
            .map(|p| (p.display(Lang::Zh), p.display(Lang::En)))
            .collect();
        assert!(shown.contains(&(zh.into(), en.into())), "{id}: {shown:?}");
    }
    let mut counts = 0;
    for (record, p) in data.points() {
        let en = p.display(Lang::En);
        let generic = liuzhou_tui::data::units::lookup(&p.unit).is_some_and(|u| matches!(u.en, "items" | "kinds"));
        assert!(!generic || p.counts().is_some(), "{}: {en} should say what it counts", record.id());
        let vague = en.split(' ').any(|w| matches!(w, "item" | "items")) || en.ends_with(" kinds");
        assert!(!vague, "{}: {en}", record.id());
        counts += usize::from(p.counts().is_some());
    }
    assert!(counts >= 60, "{counts}");
}

#[test]
fn computed_figures_from_rounded_inputs_are_approximate_with_their_range() {
    let data = liuzhou_tui::embedded().unwrap();
    // 4067 ÷ 4.2 and 109.94 × 1.38: 4.2 and 38% are rounded, so the results are "about".
    // The ranges in billions of yuan, from the inputs' rounding intervals.
    let investment = format!("{:.1} and {:.1}", 4067.0 / 4.25 / 10.0, 4067.0 / 4.15 / 10.0);
    let luosifen = format!("{:.2} and {:.2}", 109.94 * 1.375 / 10.0, 109.94 * 1.385 / 10.0);
    for (id, value, range) in [("upgrading-investment", 968.3, investment), ("luosifen-sales-revenue", 151.7, luosifen)]
    {
        let p = points(&data, id).iter().find(|p| p.value == value).unwrap();
        assert_eq!((p.kind, p.qualifier), (Kind::Computed, About), "{id}");
        assert!(p.note.as_ref().unwrap().en().contains(&range), "{id}: the note should give the range {range}");
    }
}

#[test]
fn dates_are_as_precise_as_their_lines_and_cite_them() {
    let data = liuzhou_tui::embedded().unwrap();
    let cites = |id: &str| -> Vec<(String, &str, u32, DateRelation)> {
        event(&data, id).dates.iter().map(|d| (d.date.to_string(), &*d.source, d.line, d.relation)).collect()
    };
    use DateRelation::*;
    // 正在酝酿 in a feature of 2018-03-06: drafting as of that day
    assert_eq!(cites("ev-deeper-quality-opinions"), [("2018-03-06".into(), "d001", 135, On)]);
    // 2021年国庆节前开工: begun by 1 October 2021
    assert_eq!(cites("ev-liugong-smart-plant"), [("2021-10-01".into(), "d004", 14, By)]);
    // "2021年" is written on d000:29, where the sentence begins
    assert_eq!(cites("ev-digital-economy-zone"), [("2021".into(), "d000", 29, On)]);
    assert_eq!(cites("ev-sci-tech-china-pilot"), [("2021".into(), "d000", 29, On)]);
    let incentive = cites("ev-quality-incentive-2022");
    assert!(
        incentive.contains(&("2022".into(), "d003", 11, On)) && incentive.contains(&("2022".into(), "d000", 19, By))
    );
}

/// Claims without a number, found missing by the audit (the list, then the
/// line-by-line pass): each is a record now, cited to the line that makes it (an
/// event's date, or a point's line).
#[test]
fn claims_without_a_figure_are_recorded_at_their_lines() {
    let data = liuzhou_tui::embedded().unwrap();
    #[rustfmt::skip]
    let cases: &[(&str, &str, u32)] = &[
        // the five other "first in Guangxi" measures beside the Mayor's Quality Award
        ("ev-four-qualities-statistics", "d001", 86),
        ("ev-chief-quality-officer", "d001", 87),
        ("ev-quality-methods-alliance", "d001", 88),
        ("ev-quality-in-appraisal", "d001", 88),
        ("ev-quality-in-appraisal", "d003", 17),
        ("ev-quality-indices", "d001", 89),
        ("ev-quality-indices", "d000", 49),
        ("ev-quality-indices", "d003", 17),
        ("four-qualities", "d001", 46),
        ("ev-expedition-machines", "d001", 22),
        ("ev-major-projects-support", "d001", 23),
        ("ev-major-projects-support", "d003", 23),
        ("ev-liugong-sales-2020", "d002", 25),
        ("ev-passenger-car-electrification", "d000", 29),
        ("ev-liugang-ultra-low-emission", "d002", 37),
        ("ev-liudian-phase-out", "d002", 39),
        ("ev-liuhua-relocation", "d002", 39),
        ("ev-luobawang-hand-made", "d004", 30),
        // more, from the line-by-line pass over the five documents
        ("ev-luosifen-national-praise", "d000", 19),
        ("ev-water-near-top", "d000", 33),
        ("ev-water-near-top", "d000", 17),
        ("ev-national-city-titles", "d001", 13),
        ("ev-national-city-titles", "d000", 33),
        ("ev-integrated-qi-platform", "d001", 102),
        ("ev-electric-loaders", "d003", 13),
        ("ev-benchmarking-pilot-city", "d003", 13),
        ("ev-research-partnerships", "d003", 27),
        ("ev-talent-projects", "d003", 27),
        ("ev-nannan-smart-platform", "d004", 25),
        ("ev-luobawang-standards", "d004", 35),
        ("ev-gx-one-stop-platforms", "d004", 38),
        // sources that name an already recorded step without dating it
        ("ev-quality-city-named", "d000", 17),
        ("ev-mayor-quality-award", "d000", 49),
        ("ev-mayor-quality-award", "d003", 17),
    ];
    for &(id, source, line) in cases {
        let cited = match data.find(id).unwrap_or_else(|| panic!("no record {id}")) {
            Record::Event(e) => e.dates.iter().any(|d| &*d.source == source && d.line == line),
            r => r.points().iter().any(|p| &*p.source == source && p.line == line),
        };
        assert!(cited, "{id} should cite {source}:{line}");
    }
    // Undated in their sources, so dated no later than the document.
    let by = |id: &str| event(&data, id).dates.iter().all(|d| d.relation == DateRelation::By);
    assert!(by("ev-chief-quality-officer") && by("ev-liuhua-relocation"));
    assert!(text(&data, "ev-luobawang-hand-made").contains("few thousand bags"));
    assert!(text(&data, "four-qualities").contains("人居质量"), "d000's fourth quality differs from d001's");
    // The titles are d000's and d001's claims; the park-city pilot's source (d002) names none.
    assert!(!text(&data, "ev-park-city-pilot").contains("Garden City"));
    // Several sources bound the award; the earliest bound is the one shown.
    assert_eq!(event(&data, "ev-mayor-quality-award").date_label(Lang::En), "by 2018-03-06");
    assert!(event(&data, "ev-mayor-quality-award").disputed_dates().is_empty());
}
