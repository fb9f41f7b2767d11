//! liuzhou-tui: an offline explorer of Liuzhou's development data.
//!
//! The library holds everything; `main.rs` only parses the command line and dispatches,
//! so the CLI, the TUI and the tests share one core. The dataset's model, loading and
//! validation are the `liuzhou-data` crate in `src/data/`, re-exported as `data`.

pub mod cli;
pub mod compare;
pub mod docs;
pub use liuzhou_data as data;
mod embedded;
pub use embedded::embedded;
pub mod export;
pub mod search;
mod suggest;
pub mod text;
pub mod tui;
