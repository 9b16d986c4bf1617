//! The API key and every other secret (a token, a password, a generated secret), kept out of
//! every `Debug`, `Display`, serialization and error message.

use std::fmt;

use http::HeaderValue;

use crate::protocol::error::InvalidInput;

/// A Kustomer API key.
///
/// Its `Debug` prints `ApiKey([redacted])` and it has no `Display`, so it cannot end up in logs or
/// error messages by accident. A key that holds a byte that is not visible ASCII (CR, LF, a space, a
/// control or non-ASCII character) is refused: such a key would break or smuggle HTTP headers.
///
/// ```
/// use kustomer::ApiKey;
///
/// let key = ApiKey::new("my-secret-key")?;
/// assert_eq!(format!("{key:?}"), "ApiKey([redacted])");
/// assert!(ApiKey::new("bad\r\nX-Injected: 1").is_err());
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey {
    key: Box<str>,
    // Built once: every request clones it (a reference-count bump), and it is marked sensitive so
    // that `http`'s own `Debug` and HPACK indexing leave it alone.
    bearer: HeaderValue,
}

impl ApiKey {
    /// Checks and wraps an API key.
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) if the key is empty or holds a byte other
    /// than visible ASCII. The error names the position, never the key.
    pub fn new(key: impl Into<String>) -> Result<Self, InvalidInput> {
        let key: String = key.into();
        if key.trim().is_empty() {
            // An unset or blank variable, most likely: say so rather than name a position.
            return Err(InvalidInput::new(
                "api key",
                if key.is_empty() {
                    "is empty"
                } else {
                    "is blank (only white space)"
                },
            ));
        }
        if let Some(pos) = key.bytes().position(|b| !b.is_ascii_graphic()) {
            return Err(InvalidInput::new(
                "api key",
                format!("holds a character not allowed in an HTTP header at byte {pos}"),
            ));
        }
        let mut bearer = HeaderValue::try_from(format!("Bearer {key}"))
            .map_err(|_| InvalidInput::new("api key", "is not a valid header value"))?;
        bearer.set_sensitive(true);
        Ok(Self {
            key: key.into_boxed_str(),
            bearer,
        })
    }

    /// The key itself, for a caller that must hand it to something else. Handle with care.
    ///
    /// ```
    /// # let key = kustomer::ApiKey::new("k")?;
    /// assert_eq!(key.expose_secret(), "k");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn expose_secret(&self) -> &str {
        &self.key
    }

    /// The `Authorization` header value (`Bearer <key>`), marked sensitive.
    pub(crate) fn bearer(&self) -> HeaderValue {
        self.bearer.clone()
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_key() {
        let key = ApiKey::new("s3cr3t-KEY").unwrap();
        let shown = format!("{key:?} {key:#?}");
        assert!(!shown.contains("s3cr3t"), "{shown}");
        assert!(shown.contains("[redacted]"));
        assert!(key.bearer().is_sensitive());
        assert_eq!(key.bearer(), "Bearer s3cr3t-KEY");
    }

    #[test]
    fn header_breaking_keys_are_refused_without_echoing_them() {
        for bad in [
            "", "a\r\nb", "a\nb", "a b", "a\tb", "ключ", "a\0b", "a\x7fb",
        ] {
            let err = ApiKey::new(bad).unwrap_err();
            let msg = format!("{err} {err:?}");
            assert!(msg.contains("api key"), "{msg}");
            if !bad.is_empty() {
                assert!(!msg.contains(bad), "{msg} echoes the key");
            }
        }
    }
}

/// A secret the API sends or takes: a webhook's signing token or header value, an auth token,
/// the customer-auth settings' generated secret, a password. Treated as the API key is: its
/// `Debug` and `Display` print `[redacted]`, it serializes as `"[redacted]"` (an input that must
/// send it says so field by field), and no error carries it. Read it with
/// [`expose_secret`](Self::expose_secret), one explicit call, to store it where your secrets
/// live.
///
/// ```
/// use kustomer::Secret;
///
/// let token = Secret::new("whsec-0123");
/// assert_eq!(format!("{token:?} {token}"), "Secret([redacted]) [redacted]");
/// assert_eq!(serde_json::to_string(&token).unwrap(), r#""[redacted]""#);
/// assert_eq!(token.expose_secret(), "whsec-0123");
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(Box<str>);

impl Secret {
    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Self {
        Self(secret.into().into_boxed_str())
    }

    /// The secret itself. Handle with care.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(crate::protocol::scrub::REDACTED)
    }
}

impl serde::Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(crate::protocol::scrub::REDACTED)
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}

// A secret attribute of a model reads as leniently as any string.
impl crate::protocol::lenient::Scalar for Secret {
    const EXPECTING: &'static str = "a string";
    fn from_str(v: &str) -> Option<Self> {
        Some(Self::new(v))
    }
    fn from_string(v: String) -> Option<Self> {
        Some(Self::new(v))
    }
}

impl From<&str> for Secret {
    fn from(secret: &str) -> Self {
        Self::new(secret)
    }
}

impl From<String> for Secret {
    fn from(secret: String) -> Self {
        Self::new(secret)
    }
}

/// Serializes a secret an input must send as itself (`#[serde(serialize_with = "expose")]`):
/// only a request body does.
pub(crate) fn expose<S: serde::Serializer>(
    secret: &Secret,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(secret.expose_secret())
}

/// [`expose`] for an optional secret (the field skipped when `None`).
pub(crate) fn expose_some<S: serde::Serializer>(
    secret: &Option<Secret>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match secret {
        Some(secret) => expose(secret, serializer),
        None => serializer.serialize_none(),
    }
}
