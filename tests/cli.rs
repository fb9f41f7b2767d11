//! The command line as a script uses it: output, exit status and errors.

mod common;
use std::collections::{BTreeMap, BTreeSet};

use assert_cmd::Command;
use liuzhou_tui::data::{Lang, Record};
use serde_json::Value;

fn cmd() -> Command {
    Command::cargo_bin("liuzhou-tui").unwrap()
}

fn stdout_of(args: &[&str]) -> String {
    let out = cmd().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn help_and_version() {
    let help = stdout_of(&["--help"]);
    for sub in ["export", "show", "list", "validate", "completions", "--data", "--lang"] {
        assert!(help.contains(sub), "--help lacks {sub}");
    }
    assert_eq!(stdout_of(&["--version"]), format!("liuzhou-tui {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn show_prints_figures_with_units_qualifiers_and_sources() {
    let text = stdout_of(&["show", "nev-output"]);
    assert!(text.contains("新能源汽车产量 · New-energy vehicle output"), "{text}");
    assert!(text.contains("48.2万辆") && text.contains("482,000 vehicles"), "{text}");
    assert!(text.contains("d000:29") && text.contains("000_b8cc0d6731add1d4.txt"), "{text}");
    assert!(text.contains("computed"), "{text}");
    // The summary and the notes in both languages, as the names are.
    assert!(text.contains("\n柳州全市新能源汽车年产量。\nNew-energy vehicles built in Liuzhou each year.\n"), "{text}");
    assert!(text.contains("note: 由2020年产量18.7万辆") && text.contains("Back-calculated from 2020's"), "{text}");

    let text = stdout_of(&["show", "inspection-investment"]);
    assert!(text.contains("SOURCES DISAGREE"), "{text}");
    assert!(text.contains("超过10亿元") && text.contains("近15亿元"), "{text}");
}

/// `show` is where a reader checks a figure against its source: every figure's period,
/// its wording in both languages and every date of an event are printed whole.
#[test]
fn show_prints_every_period_figure_and_date_whole() {
    let data = liuzhou_tui::embedded().unwrap();
    let text = stdout_of(&["show", "water-surface-rank"]);
    assert!(text.contains("  three years running (as of the 2023 reply) 全国第一 No. 1 reported d003:11"), "{text}");
    for r in data.records() {
        let text = stdout_of(&["show", r.id()]);
        for p in r.points() {
            for whole in [p.when(Lang::En), p.display(Lang::Zh), p.display(Lang::En)] {
                assert!(text.contains(&whole), "{}: {whole:?} is cut:\n{text}", r.id());
            }
        }
        if let Record::Event(e) = r {
            for d in &e.dates {
                assert!(text.contains(&d.display(Lang::En)), "{}:\n{text}", r.id());
            }
        }
    }
}

#[test]
fn show_json_has_the_record_and_its_sources() {
    let v: Value = serde_json::from_str(&stdout_of(&["show", "nev-output", "--format", "json"])).unwrap();
    assert_eq!(v["kind"], "indicator");
    assert_eq!(v["tab"], "industry");
    assert_eq!(v["record"]["id"], "nev-output");
    let files: Vec<&str> = v["sources"].as_array().unwrap().iter().map(|s| s["file"].as_str().unwrap()).collect();
    assert!(files.contains(&"002_3ddb6b1ddc45815e.txt"), "{files:?}");
}

#[test]
fn unknown_id_exits_1_and_says_what_to_do() {
    cmd().args(["show", "no-such-thing"]).assert().code(1).stdout("").stderr(
        predicates::str::contains("no record has the id \"no-such-thing\"")
            .and(predicates::str::contains("liuzhou-tui list")),
    );
}

#[test]
fn usage_errors_exit_2() {
    cmd().args(["export", "--format", "xml"]).assert().code(2);
    cmd().args(["frobnicate"]).assert().code(2);
}

#[test]
fn list_prints_one_record_a_line() {
    let sources = stdout_of(&["list", "sources"]);
    assert_eq!(sources.lines().count(), 5);
    assert!(sources.lines().all(|l| l.split('\t').count() == 3));
    let all = stdout_of(&["list"]);
    assert!(all.lines().count() > 150, "{} records", all.lines().count());
    assert!(all.contains("nev-output\t新能源汽车产量\tNew-energy vehicle output"));
}

#[test]
fn json_export_meets_the_contract() {
    let v: Value = serde_json::from_str(&stdout_of(&["export", "--format", "json"])).unwrap();
    let sources = v["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 5);
    assert!(sources.iter().all(|s| s["id"].is_string() && s["file"].is_string()));
    let mut points = Vec::new();
    collect_points(&v, &mut points);
    assert!(points.len() >= 150, "{} points", points.len());
    for p in points {
        assert!(p["value"].is_number(), "{p}");
        assert!(p["year"].is_i64() || p["year"].is_null(), "{p}");
        for key in ["unit", "source", "kind"] {
            assert!(p[key].is_string(), "{key} in {p}");
        }
        assert!(p["line"].as_u64().is_some_and(|l| l >= 1), "{p}");
        assert!(["reported", "computed"].contains(&p["kind"].as_str().unwrap()), "{p}");
    }
}

fn collect_points<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(map) => {
            if map.get("value").is_some_and(Value::is_number) {
                out.push(v);
            }
            map.values().for_each(|x| collect_points(x, out));
        }
        Value::Array(items) => items.iter().for_each(|x| collect_points(x, out)),
        _ => {}
    }
}

#[test]
fn csv_export_has_a_header_and_a_row_per_point_date_and_free_item() {
    let csv = stdout_of(&["export", "--format", "csv"]);
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("record_type,id,tab,theme_zh,theme_en,name_zh,name_en,value,unit_zh"));
    let json: Value = serde_json::from_str(&stdout_of(&["export", "--format", "json"])).unwrap();
    let mut points = Vec::new();
    collect_points(&json, &mut points);
    let dates: usize = json["timeline"].as_array().unwrap().iter().map(|e| e["dates"].as_array().unwrap().len()).sum();
    let items = json["livelihood"].as_array().unwrap().iter().flat_map(|l| l["items"].as_array().unwrap());
    let free = items.filter(|i| i.get("points").is_none()).count();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().map(Result::unwrap).count(), points.len() + dates + free);
}

#[test]
fn ron_export_round_trips_through_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("city");
    cmd().args(["export", "--format", "ron", "--output"]).arg(&out).assert().success();
    cmd().arg("validate").arg(&out).assert().success();
    let embedded = stdout_of(&["export", "--format", "json"]);
    let reread = cmd().arg("--data").arg(&out).args(["export", "--format", "json"]).output().unwrap();
    assert!(reread.status.success());
    assert_eq!(String::from_utf8(reread.stdout).unwrap(), embedded);
}

#[test]
fn validate_reports_problems_with_positions_and_exit_2() {
    cmd().args(["validate", "tests/fixtures/minimal"]).assert().success().stdout("tests/fixtures/minimal: ok\n");
    // The directory may come as the global --data, as every other command takes it.
    let with_data = cmd().args(["--data", "tests/fixtures/minimal", "validate"]).assert().success();
    with_data.stdout("tests/fixtures/minimal: ok\n");
    cmd().arg("validate").assert().code(2).stdout("").stderr(predicates::str::contains("`validate DIR`"));
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("tests/fixtures/minimal").unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let ind = dir.path().join("industry.ron");
    let text = std::fs::read_to_string(&ind).unwrap().replace("line: 4", "line: 11");
    std::fs::write(&ind, text).unwrap();
    cmd()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("industry.ron:9:66: line 11 is outside doc.txt, which has 10 lines"));
    cmd()
        .args(["--data", "/nonexistent/dir", "list"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("/nonexistent/dir: no such directory"));
}

use predicates::prelude::*;

#[test]
fn without_a_terminal_the_browser_says_so_instead_of_starting() {
    cmd().assert().code(2).stderr(
        predicates::str::contains("needs a terminal").and(predicates::str::contains("show, list, export, validate")),
    );
}

#[test]
fn search_prints_hits_best_first_and_exits_1_on_none() {
    let text = stdout_of(&["search", "zlqs", "--limit", "3"]);
    assert_eq!(text.lines().count(), 3);
    assert!(text.lines().next().unwrap().contains("ev-decision-quality-city"), "{text}");

    let v: Value = serde_json::from_str(&stdout_of(&["search", "quality", "city", "--format", "json"])).unwrap();
    let hits = v.as_array().unwrap();
    assert!(!hits.is_empty());
    for h in hits {
        for key in ["id", "kind", "tab"] {
            assert!(h[key].is_string(), "{key} in {h}");
        }
        assert!(h["title"]["zh"].is_string() && h["title"]["en"].is_string(), "{h}");
        assert!(h["score"].is_i64(), "{h}");
    }
    let scores: Vec<i64> = hits.iter().map(|h| h["score"].as_i64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");

    cmd().args(["search", "qqqqxxxx"]).assert().code(1).stdout("").stderr(predicates::str::contains("nothing matches"));
}

/// A qualifier's bad value is refused with a sentence naming what it takes.
#[test]
fn a_bad_qualifier_value_names_what_it_takes() {
    for (query, takes) in [
        ("year:20x1", "it takes a year or a range of years: 2021, 2019..2021, 2019.. or ..2021\n"),
        ("scope:town", "it takes city, guangxi, region or company\n"),
        ("is:new", "it takes computed or disputed\n"),
        ("src:zz", "it takes a source's id or the start of its file name: d000, d001, d002, d003, d004\n"),
    ] {
        let (key, value) = query.split_once(':').unwrap();
        let said = format!("liuzhou-tui: `{query}`: `{key}:` cannot be `{value}`; {takes}");
        cmd().args(["search", query]).assert().code(2).stdout("").stderr(said);
    }
}

/// A limit of no hits is a mistake, not a search that found nothing; a huge one is
/// refused before anything is sized by it.
#[test]
fn search_refuses_a_limit_outside_1_to_100000() {
    for limit in ["0", "100001", "4294967295", "18446744073709551616", "-1"] {
        cmd()
            .args(["search", "zlqs", &format!("--limit={limit}")])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains("invalid value").and(predicates::str::contains("--limit")));
    }
    assert_eq!(stdout_of(&["search", "zlqs", "--limit", "1"]).lines().count(), 1);
    assert!(stdout_of(&["search", "zlqs", "--limit", "100000"]).contains("ev-decision-quality-city"));
}

#[test]
fn a_mistyped_id_gets_the_nearest_one() {
    cmd()
        .args(["show", "nev-outpt"])
        .assert()
        .code(1)
        .stderr("liuzhou-tui: no record has the id \"nev-outpt\"; did you mean `nev-output`?\n");
}

#[test]
fn a_long_query_is_not_echoed_whole() {
    let query = "q".repeat(100_000);
    let out = cmd().args(["search", &query]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.len() < 200 && stderr.contains("nothing matches \"qqq"), "{} bytes", stderr.len());
}

/// An escape sequence in the data is printed as text, never sent to the terminal. Ids,
/// names and titles with one are refused when loading; a summary may have line breaks.
#[test]
fn control_characters_in_the_data_are_never_printed_raw() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("tests/fixtures/minimal").unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let industry = dir.path().join("industry.ron");
    let text = std::fs::read_to_string(&industry).unwrap();
    std::fs::write(&industry, text.replacen("Yearly output.", "Yearly\x1b[2J\x1b]0;x\x07\u{9b}\noutput.", 1)).unwrap();
    let out = cmd().arg("--data").arg(dir.path()).args(["show", "nev-output"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains(|c: char| c.is_control() && c != '\n'), "{stdout:?}");
    assert!(stdout.contains("Yearly\\u{1b}[2J\\u{1b}]0;x\\u{7}\\u{9b}\noutput."), "{stdout:?}");
}

#[test]
fn list_formats_for_scripts_and_pickers() {
    let tsv = stdout_of(&["list", "indicators", "--format", "tsv"]);
    let mut lines = tsv.lines();
    assert_eq!(lines.next(), Some("id\ttab\tname_zh\tname_en\tfigure\tyear"));
    let nev = lines.find(|l| l.starts_with("nev-output\t")).unwrap();
    let cells: Vec<&str> = nev.split('\t').collect();
    assert_eq!(cells.len(), 6, "{nev}");
    assert_eq!(cells[1], "industry");
    assert!(cells[4].contains("vehicles") && cells[5].parse::<i32>().is_ok(), "{nev}");

    let v: Value = serde_json::from_str(&stdout_of(&["list", "sources", "--format", "json"])).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r["id"].is_string() && r["title"]["zh"].is_string() && r["year"].is_i64()));
    // Text stays as it was: id, Chinese name, English name.
    assert_eq!(stdout_of(&["list", "--format", "text"]), stdout_of(&["list"]));
}

#[test]
fn man_prints_a_manual_page_from_the_clap_definition() {
    let page = stdout_of(&["man"]);
    assert!(page.starts_with(".ie") || page.contains(".TH liuzhou-tui"), "{}", &page[..200.min(page.len())]);
    for sub in ["export", "show", "list", "search", "validate", "completions"] {
        assert!(page.contains(sub), "the page lacks {sub}");
    }
    if std::process::Command::new("man").arg("--version").output().is_ok() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("liuzhou-tui.1");
        std::fs::write(&file, &page).unwrap();
        let out = std::process::Command::new("man").arg("-l").arg(&file).env("MANPAGER", "cat").output().unwrap();
        assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("liuzhou-tui"));
    } else {
        common::skip("man is not installed, so the page was checked as text but not rendered");
    }
}

// The analysis-ready CSV, the Markdown, and exports of the records a query selects.

/// The CSV's rows, each a map from column to cell.
fn rows(csv: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| header.iter().zip(r.unwrap().iter()).map(|(h, c)| (h.into(), c.into())).collect())
        .collect()
}

fn find<'a>(rows: &'a [BTreeMap<String, String>], id: &str) -> Vec<&'a BTreeMap<String, String>> {
    rows.iter().filter(|r| r["id"] == id).collect()
}

#[test]
fn the_csv_has_event_and_list_item_rows_and_values_in_base_units() {
    let csv = stdout_of(&["export", "--format", "csv"]);
    assert!(csv.split('\n').next().unwrap().ends_with('\r'), "RFC 4180 ends records with CRLF");
    let rows = rows(&csv);

    let nev_2020 = find(&rows, "nev-output").into_iter().find(|r| r["year"] == "2020").unwrap();
    assert_eq!(nev_2020["record_type"], "indicator");
    assert_eq!((nev_2020["value"].as_str(), nev_2020["unit_zh"].as_str()), ("18.7", "万辆"));
    assert_eq!(nev_2020["unit_en"], "10,000 vehicles");
    assert_eq!((nev_2020["value_base"].as_str(), nev_2020["unit_base"].as_str()), ("187000", "vehicles"));
    assert_eq!((nev_2020["source"].as_str(), nev_2020["line"].as_str()), ("d002", "27"));
    assert_eq!(nev_2020["file"], "002_3ddb6b1ddc45815e.txt");
    assert_eq!((nev_2020["theme_en"].as_str(), nev_2020["scope_en"].as_str()), ("Vehicles", "Liuzhou city"));
    let computed = find(&rows, "nev-output").into_iter().find(|r| r["year"] == "2019").unwrap();
    assert_eq!(computed["kind"], "computed");
    assert!(computed["note_en"].starts_with("Back-calculated"), "{computed:?}");

    let revenue = find(&rows, "luosifen-sales-revenue").into_iter().find(|r| r["year"] == "2020").unwrap();
    assert_eq!((revenue["value"].as_str(), revenue["value_base"].as_str()), ("109.94", "10994000000"));
    assert_eq!(revenue["unit_base"], "yuan");
    // Percents stay percents.
    assert!(
        rows.iter().filter(|r| r["unit_zh"] == "%").all(|r| r["value"] == r["value_base"] && r["unit_base"] == "%")
    );

    // An event gets a row per date its sources give.
    let dated = find(&rows, "ev-charcoal-car");
    assert_eq!(dated.len(), 1);
    assert_eq!((dated[0]["record_type"].as_str(), dated[0]["date"].as_str()), ("event_date", "1928"));
    assert_eq!((dated[0]["theme_en"].as_str(), dated[0]["value"].as_str()), ("milestone", ""));
    let by = rows.iter().find(|r| r["record_type"] == "event_date" && r["qualifier"] == "by").unwrap();
    assert!(by["period_en"].starts_with("by ") && by["period_zh"].starts_with("不晚于"), "{by:?}");

    // A free-list item without a figure still has its row, and its citation.
    let museums = find(&rows, "free-museums");
    assert_eq!(museums.len(), 1);
    assert_eq!((museums[0]["record_type"].as_str(), museums[0]["value"].as_str()), ("list_item", ""));
    assert_eq!((museums[0]["theme_en"].as_str(), museums[0]["source"].as_str()), ("The free list", "d002"));
    assert!(!museums[0]["line"].is_empty());
}

/// The ids the CSV rows belong to.
fn csv_ids(csv: &str) -> BTreeSet<String> {
    rows(csv).into_iter().map(|r| r["id"].clone()).collect()
}

/// The records `search` finds for `query`, as the ids CSV rows carry: a list
/// stands for its items, a source has no rows.
fn searched_ids(query: &str) -> BTreeSet<String> {
    let hits: Value =
        serde_json::from_str(&stdout_of(&["search", "--format", "json", "--limit", "100000", query])).unwrap();
    let mut ids = BTreeSet::new();
    for hit in hits.as_array().unwrap() {
        let id = hit["id"].as_str().unwrap();
        match hit["kind"].as_str().unwrap() {
            "source" => {}
            "list" => {
                let list: Value = serde_json::from_str(&stdout_of(&["show", id, "--format", "json"])).unwrap();
                ids.extend(
                    list["record"]["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_owned()),
                );
            }
            _ => drop(ids.insert(id.to_owned())),
        }
    }
    ids
}

#[test]
fn a_query_exports_only_the_records_search_selects_in_every_format() {
    let query = "luosifen";
    let csv = stdout_of(&["export", "--format", "csv", "--query", query]);
    let ids = csv_ids(&csv);
    assert!(ids.len() >= 2, "{ids:?}");
    assert_eq!(ids, searched_ids(query));
    // Every row a selected record has in the whole export, and no other.
    let all = rows(&stdout_of(&["export", "--format", "csv"]));
    let expected: Vec<_> = all.iter().filter(|r| ids.contains(&r["id"])).cloned().collect();
    assert_eq!(rows(&csv), expected);

    // The JSON and RON of a selection are a dataset of their own, with the sources cited.
    let json: Value = serde_json::from_str(&stdout_of(&["export", "--format", "json", "--query", query])).unwrap();
    let indicators = json["industry"].as_array().unwrap().iter().chain(json["ecology"].as_array().unwrap());
    let json_ids: BTreeSet<String> = indicators.map(|i| i["id"].as_str().unwrap().to_owned()).collect();
    assert!(json_ids.is_subset(&ids) && !json_ids.is_empty(), "{json_ids:?}");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("luosifen");
    cmd().args(["export", "--format", "ron", "--query", query, "-o"]).arg(&out).assert().success();
    cmd().arg("validate").arg(&out).assert().success();
    let reread = stdout_of(&["--data", out.to_str().unwrap(), "export", "--format", "json"]);
    assert_eq!(serde_json::from_str::<Value>(&reread).unwrap(), json);
}

#[test]
fn a_query_that_selects_nothing_exits_1_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("none.csv");
    cmd()
        .args(["export", "--format", "csv", "--query", "qqqqxxxxzzzz", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicates::str::contains("nothing matches \"qqqqxxxxzzzz\""));
    assert!(!out.exists());
}

#[test]
fn a_source_query_exports_the_records_citing_it_each_with_its_rows_there() {
    let csv = stdout_of(&["export", "--format", "csv", "--query", "src:d003"]);
    let ids = csv_ids(&csv);
    assert!(!ids.is_empty());
    assert_eq!(ids, searched_ids("src:d003"));
    let all = rows(&stdout_of(&["export", "--format", "csv"]));
    let selected = rows(&csv);
    for id in &ids {
        let d003 = |rows: &[BTreeMap<String, String>]| {
            rows.iter().filter(|r| &r["id"] == id && r["source"] == "d003").cloned().collect::<Vec<_>>()
        };
        assert!(!d003(&selected).is_empty(), "{id} has no d003 row");
        assert_eq!(d003(&selected), d003(&all), "{id}");
    }
}

/// Markdown through a real Markdown processor: every table comes out a table.
#[test]
fn markdown_renders_a_table_per_tab_with_footnotes() {
    let probe = std::process::Command::new("python3").args(["-c", "import markdown"]).output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: python3 with the markdown package is not installed");
        return;
    }
    for lang in ["en", "zh"] {
        let md = stdout_of(&["--lang", lang, "export", "--format", "md"]);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("export.md");
        std::fs::write(&file, &md).unwrap();
        let out = std::process::Command::new("python3")
            .args(["-m", "markdown", "-x", "tables", "-x", "footnotes"])
            .arg(&file)
            .output()
            .unwrap();
        let html = String::from_utf8(out.stdout).unwrap();
        assert_eq!(html.matches("<table>").count(), 5, "{lang}: a table per tab");
        let rows = md.lines().filter(|l| l.starts_with("| ")).count();
        assert_eq!(html.matches("<tr>").count(), rows, "{lang}: every row a table row");
        // A broken table leaves its pipes in a paragraph.
        assert!(!html.lines().any(|l| l.starts_with("<p>|")), "{lang}");
        let notes = md.lines().filter(|l| l.starts_with("[^")).count();
        assert!(notes > 50, "{lang}: {notes} footnotes");
        assert_eq!(html.matches("class=\"footnote-ref\"").count(), md.matches("| [^").count(), "{lang}");
    }
    let en = stdout_of(&["--lang", "en", "export", "--format", "md", "--query", "New-energy vehicle output"]);
    assert!(en.contains("| New-energy vehicle output | 2019 | 62,700 vehicles (computed) |"), "{en}");
    assert!(en.contains("line 27 (d002, 002_3ddb6b1ddc45815e.txt)"), "{en}");
}
