//! # kustomer
//!
//! The sans-IO core of a Rust client for the [Kustomer](https://www.kustomer.com) customer-service
//! API. It builds [`http::Request`] values, reads [`http::Response`] bytes into typed models and
//! typed errors, and owns no socket: a transport crate (`kustomer-ureq`, `kustomer-isahc`) or your
//! own HTTP stack does the I/O through the one-method [`Transport`] trait.
//!
//! ```
//! use kustomer::{ApiKey, Client, Config, Region};
//!
//! // Any `Fn(http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, E>` is a transport;
//! // in real use, `kustomer_ureq::UreqTransport` or `kustomer_isahc::IsahcTransport`.
//! let transport = |request: http::Request<Vec<u8>>| {
//!     assert_eq!(request.uri(), "https://api.prod2.kustomerapp.com/v1/customers/58210c3db0f09110006b7953");
//!     Ok::<_, std::io::Error>(http::Response::new(
//!         br#"{"data":{"type":"customer","id":"58210c3db0f09110006b7953","attributes":{"name":"Ada"}}}"#.to_vec(),
//!     ))
//! };
//! let config = Config::new(ApiKey::new("my-api-key")?).with_base_url(Region::Eu);
//! let client = Client::new(config, transport);
//!
//! match client.customers().get("58210c3db0f09110006b7953") {
//!     Ok(customer) => println!("{}", customer.attributes.name.unwrap_or_default()),
//!     Err(e) if e.is_not_found() => println!("no such customer"),
//!     Err(e) => return Err(e),
//! }
//! # Ok::<(), kustomer::Error>(())
//! ```
//!
//! [`prelude`] holds what a typical program needs: `use kustomer::prelude::*;`.
//!
//! Without the [`Client`], drive an [`Operation`] yourself: [`Operation::build`] gives the request,
//! [`Operation::parse`] reads the response.
//!
//! Each resource family has a module of operations and a handle on the client:
//! [`customers`] (`client.customers()`), [`conversations`], [`messages`], [`notes`],
//! [`custom_objects`] (`client.custom_objects("order")`, and `client.klasses()`), [`companies`],
//! [`users`], [`teams`], [`tags`], [`shortcuts`], [`brands`], [`orgs`], [`metadata`],
//! [`webhooks`] (which also verifies and reads the deliveries you receive), [`work`] (searched
//! only), and Kustomer's access management: [`auth`] (`client.auth()`: the org's auth settings
//! and roles), [`auth_tokens`] and [`role_groups`]. They are declarations on one generic layer
//! ([`family`] for what a family can do, [`ops`] for the operations, [`search`] and [`bulk`] for
//! the shared machinery, [`flow`] for every multi-request flow), so every family gets the same
//! paging, search walk, bulk jobs, retries and checks. [`attributes`] names each search
//! context's standard attributes; a [`Secret`] (a token, a password) never prints.
//!
//! Values are typed where Kustomer's are: a model's date-times are [`DateTime`]s (the instant, or
//! the text sent when it names none), a request takes any [`IntoTimestamp`] (a [`Timestamp`], a
//! `SystemTime`) and writes RFC 3339 in UTC to the millisecond, and closed vocabularies are enums
//! in [`models`] ([`models::ConversationStatus`], [`models::Channel`], [`models::Priority`], ...)
//! that keep a value Kustomer adds later as `Other`.
//!
//! Every call through a [`Client`] is a `tracing` span (`kustomer.call`: operationId, record ID,
//! attempts, status, time, waits, the last rate-limit headers) with an event per retry and per
//! pacing pause; never the key, a body, a path or a lookup's email. Nothing is recorded when no
//! subscriber listens.
#![deny(missing_docs)]
// On docs.rs: each item gated by a feature says which.
#![cfg_attr(docsrs, feature(doc_cfg))]

mod families;
mod generic;
pub mod prelude;
mod protocol;

// The three layers are folders (protocol < generic < families; see README's "Layout"); their
// public modules keep the paths users know. The crate's own code names each module by its real
// path, so imports show their layer.
pub use families::{
    attachments, attributes, audit_logs, auth, auth_tokens, brands, companies, conversation_times,
    conversations, custom_objects, customer_events, customers, drafts, messages, metadata, models,
    notes, orgs, role_groups, satisfaction, schedules, shortcuts, slas, spam, tags, teams,
    tracking, unmasking, users, webhooks, work,
};
pub use generic::{bulk, family, flow, ops, search};
pub use protocol::{page, retry};

pub use generic::client::{Client, ClientBuilder, Reply};
pub use generic::handle::Handle;
pub use generic::paginated::{Items, Paginated, Walking};
pub use http;
/// The date-time library whose [`Timestamp`] the models and requests use, re-exported so that
/// its version is always the one this crate was built with.
pub use jiff;
pub use jiff::Timestamp;
pub use protocol::base_url::{BaseUrl, Region};
pub use protocol::boxed::BoxTransport;
pub use protocol::clock::{Clock, Interrupt, Jitter, ManualClock, RandomJitter, SystemClock};
pub use protocol::config::{Config, USER_AGENT_VALUE};
pub use protocol::date_time::{DateTime, IntoTimestamp};
pub use protocol::error::{
    ApiError, ApiErrorEntry, DecodeError, Error, InvalidInput, TransportError, TransportErrorKind,
};
pub use protocol::idempotency::Idempotency;
pub use protocol::operation::Operation;
pub use protocol::pacing::{Pacer, RatePacer};
pub use protocol::path::segment as encode_path_segment;
pub use protocol::rate_limit::{RateLimit, RetryAfter};
pub use protocol::response::error_for_status;
pub use protocol::retry::RetryPolicy;
pub use protocol::secret::{ApiKey, Secret};
pub use protocol::str_list::StrList;
pub use protocol::transport::{
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_BODY_SIZE, DEFAULT_TIMEOUT, Transport, TransportOptions,
    sends_no_body,
};

/// The crate README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
