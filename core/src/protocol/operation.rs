//! The shape every Kustomer operation has: a pure request builder and a pure response parser.

use http::{Request, Response};

use crate::protocol::config::Config;
use crate::protocol::error::Error;

/// One Kustomer API operation as a plain value: it builds its request and reads its response,
/// with no I/O, clock or randomness, so it can be driven by [`Client`](crate::Client), by any
/// other HTTP stack, or by a test that feeds it bytes.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, customers::GetCustomer};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let op = GetCustomer::new("58210c3db0f09110006b7953");
/// let request = op.build(&config)?;
/// assert_eq!(request.uri(), "https://api.kustomerapp.com/v1/customers/58210c3db0f09110006b7953");
///
/// // ... send it with any HTTP client, then:
/// let response = http::Response::builder().status(404).body(br#"{"errors":[{"status":404,"code":"notfound"}]}"#.to_vec())?;
/// assert!(op.parse(response).unwrap_err().is_not_found());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Operation {
    /// What a successful response yields.
    type Output;

    /// Builds the request. Fails with [`Error::InvalidInput`] before any I/O if an input is unusable.
    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error>;

    /// Reads the response: the output on success, the typed error otherwise.
    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Self::Output, Error>;

    /// Not read by anything: whether a request may be sent again is the
    /// [`Idempotency`](crate::Idempotency) its operation marks it with when it builds it.
    #[deprecated(
        since = "0.1.0",
        note = "mark the built request with kustomer::Idempotency instead; nothing reads this"
    )]
    fn read_only(&self) -> bool {
        false
    }

    /// Kustomer's operationId for it (`GetCustomerById`), for logs and traces; empty when it
    /// has none.
    fn operation_id(&self) -> &'static str {
        ""
    }

    /// The ID of the record it is about, for logs and traces: never a lookup key such as an
    /// email or a phone number, which are personal data.
    fn resource_id(&self) -> Option<&str> {
        None
    }
}

/// The mark a request carries when it revokes the key it is sent with (deleting the current
/// auth token): set by the operation as it builds the request, read by the client, whose later
/// 401s then say why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RevokesCallersKey;
