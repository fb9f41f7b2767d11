//! Types the benchmark's queries once (or the queries given after N, each whole) into
//! an index of N synthetic records (default 100,000; 0 for the embedded data) and
//! prints each keystroke's time and how many records it found, then p50/p95/max.
//! A fixed workload to profile:
//!
//!     cargo build --profile bench --example search_keystrokes
//!     perf record -g target/release/examples/search_keystrokes
//!     taskset -c 0 valgrind --tool=callgrind --toggle-collect='*SearchIndex*search*' target/release/examples/search_keystrokes
//!
//! Each keystroke's instructions (one dump file per keystroke):
//!
//!     taskset -c 0 valgrind --tool=callgrind --dump-after='search_keystrokes::keystroke' target/release/examples/search_keystrokes
//!
//! On one core (`taskset -c 0`) a keystroke's scans stay on one thread: callgrind's
//! toggles count only the thread that runs the search, not the one it shares them with.

use std::time::{Duration, Instant};

use liuzhou_tui::search::SearchIndex;
use liuzhou_tui::tui::app::FINDER_LIMIT;

#[path = "../benches/common/synthetic.rs"]
mod synthetic;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map_or(100_000, |s| s.parse().expect("N: a number of records"));
    let given: Vec<String> = args.collect();
    let data = if n == 0 { liuzhou_tui::embedded().unwrap() } else { synthetic::synthetic(n) };
    let mut index = SearchIndex::new(data);
    let mut times: Vec<(Duration, String)> = Vec::new();
    let queries = if given.is_empty() { synthetic::keystrokes() } else { given };
    for q in queries {
        let t = Instant::now();
        let hits = keystroke(&mut index, &q);
        let d = t.elapsed();
        println!("{d:>12.3?}  {hits:>6} found  {q}");
        times.push((d, q));
    }
    times.sort();
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize].0;
    let (max, worst) = &times[times.len() - 1];
    println!(
        "{n} records, {} keystrokes: p50 {:.3?}  p95 {:.3?}  max {max:.3?} ({worst})",
        times.len(),
        at(0.5),
        at(0.95)
    );
}

/// One search, kept a function of its own for callgrind's `--dump-after`.
#[inline(never)]
fn keystroke(index: &mut SearchIndex, q: &str) -> usize {
    index.search(q, FINDER_LIMIT).map_or(0, |f| f.total)
}
