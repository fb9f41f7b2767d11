//! Checks the RON assets and turns them into compact JSON at build time: start-up
//! decodes JSON (fast, with serde_json) instead of parsing RON, and needs no checks of
//! its own, because a dataset with any problem fails the build here, each problem
//! with its file, line and column. RON stays the source format.
//!
//! The assets are read by the library's own loader, compiled in here from its source
//! files: a build script cannot depend on its own package, and the model's methods
//! must live in the crate that defines it, so the loader cannot move to a crate of
//! its own without the whole data layer.

use std::path::{Path, PathBuf};
use std::{env, fs};

#[path = "src/error.rs"]
#[allow(dead_code)]
mod error;

#[path = "src/data"]
#[allow(dead_code)]
mod data {
    pub mod date;
    pub mod limits;
    pub mod load;
    pub mod locate;
    pub mod model;
    pub mod units;
    pub mod validate;
}

fn main() {
    for file in data::load::FILES {
        println!("cargo::rerun-if-changed=assets/{file}");
    }
    let data = data::model::Dataset::from_dir(Path::new("assets")).unwrap_or_else(|e| {
        let list: Vec<String> = e.problems.iter().map(|p| format!("assets/{p}")).collect();
        panic!("the embedded dataset has {} problem(s):\n{}", list.len(), list.join("\n"))
    });
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("dataset.json");
    fs::write(&out, serde_json::to_vec(&data).expect("the dataset encodes as JSON")).expect("OUT_DIR is writable");
}
