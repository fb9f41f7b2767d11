//! The export checked line by line against the source documents by the shared tool,
//! when it is present (it lives beside the repository, in ../shared).

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn export_passes_check_provenance() {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/check-provenance");
    if !tool.exists() {
        return common::skip(&format!("{} is not here, so no figure was checked", tool.display()));
    }
    let export =
        assert_cmd::Command::cargo_bin("liuzhou-tui").unwrap().args(["export", "--format", "json"]).output().unwrap();
    assert!(export.status.success());
    let mut check = Command::new(&tool).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    check.stdin.take().unwrap().write_all(&export.stdout).unwrap();
    let out = check.wait_with_output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "check-provenance failed:\n{report}");
    // "N data points; M verified at their cited line; …"
    let summary = report.lines().last().unwrap();
    let nums: Vec<usize> = summary.split(|c: char| !c.is_ascii_digit()).filter_map(|s| s.parse().ok()).collect();
    let (points, verified) = (nums[0], nums[1]);
    assert!(points >= 150, "{summary}");
    assert!(verified * 100 >= points * 95, "{summary}");
}
