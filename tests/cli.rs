//! The command line as a script uses it: output, exit status and errors.

use assert_cmd::Command;
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

    let text = stdout_of(&["show", "inspection-investment"]);
    assert!(text.contains("SOURCES DISAGREE"), "{text}");
    assert!(text.contains("超过10亿元") && text.contains("近15亿元"), "{text}");
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

#[test]
fn completions_are_generated() {
    assert!(stdout_of(&["completions", "bash"]).contains("liuzhou-tui"));
    assert!(stdout_of(&["completions", "fish"]).contains("complete -c liuzhou-tui"));
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

/// The bash script completes past the first word, in a real bash.
#[test]
fn bash_completion_completes_subcommand_arguments() {
    if std::process::Command::new("bash").arg("--version").output().is_err() {
        eprintln!("skipped: bash is not installed");
        return;
    }
    let script = stdout_of(&["completions", "bash"]);
    let complete = |words: &str, cword: usize, cur: &str, prev: &str| {
        let probe = format!(
            "{script}\nCOMP_WORDS=({words}); COMP_CWORD={cword}; _liuzhou__tui liuzhou-tui '{cur}' '{prev}'; echo \"${{COMPREPLY[*]}}\""
        );
        let out = std::process::Command::new("bash").args(["--norc", "-c", &probe]).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let list = complete("liuzhou-tui list ''", 2, "", "list");
    assert!(list.contains("indicators") && list.contains("sources"), "{list:?}");
    let formats = complete("liuzhou-tui export --format ''", 3, "", "--format");
    assert_eq!(formats.trim(), "json csv md ron");
    assert!(complete("liuzhou-tui ''", 1, "", "liuzhou-tui").contains("export"));
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
    }
}
