//! liuzhou-tui: an offline explorer of Liuzhou's development data.
//!
//! The library holds everything; `main.rs` only parses the command line and dispatches,
//! so the CLI, the TUI and the tests share one core.

pub mod cli;
pub mod data;
pub mod error;
pub mod export;
pub mod search;
pub mod text;
pub mod tui;
