//! # kustomer-ureq
//!
//! A blocking [`kustomer::Transport`] over a [ureq](https://docs.rs/ureq) 3 [`Agent`]: one pooled
//! agent per transport, connect and per-phase timeouts, a cap on response bodies, no redirects
//! followed, and 4xx/5xx responses handed to the core with their bodies.
//!
//! ureq sends each request once and never resends one by itself, so every
//! [`kustomer::Idempotency`] an operation marks holds as marked: only the client's retry policy,
//! reading the same mark, sends a request again.
//!
//! ```no_run
//! use kustomer::Region;
//!
//! let client = kustomer_ureq::client("my-api-key", Region::Us)?;
//! let customer = client.customers().get("58210c3db0f09110006b7953")?;
//! println!("{:?}", customer.attributes.name);
//! # Ok::<(), kustomer::Error>(())
//! ```
#![deny(missing_docs)]
// On docs.rs: each item gated by a feature says which.
#![cfg_attr(docsrs, feature(doc_cfg))]

use std::fmt;
use std::io;

use http::{Request, Response};
use kustomer::{
    ApiKey, Client, Config, Region, TransportError, TransportErrorKind, TransportOptions,
};
use ureq::Agent;

pub use ureq;

/// A client for the common case: an API key and a region, with the default transport.
///
/// # Errors
/// [`kustomer::Error::InvalidInput`] if the key holds a character that cannot go in a header.
///
/// ```no_run
/// let client = kustomer_ureq::client("my-api-key", kustomer::Region::Eu)?;
/// # Ok::<(), kustomer::Error>(())
/// ```
pub fn client(api_key: &str, region: Region) -> Result<Client<UreqTransport>, kustomer::Error> {
    let config = Config::new(ApiKey::new(api_key)?).with_base_url(region);
    Ok(Client::new(config, UreqTransport::new()))
}

/// The ureq transport. Cheap to clone (the agent is shared); `Send + Sync`.
///
/// With [`TransportOptions`], `timeout` bounds each phase of an exchange after connecting:
/// sending the request, waiting for the response to start, reading its body.
///
/// ```
/// use std::time::Duration;
/// use kustomer::{ApiKey, Client, Config, TransportOptions};
/// use kustomer_ureq::UreqTransport;
///
/// let transport = UreqTransport::with_options(
///     TransportOptions::default()
///         .connect_timeout(Duration::from_secs(5))
///         .timeout(Duration::from_secs(30))
///         .max_body_size(1024 * 1024),
/// );
/// let client = Client::new(Config::new(ApiKey::new("my-api-key")?), transport);
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Clone)]
pub struct UreqTransport {
    agent: Agent,
    max_body_size: u64,
}

impl UreqTransport {
    /// A transport with the default timeouts and body cap ([`TransportOptions::default`]).
    pub fn new() -> Self {
        Self::with_options(TransportOptions::default())
    }

    /// A transport with these timeouts and body cap, over an agent of its own.
    pub fn with_options(options: TransportOptions) -> Self {
        // Per-phase timeouts, and neither `timeout_global` nor `timeout_resolve`: either makes
        // ureq resolve the host on a new thread for every request, pooled connection or not,
        // about 60 µs each (BENCHMARKS.md). DNS is bounded by the system resolver's own
        // timeout; every later phase gets the whole budget.
        let agent: Agent = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_connect(Some(options.connect_timeout))
            .timeout_send_request(Some(options.timeout))
            .timeout_send_body(Some(options.timeout))
            .timeout_recv_response(Some(options.timeout))
            .timeout_recv_body(Some(options.timeout))
            .build()
            .into();
        Self::from_agent(agent).with_max_body_size(options.max_body_size)
    }

    /// Uses an agent you configured (TLS, proxy, pool sizes...). Whatever it says, each request is
    /// sent with redirects off and error statuses returned as responses, since the core decides
    /// both. Its timeouts are its own: ureq has none by default, so set them.
    ///
    /// ```
    /// let agent: ureq::Agent = ureq::Agent::config_builder()
    ///     .timeout_global(Some(std::time::Duration::from_secs(20)))
    ///     .build()
    ///     .into();
    /// let transport = kustomer_ureq::UreqTransport::from_agent(agent);
    /// ```
    pub fn from_agent(agent: Agent) -> Self {
        Self {
            agent,
            max_body_size: kustomer::DEFAULT_MAX_BODY_SIZE,
        }
    }

    /// Caps response bodies at `bytes`; a larger body is a
    /// [`TransportErrorKind::BodyTooLarge`] error.
    #[must_use]
    pub fn with_max_body_size(mut self, bytes: u64) -> Self {
        self.max_body_size = bytes;
        self
    }

    /// The agent requests go through.
    pub fn agent(&self) -> &Agent {
        &self.agent
    }
}

impl Default for UreqTransport {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for UreqTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UreqTransport")
            .field("max_body_size", &self.max_body_size)
            .finish_non_exhaustive()
    }
}

impl kustomer::Transport for UreqTransport {
    type Error = TransportError;

    fn send(&self, request: Request<Vec<u8>>) -> Result<Response<Vec<u8>>, TransportError> {
        let response = if kustomer::sends_no_body(&request) {
            self.run(request.map(|_| ()))
        } else {
            self.run(request)
        }
        .map_err(classify)?;
        let (parts, mut body) = response.into_parts();
        let bytes = body
            .with_config()
            .limit(self.max_body_size)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(_) => {
                    TransportError::body_too_large(self.max_body_size)
                }
                other => classify(other),
            })?;
        Ok(Response::from_parts(parts, bytes))
    }
}

impl UreqTransport {
    fn run<B: ureq::AsSendBody>(
        &self,
        request: Request<B>,
    ) -> Result<Response<ureq::Body>, ureq::Error> {
        // A caller's agent may follow redirects or turn statuses into errors; ours never does,
        // and skipping the per-request configuration keeps its requests on the fast path.
        let config = self.agent.config();
        if !config.http_status_as_error() && config.max_redirects() == 0 {
            self.agent.run(request)
        } else {
            let request = self
                .agent
                .configure_request(request)
                .http_status_as_error(false)
                .max_redirects(0)
                .build();
            self.agent.run(request)
        }
    }
}

/// Sorts ureq's errors into the kinds the core and its callers act on.
fn classify(err: ureq::Error) -> TransportError {
    let kind = match &err {
        ureq::Error::Timeout(_) => TransportErrorKind::Timeout,
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => TransportErrorKind::Connect,
        ureq::Error::Io(io) => match io.kind() {
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => TransportErrorKind::Timeout,
            io::ErrorKind::ConnectionRefused | io::ErrorKind::AddrNotAvailable => {
                TransportErrorKind::Connect
            }
            _ => TransportErrorKind::Io,
        },
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) => TransportErrorKind::Connect,
        ureq::Error::Protocol(_) => TransportErrorKind::Io,
        _ => TransportErrorKind::Other,
    };
    TransportError::new(kind, err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync + Clone>() {}

    #[test]
    fn transport_and_client_are_shareable() {
        assert_send_sync::<UreqTransport>();
        assert_send_sync::<Client<UreqTransport>>();
    }

    #[test]
    fn one_line_client_checks_the_key() {
        let eu = client("key", Region::Eu).unwrap();
        assert_eq!(
            eu.config().base_url().as_str(),
            "https://api.prod2.kustomerapp.com"
        );
        assert!(client("bad\nkey", Region::Us).is_err());
    }
}

/// The crate README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
