//! When to try a request again: a pure decision, so every case is a plain unit test.

use std::time::{Duration, SystemTime};

use http::StatusCode;

use crate::protocol::error::TransportErrorKind;
use crate::protocol::idempotency::Idempotency;
use crate::protocol::rate_limit::RateLimit;

/// The retry policy of a [`Client`](crate::Client).
///
/// - **429** is retried for every method (the request was not processed): after `Retry-After` or
///   `x-ratelimit-reset`, if that wait is at most [`max_rate_limit_wait`](Self::max_rate_limit_wait).
/// - **500, 502, 503, 504**, **connection failures**, **timeouts** and **broken connections** are
///   retried only for idempotent requests ([`Idempotency`]: GET, HEAD, PUT, DELETE, OPTIONS, and
///   POSTs that only read, like search; not bulk writes, whatever their method), unless
///   [`retry_non_idempotent`](Self::retry_non_idempotent) is set: a create is never sent twice by
///   default. The wait is exponential backoff with jitter, or the
///   server's `Retry-After`.
/// - Nothing else is retried (4xx, decode errors, bodies over the cap).
/// - At most [`max_attempts`](Self::max_attempts) attempts and
///   [`max_total_wait`](Self::max_total_wait) of waiting in all.
///
/// ```
/// use std::time::Duration;
/// use kustomer::RetryPolicy;
///
/// let patient = RetryPolicy::default()
///     .max_attempts(6)
///     .base_delay(Duration::from_millis(500))
///     .max_total_wait(Duration::from_secs(300));
/// let never = RetryPolicy::disabled();
/// assert_eq!(never.get_max_attempts(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    max_total_wait: Duration,
    max_rate_limit_wait: Duration,
    retry_non_idempotent: bool,
}

impl Default for RetryPolicy {
    /// 4 attempts; backoff from 250 ms doubling up to 10 s; at most 70 s to wait for a rate-limit
    /// window (Kustomer's windows are 60 s) and 120 s of waiting in all; creates not retried.
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(10),
            max_total_wait: Duration::from_secs(120),
            max_rate_limit_wait: Duration::from_secs(70),
            retry_non_idempotent: false,
        }
    }
}

/// What to do after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Return the outcome to the caller.
    Stop,
    /// Wait this long, then send the request again.
    RetryAfter(Duration),
}

/// How an attempt ended, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome<'a> {
    /// A response with a status that is not a success.
    Status(StatusCode, &'a RateLimit),
    /// The transport failed.
    Transport(TransportErrorKind),
}

/// Everything a retry decision depends on.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Attempt<'a> {
    /// Whether the request may be sent again: [`Idempotency::of`] the request, the one answer
    /// the policy and the transports read (its method's, unless its operation marked it: a
    /// search POST is idempotent, a bulk PUT is not, an upload is sent once).
    pub idempotency: Idempotency,
    /// How the attempt ended.
    pub outcome: Outcome<'a>,
    /// Which attempt just ended, from 1.
    pub number: u32,
    /// Time already spent waiting between earlier attempts.
    pub waited: Duration,
    /// The current time (to read `Retry-After` dates and epoch resets).
    pub now: SystemTime,
    /// A random number in `[0, 1)` that spreads the backoff of concurrent clients.
    pub jitter: f64,
}

impl<'a> Attempt<'a> {
    /// Attempt `number` (from 1) of a request that may or may not be sent again
    /// (`idempotency`), ended by `outcome` at `now`; no time waited yet, and a jitter of one
    /// half. Set `waited` and `jitter` on the value for the rest.
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use kustomer::{Idempotency, RateLimit, RetryPolicy};
    /// use kustomer::retry::{Attempt, Decision, Outcome};
    ///
    /// let headers = RateLimit::default();
    /// let mut attempt = Attempt::new(Idempotency::Idempotent, Outcome::Status(http::StatusCode::BAD_GATEWAY, &headers), 1, SystemTime::UNIX_EPOCH);
    /// attempt.jitter = 0.0;
    /// assert_eq!(RetryPolicy::default().decide(&attempt), Decision::RetryAfter(Duration::from_millis(125)));
    /// ```
    pub fn new(
        idempotency: Idempotency,
        outcome: Outcome<'a>,
        number: u32,
        now: SystemTime,
    ) -> Self {
        Self {
            idempotency,
            outcome,
            number,
            waited: Duration::ZERO,
            now,
            jitter: 0.5,
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn disabled() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// The most attempts in all, the first included (1 disables retries).
    #[must_use]
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The first backoff delay; each later one doubles, up to [`max_delay`](Self::max_delay).
    #[must_use]
    pub fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// The longest single backoff delay.
    #[must_use]
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// The most time one call spends waiting in all: for the client's pacer, between attempts,
    /// for rate-limit resets. A call that would wait longer returns its last error (or
    /// [`Error::Throttled`](crate::Error::Throttled) if the pacer holds its first attempt).
    #[must_use]
    pub fn max_total_wait(mut self, wait: Duration) -> Self {
        self.max_total_wait = wait;
        self
    }

    /// The longest wait for a rate-limit window to reset; a 429 asking for more is returned.
    #[must_use]
    pub fn max_rate_limit_wait(mut self, wait: Duration) -> Self {
        self.max_rate_limit_wait = wait;
        self
    }

    /// Also retry requests that are not idempotent (creates) after server errors and broken
    /// connections. Only for operations you have made safe to repeat.
    #[must_use]
    pub fn retry_non_idempotent(mut self, yes: bool) -> Self {
        self.retry_non_idempotent = yes;
        self
    }

    /// The most attempts in all, as set by [`max_attempts`](Self::max_attempts).
    ///
    /// ```
    /// use std::time::Duration;
    /// use kustomer::RetryPolicy;
    ///
    /// let policy = RetryPolicy::default().max_attempts(5).max_total_wait(Duration::from_secs(9));
    /// assert_eq!((policy.attempt_limit(), policy.wait_limit()), (5, Duration::from_secs(9)));
    /// ```
    pub fn attempt_limit(&self) -> u32 {
        self.max_attempts
    }

    /// The most waiting of one call (pacing, backoff and rate-limit resets together), as set by
    /// [`max_total_wait`](Self::max_total_wait).
    pub fn wait_limit(&self) -> Duration {
        self.max_total_wait
    }

    /// Old name of [`attempt_limit`](Self::attempt_limit).
    #[deprecated(
        since = "0.1.0",
        note = "use attempt_limit (getters take no get_ prefix)"
    )]
    pub fn get_max_attempts(&self) -> u32 {
        self.attempt_limit()
    }

    /// Old name of [`wait_limit`](Self::wait_limit).
    #[deprecated(since = "0.1.0", note = "use wait_limit (getters take no get_ prefix)")]
    pub fn get_max_total_wait(&self) -> Duration {
        self.wait_limit()
    }

    /// Decides whether to retry after an attempt. Pure: the same inputs give the same answer.
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use http::{Method, StatusCode};
    /// use kustomer::{Idempotency, RateLimit, RetryPolicy};
    /// use kustomer::retry::{Attempt, Decision, Outcome};
    ///
    /// let policy = RetryPolicy::default();
    /// let no_headers = RateLimit::default();
    /// let attempt = |method, status| {
    ///     Attempt::new(Idempotency::of_method(method), Outcome::Status(status, &no_headers), 1, SystemTime::UNIX_EPOCH)
    /// };
    /// assert!(matches!(policy.decide(&attempt(&Method::GET, StatusCode::SERVICE_UNAVAILABLE)), Decision::RetryAfter(_)));
    /// assert_eq!(policy.decide(&attempt(&Method::POST, StatusCode::SERVICE_UNAVAILABLE)), Decision::Stop);
    /// assert_eq!(policy.decide(&attempt(&Method::GET, StatusCode::NOT_FOUND)), Decision::Stop);
    /// ```
    pub fn decide(&self, attempt: &Attempt<'_>) -> Decision {
        // A request whose body was given up to the send is never sent again.
        if attempt.number >= self.max_attempts || attempt.idempotency.is_once() {
            return Decision::Stop;
        }
        let repeatable = self.retry_non_idempotent || attempt.idempotency.is_idempotent();
        let wait = match attempt.outcome {
            Outcome::Status(StatusCode::TOO_MANY_REQUESTS, rate_limit) => {
                match rate_limit.reset_after(attempt.now) {
                    Some(wait) if wait > self.max_rate_limit_wait => return Decision::Stop,
                    // A little spread so that every waiting thread does not fire at the reset.
                    Some(wait) => wait.saturating_add(fraction(self.base_delay, attempt.jitter)),
                    None => self.backoff(attempt.number, attempt.jitter),
                }
            }
            Outcome::Status(status, rate_limit) if repeatable && is_transient(status) => {
                match rate_limit.retry_after {
                    Some(_) => match rate_limit.reset_after(attempt.now) {
                        Some(wait) if wait <= self.max_rate_limit_wait => wait,
                        _ => return Decision::Stop,
                    },
                    None => self.backoff(attempt.number, attempt.jitter),
                }
            }
            Outcome::Transport(
                TransportErrorKind::Connect | TransportErrorKind::Timeout | TransportErrorKind::Io,
            ) if repeatable => self.backoff(attempt.number, attempt.jitter),
            _ => return Decision::Stop,
        };
        if attempt.waited.saturating_add(wait) > self.max_total_wait {
            return Decision::Stop;
        }
        Decision::RetryAfter(wait)
    }

    /// "Equal jitter" backoff: half the exponential delay, plus up to that half again at random.
    fn backoff(&self, number: u32, jitter: f64) -> Duration {
        let exponent = number.saturating_sub(1).min(31);
        let full = self
            .base_delay
            .saturating_mul(1u32 << exponent)
            .min(self.max_delay);
        let half = full / 2;
        half.saturating_add(fraction(half, jitter))
    }
}

/// `duration × jitter`, whatever the jitter source returns: NaN and values below 0 count as 0,
/// values above 1 (infinity included) as 1, and the product never overflows.
fn fraction(duration: Duration, jitter: f64) -> Duration {
    let jitter = if jitter.is_nan() {
        0.0
    } else {
        jitter.clamp(0.0, 1.0)
    };
    Duration::try_from_secs_f64(duration.as_secs_f64() * jitter)
        .unwrap_or(duration)
        .min(duration)
}

pub use crate::protocol::idempotency::is_idempotent;

fn is_transient(status: StatusCode) -> bool {
    matches!(status.as_u16(), 500 | 502 | 503 | 504)
}

#[cfg(test)]
mod tests {
    use super::Decision::RetryAfter;
    use super::*;
    use http::Method;
    use std::time::UNIX_EPOCH;

    const NO_HEADERS: RateLimit = RateLimit {
        limit: None,
        remaining: None,
        reset: None,
        object_limit: None,
        object_remaining: None,
        retry_after: None,
    };

    fn attempt<'a>(method: &'a Method, outcome: Outcome<'a>, number: u32) -> Attempt<'a> {
        Attempt {
            idempotency: Idempotency::of_method(method),
            outcome,
            number,
            waited: Duration::ZERO,
            now: UNIX_EPOCH + Duration::from_secs(1_700_000_000),
            jitter: 0.0,
        }
    }

    fn status(code: u16) -> Outcome<'static> {
        Outcome::Status(StatusCode::from_u16(code).unwrap(), &NO_HEADERS)
    }

    #[test]
    fn server_errors_and_broken_connections_retry_only_idempotent_requests() {
        let policy = RetryPolicy::default();
        let transient = [
            status(500),
            status(502),
            status(503),
            status(504),
            Outcome::Transport(TransportErrorKind::Connect),
            Outcome::Transport(TransportErrorKind::Timeout),
            Outcome::Transport(TransportErrorKind::Io),
        ];
        for outcome in transient {
            for method in [Method::GET, Method::PUT, Method::DELETE] {
                let decision = policy.decide(&attempt(&method, outcome, 1));
                assert!(
                    matches!(decision, Decision::RetryAfter(_)),
                    "{method} {outcome:?}"
                );
            }
            for method in [Method::POST, Method::PATCH] {
                assert_eq!(policy.decide(&attempt(&method, outcome, 1)), Decision::Stop);
                let search = Attempt {
                    idempotency: Idempotency::Idempotent,
                    ..attempt(&method, outcome, 1)
                };
                assert!(matches!(policy.decide(&search), Decision::RetryAfter(_)));
                let opted_in = policy.clone().retry_non_idempotent(true);
                assert!(matches!(
                    opted_in.decide(&attempt(&method, outcome, 1)),
                    Decision::RetryAfter(_)
                ));
            }
        }
    }

    #[test]
    fn a_mark_overrides_the_method_but_a_429_is_always_retried() {
        let policy = RetryPolicy::default();
        let marked = |method, mark, outcome| Attempt {
            idempotency: mark,
            ..attempt(method, outcome, 1)
        };
        // Bulk writes: PUT and DELETE, but each one starts a job.
        for method in [&Method::PUT, &Method::DELETE] {
            for outcome in [status(503), Outcome::Transport(TransportErrorKind::Io)] {
                let bulk = marked(method, Idempotency::NotIdempotent, outcome);
                assert_eq!(policy.decide(&bulk), Decision::Stop, "{method}");
                assert!(matches!(
                    policy.clone().retry_non_idempotent(true).decide(&bulk),
                    Decision::RetryAfter(_)
                ));
            }
            let limited = marked(method, Idempotency::NotIdempotent, status(429));
            assert!(matches!(policy.decide(&limited), Decision::RetryAfter(_)));
        }
        let search = marked(&Method::POST, Idempotency::Idempotent, status(503));
        assert!(matches!(policy.decide(&search), Decision::RetryAfter(_)));
    }

    #[test]
    fn client_errors_and_local_failures_are_never_retried() {
        let policy = RetryPolicy::default();
        let final_outcomes = [
            status(400),
            status(401),
            status(403),
            status(404),
            status(409),
            status(413),
            status(501),
            status(302),
            Outcome::Transport(TransportErrorKind::BodyTooLarge),
            Outcome::Transport(TransportErrorKind::Other),
        ];
        for outcome in final_outcomes {
            assert_eq!(
                policy.decide(&attempt(&Method::GET, outcome, 1)),
                Decision::Stop,
                "{outcome:?}"
            );
        }
    }

    #[test]
    fn rate_limits_wait_for_the_reset_for_any_method() {
        let policy = RetryPolicy::default();
        let reset = RateLimit {
            remaining: Some(0),
            reset: Some(30),
            ..NO_HEADERS
        };
        let outcome = Outcome::Status(StatusCode::TOO_MANY_REQUESTS, &reset);
        for method in [Method::GET, Method::POST] {
            assert_eq!(
                policy.decide(&attempt(&method, outcome, 1)),
                Decision::RetryAfter(Duration::from_secs(30))
            );
        }
        // Epoch reset, 12 s from now; jitter adds at most one base delay.
        let epoch = RateLimit {
            reset: Some(1_700_000_012),
            ..NO_HEADERS
        };
        let with_jitter = Attempt {
            jitter: 0.5,
            ..attempt(
                &Method::GET,
                Outcome::Status(StatusCode::TOO_MANY_REQUESTS, &epoch),
                1,
            )
        };
        assert_eq!(
            policy.decide(&with_jitter),
            Decision::RetryAfter(Duration::from_millis(12_125))
        );
        // A reset further away than the cap is returned to the caller at once.
        let far = RateLimit {
            reset: Some(3600),
            ..NO_HEADERS
        };
        let far = Outcome::Status(StatusCode::TOO_MANY_REQUESTS, &far);
        assert_eq!(
            policy.decide(&attempt(&Method::GET, far, 1)),
            Decision::Stop
        );
        assert!(matches!(
            policy
                .clone()
                .max_rate_limit_wait(Duration::from_secs(3600))
                .max_total_wait(Duration::from_secs(7200))
                .decide(&attempt(&Method::GET, far, 1)),
            Decision::RetryAfter(_)
        ));
        // No headers at all: plain backoff.
        assert_eq!(
            policy.decide(&attempt(&Method::GET, status(429), 1)),
            Decision::RetryAfter(Duration::from_millis(125))
        );
    }

    #[test]
    fn retry_after_on_a_503_is_honoured() {
        let policy = RetryPolicy::default();
        let headers = RateLimit {
            retry_after: Some(crate::RetryAfter::Delay(Duration::from_secs(7))),
            ..NO_HEADERS
        };
        let outcome = Outcome::Status(StatusCode::SERVICE_UNAVAILABLE, &headers);
        assert_eq!(
            policy.decide(&attempt(&Method::GET, outcome, 1)),
            Decision::RetryAfter(Duration::from_secs(7))
        );
    }

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let policy = RetryPolicy::default()
            .max_attempts(100)
            .max_total_wait(Duration::MAX);
        let wait = |number, jitter| {
            let a = Attempt {
                jitter,
                ..attempt(&Method::GET, status(503), number)
            };
            match policy.decide(&a) {
                Decision::RetryAfter(d) => d,
                Decision::Stop => panic!("stopped at {number}"),
            }
        };
        assert_eq!(wait(1, 0.0), Duration::from_millis(125));
        assert_eq!(
            wait(1, 0.999_999),
            Duration::from_millis(250) - Duration::from_nanos(125)
        );
        assert_eq!(wait(2, 0.0), Duration::from_millis(250));
        assert_eq!(wait(3, 0.0), Duration::from_millis(500));
        assert_eq!(wait(10, 0.0), Duration::from_secs(5), "capped at max_delay");
        assert_eq!(wait(90, 1.0), Duration::from_secs(10));
    }

    #[test]
    fn no_jitter_or_delay_makes_it_panic() {
        let reset = RateLimit {
            reset: Some(3600),
            ..NO_HEADERS
        };
        let extreme = RetryPolicy::default()
            .max_attempts(u32::MAX)
            .base_delay(Duration::MAX)
            .max_delay(Duration::MAX)
            .max_rate_limit_wait(Duration::MAX)
            .max_total_wait(Duration::MAX);
        for jitter in [f64::NAN, -1.0, f64::INFINITY, f64::NEG_INFINITY, 1e308, 0.5] {
            for outcome in [
                status(503),
                Outcome::Status(StatusCode::TOO_MANY_REQUESTS, &reset),
            ] {
                for number in [1, 40, u32::MAX - 1] {
                    let a = Attempt {
                        jitter,
                        ..attempt(&Method::GET, outcome, number)
                    };
                    let RetryAfter(wait) = extreme.decide(&a) else {
                        panic!("{jitter} {number}")
                    };
                    assert!(wait > Duration::ZERO);
                    // The default policy stays within its own bounds.
                    if let RetryAfter(wait) = RetryPolicy::default().decide(&a) {
                        assert!(wait <= Duration::from_secs(71), "{jitter} {wait:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn attempts_and_total_wait_are_bounded() {
        let policy = RetryPolicy::default();
        assert!(matches!(
            policy.decide(&attempt(&Method::GET, status(503), 3)),
            Decision::RetryAfter(_)
        ));
        assert_eq!(
            policy.decide(&attempt(&Method::GET, status(503), 4)),
            Decision::Stop
        );
        let tired = Attempt {
            waited: Duration::from_secs(120),
            ..attempt(&Method::GET, status(503), 1)
        };
        assert_eq!(policy.decide(&tired), Decision::Stop);
        let off = RetryPolicy::disabled();
        assert_eq!(
            off.decide(&attempt(&Method::GET, status(503), 1)),
            Decision::Stop
        );
        assert_eq!(RetryPolicy::default().max_attempts(0).attempt_limit(), 1);
    }
}
