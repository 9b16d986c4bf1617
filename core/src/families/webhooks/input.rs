//! The body that creates an outbound webhook.

use serde::Serialize;

use crate::families::webhooks::EVENT_NAMES;
use crate::generic::family::Input;
use crate::protocol::base_url::is_loopback;
use crate::protocol::error::InvalidInput;
use crate::protocol::secret::Secret;
use crate::protocol::validation::{chars_between, check_unique};

/// The most events one webhook receives.
pub const MAX_WEBHOOK_EVENTS: usize = 12;

/// A custom header to send with each delivery: a name and a value (a shared secret, in the
/// older scheme), the value redacted in `Debug`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WebhookHeader {
    /// The header's name.
    pub name: String,
    /// The header's value: sent as is in the create's body, redacted everywhere else.
    #[serde(serialize_with = "crate::protocol::secret::expose")]
    pub value: Secret,
}

/// An outbound webhook to create (`POST /v1/outbound-webhooks`): a name (at most 255
/// characters), an `https` URL (plain `http` only on a loopback host, for a test's receiver), 1 to 12 of the event names Kustomer sends, and custom headers.
/// Checked before anything is sent.
///
/// ```
/// use kustomer::webhooks::WebhookInput;
///
/// let hook = WebhookInput::new("sync", "https://hooks.example.com/kustomer")
///     .event("kustomer.conversation.create")
///     .header("X-Shared-Secret", "s3cr3t");
/// assert!(kustomer::family::Input::validate(&hook).is_ok());
/// assert!(!format!("{hook:?}").contains("s3cr3t"));
/// // The body Kustomer needs holds it, of course.
/// assert!(serde_json::to_string(&hook).unwrap().contains(r#"{"name":"X-Shared-Secret","value":"s3cr3t"}"#));
/// let plain = WebhookInput::new("sync", "http://hooks.example.com/kustomer").event("kustomer.user.update");
/// assert!(kustomer::family::Input::validate(&plain).is_err());
/// // A test's receiver, behind the fake server, on this machine:
/// let local = WebhookInput::new("test", "http://127.0.0.1:8080/hook").event("kustomer.user.update");
/// assert!(kustomer::family::Input::validate(&local).is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WebhookInput {
    /// The name, 1 to 255 characters.
    pub name: String,
    /// Where events go: an `https` URL (or `http` on a loopback host).
    pub url: String,
    /// The event names to receive (`kustomer.conversation.create`, ...), 1 to 12.
    pub events: Vec<String>,
    /// Custom headers sent with each delivery.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<WebhookHeader>,
}

impl WebhookInput {
    /// A webhook named `name` posting to `url`, with no events yet.
    pub fn new(name: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            url: url.into(),
            events: Vec::new(),
            headers: Vec::new(),
        }
    }

    /// Adds an event to receive.
    #[must_use]
    pub fn event(mut self, name: impl Into<String>) -> Self {
        self.events.push(name.into());
        self
    }

    /// Adds a custom header.
    #[must_use]
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push(WebhookHeader {
            name: name.into(),
            value: Secret::new(value),
        });
        self
    }
}

impl Input for WebhookInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        chars_between("name", &self.name, 1, 255)?;
        let uri: http::Uri = self
            .url
            .parse()
            .map_err(|_| InvalidInput::new("url", "is not a URL"))?;
        let host = uri.host().unwrap_or_default();
        // Plain http only for a receiver on this machine (a test's, behind the fake server),
        // as for the API's own base URL.
        let secure = match uri.scheme_str() {
            Some("https") => true,
            Some("http") => is_loopback(host.trim_matches(['[', ']'])),
            _ => false,
        };
        if !secure || host.is_empty() {
            return Err(InvalidInput::new(
                "url",
                "must be an https URL with a host (or http on a loopback host)",
            ));
        }
        if self.events.is_empty() || self.events.len() > MAX_WEBHOOK_EVENTS {
            return Err(InvalidInput::new(
                "events",
                format!("takes 1 to {MAX_WEBHOOK_EVENTS} event names"),
            ));
        }
        check_unique("events", &self.events)?;
        if let Some(unknown) = self
            .events
            .iter()
            .find(|e| !EVENT_NAMES.contains(&e.as_str()))
        {
            return Err(InvalidInput::new(
                "events",
                format!(
                    "{:?} is not one of {}",
                    crate::protocol::excerpt::excerpt_str(unknown),
                    EVENT_NAMES.join(", ")
                ),
            ));
        }
        for header in &self.headers {
            http::HeaderName::from_bytes(header.name.as_bytes())
                .map_err(|_| InvalidInput::new("headers", "a header name is not a valid one"))?;
            // Named by position only: the value is a secret.
            http::HeaderValue::from_str(header.value.expose_secret()).map_err(|_| {
                InvalidInput::new(
                    "headers",
                    "a header value holds a character headers may not",
                )
            })?;
        }
        Ok(())
    }

    fn secrets(&self) -> Vec<&str> {
        self.headers
            .iter()
            .map(|h| h.value.expose_secret())
            .collect()
    }
}

crate::generic::ops::helpers::setters!(WebhookInput {
    #[doc = "Sets `name`: the name, 1 to 255 characters."]
    name: set String,
    #[doc = "Sets `url`: where events go: an `https` URL (or `http` on a loopback host)."]
    url: set String,
    #[doc = "Sets `events`: the event names to receive (`kustomer.conversation.create`, ...), 1 to 12."]
    events: set Vec<String>,
    #[doc = "Sets `headers`: custom headers sent with each delivery."]
    headers: set Vec<WebhookHeader>,
});
