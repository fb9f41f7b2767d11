//! `liuzhou-tui compare`: indicators side by side, as text, JSON and CSV, and its errors.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn compare(args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("liuzhou-tui").unwrap().arg("compare").args(args).assert()
}

fn stdout(assert: assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.success().get_output().stdout.clone()).unwrap()
}

const NEV_AND_LUOSIFEN: [&str; 2] = ["nev-output", "luosifen-sales-revenue"];

#[test]
fn csv_has_one_row_per_year_with_the_figures_in_the_units_of_its_header() {
    let csv = stdout(compare(&[&NEV_AND_LUOSIFEN[..], &["--format", "csv"]].concat()));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "year,nev-output (万辆),luosifen-sales-revenue (亿元),computed");
    assert!(lines.contains(&"2020,18.7,109.94,"), "{csv}");
    assert!(lines.contains(&"2019,6.27,,nev-output"), "the computed 2019 figure is kept and named: {csv}");
    assert_eq!(lines.len(), 5, "a header and 2019–2022: {csv}");
}

#[test]
fn text_is_a_table_by_year_with_computed_figures_starred_and_an_index() {
    let text = stdout(compare(&NEV_AND_LUOSIFEN));
    assert!(text.contains("nev-output              新能源汽车产量 · New-energy vehicle output (万辆)"), "{text}");
    let row_2020 = text.lines().find(|l| l.starts_with("2020")).unwrap();
    assert_eq!(row_2020.split_whitespace().collect::<Vec<_>>(), ["2020", "18.7", "109.94"]);
    assert!(text.contains("6.27*") && text.contains("151.7*"), "{text}");
    assert!(text.contains("The units differ: as an index, each indicator's first year = 100"), "{text}");
    // The index of a computed figure is starred as the figure is.
    let index_2021 = text.lines().filter(|l| l.starts_with("2021")).nth(1).unwrap();
    assert_eq!(index_2021.split_whitespace().collect::<Vec<_>>(), ["2021", "768.7", "138.0*"]);
    // One unit, no index.
    let same = stdout(compare(&["nev-growth", "water-class-i-share"]));
    assert!(!same.contains("index"), "{same}");
}

#[test]
fn json_has_columns_rows_cells_and_the_index() {
    let json = stdout(compare(&[&NEV_AND_LUOSIFEN[..], &["--format", "json"]].concat()));
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["columns"][0]["id"], "nev-output");
    assert_eq!(v["columns"][1]["unit"], "亿元");
    assert_eq!(v["units_differ"], true);
    let y2021 = &v["rows"][2];
    assert_eq!(y2021["year"], 2021);
    assert_eq!(y2021["cells"][1]["value"], 151.7);
    assert_eq!(y2021["cells"][1]["computed"], true);
    assert_eq!(y2021["cells"][1]["qualifier"], "about");
    assert_eq!(v["rows"][0]["cells"][1], Value::Null, "no luosifen figure for 2019");
    assert_eq!(v["index"][1][1], 100.0, "luosifen's first year is 2020");
}

#[test]
fn errors_say_what_is_wrong_with_status_2() {
    compare(&["nev-outpt"]).code(2).stdout("").stderr(predicate::str::contains("did you mean `nev-output`?"));
    compare(&["d002"]).code(2).stderr(predicate::str::contains("\"d002\" is a source, not an indicator"));
    // A figure without a year has no row: an empty column headed "()" helped no one.
    let yearless = predicate::str::contains("\"sgmw-cumulative-output\" has no figure for a year");
    compare(&["nev-output", "sgmw-cumulative-output"]).code(2).stdout("").stderr(yearless);
    let seven = ["nev-output", "nev-growth", "luosifen-sales-revenue", "mfg-quality-index", "science-awards"];
    let seven = [&seven[..], &["water-surface-rank", "water-class-i-share"]].concat();
    compare(&seven).code(2).stderr(predicate::str::contains("at most 6 indicators can be compared; 7 were given"));
    compare(&[]).code(2).stderr(predicate::str::contains("required"));
    compare(&["nev-output", "--format", "xml"]).code(2);
}
