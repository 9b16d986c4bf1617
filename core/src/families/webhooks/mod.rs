//! Outbound webhooks: manage them (`/outbound-webhooks`), check that a delivery comes from
//! Kustomer ([`WebhookVerifier`], [`SharedSecret`]; the `webhooks` feature, on by default), and
//! read it as a typed event ([`WebhookEvent`]). The check and the parse are pure functions of the
//! request's bytes, whatever HTTP server received them.
//!
//! Roles: `org.admin.webhook.read` / `org.permission.webhook.read` to read;
//! `org.admin.webhook.write` / `org.permission.webhook.create`, `.delete` to manage.
//!
//! # Receiving webhooks
//!
//! Kustomer posts each event to your HTTPS endpoint, at least once and possibly out of order,
//! and retries for about an hour before it disables the webhook: answer 2xx within a few
//! seconds, and do the work after.
//!
//! 1. Verify the signature over the raw body, before reading anything
//!    ([`WebhookVerifier::verify_request`]), with the token the create returned.
//! 2. Drop repeats by event ID ([`Deduplicator`]).
//! 3. Compare the resource's `updatedAt` ([`EventData::updated_at`]) with what you hold: an
//!    older update than the one you applied is stale.
//!
//! ```
//! # #[cfg(feature = "webhooks")] {
//! use kustomer::webhooks::{Deduplicator, EventData, WebhookVerifier};
//!
//! let verifier = WebhookVerifier::new("the-webhook-token")?;
//! let mut seen = Deduplicator::new(100_000);
//! # let body = br#"{"id":"e1","name":"kustomer.customer.update","data":{"type":"customer","id":"c1","attributes":{"name":"Ada"}}}"#.to_vec();
//! # let request = http::Request::builder().header("x-kustomer-webhook-signature", verifier.sign(&body)).body(body).unwrap();
//! // `request`: an `http::Request` of the delivery, from your HTTP server.
//! let status = match verifier.verify_and_parse(&request) {
//!     Err(_) => 401,                                // not from Kustomer: read nothing
//!     Ok(event) if !seen.first_time(&event.id) => 200, // a repeat
//!     Ok(event) => {
//!         if let EventData::Customer(customer) = &event.data {
//!             println!("{} is now {:?}", customer.id, customer.attributes.name);
//!         }
//!         200
//!     }
//! };
//! assert_eq!(status, 200);
//! # }
//! # Ok::<(), kustomer::webhooks::WebhookError>(())
//! ```

mod dedup;
mod error;
mod event;
mod input;
mod secret;
#[cfg(feature = "webhooks")]
mod verify;

use http::{Method, Request, Response};
use serde_json::Value;

use crate::families::models::Webhook;
use crate::generic::family::{Creatable, Deletable, Gettable, Listable};
use crate::protocol::config::Config;
use crate::protocol::error::Error;
use crate::protocol::operation::Operation;
use crate::protocol::response::decode_success;

pub use dedup::Deduplicator;
pub use error::WebhookError;
pub use event::{Change, ChangeOp, Changes, EventData, EventKind, WebhookEvent};
pub use input::{MAX_WEBHOOK_EVENTS, WebhookHeader, WebhookInput};
#[allow(deprecated)]
pub use secret::WebhookSecret;
#[cfg(feature = "webhooks")]
pub use verify::{EVENT_HEADER, SIGNATURE_HEADER, SharedSecret, WebhookVerifier};

/// The events Kustomer sends to outbound webhooks.
pub const EVENT_NAMES: [&str; 10] = [
    "kustomer.conversation.create",
    "kustomer.conversation.update",
    "kustomer.customer.create",
    "kustomer.customer.update",
    "kustomer.message.create",
    "kustomer.message.update",
    "kustomer.team.create",
    "kustomer.team.update",
    "kustomer.user.create",
    "kustomer.user.update",
];

crate::generic::declare::family! {
    impl Family for Webhook {
        type Scope = ();
        const PATH: &'static str = "/outbound-webhooks";
        const NAME: &'static str = "outbound webhook";
        const ID: &'static str = "webhook id";
    }

    handle {
        /// Outbound webhook operations through a [`Client`](crate::Client); from
        /// [`Client::webhooks`](crate::Client::webhooks).
        pub type Webhooks;
        /// Outbound webhook operations: get, list, create, delete, the event names.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// use kustomer::webhooks::WebhookInput;
        ///
        /// let hook = client.webhooks().create(
        ///     &WebhookInput::new("sync", "https://hooks.example.com/kustomer").event("kustomer.customer.update"),
        /// )?;
        /// let token = hook.attributes.token; // the signing key: store it with your secrets
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn webhooks;
    }

    /// Get an outbound webhook by ID (`GET /v1/outbound-webhooks/{id}`).
    ///
    /// Roles: `org.admin.webhook.read` or `org.permission.webhook.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, webhooks::GetWebhook};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(GetWebhook::new("5e0f779ed95b430019b57799").build(&config)?.uri().path(), "/v1/outbound-webhooks/5e0f779ed95b430019b57799");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetWebhook<'a> = crate::generic::ops::Get<'a, Webhook> { Get => "GetWebhook" };

    /// List the org's outbound webhooks (`GET /v1/outbound-webhooks`).
    ///
    /// Roles: `org.admin.webhook.read` or `org.permission.webhook.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, webhooks::ListWebhooks};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListWebhooks::new().build(&config)?.uri().path(), "/v1/outbound-webhooks");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListWebhooks = crate::generic::ops::List<Webhook> { List => "GetWebhooks" };

    /// Create an outbound webhook (`POST /v1/outbound-webhooks`; 201); the answer carries its
    /// signing `token`. The input's header values are secrets: no error carries them.
    ///
    /// Roles: `org.admin.webhook.write` or `org.permission.webhook.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, webhooks::{CreateWebhook, WebhookInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let hook = WebhookInput::new("sync", "https://hooks.example.com/k").event("kustomer.conversation.create");
    /// let request = CreateWebhook::new(&hook).build(&config)?;
    /// assert_eq!(request.body(), br#"{"name":"sync","url":"https://hooks.example.com/k","events":["kustomer.conversation.create"]}"#);
    /// assert!(CreateWebhook::new(WebhookInput::new("sync", "https://hooks.example.com/k")).build(&config).is_err()); // no event
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateWebhook<'a> = crate::generic::ops::Create<'a, Webhook> {
        Create => "CreateWebhook"
    };

    /// Delete an outbound webhook (`DELETE /v1/outbound-webhooks/{id}`; 204).
    ///
    /// Roles: `org.admin.webhook.write` or `org.permission.webhook.delete`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, webhooks::DeleteWebhook};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(DeleteWebhook::new("5e0f779ed95b430019b57799").build(&config)?.method(), http::Method::DELETE);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type DeleteWebhook<'a> = crate::generic::ops::Delete<'a, Webhook> {
        Delete => "DeleteWebhook"
    };
}
impl Gettable for Webhook {}
impl Listable for Webhook {
    const MAX_PAGE_SIZE: u32 = 100;
}
impl Creatable for Webhook {
    type Input = WebhookInput;
}
impl Deletable for Webhook {}

crate::generic::ops::helpers::input_cow!(WebhookInput);

impl<T: crate::protocol::transport::Transport> crate::generic::handle::Handle<'_, T, Webhook> {
    /// The event names webhooks can receive; see [`ListWebhookEvents`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let names = client.webhooks().event_names()?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn event_names(&self) -> Result<Vec<String>, Error> {
        self.client().execute(&ListWebhookEvents)
    }
}

/// The event names outbound webhooks can receive (`GET /v1/outbound-webhooks/events`). The
/// answer's items are read as names whether they come as strings or as resources (`id`, or
/// `attributes.name`).
///
/// Roles: `org.admin.webhook.read` or `org.permission.webhook.read`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, webhooks::ListWebhookEvents};
///
/// let config = Config::new(ApiKey::new("key")?);
/// assert_eq!(ListWebhookEvents.build(&config)?.uri().path(), "/v1/outbound-webhooks/events");
/// let body = br#"{"data":["kustomer.user.create",{"type":"event","id":"kustomer.user.update"}]}"#;
/// let names = ListWebhookEvents.parse(http::Response::new(body.to_vec()))?;
/// assert_eq!(names, ["kustomer.user.create", "kustomer.user.update"]);
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListWebhookEvents;

impl Operation for ListWebhookEvents {
    type Output = Vec<String>;

    fn operation_id(&self) -> &'static str {
        "GetWebhookEvents"
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        config.request(Method::GET, "/outbound-webhooks/events", None)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Vec<String>, Error> {
        let (doc, _) = decode_success::<Value, B>(&response)?;
        let items = match &doc {
            Value::Array(items) => items.as_slice(),
            other => other
                .get("data")
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice),
        };
        Ok(items
            .iter()
            .filter_map(|item| match item {
                Value::String(name) => Some(name.clone()),
                other => other
                    .get("id")
                    .or_else(|| other.get("attributes")?.get("name"))
                    .or_else(|| other.get("name"))?
                    .as_str()
                    .map(str::to_owned),
            })
            .collect())
    }
}
