//! `compare`: indicators side by side, one row per year and one column per indicator,
//! as text, JSON or CSV.

use std::io::{self, Write};

use clap::ValueEnum;
use serde_json::json;

use crate::compare::Comparison;
use crate::data::number;
use crate::export;
use crate::text;

use super::CliError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Text,
    Json,
    Csv,
}

pub fn run(c: &Comparison, format: CompareFormat, out: &mut dyn Write) -> Result<(), CliError> {
    match format {
        CompareFormat::Text => write_text(c, out)?,
        CompareFormat::Json => {
            let value = json!({
                "columns": c.columns,
                "rows": c.rows,
                "units_differ": c.units_differ(),
                "index": c.index(),
            });
            export::json_value(&value, out)?;
        }
        CompareFormat::Csv => c.write_csv(out)?,
    }
    Ok(())
}

/// The columns' names and units, the table (a `*` on computed figures), and, when the
/// units differ, the same table as an index.
fn write_text(c: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let clean = |s: &str| text::escape_controls(s, "").into_owned();
    let id_w = c.columns.iter().map(|col| text::width(&col.id)).max().unwrap_or(0);
    for col in &c.columns {
        let (zh, en) = (clean(col.name.zh()), clean(col.name.en()));
        writeln!(out, "{}  {zh} · {en} ({})", text::pad(&col.id, id_w), col.unit)?;
    }
    let figures: Vec<Vec<String>> = c
        .rows
        .iter()
        .map(|r| {
            let cell = |cell: &Option<crate::compare::Cell>| {
                cell.as_ref().map_or_else(String::new, |x| starred(number(x.value, true), x.computed))
            };
            r.cells.iter().map(cell).collect()
        })
        .collect();
    writeln!(out)?;
    table(c, &figures, out)?;
    if c.rows.iter().any(|r| r.cells.iter().flatten().any(|x| x.computed)) {
        writeln!(out, "* computed by us from reported figures; `show ID` says how")?;
    }
    if c.units_differ() {
        writeln!(out, "\nThe units differ: as an index, each indicator's first year = 100")?;
        if c.columns.iter().any(|col| col.rank) {
            writeln!(out, "(a rank's index is its first place over this one, so that a rise is a gain)")?;
        }
        // An index of a computed figure is marked as the figure is.
        let index: Vec<Vec<String>> = c
            .index()
            .iter()
            .zip(&c.rows)
            .map(|(r, row)| {
                let computed = row.cells.iter().map(|x| x.as_ref().is_some_and(|x| x.computed));
                r.iter()
                    .zip(computed)
                    .map(|(v, k)| v.map_or_else(String::new, |v| starred(format!("{v:.1}"), k)))
                    .collect()
            })
            .collect();
        table(c, &index, out)?;
    }
    Ok(())
}

/// A figure, with a `*` when we computed it.
fn starred(figure: String, computed: bool) -> String {
    if computed { figure + "*" } else { figure }
}

/// A year column, then one right-aligned column per indicator headed by its id.
fn table(c: &Comparison, cells: &[Vec<String>], out: &mut dyn Write) -> io::Result<()> {
    let widths: Vec<usize> = c
        .columns
        .iter()
        .enumerate()
        .map(|(k, col)| cells.iter().map(|r| text::width(&r[k])).max().unwrap_or(0).max(text::width(&col.id)))
        .collect();
    let mut head = String::from("year");
    for (col, w) in c.columns.iter().zip(&widths) {
        head.push_str(&format!("  {:>w$}", col.id));
    }
    writeln!(out, "{}", head.trim_end())?;
    for (row, cells) in c.rows.iter().zip(cells) {
        let mut line = row.year.to_string();
        for (cell, w) in cells.iter().zip(&widths) {
            line.push_str(&format!("  {cell:>w$}"));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
