//! The one error type of the crate, and the pieces it carries.

use std::borrow::Cow;
use std::error::Error as StdError;
use std::fmt;

use http::StatusCode;
use serde::{Deserialize, Serialize};

use crate::protocol::excerpt::excerpt;
use crate::protocol::rate_limit::RateLimit;

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

/// What a 401 or 403 most likely means, and where the request went.
fn unauthorized_hint(error: &ApiError) -> String {
    let check = "check the API key and that it has the roles this operation needs; a key works \
                 only on the hosts of its own org's region";
    match &error.host {
        Some(host) => format!("{check} (this request went to {host})"),
        None => check.to_owned(),
    }
}

/// A non-success response: its status, every entry of its `errors` array, and an excerpt of the
/// body when that was not the API's JSON (an HTML page from a proxy, say).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// Every entry of the body's `errors` array, in order; empty if the body had none.
    pub errors: Vec<ApiErrorEntry>,
    /// The start of the body, with control characters escaped, when it held no error entries.
    pub body_excerpt: Option<String>,
    /// The host the request went to, when the client knows it (for a 401's advice).
    pub host: Option<String>,
    /// What the operation adds to a bare status (the klass a custom object lives in, say).
    pub context: Option<String>,
}

impl ApiError {
    /// Reads an error response body. Never fails: a body that is not the API's error JSON is kept
    /// as a short excerpt.
    pub fn from_body(status: StatusCode, body: &[u8]) -> Self {
        #[derive(Deserialize)]
        struct Body {
            #[serde(default, deserialize_with = "crate::protocol::lenient::objects")]
            errors: Vec<ApiErrorEntry>,
        }
        let errors = serde_json::from_slice::<Body>(crate::protocol::excerpt::strip_bom(body))
            .map(|b| b.errors)
            .unwrap_or_default();
        let body_excerpt = (errors.is_empty() && !body.is_empty()).then(|| excerpt(body));
        let mut error = Self {
            status,
            errors,
            body_excerpt,
            host: None,
            context: None,
        };
        // A webhook's token or header value the server sent back is in no message.
        for secret in echoed_secrets(body) {
            error.redact(&secret);
        }
        if let Some(excerpt) = &mut error.body_excerpt {
            crate::protocol::scrub::scrub_text(excerpt);
        }
        error
    }
}

impl ApiError {
    fn redact(&mut self, secret: &str) {
        if let Some(excerpt) = &mut self.body_excerpt {
            redact(excerpt, secret);
        }
        for entry in &mut self.errors {
            let texts = [
                &mut entry.code,
                &mut entry.title,
                &mut entry.detail,
                &mut entry.message,
            ];
            for text in texts.into_iter().flatten() {
                redact(text, secret);
            }
            for value in [&mut entry.source, &mut entry.meta].into_iter().flatten() {
                redact_json(value, secret);
            }
        }
    }
}

use crate::protocol::scrub::REDACTED;

/// Secrets in a body the server sent (see [`crate::scrub`]) long enough to be told apart from
/// ordinary text wherever a message quotes them; shorter ones are removed where they stand.
fn echoed_secrets(body: &[u8]) -> Vec<String> {
    let mut secrets = crate::protocol::scrub::secret_values(body);
    secrets.retain(|s| s.chars().count() >= 4);
    secrets
}

impl DecodeError {
    /// Removes the secrets of `body` (the text this error is about) from the message and the
    /// excerpt.
    fn without_secrets_of(mut self, body: &[u8]) -> Self {
        for secret in echoed_secrets(body) {
            redact(&mut self.message, &secret);
            redact(&mut self.excerpt, &secret);
        }
        crate::protocol::scrub::scrub_text(&mut self.message);
        crate::protocol::scrub::scrub_text(&mut self.excerpt);
        self
    }
}

/// [`redact`] on every string of a JSON value, keys included. Server JSON is at most 128 levels
/// deep (serde_json's limit), so the recursion is bounded.
fn redact_json(value: &mut serde_json::Value, secret: &str) {
    use serde_json::Value;
    match value {
        Value::String(text) => redact(text, secret),
        Value::Array(items) => items.iter_mut().for_each(|v| redact_json(v, secret)),
        Value::Object(map) => {
            if map.keys().any(|k| k.contains(secret)) {
                *map = std::mem::take(map)
                    .into_iter()
                    .map(|(k, v)| (k.replace(secret, REDACTED), v))
                    .collect();
            }
            map.values_mut().for_each(|v| redact_json(v, secret));
        }
        _ => {}
    }
}

/// Replaces `secret` in `text`, and a cut-off start of it at the end of an excerpt.
fn redact(text: &mut String, secret: &str) {
    if secret.is_empty() {
        return;
    }
    if text.contains(secret) {
        *text = text.replace(secret, REDACTED);
    }
    // An excerpt cut in the middle of the key ends with its first characters, then `…`.
    let body = text.strip_suffix('…').unwrap_or(text);
    let cut = (4..secret.len())
        .rev()
        .filter_map(|n| secret.get(..n))
        .find(|start| body.ends_with(start));
    if let Some(start) = cut {
        let keep = body.len() - start.len();
        text.truncate(keep);
        text.push_str(REDACTED);
        text.push('…');
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.status)?;
        for (i, entry) in self.errors.iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { "; " })?;
            write!(f, "{entry}")?;
        }
        if let Some(body) = &self.body_excerpt {
            write!(f, ": {body}")?;
        }
        if let Some(context) = &self.context {
            write!(f, " ({context})")?;
        }
        Ok(())
    }
}

/// One entry of a Kustomer `errors` array, in either of the API's two shapes:
/// JSON:API style (`status`, `code`, `title`, `detail`, `source`) or the newer one (`code`, `message`,
/// `meta`). Every field is optional; nothing about an entry makes parsing fail.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct ApiErrorEntry {
    /// The status the entry reports (sent as a number or a string).
    #[serde(deserialize_with = "crate::protocol::lenient::scalar")]
    pub status: Option<u16>,
    /// A machine-readable code such as `notfound`, `badparam` or `bad_request`.
    #[serde(deserialize_with = "crate::protocol::lenient::scalar")]
    pub code: Option<String>,
    /// A short summary (JSON:API shape).
    #[serde(deserialize_with = "crate::protocol::lenient::scalar")]
    pub title: Option<String>,
    /// Details (JSON:API shape), e.g. a JSON pointer into the request schema.
    #[serde(deserialize_with = "crate::protocol::lenient::scalar")]
    pub detail: Option<String>,
    /// The message (newer shape).
    #[serde(deserialize_with = "crate::protocol::lenient::scalar")]
    pub message: Option<String>,
    /// Which input the error is about (`parameter` or `parameters`), as sent.
    pub source: Option<serde_json::Value>,
    /// Extra data (newer shape), as sent.
    pub meta: Option<serde_json::Value>,
}

impl fmt::Display for ApiErrorEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = [&self.code, &self.title, &self.message, &self.detail]
            .into_iter()
            .flatten()
            .peekable();
        if parts.peek().is_none() {
            f.write_str("(no details)")?;
        }
        let mut first = true;
        for part in parts {
            if !first {
                f.write_str(": ")?;
            }
            f.write_str(&excerpt(part.as_bytes()))?;
            first = false;
        }
        if let Some(source) = &self.source {
            write!(f, " (source: {})", excerpt(source.to_string().as_bytes()))?;
        }
        Ok(())
    }
}

/// A response with a success status whose body was not the expected document: malformed or
/// truncated JSON, an HTML page, a wrong shape. Names the position and shows the body's start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "could not decode the {status} response: {message} at line {line} column {column} (body starts: {excerpt})"
)]
#[non_exhaustive]
pub struct DecodeError {
    /// The response's status.
    pub status: StatusCode,
    /// What was wrong, as the JSON parser said it.
    pub message: String,
    /// The 1-based line of the error (0 when the body was not text).
    pub line: usize,
    /// The 1-based column of the error.
    pub column: usize,
    /// The start of the body, control characters escaped.
    pub excerpt: String,
}

impl DecodeError {
    pub(crate) fn json(status: StatusCode, body: &[u8], err: &serde_json::Error) -> Self {
        // serde_json's message ends in " at line L column C"; keep the reason alone.
        let full = err.to_string();
        let message = match full.rfind(" at line ") {
            Some(at) => full.get(..at).unwrap_or(&full).to_owned(),
            None => full,
        };
        Self {
            status,
            // serde's messages may quote server text as is: no raw line breaks in a log line.
            message: excerpt(message.as_bytes()),
            line: err.line(),
            column: err.column(),
            excerpt: excerpt(body),
        }
        .without_secrets_of(body)
    }

    pub(crate) fn not_utf8(status: StatusCode, body: &[u8], err: std::str::Utf8Error) -> Self {
        Self {
            status,
            message: format!(
                "body is not UTF-8 (invalid byte at offset {})",
                err.valid_up_to()
            ),
            line: 0,
            column: 0,
            excerpt: excerpt(body),
        }
        .without_secrets_of(body)
    }
}

/// What kind of transport failure happened, so a caller (or a retry policy) can tell a timeout
/// from a refused connection without parsing messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// The connection could not be made (refused, DNS, TLS handshake).
    Connect,
    /// The connect or overall timeout passed.
    Timeout,
    /// The response body was larger than the transport's cap.
    BodyTooLarge,
    /// The connection broke while sending or receiving.
    Io,
    /// Anything else.
    Other,
}

/// A failure of the transport: its kind and the transport's own error inside
/// ([`std::error::Error::source`] gives it back, ready to downcast).
///
/// Transports classify their errors with the constructors; a transport that returns any other
/// error type (a closure returning `std::io::Error`, say) gets [`TransportErrorKind::Other`], or the
/// kind read from an `std::io::Error`.
///
/// ```
/// use kustomer::{TransportError, TransportErrorKind};
///
/// let io = std::io::Error::new(std::io::ErrorKind::TimedOut, "slow");
/// let err = TransportError::new(TransportErrorKind::Timeout, io);
/// assert!(err.is_timeout());
/// assert_eq!(err.to_string(), "timed out: slow");
/// ```
#[derive(Debug)]
pub struct TransportError {
    kind: TransportErrorKind,
    source: Box<dyn StdError + Send + Sync + 'static>,
}

impl TransportError {
    /// Wraps a transport's error with its kind.
    pub fn new(
        kind: TransportErrorKind,
        source: impl Into<Box<dyn StdError + Send + Sync + 'static>>,
    ) -> Self {
        Self {
            kind,
            source: source.into(),
        }
    }

    /// The body was larger than `limit` bytes.
    pub fn body_too_large(limit: u64) -> Self {
        Self::new(
            TransportErrorKind::BodyTooLarge,
            format!("response body exceeds the limit of {limit} bytes"),
        )
    }

    /// Turns any transport's error into a `TransportError`, keeping the kind of one that already
    /// is one (or of an `std::io::Error`).
    pub fn from_any<E: StdError + Send + Sync + 'static>(err: E) -> Self {
        let boxed: Box<dyn StdError + Send + Sync + 'static> = Box::new(err);
        let boxed = match boxed.downcast::<TransportError>() {
            Ok(t) => return *t,
            Err(other) => other,
        };
        match boxed.downcast::<std::io::Error>() {
            Ok(io) => Self::from_io(*io),
            Err(other) => Self {
                kind: TransportErrorKind::Other,
                source: other,
            },
        }
    }

    /// Classifies an `std::io::Error` by its kind.
    pub fn from_io(err: std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        let kind = match err.kind() {
            K::TimedOut | K::WouldBlock => TransportErrorKind::Timeout,
            K::ConnectionRefused | K::AddrNotAvailable | K::NotFound => TransportErrorKind::Connect,
            _ => TransportErrorKind::Io,
        };
        Self::new(kind, err)
    }

    /// The kind of failure.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// Whether this was a timeout.
    pub fn is_timeout(&self) -> bool {
        self.kind == TransportErrorKind::Timeout
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TransportErrorKind::Connect => "could not connect",
            TransportErrorKind::Timeout => "timed out",
            TransportErrorKind::BodyTooLarge => "response too large",
            TransportErrorKind::Io => "connection failed",
            TransportErrorKind::Other => "transport error",
        };
        write!(f, "{what}: {}", self.source)
    }
}

impl StdError for TransportError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&*self.source)
    }
}

/// An item of a list page that could not be read as its model: where it was, why, and its JSON
/// exactly as received, so that an export can set it aside instead of stopping or losing it.
/// The client's iterators yield it as an [`Error::BadRecord`] after the good items of its page.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BadRecord {
    /// Its position in the page's `data`, from 0.
    pub index: usize,
    /// Why it could not be read; line and column are within `raw`.
    pub reason: DecodeError,
    /// The item's JSON as received (with the API key, should a server echo it, redacted).
    pub raw: String,
}

impl std::fmt::Debug for BadRecord {
    // `raw` may be long: Debug shows its excerpt, as `reason` does.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BadRecord")
            .field("index", &self.index)
            .field("reason", &self.reason)
            .field("raw_len", &self.raw.len())
            .finish()
    }
}

impl std::fmt::Display for BadRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "item {} of a page could not be read: {}",
            self.index, self.reason
        )
    }
}
