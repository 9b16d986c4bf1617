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
//! [`users`], [`teams`], [`tags`], [`shortcuts`], [`brands`], [`orgs`], [`metadata`] and
//! [`webhooks`] (which also verifies and reads the deliveries you receive). They are
//! declarations on one generic layer ([`family`] for what a family can do, [`ops`] for the
//! operations, [`search`] and [`bulk`] for the shared machinery), so every family gets the same
//! paging, search walk, bulk jobs, retries and checks.
//!
//! Every call through a [`Client`] is a `tracing` span (`kustomer.call`: operationId, record ID,
//! attempts, status, time, waits, the last rate-limit headers) with an event per retry and per
//! pacing pause; never the key, a body, a path or a lookup's email. Nothing is recorded when no
//! subscriber listens.
#![deny(missing_docs)]
// On docs.rs: each item gated by a feature says which.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod attachments;
pub mod audit_logs;
mod base_url;
pub mod brands;
pub mod bulk;
mod client;
mod clock;
pub mod companies;
mod config;
pub mod conversation_times;
pub mod conversations;
pub mod custom_objects;
pub mod customer_events;
pub mod customers;
pub mod drafts;
mod error;
mod excerpt;
pub mod family;
mod handle;
mod idempotency;
mod json_body;
mod lenient;
pub mod messages;
pub mod metadata;
pub mod models;
pub mod notes;
mod operation;
pub mod ops;
pub mod orgs;
mod pacing;
pub mod page;
mod page_items;
mod path;
pub mod prelude;
mod query;
mod rate_limit;
mod response;
pub mod retry;
pub mod satisfaction;
pub mod schedules;
mod scrub;
pub mod search;
mod secret;
pub mod shortcuts;
pub mod slas;
pub mod spam;
pub mod tags;
pub mod teams;
mod trace;
pub mod tracking;
mod transport;
pub mod unmasking;
pub mod users;
mod validation;
pub mod webhooks;

pub use base_url::{BaseUrl, Region};
pub use client::{Client, ClientBuilder, Reply};
pub use clock::{Clock, Interrupt, Jitter, ManualClock, RandomJitter, SystemClock};
pub use config::{Config, USER_AGENT_VALUE};
pub use error::{
    ApiError, ApiErrorEntry, DecodeError, Error, InvalidInput, TransportError, TransportErrorKind,
};
pub use handle::{Handle, Paginated, Walking};
pub use http;
pub use idempotency::Idempotency;
pub use operation::Operation;
pub use pacing::{Pacer, RatePacer};
pub use path::segment as encode_path_segment;
pub use rate_limit::{RateLimit, RetryAfter};
pub use response::error_for_status;
pub use retry::RetryPolicy;
pub use secret::ApiKey;
pub use transport::{
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_BODY_SIZE, DEFAULT_TIMEOUT, Transport, TransportOptions,
};

/// The crate README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
