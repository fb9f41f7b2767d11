//! The dataset's types. They mirror the RON files under `assets/` one to one, and
//! serialise to the export contract (JSON/CSV) without a separate DTO layer.

use std::borrow::Cow;
use std::fmt;

use compact_str::CompactString;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::date::PartialDate;
use super::units;

/// A record's id, or a figure's reference to its source's: short, so kept inline (up
/// to 24 bytes) instead of in an allocation of its own.
pub type Id = CompactString;

/// A label in both UI languages. The English is ours; the Chinese follows the source.
/// Both sit in one allocation: a large city has hundreds of thousands of labels, and
/// each allocation costs its bytes and some 16 more.
#[derive(Clone, PartialEq, Eq)]
pub struct Text {
    /// The Chinese, then the English.
    both: Box<str>,
    /// Where the English begins in `both`.
    split: u32,
}

impl Text {
    pub fn new(zh: &str, en: &str) -> Text {
        // Files are under `limits::MAX_FILE_BYTES`, so the split fits.
        let split = u32::try_from(zh.len()).unwrap_or(u32::MAX);
        Text { both: [zh, en].concat().into(), split }
    }

    pub fn zh(&self) -> &str {
        &self.both[..self.split as usize]
    }

    pub fn en(&self) -> &str {
        &self.both[self.split as usize..]
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }
}

/// As it is written in the data files and exports: `(zh: "…", en: "…")`.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Text", deny_unknown_fields)]
struct TextFields<'a> {
    #[serde(borrow)]
    zh: Cow<'a, str>,
    #[serde(borrow)]
    en: Cow<'a, str>,
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Text").field("zh", &self.zh()).field("en", &self.en()).finish()
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        TextFields { zh: self.zh().into(), en: self.en().into() }.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let TextFields { zh, en } = TextFields::deserialize(d)?;
        Ok(Text::new(&zh, &en))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    Zh,
    #[default]
    En,
}

impl Lang {
    pub fn toggle(self) -> Self {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// The whole dataset: one field per file of the asset layout.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Dataset {
    pub sources: Vec<Source>,
    pub industry: Vec<Indicator>,
    pub ecology: Vec<Indicator>,
    pub timeline: Vec<Event>,
    pub livelihood: Vec<List>,
}

/// One of the documents the data was taken from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Id,
    /// The document's file name, as in `shared/seeds`.
    pub file: Box<str>,
    /// How many lines the document has; a cited line must fall inside it.
    pub lines: u32,
    pub kind: SourceKind,
    pub title: Text,
    pub publisher: Text,
    pub date: PartialDate,
    /// `None` when the document states its date; otherwise why we believe it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_inferred: Option<Text>,
    pub summary: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    NewspaperFeature,
    NewsArticle,
    GovernmentReply,
}

/// A measured quantity (e.g. new-energy vehicle output) with its figures over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: Id,
    pub theme: Theme,
    pub name: Text,
    #[serde(default)]
    pub scope: Scope,
    pub summary: Text,
    pub points: Box<[Point]>,
    /// Set when the sources give different figures for the same thing: says how they differ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disagreement: Option<Box<Text>>,
}

/// One figure as one source states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub value: f64,
    /// A unit from `units::UNITS`, written as the source writes it (万辆, 亿元, %).
    #[serde(deserialize_with = "unit_name")]
    pub unit: Cow<'static, str>,
    /// What a count counts, in English, worded to follow this figure's number
    /// ("industrial parks", "1 international standard"): units such as 个 and 项 name no
    /// thing, and the Chinese keeps the source's unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<Box<str>>,
    #[serde(default)]
    pub year: Option<i32>,
    /// A span the figure covers when it is not one year ("2016–2020", "since 2007").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Box<Text>>,
    #[serde(default)]
    pub qualifier: Qualifier,
    #[serde(default)]
    pub kind: Kind,
    pub source: Id,
    /// 1-based line in the source document.
    pub line: u32,
    /// The figure as written, when it is written in words or a fraction (第一, 六成, 1/4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_written: Option<Box<str>>,
    /// What the figure counts, when the indicator's name is not enough; for computed
    /// figures, how it was computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<Text>>,
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

/// Whose figure it is.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    #[default]
    City,
    /// Guangxi as a whole, not Liuzhou.
    Region,
    /// One company (named).
    Company(Box<Text>),
}

/// Groups indicators in the Industry and Ecology tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    // Industry
    Vehicles,
    Steel,
    Machinery,
    Luosifen,
    Output,
    Quality,
    Standards,
    Inspection,
    Innovation,
    Investment,
    Guangxi,
    // Ecology
    Water,
    Air,
    Greenery,
    Pollution,
    Honours,
}

impl Theme {
    pub fn label(self) -> Text {
        let (zh, en) = match self {
            Theme::Vehicles => ("汽车", "Vehicles"),
            Theme::Steel => ("钢铁", "Steel"),
            Theme::Machinery => ("机械", "Machinery"),
            Theme::Luosifen => ("螺蛳粉", "Luosifen"),
            Theme::Output => ("工业规模", "Industrial scale"),
            Theme::Quality => ("质量", "Quality"),
            Theme::Standards => ("标准与品牌", "Standards & brands"),
            Theme::Inspection => ("检验检测", "Inspection & testing"),
            Theme::Innovation => ("创新与人才", "Innovation & talent"),
            Theme::Investment => ("投入与减排", "Investment & emissions"),
            Theme::Guangxi => ("广西全区", "Guangxi-wide"),
            Theme::Water => ("水环境", "Water"),
            Theme::Air => ("空气", "Air"),
            Theme::Greenery => ("园林绿化", "Parks & greenery"),
            Theme::Pollution => ("治污与循环", "Pollution & recycling"),
            Theme::Honours => ("城市荣誉", "City honours"),
        };
        Text::new(zh, en)
    }
}

/// A dated step in the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: Id,
    pub category: EventCategory,
    pub title: Text,
    pub summary: Text,
    /// Every source's date for the event; more than one distinct date is a disagreement.
    pub dates: Box<[DateClaim]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventCategory {
    Milestone,
    Policy,
    Honour,
    Launch,
}

/// A date for an event as one source gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateClaim {
    pub date: PartialDate,
    /// Whether the event happened on `date`, or only no later or after it: some
    /// documents name a step without dating it, but their own date bounds it.
    #[serde(default, skip_serializing_if = "DateRelation::is_on")]
    pub relation: DateRelation,
    /// The end of a span ("2021–2023").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    pub source: Id,
    pub line: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateRelation {
    #[default]
    On,
    /// No later than the date (e.g. a document dated then reports it as done).
    By,
    /// Some time after the date.
    After,
}

impl DateRelation {
    fn is_on(&self) -> bool {
        *self == DateRelation::On
    }
}

/// A livelihood list (free services, education, sports).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct List {
    pub id: Id,
    pub name: Text,
    pub items: Box<[Item]>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: Id,
    pub name: Text,
    /// The year the service or measure began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<i32>,
    #[serde(default, skip_serializing_if = "<[Point]>::is_empty")]
    pub points: Box<[Point]>,
    pub source: Id,
    pub line: u32,
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

    /// One allocation inside, the same two fields outside: files and exports keep
    /// their format, and escaped strings (decoded, not borrowed) read as well.
    #[test]
    fn a_text_keeps_both_languages_and_its_two_fields() {
        for (zh, en) in [("柳州", "Liuzhou"), ("", "English only"), ("只有中文", ""), ("", "")] {
            let t = Text::new(zh, en);
            assert_eq!((t.zh(), t.en(), t.get(Lang::Zh), t.get(Lang::En)), (zh, en, zh, en));
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!(r#"{{"zh":"{zh}","en":"{en}"}}"#));
            assert_eq!(serde_json::from_str::<Text>(&json).unwrap(), t);
            let ron = crate::ron_options().to_string(&t).unwrap();
            assert_eq!(crate::ron_options().from_str::<Text>(&ron).unwrap(), t, "{ron}");
        }
        let t: Text = serde_json::from_str(r#"{"zh":"\u67f3\"","en":"a\nb"}"#).unwrap();
        assert_eq!((t.zh(), t.en()), ("柳\"", "a\nb"));
    }
}
