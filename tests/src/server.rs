//! The HTTP side of the fake: routing, auth, faults, request recording.

use std::collections::VecDeque;
use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};

use kustomer::{ApiKey, BaseUrl, Config};
use percent_encoding::percent_decode_str;
use serde_json::Value;
use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use crate::FAKE_API_KEY;
use crate::fault::Fault;
use crate::store::{Store, error_body};

/// Requests allowed per window, as the fake's rate-limit headers report it.
const RATE_LIMIT: u64 = 1000;

/// A running fake Kustomer API on `127.0.0.1`. Stops when dropped.
///
/// It answers `GET /v1/customers/{id}` from an in-memory store seeded with realistic customers
/// ([`SPEC_CUSTOMER_ID`](crate::SPEC_CUSTOMER_ID), [`QUIRKY_CUSTOMER_ID`](crate::QUIRKY_CUSTOMER_ID),
/// [`UNICODE_CUSTOMER_ID`](crate::UNICODE_CUSTOMER_ID)), checks the Bearer key (401 in Kustomer's
/// error shape otherwise), answers unknown IDs with Kustomer's 404, sends `x-ratelimit-*` headers,
/// and can be told to misbehave for the next requests ([`FakeKustomer::fail_next`]).
pub struct FakeKustomer {
    base_url: String,
    shared: Arc<Shared>,
    server: Arc<Server>,
    thread: Option<JoinHandle<()>>,
}

/// What the fake saw of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// The method.
    pub method: String,
    /// The path and query exactly as sent (still percent-encoded).
    pub raw_url: String,
    /// The customer ID after percent-decoding, for customer routes.
    pub customer_id: Option<String>,
    /// Every header, names lowercased.
    pub headers: Vec<(String, String)>,
}

impl RecordedRequest {
    /// The first value of a header.
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Default)]
struct Shared {
    store: Mutex<Store>,
    faults: Mutex<VecDeque<Fault>>,
    requests: Mutex<Vec<RecordedRequest>>,
    served: AtomicU64,
}

/// A poisoned lock only means another handler panicked; the data is still usable for a fake.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl FakeKustomer {
    /// Starts the server on a free port of `127.0.0.1`, in its own thread.
    ///
    /// # Errors
    /// If no port can be bound.
    pub fn start() -> io::Result<Self> {
        let server = Server::http("127.0.0.1:0").map_err(io::Error::other)?;
        let port = server
            .server_addr()
            .to_ip()
            .map(|a| a.port())
            .ok_or_else(|| io::Error::other("the fake server has no IP address"))?;
        let server = Arc::new(server);
        let shared = Arc::new(Shared {
            store: Mutex::new(Store::seeded()),
            ..Shared::default()
        });
        let thread = {
            let (server, shared) = (Arc::clone(&server), Arc::clone(&shared));
            thread::Builder::new()
                .name("fake-kustomer".into())
                .spawn(move || accept_loop(&server, &shared))?
        };
        Ok(Self {
            base_url: format!("http://127.0.0.1:{port}"),
            shared,
            server,
            thread: Some(thread),
        })
    }

    /// The base URL to configure a client with (`http://127.0.0.1:<port>`, without `/v1`).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The API key the server accepts.
    pub fn api_key(&self) -> &'static str {
        FAKE_API_KEY
    }

    /// A client configuration pointing at this server with its key.
    pub fn config(&self) -> Config {
        self.config_with_key(FAKE_API_KEY)
    }

    /// A configuration pointing at this server with another key (to test refusals).
    ///
    /// # Panics
    /// If `key` is not a valid API key; pass one that is.
    #[allow(clippy::expect_used)]
    pub fn config_with_key(&self, key: &str) -> Config {
        let base: BaseUrl = self.base_url.parse().expect("a loopback base URL parses");
        Config::new(ApiKey::new(key).expect("test keys are valid")).with_base_url(base)
    }

    /// Adds or replaces a customer from a `{"data": {"id": ..., ...}}` document, served byte for
    /// byte as serialized. Returns its ID, or `None` if the document has no `data.id` string.
    pub fn insert_customer(&self, document: &Value) -> Option<String> {
        lock(&self.shared.store).insert(document)
    }

    /// Makes the next request that reaches the server misbehave; several calls queue up faults
    /// for the following requests in order.
    pub fn fail_next(&self, fault: Fault) {
        lock(&self.shared.faults).push_back(fault);
    }

    /// Every request received so far, in order of arrival.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.requests).clone()
    }

    /// How many requests have been answered (or faulted) so far.
    pub fn served(&self) -> u64 {
        self.shared.served.load(Ordering::SeqCst)
    }
}

impl std::fmt::Debug for FakeKustomer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeKustomer")
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl Drop for FakeKustomer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn accept_loop(server: &Server, shared: &Arc<Shared>) {
    for request in server.incoming_requests() {
        let shared = Arc::clone(shared);
        // One thread per request, so a delayed answer never holds up the others.
        let spawned = thread::Builder::new()
            .name("fake-kustomer-request".into())
            .spawn(move || handle(request, &shared));
        if spawned.is_err() {
            // Out of threads: the client sees a dropped connection, which is what a real
            // overloaded server would give it.
            continue;
        }
    }
}

fn handle(mut request: Request, shared: &Shared) {
    let mut body = Vec::new();
    let _ = request.as_reader().read_to_end(&mut body);
    let customer_id = customer_id(request.url());
    lock(&shared.requests).push(RecordedRequest {
        method: request.method().to_string(),
        raw_url: request.url().to_owned(),
        customer_id: customer_id.clone().and_then(Result::ok),
        headers: request
            .headers()
            .iter()
            .map(|h| {
                (
                    h.field.as_str().as_str().to_ascii_lowercase(),
                    h.value.as_str().to_owned(),
                )
            })
            .collect(),
    });
    let served = shared.served.fetch_add(1, Ordering::SeqCst) + 1;
    let rate_headers = rate_limit_headers(served);

    let fault = lock(&shared.faults).pop_front();
    let mut response = match fault {
        Some(Fault::Delay(wait)) => {
            thread::sleep(wait);
            route(&request, customer_id, shared)
        }
        Some(fault) => fault_response(fault),
        None => route(&request, customer_id, shared),
    };
    for header in rate_headers {
        response.add_header(header);
    }
    // The client may have gone (a timeout test); nothing to do about it here.
    let _ = request.respond(response);
}

type Answer = Response<Box<dyn Read + Send>>;

fn answer(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Answer {
    let body = body.into();
    let len = body.len();
    Response::new(
        StatusCode(status),
        vec![header("Content-Type", content_type)],
        Box::new(io::Cursor::new(body)) as Box<dyn Read + Send>,
        Some(len),
        None,
    )
}

fn json(status: u16, body: impl Into<Vec<u8>>) -> Answer {
    answer(status, "application/json; charset=utf-8", body)
}

#[allow(clippy::expect_used)]
fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("the fake's own headers are valid")
}

fn rate_limit_headers(served: u64) -> Vec<Header> {
    vec![
        header("x-ratelimit-limit", &RATE_LIMIT.to_string()),
        header(
            "x-ratelimit-remaining",
            &RATE_LIMIT.saturating_sub(served % RATE_LIMIT).to_string(),
        ),
        header("x-ratelimit-reset", "60"),
        header("x-kustomer-pod", "fake"),
    ]
}

/// The decoded `{id}` of `/v1/customers/{id}`; `Some(Err)` when it is not valid percent-encoded UTF-8.
fn customer_id(url: &str) -> Option<Result<String, ()>> {
    let path = url.split('?').next().unwrap_or(url);
    let raw = path.strip_prefix("/v1/customers/")?;
    if raw.is_empty() || raw.contains('/') {
        return None;
    }
    Some(
        percent_decode_str(raw)
            .decode_utf8()
            .map(|id| id.into_owned())
            .map_err(|_| ()),
    )
}

fn route(request: &Request, customer_id: Option<Result<String, ()>>, shared: &Shared) -> Answer {
    let expected = format!("Bearer {FAKE_API_KEY}");
    let authorized = request
        .headers()
        .iter()
        .any(|h| h.field.equiv("Authorization") && h.value.as_str() == expected);
    if !authorized {
        return json(401, error_body(401, "unauthorized", "Unauthorized"));
    }
    match (request.method(), customer_id) {
        (Method::Get, Some(Ok(id))) => match lock(&shared.store).get(&id) {
            Some(doc) => json(200, doc),
            None => json(
                404,
                serde_json::json!({"errors": [{"status": 404, "code": "notfound", "title": "Not Found",
                    "source": {"parameter": "id"}}]})
                .to_string(),
            ),
        },
        (_, Some(Err(()))) => json(400, error_body(400, "badparam", "Invalid id")),
        (Method::Get, None) => json(404, error_body(404, "notfound", "Route not found")),
        _ => json(405, error_body(405, "methodnotallowed", "Method Not Allowed")),
    }
}

fn fault_response(fault: Fault) -> Answer {
    match fault {
        Fault::Status {
            status,
            content_type,
            body,
        } => answer(status, content_type, body),
        Fault::HtmlPage(status) => answer(
            status,
            "text/html",
            format!(
                "<html>\r\n<head><title>{status} Bad Gateway</title></head>\r\n<body>\r\n\
                 <center><h1>{status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n\
                 </body>\r\n</html>\r\n"
            ),
        ),
        Fault::TruncatedJson => json(
            200,
            r#"{"data":{"type":"customer","id":"58210c3db0f09110006b7953","attributes":{"name":"John Sm"#,
        ),
        Fault::Oversized(bytes) => big_body(bytes, Some(bytes)),
        Fault::OversizedChunked(bytes) => big_body(bytes, None),
        // Handled before routing.
        Fault::Delay(_) => json(500, error_body(500, "internal", "unexpected fault")),
    }
}

/// A JSON string body of `bytes` bytes, streamed without holding it in memory.
fn big_body(bytes: usize, declared: Option<usize>) -> Answer {
    let inner = bytes.saturating_sub(2) as u64;
    let reader = io::Cursor::new(b"\"".to_vec())
        .chain(io::repeat(b'a').take(inner))
        .chain(io::Cursor::new(b"\"".to_vec()));
    let mut response = Response::new(
        StatusCode(200),
        vec![header("Content-Type", "application/json")],
        Box::new(reader) as Box<dyn Read + Send>,
        declared,
        None,
    );
    if declared.is_none() {
        response = response.with_chunked_threshold(0);
    }
    response
}
