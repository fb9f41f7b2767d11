//! How a figure reads in each language: "超2000公顷" / "over 2,000 ha".

use super::date::PartialDate;
use super::model::{DateClaim, DateRelation, Event, EventCategory, Lang, Scope, SourceKind};
use super::point::{Kind, Point, Qualifier};
use super::units;

impl Qualifier {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Qualifier::Exact, _) => "",
            (Qualifier::Over, Lang::Zh) => "超过",
            (Qualifier::Over, Lang::En) => "over",
            (Qualifier::Nearly, Lang::Zh) => "近",
            (Qualifier::Nearly, Lang::En) => "nearly",
            (Qualifier::AtLeast, Lang::Zh) => "以上",
            (Qualifier::AtLeast, Lang::En) => "at least",
            (Qualifier::AtMost, Lang::Zh) => "不超过",
            (Qualifier::AtMost, Lang::En) => "at most",
            (Qualifier::About, Lang::Zh) => "约",
            (Qualifier::About, Lang::En) => "about",
            (Qualifier::Target, Lang::Zh) => "目标",
            (Qualifier::Target, Lang::En) => "target",
            (Qualifier::TargetAtLeast, Lang::Zh) => "目标",
            (Qualifier::TargetAtLeast, Lang::En) => "target: at least",
        }
    }
}

impl Qualifier {
    /// The name the data files and exports use.
    pub fn code(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Over => "over",
            Qualifier::Nearly => "nearly",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::About => "about",
            Qualifier::Target => "target",
            Qualifier::TargetAtLeast => "target_at_least",
        }
    }
}

impl Kind {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::Reported, Lang::Zh) => "原文",
            (Kind::Reported, Lang::En) => "reported",
            (Kind::Computed, Lang::Zh) => "推算",
            (Kind::Computed, Lang::En) => "computed",
        }
    }
}

impl EventCategory {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (EventCategory::Milestone, Lang::Zh) => "里程碑",
            (EventCategory::Milestone, Lang::En) => "milestone",
            (EventCategory::Policy, Lang::Zh) => "政策",
            (EventCategory::Policy, Lang::En) => "policy",
            (EventCategory::Honour, Lang::Zh) => "荣誉",
            (EventCategory::Honour, Lang::En) => "honour",
            (EventCategory::Launch, Lang::Zh) => "发布",
            (EventCategory::Launch, Lang::En) => "launch",
        }
    }
}

impl SourceKind {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SourceKind::NewspaperFeature, Lang::Zh) => "报纸专版",
            (SourceKind::NewspaperFeature, Lang::En) => "newspaper feature",
            (SourceKind::NewsArticle, Lang::Zh) => "新闻报道",
            (SourceKind::NewsArticle, Lang::En) => "news article",
            (SourceKind::GovernmentReply, Lang::Zh) => "政府答复",
            (SourceKind::GovernmentReply, Lang::En) => "government reply",
        }
    }
}

impl Scope {
    pub fn label(&self, lang: Lang) -> String {
        match (self, lang) {
            (Scope::City, Lang::Zh) => "柳州市".into(),
            (Scope::City, Lang::En) => "Liuzhou city".into(),
            (Scope::Region, Lang::Zh) => "广西全区".into(),
            (Scope::Region, Lang::En) => "Guangxi region-wide".into(),
            (Scope::Company(name), lang) => match lang {
                Lang::Zh => format!("企业：{}", name.zh()),
                Lang::En => format!("company: {}", name.en()),
            },
        }
    }
}

impl Point {
    /// The figure with its qualifier and unit, as a reader of `lang` expects it.
    pub fn display(&self, lang: Lang) -> String {
        let unit = units::lookup(&self.unit);
        let q = self.qualifier;
        match lang {
            Lang::Zh => {
                // Text as written is the source's own wording, qualifier included
                // (超过六成, Ⅱ类以上, 前五位); only a goal needs saying so.
                if let Some(w) = self.as_written() {
                    return match q {
                        Qualifier::Target | Qualifier::TargetAtLeast => format!("目标{w}"),
                        _ => w.to_string(),
                    };
                }
                let body = format!("{}{}", number(self.value, false), self.unit);
                if self.unit == "位" && q == Qualifier::AtMost {
                    return format!("前{}位", number(self.value, false));
                }
                match q {
                    Qualifier::Exact => body,
                    Qualifier::AtLeast => format!("{body}以上"),
                    Qualifier::TargetAtLeast => format!("目标{body}以上"),
                    _ => format!("{}{body}", q.label(lang)),
                }
            }
            Lang::En => {
                let body = match (unit, &*self.unit) {
                    (_, "位") if q == Qualifier::AtMost => {
                        return format!("top {}", number(self.value, true));
                    }
                    (_, "位") => format!("No. {}", number(self.value, true)),
                    (_, "份额") => self.as_written().map_or_else(|| number(self.value, true), str::to_owned),
                    (_, "%") => format!("{}%", number(self.value, true)),
                    (_, "类") if q == Qualifier::AtLeast => {
                        return format!("Class {} or better", roman(self.value));
                    }
                    (_, "类") => format!("Class {}", roman(self.value)),
                    (Some(u), _) => {
                        let amount = self.value * u.scale;
                        // The data's own noun is already worded for this number; the
                        // table's needs "1 hour", not "1 hours".
                        let name = match (self.counts(), u.en.strip_suffix('s')) {
                            (Some(what), _) => what,
                            (None, Some(one)) if amount == 1.0 && !u.en.contains(' ') => one,
                            (None, _) => u.en,
                        };
                        format!("{} {name}", scaled(amount))
                    }
                    (None, _) => format!("{} {}", number(self.value, true), self.unit),
                };
                match q {
                    Qualifier::Exact => body,
                    _ => format!("{} {body}", q.label(lang)),
                }
            }
        }
    }

    /// `display`, starred when we computed the figure, for a place with no column
    /// that says so.
    pub fn display_marked(&self, lang: Lang) -> String {
        let star = if self.kind == Kind::Computed { "*" } else { "" };
        self.display(lang) + star
    }

    /// "2021", a period, or "" when the figure has neither.
    pub fn when(&self, lang: Lang) -> String {
        match (&self.year, self.period()) {
            (_, Some(p)) => p.get(lang).to_owned(),
            (Some(y), None) => y.to_string(),
            (None, None) => String::new(),
        }
    }
}

/// A number with at most four decimals and no trailing zeros, optionally with
/// thousands separators.
pub fn number(x: f64, separators: bool) -> String {
    // Four decimals would show a tiny figure as 0 (or -0).
    if x != 0.0 && x.abs() < 0.000_05 {
        return format!("{x:e}");
    }
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if !separators {
        return s.to_owned();
    }
    let (sign, s) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Water-quality classes run from Ⅰ to Ⅴ.
fn roman(x: f64) -> String {
    match x as i64 {
        1 => "I".into(),
        2 => "II".into(),
        3 => "III".into(),
        4 => "IV".into(),
        5 => "V".into(),
        _ => number(x, true),
    }
}

/// An English magnitude: 482,000 · 1.873 million · 60 billion.
fn scaled(x: f64) -> String {
    let a = x.abs();
    if a >= 1e9 {
        format!("{} billion", number(x / 1e9, true))
    } else if a >= 1e6 {
        format!("{} million", number(x / 1e6, true))
    } else {
        number(x, true)
    }
}

impl PartialDate {
    /// True when one date refines the other (2017 and 2017-12-28), so they do not disagree.
    pub fn compatible(&self, other: &PartialDate) -> bool {
        fn same<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            a.is_none() || b.is_none() || a == b
        }
        self.year == other.year && same(self.month, other.month) && same(self.day, other.day)
    }
}

impl DateClaim {
    /// "2012", "by 2018-03-06", "2017年之后".
    pub fn display(&self, lang: Lang) -> String {
        let d = match self.until {
            Some(u) => format!("{}–{u}", self.date),
            None => self.date.to_string(),
        };
        match (self.relation, lang) {
            (DateRelation::On, _) => d,
            (DateRelation::By, Lang::Zh) => format!("不晚于{d}"),
            (DateRelation::By, Lang::En) => format!("by {d}"),
            (DateRelation::After, Lang::Zh) => format!("{d}之后"),
            (DateRelation::After, Lang::En) => format!("after {d}"),
        }
    }
}

impl Event {
    /// Where the event goes in date order: its earliest date of any kind.
    pub fn sort_date(&self) -> Option<PartialDate> {
        self.dates.iter().map(|d| d.date).min()
    }

    /// The distinct dates the sources give when they conflict; empty when they agree.
    pub fn disputed_dates(&self) -> Vec<PartialDate> {
        let on: Vec<PartialDate> =
            self.dates.iter().filter(|d| d.relation == DateRelation::On).map(|d| d.date).collect();
        let conflict = on.iter().any(|a| on.iter().any(|b| !a.compatible(b)));
        if !conflict {
            return Vec::new();
        }
        let mut distinct = on;
        distinct.sort();
        distinct.dedup();
        distinct
    }

    /// The date as a reader should see it: "2011 / 2012" when the sources disagree,
    /// else the most precise date given.
    pub fn date_label(&self, lang: Lang) -> String {
        let disputed = self.disputed_dates();
        if !disputed.is_empty() {
            let shown: Vec<String> = disputed.iter().map(ToString::to_string).collect();
            return shown.join(" / ");
        }
        let precision = |d: &&DateClaim| (d.relation == DateRelation::On, d.date.month.is_some(), d.date.day.is_some());
        self.dates.iter().max_by_key(precision).map(|d| d.display(lang)).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Text, Wording};

    fn point(value: f64, unit: &str, qualifier: Qualifier, as_written: Option<&str>) -> Point {
        Point {
            value,
            unit: unit.to_owned().into(),
            year: None,
            qualifier,
            kind: Kind::Reported,
            source: "d000".into(),
            line: 1,
            note: None,
            wording: as_written.map(|w| Box::new(Wording { as_written: Some(w.into()), ..Wording::default() })),
        }
    }

    #[test]
    fn figures_read_naturally_in_both_languages() {
        let cases = [
            (point(2000.0, "公顷", Qualifier::Over, None), "超过2000公顷", "over 2,000 ha"),
            (point(48.2, "万辆", Qualifier::Exact, None), "48.2万辆", "482,000 vehicles"),
            (point(187.3, "万辆", Qualifier::Exact, None), "187.3万辆", "1.873 million vehicles"),
            (point(109.94, "亿元", Qualifier::Exact, None), "109.94亿元", "10.994 billion yuan"),
            (point(400.0, "个", Qualifier::Nearly, None), "近400个", "nearly 400 items"),
            (point(90.0, "%", Qualifier::AtLeast, None), "90%以上", "at least 90%"),
            (point(1.0, "位", Qualifier::Exact, Some("第一")), "第一", "No. 1"),
            (point(0.25, "份额", Qualifier::Exact, Some("1/4")), "1/4", "1/4"),
            (point(8000.0, "亿元", Qualifier::Target, None), "目标8000亿元", "target 800 billion yuan"),
        ];
        for (p, zh, en) in cases {
            assert_eq!(p.display(Lang::Zh), zh);
            assert_eq!(p.display(Lang::En), en);
        }
    }

    #[test]
    fn a_count_says_what_it_counts_and_the_chinese_keeps_the_source_unit() {
        let count = |value, unit: &str, qualifier, counts: &str| Point {
            wording: Some(Box::new(Wording { counts: Some(counts.into()), ..Wording::default() })),
            ..point(value, unit, qualifier, None)
        };
        let cases = [
            (count(11.0, "个", Qualifier::Exact, "industrial parks"), "11个", "11 industrial parks"),
            (count(10.0, "万个", Qualifier::Over, "school places"), "超过10万个", "over 100,000 school places"),
            (count(1.0, "项", Qualifier::Exact, "international standard"), "1项", "1 international standard"),
        ];
        for (p, zh, en) in cases {
            assert_eq!(p.display(Lang::Zh), zh);
            assert_eq!(p.display(Lang::En), en);
        }
    }

    #[test]
    fn dates_disagree_only_when_neither_refines_the_other() {
        let claim = |date: &str, relation| DateClaim {
            date: date.parse().unwrap(),
            relation,
            until: None,
            source: "d".into(),
            line: 1,
        };
        let event = |dates| Event {
            id: "e".into(),
            category: crate::EventCategory::Policy,
            title: Text::new("", ""),
            summary: Text::new("", ""),
            dates,
        };
        let named = event(vec![claim("2017-12-28", DateRelation::On), claim("2017", DateRelation::On)].into());
        assert!(named.disputed_dates().is_empty());
        assert_eq!(named.date_label(Lang::En), "2017-12-28");
        let decision = event(vec![claim("2012", DateRelation::On), claim("2011", DateRelation::On)].into());
        assert_eq!(decision.date_label(Lang::En), "2011 / 2012");
        let award = event(vec![claim("2018-03-06", DateRelation::By)].into());
        assert_eq!(award.date_label(Lang::En), "by 2018-03-06");
        assert_eq!(award.date_label(Lang::Zh), "不晚于2018-03-06");
    }

    #[test]
    fn numbers_trim_and_group() {
        assert_eq!(number(1234567.5, true), "1,234,567.5");
        assert_eq!(number(-1234.0, true), "-1,234");
        assert_eq!(number(0.3, true), "0.3");
        assert_eq!(number(79.93, false), "79.93");
    }
}
