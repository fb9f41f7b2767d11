//! The Liuzhou dataset shipped inside the binary. build.rs reads `assets/` through the
//! data crate's loader (a problem there fails the build, with its place in `assets/`)
//! and encodes it as JSON, which decodes several times faster than RON parses: start-up
//! stays close to a bare terminal program's.

use crate::data::Dataset;
use crate::data::error::{LoadError, Problem, ProblemKind};

const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/dataset.json"));

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
