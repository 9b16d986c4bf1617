//! What can be wrong with a delivery.

/// Why a delivery was refused: it is not signed, not signed by Kustomer for this webhook, or not
/// an event. Never names the token, the shared secret, or the signature received.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The signature header (or the shared-secret header) is absent.
    #[error("the delivery has no {header} header")]
    MissingSignature {
        /// The header looked for.
        header: String,
    },
    /// The signature is not 64 hex digits (or the header is not text).
    #[error("the {header} header is not a hex HMAC-SHA256 signature")]
    MalformedSignature {
        /// The header read.
        header: String,
    },
    /// The signature (or the shared secret) does not match: the body was not signed with this
    /// webhook's token, or was changed on the way.
    #[error(
        "the {header} header does not match the body: not from Kustomer, or not for this webhook"
    )]
    Mismatch {
        /// The header read.
        header: String,
    },
    /// The token or shared secret given to a verifier cannot verify anything: empty or blank
    /// (an unset environment variable, say). Refused when the verifier is built.
    #[error("the {what} {reason}: nothing could be verified with it")]
    InvalidSecret {
        /// Which secret: `webhook token`, `shared secret`.
        what: &'static str,
        /// What is wrong with it (never the secret).
        reason: &'static str,
    },
    /// The body is not a Kustomer event.
    #[error("the delivery is not a readable Kustomer event: {reason}")]
    Unreadable {
        /// Why, as the JSON parser said it, escaped to one line.
        reason: String,
    },
}

impl WebhookError {
    #[cfg(feature = "webhooks")]
    pub(crate) fn invalid_secret(what: &'static str, reason: &'static str) -> Self {
        Self::InvalidSecret { what, reason }
    }

    pub(crate) fn unreadable(error: &dyn std::fmt::Display) -> Self {
        Self::Unreadable {
            reason: crate::protocol::excerpt::excerpt_str(&error.to_string()),
        }
    }
}
