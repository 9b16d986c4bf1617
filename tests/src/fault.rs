//! Ways the fake server can be told to misbehave, one request at a time.

use std::time::Duration;

/// What the fake server does instead of answering normally, for the next request it receives
/// ([`FakeKustomer::fail_next`](crate::FakeKustomer::fail_next)).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Answer with this status, content type and body.
    Status {
        /// HTTP status.
        status: u16,
        /// `Content-Type` header.
        content_type: &'static str,
        /// Body.
        body: String,
    },
    /// A proxy's HTML error page with this status (502, 503, 504...).
    HtmlPage(u16),
    /// A 200 whose JSON body is cut off in the middle.
    TruncatedJson,
    /// Wait this long, then answer normally.
    Delay(Duration),
    /// A 200 with a body of this many bytes, its length declared in `Content-Length`.
    Oversized(usize),
    /// A 200 with a body of this many bytes sent chunked, with no length declared up front.
    OversizedChunked(usize),
    /// A 200 whose headers promise 1,000 bytes; the server sends a few and drops the connection.
    CloseMidBody,
    /// A 200 with an empty body.
    EmptyOk,
    /// A 429 in Kustomer's shape with `x-ratelimit-remaining: 0` and this `x-ratelimit-reset`.
    RateLimited {
        /// Seconds until the window resets, as the header says.
        reset_secs: u64,
    },
    /// A redirect with this status and `Location`.
    Redirect {
        /// 301, 302, 307, 308...
        status: u16,
        /// Where to.
        location: String,
    },
}

impl Fault {
    /// A Kustomer-shaped JSON error with `status`, `code` and `title`.
    pub fn api_error(status: u16, code: &str, title: &str) -> Self {
        Fault::Status {
            status,
            content_type: "application/json",
            body: crate::answers::error_body(status, code, title),
        }
    }
}

/// Which requests a fault is for: a method (any when `None`) and a path under `/v1`, exact or,
/// ending in `*`, as a prefix. `Route::new(Method::GET, "/customers/*")` is every customer get.
///
/// ```
/// use kustomer_fake::Route;
///
/// let route = Route::new(http::Method::POST, "/conversations");
/// assert!(route.matches(&http::Method::POST, "/v1/conversations"));
/// assert!(!route.matches(&http::Method::GET, "/v1/conversations"));
/// assert!(Route::any("/customers/*").matches(&http::Method::DELETE, "/v1/customers/58210c3db0f09110006b7953"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    method: Option<http::Method>,
    path: String,
}

impl Route {
    /// Requests of `method` to `path` (after `/v1`; a trailing `*` matches any rest).
    pub fn new(method: http::Method, path: impl Into<String>) -> Self {
        Self {
            method: Some(method),
            path: path.into(),
        }
    }

    /// Requests of any method to `path`.
    pub fn any(path: impl Into<String>) -> Self {
        Self {
            method: None,
            path: path.into(),
        }
    }

    /// Whether a request of `method` to `path` (as received, with `/v1`) is one of these.
    pub fn matches(&self, method: &http::Method, path: &str) -> bool {
        let Some(rest) = path.strip_prefix("/v1") else {
            return false;
        };
        let method_ok = self.method.as_ref().is_none_or(|m| m == method);
        let path_ok = match self.path.strip_suffix('*') {
            Some(prefix) => rest.starts_with(prefix),
            None => rest == self.path,
        };
        method_ok && path_ok
    }
}
