//! Checks the RON assets with the data crate's own loader and validation, and encodes
//! them as compact JSON for the binary: start-up decodes JSON (several times faster
//! than parsing RON) and needs no checks of its own, because a dataset with any
//! problem fails the build here, each problem with its place in `assets/`.

use std::path::{Path, PathBuf};
use std::{env, fs};

use liuzhou_data::{Dataset, FILES};

fn main() {
    for file in FILES {
        println!("cargo::rerun-if-changed=assets/{file}");
    }
    let data = Dataset::from_dir(Path::new("assets")).unwrap_or_else(|e| {
        let list: Vec<String> = e.problems.iter().map(|p| format!("assets/{p}")).collect();
        panic!("the embedded dataset has {} problem(s):\n{}", list.len(), list.join("\n"))
    });
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("dataset.json");
    fs::write(&out, serde_json::to_vec(&data).expect("the dataset encodes as JSON")).expect("OUT_DIR is writable");
}
