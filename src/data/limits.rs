//! The bounds a dataset keeps: validation and loading check them, and the error
//! messages quote them, so both read them here.

use std::ops::RangeInclusive;

/// Years a figure or date may carry.
pub const YEARS: RangeInclusive<i32> = 1900..=2100;

/// No figure of a city's dataset, in its source's own magnitude, comes near this.
pub const MAX_VALUE: f64 = 1e12;

/// A city of 100,000 records takes some 27 MB; a file over this is the wrong file.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
