//! A list item that could not be read as its model.

use crate::protocol::api_error::DecodeError;

/// An item of a list page that could not be read as its model: where it was, why, and its JSON
/// exactly as received, so that an export can set it aside instead of stopping or losing it.
/// The client's iterators yield it as an [`Error::BadRecord`](crate::Error::BadRecord) after the good items of its page.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BadRecord {
    /// Its position in the page's `data`, from 0.
    pub index: usize,
    /// Why it could not be read; line and column are within `raw`.
    pub reason: DecodeError,
    /// The item's JSON as received (with the API key, should a server echo it, redacted).
    pub raw: String,
}

impl std::fmt::Debug for BadRecord {
    // `raw` may be long: Debug shows its excerpt, as `reason` does.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BadRecord")
            .field("index", &self.index)
            .field("reason", &self.reason)
            .field("raw_len", &self.raw.len())
            .finish()
    }
}

impl std::fmt::Display for BadRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "item {} of a page could not be read: {}",
            self.index, self.reason
        )
    }
}
