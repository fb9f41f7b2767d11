//! The dataset: its model, the embedded copy, loading and validation.

mod figure;
mod load;
mod locate;
pub mod model;
mod query;
mod split;
pub mod units;
pub mod validate;

pub use figure::number;
pub use load::{FILES, MAX_FILE_BYTES, ron_options};
pub use model::*;
pub use query::{Citation, Locus, Record};
