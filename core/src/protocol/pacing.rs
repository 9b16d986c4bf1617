//! Client-side pacing: stay under the org's request budget instead of collecting 429s.

use std::collections::VecDeque;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use crate::protocol::rate_limit::RateLimit;

/// Decides when the next request may go. Shared by every thread using one client; implement it
/// over a shared store (Redis, a database) to pace many processes that share one org budget.
pub trait Pacer: Send + Sync {
    /// Asks to send one request at `now`. `Duration::ZERO` means go (and counts the request);
    /// anything else means wait that long and ask again.
    fn reserve(&self, now: SystemTime) -> Duration;

    /// Tells the pacer what a response said about the budget.
    fn observe(&self, rate_limit: &RateLimit, now: SystemTime);
}

/// The in-process pacer: at most `budget` requests in any `window`, and what the server says of
/// the budget (`x-ratelimit-remaining`) counted as spent.
///
/// [`RatePacer::new`] (and [`per_minute`](Self::per_minute)) counts: a request goes when fewer
/// than `budget` went in the last `window` (and a sixty-fourth of it more, for the time a request
/// takes to reach the server). A saturated load then uses the whole budget, not a share of it,
/// and a burst after idle takes what the last window left, never more than `budget` in any
/// window, wherever the server's own windows start. When a response says fewer requests remain
/// than the pacer's own count leaves, another client is spending the budget: the difference is
/// counted as spent until the response's reset (or a window). A response saying none remain
/// when the pacer's own count already says so changes nothing, so a reset given in whole seconds
/// (or Kustomer's "now + 60 s") costs no pause.
///
/// [`RatePacer::with_burst`] spaces requests instead: a GCRA (the "virtual scheduling" form of a
/// leaky bucket), one request every `window / (budget - burst)`, up to `burst` of them early,
/// and a pause until the reset whenever a response says `x-ratelimit-remaining: 0`. Its
/// sustained rate is `budget - burst` a window.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use kustomer::{Pacer, RatePacer};
///
/// let pacer = RatePacer::per_minute(2);
/// let t0 = SystemTime::UNIX_EPOCH;
/// assert_eq!(pacer.reserve(t0), Duration::ZERO);
/// assert_eq!(pacer.reserve(t0 + Duration::from_secs(1)), Duration::ZERO);
/// // The third waits until the first is a minute (and a sixty-fourth of it) old.
/// let wait = pacer.reserve(t0 + Duration::from_secs(1));
/// assert_eq!(wait, Duration::from_secs(60) + Duration::from_secs(60) / 64 - Duration::from_secs(1));
/// ```
#[derive(Debug)]
pub struct RatePacer {
    window: Duration,
    schedule: Mutex<Schedule>,
}

/// How a [`RatePacer`] decides.
#[derive(Debug)]
enum Schedule {
    Counted(Counted),
    Spaced(Spaced),
}

/// A count of the requests of the last window, and of the budget spent elsewhere.
#[derive(Debug)]
struct Counted {
    budget: u32,
    /// How long a request counts: the window and a margin.
    counts_for: Duration,
    /// When each request of the last `counts_for` went, oldest first.
    sent: VecDeque<SystemTime>,
    /// Requests the server counted that this pacer did not send, until when.
    elsewhere: Option<(u32, SystemTime)>,
}

/// Requests spaced one interval apart, `tolerance` of them early.
#[derive(Debug)]
struct Spaced {
    interval: Duration,
    tolerance: Duration,
    /// When the next request would be due if requests went exactly one interval apart.
    due: Option<SystemTime>,
    /// No request before this moment: the server said the budget is spent.
    paused_until: Option<SystemTime>,
}

impl RatePacer {
    /// At most `budget` requests in any `window` (a budget of 0 is taken as 1), counted, with
    /// the server's `x-ratelimit-remaining` learnt from.
    pub fn new(budget: u32, window: Duration) -> Self {
        Self {
            window,
            schedule: Mutex::new(Schedule::Counted(Counted {
                budget: budget.max(1),
                counts_for: window.saturating_add(window / 64),
                sent: VecDeque::new(),
                elsewhere: None,
            })),
        }
    }

    /// At most `budget` requests per minute, the unit of Kustomer's limits.
    pub fn per_minute(budget: u32) -> Self {
        Self::new(budget, Duration::from_secs(60))
    }

    /// At most `budget` requests per `window`, spaced evenly, of which up to `burst` may go at
    /// once. A larger burst answers short runs of calls faster but spaces a saturated load
    /// further apart (`budget - burst` per window). `burst` is capped at `budget - 1`.
    pub fn with_burst(budget: u32, window: Duration, burst: u32) -> Self {
        let budget = budget.max(1);
        let burst = burst.min(budget - 1);
        let interval = window / (budget - burst);
        Self {
            window,
            schedule: Mutex::new(Schedule::Spaced(Spaced {
                interval,
                tolerance: interval.saturating_mul(burst),
                due: None,
                paused_until: None,
            })),
        }
    }
}

impl Pacer for RatePacer {
    fn reserve(&self, now: SystemTime) -> Duration {
        let mut schedule = self.schedule.lock().unwrap_or_else(PoisonError::into_inner);
        match &mut *schedule {
            Schedule::Counted(counted) => counted.reserve(now, self.window),
            Schedule::Spaced(spaced) => spaced.reserve(now, self.window),
        }
    }

    fn observe(&self, rate_limit: &RateLimit, now: SystemTime) {
        // Until the window the server gave resets, or a window from now.
        let until = rate_limit
            .reset_after(now)
            .map_or(self.window, |wait| wait.min(self.window));
        let Some(until) = now.checked_add(until) else {
            return;
        };
        let mut schedule = self.schedule.lock().unwrap_or_else(PoisonError::into_inner);
        match &mut *schedule {
            Schedule::Counted(counted) => counted.observe(rate_limit, now, until),
            Schedule::Spaced(spaced) => {
                if rate_limit.is_exhausted() && rate_limit.reset_after(now).is_some() {
                    spaced.paused_until = Some(spaced.paused_until.map_or(until, |u| u.max(until)));
                }
            }
        }
    }
}

impl Counted {
    /// Drops the requests that no longer count at `now` (and, after the clock went back more
    /// than they count for, every one: a stale record would stall the pacer).
    fn forget_before(&mut self, now: SystemTime) {
        let counts_for = self.counts_for;
        if self
            .sent
            .back()
            .and_then(|last| last.duration_since(now).ok())
            .is_some_and(|ahead| ahead > counts_for)
        {
            self.sent.clear();
        }
        while self
            .sent
            .front()
            .is_some_and(|first| first.checked_add(counts_for).is_some_and(|end| end <= now))
        {
            self.sent.pop_front();
        }
    }

    fn reserve(&mut self, now: SystemTime, window: Duration) -> Duration {
        self.forget_before(now);
        let spent_elsewhere = match self.elsewhere {
            Some((count, until)) if until > now => count as usize,
            _ => {
                self.elsewhere = None;
                0
            }
        };
        let mine = self.sent.len();
        let budget = self.budget as usize;
        if mine.saturating_add(spent_elsewhere) < budget {
            self.sent.push_back(now);
            return Duration::ZERO;
        }
        // When enough of this pacer's requests stop counting, or the budget spent elsewhere frees.
        let end_of = |at: &SystemTime| at.checked_add(self.counts_for);
        let own_only = self
            .sent
            .get(mine.saturating_add(spent_elsewhere).saturating_sub(budget))
            .and_then(end_of);
        let after_elsewhere = self.elsewhere.and_then(|(_, until)| {
            match (mine + 1).saturating_sub(budget).checked_sub(1) {
                None => Some(until),
                Some(index) => self
                    .sent
                    .get(index)
                    .and_then(end_of)
                    .map(|end| end.max(until)),
            }
        });
        let free_at = match (own_only, after_elsewhere) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        // A moment past the end of time never comes: the caller's limit on waiting ends the call.
        free_at
            .and_then(|at| at.duration_since(now).ok())
            .map_or(window, |wait| wait.max(Duration::from_nanos(1)))
    }

    /// Counts as spent, until `until`, what the server says is gone beyond what this pacer sent.
    fn observe(&mut self, rate_limit: &RateLimit, now: SystemTime, until: SystemTime) {
        let Some(remaining) = rate_limit.remaining else {
            return;
        };
        self.forget_before(now);
        let mine = u32::try_from(self.sent.len()).unwrap_or(u32::MAX);
        let remaining = u32::try_from(remaining).unwrap_or(u32::MAX);
        let spent = self.budget.saturating_sub(mine).saturating_sub(remaining);
        if spent == 0 {
            return;
        }
        self.elsewhere = Some(match self.elsewhere.filter(|(_, at)| *at > now) {
            Some((count, at)) => (count.max(spent), at.max(until)),
            None => (spent, until),
        });
    }
}

impl Spaced {
    fn reserve(&mut self, now: SystemTime, window: Duration) -> Duration {
        if let Some(until) = self.paused_until {
            match until.duration_since(now) {
                Ok(wait) if !wait.is_zero() => return wait.min(window),
                _ => self.paused_until = None,
            }
        }
        // A due time in the past carries no credit beyond the burst.
        let next = self.due.filter(|&due| due > now).unwrap_or(now);
        // A clock that went far back would otherwise stall the pacer.
        let next = if next.duration_since(now).unwrap_or_default()
            > window.saturating_add(self.tolerance)
        {
            now
        } else {
            next
        };
        let allowed_at = next.checked_sub(self.tolerance).unwrap_or(next);
        if let Ok(wait) = allowed_at.duration_since(now)
            && !wait.is_zero()
        {
            return wait;
        }
        // Past the end of time, the schedule stays where it is: the next request waits anyway.
        self.due = next.checked_add(self.interval).or(Some(next));
        Duration::ZERO
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    /// What a response says: `remaining` requests left, the window resets in `reset` seconds.
    fn said(remaining: u64, reset: u64) -> RateLimit {
        RateLimit {
            remaining: Some(remaining),
            reset: Some(reset),
            ..RateLimit::default()
        }
    }

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
    fn a_counted_pacer_uses_the_whole_budget_and_never_more_in_any_window() {
        let pacer = RatePacer::new(60, Duration::from_secs(6));
        // Idle first: a burst of the whole budget may go, then the load saturates.
        let sent = saturate(&pacer, 120);
        assert_eq!(busiest_window(&sent, 6000), 60);
        // Each request counts for a window and a sixty-fourth: 98.4 % sustained.
        let steady = sent.iter().filter(|&&t| t >= 60_000).count();
        assert!(steady >= 580, "{steady} of 600 in the second minute");
    }

    #[test]
    fn no_remaining_beyond_its_own_count_costs_no_pause() {
        let pacer = RatePacer::new(10, Duration::from_secs(1));
        for _ in 0..10 {
            assert!(pacer.reserve(at(0)).is_zero());
        }
        // The tenth answer says none remain, and resets "in 60 s", as Kustomer's do.
        let spent = said(0, 60);
        pacer.observe(&spent, at(5));
        // The pacer's own count already said so: the next goes when the first stops counting.
        assert_eq!(
            pacer.reserve(at(5)),
            Duration::from_millis(1000) + Duration::from_millis(1000) / 64
                - Duration::from_millis(5)
        );
        assert!(pacer.reserve(at(1016)).is_zero());
    }

    #[test]
    fn a_budget_spent_elsewhere_is_counted_until_the_reset() {
        let pacer = RatePacer::per_minute(100);
        assert!(pacer.reserve(at(0)).is_zero());
        // Another process spent most of the minute: 4 remain, though this pacer sent one.
        let elsewhere = said(4, 30);
        pacer.observe(&elsewhere, at(100));
        let went = (0..10).filter(|_| pacer.reserve(at(200)).is_zero()).count();
        assert_eq!(went, 4);
        // Until the server's reset; then this pacer's own count rules again.
        assert_eq!(pacer.reserve(at(200)), Duration::from_millis(30_100 - 200));
        assert!(pacer.reserve(at(30_100)).is_zero());
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
        for pacer in [
            RatePacer::per_minute(1000),
            RatePacer::with_burst(1000, Duration::from_secs(60), 100),
        ] {
            exhausted_budget_pauses_until_the_reset(&pacer);
        }
    }

    fn exhausted_budget_pauses_until_the_reset(pacer: &RatePacer) {
        let spent = said(0, 20);
        pacer.observe(&spent, at(0));
        assert_eq!(pacer.reserve(at(5000)), Duration::from_secs(15));
        assert!(pacer.reserve(at(20_000)).is_zero());
        // Remaining above zero changes nothing.
        let fine = said(3, 20);
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
            let spent = said(0, u64::MAX);
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
