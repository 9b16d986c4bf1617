//! What a search criterion compares with: text, a number, a flag, or a point in time, written as
//! the API reads each.

use serde_json::Value;

use crate::protocol::date_time::{DateTime, IntoTimestamp, wire};

/// The value of a [`Criterion`](crate::search::Criterion): anything that converts into one.
/// A point in time ([`IntoTimestamp`]: a `Timestamp`, a `SystemTime`, a zoned time) is written
/// as RFC 3339 in UTC to the millisecond, a [`jiff::civil::Date`] as `YYYY-MM-DD`; text,
/// numbers, flags and [`serde_json::Value`] as they are.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use kustomer::{Timestamp, attributes::conversation, search::Criterion};
///
/// let since: Timestamp = "2024-01-31T09:00:00Z".parse()?;
/// let recent = Criterion::gte(conversation::UPDATED_AT, since);
/// assert_eq!(
///     serde_json::to_value(&recent)?,
///     serde_json::json!({"conversation_updated_at": {"gte": "2024-01-31T09:00:00.000Z"}})
/// );
/// let last_month = SystemTime::now() - Duration::from_secs(30 * 24 * 3600);
/// let _ = Criterion::gte(conversation::CREATED_AT, last_month);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SearchValue(pub(crate) Value);

impl SearchValue {
    /// The JSON the criterion sends.
    pub fn into_json(self) -> Value {
        self.0
    }
}

impl From<Value> for SearchValue {
    fn from(value: Value) -> Self {
        Self(value)
    }
}

/// Values serde_json takes as they are.
macro_rules! plain {
    ($($t:ty),+) => {$(
        impl From<$t> for SearchValue {
            fn from(value: $t) -> Self {
                Self(Value::from(value))
            }
        }
    )+};
}

plain!(
    &str,
    String,
    bool,
    i32,
    i64,
    u32,
    u64,
    f64,
    Vec<Value>,
    Vec<String>,
    Vec<&str>
);

impl From<&String> for SearchValue {
    fn from(value: &String) -> Self {
        Self(Value::String(value.clone()))
    }
}

/// Every point in time a request takes ([`IntoTimestamp`]).
impl<T: IntoTimestamp> From<T> for SearchValue {
    fn from(at: T) -> Self {
        Self(Value::String(wire(at.into_timestamp())))
    }
}

impl From<jiff::civil::Date> for SearchValue {
    fn from(day: jiff::civil::Date) -> Self {
        Self(Value::String(day.to_string()))
    }
}

/// A date-time read from a record: its instant, or the text it was sent as.
impl From<&DateTime> for SearchValue {
    fn from(at: &DateTime) -> Self {
        Self(Value::String(at.to_string()))
    }
}

impl From<DateTime> for SearchValue {
    fn from(at: DateTime) -> Self {
        Self::from(&at)
    }
}
