//! The fake's own time: RFC 3339 timestamps from a counter, so that every write has a distinct,
//! increasing `updatedAt` and tests can predict them.

use kustomer::Timestamp;

/// Formats Unix milliseconds as `YYYY-MM-DDTHH:MM:SS.mmmZ`, as Kustomer writes its own.
pub(crate) fn rfc3339_millis(unix_ms: u64) -> String {
    let at = i64::try_from(unix_ms)
        .ok()
        .and_then(|ms| Timestamp::from_millisecond(ms).ok())
        .unwrap_or(Timestamp::MAX);
    format!("{at:.3}")
}

#[cfg(test)]
mod tests {
    use super::rfc3339_millis;

    #[test]
    fn formats_known_moments() {
        assert_eq!(rfc3339_millis(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            rfc3339_millis(1_478_665_627_036),
            "2016-11-09T04:27:07.036Z"
        );
        assert_eq!(
            rfc3339_millis(1_709_164_800_000),
            "2024-02-29T00:00:00.000Z"
        );
    }
}
