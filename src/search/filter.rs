//! Qualifiers (`year:`, `tab:`, `src:`, `scope:`, `is:`): what each record offers them,
//! kept per entry when the index is built, and reading a qualifier's value.

use crate::data::{Dataset, Kind, Record, Scope};
use crate::text;

/// The record tabs `tab:` names, each by every name a reader may use: the command
/// line's, and the TUI's in both languages.
const TABS: &[(&str, &[&str])] = &[
    ("industry", &["industry", "产业"]),
    ("ecology", &["ecology", "生态"]),
    ("timeline", &["timeline", "policy", "policy-timeline", "政策"]),
    ("livelihood", &["livelihood", "民生"]),
    ("sources", &["sources", "source", "来源"]),
];

const SCOPES: &[(&str, u8)] =
    &[("city", SCOPE_CITY), ("guangxi", SCOPE_REGION), ("region", SCOPE_REGION), ("company", SCOPE_COMPANY)];
const SCOPE_CITY: u8 = 1;
const SCOPE_REGION: u8 = 2;
const SCOPE_COMPANY: u8 = 3;

/// `flags` bits.
const COMPUTED: u8 = 1;
const DISPUTED: u8 = 2;

/// A qualifier, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Filter {
    /// A figure, date or "since" in these years (inclusive).
    Years(i32, i32),
    Tab(u8),
    /// Cites one of these sources (their places in `Dataset::sources`).
    Cites(Vec<u16>),
    Scope(u8),
    Computed,
    Disputed,
}

/// What every entry offers the qualifiers.
#[derive(Default)]
pub(super) struct Facets {
    tabs: Vec<u8>,
    scopes: Vec<u8>,
    flags: Vec<u8>,
    /// Entry `e`'s years are `years[year_starts[e]..year_starts[e + 1]]`.
    year_starts: Vec<u32>,
    years: Vec<i32>,
    /// The same for the shared texts each refers to (see `fields::shared_fields`): the
    /// sources it cites (their places in `Dataset::sources`), then its theme's label.
    cite_starts: Vec<u32>,
    cites: Vec<u16>,
    /// Each source's id and file name, lower case, for `src:`.
    sources: Vec<(String, String)>,
}

impl Facets {
    pub(super) fn new(data: &Dataset) -> Facets {
        let themes = super::fields::themes(data);
        let mut f = Facets {
            sources: data.sources.iter().map(|s| (s.id.to_lowercase().to_string(), s.file.to_lowercase())).collect(),
            year_starts: vec![0],
            cite_starts: vec![0],
            ..Facets::default()
        };
        for r in data.records() {
            f.tabs.push(TABS.iter().position(|(name, _)| *name == r.tab()).unwrap_or(0) as u8);
            let (scope, disputed) = match r {
                Record::Indicator(i, _) => {
                    let scope = match i.scope {
                        Scope::City => SCOPE_CITY,
                        Scope::Region => SCOPE_REGION,
                        Scope::Company(_) => SCOPE_COMPANY,
                    };
                    (scope, i.disagreement.is_some())
                }
                Record::Event(e) => (0, !e.disputed_dates().is_empty()),
                _ => (0, false),
            };
            f.scopes.push(scope);
            let computed = r.points().iter().any(|p| p.kind == Kind::Computed);
            f.flags.push(if computed { COMPUTED } else { 0 } | if disputed { DISPUTED } else { 0 });
            let from = f.years.len();
            f.years.extend(r.points().iter().filter_map(|p| p.year));
            match r {
                Record::Event(e) => {
                    for d in &e.dates {
                        f.years.extend(d.date.year..=d.until.map_or(d.date.year, |u| u.year));
                    }
                }
                Record::Item(_, i) => f.years.extend(i.since),
                Record::Source(s) => f.years.push(s.date.year),
                _ => {}
            }
            f.years[from..].sort_unstable();
            let mut kept = from;
            for i in from..f.years.len() {
                if kept == from || f.years[kept - 1] != f.years[i] {
                    f.years[kept] = f.years[i];
                    kept += 1;
                }
            }
            f.years.truncate(kept);
            f.year_starts.push(f.years.len() as u32);
            let from = f.cites.len();
            for id in r.cited_sources() {
                if let Some(i) = data.sources.iter().position(|s| *s.id == *id)
                    && !f.cites[from..].contains(&(i as u16))
                {
                    f.cites.push(i as u16);
                }
            }
            if let Record::Indicator(i, _) = r {
                let theme = themes.iter().position(|t| *t == i.theme).unwrap_or(0);
                f.cites.push((data.sources.len() + theme) as u16);
            }
            f.cite_starts.push(f.cites.len() as u32);
        }
        f
    }

    /// Every qualifier with each value it takes here, as a query writes it
    /// (`tab:ecology`, `src:d003`, `year:2021`, `is:computed`).
    pub(super) fn words(&self) -> Vec<String> {
        let mut years = self.years.clone();
        years.sort_unstable();
        years.dedup();
        let tabs = TABS.iter().flat_map(|(_, names)| names.iter().map(|n| format!("tab:{n}")));
        let sources = self.sources.iter().map(|(id, _)| format!("src:{id}"));
        let scopes = SCOPES.iter().map(|(name, _)| format!("scope:{name}"));
        let flags = ["is:computed", "is:disputed"].map(str::to_owned);
        let years = years.into_iter().map(|y| format!("year:{y}"));
        tabs.chain(sources).chain(scopes).chain(flags).chain(years).collect()
    }

    /// The shared texts entry `e` refers to.
    pub(super) fn shared(&self, e: usize) -> &[u16] {
        self.cite_starts.get(e + 1).map_or(&[], |&end| &self.cites[self.cite_starts[e] as usize..end as usize])
    }

    pub(super) fn holds(&self, e: usize, filter: &Filter) -> bool {
        // An index of titles alone has no facets: no qualifier holds there.
        let flags = self.flags.get(e).copied().unwrap_or(0);
        match filter {
            Filter::Years(from, to) => {
                let years = self
                    .year_starts
                    .get(e + 1)
                    .map_or(&[][..], |&end| &self.years[self.year_starts[e] as usize..end as usize]);
                years.iter().any(|y| (from..=to).contains(&y))
            }
            Filter::Tab(t) => self.tabs.get(e) == Some(t),
            Filter::Cites(ids) => self.shared(e).iter().any(|c| ids.contains(c)),
            Filter::Scope(s) => self.scopes.get(e) == Some(s),
            Filter::Computed => flags & COMPUTED != 0,
            Filter::Disputed => flags & DISPUTED != 0,
        }
    }

    /// Reads qualifier `key:value` (both as typed).
    pub(super) fn parse(&self, key: &str, value: &str) -> Result<Filter, QueryError> {
        let v = value.to_lowercase();
        let bad = |valid: Expected| QueryError::BadValue { key: key.to_owned(), value: value.to_owned(), valid };
        match key.to_ascii_lowercase().as_str() {
            "year" => {
                let year = |s: &str| s.parse::<i32>().ok().filter(|y| (1..=9999).contains(y));
                let range = match v.split_once("..") {
                    Some((a, b)) => {
                        (year(a).or((a.is_empty()).then_some(i32::MIN)), year(b).or((b.is_empty()).then_some(i32::MAX)))
                    }
                    None => (year(&v), year(&v)),
                };
                match range {
                    (Some(a), Some(b)) if a <= b && !v.is_empty() && v != ".." => Ok(Filter::Years(a, b)),
                    _ => Err(bad(Expected::Years)),
                }
            }
            "tab" => TABS
                .iter()
                .position(|(_, names)| names.contains(&v.as_str()))
                .map(|t| Filter::Tab(t as u8))
                .ok_or_else(|| bad(Expected::OneOf(TABS.iter().map(|(_, n)| n.join("|")).collect()))),
            "src" => {
                let found: Vec<u16> = (self.sources.iter().enumerate())
                    .filter(|(_, (id, file))| !v.is_empty() && (*id == v || file.starts_with(&v)))
                    .map(|(i, _)| i as u16)
                    .collect();
                if found.is_empty() {
                    return Err(bad(Expected::Source(self.sources.iter().map(|(id, _)| id.clone()).collect())));
                }
                Ok(Filter::Cites(found))
            }
            "scope" => SCOPES
                .iter()
                .find(|(name, _)| *name == v)
                .map(|&(_, s)| Filter::Scope(s))
                .ok_or_else(|| bad(Expected::OneOf(SCOPES.iter().map(|(name, _)| (*name).to_owned()).collect()))),
            "is" => match v.as_str() {
                "computed" => Ok(Filter::Computed),
                "disputed" => Ok(Filter::Disputed),
                _ => Err(bad(Expected::OneOf(vec!["computed".into(), "disputed".into()]))),
            },
            _ => Err(QueryError::UnknownQualifier(key.to_owned())),
        }
    }
}

/// A query the language cannot read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("unknown qualifier `{0}:`; the qualifiers are year:, tab:, src:, scope: and is:")]
    UnknownQualifier(String),
    #[error("`{key}:{value}`: `{key}:` cannot be `{value}`; it takes {valid}")]
    BadValue { key: String, value: String, valid: Expected },
}

/// What a qualifier takes: the values are typed as they are in either language, the
/// words around them are each language's own (see the interface's messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// A year, or a range of them, open at either end.
    Years,
    /// One of these values.
    OneOf(Vec<String>),
    /// A source's id (these) or the start of its file name.
    Source(Vec<String>),
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expected::Years => f.write_str("a year or a range of years: 2021, 2019..2021, 2019.. or ..2021"),
            Expected::OneOf(values) => f.write_str(&text::listed(values, ", ", " or ")),
            Expected::Source(ids) => write!(f, "a source's id or the start of its file name: {}", ids.join(", ")),
        }
    }
}
