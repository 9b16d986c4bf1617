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

/// A date-time or a date as the fake orders them: RFC 3339 in UTC to the millisecond (a date is
/// its midnight, UTC), so that the order of the text is the order in time whatever offset or
/// precision was sent; `None` for anything else.
pub(crate) fn instant_key(text: &str) -> Option<String> {
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if let Ok(at) = text.parse::<Timestamp>() {
        return Some(format!("{at:.3}"));
    }
    let day = text.parse::<kustomer::jiff::civil::Date>().ok()?;
    Some(format!("{day}T00:00:00.000Z"))
}

#[cfg(test)]
mod tests {
    use super::{instant_key, rfc3339_millis};

    #[test]
    fn instants_order_as_text_whatever_their_offset() {
        let key = |text| instant_key(text).unwrap_or_default();
        assert_eq!(key("2024-01-31T10:00:00+01:00"), "2024-01-31T09:00:00.000Z");
        assert_eq!(key("2024-01-31"), "2024-01-31T00:00:00.000Z");
        assert!(key("2024-01-31T09:00:00.5Z") > key("2024-01-31T09:00:00Z"));
        assert_eq!(instant_key("Ada"), None);
        assert_eq!(instant_key("2024-13-01"), None);
    }

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
