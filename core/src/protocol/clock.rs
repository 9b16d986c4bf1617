//! Time and chance, injected: the client asks these instead of the system, so tests never sleep
//! and every wait is predictable.

use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

/// The client's source of time.
///
/// ```
/// use std::sync::Mutex;
/// use std::time::{Duration, SystemTime};
/// use kustomer::Clock;
///
/// /// A clock that only moves when the client sleeps.
/// struct Manual(Mutex<SystemTime>);
///
/// impl Clock for Manual {
///     fn now(&self) -> SystemTime {
///         *self.0.lock().unwrap()
///     }
///     fn sleep(&self, duration: Duration) {
///         *self.0.lock().unwrap() += duration;
///     }
/// }
/// ```
pub trait Clock: Send + Sync {
    /// The current time.
    fn now(&self) -> SystemTime;
    /// Blocks the calling thread for `duration`.
    fn sleep(&self, duration: Duration);

    /// Blocks the calling thread for `duration`, or until `interrupt` is raised, whichever comes
    /// first: the waits of an export, which a dropped iterator cuts short. By default a plain
    /// [`sleep`](Self::sleep) (a test clock's sleeps take no time anyway); [`SystemClock`] wakes
    /// at once.
    fn sleep_interruptible(&self, duration: Duration, interrupt: &Interrupt) {
        let _ = interrupt;
        self.sleep(duration);
    }
}

/// The real clock: [`SystemTime::now`] and [`std::thread::sleep`].
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }

    fn sleep(&self, duration: Duration) {
        std::thread::sleep(duration);
    }

    fn sleep_interruptible(&self, duration: Duration, interrupt: &Interrupt) {
        interrupt.wait(duration);
    }
}

/// A stop signal that wakes whoever waits on it: raised once, it stays raised.
///
/// ```
/// use std::time::{Duration, Instant};
/// use kustomer::Interrupt;
///
/// let interrupt = std::sync::Arc::new(Interrupt::new());
/// let raiser = std::sync::Arc::clone(&interrupt);
/// let started = Instant::now();
/// std::thread::spawn(move || raiser.raise());
/// assert!(interrupt.wait(Duration::from_secs(60))); // woken, long before a minute
/// assert!(started.elapsed() < Duration::from_secs(30));
/// assert!(interrupt.is_raised());
/// ```
#[derive(Debug, Default)]
pub struct Interrupt {
    raised: Mutex<bool>,
    wake: std::sync::Condvar,
}

impl Interrupt {
    /// A signal not raised yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Raises it, waking every waiter.
    pub fn raise(&self) {
        *self.raised.lock().unwrap_or_else(PoisonError::into_inner) = true;
        self.wake.notify_all();
    }

    /// Whether it was raised.
    pub fn is_raised(&self) -> bool {
        *self.raised.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits up to `duration` for it; `true` if it was raised.
    pub fn wait(&self, duration: Duration) -> bool {
        let raised = self.raised.lock().unwrap_or_else(PoisonError::into_inner);
        let (raised, _) = self
            .wake
            .wait_timeout_while(raised, duration, |raised| !*raised)
            .unwrap_or_else(PoisonError::into_inner);
        *raised
    }
}

/// A clock for tests: time stands still until the client sleeps, and every sleep is recorded.
/// Clones share one time line.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use kustomer::{Clock, ManualClock};
///
/// let clock = ManualClock::new(SystemTime::UNIX_EPOCH);
/// clock.sleep(Duration::from_secs(60)); // returns at once
/// assert_eq!(clock.now(), SystemTime::UNIX_EPOCH + Duration::from_secs(60));
/// assert_eq!(clock.sleeps(), [Duration::from_secs(60)]);
/// ```
#[derive(Debug, Clone)]
pub struct ManualClock {
    state: Arc<Mutex<(SystemTime, Vec<Duration>)>>,
}

impl ManualClock {
    /// A clock standing at `start`.
    pub fn new(start: SystemTime) -> Self {
        Self {
            state: Arc::new(Mutex::new((start, Vec::new()))),
        }
    }

    /// Every sleep so far, in order.
    pub fn sleeps(&self) -> Vec<Duration> {
        self.lock().1.clone()
    }

    /// The sum of all sleeps so far (saturating).
    pub fn slept(&self) -> Duration {
        self.lock()
            .1
            .iter()
            .fold(Duration::ZERO, |sum, d| sum.saturating_add(*d))
    }

    /// Moves time forward without recording a sleep.
    pub fn advance(&self, by: Duration) {
        let mut state = self.lock();
        state.0 = later(state.0, by);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, (SystemTime, Vec<Duration>)> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Clock for ManualClock {
    fn now(&self) -> SystemTime {
        self.lock().0
    }

    fn sleep(&self, duration: Duration) {
        let mut state = self.lock();
        state.0 = later(state.0, duration);
        state.1.push(duration);
    }
}

/// `time + by`, or `time` itself past the end of what `SystemTime` can hold.
fn later(time: SystemTime, by: Duration) -> SystemTime {
    time.checked_add(by).unwrap_or(time)
}

/// The source of the backoff jitter: a number in `[0, 1)` each call.
pub trait Jitter: Send + Sync {
    /// The next random number in `[0, 1)`.
    fn next(&self) -> f64;
}

impl<F: Fn() -> f64 + Send + Sync> Jitter for F {
    fn next(&self) -> f64 {
        self()
    }
}

/// Default jitter: the standard library's randomly keyed SipHash over a counter. Plenty to spread
/// retries; not for cryptography.
pub struct RandomJitter {
    keys: RandomState,
    counter: AtomicU64,
}

impl Default for RandomJitter {
    fn default() -> Self {
        Self {
            keys: RandomState::new(),
            counter: AtomicU64::new(0),
        }
    }
}

impl fmt::Debug for RandomJitter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RandomJitter")
    }
}

impl Jitter for RandomJitter {
    fn next(&self) -> f64 {
        let mut hasher = self.keys.build_hasher();
        hasher.write_u64(self.counter.fetch_add(1, Ordering::Relaxed));
        // The top 53 bits make an evenly spread f64 in [0, 1).
        (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_jitter_stays_in_range_and_varies() {
        let jitter = RandomJitter::default();
        let values: Vec<f64> = (0..1000).map(|_| jitter.next()).collect();
        assert!(values.iter().all(|v| (0.0..1.0).contains(v)));
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        assert!((0.4..0.6).contains(&mean), "mean {mean}");
        let distinct: std::collections::HashSet<u64> = values.iter().map(|v| v.to_bits()).collect();
        assert_eq!(distinct.len(), 1000);
    }
}
