//! Checks a parsed dataset as a whole and reports every problem at once.

use std::collections::{HashMap, HashSet};

use super::limits::{MAX_VALUE, YEARS};
use super::locate::Locator;
use super::model::{Dataset, Indicator, Item, Text};
use super::point::{Kind, Point};
use super::units;
use crate::error::{Problem, ProblemKind};

/// `locators` follow `load::FILES`: sources, industry, ecology, timeline, livelihood.
pub fn validate(data: &Dataset, locators: &[Locator; 5]) -> Vec<Problem> {
    let mut v = Validator {
        documents: data.sources.iter().map(|s| (&*s.id, (&*s.file, s.lines))).collect(),
        // Sized at once: grown by doubling, the map would hold its old table beside
        // the new one while it grows, at the load's peak.
        ids: HashMap::with_capacity(
            [data.sources.len(), data.industry.len(), data.ecology.len(), data.timeline.len()].iter().sum::<usize>()
                + data.livelihood.iter().map(|l| 1 + l.items.len()).sum::<usize>(),
        ),
        locators,
        problems: Vec::new(),
    };
    let [sources, industry, ecology, timeline, livelihood] = locators;

    for s in &data.sources {
        let at = v.id(sources, &s.id);
        if s.file.trim().is_empty() {
            v.report(sources, sources.field(at, "file", 0), ProblemKind::EmptyField { field: "file" });
        }
        v.text(sources, at, "title", &s.title);
        v.text(sources, at, "summary", &s.summary);
        v.year(sources, sources.field(at, "date", 0), s.date.year);
    }
    for (loc, list) in [(industry, &data.industry), (ecology, &data.ecology)] {
        for ind in list {
            v.indicator(loc, ind);
        }
    }
    for e in &data.timeline {
        let at = v.id(timeline, &e.id);
        v.text(timeline, at, "title", &e.title);
        v.text(timeline, at, "summary", &e.summary);
        if e.dates.is_empty() {
            v.report(timeline, timeline.field(at, "dates", 0), ProblemKind::EmptyField { field: "dates" });
        }
        for (claim, here) in e.dates.iter().zip(timeline.fields_after(at, "date")) {
            v.year(timeline, Some(here), claim.date.year);
            v.cite(timeline, here, &claim.source, claim.line);
            if let Some(until) = claim.until {
                v.year(timeline, timeline.field(here, "until", 0), until.year);
                if until < claim.date {
                    let kind = ProblemKind::SpanBackwards { from: claim.date.to_string(), until: until.to_string() };
                    v.report(timeline, timeline.field(here, "until", 0), kind);
                }
            }
        }
    }
    for list in &data.livelihood {
        let at = v.id(livelihood, &list.id);
        v.text(livelihood, at, "name", &list.name);
        for item in &list.items {
            v.item(livelihood, item);
        }
    }
    v.problems
}

/// What the validator keeps of an id: small, as a large city has 100,000 of them.
struct Seen {
    /// Where it was first defined: its file (an index into `locators`) and, when
    /// found, its record's offset there.
    first: Option<(u8, Option<u32>)>,
    /// The file that had it last, and how often that file has it (files are checked
    /// one after another).
    last_file: u8,
    count: u32,
}

struct Validator<'a> {
    /// Source id → (file name, line count).
    documents: HashMap<&'a str, (&'a str, u32)>,
    ids: HashMap<&'a str, Seen>,
    locators: &'a [Locator; 5],
    problems: Vec<Problem>,
}

impl<'a> Validator<'a> {
    fn report(&mut self, loc: &Locator, offset: Option<usize>, kind: ProblemKind) {
        self.problems.push(loc.problem(offset, kind));
    }

    /// Registers a record's id and returns the offset of its record in the file.
    fn id(&mut self, loc: &Locator, id: &'a str) -> usize {
        let file = self.locators.iter().position(|l| std::ptr::eq(l, loc)).unwrap_or(0) as u8;
        let seen = self.ids.entry(id).or_insert(Seen { first: None, last_file: file, count: 0 });
        if seen.last_file != file {
            (seen.last_file, seen.count) = (file, 0);
        }
        let at = loc.next_record(id, seen.count as usize);
        seen.count += 1;
        if id.trim().is_empty() {
            self.report(loc, at, ProblemKind::EmptyField { field: "id" });
        } else if id.contains(char::is_control) {
            self.report(loc, at, ProblemKind::ControlCharacter { field: "id" });
        } else if let Some((first_file, first_at)) = seen.first {
            // Located and formatted only now: a clean dataset never pays for it.
            let first_loc = &self.locators[usize::from(first_file)];
            let first = match first_at {
                Some(o) => format!("{}:{}", first_loc.file(), first_loc.position(o as usize)),
                None => first_loc.file().to_owned(),
            };
            self.report(loc, at, ProblemKind::DuplicateId { id: id.to_owned(), first });
        } else {
            seen.first = Some((file, at.and_then(|o| u32::try_from(o).ok())));
        }
        at.unwrap_or(0)
    }

    fn text(&mut self, loc: &Locator, at: usize, field: &'static str, text: &Text) {
        if text.zh().trim().is_empty() || text.en().trim().is_empty() {
            self.report(loc, loc.field(at, field, 0), ProblemKind::EmptyField { field });
        } else if field != "summary" && (text.zh().contains(char::is_control) || text.en().contains(char::is_control)) {
            // A summary may have paragraphs; a name or title is one line.
            self.report(loc, loc.field(at, field, 0), ProblemKind::ControlCharacter { field });
        }
    }

    fn year(&mut self, loc: &Locator, offset: Option<usize>, year: i32) {
        if !YEARS.contains(&year) {
            self.report(loc, offset, ProblemKind::YearOutOfRange(year));
        }
    }

    fn cite(&mut self, loc: &Locator, at: usize, source: &str, line: u32) {
        match self.documents.get(source) {
            None => {
                let kind = ProblemKind::UnknownSource(source.to_owned());
                self.report(loc, loc.field(at, "source", 0), kind);
            }
            Some(&(file, lines)) if line == 0 || line > lines => {
                let kind = ProblemKind::LineOutside { line, file: file.to_owned(), lines };
                self.report(loc, loc.field(at, "line", 0), kind);
            }
            Some(_) => {}
        }
    }

    fn indicator(&mut self, loc: &Locator, ind: &'a Indicator) {
        let at = self.id(loc, &ind.id);
        self.text(loc, at, "name", &ind.name);
        self.text(loc, at, "summary", &ind.summary);
        if ind.points.is_empty() {
            self.report(loc, loc.field(at, "points", 0), ProblemKind::EmptyField { field: "points" });
        }
        self.points(loc, at, &ind.points);
        if ind.disagreement.is_some() {
            let sources: HashSet<&str> = ind.points.iter().map(|p| &*p.source).collect();
            if sources.len() < 2 {
                let kind = ProblemKind::DisagreementOneSource(sources.len());
                self.report(loc, loc.field(at, "disagreement", 0), kind);
            }
        }
    }

    fn item(&mut self, loc: &Locator, item: &'a Item) {
        let at = self.id(loc, &item.id);
        self.text(loc, at, "name", &item.name);
        if let Some(year) = item.since {
            self.year(loc, loc.field(at, "since", 0), year);
        }
        // The item's own citation comes after its points in the usual layout; search
        // from the last point so a point's `source` is not mistaken for the item's.
        let own = match item.points.len() {
            0 => at,
            n => loc.field(at, "value", n - 1).unwrap_or(at),
        };
        self.cite(loc, own, &item.source, item.line);
        self.points(loc, at, &item.points);
    }

    fn points(&mut self, loc: &Locator, at: usize, points: &[Point]) {
        for (p, here) in points.iter().zip(loc.fields_after(at, "value")) {
            if !p.value.is_finite() {
                self.report(loc, Some(here), ProblemKind::NotFinite(p.value));
            } else if p.value.abs() > MAX_VALUE {
                self.report(loc, Some(here), ProblemKind::Absurd(p.value));
            }
            if units::lookup(&p.unit).is_none() {
                self.report(loc, loc.field(here, "unit", 0), ProblemKind::UnknownUnit(p.unit.to_string()));
            }
            if let Some(year) = p.year {
                self.year(loc, loc.field(here, "year", 0), year);
            }
            if p.kind == Kind::Computed && p.note.is_none() {
                self.report(loc, Some(here), ProblemKind::ComputedWithoutNote);
            }
            for (field, text) in [("as_written", p.as_written()), ("counts", p.counts())] {
                if text.is_some_and(|w| w.trim().is_empty()) {
                    self.report(loc, loc.field(here, field, 0), ProblemKind::EmptyField { field });
                }
            }
            self.cite(loc, here, &p.source, p.line);
        }
    }
}
