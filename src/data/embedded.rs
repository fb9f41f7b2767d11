//! The Liuzhou dataset shipped inside the binary: build.rs reads `assets/` through the
//! same loader as `--data DIR` (a problem there fails the build, with its position in
//! `assets/`) and encodes it as JSON, which decodes several times faster than RON is
//! parsed, keeping start-up close to a bare terminal program's.

use super::model::Dataset;
use crate::error::{LoadError, Problem, ProblemKind};

const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/dataset.json"));

impl Dataset {
    /// The dataset shipped inside the binary, valid since build.rs checked it.
    pub fn embedded() -> Result<Dataset, LoadError> {
        // From `str`, whose UTF-8 the compiler checked: the decoder skips checking it.
        serde_json::from_str(EMBEDDED_JSON).map_err(|e| LoadError {
            problems: vec![Problem {
                file: "the embedded dataset".to_owned(),
                pos: None,
                kind: ProblemKind::Syntax(format!("{e} (the build is broken: rebuild)")),
            }],
        })
    }
}
