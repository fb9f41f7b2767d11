//! Indicators side by side: one row per year, one column per indicator, with each
//! cell's value, unit and kind, and an index (first year = 100) for when the units
//! differ. The CLI prints it, the TUI draws it and exports write it; no terminal here.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::data::{Dataset, Indicator, Kind, Point, Qualifier, Record, Text, number};
use crate::suggest;

/// At most this many indicators are compared: more lines than this on one chart, or
/// columns in one table, are no longer read.
pub const MAX_SERIES: usize = 6;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("no record has the id {id:?}{}", did_you_mean(.nearest))]
    Unknown { id: String, nearest: Option<String> },
    #[error("{id:?} is {kind}, not an indicator; only indicators have figures by year")]
    NotIndicator { id: String, kind: &'static str },
    #[error("{id:?} has no figure for a year, so it has no row by year to compare")]
    NoYears { id: String },
    #[error("at most {MAX_SERIES} indicators can be compared; {0} were given")]
    TooMany(usize),
    #[error("give at least one indicator id to compare")]
    Empty,
}

fn did_you_mean(nearest: &Option<String>) -> String {
    match nearest {
        Some(id) => format!("; did you mean `{id}`?"),
        None => "; `liuzhou-tui list indicators` shows every id".to_owned(),
    }
}

/// The comparison of a few indicators: owned, so the TUI can keep it open.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub columns: Vec<Column>,
    /// Every year any column has a figure for, in order.
    pub rows: Vec<YearRow>,
}

/// One compared indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub id: String,
    pub name: Text,
    /// The unit every figure of the column is in, as the data writes it (万辆, 亿元).
    pub unit: String,
    /// A rank: a smaller number is a better place.
    pub rank: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearRow {
    pub year: i32,
    /// One cell per column; `None` where that indicator has no figure for the year.
    pub cells: Vec<Option<Cell>>,
}

/// One figure of the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub value: f64,
    pub unit: String,
    /// Derived by us from reported figures, not stated by a source.
    pub computed: bool,
    pub qualifier: Qualifier,
    pub source: String,
    pub line: u32,
}

impl Comparison {
    /// The indicators with these ids, in the order given; a repeated id counts once.
    pub fn new(data: &Dataset, ids: &[impl AsRef<str>]) -> Result<Comparison, CompareError> {
        let mut indicators: Vec<&Indicator> = Vec::new();
        for id in ids.iter().map(AsRef::as_ref) {
            match data.find(id) {
                Some(Record::Indicator(ind, _)) => {
                    if !indicators.iter().any(|i| i.id == ind.id) {
                        indicators.push(ind);
                    }
                }
                Some(other) => {
                    return Err(CompareError::NotIndicator { id: id.to_owned(), kind: article(other.kind()) });
                }
                None => {
                    let nearest = suggest::nearest_id(data, id).map(str::to_owned);
                    return Err(CompareError::Unknown { id: id.to_owned(), nearest });
                }
            }
        }
        Comparison::of(&indicators)
    }

    /// The comparison of indicators already found.
    pub fn of(indicators: &[&Indicator]) -> Result<Comparison, CompareError> {
        match indicators.len() {
            0 => return Err(CompareError::Empty),
            n if n > MAX_SERIES => return Err(CompareError::TooMany(n)),
            _ => {}
        }
        let series: Vec<Vec<&Point>> = indicators.iter().map(|i| series(i)).collect();
        if let Some(k) = series.iter().position(Vec::is_empty) {
            return Err(CompareError::NoYears { id: indicators[k].id.to_string() });
        }
        let mut years: BTreeMap<i32, Vec<Option<Cell>>> = BTreeMap::new();
        for (k, points) in series.iter().enumerate() {
            for p in points {
                let Some(year) = p.year else { continue };
                let cells = years.entry(year).or_insert_with(|| vec![None; indicators.len()]);
                cells[k] = Some(Cell {
                    value: p.value,
                    unit: p.unit.to_string(),
                    computed: p.kind == Kind::Computed,
                    qualifier: p.qualifier,
                    source: p.source.to_string(),
                    line: p.line,
                });
            }
        }
        let columns = indicators
            .iter()
            .zip(&series)
            .map(|(ind, points)| {
                let unit = points.first().map_or_else(String::new, |p| p.unit.to_string());
                Column { id: ind.id.to_string(), name: ind.name.clone(), rank: unit == RANK, unit }
            })
            .collect();
        let rows = years.into_iter().map(|(year, cells)| YearRow { year, cells }).collect();
        Ok(Comparison { columns, rows })
    }

    /// True when the columns are in different units, so only an index compares them.
    pub fn units_differ(&self) -> bool {
        self.columns.windows(2).any(|w| w[0].unit != w[1].unit)
    }

    /// Each cell as an index of its column's first figure (= 100); `None` where there
    /// is no figure, or the first figure is zero. A rank's index is the first place
    /// over this one (No. 2 then No. 1 gives 100, 200), so that a rise is a gain, as
    /// with every other column.
    pub fn index(&self) -> Vec<Vec<Option<f64>>> {
        let bases: Vec<Option<f64>> = (0..self.columns.len())
            .map(|k| self.rows.iter().find_map(|r| r.cells[k].as_ref()).map(|c| c.value).filter(|&v| v != 0.0))
            .collect();
        let ratio = |k: usize, v: f64, base: f64| {
            let r = if self.columns[k].rank { base / v } else { v / base };
            r.is_finite().then_some(r * 100.0)
        };
        self.rows
            .iter()
            .map(|r| {
                r.cells.iter().zip(&bases).enumerate().map(|(k, (c, b))| ratio(k, c.as_ref()?.value, (*b)?)).collect()
            })
            .collect()
    }

    /// The table as CSV: `year`, one column per indicator headed `id (unit)` with the
    /// figures as the data gives them, and `computed`, naming the columns whose figure
    /// in that row is derived by us rather than reported.
    pub fn write_csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        let mut head = vec!["year".to_owned()];
        head.extend(self.columns.iter().map(|c| format!("{} ({})", c.id, c.unit)));
        head.push("computed".to_owned());
        w.write_record(&head)?;
        for row in &self.rows {
            let mut record = vec![row.year.to_string()];
            record.extend(row.cells.iter().map(|c| c.as_ref().map_or_else(String::new, |c| number(c.value, false))));
            let computed: Vec<&str> = row
                .cells
                .iter()
                .zip(&self.columns)
                .filter(|(c, _)| c.as_ref().is_some_and(|c| c.computed))
                .map(|(_, col)| col.id.as_str())
                .collect();
            record.push(computed.join(" "));
            w.write_record(&record)?;
        }
        w.flush()
    }
}

/// The unit of a rank (第1位).
pub const RANK: &str = "位";

/// "an event", "a source": for the message.
fn article(kind: &'static str) -> &'static str {
    match kind {
        "event" => "an event",
        "item" => "an item",
        "list" => "a list",
        _ => "a source",
    }
}

/// One figure per year in the indicator's main unit (the one most of its figures
/// use), reported figures before computed ones of the same year. Computed figures are
/// kept, so that charts can show them as such rather than leave them out.
pub fn series(ind: &Indicator) -> Vec<&Point> {
    let mut units: BTreeMap<&str, usize> = BTreeMap::new();
    for p in ind.points.iter().filter(|p| p.year.is_some()) {
        *units.entry(&*p.unit).or_default() += 1;
    }
    let Some((&unit, _)) = units.iter().max_by_key(|(_, n)| **n) else {
        return Vec::new();
    };
    let mut by_year: BTreeMap<i32, &Point> = BTreeMap::new();
    for p in ind.points.iter().filter(|p| p.unit == unit) {
        if let Some(y) = p.year {
            let slot = by_year.entry(y).or_insert(p);
            if slot.kind == Kind::Computed && p.kind == Kind::Reported {
                *slot = p;
            }
        }
    }
    by_year.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        crate::embedded().unwrap()
    }

    #[test]
    fn nev_and_luosifen_share_2020_and_differ_in_unit() {
        let c = Comparison::new(&data(), &["nev-output", "luosifen-sales-revenue"]).unwrap();
        assert_eq!(c.rows.iter().map(|r| r.year).collect::<Vec<_>>(), [2019, 2020, 2021, 2022]);
        let y2020 = &c.rows[1];
        assert_eq!(y2020.cells.iter().map(|c| c.as_ref().unwrap().value).collect::<Vec<_>>(), [18.7, 109.94]);
        assert!(c.rows[0].cells[0].as_ref().unwrap().computed, "2019's NEV figure is computed");
        assert!(c.rows[0].cells[1].is_none());
        assert!(c.units_differ());
        let index = c.index();
        assert_eq!(index[0][0], Some(100.0));
        assert_eq!(index[1][1], Some(100.0));
        assert!((index[3][0].unwrap() - 66.7 / 6.27 * 100.0).abs() < 1e-9);
    }

    #[test]
    fn a_year_keeps_its_reported_figure_over_a_computed_one() {
        let c = Comparison::new(&data(), &["nev-growth"]).unwrap();
        let cells: Vec<(f64, bool)> =
            c.rows.iter().map(|r| r.cells[0].as_ref().map(|c| (c.value, c.computed)).unwrap()).collect();
        assert_eq!(cells, [(198.2, false), (157.6, false), (38.6, false)]);
        assert!(!c.units_differ());
    }

    #[test]
    fn a_ranks_index_rises_as_its_place_improves() {
        let c = Comparison::new(&data(), &["water-surface-rank", "nev-output"]).unwrap();
        assert!(c.columns[0].rank);
        let index: Vec<Option<f64>> = c.index().iter().map(|r| r[0]).collect();
        assert_eq!(index, [Some(100.0), Some(200.0), None, None], "No. 2 in 2019, No. 1 in 2020");
    }

    #[test]
    fn errors_name_the_problem() {
        let d = data();
        let e = Comparison::new(&d, &["nev-outpt"]).unwrap_err();
        assert_eq!(e.to_string(), "no record has the id \"nev-outpt\"; did you mean `nev-output`?");
        let e = Comparison::new(&d, &["d002"]).unwrap_err();
        assert_eq!(e, CompareError::NotIndicator { id: "d002".into(), kind: "a source" });
        let ids: Vec<&str> = d.industry.iter().take(7).map(|i| &*i.id).collect();
        assert_eq!(Comparison::new(&d, &ids).unwrap_err(), CompareError::TooMany(7));
        assert_eq!(Comparison::new(&d, &[] as &[&str]).unwrap_err(), CompareError::Empty);
    }

    #[test]
    fn csv_heads_columns_with_their_units_and_names_computed_cells() {
        let c = Comparison::new(&data(), &["nev-output", "luosifen-sales-revenue"]).unwrap();
        let mut out = Vec::new();
        c.write_csv(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "year,nev-output (万辆),luosifen-sales-revenue (亿元),computed");
        assert_eq!(lines[1], "2019,6.27,,nev-output");
        assert_eq!(lines[2], "2020,18.7,109.94,");
        assert_eq!(lines[3], "2021,48.2,151.7,luosifen-sales-revenue");
    }
}
