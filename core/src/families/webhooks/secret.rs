//! Webhook secrets: the signing token Kustomer returns, and custom header values.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A webhook secret: the signing `token` of an outbound webhook, or the value of a custom header
/// (the older shared-secret scheme). Treated as the API key is: its `Debug` prints
/// `[redacted]`, it has no `Display`, it serializes as `"[redacted]"`, and no error carries it.
/// Read it with [`expose_secret`](Self::expose_secret) to store it where your secrets live.
///
/// ```
/// use kustomer::webhooks::WebhookSecret;
///
/// let token = WebhookSecret::new("whsec-0123");
/// assert_eq!(format!("{token:?}"), "WebhookSecret([redacted])");
/// assert_eq!(serde_json::to_string(&token).unwrap(), r#""[redacted]""#);
/// assert_eq!(token.expose_secret(), "whsec-0123");
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct WebhookSecret(Box<str>);

impl WebhookSecret {
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

impl fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WebhookSecret([redacted])")
    }
}

impl Serialize for WebhookSecret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str("[redacted]")
    }
}

impl<'de> Deserialize<'de> for WebhookSecret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}
