//! One figure as one source states it. In memory, what few figures have (a counted
//! noun, a period, the figure in words) sits behind one pointer; in files and exports
//! a figure's fields are all at one level, as `PointFields` spells them.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize};

use super::text::{Id, Text};
use super::units;

/// One figure as one source states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "PointFields", into = "PointFields")]
pub struct Point {
    pub value: f64,
    /// A unit from `units::UNITS`, written as the source writes it (万辆, 亿元, %).
    pub unit: Cow<'static, str>,
    pub year: Option<i32>,
    pub qualifier: Qualifier,
    pub kind: Kind,
    pub source: Id,
    /// 1-based line in the source document.
    pub line: u32,
    /// What the figure counts, when the indicator's name is not enough; for computed
    /// figures, how it was computed.
    pub note: Option<Box<Text>>,
    /// None for most figures: a large city has hundreds of thousands of them.
    pub wording: Option<Box<Wording>>,
}

const _: () = assert!(size_of::<Point>() == 88, "a figure costs 88 bytes");

/// How a figure is worded beyond its number and unit, when it is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Wording {
    /// What a count counts, in English, worded to follow this figure's number
    /// ("industrial parks", "1 international standard"): units such as 个 and 项 name no
    /// thing, and the Chinese keeps the source's unit.
    pub counts: Option<Box<str>>,
    /// A span the figure covers when it is not one year ("2016–2020", "since 2007").
    pub period: Option<Text>,
    /// The figure as written, when it is written in words or a fraction (第一, 六成, 1/4).
    pub as_written: Option<Box<str>>,
}

impl Point {
    pub fn counts(&self) -> Option<&str> {
        self.wording.as_ref()?.counts.as_deref()
    }

    pub fn period(&self) -> Option<&Text> {
        self.wording.as_ref()?.period.as_ref()
    }

    pub fn as_written(&self) -> Option<&str> {
        self.wording.as_ref()?.as_written.as_deref()
    }
}

/// How exact the source says a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    /// 超, 超过, 突破, 多, 余
    Over,
    /// 近
    Nearly,
    /// 以上
    AtLeast,
    /// 不超过
    AtMost,
    /// 约
    About,
    /// A goal, not an outcome.
    Target,
    /// A goal of at least the figure (…以上).
    TargetAtLeast,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    #[default]
    Reported,
    /// Derived by us from reported figures; `note` says how.
    Computed,
}

/// A figure as the data files and exports write it, fields in this order.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Point", deny_unknown_fields)]
struct PointFields {
    value: f64,
    #[serde(deserialize_with = "unit_name")]
    unit: Cow<'static, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    counts: Option<Box<str>>,
    #[serde(default)]
    year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    period: Option<Text>,
    #[serde(default)]
    qualifier: Qualifier,
    #[serde(default)]
    kind: Kind,
    source: Id,
    line: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    as_written: Option<Box<str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<Box<Text>>,
}

impl From<PointFields> for Point {
    fn from(f: PointFields) -> Point {
        let wording = Wording { counts: f.counts, period: f.period, as_written: f.as_written };
        Point {
            value: f.value,
            unit: f.unit,
            year: f.year,
            qualifier: f.qualifier,
            kind: f.kind,
            source: f.source,
            line: f.line,
            note: f.note,
            wording: (wording != Wording::default()).then(|| Box::new(wording)),
        }
    }
}

impl From<Point> for PointFields {
    fn from(p: Point) -> PointFields {
        let Wording { counts, period, as_written } = p.wording.map(|w| *w).unwrap_or_default();
        PointFields {
            value: p.value,
            unit: p.unit,
            counts,
            year: p.year,
            period,
            qualifier: p.qualifier,
            kind: p.kind,
            source: p.source,
            line: p.line,
            as_written,
            note: p.note,
        }
    }
}

/// A known unit as the table's own `&'static str`: no allocation per figure. An
/// unknown one is kept as written, for validation to report.
fn unit_name<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'static, str>, D::Error> {
    let name = String::deserialize(d)?;
    Ok(match units::lookup(&name) {
        Some(unit) => Cow::Borrowed(unit.zh),
        None => Cow::Owned(name),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fields few figures have cost one pointer between them.
    #[test]
    fn a_figure_without_wording_holds_none() {
        let plain: Point =
            crate::ron_options().from_str(r#"(value: 1.0, unit: "个", source: "d000", line: 1)"#).unwrap();
        assert_eq!(plain.wording, None);
        let worded: Point = crate::ron_options()
            .from_str(r#"(value: 1.0, unit: "位", source: "d000", line: 1, as_written: "第一")"#)
            .unwrap();
        assert_eq!((worded.as_written(), worded.counts(), worded.period()), (Some("第一"), None, None));
    }

    /// Files and exports keep every field at one level, in the order they always had.
    #[test]
    fn a_figure_reads_and_writes_its_fields_flat() {
        let ron = r#"(value: 2.5, unit: "个", counts: "parks", year: 2021, period: (zh: "2016—2020年", en: "2016–2020"), qualifier: over, kind: computed, source: "d001", line: 7, as_written: "两个半", note: (zh: "注", en: "note"))"#;
        let p: Point = crate::ron_options().from_str(ron).unwrap();
        assert_eq!(p.counts(), Some("parks"));
        assert_eq!(p.period().map(Text::en), Some("2016–2020"));
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"value":2.5,"unit":"个","counts":"parks","year":2021,"period":{"zh":"2016—2020年","en":"2016–2020"},"qualifier":"over","kind":"computed","source":"d001","line":7,"as_written":"两个半","note":{"zh":"注","en":"note"}}"#
        );
        assert_eq!(crate::ron_options().from_str::<Point>(&crate::ron_options().to_string(&p).unwrap()).unwrap(), p);
        let unknown =
            crate::ron_options().from_str::<Point>(r#"(value: 1.0, unit: "个", source: "d000", line: 1, colour: 2)"#);
        assert!(unknown.unwrap_err().to_string().contains("colour"));
    }
}
