//! `show --context` and the ways of pointing the program at the source documents
//! (`--docs`, `LIUZHOU_TUI_DOCS`, `sources/` beside `--data`), and what it says when
//! they are not there. Tests needing the documents skip, saying so, when
//! `../shared/seeds` is absent.

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::seeds;

fn cmd() -> Command {
    let mut c = Command::cargo_bin("liuzhou-tui").unwrap();
    c.env_remove("LIUZHOU_TUI_DOCS");
    c
}

/// Standard output and error of a run expected to exit with `code`.
fn run(c: &mut Command, code: i32) -> (String, String) {
    let out = c.output().unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(code), "{stdout}\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    (stdout.into_owned(), stderr.into_owned())
}

#[test]
fn context_prints_each_cited_line() {
    let Some(dir) = seeds() else { return };
    let dir = dir.to_str().unwrap();
    let (out, _) = run(cmd().args(["show", "nev-output", "--context", "0", "--docs", dir]), 0);
    // The figure table lists 48.2万辆 too; the cited line is marked ">".
    let line = out.lines().find(|l| l.starts_with('>') && l.contains("48.2万辆")).unwrap_or_else(|| panic!("{out}"));
    assert!(line.starts_with("> 29 │ 柳州市委"), "{line}");
    assert!(out.contains("\nd000:29 000_b8cc0d6731add1d4.txt\n"), "{out}");
    // Each cited place once: d002:27 is cited twice.
    assert_eq!(out.matches("\nd002:27 ").count(), 1, "{out}");

    let (out, _) = run(cmd().args(["show", "nev-output", "--context", "2", "--docs", dir]), 0);
    let at = out.find("\nd000:29 000_").unwrap() + 1;
    let lines: Vec<&str> = out[at..].lines().skip(1).take(5).collect();
    assert!(
        lines[0].starts_with("  27 │") && lines[2].starts_with("> 29 │") && lines[4].starts_with("  31 │"),
        "{lines:?}"
    );

    let (out, _) = run(cmd().args(["show", "nev-output", "--context", "0", "--format", "json", "--docs", dir]), 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let context = v["context"].as_array().unwrap();
    assert_eq!(context.len(), 3);
    assert_eq!(context[1]["lines"][0]["line"], 29);
    assert!(context[1]["lines"][0]["text"].as_str().unwrap().contains("48.2万辆"));
}

#[test]
fn the_variable_and_a_sources_folder_beside_the_data_are_read_too() {
    let Some(dir) = seeds() else { return };
    let (out, _) = run(cmd().args(["show", "nev-output", "--context", "0"]).env("LIUZHOU_TUI_DOCS", &dir), 0);
    assert!(out.contains("48.2万辆、增长157.6%"), "{out}");

    let data = tempfile::tempdir().unwrap();
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    for f in liuzhou_tui::data::FILES {
        std::fs::copy(assets.join(f), data.path().join(f)).unwrap();
    }
    std::fs::create_dir(data.path().join("sources")).unwrap();
    for f in std::fs::read_dir(&dir).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), data.path().join("sources").join(f.file_name())).unwrap();
    }
    let (out, _) = run(cmd().args(["show", "nev-output", "--context", "0", "--data"]).arg(data.path()), 0);
    assert!(out.contains("48.2万辆、增长157.6%"), "{out}");
}

#[test]
fn a_missing_folder_or_file_is_named_and_exits_2() {
    let (out, err) = run(cmd().args(["show", "nev-output", "--context", "1", "--docs", "/nonexistent/docs"]), 2);
    assert!(out.is_empty(), "nothing half printed: {out}");
    assert_eq!(err.trim(), "liuzhou-tui: documents folder /nonexistent/docs not found (from --docs)");

    let (_, err) =
        run(cmd().args(["show", "nev-output", "--context", "1"]).env("LIUZHOU_TUI_DOCS", "/nonexistent/env"), 2);
    assert!(err.contains("/nonexistent/env not found (from LIUZHOU_TUI_DOCS)"), "{err}");

    let (_, err) = run(cmd().args(["show", "nev-output", "--context", "1"]), 2);
    assert!(err.contains("give --docs DIR or set LIUZHOU_TUI_DOCS"), "{err}");

    let empty = tempfile::tempdir().unwrap();
    let (out, err) = run(cmd().args(["show", "nev-output", "--context", "0", "--docs"]).arg(empty.path()), 2);
    assert!(out.is_empty(), "{out}");
    let want = format!("liuzhou-tui: d002: 002_3ddb6b1ddc45815e.txt not found in {}", empty.path().display());
    assert_eq!(err.trim(), want);

    // Without --context the documents are not needed, so a wrong --docs is no error.
    run(cmd().args(["show", "nev-output", "--docs", "/nonexistent/docs"]), 0);
}

#[test]
fn odd_files_are_refused_plainly_or_read_safely() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path();
    let file = docs.join("002_3ddb6b1ddc45815e.txt");
    let show = || {
        let mut c = cmd();
        c.args(["show", "nev-output", "--context", "0", "--docs"]).arg(docs);
        c
    };
    // Another edition: the dataset counts 72 lines.
    std::fs::write(&file, "一\n".repeat(69)).unwrap();
    let (_, err) = run(&mut show(), 2);
    assert!(err.contains("d002: line count 70, dataset says 72: wrong edition?"), "{err}");
    // Empty.
    std::fs::write(&file, "").unwrap();
    let (_, err) = run(&mut show(), 2);
    assert!(err.contains("line count 1, dataset says 72"), "{err}");
    // A folder where the file should be.
    std::fs::remove_file(&file).unwrap();
    std::fs::create_dir(&file).unwrap();
    let (_, err) = run(&mut show(), 2);
    assert!(err.contains("is not a regular file"), "{err}");
    std::fs::remove_dir(&file).unwrap();
    // Too big for a document.
    let big = std::fs::File::create(&file).unwrap();
    big.set_len(liuzhou_tui::docs::MAX_DOC_BYTES + 1).unwrap();
    let (_, err) = run(&mut show(), 2);
    assert!(err.contains("over the 8388608-byte limit"), "{err}");
    // CRLF, a bad byte and an escape sequence on the cited line 25, 72 lines in all:
    // printed, but nothing in it reaches the terminal raw.
    let mut text = b"x\r\n".repeat(24);
    text.extend_from_slice(b"\xff\x1b[2J 187.3\xe4\xb8\x87\r\n");
    text.extend_from_slice(&b"y\r\n".repeat(46));
    text.extend_from_slice(b"z");
    std::fs::write(&file, text).unwrap();
    let (out, _) = run(cmd().args(["show", "vehicle-output", "--context", "1", "--docs"]).arg(docs), 0);
    assert!(out.contains("\n  24 │ x\n> 25 │ \u{fffd}\\u{1b}[2J 187.3万\n  26 │ y\n"), "{out}");
    assert!(!out.contains('\r') && !out.contains('\x1b'), "{out:?}");
}

/// The pane lights a figure where it finds it: nearly every reported figure and date
/// is found at the line it cites.
#[test]
fn cited_figures_are_found_in_their_lines() {
    let Some(dir) = seeds() else { return };
    let data = liuzhou_tui::embedded().unwrap();
    let docs = liuzhou_tui::docs::Docs::locate(Some(&dir), None, None).unwrap();
    let (mut looked, mut missed) = (0, Vec::new());
    for record in data.records() {
        for c in liuzhou_tui::docs::cited(record) {
            if c.figure == liuzhou_tui::docs::Figure::Line {
                continue;
            }
            let doc = docs.open(data.source(c.source).unwrap()).unwrap();
            looked += 1;
            if c.figure.find(doc.line(c.line as usize).unwrap()).is_none() {
                missed.push(format!("{} {}:{} {:?}", record.id(), c.source, c.line, c.figure));
            }
        }
    }
    eprintln!("{} of {looked} found; missed: {missed:#?}", looked - missed.len());
    assert!(looked > 150 && missed.len() * 20 < looked, "{missed:#?}");
}
