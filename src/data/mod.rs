//! The dataset: its model, the embedded copy, loading and validation.

mod date;
mod embedded;
mod figure;
pub(crate) mod limits;
mod load;
mod locate;
pub mod model;
mod query;
pub mod units;
mod validate;

pub use date::PartialDate;
pub use figure::number;
pub use limits::MAX_FILE_BYTES;
pub use load::{FILES, ron_options};
pub use model::*;
pub use query::{Citation, Locus, Record};
