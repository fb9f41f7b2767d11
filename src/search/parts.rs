//! A scan over many candidates shared between two threads where there are two cores,
//! in parts that either thread takes as it comes free: on a machine whose other core
//! is busy, this thread takes them all. Each part's result comes back in order, so the
//! outcome is what one thread gives.

use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Fewer candidates than this are scanned on one thread: a second costs more to start
/// than it would save.
pub(super) const SHARE_FROM: usize = 2_048;
/// How many parts a shared scan is cut into.
const PARTS: usize = 8;

/// `work` over parts of `0..n` that cover it in order, their results in that order:
/// shared with a second thread when `n` is large enough and there is a second core.
pub(super) fn in_parts<T: Send + Sync>(n: usize, work: impl Fn(Range<usize>) -> T + Sync) -> Vec<T> {
    if n < SHARE_FROM || !two_cores() {
        return vec![work(0..n)];
    }
    let done: Vec<OnceLock<T>> = (0..PARTS).map(|_| OnceLock::new()).collect();
    let next = AtomicUsize::new(0);
    let take_parts = || {
        loop {
            let p = next.fetch_add(1, Ordering::Relaxed);
            if p >= PARTS {
                break;
            }
            // Only the thread that took part `p` sets it.
            let _ = done[p].set(work(p * n / PARTS..(p + 1) * n / PARTS));
        }
    };
    std::thread::scope(|s| {
        // Without a second thread, this one takes every part.
        let helper = std::thread::Builder::new().spawn_scoped(s, take_parts);
        take_parts();
        if let Ok(Err(panic)) = helper.map(|h| h.join()) {
            std::panic::resume_unwind(panic);
        }
    });
    // Every part was taken, and done before its thread ended.
    done.into_iter().filter_map(OnceLock::into_inner).collect()
}

/// Whether the process may run on two cores or more (asked once).
fn two_cores() -> bool {
    static TWO: OnceLock<bool> = OnceLock::new();
    *TWO.get_or_init(|| std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_cover_every_index_once_in_order() {
        for n in [0, 1, 7, SHARE_FROM - 1, SHARE_FROM, 3 * SHARE_FROM + 1] {
            let parts = in_parts(n, |r| r.collect::<Vec<usize>>());
            assert_eq!(parts.concat(), (0..n).collect::<Vec<_>>(), "{n}");
        }
    }
}
