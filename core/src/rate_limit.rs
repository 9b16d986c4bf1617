//! The rate-limit headers Kustomer sends with every response.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::HeaderMap;

/// What a response said about the org's request budget (`x-ratelimit-*` headers).
///
/// Every field is `None` when its header was absent or unreadable: parsing never fails.
///
/// ```
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
/// assert_eq!(limit.reset_after(std::time::SystemTime::now()), Some(std::time::Duration::from_secs(42)));
/// # Ok::<(), http::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RateLimit {
    /// `x-ratelimit-limit`: requests allowed per window.
    pub limit: Option<u64>,
    /// `x-ratelimit-remaining`: requests left in this window.
    pub remaining: Option<u64>,
    /// `x-ratelimit-reset` as sent: epoch seconds or seconds from now (see [`RateLimit::reset_after`]).
    pub reset: Option<u64>,
    /// `Retry-After` in seconds, if the server sent one.
    pub retry_after: Option<u64>,
}

// Anything this large is a Unix timestamp, not a delay (1e9 s is in 2001; no window lasts 31 years).
const EPOCH_THRESHOLD: u64 = 1_000_000_000;

impl RateLimit {
    /// Reads the rate-limit headers of any response.
    pub fn from_headers(headers: &HeaderMap) -> Self {
        Self {
            limit: header_u64(headers, "x-ratelimit-limit"),
            remaining: header_u64(headers, "x-ratelimit-remaining"),
            reset: header_u64(headers, "x-ratelimit-reset"),
            retry_after: header_u64(headers, "retry-after"),
        }
    }

    /// How long from `now` until the window resets, reading `x-ratelimit-reset` as epoch seconds
    /// when it is that large and as seconds from now otherwise. `Retry-After` wins when present.
    pub fn reset_after(&self, now: SystemTime) -> Option<Duration> {
        if let Some(secs) = self.retry_after {
            return Some(Duration::from_secs(secs));
        }
        let reset = self.reset?;
        if reset >= EPOCH_THRESHOLD {
            let at = UNIX_EPOCH + Duration::from_secs(reset);
            Some(at.duration_since(now).unwrap_or(Duration::ZERO))
        } else {
            Some(Duration::from_secs(reset))
        }
    }

    /// Whether no header was present at all.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

fn header_u64(headers: &HeaderMap, name: &str) -> Option<u64> {
    let text = headers.get(name)?.to_str().ok()?.trim();
    if let Ok(n) = text.parse::<u64>() {
        return Some(n);
    }
    // Some proxies send fractional seconds; round up so a wait is never too short.
    let f = text.parse::<f64>().ok()?;
    (f.is_finite() && f >= 0.0 && f < u64::MAX as f64).then(|| f.ceil() as u64)
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

    #[test]
    fn reads_all_headers_and_both_reset_forms() {
        let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let relative = RateLimit::from_headers(&headers(&[
            ("x-ratelimit-limit", "300"),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", "60"),
        ]));
        assert_eq!((relative.limit, relative.remaining), (Some(300), Some(0)));
        assert_eq!(relative.reset_after(now), Some(Duration::from_secs(60)));

        let epoch = RateLimit::from_headers(&headers(&[("x-ratelimit-reset", "1700000017")]));
        assert_eq!(epoch.reset_after(now), Some(Duration::from_secs(17)));
        let past = RateLimit::from_headers(&headers(&[("x-ratelimit-reset", "1600000000")]));
        assert_eq!(past.reset_after(now), Some(Duration::ZERO));

        let retry = RateLimit::from_headers(&headers(&[
            ("x-ratelimit-reset", "60"),
            ("retry-after", "5"),
        ]));
        assert_eq!(retry.reset_after(now), Some(Duration::from_secs(5)));
    }

    #[test]
    fn garbage_headers_read_as_absent() {
        let limit = RateLimit::from_headers(&headers(&[
            ("x-ratelimit-limit", "lots"),
            ("x-ratelimit-remaining", "-3"),
            ("x-ratelimit-reset", "1e400"),
            ("retry-after", "2.5"),
        ]));
        assert_eq!(limit.limit, None);
        assert_eq!(limit.remaining, None);
        assert_eq!(limit.reset, None);
        assert_eq!(limit.retry_after, Some(3));
        assert!(RateLimit::from_headers(&HeaderMap::new()).is_empty());
    }
}
