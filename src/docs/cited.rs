//! The places a record cites, in the order `Record::cited_sources` gives them, and
//! where in a cited line its figure is written.

use std::ops::Range;

use crate::data::{DateRelation, Kind, Record};

/// One citation: a source's line, and what the record takes from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cited<'a> {
    pub source: &'a str,
    /// 1-based.
    pub line: u32,
    pub figure: Figure<'a>,
}

/// What to look for in the cited line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure<'a> {
    /// A number, written in the source's magnitude or another (48.2万 or 482,000).
    Value { value: f64, unit: &'a str },
    /// Words or a fraction, as the source writes them (六成, 1/4).
    Written(&'a str),
    /// An event's year, with the month and day written after it.
    Year(i32),
    /// Nothing to find: a computed figure, a date only bounded by the document's, or a
    /// list item citing the line as a whole.
    Line,
}

/// Every citation of `record`, once per figure or date, as `Record::cited_sources`.
pub fn cited(record: Record<'_>) -> Vec<Cited<'_>> {
    let mut out = Vec::new();
    match record {
        Record::Event(e) => out.extend(e.dates.iter().map(|d| Cited {
            source: &d.source,
            line: d.line,
            // A date bounded by the document's own ("by 2018-03-06") is not written on the line.
            figure: if d.relation == DateRelation::On { Figure::Year(d.date.year) } else { Figure::Line },
        })),
        Record::Item(_, i) if i.points.is_empty() => {
            out.push(Cited { source: &i.source, line: i.line, figure: Figure::Line })
        }
        _ => {}
    }
    out.extend(record.points().iter().map(|p| Cited {
        source: &p.source,
        line: p.line,
        figure: match (p.as_written(), p.kind) {
            (_, Kind::Computed) => Figure::Line,
            (Some(w), _) => Figure::Written(w),
            (None, _) => Figure::Value { value: p.value, unit: &p.unit },
        },
    }));
    out
}

/// The magnitudes a source may write a figure in, against the dataset's.
const SCALES: [f64; 7] = [1.0, 1e-4, 1e-8, 1e4, 1e8, 100.0, 0.01];

impl Figure<'_> {
    /// Where the figure is written in `line`, as a byte range; a number takes its unit
    /// along when the unit follows it.
    pub fn find(&self, line: &str) -> Option<Range<usize>> {
        match *self {
            Figure::Line => None,
            Figure::Written(w) => line.find(w).map(|at| at..at + w.len()),
            Figure::Value { value, unit } => {
                let same =
                    |n: f64| SCALES.iter().any(|s| ((n - value * s) / (value * s)).abs() < 1e-9 || n == value * s);
                let found: Vec<Range<usize>> = numbers(line).filter(|(_, n)| same(*n)).map(|(r, _)| r).collect();
                let with_unit = found.iter().find(|r| !unit.is_empty() && line[r.end..].starts_with(unit));
                match with_unit {
                    Some(r) => Some(r.start..r.end + unit.len()),
                    None => found.into_iter().next(),
                }
            }
            Figure::Year(year) => {
                let (r, _) = numbers(line).find(|(r, n)| *n == f64::from(year) && !line[r.clone()].contains('.'))?;
                Some(r.start..r.end + date_tail(&line[r.end..]))
            }
        }
    }
}

/// The numbers written in `line`: runs of digits with thousands commas and a decimal
/// point, with their byte ranges.
fn numbers(line: &str) -> impl Iterator<Item = (Range<usize>, f64)> + '_ {
    let b = line.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !b[i].is_ascii_digit() {
            i += 1;
        }
        if i == b.len() {
            return None;
        }
        let start = i;
        while i < b.len()
            && (b[i].is_ascii_digit() || (matches!(b[i], b',' | b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        let text: String = line[start..i].chars().filter(|&c| c != ',').collect();
        Some((start..i, text.parse().unwrap_or(f64::NAN)))
    })
}

/// How many bytes of "年12月28日" follow a year: its month and day, when written. Some
/// documents space them out ("2007 年").
fn date_tail(rest: &str) -> usize {
    let mut len = 0;
    for unit in ['年', '月', '日'] {
        let spaced = |at: usize| rest[at..].bytes().take_while(|&b| b == b' ').count();
        let before = spaced(len);
        let digits = if len == 0 { 0 } else { rest[len + before..].bytes().take_while(u8::is_ascii_digit).count() };
        let at = len + before + digits;
        let at = at + spaced(at);
        if (len > 0 && digits == 0) || !rest[at..].starts_with(unit) {
            break;
        }
        len = at + unit.len_utf8();
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_is_found_in_any_magnitude_and_takes_its_unit() {
        let line = "2021年，新能源汽车产量48.2万辆、增长157.6%，共计482,000辆";
        let at = |f: Figure| f.find(line).map(|r| &line[r]);
        assert_eq!(at(Figure::Value { value: 48.2, unit: "万辆" }), Some("48.2万辆"));
        assert_eq!(at(Figure::Value { value: 157.6, unit: "%" }), Some("157.6%"));
        assert_eq!(at(Figure::Value { value: 48.2, unit: "辆" }), Some("482,000辆"), "the one followed by its unit");
        assert_eq!(at(Figure::Value { value: 9.9, unit: "万辆" }), None);
        assert_eq!(at(Figure::Written("新能源")), Some("新能源"));
        assert_eq!(at(Figure::Line), None);
    }

    #[test]
    fn a_year_takes_its_month_and_day() {
        let line = "于2017年12月28日获批，2018年起";
        assert_eq!(Figure::Year(2017).find(line).map(|r| &line[r]), Some("2017年12月28日"));
        assert_eq!(Figure::Year(2018).find(line).map(|r| &line[r]), Some("2018年"));
        assert_eq!(Figure::Year(2019).find(line), None);
        let spaced = "2007 年，柳州 2012 年 3 月起";
        assert_eq!(Figure::Year(2007).find(spaced).map(|r| &spaced[r]), Some("2007 年"));
        assert_eq!(Figure::Year(2012).find(spaced).map(|r| &spaced[r]), Some("2012 年 3 月"));
    }

    #[test]
    fn a_sentence_full_stop_is_not_a_decimal_point() {
        let line = "达到12.";
        let (r, n) = numbers(line).next().unwrap();
        assert_eq!((&line[r], n), ("12", 12.0));
    }
}
