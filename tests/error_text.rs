//! What the command line says when something is wrong: one message a line, the path
//! as the user gave it, the OS's reason once, and plain words for ron's vague ones.

use std::fs;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_liuzhou-tui");
const MINIMAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal");

/// A copy of the minimal dataset in `root/name`, with `file`'s `from` replaced.
fn dataset(root: &Path, name: &str, file: &str, from: &str, to: &str) {
    let dir = root.join(name);
    fs::create_dir(&dir).unwrap();
    for entry in fs::read_dir(MINIMAL).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    let text = fs::read_to_string(dir.join(file)).unwrap();
    assert!(text.contains(from), "{from:?} not in {file}");
    fs::write(dir.join(file), text.replacen(from, to, 1)).unwrap();
}

#[test]
fn error_texts() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    dataset(root, "unclosed", "industry.ron", "    ),\n]", "    ),\n");
    dataset(root, "unclosed-points", "industry.ron", "        ],\n", "        ,\n");
    dataset(root, "decimal-line", "industry.ron", "line: 3)", "line: 3.5)");
    dataset(root, "bad-ref", "industry.ron", "source: \"doc\"", "source: \"nope\"");
    fs::write(root.join("plain-file"), "").unwrap();
    let hint_dir = "  hint: give the path of a dataset directory, laid out as assets/ is";
    let hint_ron = "  hint: fix the RON at this position (see assets/README.md for the format)";
    let one = "liuzhou-tui: the dataset has 1 problem:";
    // (arguments, the whole of stderr, exit status)
    let cases: &[(&[&str], String, i32)] = &[
        (&["validate", "no-such-dir"], format!("{one}\nno-such-dir: no such directory\n{hint_dir}\n"), 2),
        (&["--data", "plain-file", "list"], format!("{one}\nplain-file: not a directory\n{hint_dir}\n"), 2),
        (
            &["validate", "./unclosed"],
            format!("{one}\n./unclosed/industry.ron:11:7: the file ends too early: a closing `]` or `)` is missing\n{hint_ron}\n"),
            2,
        ),
        (
            &["validate", "unclosed-points"],
            format!(
                "{one}\nunclosed-points/industry.ron:10:9: Expected opening `(` for struct `Point`, \
                 or a `]` closing the list before it\n{hint_ron}\n"
            ),
            2,
        ),
        (
            &["--data", "decimal-line", "list"],
            format!("{one}\ndecimal-line/industry.ron:8:73: `line` takes a whole number, not a decimal\n{hint_ron}\n"),
            2,
        ),
        (
            &["validate", "bad-ref"],
            format!(
                "{one}\nbad-ref/industry.ron:8:51: source \"nope\" is not in sources.ron\n  \
                 hint: use an id from sources.ron, or add the source there\n"
            ),
            2,
        ),
        (&["export", "-o", "plain-file"], "liuzhou-tui: plain-file already exists; add --force to replace it\n".into(), 2),
        (
            &["export", "--format", "ron", "-o", "plain-file"],
            "liuzhou-tui: plain-file is not a directory, and --format ron writes a dataset directory; give a new path\n"
                .into(),
            2,
        ),
        (
            &["export", "--format", "csv", "-o", "/proc/x.csv"],
            "liuzhou-tui: cannot write /proc/x.csv: No such file or directory (os error 2)\n".into(),
            2,
        ),
    ];
    for (args, said, code) in cases {
        let out = Command::new(BIN).current_dir(root).args(*args).output().unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stderr), *said, "{args:?}");
        assert_eq!(out.status.code(), Some(*code), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

/// A FIFO where a data file should be is refused at once, not waited on for ever.
#[test]
fn a_fifo_as_a_data_file_does_not_hang() {
    let tmp = tempfile::tempdir().unwrap();
    dataset(tmp.path(), "city", "industry.ron", "[", "[");
    let fifo = tmp.path().join("city/industry.ron");
    fs::remove_file(&fifo).unwrap();
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let mut child = Command::new(BIN)
        .current_dir(tmp.path())
        .args(["validate", "city"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("validate waited on the FIFO");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("city/industry.ron: not a regular file"), "{stderr}");
}
