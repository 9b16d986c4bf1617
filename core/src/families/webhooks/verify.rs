//! Checking that a delivery comes from Kustomer, before anything reads it.

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::families::webhooks::{WebhookError, WebhookEvent};
use crate::protocol::secret::Secret;

/// The header holding a delivery's signature.
pub const SIGNATURE_HEADER: &str = "x-kustomer-webhook-signature";
/// The header naming a delivery's event.
pub const EVENT_HEADER: &str = "x-kustomer-webhook-event";

/// Checks deliveries of one webhook against its `token`: the `X-Kustomer-Webhook-Signature`
/// header must be the hex HMAC-SHA256 of the raw body keyed with the token, compared in
/// constant time, before anything of the body is read. Build it once; it is cheap to share.
///
/// ```
/// use kustomer::webhooks::{WebhookError, WebhookVerifier};
///
/// let verifier = WebhookVerifier::new("my-webhook-token")?;
/// let body = br#"{"id":"evt-1","name":"kustomer.customer.create","data":{}}"#;
/// let signature = verifier.sign(body); // what Kustomer sends, here computed for the example
/// assert!(verifier.verify(body, Some(&signature)).is_ok());
/// assert!(matches!(verifier.verify(b"{}", Some(&signature)), Err(WebhookError::Mismatch { .. })));
/// assert!(matches!(verifier.verify(body, None), Err(WebhookError::MissingSignature { .. })));
/// # Ok::<(), WebhookError>(())
/// ```
#[derive(Clone)]
pub struct WebhookVerifier {
    mac: Hmac<Sha256>,
}

impl std::fmt::Debug for WebhookVerifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WebhookVerifier([redacted])")
    }
}

impl WebhookVerifier {
    /// A verifier for the webhook whose token is `token`
    /// ([`WebhookAttributes::token`](crate::models::WebhookAttributes::token)).
    ///
    /// # Errors
    /// [`WebhookError::InvalidSecret`] for an empty or blank token: an HMAC keyed with nothing
    /// accepts anything an attacker signs with nothing, so an unset environment variable must
    /// not turn verification off.
    ///
    /// ```
    /// use kustomer::webhooks::{WebhookError, WebhookVerifier};
    ///
    /// let token = std::env::var("NO_SUCH_VARIABLE").unwrap_or_default();
    /// assert!(matches!(WebhookVerifier::new(token), Err(WebhookError::InvalidSecret { .. })));
    /// ```
    pub fn new(token: impl AsRef<[u8]>) -> Result<Self, WebhookError> {
        let token = non_blank(token.as_ref(), "webhook token")?;
        let mac = <Hmac<Sha256> as KeyInit>::new_from_slice(token).map_err(|_| {
            WebhookError::invalid_secret("webhook token", "is not a usable HMAC key")
        })?;
        Ok(Self { mac })
    }

    /// A verifier for a token read from the API.
    ///
    /// # Errors
    /// As [`new`](Self::new).
    pub fn from_secret(token: &Secret) -> Result<Self, WebhookError> {
        Self::new(token.expose_secret())
    }

    /// The lowercase hex signature of `body`, as Kustomer computes it: for tests of your own
    /// receiver, and for the fake server's deliveries.
    pub fn sign(&self, body: &[u8]) -> String {
        let mut mac = self.mac.clone();
        mac.update(body);
        hex::encode(mac.finalize().into_bytes())
    }

    /// Checks `signature` (the header's value; `None` if absent) against the raw `body`.
    /// Hex digits of either case are accepted, surrounding whitespace is ignored.
    ///
    /// # Errors
    /// [`WebhookError::MissingSignature`], [`WebhookError::MalformedSignature`] (not 64 hex
    /// digits) or [`WebhookError::Mismatch`].
    pub fn verify(&self, body: &[u8], signature: Option<&str>) -> Result<(), WebhookError> {
        let header = || SIGNATURE_HEADER.to_owned();
        let signature =
            signature.ok_or_else(|| WebhookError::MissingSignature { header: header() })?;
        let mut expected = [0u8; 32];
        hex::decode_to_slice(signature.trim(), &mut expected)
            .map_err(|_| WebhookError::MalformedSignature { header: header() })?;
        let mismatch = || WebhookError::Mismatch { header: header() };
        let mut mac = self.mac.clone();
        mac.update(body);
        // `verify_slice` compares in constant time.
        mac.verify_slice(&expected).map_err(|_| mismatch())
    }

    /// Checks a received request, whatever its body type: its signature header against its
    /// body.
    ///
    /// # Errors
    /// As [`verify`](Self::verify); a header that is not text is malformed.
    pub fn verify_request<B: AsRef<[u8]>>(
        &self,
        request: &http::Request<B>,
    ) -> Result<(), WebhookError> {
        let signature = match request.headers().get(SIGNATURE_HEADER) {
            None => None,
            Some(value) => Some(
                value
                    .to_str()
                    .map_err(|_| WebhookError::MalformedSignature {
                        header: SIGNATURE_HEADER.to_owned(),
                    })?,
            ),
        };
        self.verify(request.body().as_ref(), signature)
    }

    /// Checks a received request, then reads its body as an event: the one call a receiver
    /// needs.
    ///
    /// # Errors
    /// As [`verify_request`](Self::verify_request), then [`WebhookError::Unreadable`].
    pub fn verify_and_parse<B: AsRef<[u8]>>(
        &self,
        request: &http::Request<B>,
    ) -> Result<WebhookEvent, WebhookError> {
        self.verify_request(request)?;
        WebhookEvent::parse(request.body().as_ref())
    }
}

/// The older scheme: the org configured a custom header whose value is a secret shared with
/// you; each delivery must carry it. Compared in constant time (of its SHA-256, so that not even
/// the length leaks).
///
/// ```
/// use kustomer::webhooks::SharedSecret;
///
/// let check = SharedSecret::new("x-shared-secret", "s3cr3t")?;
/// let request = http::Request::builder().header("X-Shared-Secret", "s3cr3t").body(Vec::<u8>::new())?;
/// assert!(check.verify_request(&request).is_ok());
/// let forged = http::Request::builder().header("X-Shared-Secret", "guess").body(Vec::<u8>::new())?;
/// assert!(check.verify_request(&forged).is_err());
/// assert!(SharedSecret::new("x-shared-secret", " ").is_err()); // blank: refused
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct SharedSecret {
    header: String,
    digest: [u8; 32],
}

impl std::fmt::Debug for SharedSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedSecret")
            .field("header", &self.header)
            .finish_non_exhaustive()
    }
}

impl SharedSecret {
    /// Deliveries must carry header `header` with value `secret`.
    ///
    /// # Errors
    /// [`WebhookError::InvalidSecret`] for an empty or blank secret (a delivery without the
    /// value would otherwise pass) or header name.
    pub fn new(header: impl Into<String>, secret: impl AsRef<[u8]>) -> Result<Self, WebhookError> {
        let header = header.into();
        if header.trim().is_empty() {
            return Err(WebhookError::invalid_secret(
                "shared-secret header",
                "has no name",
            ));
        }
        let secret = non_blank(secret.as_ref(), "shared secret")?;
        Ok(Self {
            header: header.trim().to_ascii_lowercase(),
            digest: Sha256::digest(secret).into(),
        })
    }

    /// Checks a received request's header.
    ///
    /// # Errors
    /// [`WebhookError::MissingSignature`] or [`WebhookError::Mismatch`].
    pub fn verify_request<B>(&self, request: &http::Request<B>) -> Result<(), WebhookError> {
        let header = || self.header.clone();
        let value = request
            .headers()
            .get(self.header.as_str())
            .ok_or_else(|| WebhookError::MissingSignature { header: header() })?;
        let digest: [u8; 32] = Sha256::digest(value.as_bytes()).into();
        if bool::from(digest.ct_eq(&self.digest)) {
            Ok(())
        } else {
            Err(WebhookError::Mismatch { header: header() })
        }
    }
}

/// `secret`, unless it is empty or only white space.
fn non_blank<'s>(secret: &'s [u8], what: &'static str) -> Result<&'s [u8], WebhookError> {
    if secret.iter().all(u8::is_ascii_whitespace) {
        return Err(WebhookError::invalid_secret(what, "is empty or blank"));
    }
    Ok(secret)
}
