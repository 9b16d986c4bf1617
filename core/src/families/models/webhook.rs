//! The outbound webhook resource: where Kustomer pushes events.

use serde::{Deserialize, Serialize};

use crate::families::models::resource_model::resource_model;
use crate::generic::resource::BasicRelationships;
use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;
use crate::protocol::secret::Secret;

resource_model!(
    /// An outbound webhook: an HTTPS endpoint of yours that Kustomer posts events to. Its
    /// [`token`](WebhookAttributes::token) signs every delivery: a secret, redacted in `Debug`,
    /// in serialization and in the raw document; read it with `expose_secret`. So are its
    /// headers' values.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"outbound_webhook","id":"5e0f779ed95b430019b57799","attributes":{"name":"sync","url":"https://example.com/hook","events":["kustomer.conversation.create"],"enabled":true,"token":"whsec-0123"}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, webhooks::GetWebhook};
    ///
    /// let hook = GetWebhook::new("5e0f779ed95b430019b57799").parse(response)?;
    /// assert_eq!(hook.attributes.events, ["kustomer.conversation.create"]);
    /// assert!(!format!("{hook:?}").contains("whsec-0123"));
    /// assert!(!hook.raw_document().unwrap().contains("whsec-0123"));
    /// assert_eq!(hook.attributes.token.as_ref().map(|t| t.expose_secret()), Some("whsec-0123"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Webhook, WebhookAttributes, BasicRelationships, secrets = ["token", "value"]
);

/// A custom header Kustomer sends with each delivery; its value may be a shared secret.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct WebhookHeaderValue {
    /// The header's name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// The header's value, redacted like the token.
    #[serde(deserialize_with = "token")]
    pub value: Option<Secret>,
}

/// The attributes of an outbound webhook.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct WebhookAttributes {
    /// The name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// Where events go (HTTPS).
    #[serde(deserialize_with = "lenient::scalar")]
    pub url: Option<String>,
    /// The event names it receives (`kustomer.conversation.create`, ...).
    #[serde(deserialize_with = "lenient::scalars")]
    pub events: Vec<String>,
    /// Custom headers sent with each delivery.
    #[serde(deserialize_with = "lenient::objects")]
    pub headers: Vec<WebhookHeaderValue>,
    /// Whether it is delivering (Kustomer disables a webhook that keeps failing).
    #[serde(deserialize_with = "lenient::scalar")]
    pub enabled: Option<bool>,
    /// The signing key of its deliveries' `X-Kustomer-Webhook-Signature`.
    #[serde(deserialize_with = "token")]
    pub token: Option<Secret>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}

fn token<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Secret>, D::Error> {
    lenient::scalar::<D, String>(d).map(|t| t.map(Secret::new))
}
