//! Date-times as values: what a model reads ([`DateTime`], lenient), what a request writes
//! (RFC 3339 in UTC with milliseconds, as Kustomer does), and what a caller may pass
//! ([`IntoTimestamp`]).

use std::cmp::Ordering;
use std::fmt;
use std::time::SystemTime;

use jiff::{RoundMode, Timestamp, TimestampRound, Unit};
use serde::de::{self, Deserializer};
use serde::{Serialize, Serializer};

use crate::protocol::lenient::{self, Scalar};

/// A date-time attribute as a model read it: a [`Timestamp`] when the text is an RFC 3339
/// date-time, else the text itself, kept as sent, so that an odd value never fails its record
/// and is never lost.
///
/// Readable values order by time, and every unreadable value orders before every readable one,
/// so the newest record is simply the greatest:
///
/// ```
/// use kustomer::DateTime;
///
/// let read = |json: &str| serde_json::from_str::<DateTime>(json).unwrap();
/// let older = read(r#""2024-01-31T09:00:00.000Z""#);
/// let newer = read(r#""2024-01-31T10:00:00+01:00""#); // the same instant as 09:00Z...
/// assert_eq!(older, newer);
/// let later = read(r#""2024-01-31T09:00:00.001Z""#);
/// assert!(later > older);
///
/// let odd = read(r#""last tuesday""#);
/// assert_eq!(odd.timestamp(), None);
/// assert_eq!(odd.unreadable_text(), Some("last tuesday"));
/// assert!(odd < older);
/// assert_eq!(older.to_string(), "2024-01-31T09:00:00.000Z");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DateTime {
    /// A date-time that reads: the instant it names.
    At(Timestamp),
    /// Text that is not an RFC 3339 date-time (or a number), exactly as the server sent it.
    Unreadable(String),
}

impl DateTime {
    /// The instant, if the value read as one.
    pub fn timestamp(&self) -> Option<Timestamp> {
        match self {
            DateTime::At(at) => Some(*at),
            DateTime::Unreadable(_) => None,
        }
    }

    /// The instant as a [`SystemTime`], if the value read as one.
    pub fn system_time(&self) -> Option<SystemTime> {
        self.timestamp()
            .and_then(|at| SystemTime::try_from(at).ok())
    }

    /// The text the server sent, if it did not read as a date-time.
    pub fn unreadable_text(&self) -> Option<&str> {
        match self {
            DateTime::At(_) => None,
            DateTime::Unreadable(text) => Some(text),
        }
    }

    /// Reads `text` leniently: a [`Timestamp`] if it is one, else the text.
    pub fn parse_lenient(text: &str) -> Self {
        match instant(text) {
            Some(at) => DateTime::At(at),
            None => DateTime::Unreadable(text.to_owned()),
        }
    }
}

/// Strict: only an RFC 3339 date-time parses (to [`DateTime::At`]).
impl std::str::FromStr for DateTime {
    type Err = jiff::Error;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        text.parse().map(DateTime::At)
    }
}

impl From<Timestamp> for DateTime {
    fn from(at: Timestamp) -> Self {
        DateTime::At(at)
    }
}

impl PartialOrd for DateTime {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DateTime {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (DateTime::At(a), DateTime::At(b)) => a.cmp(b),
            (DateTime::Unreadable(a), DateTime::Unreadable(b)) => a.cmp(b),
            (DateTime::Unreadable(_), DateTime::At(_)) => Ordering::Less,
            (DateTime::At(_), DateTime::Unreadable(_)) => Ordering::Greater,
        }
    }
}

/// RFC 3339 in UTC with milliseconds for a date-time; the text as sent for an unreadable one.
impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateTime::At(at) => Wire(*at).fmt(f),
            DateTime::Unreadable(text) => f.write_str(text),
        }
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Strict for a value on its own (a number or a string reads; anything else is an error); a
/// model's fields read leniently and never fail.
impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        lenient::scalar(d)?.ok_or_else(|| de::Error::custom("expected a date-time"))
    }
}

/// A point in time a request can carry: a [`Timestamp`], a [`SystemTime`] or a
/// [`jiff::ZonedDateTime`]. Every date-time a request writes goes out as RFC 3339 in UTC, to the
/// millisecond (what is finer is cut), as Kustomer writes its own.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use kustomer::{IntoTimestamp, Timestamp};
///
/// let at = UNIX_EPOCH + Duration::from_millis(1_706_691_600_123);
/// assert_eq!(at.into_timestamp().to_string(), "2024-01-31T09:00:00.123Z");
/// let zoned = "2024-01-31T10:00:00+01:00[+01:00]".parse::<kustomer::jiff::ZonedDateTime>()?;
/// assert_eq!(zoned.into_timestamp(), "2024-01-31T09:00:00Z".parse::<Timestamp>()?);
/// # Ok::<(), kustomer::jiff::Error>(())
/// ```
pub trait IntoTimestamp {
    /// The instant, cut to the millisecond.
    fn into_timestamp(self) -> Timestamp;
}

impl IntoTimestamp for Timestamp {
    fn into_timestamp(self) -> Timestamp {
        millis(self)
    }
}

/// A time outside the years -9999 to 9999 saturates to the nearest end.
impl IntoTimestamp for SystemTime {
    fn into_timestamp(self) -> Timestamp {
        let at = Timestamp::try_from(self).unwrap_or_else(|_| {
            if self < SystemTime::UNIX_EPOCH {
                Timestamp::MIN
            } else {
                Timestamp::MAX
            }
        });
        millis(at)
    }
}

impl IntoTimestamp for jiff::ZonedDateTime {
    fn into_timestamp(self) -> Timestamp {
        millis(self.timestamp())
    }
}

impl IntoTimestamp for &jiff::ZonedDateTime {
    fn into_timestamp(self) -> Timestamp {
        millis(self.timestamp())
    }
}

/// `at` cut to the millisecond: what the wire carries, so a bound compared here is the bound the
/// server compares.
pub(crate) fn millis(at: Timestamp) -> Timestamp {
    let cut = TimestampRound::new()
        .smallest(Unit::Millisecond)
        .mode(RoundMode::Trunc);
    // Cutting towards the past cannot leave the range; the fallback is never taken.
    at.round(cut).unwrap_or(at)
}

/// An instant as the wire writes it: `2024-01-31T09:00:00.000Z` (UTC, to the millisecond).
struct Wire(Timestamp);

impl fmt::Display for Wire {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.3}", millis(self.0))
    }
}

/// `at` as the wire writes it.
pub(crate) fn wire(at: Timestamp) -> String {
    Wire(at).to_string()
}

/// Serializes an optional input timestamp as the wire writes it (`skip_serializing_if` leaves
/// out `None`).
pub(crate) fn write<S: Serializer>(at: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
    match at {
        Some(at) => s.collect_str(&Wire(*at)),
        None => s.serialize_none(),
    }
}

/// `text` as an instant: Kustomer's own form (`2016-11-09T04:23:01.925Z`, every date-time it
/// writes) read directly, anything else by jiff's RFC 3339 reader. Both validate through jiff.
fn instant(text: &str) -> Option<Timestamp> {
    kustomers_form(text).or_else(|| text.parse().ok())
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` exactly, or `None` (and the general reader decides).
fn kustomers_form(text: &str) -> Option<Timestamp> {
    let b = text.as_bytes();
    let shape = [
        (4, b'-'),
        (7, b'-'),
        (10, b'T'),
        (13, b':'),
        (16, b':'),
        (19, b'.'),
        (23, b'Z'),
    ];
    if b.len() != 24 || shape.iter().any(|&(at, byte)| b.get(at) != Some(&byte)) {
        return None;
    }
    let number = |from: usize, to: usize| {
        b.get(from..to)?.iter().try_fold(0i32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + i32::from(d - b'0'))
        })
    };
    let small = |from: usize, to: usize| number(from, to).and_then(|n| i8::try_from(n).ok());
    let civil = jiff::civil::DateTime::new(
        i16::try_from(number(0, 4)?).ok()?,
        small(5, 7)?,
        small(8, 10)?,
        small(11, 13)?,
        small(14, 16)?,
        small(17, 19)?,
        number(20, 23)? * 1_000_000,
    )
    .ok()?;
    jiff::tz::Offset::UTC.to_timestamp(civil).ok()
}

/// A model's date-time field reads through [`lenient::scalar`]: [`DateTime::At`] for a
/// date-time, [`DateTime::Unreadable`] for other text or a number (its text kept rather than
/// lost), `None` for null or any other JSON type (consumed; the raw document keeps it).
impl Scalar for DateTime {
    const EXPECTING: &'static str = "a date-time";
    fn from_str(text: &str) -> Option<Self> {
        Some(DateTime::parse_lenient(text))
    }
    fn from_string(text: String) -> Option<Self> {
        Some(match instant(&text) {
            Some(at) => DateTime::At(at),
            None => DateTime::Unreadable(text),
        })
    }
    fn from_i64(n: i64) -> Option<Self> {
        Some(DateTime::Unreadable(n.to_string()))
    }
    fn from_u64(n: u64) -> Option<Self> {
        Some(DateTime::Unreadable(n.to_string()))
    }
    fn from_f64(n: f64) -> Option<Self> {
        Some(DateTime::Unreadable(n.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    fn read(json: &str) -> Option<DateTime> {
        let mut d = serde_json::Deserializer::from_str(json);
        lenient::scalar(&mut d).ok().flatten()
    }

    #[test]
    fn reads_what_kustomer_writes_and_keeps_what_it_cannot() {
        let at = read(r#""2016-11-09T04:23:01.925Z""#).and_then(|d| d.timestamp());
        assert_eq!(
            at.map(|t| t.as_millisecond()),
            Some(1_478_665_381_925),
            "Kustomer's own form"
        );
        for odd in ["2024-13-45T00:00:00Z", "last month", "", "2024-01-31"] {
            let json = serde_json::to_string(odd).unwrap_or_default();
            assert_eq!(
                read(&json),
                Some(DateTime::Unreadable(odd.to_owned())),
                "{odd:?} keeps its text"
            );
        }
        assert_eq!(
            read("1706691600000"),
            Some(DateTime::Unreadable("1706691600000".into()))
        );
        for none in ["null", "true", "{}", "[1,2]"] {
            assert_eq!(read(none), None, "{none}");
        }
        let escaped = r#""2024-01-31T09:00:00\u002e000Z""#;
        assert!(read(escaped).and_then(|d| d.timestamp()).is_some());
    }

    #[test]
    fn kustomers_form_reads_as_jiff_reads_it() {
        let cases = [
            "2016-11-09T04:23:01.925Z",
            "2024-02-29T23:59:59.999Z",
            "2023-02-29T00:00:00.000Z",
            "2024-13-01T00:00:00.000Z",
            "2024-01-01T24:00:00.000Z",
            "2024-01-01T00:00:60.000Z",
            "0000-01-01T00:00:00.000Z",
            "2024-01-01T00:00:00.00aZ",
            "2024-01-01T00:00:00.000z",
            "2024-01-01 00:00:00.000Z",
        ];
        for text in cases {
            let jiff = text.parse::<Timestamp>().ok();
            assert_eq!(instant(text), jiff, "{text}");
            // Where the direct reader answers alone, it answers as jiff does.
            if let Some(fast) = kustomers_form(text) {
                assert_eq!(Some(fast), jiff, "{text}");
            }
        }
        for impossible in [
            "2023-02-29T00:00:00.000Z",
            "2024-13-01T00:00:00.000Z",
            "2024-01-01T24:00:00.000Z",
        ] {
            assert_eq!(kustomers_form(impossible), None, "{impossible}");
        }
        assert!(kustomers_form("2016-11-09T04:23:01.925Z").is_some());
        assert!(
            kustomers_form("2016-11-09T04:23:01Z").is_none(),
            "left to jiff"
        );
    }

    #[test]
    fn writes_utc_milliseconds_and_round_trips() {
        let at: Timestamp = "2024-01-31T10:00:00.123456+01:00"
            .parse()
            .unwrap_or_default();
        assert_eq!(wire(at), "2024-01-31T09:00:00.123Z");
        assert_eq!(
            wire(Timestamp::UNIX_EPOCH),
            "1970-01-01T00:00:00.000Z",
            "milliseconds always written"
        );
        let kept = DateTime::Unreadable("soon".into());
        assert_eq!(
            serde_json::to_string(&kept).ok().as_deref(),
            Some(r#""soon""#)
        );
        let value = DateTime::At(at);
        let again: Option<DateTime> = serde_json::to_string(&value)
            .ok()
            .and_then(|json| serde_json::from_str(&json).ok());
        assert_eq!(again, Some(DateTime::At(millis(at))));
    }

    #[test]
    fn system_times_saturate_and_cut_to_the_millisecond() {
        let at = UNIX_EPOCH + Duration::new(1_706_691_600, 123_999_999);
        assert_eq!(wire(at.into_timestamp()), "2024-01-31T09:00:00.123Z");
        let far = UNIX_EPOCH + Duration::from_secs(400_000_000_000);
        assert_eq!(far.into_timestamp(), millis(Timestamp::MAX));
        assert!(Some(DateTime::Unreadable("z".into())) < Some(DateTime::At(Timestamp::MIN)));
    }
}
