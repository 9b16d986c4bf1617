//! Query strings built from untrusted values, each kept inside its own key or value.

use std::fmt::Write as _;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything but RFC 3986 "unreserved" is encoded: `&`, `=`, `#`, `+`, `%`, brackets, spaces,
/// non-ASCII. A value cannot end its parameter or start another.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A query string under construction: `?k=v&k2=v2`.
#[derive(Debug, Default, Clone)]
pub(crate) struct Query {
    text: String,
}

impl Query {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Adds `key=value`, both percent-encoded.
    pub(crate) fn push(&mut self, key: &str, value: &str) -> &mut Self {
        self.text.push(if self.text.is_empty() { '?' } else { '&' });
        // Writing to a String cannot fail.
        let _ = write!(
            self.text,
            "{}={}",
            utf8_percent_encode(key, COMPONENT),
            utf8_percent_encode(value, COMPONENT)
        );
        self
    }

    /// Adds `key=value` when there is a value.
    pub(crate) fn push_opt(&mut self, key: &str, value: Option<impl ToString>) -> &mut Self {
        if let Some(value) = value {
            self.push(key, &value.to_string());
        }
        self
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    use super::Query;

    #[test]
    fn keys_and_values_cannot_escape() {
        let mut q = Query::new();
        q.push("filter[createdAt][gte]", "2020-01-01T00:00:00.000Z")
            .push("x", "a&b=c#d e+f%")
            .push_opt("page", Some(2))
            .push_opt("none", None::<u32>);
        assert_eq!(
            q.as_str(),
            "?filter%5BcreatedAt%5D%5Bgte%5D=2020-01-01T00%3A00%3A00.000Z&x=a%26b%3Dc%23d%20e%2Bf%25&page=2"
        );
        assert_eq!(Query::new().as_str(), "");
    }
}
