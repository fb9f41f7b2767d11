//! Every class of bad data is refused with a message naming the file and position,
//! and nothing is half-loaded.

use std::fs;
use std::path::Path;

use liuzhou_tui::data::Dataset;
use liuzhou_tui::data::error::LoadError;

const MINIMAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal");

/// (file, text to replace, replacement)
type Edit<'a> = (&'a str, &'a str, &'a str);

/// A copy of the minimal valid dataset with `edits` applied.
fn broken(edits: &[Edit]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(MINIMAL).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    for (file, from, to) in edits {
        let path = dir.path().join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from:?} not in {file}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
    dir
}

fn problems(dir: &Path) -> String {
    let err: LoadError = Dataset::from_dir(dir).expect_err("the dataset should be refused");
    err.to_string()
}

#[test]
fn the_minimal_fixture_is_valid() {
    let data = Dataset::from_dir(Path::new(MINIMAL)).unwrap();
    assert_eq!(data.industry[0].points.len(), 2);
}

#[test]
fn each_problem_names_file_line_and_column() {
    // (what, edits, expected text in the report)
    let cases: &[(&str, &[Edit], &[&str])] = &[
        ("syntax error", &[("industry.ron", "year: 2020,", "year: 2020")], &["industry.ron:8:50: Expected comma"]),
        (
            "unknown field",
            &[("industry.ron", "theme: vehicles,", "theme: vehicles, colour: 1,")],
            &["industry.ron:4:26: Unexpected field named `colour` in `Indicator`"],
        ),
        (
            "bad date",
            &[("timeline.ron", "\"2012\"", "\"2012-13\"")],
            &["timeline.ron:8:21: invalid date \"2012-13\": expected YYYY, YYYY-MM or YYYY-MM-DD"],
        ),
        (
            "empty summary",
            &[("industry.ron", "summary: (zh: \"年产量。\"", "summary: (zh: \" \"")],
            &["industry.ron:6:9: summary is empty"],
        ),
        (
            "newline in a name",
            &[("industry.ron", "en: \"New-energy vehicle output\"", "en: \"New-energy\\nvehicle output\"")],
            &["industry.ron:5:9: name has a control character"],
        ),
        (
            "escape in an id",
            &[("industry.ron", "id: \"nev-output\"", "id: \"nev\\u{1b}[2J\"")],
            &["industry.ron: id has a control character"],
        ),
        (
            "a day past the month's end",
            &[("timeline.ron", "\"2012\"", "\"2021-02-30\"")],
            &["timeline.ron:8:21: invalid date \"2021-02-30\": that month has 28 days"],
        ),
        (
            "duplicate id",
            &[("timeline.ron", "\"ev-decision\"", "\"nev-output\"")],
            &["timeline.ron:3:9: duplicate id \"nev-output\", first defined at industry.ron:3:9"],
        ),
        (
            "dangling source",
            &[("ecology.ron", "source: \"doc\"", "source: \"nope\"")],
            &["ecology.ron:8:47: source \"nope\" is not in sources.ron"],
        ),
        (
            "line outside its document",
            &[("industry.ron", "line: 4", "line: 11")],
            &["industry.ron:9:66: line 11 is outside doc.txt, which has 10 lines"],
        ),
        (
            "year out of range",
            &[("industry.ron", "year: 2021", "year: 1800")],
            &["industry.ron:9:39: year 1800 is out of range (1900–2100)"],
        ),
        (
            "unknown unit",
            &[("industry.ron", "unit: \"万辆\", year: 2021", "unit: \"furlongs\", year: 2021")],
            &["industry.ron:9:27: unknown unit \"furlongs\""],
        ),
        (
            "a count that says it counts nothing",
            &[("industry.ron", "unit: \"万辆\", year: 2021", "unit: \"万辆\", counts: \" \", year: 2021")],
            &["industry.ron:9:39: counts is empty"],
        ),
        (
            "NaN",
            &[("industry.ron", "value: 48.2", "value: NaN")],
            &["industry.ron:9:14: value NaN is not a finite number"],
        ),
        (
            "infinity",
            &[("industry.ron", "value: 48.2", "value: inf")],
            &["industry.ron:9:14: value inf is not a finite number"],
        ),
        (
            "absurd number",
            &[("industry.ron", "value: 48.2", "value: 1e300")],
            &["industry.ron:9:14: value 1e300 is out of range (magnitude over 1e12)"],
        ),
        (
            "dangling item source",
            &[("livelihood.ron", "source: \"doc\"", "source: \"gone\"")],
            &["livelihood.ron:6:83: source \"gone\" is not in sources.ron"],
        ),
    ];
    for (what, edits, expected) in cases {
        let dir = broken(edits);
        let report = problems(dir.path());
        for e in *expected {
            assert!(report.contains(e), "{what}: expected {e:?} in\n{report}");
        }
        assert!(report.contains("hint: "), "{what}: no hint in\n{report}");
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let dir = broken(&[
        ("industry.ron", "unit: \"万辆\", year: 2021", "unit: \"furlongs\", year: 2021"),
        ("ecology.ron", "source: \"doc\"", "source: \"nope\""),
        ("timeline.ron", "line: 6", "line: 99"),
    ]);
    let report = problems(dir.path());
    assert!(report.starts_with("the dataset has 3 problems:"), "{report}");
    for needle in ["industry.ron:9:27:", "ecology.ron:8:47:", "timeline.ron:8:43:"] {
        assert!(report.contains(needle), "{needle} missing in\n{report}");
    }
}

#[test]
fn syntax_errors_in_several_files_are_all_reported() {
    let dir =
        broken(&[("industry.ron", "year: 2020,", "year: 2020"), ("ecology.ron", "theme: water,", "theme: water")]);
    let report = problems(dir.path());
    assert!(report.contains("industry.ron:8:50:") && report.contains("ecology.ron:5:9:"), "{report}");
}

fn write(dir: &Path, file: &str, bytes: &[u8]) {
    fs::write(dir.join(file), bytes).unwrap();
}

#[test]
fn unreadable_files_are_refused_with_the_file_named() {
    let dir = broken(&[]);
    write(dir.path(), "ecology.ron", b"");
    assert!(problems(dir.path()).contains("ecology.ron: the file is empty"));

    let dir = broken(&[]);
    fs::remove_file(dir.path().join("timeline.ron")).unwrap();
    assert!(problems(dir.path()).contains("timeline.ron: the file is missing"));

    let dir = broken(&[]);
    write(dir.path(), "sources.ron", b"[ (id: \"\xff\xfe\") ]");
    assert!(problems(dir.path()).contains("sources.ron: the file is not valid UTF-8 (bad byte at offset 8)"));

    let dir = broken(&[]);
    let big = fs::File::create(dir.path().join("livelihood.ron")).unwrap();
    big.set_len(liuzhou_tui::data::MAX_FILE_BYTES + 1).unwrap();
    let expected = format!(
        "livelihood.ron: the file is {} bytes, over the {}-byte limit",
        liuzhou_tui::data::MAX_FILE_BYTES + 1,
        liuzhou_tui::data::MAX_FILE_BYTES
    );
    assert!(problems(dir.path()).contains(&expected));
}

#[test]
fn truncated_and_deeply_nested_files_fail_cleanly() {
    let dir = broken(&[]);
    let text = fs::read_to_string(dir.path().join("industry.ron")).unwrap();
    write(dir.path(), "industry.ron", &text.as_bytes()[..text.len() / 2]);
    let report = problems(dir.path());
    assert!(report.contains("industry.ron:"), "{report}");

    let dir = broken(&[]);
    write(dir.path(), "industry.ron", "[".repeat(100_000).as_bytes());
    let report = problems(dir.path());
    assert!(report.contains("industry.ron:1:2: Expected opening `(`"), "{report}");

    // Nesting inside a value the types do accept hits the recursion limit, not the stack.
    let dir = broken(&[]);
    let deep = format!("[(id: \"x\", theme: vehicles, name: {}", "Some(".repeat(100_000));
    write(dir.path(), "industry.ron", deep.as_bytes());
    let report = problems(dir.path());
    assert!(report.contains("industry.ron:1:"), "{report}");
}

#[test]
fn lines_ending_in_cr_alone_are_counted() {
    let dir = broken(&[("industry.ron", "line: 4", "line: 11")]);
    let path = dir.path().join("industry.ron");
    fs::write(&path, fs::read_to_string(&path).unwrap().replace('\n', "\r")).unwrap();
    let report = problems(dir.path());
    assert!(report.contains("industry.ron:9:66: line 11 is outside doc.txt"), "{report}");

    write(dir.path(), "industry.ron", b"[\r  (id: \"x\",\r  oops\r]");
    assert!(problems(dir.path()).contains("industry.ron:3:"), "{}", problems(dir.path()));
}

#[test]
fn the_embedded_dataset_is_the_assets_directory() {
    // Embedded: JSON made by build.rs. Directory: the RON parsed at run time.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    assert_eq!(liuzhou_tui::embedded().unwrap(), Dataset::from_dir(&dir).unwrap());
}

/// An industry file of several MB, so that it is read in several parts: records of
/// very different sizes, strings holding brackets, commas, quotes and comment marks,
/// comments between records, Hanzi across every part boundary, and the file's own
/// extensions.
fn large_industry(records: usize) -> String {
    let mut text = String::from("#![enable(implicit_some)]\n// a list of ] and )\n[\n");
    for k in 0..records {
        let summary = match k % 7 {
            0 => "柳州螺蛳粉 ]) // /* \\\" , ".repeat(1 + k % 40),
            3 => "长".repeat(20_000 + k),
            _ => format!("Record {k}: \\u{{67f3}}州, (a), [b]"),
        };
        let note = if k % 5 == 0 { format!(", note: (zh: \"注{k}\", en: \"*/ ]\")") } else { String::new() };
        text.push_str(&format!(
            "  (id: \"r{k}\", theme: vehicles, name: (zh: \"名{k}\", en: \"Name {k}\"),\n   \
             summary: (zh: \"{summary}\", en: \"x\"),\n   \
             points: [(value: {k}.5, unit: \"万辆\", year: 2020, source: \"doc\", line: 3{note})]),\n"
        ));
        if k % 11 == 0 {
            text.push_str("  /* between ( records ] */ // and a line comment, ]\n");
        }
    }
    text.push_str("]\n");
    text
}

#[test]
fn a_large_file_read_in_parts_is_the_file_read_whole() {
    let dir = broken(&[]);
    let industry = large_industry(3_000);
    assert!(industry.len() > 4 << 20, "several parts: {}", industry.len());
    write(dir.path(), "industry.ron", industry.as_bytes());
    let texts = liuzhou_tui::data::FILES.map(|f| fs::read_to_string(dir.path().join(f)).unwrap());
    let whole = Dataset::from_texts(texts.each_ref().map(String::as_str)).unwrap();
    let data = Dataset::from_dir(dir.path()).unwrap();
    assert_eq!(data.industry.len(), 3_000);
    assert_eq!(data, whole);
}

#[test]
fn a_problem_late_in_a_large_file_names_its_line_and_column() {
    let dir = broken(&[]);
    let industry = large_industry(3_000);
    let lines = industry.lines().count();
    // A syntax error in the last record, then a duplicate id instead.
    let bad = industry.replacen("(id: \"r2999\", theme", "(id: \"r2999\" theme", 1);
    write(dir.path(), "industry.ron", bad.as_bytes());
    let report = problems(dir.path());
    assert!(report.contains(&format!("industry.ron:{}:", lines - 3)), "{report}");
    let bad = industry.replacen("\"r2999\"", "\"r5\"", 1);
    write(dir.path(), "industry.ron", bad.as_bytes());
    let report = problems(dir.path());
    assert!(report.contains(&format!("industry.ron:{}:4: duplicate id \"r5\"", lines - 3)), "{report}");
}
