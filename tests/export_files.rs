//! Exports to a path: nothing existing is replaced without `--force`, and a write that
//! fails half-way leaves what was there.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_liuzhou-tui");

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN).current_dir(dir).args(args).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The names in `dir`, sorted: a leftover temporary file would show here.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let tmp = tempfile::tempdir().unwrap();
    for format in ["json", "csv"] {
        fs::write(tmp.path().join("out"), "old").unwrap();
        let out = run(tmp.path(), &["export", "--format", format, "-o", "out"]);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(stderr(&out), "liuzhou-tui: out already exists; add --force to replace it\n");
        assert_eq!(fs::read_to_string(tmp.path().join("out")).unwrap(), "old");

        let out = run(tmp.path(), &["export", "--format", format, "-o", "out", "--force"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let stdout = run(tmp.path(), &["export", "--format", format]).stdout;
        assert_eq!(fs::read(tmp.path().join("out")).unwrap(), stdout);
        assert_eq!(names(tmp.path()), ["out"]);
    }
}

#[test]
fn a_dataset_directory_is_replaced_only_with_force_and_only_if_it_holds_a_dataset() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(run(tmp.path(), &["export", "--format", "ron", "-o", "city"]).status.success());
    fs::write(tmp.path().join("city/industry.ron"), "old").unwrap();
    let out = run(tmp.path(), &["export", "--format", "ron", "-o", "city"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "liuzhou-tui: city already exists; add --force to replace it\n");
    assert_eq!(fs::read_to_string(tmp.path().join("city/industry.ron")).unwrap(), "old");

    assert!(run(tmp.path(), &["export", "--format", "ron", "-o", "city", "--force"]).status.success());
    assert!(run(tmp.path(), &["validate", "city"]).status.success());
    assert_eq!(names(tmp.path()), ["city"]);

    // A directory of the user's own is never replaced.
    fs::create_dir(tmp.path().join("mine")).unwrap();
    fs::write(tmp.path().join("mine/notes.txt"), "keep").unwrap();
    let out = run(tmp.path(), &["export", "--format", "ron", "-o", "mine", "--force"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("mine holds files other than a dataset's"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(tmp.path().join("mine/notes.txt")).unwrap(), "keep");
}

/// A file-size limit makes the write fail part of the way through, as a full disk does.
fn with_file_size_limit(dir: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .current_dir(dir)
        .args(["-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$@\"", BIN])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_write_that_fails_half_way_leaves_the_old_file_and_no_leftovers() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("out.json"), "old").unwrap();
    let out = with_file_size_limit(tmp.path(), &["export", "-o", "out.json", "--force"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "liuzhou-tui: cannot write out.json: File too large (os error 27)\n");
    assert_eq!(fs::read_to_string(tmp.path().join("out.json")).unwrap(), "old");
    assert_eq!(names(tmp.path()), ["out.json"]);

    assert!(run(tmp.path(), &["export", "--format", "ron", "-o", "city"]).status.success());
    fs::write(tmp.path().join("city/industry.ron"), "old").unwrap();
    let out = with_file_size_limit(tmp.path(), &["export", "--format", "ron", "-o", "city", "--force"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("File too large"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(tmp.path().join("city/industry.ron")).unwrap(), "old");
    assert_eq!(names(&tmp.path().join("city")).len(), 5);
    assert_eq!(names(tmp.path()), ["city", "out.json"]);
}

#[test]
fn the_wrong_kind_of_target_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("file"), "old").unwrap();
    fs::create_dir(tmp.path().join("dir")).unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["export", "--format", "ron", "-o", "file", "--force"],
            "file is not a directory, and --format ron writes a dataset directory; give a new path",
        ),
        (&["export", "-o", "dir", "--force"], "dir is a directory; give the path of a file to write"),
        (
            &["export", "-o", "no/such/dir/x.json"],
            "cannot write no/such/dir/x.json: No such file or directory (os error 2)",
        ),
    ];
    for (args, said) in cases {
        let out = run(tmp.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), format!("liuzhou-tui: {said}\n"), "{args:?}");
    }
    assert_eq!(fs::read_to_string(tmp.path().join("file")).unwrap(), "old");
}
