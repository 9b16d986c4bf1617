//! An export's plan, pure: the `updatedAt` windows it starts with, where one is split to share
//! the work, and how far it has come.

use std::time::Duration;

use jiff::{SignedDuration, Timestamp};

use crate::protocol::date_time::IntoTimestamp;

/// How far an export has come, for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Progress {
    /// Records yielded so far.
    pub records: u64,
    /// Requests sent so far (the first, which finds the range, included).
    pub requests: u64,
    /// How many records the search found at the start (`meta.total` of its first page), if the
    /// API said.
    pub estimated_total: Option<u64>,
}

/// One stretch of `updatedAt`: `[from, to)`, or from `from` on when `to` is `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExportWindow {
    /// Inclusive lower bound, to the millisecond.
    pub from: Timestamp,
    /// Exclusive upper bound, to the millisecond; `None` for the last window, open-ended.
    pub to: Option<Timestamp>,
}

/// Splits `[from, to)` into `count` windows of equal time, then one open window from `to` on,
/// as a pure function: the plan an export walks.
///
/// The open window catches what is updated while the export runs; the export walks it only after
/// every other window is done, so that a record updated meanwhile comes, at the latest, with its
/// new timestamp, as for a single walk.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use kustomer::search::plan_windows;
///
/// let from = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
/// let windows = plan_windows(from, from + Duration::from_secs(300), 3);
/// assert_eq!(windows.len(), 4);
/// assert_eq!(windows[0].from.to_string(), "2023-11-14T22:13:20Z");
/// assert_eq!(windows[0].to.map(|t| t.to_string()).as_deref(), Some("2023-11-14T22:15:00Z"));
/// assert_eq!(windows[3].to, None);
/// ```
pub fn plan_windows(
    from: impl IntoTimestamp,
    to: impl IntoTimestamp,
    count: usize,
) -> Vec<ExportWindow> {
    let (from, to) = (from.into_timestamp(), to.into_timestamp());
    let count = count.max(1);
    let span = span(from, to);
    let step = span / u32::try_from(count).unwrap_or(u32::MAX);
    let inner = (1..count).filter(|_| !step.is_zero()).map(|k| {
        after(
            from,
            step.saturating_mul(u32::try_from(k).unwrap_or(u32::MAX)),
        )
    });
    let mut windows = Vec::with_capacity(count + 1);
    let mut lower = from;
    for upper in inner.chain([to]).map(IntoTimestamp::into_timestamp) {
        // Millisecond stamps: a bound that rounds to the one before would make an empty window.
        if upper > lower {
            let from = std::mem::replace(&mut lower, upper);
            windows.push(ExportWindow {
                from,
                to: Some(upper),
            });
        }
    }
    windows.push(ExportWindow {
        from: lower,
        to: None,
    });
    windows
}

/// How many times an export may split a window, per thread: enough to keep every thread busy
/// through a long tail, and a bound on the windows (and so the requests) whatever the server
/// says of its totals.
pub const MAX_SPLITS_PER_THREAD: usize = 8;

/// The shortest stretch worth splitting.
const MIN_SPLIT: Duration = Duration::from_secs(2);

/// Full pages a window must have left, at least, to be split: a split costs its walker a page
/// read in part and its helper a last page read in part, so it pays only for long windows.
pub(crate) const MIN_SPLIT_PAGES: u64 = 4;

/// The middle of `[from, to)` when it is worth a split, to the millisecond, and the stretch's
/// length.
pub(crate) fn split_point(from: Timestamp, to: Timestamp) -> Option<(Timestamp, Duration)> {
    let span = span(from, to);
    if span < MIN_SPLIT {
        return None;
    }
    Some((after(from, span / 2).into_timestamp(), span))
}

/// The time from `from` to `to`; zero if `to` is not later.
fn span(from: Timestamp, to: Timestamp) -> Duration {
    Duration::try_from(to.duration_since(from)).unwrap_or_default()
}

/// `at` moved `by` later, saturating at the last instant a timestamp holds.
fn after(at: Timestamp, by: Duration) -> Timestamp {
    SignedDuration::try_from(by)
        .ok()
        .and_then(|by| at.checked_add(by).ok())
        .unwrap_or(Timestamp::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    #[test]
    fn windows_are_contiguous_non_empty_and_end_open() {
        let from = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        for (span_ms, count) in [(0, 4), (1, 4), (3, 16), (300_000, 3), (299_999, 7), (10, 1)] {
            let to = from + Duration::from_millis(span_ms);
            let windows = plan_windows(from, to, count);
            let case = format!("{span_ms} ms in {count}");
            let (last, bounded) = windows.split_last().expect("an open window at least");
            assert_eq!(last.to, None, "{case}");
            assert!(bounded.len() <= count, "{case}");
            let mut lower = from.into_timestamp();
            for window in bounded {
                assert_eq!(window.from, lower, "{case}: contiguous");
                let upper = window.to.expect("bounded");
                assert!(upper > window.from, "{case}: not empty");
                assert_eq!(
                    upper.subsec_nanosecond() % 1_000_000,
                    0,
                    "{case}: milliseconds"
                );
                lower = upper;
            }
            assert_eq!(last.from, to.into_timestamp(), "{case}");
        }
    }
}
