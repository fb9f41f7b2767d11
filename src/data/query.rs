//! Finding records in a loaded dataset.

use super::model::{Dataset, Event, Indicator, Item, List, Source};
use super::point::Point;

/// Any record a user can look up by id.
#[derive(Debug, Clone, Copy)]
pub enum Record<'a> {
    Source(&'a Source),
    /// An indicator, and whether it belongs to the Ecology tab (else Industry).
    Indicator(&'a Indicator, bool),
    Event(&'a Event),
    List(&'a List),
    Item(&'a List, &'a Item),
}

/// Where a record sits in the dataset: its file's list and its position there. Rows
/// and search hits point at records this way instead of copying their ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locus {
    Source(usize),
    Industry(usize),
    Ecology(usize),
    Event(usize),
    List(usize),
    /// An item of a list: the list's position, then the item's.
    Item(usize, usize),
}

/// A record citing a source, with its place in `Dataset::records` and how many of its
/// figures and dates cite the source.
#[derive(Debug, Clone, Copy)]
pub struct Citation<'a> {
    pub ordinal: usize,
    pub record: Record<'a>,
    pub count: usize,
}

impl Dataset {
    pub fn find(&self, id: &str) -> Option<Record<'_>> {
        self.records().find(|r| r.id() == id)
    }

    /// Every record, in file order.
    pub fn records(&self) -> impl Iterator<Item = Record<'_>> {
        let sources = self.sources.iter().map(Record::Source);
        let industry = self.industry.iter().map(|i| Record::Indicator(i, false));
        let ecology = self.ecology.iter().map(|i| Record::Indicator(i, true));
        let events = self.timeline.iter().map(Record::Event);
        let lists = self
            .livelihood
            .iter()
            .flat_map(|l| std::iter::once(Record::List(l)).chain(l.items.iter().map(move |i| Record::Item(l, i))));
        sources.chain(industry).chain(ecology).chain(events).chain(lists)
    }

    /// The `ordinal`th record of `records`, found from the lists' lengths.
    pub fn locus(&self, ordinal: usize) -> Option<Locus> {
        let mut n = ordinal;
        let flat = [
            (self.sources.len(), Locus::Source as fn(usize) -> Locus),
            (self.industry.len(), Locus::Industry),
            (self.ecology.len(), Locus::Ecology),
            (self.timeline.len(), Locus::Event),
        ];
        for (len, locus) in flat {
            if n < len {
                return Some(locus(n));
            }
            n -= len;
        }
        for (l, list) in self.livelihood.iter().enumerate() {
            if n == 0 {
                return Some(Locus::List(l));
            }
            n -= 1;
            if n < list.items.len() {
                return Some(Locus::Item(l, n));
            }
            n -= list.items.len();
        }
        None
    }

    pub fn record_at(&self, locus: Locus) -> Option<Record<'_>> {
        Some(match locus {
            Locus::Source(i) => Record::Source(self.sources.get(i)?),
            Locus::Industry(i) => Record::Indicator(self.industry.get(i)?, false),
            Locus::Ecology(i) => Record::Indicator(self.ecology.get(i)?, true),
            Locus::Event(i) => Record::Event(self.timeline.get(i)?),
            Locus::List(l) => Record::List(self.livelihood.get(l)?),
            Locus::Item(l, i) => {
                let list = self.livelihood.get(l)?;
                Record::Item(list, list.items.get(i)?)
            }
        })
    }

    /// The `ordinal`th record of `records`.
    pub fn record(&self, ordinal: usize) -> Option<Record<'_>> {
        self.record_at(self.locus(ordinal)?)
    }

    /// Every data point, with the record it belongs to.
    pub fn points(&self) -> impl Iterator<Item = (Record<'_>, &Point)> {
        self.records().flat_map(|r| r.points().iter().map(move |p| (r, p)))
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| &*s.id == id)
    }

    /// How many figures and dates cite each source, in the order of `sources`: one
    /// pass over the records for all of them.
    pub fn citation_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.sources.len()];
        for record in self.records() {
            for id in record.cited_sources() {
                if let Some(i) = self.sources.iter().position(|s| *s.id == *id) {
                    counts[i] += 1;
                }
            }
        }
        counts
    }

    /// The records that cite `source`, in file order.
    pub fn citing(&self, source: &str) -> Vec<Citation<'_>> {
        self.records()
            .enumerate()
            .filter_map(|(ordinal, record)| {
                let count = record.cited_sources().filter(|s| *s == source).count();
                (count > 0).then_some(Citation { ordinal, record, count })
            })
            .collect()
    }
}

impl<'a> Record<'a> {
    pub fn id(&self) -> &'a str {
        match self {
            Record::Source(s) => &s.id,
            Record::Indicator(i, _) => &i.id,
            Record::Event(e) => &e.id,
            Record::List(l) => &l.id,
            Record::Item(_, i) => &i.id,
        }
    }

    /// "indicator", "event", … as the CLI and the export name them.
    pub fn kind(&self) -> &'static str {
        match self {
            Record::Source(_) => "source",
            Record::Indicator(..) => "indicator",
            Record::Event(_) => "event",
            Record::List(_) => "list",
            Record::Item(..) => "item",
        }
    }

    pub fn points(&self) -> &'a [Point] {
        match self {
            Record::Indicator(i, _) => &i.points,
            Record::Item(_, i) => &i.points,
            _ => &[],
        }
    }

    /// The figure the record leads with: its latest reported one (a computed figure
    /// only checks or fills in what the sources report).
    pub fn headline(&self) -> Option<&'a Point> {
        let mut reported = self.points().iter().filter(|p| p.kind == super::Kind::Reported);
        let latest = reported.clone().filter(|p| p.year.is_some()).max_by_key(|p| p.year);
        latest.or_else(|| reported.next_back())
    }

    /// The figure the record leads with among those of years `from..=to`, for a reader
    /// who asked for those years: the latest reported one, else the latest we computed.
    pub fn headline_within(&self, (from, to): (i32, i32)) -> Option<&'a Point> {
        let within = self.points().iter().filter(|p| p.year.is_some_and(|y| (from..=to).contains(&y)));
        within.max_by_key(|p| (p.kind == super::Kind::Reported, p.year))
    }

    /// Every source id the record cites, once per citation.
    pub fn cited_sources(&self) -> impl Iterator<Item = &'a str> + 'a {
        let (own, dates): (Option<&'a str>, &'a [super::DateClaim]) = match self {
            Record::Event(e) => (None, &e.dates),
            Record::Item(_, i) if i.points.is_empty() => (Some(&*i.source), &[]),
            _ => (None, &[]),
        };
        own.into_iter().chain(dates.iter().map(|d| &*d.source)).chain(self.points().iter().map(|p| &*p.source))
    }
}

impl<'a> Record<'a> {
    /// The tab the record is shown in, as the CLI and exports name it.
    pub fn tab(&self) -> &'static str {
        match self {
            Record::Source(_) => "sources",
            Record::Indicator(_, false) => "industry",
            Record::Indicator(_, true) => "ecology",
            Record::Event(_) => "timeline",
            Record::List(_) | Record::Item(..) => "livelihood",
        }
    }

    pub fn name(&self) -> &'a super::Text {
        match self {
            Record::Source(s) => &s.title,
            Record::Indicator(i, _) => &i.name,
            Record::Event(e) => &e.title,
            Record::List(l) => &l.name,
            Record::Item(_, i) => &i.name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped dataset, read as `--data assets` reads it.
    fn assets() -> Dataset {
        Dataset::from_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets")).unwrap()
    }

    #[test]
    fn counts_in_one_pass_agree_with_each_sources_citing_records() {
        let data = assets();
        let counts = data.citation_counts();
        assert_eq!(counts.len(), data.sources.len());
        for (source, &n) in data.sources.iter().zip(&counts) {
            assert!(n > 0, "{} backs nothing", source.id);
            assert_eq!(n, data.citing(&source.id).iter().map(|c| c.count).sum::<usize>(), "{}", source.id);
        }
    }

    #[test]
    fn every_record_is_found_at_its_place() {
        let data = assets();
        let ids: Vec<&str> = data.records().map(|r| r.id()).collect();
        for (ordinal, id) in ids.iter().enumerate() {
            assert_eq!(data.record(ordinal).map(|r| r.id()), Some(*id), "record {ordinal}");
        }
        assert!(data.record(ids.len()).is_none());
    }
}
