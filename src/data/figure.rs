//! How a figure reads in each language: "超2000公顷" / "over 2,000 ha".

use super::model::{Kind, Lang, Point, Qualifier, Scope, Text};
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

impl Scope {
    pub fn label(&self, lang: Lang) -> String {
        match (self, lang) {
            (Scope::City, Lang::Zh) => "柳州市".into(),
            (Scope::City, Lang::En) => "Liuzhou city".into(),
            (Scope::Region, Lang::Zh) => "广西全区".into(),
            (Scope::Region, Lang::En) => "Guangxi region-wide".into(),
            (Scope::Company(name), lang) => match lang {
                Lang::Zh => format!("企业：{}", name.zh),
                Lang::En => format!("company: {}", name.en),
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
                let body = match &self.as_written {
                    Some(w) => w.clone(),
                    None => format!("{}{}", number(self.value, false), self.unit),
                };
                match q {
                    Qualifier::Exact => body,
                    Qualifier::AtLeast => format!("{body}{}", q.label(lang)),
                    _ => format!("{}{body}", q.label(lang)),
                }
            }
            Lang::En => {
                let body = match (unit, self.unit.as_str()) {
                    (_, "位") => format!("No. {}", number(self.value, true)),
                    (_, "份额") => self
                        .as_written
                        .clone()
                        .unwrap_or_else(|| number(self.value, true)),
                    (_, "%") => format!("{}%", number(self.value, true)),
                    (Some(u), _) => format!("{} {}", scaled(self.value * u.scale), u.en),
                    (None, _) => format!("{} {}", number(self.value, true), self.unit),
                };
                match q {
                    Qualifier::Exact => body,
                    _ => format!("{} {body}", q.label(lang)),
                }
            }
        }
    }

    /// "2021", a period, or "" when the figure has neither.
    pub fn when(&self, lang: Lang) -> String {
        match (&self.year, &self.period) {
            (_, Some(p)) => p.get(lang).to_owned(),
            (Some(y), None) => y.to_string(),
            (None, None) => String::new(),
        }
    }
}

/// A number with at most four decimals and no trailing zeros, optionally with
/// thousands separators.
pub fn number(x: f64, separators: bool) -> String {
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

impl Text {
    pub fn new(zh: &str, en: &str) -> Text {
        Text {
            zh: zh.to_owned(),
            en: en.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(value: f64, unit: &str, qualifier: Qualifier, as_written: Option<&str>) -> Point {
        Point {
            value,
            unit: unit.into(),
            year: None,
            period: None,
            qualifier,
            kind: Kind::Reported,
            source: "d000".into(),
            line: 1,
            as_written: as_written.map(Into::into),
            note: None,
        }
    }

    #[test]
    fn figures_read_naturally_in_both_languages() {
        let cases = [
            (
                point(2000.0, "公顷", Qualifier::Over, None),
                "超过2000公顷",
                "over 2,000 ha",
            ),
            (
                point(48.2, "万辆", Qualifier::Exact, None),
                "48.2万辆",
                "482,000 vehicles",
            ),
            (
                point(187.3, "万辆", Qualifier::Exact, None),
                "187.3万辆",
                "1.873 million vehicles",
            ),
            (
                point(109.94, "亿元", Qualifier::Exact, None),
                "109.94亿元",
                "10.994 billion yuan",
            ),
            (
                point(400.0, "个", Qualifier::Nearly, None),
                "近400个",
                "nearly 400 items",
            ),
            (
                point(90.0, "%", Qualifier::AtLeast, None),
                "90%以上",
                "at least 90%",
            ),
            (
                point(1.0, "位", Qualifier::Exact, Some("第一")),
                "第一",
                "No. 1",
            ),
            (
                point(0.25, "份额", Qualifier::Exact, Some("1/4")),
                "1/4",
                "1/4",
            ),
            (
                point(8000.0, "亿元", Qualifier::Target, None),
                "目标8000亿元",
                "target 800 billion yuan",
            ),
        ];
        for (p, zh, en) in cases {
            assert_eq!(p.display(Lang::Zh), zh);
            assert_eq!(p.display(Lang::En), en);
        }
    }

    #[test]
    fn numbers_trim_and_group() {
        assert_eq!(number(1234567.5, true), "1,234,567.5");
        assert_eq!(number(-1234.0, true), "-1,234");
        assert_eq!(number(0.3, true), "0.3");
        assert_eq!(number(79.93, false), "79.93");
    }
}
