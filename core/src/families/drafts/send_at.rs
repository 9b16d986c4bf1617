//! When a draft goes out: a point in time, or Kustomer's date math.

use jiff::Timestamp;
use serde::{Serialize, Serializer};

use crate::protocol::date_time::{IntoTimestamp, wire};
use crate::protocol::error::InvalidInput;

/// A draft's `sendAt`: a point in time (sent as RFC 3339 in UTC to the millisecond), or
/// Kustomer's date math such as `now+1h` (its `date-time-math` format), sent as written.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use kustomer::drafts::{DraftInput, SendAt};
///
/// let in_an_hour = DraftInput::email().send_at(SystemTime::now() + Duration::from_secs(3600));
/// let same = DraftInput::email().send_at(SendAt::math("now+1h")?);
/// assert_eq!(serde_json::to_value(&same)?["sendAt"], "now+1h");
/// # let _ = in_an_hour;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SendAt {
    /// At this instant.
    At(Timestamp),
    /// Kustomer's date math, e.g. `now+1h`.
    Math(String),
}

impl SendAt {
    /// Date math such as `now+1h`, sent as written: Kustomer reads it.
    ///
    /// # Errors
    /// [`InvalidInput`] for empty or blank text.
    pub fn math(expression: impl Into<String>) -> Result<Self, InvalidInput> {
        let expression = expression.into();
        if expression.trim().is_empty() {
            return Err(InvalidInput::new("sendAt", "date math must not be empty"));
        }
        Ok(SendAt::Math(expression))
    }
}

/// Every point in time a request takes ([`IntoTimestamp`]).
impl<T: IntoTimestamp> From<T> for SendAt {
    fn from(at: T) -> Self {
        SendAt::At(at.into_timestamp())
    }
}

impl Serialize for SendAt {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            SendAt::At(at) => s.serialize_str(&wire(*at)),
            SendAt::Math(expression) => s.serialize_str(expression),
        }
    }
}
