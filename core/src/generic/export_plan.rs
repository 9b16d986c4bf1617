//! An export's plan, pure: the `updatedAt` windows it starts with, where one is split to share
//! the work, and how far it has come.

use std::time::{Duration, SystemTime};

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
    /// Inclusive lower bound, RFC 3339.
    pub from: String,
    /// Exclusive upper bound, RFC 3339; `None` for the last window, open-ended.
    pub to: Option<String>,
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
/// assert_eq!(windows[0].from, "2023-11-14T22:13:20.000Z");
/// assert_eq!(windows[0].to.as_deref(), Some("2023-11-14T22:15:00.000Z"));
/// assert_eq!(windows[3].to, None);
/// ```
pub fn plan_windows(from: SystemTime, to: SystemTime, count: usize) -> Vec<ExportWindow> {
    let count = count.max(1);
    let span = to.duration_since(from).unwrap_or_default();
    let step = span / u32::try_from(count).unwrap_or(u32::MAX);
    let stamp = |at: SystemTime| humantime::format_rfc3339_millis(at).to_string();
    let inner = (1..count)
        .filter(|_| !step.is_zero())
        .map(|k| from + step * u32::try_from(k).unwrap_or(u32::MAX));
    let mut windows = Vec::with_capacity(count + 1);
    let mut lower = stamp(from);
    for upper in inner.chain([to]).map(stamp) {
        // Millisecond stamps: a bound that rounds to the one before would make an empty window.
        if upper != lower {
            let from = std::mem::replace(&mut lower, upper.clone());
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

/// The middle of `[from, to)` when it is worth a split, as an RFC 3339 millisecond stamp, and
/// the stretch's length.
pub(crate) fn split_point(from: &str, to: &str) -> Option<(String, Duration)> {
    let from = humantime::parse_rfc3339_weak(from).ok()?;
    let to = humantime::parse_rfc3339_weak(to).ok()?;
    let span = to.duration_since(from).ok()?;
    if span < MIN_SPLIT {
        return None;
    }
    let mid = humantime::format_rfc3339_millis(from + span / 2).to_string();
    Some((mid, span))
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
            let mut lower = humantime::format_rfc3339_millis(from).to_string();
            for window in bounded {
                assert_eq!(window.from, lower, "{case}: contiguous");
                let upper = window.to.clone().expect("bounded");
                assert!(upper > window.from, "{case}: not empty");
                lower = upper;
            }
            assert_eq!(
                last.from,
                humantime::format_rfc3339_millis(to).to_string(),
                "{case}"
            );
        }
    }
}
