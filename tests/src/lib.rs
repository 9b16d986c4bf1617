//! # kustomer-fake
//!
//! A fake Kustomer API for testing code that uses `kustomer`: a real HTTP/1.1 server ([`hyper`]
//! on a small tokio runtime in its own thread) on `127.0.0.1:0`, reached through real sockets by
//! your real transport. It keeps what you write, answers in Kustomer's shapes (quirks included),
//! checks request bodies against the spec's schemas, and misbehaves on cue:
//!
//! - start it ([`FakeKustomer::start`], [`FakeKustomer::builder`]) and point a client at it
//!   ([`FakeKustomer::config`]);
//! - seed it with any model ([`FakeKustomer::seed`]) or start from its seeds
//!   ([`SPEC_CUSTOMER_ID`], [`CURRENT_USER_ID`], the `order` klass...);
//! - read back what was sent ([`FakeKustomer::requests`]);
//! - inject faults for the next request ([`FakeKustomer::fail_next`]) or the next request of a
//!   route ([`FakeKustomer::fail_on`], [`Route`], [`Fault`]);
//! - receive its signed webhook deliveries ([`FakeKustomer::deliveries`]) and see the files its
//!   storage host received ([`FakeKustomer::uploads`]).
//!
//! kustomer-rs's own integration tests, examples and benchmarks use only this public API.
//!
//! ```
//! use kustomer_fake::{FakeKustomer, SPEC_CUSTOMER_ID};
//!
//! let server = FakeKustomer::start()?;
//! let client = kustomer::Client::new(server.config(), kustomer_ureq::UreqTransport::new());
//! let customer = client.customers().get(SPEC_CUSTOMER_ID)?;
//! assert_eq!(customer.attributes.name.as_deref(), Some("John Smith Jr."));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// serde_json's `json!` recurses per token: a whole customer document needs more than 128.
#![recursion_limit = "256"]
#![deny(missing_docs)]
// On docs.rs: each item gated by a feature says which.
#![cfg_attr(docsrs, feature(doc_cfg))]

mod access;
mod answers;
mod bodies;
mod body;
mod bulk_job;
mod bulk_route;
mod clock;
mod customers;
mod delivery;
mod demo;
mod families;
mod family_store;
mod fault;
mod ledger;
mod limits;
mod longtail;
mod records;
mod routes;
mod search_eval;
mod search_route;
mod seeds;
mod server;
mod service;
mod shared;
mod spec;
mod store;
mod synthetic;
mod table;
#[cfg(feature = "isahc")]
mod transports;
mod webhooks;

pub use delivery::WebhookDelivery;
pub use demo::env_or_fake;
pub use fault::{Fault, Route};
pub use seeds::{
    ADMIN_ROLE_GROUP_ID, API_KEY_TOKEN_ID, COLLEAGUE_USER_ID, CURRENT_USER_ID, DEFAULT_BRAND_ID,
    DEFAULT_SCHEDULE_ID, FAKE_DOMAIN, FAKE_PASSWORD, ORDER_KLASS_ID, ORG_ID, SLA_ID,
    SUPPORT_ROLE_GROUP_ID, SUPPORT_TEAM_ID,
};
pub use server::{FakeKustomer, FakeKustomerBuilder};
pub use shared::RecordedRequest;
pub use store::{QUIRKY_CUSTOMER_ID, SPEC_CUSTOMER_ID, UNICODE_CUSTOMER_ID};
pub use synthetic::{synthetic_customer, synthetic_page};
#[cfg(feature = "isahc")]
#[allow(deprecated)]
pub use transports::DynTransport;
#[cfg(feature = "isahc")]
pub use transports::{both_transports, clients_with};

/// The API key the fake server accepts.
pub const FAKE_API_KEY: &str = "fake-kustomer-api-key-0123456789";

/// The README's code blocks, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The project's README's code blocks, as doc tests: a doc test build only, so a packaged
/// build never reads this file outside the package.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct WorkspaceReadmeDoctests;
