//! The dataset: its model, loading, validation and errors. A crate of its own (the
//! library re-exports it as `liuzhou_tui::data`) so that build.rs checks `assets/`
//! with the same code that reads `--data DIR`.

mod date;
pub mod error;
mod figure;
mod file;
pub(crate) mod limits;
mod load;
mod locate;
pub mod model;
mod point;
mod query;
mod stream;
mod text;
pub mod units;
mod validate;

pub use date::PartialDate;
pub use figure::number;
pub use file::ron_options;
pub use limits::MAX_FILE_BYTES;
pub use load::FILES;
pub use model::*;
pub use query::{Citation, Locus, Record};
