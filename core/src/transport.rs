//! The one seam between the protocol and the network.

use http::{Request, Response};

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
