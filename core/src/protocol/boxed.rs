//! Any transport behind one type, so that a client can be stored and passed around without
//! naming its transport.

use std::fmt;

use http::{Request, Response};

use crate::protocol::error::TransportError;
use crate::protocol::transport::Transport;

type SendFn = dyn Fn(Request<Vec<u8>>) -> Result<Response<Vec<u8>>, TransportError> + Send + Sync;

/// A transport of any type, boxed: the default transport of [`Client`](crate::Client), so that
/// `Client` alone names a client a program can keep in a struct, pass to a function or move to
/// a thread (an export included), whatever sends its requests.
///
/// Its errors are [`TransportError`]s, classified as the boxed transport's own would be (by
/// [`TransportError::from_any`]).
///
/// ```
/// use kustomer::{ApiKey, BoxTransport, Client, Config};
///
/// // A function that takes any client, without a type parameter.
/// fn customer_name(client: &Client, id: &str) -> Result<String, kustomer::Error> {
///     Ok(client.customers().get(id)?.attributes.name.unwrap_or_default())
/// }
///
/// let transport = |_request: http::Request<Vec<u8>>| {
///     Ok::<_, std::io::Error>(http::Response::new(
///         br#"{"data":{"type":"customer","id":"58210c3db0f09110006b7953","attributes":{"name":"Ada"}}}"#.to_vec(),
///     ))
/// };
/// let client = Client::new(Config::new(ApiKey::new("key")?), BoxTransport::new(transport));
/// assert_eq!(customer_name(&client, "58210c3db0f09110006b7953")?, "Ada");
/// # Ok::<(), kustomer::Error>(())
/// ```
pub struct BoxTransport(Box<SendFn>);

impl BoxTransport {
    /// Boxes `transport`.
    pub fn new<T>(transport: T) -> Self
    where
        T: Transport + Send + Sync + 'static,
    {
        Self(Box::new(move |request| {
            transport.send(request).map_err(TransportError::from_any)
        }))
    }
}

impl Transport for BoxTransport {
    type Error = TransportError;

    fn send(&self, request: Request<Vec<u8>>) -> Result<Response<Vec<u8>>, TransportError> {
        (self.0)(request)
    }
}

impl fmt::Debug for BoxTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BoxTransport")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::error::TransportErrorKind;

    #[test]
    fn a_boxed_transport_keeps_the_kind_of_its_errors() {
        let timeout = BoxTransport::new(|_: Request<Vec<u8>>| {
            Err::<Response<Vec<u8>>, _>(std::io::Error::new(std::io::ErrorKind::TimedOut, "slow"))
        });
        let err = timeout.send(Request::new(Vec::new())).unwrap_err();
        assert_eq!(err.kind(), TransportErrorKind::Timeout);

        let echo = BoxTransport::new(|request: Request<Vec<u8>>| {
            Ok::<_, std::io::Error>(Response::new(request.into_body()))
        });
        let response = echo.send(Request::new(b"ping".to_vec())).unwrap();
        assert_eq!(response.body(), b"ping");
    }
}
