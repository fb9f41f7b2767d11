//! The dataset's types. They mirror the RON files under `assets/` one to one, and
//! serialise to the export contract (JSON/CSV) without a separate DTO layer (but for a
//! figure's seldom-set fields: see `point`).

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
pub use super::point::{Kind, Point, Qualifier, Wording};
pub use super::text::{Id, Lang, Text};

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
