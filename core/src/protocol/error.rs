//! The one error type of the crate, and the pieces it carries.

use std::borrow::Cow;

use http::StatusCode;

use crate::protocol::rate_limit::RateLimit;

pub use crate::protocol::api_error::{ApiError, ApiErrorEntry, DecodeError};
use crate::protocol::api_error::{redact, unauthorized_hint};
pub use crate::protocol::bad_record::BadRecord;
use crate::protocol::scrub::REDACTED;
pub use crate::protocol::transport_error::{TransportError, TransportErrorKind};

/// Everything that can go wrong, sorted by what the caller should do next.
///
/// ```
/// # use kustomer::{Client, Config, ApiKey, Error};
/// # fn demo<T: kustomer::Transport>(client: &Client<T>) {
/// match client.customers().get("58210c3db0f09110006b7953") {
///     Ok(customer) => println!("{:?}", customer.attributes.name),
///     Err(e) if e.is_not_found() => println!("no such customer"),
///     Err(Error::RateLimited { rate_limit, .. }) => println!("slow down: {rate_limit:?}"),
///     Err(e) => eprintln!("{e}"),
/// }
/// # }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input was refused before any I/O (a hostile ID, a bad key, an invalid base URL).
    #[error(transparent)]
    InvalidInput(#[from] InvalidInput),
    /// 404: the resource does not exist (or the key may not see it).
    #[error("not found: {0}")]
    NotFound(ApiError),
    /// 401 or 403: the key is wrong, from another region, or lacks the role the operation needs.
    /// Its message says so, and names the host the request went to (never the key).
    #[error("not authorized: {0}; {hint}", hint = unauthorized_hint(.0))]
    Unauthorized(ApiError),
    /// 409: the update was based on a stale `rev` (optimistic locking); read the record again.
    #[error("conflict: {0}")]
    Conflict(ApiError),
    /// 429: the org's request budget is spent; retry after [`RateLimit::reset_after`].
    #[error("rate limited: {error}")]
    RateLimited {
        /// The rate-limit headers of the 429 response (boxed to keep `Error` small).
        rate_limit: Box<RateLimit>,
        /// The response's status and error entries.
        error: ApiError,
    },
    /// Any other non-success status, with every error entry the API sent.
    #[error("API error: {0}")]
    Api(ApiError),
    /// A 3xx response. Redirects are never followed, so the key never reaches another host.
    #[error("redirect not followed: {status} to {}", location.as_deref().unwrap_or("(no location)"))]
    Redirect {
        /// The 3xx status.
        status: StatusCode,
        /// The `Location` header, if readable.
        location: Option<String>,
    },
    /// The response could not be read as the expected document.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// The transport failed: connection, timeout, body cap, I/O.
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// A list could not be followed: a `next` link repeats or leaves the configured host, or a
    /// search cannot page past its cap.
    #[error("pagination stopped: {reason}")]
    Pagination {
        /// What went wrong.
        reason: String,
    },
    /// A bulk job did not end within the time allowed to wait for it.
    #[error("bulk job {job_id} has not finished (status {status})")]
    JobUnfinished {
        /// The job, to poll again later.
        job_id: String,
        /// Its last status.
        status: String,
    },
    /// One item of a list page could not be read as its model (the page's other items were).
    /// Its JSON is kept whole in [`BadRecord::raw`]: set it aside and go on, nothing is lost.
    /// The list goes on after it.
    #[error("{0}")]
    BadRecord(Box<BadRecord>),
    /// The client's own [`Pacer`](crate::Pacer) would have held this call longer than the retry
    /// policy's [`max_total_wait`](crate::RetryPolicy::max_total_wait): nothing was sent. Slow
    /// down, as for a 429.
    #[error(
        "not sent: the client's pacer asked to wait {wait:?}, past the call's limit on waiting"
    )]
    Throttled {
        /// How long the pacer asked to wait.
        wait: std::time::Duration,
    },
    /// The call was given up because its caller stopped it (an export whose iterator was
    /// dropped): no attempt started after that.
    #[error("given up: the caller stopped the call")]
    Cancelled,
    /// A multi-request flow (an upsert, a bulk wait) was asked for a step after it had ended:
    /// a mistake in the code driving it, never an answer of the API.
    #[error("the {flow} had already ended: drive a flow until its `Done`, then stop")]
    FlowEnded {
        /// Which flow (`upsert`, ...).
        flow: &'static str,
    },
    /// The request was tried more than once and the last attempt failed with `last`. The helper
    /// methods ([`Error::is_timeout`], [`Error::status`], ...) look through to `last`.
    #[error("gave up after {attempts} attempts: {last}")]
    RetriesExhausted {
        /// How many attempts were made.
        attempts: u32,
        /// The error of the last attempt.
        last: Box<Error>,
    },
}

impl Error {
    /// The error itself, or the last attempt's error of [`Error::RetriesExhausted`].
    pub fn last(&self) -> &Error {
        match self {
            Error::RetriesExhausted { last, .. } => last.last(),
            other => other,
        }
    }

    /// How many attempts were made before this error (1 unless it was retried).
    pub fn attempts(&self) -> u32 {
        match self {
            Error::RetriesExhausted { attempts, .. } => *attempts,
            _ => 1,
        }
    }

    /// Whether this is a 404.
    pub fn is_not_found(&self) -> bool {
        matches!(self.last(), Error::NotFound(_))
    }

    /// Whether this is a 409 optimistic-lock conflict.
    pub fn is_conflict(&self) -> bool {
        matches!(self.last(), Error::Conflict(_))
    }

    /// Whether this is a 401 or 403.
    pub fn is_unauthorized(&self) -> bool {
        matches!(self.last(), Error::Unauthorized(_))
    }

    /// Whether this is a 429, or the client's own pacer holding the call ([`Error::Throttled`]).
    pub fn is_rate_limited(&self) -> bool {
        matches!(
            self.last(),
            Error::RateLimited { .. } | Error::Throttled { .. }
        )
    }

    /// Whether the transport gave up waiting (connect or overall timeout).
    pub fn is_timeout(&self) -> bool {
        self.transport_kind() == Some(TransportErrorKind::Timeout)
    }

    /// The kind of transport failure, for [`Error::Transport`].
    pub fn transport_kind(&self) -> Option<TransportErrorKind> {
        match self.last() {
            Error::Transport(t) => Some(t.kind()),
            _ => None,
        }
    }

    /// The rate-limit headers of a 429.
    pub fn rate_limit(&self) -> Option<&RateLimit> {
        match self.last() {
            Error::RateLimited { rate_limit, .. } => Some(rate_limit),
            _ => None,
        }
    }

    /// The HTTP status of the response behind this error, if there was one.
    pub fn status(&self) -> Option<StatusCode> {
        match self.last() {
            Error::NotFound(e) | Error::Unauthorized(e) | Error::Conflict(e) | Error::Api(e) => {
                Some(e.status)
            }
            Error::RateLimited { error, .. } => Some(error.status),
            Error::Redirect { status, .. } => Some(*status),
            Error::Decode(e) => Some(e.status),
            Error::BadRecord(record) => Some(record.reason.status),
            _ => None,
        }
    }

    /// The unreadable list item, for [`Error::BadRecord`]: where it was, why, and its raw JSON.
    pub fn bad_record(&self) -> Option<&BadRecord> {
        match self {
            Error::BadRecord(record) => Some(record),
            _ => None,
        }
    }

    /// Removes `secret` from every text that came from the server (excerpts, messages, error
    /// entries with their `source` and `meta`, links, statuses), in case a proxy or a debug page
    /// echoed the request's `Authorization` header. Every variant, so that neither `Display` nor
    /// `Debug` can show it.
    pub(crate) fn redact(mut self, secret: &str) -> Self {
        if !secret.is_empty() {
            self.redact_in_place(secret);
        }
        self
    }

    fn redact_in_place(&mut self, secret: &str) {
        match self {
            Error::NotFound(e) | Error::Unauthorized(e) | Error::Conflict(e) | Error::Api(e) => {
                e.redact(secret)
            }
            Error::RateLimited { error, .. } => error.redact(secret),
            Error::Decode(e) => {
                redact(&mut e.excerpt, secret);
                redact(&mut e.message, secret);
            }
            Error::Redirect { location, .. } => {
                if let Some(location) = location {
                    redact(location, secret);
                }
            }
            Error::Pagination { reason } => redact(reason, secret),
            Error::JobUnfinished { job_id, status } => {
                redact(job_id, secret);
                redact(status, secret);
            }
            Error::RetriesExhausted { last, .. } => last.redact_in_place(secret),
            Error::InvalidInput(e) => {
                if e.reason.contains(secret) {
                    e.reason = e.reason.replace(secret, REDACTED).into();
                }
            }
            Error::BadRecord(record) => {
                redact(&mut record.raw, secret);
                redact(&mut record.reason.excerpt, secret);
                redact(&mut record.reason.message, secret);
            }
            Error::Transport(_)
            | Error::Throttled { .. }
            | Error::Cancelled
            | Error::FlowEnded { .. } => {}
        }
    }

    /// Names the host the request went to in a 401's or 403's advice.
    pub(crate) fn sent_to(mut self, host: &str) -> Self {
        if let Error::Unauthorized(e) = self.last_mut() {
            e.host = Some(host.to_owned());
        }
        self
    }

    /// Adds what the client knows to a 401's message: why the key may have stopped working.
    pub(crate) fn unauthorized_because(mut self, why: &str) -> Self {
        if let Error::Unauthorized(e) = self.last_mut() {
            e.context = Some(why.to_owned());
        }
        self
    }

    /// Adds what the operation knows to a 404's message: the klass it looked in.
    pub(crate) fn not_found_in(mut self, context: impl FnOnce() -> String) -> Self {
        if let Error::NotFound(e) = self.last_mut() {
            e.context = Some(context());
        }
        self
    }

    fn last_mut(&mut self) -> &mut Error {
        match self {
            Error::RetriesExhausted { last, .. } => last.last_mut(),
            other => other,
        }
    }

    /// The API's error entries, for the variants that carry them.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self.last() {
            Error::NotFound(e) | Error::Unauthorized(e) | Error::Conflict(e) | Error::Api(e) => {
                Some(e)
            }
            Error::RateLimited { error, .. } => Some(error),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoed_keys_are_redacted_even_when_cut() {
        let secret = "sk_live_0123456789";
        let mut whole = format!("<pre>Authorization: Bearer {secret}</pre>");
        redact(&mut whole, secret);
        assert_eq!(whole, "<pre>Authorization: Bearer [redacted]</pre>");
        let mut cut = "Bearer sk_live_01…".to_owned();
        redact(&mut cut, secret);
        assert_eq!(cut, "Bearer [redacted]…");
        let mut harmless = "status ok".to_owned();
        redact(&mut harmless, secret);
        assert_eq!(harmless, "status ok");

        let body = format!("<html>echo: Bearer {secret}</html>");
        let err = Error::Api(ApiError::from_body(
            StatusCode::BAD_GATEWAY,
            body.as_bytes(),
        ));
        let shown = format!("{0} {0:?}", err.redact(secret));
        assert!(!shown.contains(secret), "{shown}");
    }
}

/// Input refused before anything was sent: what was wrong and why.
///
/// ```
/// use kustomer::{ApiKey, Config, Error, Operation, customers::GetCustomer};
///
/// let config = Config::new(ApiKey::new("key")?);
/// match GetCustomer::new("..").build(&config) {
///     Err(Error::InvalidInput(e)) => assert_eq!(e.what(), "customer id"),
///     other => panic!("{other:?}"),
/// }
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {what}: {reason}")]
pub struct InvalidInput {
    what: &'static str,
    reason: Cow<'static, str>,
}

impl InvalidInput {
    pub(crate) fn new(what: &'static str, reason: impl Into<Cow<'static, str>>) -> Self {
        Self {
            what,
            reason: reason.into(),
        }
    }

    /// Which input was refused (`"customer id"`, `"api key"`, ...).
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// Why it was refused.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}
