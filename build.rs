//! Checks the RON assets and turns them into compact JSON at build time: start-up
//! decodes JSON (fast, with serde_json) instead of parsing RON, and needs no checks of
//! its own, because a dataset with any problem fails the build here, each problem
//! with its file, line and column. RON stays the source format.

use std::path::PathBuf;
use std::{env, fs};

// The library's own model and checks, so that build and `validate` agree.
#[path = "src/error.rs"]
#[allow(dead_code)]
mod error;

#[path = "src/data"]
#[allow(dead_code)]
mod data {
    pub mod locate;
    pub mod model;
    pub mod units;
    pub mod validate;
}

use data::locate::Locator;

const FILES: [&str; 5] = ["sources.ron", "industry.ron", "ecology.ron", "timeline.ron", "livelihood.ron"];

fn parse<T: serde::de::DeserializeOwned>(file: &'static str) -> (T, Locator) {
    let path = format!("assets/{file}");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    match options.from_str(&text) {
        Ok(value) => (value, Locator::new(file, text)),
        Err(e) => panic!("{path}:{}: {}", e.span.start, e.code),
    }
}

fn main() {
    for file in FILES {
        println!("cargo::rerun-if-changed=assets/{file}");
    }
    let (sources, l0) = parse(FILES[0]);
    let (industry, l1) = parse(FILES[1]);
    let (ecology, l2) = parse(FILES[2]);
    let (timeline, l3) = parse(FILES[3]);
    let (livelihood, l4) = parse(FILES[4]);
    let data = data::model::Dataset { sources, industry, ecology, timeline, livelihood };
    let problems = data::validate::validate(&data, &[l0, l1, l2, l3, l4]);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| format!("assets/{p}")).collect();
        panic!("the embedded dataset has {} problem(s):\n{}", problems.len(), list.join("\n"));
    }
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("dataset.json");
    fs::write(&out, serde_json::to_vec(&data).expect("the dataset encodes as JSON")).expect("OUT_DIR is writable");
}
