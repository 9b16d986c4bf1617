//! What the fake's blocking API and its request handlers share: the store, the faults asked
//! for, the requests seen, the rate limiter.

use std::collections::VecDeque;
use std::sync::atomic::AtomicU64;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crate::fault::Fault;
use crate::store::Store;

/// What the fake saw of one request. Its `Debug` shows the body as text with every secret
/// (a password, a token, a secret, a header's value) and the `authorization` header redacted:
/// a test that prints what it sent leaks no credential.
#[derive(Clone, PartialEq, Eq)]
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
    /// The request body.
    pub body: Vec<u8>,
}

impl std::fmt::Debug for RecordedRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| {
                let shown = if name == "authorization" {
                    "[redacted]"
                } else {
                    value.as_str()
                };
                (name.as_str(), shown)
            })
            .collect();
        f.debug_struct("RecordedRequest")
            .field("method", &self.method)
            .field("raw_url", &self.raw_url)
            .field("customer_id", &self.customer_id)
            .field("headers", &headers)
            .field("body", &redacted_body(&self.body))
            .finish()
    }
}

/// A body as text, with the values of secret-named keys redacted; a body that is not JSON by
/// its size alone (it may be anything).
fn redacted_body(body: &[u8]) -> String {
    fn redact(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, item) in map.iter_mut() {
                    let secret = [
                        "password",
                        "currentPassword",
                        "token",
                        "secret",
                        "value",
                        "apiKey",
                    ]
                    .contains(&key.as_str());
                    if secret && !item.is_object() && !item.is_array() && !item.is_null() {
                        *item = "[redacted]".into();
                    } else {
                        redact(item);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(redact),
            _ => {}
        }
    }
    if body.is_empty() {
        return String::new();
    }
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(mut json) => {
            redact(&mut json);
            json.to_string()
        }
        Err(_) => format!("({} bytes, not JSON)", body.len()),
    }
}

impl RecordedRequest {
    /// The first value of a header.
    pub fn header(&self, name: &str) -> Option<&str> {
        crate::delivery::find_header(&self.headers, name)
    }
}

/// State shared by the blocking API and the request handlers.
#[derive(Debug, Default)]
pub(crate) struct Shared {
    pub(crate) store: Mutex<Store>,
    pub(crate) faults: Mutex<VecDeque<Fault>>,
    /// Faults for the next request of a route, in the order they were asked for.
    pub(crate) route_faults: Mutex<Vec<(crate::Route, Fault)>>,
    pub(crate) requests: Mutex<Vec<RecordedRequest>>,
    pub(crate) served: AtomicU64,
    pub(crate) limiter: Option<Mutex<Limiter>>,
    pub(crate) rate_limited: AtomicU64,
    /// How long every answer is held.
    pub(crate) latency: Option<Duration>,
}

/// A poisoned lock only means another handler panicked; the data is still usable for a fake.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// An org budget like Kustomer's: `limit` requests per fixed window, 429 past it.
#[derive(Debug)]
pub(crate) struct Limiter {
    pub(crate) limit: u64,
    pub(crate) window: Duration,
    pub(crate) started: Instant,
    pub(crate) current: u64,
    pub(crate) count: u64,
    pub(crate) busiest: u64,
}

impl Limiter {
    /// Counts one request: `Ok(remaining)`, or `Err(seconds to the reset)` when over budget.
    pub(crate) fn admit(&mut self) -> Result<u64, u64> {
        let elapsed = self.started.elapsed();
        let window = (elapsed.as_nanos() / self.window.as_nanos().max(1)) as u64;
        if window != self.current {
            self.current = window;
            self.count = 0;
        }
        let ends = self
            .window
            .saturating_mul(u32::try_from(window + 1).unwrap_or(u32::MAX));
        let reset = ends.saturating_sub(elapsed).as_secs_f64().ceil() as u64;
        if self.count >= self.limit {
            return Err(reset.max(1));
        }
        self.count += 1;
        self.busiest = self.busiest.max(self.count);
        Ok(self.limit - self.count)
    }
}
