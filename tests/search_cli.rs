//! `liuzhou-tui search` speaks the query language: its formats, fields and exit codes.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

/// `liuzhou-tui search ARGS…`, not yet run.
fn search(args: &[&str]) -> Command {
    let mut c = Command::cargo_bin("liuzhou-tui").unwrap();
    c.arg("search").args(args);
    c
}

/// What a successful `search ARGS…` prints.
fn found(args: &[&str]) -> String {
    String::from_utf8(search(args).assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn tsv_prints_id_tab_title_figure_year() {
    let tsv = found(&["--format", "tsv", "--lang", "en", "--", "new-energy vehicle output"]);
    let mut lines = tsv.lines();
    assert_eq!(lines.next(), Some("id\ttab\ttitle\tfigure\tyear"));
    let first: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(first, ["nev-output", "industry", "New-energy vehicle output", "667,000 vehicles", "2022"]);
    let zh = found(&["--format", "tsv", "--lang", "zh", "--limit", "1", "xnyqccl"]);
    assert_eq!(zh.lines().nth(1), Some("nev-output\tindustry\t新能源汽车产量\t66.7万辆\t2022"));
    assert!(tsv.lines().all(|l| l.split('\t').count() == 5), "{tsv}");
    // The figure is the latest the sources report, not our check of it (38.4%).
    let growth = found(&["--format", "tsv", "--lang", "en", "--limit", "1", "nev growth"]);
    assert_eq!(growth.lines().nth(1), Some("nev-growth\tindustry\tGrowth of new-energy vehicle output\t38.6%\t2022"));
}

/// With `year:`, a hit's figure is of those years: the reported one, else ours, starred.
#[test]
fn a_year_qualifier_shows_the_figure_of_that_year() {
    let row = |query: &str| found(&["--format", "tsv", "--lang", "en", "--limit", "1", "--", query]);
    let nev = "nev-output\tindustry\tNew-energy vehicle output";
    assert_eq!(row("year:2020 ^new-energy").lines().nth(1), Some(&*format!("{nev}\t187,000 vehicles\t2020")));
    assert_eq!(row("year:2019..2021 ^new-energy").lines().nth(1), Some(&*format!("{nev}\t482,000 vehicles\t2021")));
    assert_eq!(row("year:2019 ^new-energy").lines().nth(1), Some(&*format!("{nev}\t62,700 vehicles*\t2019")));
    // Without `year:`, the latest reported.
    assert_eq!(row("^new-energy").lines().nth(1), Some(&*format!("{nev}\t667,000 vehicles\t2022")));
}

#[test]
fn json_hits_say_where_they_matched_with_a_snippet_for_the_body() {
    let v: Value = serde_json::from_str(&found(&["--format", "json", "excavator"])).unwrap();
    let hits = v.as_array().unwrap();
    assert!(hits.iter().any(|h| h["matched"] == "title" && h["snippet"].is_null()), "{v}");
    for h in hits {
        assert!(h["score"].is_u64(), "{h}");
        assert!(h["matched"].is_string(), "{h}");
    }
    let v: Value = serde_json::from_str(&found(&["--format", "json", "prefecture-level"])).unwrap();
    let h = &v[0];
    assert_eq!(h["matched"], "body:summary", "{h}");
    assert_eq!(h["snippet"]["field"], "summary");
    let text = h["snippet"]["text"].as_str().unwrap();
    let range = &h["snippet"]["highlight"][0];
    let (start, end) = (range["start"].as_u64().unwrap() as usize, range["end"].as_u64().unwrap() as usize);
    let lit: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(lit, "prefecture-level", "{h}");
}

#[test]
fn text_shows_the_snippet_under_a_body_hit_and_no_negative_score() {
    let text = found(&["667,000"]);
    let mut lines = text.lines();
    assert!(lines.next().unwrap().contains("nev-output"), "{text}");
    assert!(lines.next().unwrap().trim_start().starts_with("figure: 667,000 vehicles"), "{text}");
    let wide = found(&["--limit", "200", "i"]);
    let scores = wide.lines().filter(|l| !l.starts_with("       ")).map(|l| l.split_whitespace().next().unwrap());
    assert!(scores.clone().count() > 20 && scores.clone().all(|s| s.parse::<u32>().is_ok()), "{wide}");
}

/// A text row ends with the headline figure in both languages and its year, of the
/// years asked for where there is one, so that a reader can often stop at the list.
#[test]
fn text_rows_end_with_the_headline_figure_and_its_year() {
    for (args, id, end) in [
        (&["nev"][..], "nev-output", "New-energy vehicle output  (66.7万辆 · 667,000 vehicles · 2022)"),
        (&["year:2019", "nev"], "nev-output", "output  (6.27万辆* · 62,700 vehicles* · 2019)"),
        (&["挖掘机"], "ev-liugong-sales-2020", "loader sales jump  (2020)"),
        (&["d002"], "d002", "industrial economy  (2021)"),
    ] {
        let text = found(args);
        let row = text.lines().find(|l| l.split_whitespace().nth(1) == Some(id));
        assert!(row.is_some_and(|r| r.ends_with(end)), "{args:?}: no row of {id} ends with {end:?}:\n{text}");
    }
}

#[test]
fn qualifiers_alone_list_in_dataset_order() {
    let tsv = found(&["--format", "tsv", "--limit", "1000", "tab:ecology"]);
    let list = String::from_utf8(
        Command::cargo_bin("liuzhou-tui").unwrap().args(["list", "--format", "tsv"]).output().unwrap().stdout,
    )
    .unwrap();
    let ecology: Vec<&str> = list
        .lines()
        .filter(|l| l.split('\t').nth(1) == Some("ecology"))
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    let found: Vec<&str> = tsv.lines().skip(1).map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(found, ecology);
}

#[test]
fn exit_codes_say_found_nothing_or_a_bad_query() {
    search(&["zzzq"]).assert().code(1).stdout("").stderr(predicate::str::contains("nothing matches"));
    search(&["steel", "year:1900"]).assert().code(1);
    for (query, names) in
        [("colour:red", "year:"), ("year:soon", "2019..2021"), ("tab:nowhere", "生态"), ("is:odd", "computed")]
    {
        search(&[query])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(query.split(':').next().unwrap()).and(predicate::str::contains(names)));
    }
    search(&["--limit", "0", "steel"]).assert().code(2).stderr(predicate::str::contains("--limit"));
}
