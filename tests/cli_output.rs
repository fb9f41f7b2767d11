//! Where the output goes wrong: a reader that stops reading, a full disk.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};

/// Every subcommand that prints, with arguments that make it print.
const PRINTING: &[&[&str]] = &[
    &["export"],
    &["export", "--format", "csv"],
    &["export", "--format", "ron"],
    &["list"],
    &["search", "zlqs", "--limit", "1000"],
    &["show", "nev-output"],
    &["show", "nev-output", "--format", "json"],
    &["validate", "tests/fixtures/minimal"],
    &["completions", "bash"],
    &["man"],
];

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_liuzhou-tui"))
}

/// The reader goes away before the program writes: it exits 0 and says nothing, as
/// `rg … | head` does.
#[test]
fn a_closed_pipe_ends_quietly() {
    for args in PRINTING {
        let mut child = bin().args(*args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        drop(child.stdout.take());
        let mut stderr = String::new();
        child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

/// A full disk is an error: exit 2, one clear line, the OS reason once, no panic.
#[test]
fn a_full_disk_is_one_clear_error() {
    if !std::path::Path::new("/dev/full").exists() {
        return common::skip("this system has no /dev/full");
    }
    for args in PRINTING {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = bin().args(*args).stdout(full).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(
            stderr, "liuzhou-tui: cannot write standard output: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
}
