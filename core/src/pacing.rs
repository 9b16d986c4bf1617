//! Client-side pacing: stay under the org's request budget instead of collecting 429s.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use crate::rate_limit::RateLimit;

/// Decides when the next request may go. Shared by every thread using one client; implement it
/// over a shared store (Redis, a database) to pace many processes that share one org budget.
pub trait Pacer: Send + Sync {
    /// Asks to send one request at `now`. `Duration::ZERO` means go (and counts the request);
    /// anything else means wait that long and ask again.
    fn reserve(&self, now: SystemTime) -> Duration;

    /// Tells the pacer what a response said about the budget.
    fn observe(&self, rate_limit: &RateLimit, now: SystemTime);
}

/// The in-process pacer: at most `budget` requests in any `window`, evenly spaced with room for
/// a short burst, and a pause until the reset whenever a response says
/// `x-ratelimit-remaining: 0`.
///
/// It is a GCRA (the "virtual scheduling" form of a leaky bucket): requests go one emission
/// interval apart, `window / (budget - burst)`, and up to `burst` may go early. Any span of one
/// `window` then holds at most `budget` requests, wherever the server's own windows start. The
/// default burst is a tenth of the budget, which spaces a saturated load at 90% of the budget.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use kustomer::{Pacer, RatePacer};
///
/// let pacer = RatePacer::per_minute(2);
/// let t0 = SystemTime::UNIX_EPOCH;
/// assert_eq!(pacer.reserve(t0), Duration::ZERO);
/// // The next one is half a minute later.
/// assert_eq!(pacer.reserve(t0 + Duration::from_secs(1)), Duration::from_secs(29));
/// assert_eq!(pacer.reserve(t0 + Duration::from_secs(30)), Duration::ZERO);
/// ```
#[derive(Debug)]
pub struct RatePacer {
    interval: Duration,
    tolerance: Duration,
    window: Duration,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    /// When the next request would be due if requests went exactly one interval apart.
    due: Option<SystemTime>,
    /// No request before this moment: the server said the budget is spent.
    paused_until: Option<SystemTime>,
}

impl RatePacer {
    /// At most `budget` requests per `window` (a budget of 0 is taken as 1), with the default
    /// burst of a tenth of the budget.
    pub fn new(budget: u32, window: Duration) -> Self {
        let budget = budget.max(1);
        Self::with_burst(budget, window, budget / 10)
    }

    /// At most `budget` requests per minute, the unit of Kustomer's limits.
    pub fn per_minute(budget: u32) -> Self {
        Self::new(budget, Duration::from_secs(60))
    }

    /// At most `budget` requests per `window`, of which up to `burst` may go at once. A larger
    /// burst answers short runs of calls faster but spaces a saturated load further apart
    /// (`budget - burst` per window). `burst` is capped at `budget - 1`.
    pub fn with_burst(budget: u32, window: Duration, burst: u32) -> Self {
        let budget = budget.max(1);
        let burst = burst.min(budget - 1);
        let interval = window / (budget - burst);
        Self {
            interval,
            tolerance: interval.saturating_mul(burst),
            window,
            state: Mutex::new(State::default()),
        }
    }
}

impl Pacer for RatePacer {
    fn reserve(&self, now: SystemTime) -> Duration {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(until) = state.paused_until {
            match until.duration_since(now) {
                Ok(wait) if !wait.is_zero() => return wait.min(self.window),
                _ => state.paused_until = None,
            }
        }
        // A due time in the past carries no credit beyond the burst.
        let due = state.due.filter(|&due| due > now).unwrap_or(now);
        // A clock that went far back would otherwise stall the pacer.
        let due = if due.duration_since(now).unwrap_or_default()
            > self.window.saturating_add(self.tolerance)
        {
            now
        } else {
            due
        };
        let allowed_at = due.checked_sub(self.tolerance).unwrap_or(due);
        if let Ok(wait) = allowed_at.duration_since(now)
            && !wait.is_zero()
        {
            return wait;
        }
        // Past the end of time, the schedule stays where it is: the next request waits anyway.
        state.due = due.checked_add(self.interval).or(Some(due));
        Duration::ZERO
    }

    fn observe(&self, rate_limit: &RateLimit, now: SystemTime) {
        if !rate_limit.is_exhausted() {
            return;
        }
        let Some(wait) = rate_limit.reset_after(now) else {
            return;
        };
        let Some(until) = now.checked_add(wait.min(self.window)) else {
            return;
        };
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.paused_until = Some(state.paused_until.map_or(until, |u| u.max(until)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    fn at(ms: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_millis(1_700_000_000_000 + ms)
    }

    /// Asks every millisecond for `secs` seconds, going whenever allowed; returns when each went.
    fn saturate(pacer: &RatePacer, secs: u64) -> Vec<u64> {
        (0..secs * 1000)
            .filter(|&ms| pacer.reserve(at(ms)).is_zero())
            .collect()
    }

    fn busiest_window(sent: &[u64], window_ms: u64) -> usize {
        (0..sent.len())
            .map(|i| {
                sent[i..]
                    .iter()
                    .take_while(|&&t| t < sent[i] + window_ms)
                    .count()
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn never_more_than_the_budget_in_any_window() {
        for (budget, burst) in [
            (10, None),
            (10, Some(0)),
            (10, Some(9)),
            (360, None),
            (1, None),
        ] {
            let pacer = match burst {
                Some(b) => RatePacer::with_burst(budget, Duration::from_secs(1), b),
                None => RatePacer::new(budget, Duration::from_secs(1)),
            };
            let sent = saturate(&pacer, 5);
            let busiest = busiest_window(&sent, 1000);
            assert!(
                busiest <= budget as usize,
                "{budget}/{burst:?}: {busiest} in one window"
            );
            // And the budget is used: over 5 s, at least (budget - burst) per second.
            let burst = burst.unwrap_or(budget / 10);
            assert!(
                sent.len() >= 5 * (budget - burst) as usize,
                "{budget}/{burst}: {}",
                sent.len()
            );
        }
    }

    #[test]
    fn a_burst_goes_at_once_then_requests_are_spaced() {
        let pacer = RatePacer::with_burst(10, Duration::from_secs(10), 4);
        // Interval 10 s / 6; five go at once (the burst plus one).
        let at_once = (0..10)
            .take_while(|_| pacer.reserve(at(0)).is_zero())
            .count();
        assert_eq!(at_once, 5);
        let wait = pacer.reserve(at(0));
        assert_eq!(wait, Duration::from_secs(10) / 6);
    }

    #[test]
    fn an_exhausted_budget_pauses_until_the_reset() {
        let pacer = RatePacer::per_minute(1000);
        let spent = RateLimit {
            remaining: Some(0),
            reset: Some(20),
            ..RateLimit::default()
        };
        pacer.observe(&spent, at(0));
        assert_eq!(pacer.reserve(at(5000)), Duration::from_secs(15));
        assert!(pacer.reserve(at(20_000)).is_zero());
        // Remaining above zero changes nothing.
        let fine = RateLimit {
            remaining: Some(3),
            reset: Some(20),
            ..RateLimit::default()
        };
        pacer.observe(&fine, at(21_000));
        assert!(pacer.reserve(at(21_000)).is_zero());
    }

    #[test]
    fn extreme_windows_do_not_panic() {
        for (budget, window) in [
            (10, Duration::MAX),
            (u32::MAX, Duration::MAX),
            (1, Duration::MAX),
            (u32::MAX, Duration::ZERO),
            (0, Duration::from_nanos(1)),
        ] {
            let pacer = RatePacer::new(budget, window);
            let spent = RateLimit {
                remaining: Some(0),
                reset: Some(u64::MAX),
                ..RateLimit::default()
            };
            for ms in [0, 1, 1_000_000] {
                let _ = pacer.reserve(at(ms));
                pacer.observe(&spent, at(ms));
            }
            let wait = pacer.reserve(at(2_000_000));
            assert!(wait <= window, "{budget} {window:?}: {wait:?}");
        }
    }

    #[test]
    fn a_clock_that_jumps_back_does_not_stall_it() {
        let pacer = RatePacer::new(1, Duration::from_secs(1));
        assert!(pacer.reserve(at(100_000)).is_zero());
        // Far in the past: the stale schedule is dropped rather than waited for.
        assert!(pacer.reserve(at(0)).is_zero());
    }
}
