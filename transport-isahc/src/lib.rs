//! # kustomer-isahc
//!
//! A blocking [`kustomer::Transport`] over an [isahc](https://docs.rs/isahc) 2 [`HttpClient`]
//! (libcurl, built statically, with rustls): one pooled client per transport, connect and overall
//! timeouts, a cap on response bodies, no redirects followed, and 4xx/5xx responses handed to the
//! core with their bodies.
//!
//! ```no_run
//! use kustomer::Region;
//!
//! let client = kustomer_isahc::client("my-api-key", Region::Us)?;
//! let customer = client.customers().get("58210c3db0f09110006b7953")?;
//! println!("{:?}", customer.attributes.name);
//! # Ok::<(), kustomer::Error>(())
//! ```
//!
//! Requests that must not be repeated ([`kustomer::Idempotency::NotIdempotent`]: creates, PATCHes,
//! bulk writes) are sent at most once. libcurl silently resends a request whose reused
//! connection died before any answer came; for these requests it cannot: their body is given to it
//! as a stream it cannot rewind, and one without a body goes out on a connection of its own.
//!
//! Logging: isahc writes the bytes it sends, headers included, to the `tracing` target
//! `isahc::wire` at `TRACE` level. An application that records `TRACE` events must filter that
//! target out, or the `Authorization` header will be in its logs.
#![deny(missing_docs)]
// On docs.rs: each item gated by a feature says which.
#![cfg_attr(docsrs, feature(doc_cfg))]

use std::fmt;
use std::io::{self, Cursor, Read};
use std::sync::{Arc, OnceLock};

use http::header::CONTENT_LENGTH;
use http::{Request, Response};
use isahc::HttpClient;
use isahc::config::{Configurable, RedirectPolicy};
use isahc::error::ErrorKind;
use kustomer::{
    ApiKey, Client, Config, Idempotency, Region, TransportError, TransportErrorKind,
    TransportOptions,
};

pub use isahc;

/// A client for the common case: an API key and a region, with the default transport.
///
/// # Errors
/// [`kustomer::Error::InvalidInput`] if the key holds a character that cannot go in a header;
/// [`kustomer::Error::Transport`] if libcurl cannot be initialised.
///
/// ```no_run
/// let client = kustomer_isahc::client("my-api-key", kustomer::Region::Eu)?;
/// # Ok::<(), kustomer::Error>(())
/// ```
pub fn client(api_key: &str, region: Region) -> Result<Client<IsahcTransport>, kustomer::Error> {
    let config = Config::new(ApiKey::new(api_key)?).with_base_url(region);
    Ok(Client::new(config, IsahcTransport::new()?))
}

/// The isahc transport. Cheap to clone (the client is shared); `Send + Sync`.
///
/// With [`TransportOptions`], `timeout` bounds the whole exchange, body included (curl's own
/// connect timeout of 300 s is replaced by `connect_timeout`).
///
/// ```
/// use std::time::Duration;
/// use kustomer::{ApiKey, Client, Config, TransportOptions};
/// use kustomer_isahc::IsahcTransport;
///
/// let transport = IsahcTransport::with_options(
///     TransportOptions::default()
///         .connect_timeout(Duration::from_secs(5))
///         .timeout(Duration::from_secs(30))
///         .max_body_size(1024 * 1024),
/// )?;
/// let client = Client::new(Config::new(ApiKey::new("my-api-key")?), transport);
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Clone)]
pub struct IsahcTransport {
    client: HttpClient,
    max_body_size: u64,
    /// Never reuses a connection, so libcurl has no reason to resend: for requests that must not
    /// be repeated and have no body to refuse a rewind with. Built on first use.
    fresh: Arc<OnceLock<HttpClient>>,
    options: TransportOptions,
}

impl IsahcTransport {
    /// A transport with the default timeouts and body cap.
    ///
    /// # Errors
    /// A [`TransportError`] if libcurl cannot be initialised.
    pub fn new() -> Result<Self, TransportError> {
        Self::with_options(TransportOptions::default())
    }

    /// A transport with these timeouts and body cap, over a client of its own.
    ///
    /// # Errors
    /// A [`TransportError`] if libcurl cannot be initialised.
    pub fn with_options(options: TransportOptions) -> Result<Self, TransportError> {
        let client = builder(&options).build().map_err(classify)?;
        let mut transport = Self::from_client(client).with_max_body_size(options.max_body_size);
        transport.options = options;
        Ok(transport)
    }

    /// Uses a client you configured (TLS, proxy, pool sizes...). Each request is sent with
    /// redirects off whatever the client says, since the core decides. Its timeouts are its own:
    /// set both `timeout` and `connect_timeout` (curl waits 300 s to connect by default).
    ///
    /// The rare request that must not be repeated and has no body (a bulk delete by IDs) goes
    /// through a second client of this crate's that never reuses a connection, with the default
    /// [`TransportOptions`].
    ///
    /// ```
    /// use isahc::config::Configurable;
    ///
    /// let client = isahc::HttpClient::builder()
    ///     .timeout(std::time::Duration::from_secs(20))
    ///     .connect_timeout(std::time::Duration::from_secs(5))
    ///     .build()?;
    /// let transport = kustomer_isahc::IsahcTransport::from_client(client);
    /// # Ok::<(), isahc::Error>(())
    /// ```
    pub fn from_client(client: HttpClient) -> Self {
        Self {
            client,
            max_body_size: kustomer::DEFAULT_MAX_BODY_SIZE,
            fresh: Arc::new(OnceLock::new()),
            options: TransportOptions::default(),
        }
    }

    /// Caps response bodies at `bytes`; a larger body is a
    /// [`TransportErrorKind::BodyTooLarge`] error.
    #[must_use]
    pub fn with_max_body_size(mut self, bytes: u64) -> Self {
        self.max_body_size = bytes;
        self
    }

    /// The client requests go through.
    pub fn client(&self) -> &HttpClient {
        &self.client
    }

    /// The client that opens a connection per request.
    fn fresh_client(&self) -> Result<&HttpClient, TransportError> {
        if let Some(client) = self.fresh.get() {
            return Ok(client);
        }
        let client = builder(&self.options)
            .connection_cache_size(0)
            .build()
            .map_err(classify)?;
        // Another thread may have won the race; either client will do.
        Ok(self.fresh.get_or_init(|| client))
    }

    fn read_body(
        &self,
        body: &mut isahc::Body,
        declared: Option<u64>,
    ) -> Result<Vec<u8>, TransportError> {
        let limit = self.max_body_size;
        if declared.is_some_and(|len| len > limit) {
            return Err(TransportError::body_too_large(limit));
        }
        let capacity = declared.unwrap_or(0).min(limit);
        let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
        // One byte past the cap tells "exactly at the cap" from "over it".
        body.take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(classify_io)?;
        if bytes.len() as u64 > limit {
            return Err(TransportError::body_too_large(limit));
        }
        Ok(bytes)
    }
}

impl fmt::Debug for IsahcTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IsahcTransport")
            .field("max_body_size", &self.max_body_size)
            .finish_non_exhaustive()
    }
}

impl kustomer::Transport for IsahcTransport {
    type Error = TransportError;

    fn send(&self, request: Request<Vec<u8>>) -> Result<Response<Vec<u8>>, TransportError> {
        let replayable = Idempotency::of(&request).is_idempotent();
        let bodiless = kustomer::sends_no_body(&request);
        let (parts, body) = request.into_parts();
        let mut builder = Request::builder()
            .method(parts.method)
            .uri(parts.uri)
            .version(parts.version)
            .redirect_policy(RedirectPolicy::None);
        if let Some(headers) = builder.headers_mut() {
            *headers = parts.headers;
        }
        let other = |e| TransportError::new(TransportErrorKind::Other, e);
        let response = if replayable && bodiless {
            self.client.send(builder.body(()).map_err(other)?)
        } else if replayable {
            self.client.send(builder.body(body).map_err(other)?)
        } else if body.is_empty() {
            self.fresh_client()?.send(builder.body(()).map_err(other)?)
        } else {
            // libcurl resends a request only after rewinding its body; this one it cannot rewind.
            let length = body.len() as u64;
            let once = isahc::Body::from_reader_sized(Cursor::new(body), length);
            self.client.send(builder.body(once).map_err(other)?)
        }
        .map_err(classify)?;
        let (parts, mut body) = response.into_parts();
        let declared = parts
            .headers
            .get(CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
        let bytes = self.read_body(&mut body, declared)?;
        Ok(Response::from_parts(parts, bytes))
    }
}

/// A client builder with the transport's options, redirects off.
fn builder(options: &TransportOptions) -> isahc::HttpClientBuilder {
    HttpClient::builder()
        .connect_timeout(options.connect_timeout)
        .timeout(options.timeout)
        .redirect_policy(RedirectPolicy::None)
        .automatic_decompression(true)
}

/// Sorts isahc's errors into the kinds the core and its callers act on.
fn classify(err: isahc::Error) -> TransportError {
    let kind = match err.kind() {
        ErrorKind::Timeout => TransportErrorKind::Timeout,
        ErrorKind::ConnectionFailed
        | ErrorKind::NameResolution
        | ErrorKind::BadServerCertificate
        | ErrorKind::BadClientCertificate
        | ErrorKind::TlsEngine => TransportErrorKind::Connect,
        ErrorKind::Io | ErrorKind::ProtocolViolation => TransportErrorKind::Io,
        _ => TransportErrorKind::Other,
    };
    TransportError::new(kind, err)
}

/// Errors while reading the body come as `io::Error`, possibly wrapping an `isahc::Error`.
fn classify_io(err: io::Error) -> TransportError {
    let timed_out = err.kind() == io::ErrorKind::TimedOut
        || err
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<isahc::Error>())
            .is_some_and(isahc::Error::is_timeout);
    if timed_out {
        TransportError::new(TransportErrorKind::Timeout, err)
    } else {
        TransportError::new(TransportErrorKind::Io, err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync + Clone>() {}

    #[test]
    fn transport_and_client_are_shareable() {
        assert_send_sync::<IsahcTransport>();
        assert_send_sync::<Client<IsahcTransport>>();
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
