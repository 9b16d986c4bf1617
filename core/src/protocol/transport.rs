//! The one seam between the protocol and the network.

use std::time::Duration;

use http::{Request, Response};

/// Default time allowed to open a connection (DNS aside).
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default time allowed for an exchange once connected.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Default cap on a response body: 10 MiB.
pub const DEFAULT_MAX_BODY_SIZE: u64 = 10 * 1024 * 1024;

/// The limits every transport applies: how long to wait and how much to read. The transport
/// crates take them in `with_options`; a transport of your own should honour them too.
///
/// ```
/// use std::time::Duration;
/// use kustomer::TransportOptions;
///
/// let options = TransportOptions::default()
///     .connect_timeout(Duration::from_secs(5))
///     .timeout(Duration::from_secs(30))
///     .max_body_size(1024 * 1024);
/// assert_eq!(options.max_body_size, 1024 * 1024);
/// assert_eq!(TransportOptions::default().timeout, Duration::from_secs(60));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct TransportOptions {
    /// Time allowed to open a connection (default 10 s).
    pub connect_timeout: Duration,
    /// Time allowed for the exchange once connected (default 60 s); see each transport for
    /// exactly what it bounds.
    pub timeout: Duration,
    /// Largest response body accepted (default 10 MiB); a larger one is a
    /// [`TransportErrorKind::BodyTooLarge`](crate::TransportErrorKind::BodyTooLarge) error.
    pub max_body_size: u64,
}

impl Default for TransportOptions {
    fn default() -> Self {
        Self {
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            max_body_size: DEFAULT_MAX_BODY_SIZE,
        }
    }
}

impl TransportOptions {
    /// Sets the connect timeout.
    #[must_use]
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Sets the exchange timeout.
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Sets the body cap, in bytes.
    #[must_use]
    pub fn max_body_size(mut self, bytes: u64) -> Self {
        self.max_body_size = bytes;
        self
    }
}

/// Sends one request and returns the whole response, whatever its status.
///
/// Implementations must return 4xx/5xx responses as `Ok` (the core reads their bodies), must not
/// follow redirects (the core refuses them, so the key never reaches another host), and should
/// cap the body size. `kustomer-ureq` and `kustomer-isahc` implement it; so does any closure of the
/// same shape, which is how a test or an in-house HTTP stack plugs in:
///
/// ```
/// use kustomer::{ApiKey, Client, Config};
///
/// let transport = |request: http::Request<Vec<u8>>| {
///     assert_eq!(request.headers()["accept"], "application/json");
///     // Hand the request to your own HTTP stack here.
///     Ok::<_, std::io::Error>(http::Response::builder().status(404).body(Vec::new()).unwrap())
/// };
/// let client = Client::new(Config::new(ApiKey::new("key")?), transport);
/// assert!(client.customers().get("58210c3db0f09110006b7953").unwrap_err().is_not_found());
/// # Ok::<(), kustomer::Error>(())
/// ```
///
/// Errors are classified for the caller by [`TransportError::from_any`](crate::TransportError::from_any):
/// return a [`TransportError`](crate::TransportError) (or an `std::io::Error`) to say whether it was
/// a timeout, a refused connection or a body over the cap.
pub trait Transport {
    /// The transport's own error.
    type Error: std::error::Error + Send + Sync + 'static;

    /// Sends `request` and reads the whole response.
    fn send(&self, request: Request<Vec<u8>>) -> Result<Response<Vec<u8>>, Self::Error>;
}

impl<F, E> Transport for F
where
    F: Fn(Request<Vec<u8>>) -> Result<Response<Vec<u8>>, E>,
    E: std::error::Error + Send + Sync + 'static,
{
    type Error = E;

    fn send(&self, request: Request<Vec<u8>>) -> Result<Response<Vec<u8>>, E> {
        self(request)
    }
}

/// Whether a transport should send `request` without any body at all: a GET or HEAD the core
/// built with none. Sending it with an empty body makes HTTP stacks add `content-length: 0`,
/// which the server must read and a bodiless GET never carries. Both transport crates ask this;
/// a transport of your own may too.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, customers::{CreateCustomer, CustomerInput, GetCustomer}};
///
/// let config = Config::new(ApiKey::new("key")?);
/// assert!(kustomer::sends_no_body(&GetCustomer::new("58210c3db0f09110006b7953").build(&config)?));
/// assert!(!kustomer::sends_no_body(&CreateCustomer::new(CustomerInput::new()).build(&config)?));
/// # Ok::<(), kustomer::Error>(())
/// ```
pub fn sends_no_body<B: AsRef<[u8]>>(request: &Request<B>) -> bool {
    request.body().as_ref().is_empty()
        && matches!(*request.method(), http::Method::GET | http::Method::HEAD)
}
