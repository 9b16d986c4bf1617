//! Timing several parsers in turns: one call of each per round, the order rotating, so that all
//! of them see the same machine at the same moments and the ratio of their totals is measured in
//! one run (BENCHMARKS.md).

use std::cell::Cell;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Runs `iters` rounds of every parser on `bytes`; adds each one's time to `totals` and returns
/// the time of parser `report` (what criterion is told for it).
pub fn in_turns<const N: usize>(
    parsers: &[&dyn Fn(&[u8]); N],
    bytes: &[u8],
    iters: u64,
    totals: &Cell<[Duration; N]>,
    report: usize,
) -> Duration {
    let mut spent = [Duration::ZERO; N];
    for i in 0..iters {
        for k in 0..N {
            let which = (k + i as usize) % N;
            let start = Instant::now();
            parsers[which](black_box(bytes));
            spent[which] += start.elapsed();
        }
    }
    let mut all = totals.get();
    for (sum, add) in all.iter_mut().zip(spent) {
        *sum += add;
    }
    totals.set(all);
    spent[report]
}
