//! Turns the RON assets into compact JSON at build time, so start-up decodes JSON
//! (fast, with serde_json) instead of parsing RON text. RON stays the source format;
//! the program still validates the decoded dataset, and keeps the RON text to point
//! at positions if a problem is ever found.

use std::path::PathBuf;
use std::{env, fs};

#[path = "src/data/model.rs"]
#[allow(dead_code)]
mod model;

const FILES: [&str; 5] = ["sources.ron", "industry.ron", "ecology.ron", "timeline.ron", "livelihood.ron"];

fn parse<T: serde::de::DeserializeOwned>(file: &str) -> T {
    let path = format!("assets/{file}");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    options
        .from_str(&text)
        .unwrap_or_else(|e| panic!("{path}:{}: {} (run `cargo run -- validate assets`)", e.span.start, e.code))
}

fn main() {
    for file in FILES {
        println!("cargo::rerun-if-changed=assets/{file}");
    }
    let data = model::Dataset {
        sources: parse(FILES[0]),
        industry: parse(FILES[1]),
        ecology: parse(FILES[2]),
        timeline: parse(FILES[3]),
        livelihood: parse(FILES[4]),
    };
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("dataset.json");
    fs::write(&out, serde_json::to_vec(&data).expect("the dataset encodes as JSON")).expect("OUT_DIR is writable");
}
