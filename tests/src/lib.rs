//! # kustomer-tests
//!
//! A fake Kustomer API that runs in-process on loopback, for the integration tests, the quickstart
//! example and the benchmarks of kustomer-rs. It is a real HTTP/1.1 server ([`hyper`] on a small
//! tokio runtime in its own thread) on `127.0.0.1:0`: clients reach it through real sockets with
//! their real transports, over kept-alive connections.
//!
//! ```
//! use kustomer_tests::{FakeKustomer, SPEC_CUSTOMER_ID};
//!
//! let server = FakeKustomer::start()?;
//! let client = kustomer::Client::new(server.config(), kustomer_ureq::UreqTransport::new());
//! let customer = client.customers().get(SPEC_CUSTOMER_ID)?;
//! assert_eq!(customer.attributes.name.as_deref(), Some("John Smith Jr."));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// serde_json's `json!` recurses per token: a whole customer document needs more than 128.
#![recursion_limit = "256"]

mod body;
mod clock;
mod demo;
mod families;
mod fault;
mod ledger;
mod longtail;
mod routes;
mod search_eval;
mod seeds;
mod server;
mod service;
mod spec;
mod store;
mod synthetic;
mod transports;
mod webhooks;

pub use demo::env_or_fake;
pub use fault::Fault;
pub use seeds::{
    COLLEAGUE_USER_ID, CURRENT_USER_ID, DEFAULT_BRAND_ID, DEFAULT_SCHEDULE_ID, ORDER_KLASS_ID,
    ORG_ID, SLA_ID,
};
pub use server::{FakeKustomer, FakeKustomerBuilder, RecordedRequest};
pub use store::{QUIRKY_CUSTOMER_ID, SPEC_CUSTOMER_ID, UNICODE_CUSTOMER_ID};
pub use synthetic::{synthetic_customer, synthetic_page};
pub use transports::{DynTransport, both_transports, clients_with};
pub use webhooks::WebhookDelivery;

/// The API key the fake server accepts.
pub const FAKE_API_KEY: &str = "fake-kustomer-api-key-0123456789";

/// The README's code blocks, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
