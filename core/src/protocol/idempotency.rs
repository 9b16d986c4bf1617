//! Whether a request may be sent twice: decided once, where the request is built, and read by the
//! retry policy and by every transport.

use http::{Method, Request};

/// Methods that mean the same when repeated (RFC 9110, 9.2.2).
pub fn is_idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS | Method::TRACE
    )
}

/// Whether sending a request a second time, after the first may have reached the server, is
/// harmless.
///
/// The method says it for most requests (RFC 9110: GET, HEAD, PUT, DELETE, OPTIONS and TRACE are
/// idempotent; POST and PATCH are not). An operation whose requests are less repeatable than
/// their method says marks them: a bulk write sent as a PUT or DELETE starts a new job every time
/// it arrives ([`Idempotency::NotIdempotent`]). A request you build yourself may be marked either
/// way.
///
/// The [`Client`](crate::Client)'s retry policy never repeats a request that is not idempotent
/// after a failure that may have reached the server (unless told to; a search, a POST that only
/// reads, is repeated because its operation says so: [`Operation::read_only`](crate::Operation::read_only)).
/// A transport must not repeat one either: `kustomer-isahc` turns off libcurl's silent resend on
/// a reused connection for them. Your own transport should read [`Idempotency::of`] the same way.
///
/// ```
/// use kustomer::{ApiKey, Config, Idempotency, Operation, customers::{BulkCustomers, GetCustomer}};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let get = GetCustomer::new("58210c3db0f09110006b7953").build(&config)?;
/// assert_eq!(Idempotency::of(&get), Idempotency::Idempotent);
/// let ids = vec!["58210c3db0f09110006b7953".to_string()];
/// let bulk_delete = BulkCustomers::delete(&ids[..]).build(&config)?;
/// assert_eq!(bulk_delete.method(), http::Method::DELETE);
/// assert_eq!(Idempotency::of(&bulk_delete), Idempotency::NotIdempotent);
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Idempotency {
    /// Sending it again is harmless.
    Idempotent,
    /// Sending it again may repeat its effect: it is sent at most once unless the caller opts in.
    NotIdempotent,
    /// Sent once, whatever the answer and whatever the policy: its body is given up to the
    /// send (an upload's file), so no copy is kept to send again, not even after a 429 or with
    /// [`RetryPolicy::retry_non_idempotent`](crate::RetryPolicy::retry_non_idempotent).
    Once,
}

impl Idempotency {
    /// What `request` says of itself: its mark if an operation set one, else its method's.
    pub fn of<B>(request: &Request<B>) -> Self {
        Self::mark_of(request).unwrap_or_else(|| Self::of_method(request.method()))
    }

    /// The mark an operation set on `request`, if any.
    pub fn mark_of<B>(request: &Request<B>) -> Option<Self> {
        request.extensions().get::<Self>().copied()
    }

    /// What a method says (RFC 9110, 9.2.2).
    pub fn of_method(method: &Method) -> Self {
        if is_idempotent(method) {
            Self::Idempotent
        } else {
            Self::NotIdempotent
        }
    }

    /// Marks `request`, overriding what its method says.
    pub fn mark<B>(self, request: &mut Request<B>) {
        request.extensions_mut().insert(self);
    }

    /// Whether no policy may send it again ([`Idempotency::Once`]).
    pub fn is_once(self) -> bool {
        self == Self::Once
    }

    /// Whether this is [`Idempotency::Idempotent`].
    pub fn is_idempotent(self) -> bool {
        self == Self::Idempotent
    }
}
