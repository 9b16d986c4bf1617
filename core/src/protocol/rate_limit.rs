//! The rate-limit headers Kustomer sends with every response.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::HeaderMap;

/// What a response said about the request budget: the org-wide `x-ratelimit-*` headers, the
/// per-object `x-ratelimit-object-*` headers sent on updates, and `Retry-After`.
///
/// Every field is `None` when its header was absent or unreadable: parsing never fails.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use kustomer::RateLimit;
///
/// let response = http::Response::builder()
///     .header("x-ratelimit-limit", "1000")
///     .header("x-ratelimit-remaining", "998")
///     .header("x-ratelimit-reset", "42")
///     .body(())?;
/// let limit = RateLimit::from_headers(response.headers());
/// assert_eq!(limit.limit, Some(1000));
/// assert_eq!(limit.remaining, Some(998));
/// assert_eq!(limit.reset_after(SystemTime::now()), Some(Duration::from_secs(42)));
/// # Ok::<(), http::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RateLimit {
    /// `x-ratelimit-limit`: requests allowed per window for the org.
    pub limit: Option<u64>,
    /// `x-ratelimit-remaining`: requests left in this window.
    pub remaining: Option<u64>,
    /// `x-ratelimit-reset` as sent: epoch seconds or seconds from now (see [`RateLimit::reset_after`]).
    pub reset: Option<u64>,
    /// `x-ratelimit-object-limit`: the per-object budget (updates of one record).
    pub object_limit: Option<u64>,
    /// `x-ratelimit-object-remaining`: what is left of the per-object budget.
    pub object_remaining: Option<u64>,
    /// `Retry-After`, in seconds or as an HTTP date.
    pub retry_after: Option<RetryAfter>,
}

/// A `Retry-After` header: a delay or a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetryAfter {
    /// Seconds to wait.
    Delay(Duration),
    /// The moment to retry at.
    At(SystemTime),
}

// Anything this large is a Unix timestamp, not a delay (1e9 s is in 2001; no window lasts 31 years).
const EPOCH_THRESHOLD: u64 = 1_000_000_000;

impl RateLimit {
    /// Reads the rate-limit headers of any response.
    pub fn from_headers(headers: &HeaderMap) -> Self {
        // One pass over the response's few headers rather than a lookup per name; the first
        // value of a name counts, as `HeaderMap::get` would give.
        let mut found = Self::default();
        let mut seen = 0u8;
        for (name, value) in headers {
            let slot: u8 = match name.as_str() {
                "x-ratelimit-limit" => 0,
                "x-ratelimit-remaining" => 1,
                "x-ratelimit-reset" => 2,
                "x-ratelimit-object-limit" => 3,
                "x-ratelimit-object-remaining" => 4,
                "retry-after" => 5,
                _ => continue,
            };
            if seen & (1 << slot) != 0 {
                continue;
            }
            seen |= 1 << slot;
            let Ok(text) = value.to_str().map(str::trim) else {
                continue;
            };
            match slot {
                0 => found.limit = parse_seconds(text),
                1 => found.remaining = parse_seconds(text),
                2 => found.reset = parse_seconds(text),
                3 => found.object_limit = parse_seconds(text),
                4 => found.object_remaining = parse_seconds(text),
                _ => found.retry_after = retry_after(text),
            }
        }
        found
    }

    /// How long from `now` until requests may go again: `Retry-After` when present, else
    /// `x-ratelimit-reset` read as epoch seconds when it is that large and as seconds from now
    /// otherwise. A moment already past gives zero.
    pub fn reset_after(&self, now: SystemTime) -> Option<Duration> {
        match self.retry_after {
            Some(RetryAfter::Delay(delay)) => return Some(delay),
            Some(RetryAfter::At(at)) => return Some(at.duration_since(now).unwrap_or_default()),
            None => {}
        }
        let reset = self.reset?;
        if reset >= EPOCH_THRESHOLD {
            let at = UNIX_EPOCH.checked_add(Duration::from_secs(reset))?;
            Some(at.duration_since(now).unwrap_or_default())
        } else {
            Some(Duration::from_secs(reset))
        }
    }

    /// Whether the org's budget is spent for this window (`x-ratelimit-remaining: 0`).
    pub fn is_exhausted(&self) -> bool {
        self.remaining == Some(0)
    }

    /// Whether no header was present at all.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

fn parse_seconds(text: &str) -> Option<u64> {
    if let Ok(n) = text.parse::<u64>() {
        return Some(n);
    }
    // Some proxies send fractional seconds; round up so a wait is never too short.
    let f = text.parse::<f64>().ok()?;
    (f.is_finite() && f >= 0.0 && f < u64::MAX as f64).then(|| f.ceil() as u64)
}

fn retry_after(text: &str) -> Option<RetryAfter> {
    if let Some(secs) = parse_seconds(text) {
        return Some(RetryAfter::Delay(Duration::from_secs(secs)));
    }
    httpdate::parse_http_date(text).ok().map(RetryAfter::At)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        map
    }

    const NOW: u64 = 1_700_000_000;

    fn now() -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(NOW)
    }

    #[test]
    fn reads_every_header_and_both_reset_forms() {
        let relative = RateLimit::from_headers(&headers(&[
            ("x-ratelimit-limit", "300"),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", "60"),
            ("x-ratelimit-object-limit", "120"),
            ("x-ratelimit-object-remaining", "119"),
        ]));
        assert_eq!((relative.limit, relative.remaining), (Some(300), Some(0)));
        assert_eq!(
            (relative.object_limit, relative.object_remaining),
            (Some(120), Some(119))
        );
        assert!(relative.is_exhausted());
        assert_eq!(relative.reset_after(now()), Some(Duration::from_secs(60)));

        let epoch = RateLimit::from_headers(&headers(&[("x-ratelimit-reset", "1700000017")]));
        assert_eq!(epoch.reset_after(now()), Some(Duration::from_secs(17)));
        let past = RateLimit::from_headers(&headers(&[("x-ratelimit-reset", "1600000000")]));
        assert_eq!(past.reset_after(now()), Some(Duration::ZERO));
    }

    #[test]
    fn retry_after_wins_in_seconds_or_as_a_date() {
        let secs = RateLimit::from_headers(&headers(&[
            ("x-ratelimit-reset", "60"),
            ("retry-after", "5"),
        ]));
        assert_eq!(secs.reset_after(now()), Some(Duration::from_secs(5)));
        // 1700000000 is Tue, 14 Nov 2023 22:13:20 GMT.
        let date = RateLimit::from_headers(&headers(&[
            ("x-ratelimit-reset", "60"),
            ("retry-after", "Tue, 14 Nov 2023 22:13:27 GMT"),
        ]));
        assert_eq!(date.reset_after(now()), Some(Duration::from_secs(7)));
        let stale = RateLimit::from_headers(&headers(&[(
            "retry-after",
            "Tue, 14 Nov 2023 22:00:00 GMT",
        )]));
        assert_eq!(stale.reset_after(now()), Some(Duration::ZERO));
    }

    #[test]
    fn garbage_headers_read_as_absent() {
        let limit = RateLimit::from_headers(&headers(&[
            ("x-ratelimit-limit", "lots"),
            ("x-ratelimit-remaining", "-3"),
            ("x-ratelimit-reset", "1e400"),
            ("retry-after", "soon"),
        ]));
        assert_eq!(limit, RateLimit::default());
        assert!(limit.is_empty());
        assert_eq!(limit.reset_after(now()), None);
        let fractional = RateLimit::from_headers(&headers(&[("retry-after", "2.5")]));
        assert_eq!(
            fractional.retry_after,
            Some(RetryAfter::Delay(Duration::from_secs(3)))
        );
        let huge =
            RateLimit::from_headers(&headers(&[("x-ratelimit-reset", "18446744073709551615")]));
        assert_eq!(
            huge.reset_after(now()),
            None,
            "an unrepresentable moment is no answer"
        );
    }

    #[test]
    fn the_first_value_of_a_header_counts_and_others_are_ignored() {
        let mut map = headers(&[("x-ratelimit-remaining", " 7 "), ("x-other", "1")]);
        map.append("x-ratelimit-remaining", HeaderValue::from_static("9"));
        map.append("retry-after", HeaderValue::from_static("2"));
        let limit = RateLimit::from_headers(&map);
        assert_eq!(limit.remaining, Some(7));
        assert_eq!(
            limit.retry_after,
            Some(RetryAfter::Delay(Duration::from_secs(2)))
        );
        assert_eq!(limit.limit, None);
    }
}
