//! The fake server's lifecycle: a hyper server on a tokio runtime in its own thread, behind a
//! blocking API.

use std::io;
use std::net::{SocketAddr, TcpListener as StdListener};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use kustomer::{ApiKey, BaseUrl, Config};
use serde_json::Value;
use tokio::sync::oneshot;

use crate::FAKE_API_KEY;
use crate::fault::Fault;
use crate::service::handle;
use crate::shared::{Limiter, RecordedRequest, Shared, lock};
use crate::store::Store;

/// A running fake Kustomer API on `127.0.0.1`. Stops when dropped.
///
/// It answers `GET /v1/customers/{id}` from an in-memory store seeded with realistic customers
/// ([`SPEC_CUSTOMER_ID`](crate::SPEC_CUSTOMER_ID), [`QUIRKY_CUSTOMER_ID`](crate::QUIRKY_CUSTOMER_ID),
/// [`UNICODE_CUSTOMER_ID`](crate::UNICODE_CUSTOMER_ID)), checks the Bearer key (401 in Kustomer's
/// error shape otherwise), answers unknown IDs with Kustomer's 404, sends `x-ratelimit-*` headers,
/// can enforce a rate limit ([`FakeKustomer::builder`]), and can be told to misbehave for the next
/// requests ([`FakeKustomer::fail_next`]). Connections are kept alive, as Kustomer's are.
pub struct FakeKustomer {
    base_url: String,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

/// How to start a [`FakeKustomer`]; from [`FakeKustomer::builder`].
#[derive(Debug, Clone, Default)]
pub struct FakeKustomerBuilder {
    rate_limit: Option<(u64, Duration)>,
    synthetic: Option<u64>,
    latency: Option<Duration>,
}

impl FakeKustomerBuilder {
    /// Holds every answer this long, as a distant server would (200 ms is a typical API round
    /// trip across regions).
    ///
    /// ```
    /// let fake = kustomer_fake::FakeKustomer::builder().latency(std::time::Duration::from_millis(50)).start()?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[must_use]
    pub fn latency(mut self, latency: Duration) -> Self {
        self.latency = Some(latency);
        self
    }

    /// Enforces a budget of `limit` requests per fixed `window` (Kustomer's is per minute):
    /// requests past it get a 429 with `x-ratelimit-remaining: 0` and the seconds to the reset.
    #[must_use]
    pub fn rate_limit(mut self, limit: u64, window: Duration) -> Self {
        self.rate_limit = Some((limit, window));
        self
    }

    /// Serves `count` synthetic customers ([`synthetic_customer`](crate::synthetic_customer))
    /// from `GET /v1/customers` instead of the store, made page by page: a list of 100,000 costs
    /// the server no memory.
    #[must_use]
    pub fn synthetic_customers(mut self, count: u64) -> Self {
        self.synthetic = Some(count);
        self
    }

    /// Starts the server.
    ///
    /// # Errors
    /// If no port can be bound or the runtime cannot start.
    pub fn start(self) -> io::Result<FakeKustomer> {
        let limiter = self.rate_limit.map(|(limit, window)| {
            Mutex::new(Limiter {
                limit,
                window,
                started: Instant::now(),
                current: 0,
                count: 0,
                busiest: 0,
            })
        });
        let mut store = Store::seeded();
        store.synthetic = self.synthetic;
        let shared = Arc::new(Shared {
            store: Mutex::new(store),
            limiter,
            latency: self.latency,
            ..Shared::default()
        });
        let listener = StdListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))?;
        listener.set_nonblocking(true)?;
        let base_url = format!("http://{}", listener.local_addr()?);
        lock(&shared.store).base_url = base_url.clone();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("fake-kustomer")
            .enable_all()
            .build()?;
        let (shutdown, stop) = oneshot::channel();
        let thread = {
            let shared = Arc::clone(&shared);
            thread::Builder::new()
                .name("fake-kustomer".into())
                .spawn(move || {
                    runtime.block_on(serve(listener, shared, stop));
                    runtime.shutdown_timeout(Duration::from_secs(1));
                })?
        };
        Ok(FakeKustomer {
            base_url,
            shared,
            shutdown: Some(shutdown),
            thread: Some(thread),
        })
    }
}

async fn serve(listener: StdListener, shared: Arc<Shared>, mut stop: oneshot::Receiver<()>) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    loop {
        tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                // Responses leave in one go; Nagle would hold the last segment for an ACK.
                let _ = stream.set_nodelay(true);
                let shared = Arc::clone(&shared);
                tokio::spawn(async move {
                    let service = service_fn(move |request| handle(request, Arc::clone(&shared)));
                    // A connection that breaks (a client timing out) is no concern of the fake's.
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        }
    }
}

impl FakeKustomer {
    /// Starts the server on a free port of `127.0.0.1`, in its own thread.
    ///
    /// # Errors
    /// If no port can be bound or the runtime cannot start.
    pub fn start() -> io::Result<Self> {
        Self::builder().start()
    }

    /// Options: an enforced rate limit.
    pub fn builder() -> FakeKustomerBuilder {
        FakeKustomerBuilder::default()
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

    /// Adds many customers at once (see [`FakeKustomer::insert_customer`]); returns how many were
    /// stored.
    pub fn insert_customers<'d>(&self, documents: impl IntoIterator<Item = &'d Value>) -> usize {
        let mut store = lock(&self.shared.store);
        documents
            .into_iter()
            .filter_map(|d| store.insert(d))
            .count()
    }

    /// How many customers the server holds.
    pub fn customer_count(&self) -> usize {
        lock(&self.shared.store).len()
    }

    /// A customer's `data` object as the server holds it.
    pub fn customer(&self, id: &str) -> Option<Value> {
        lock(&self.shared.store).get(id).map(|c| c.data.clone())
    }

    /// Makes the next request that reaches the server misbehave; several calls queue up faults
    /// for the following requests in order.
    pub fn fail_next(&self, fault: Fault) {
        lock(&self.shared.faults).push_back(fault);
    }

    /// Makes the next request of `route` misbehave (and only that one); several calls for one
    /// route queue up. Route faults come before those of [`fail_next`](Self::fail_next).
    ///
    /// ```
    /// use kustomer_fake::{Fault, FakeKustomer, Route};
    ///
    /// let fake = FakeKustomer::start()?;
    /// fake.fail_on(Route::new(http::Method::POST, "/customers"), Fault::RateLimited { reset_secs: 1 });
    /// let client = kustomer::Client::new(fake.config(), kustomer_ureq::UreqTransport::new());
    /// // Gets are untouched; the first create meets a 429, waits it out, and goes through.
    /// assert!(client.customers().get(kustomer_fake::SPEC_CUSTOMER_ID).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fail_on(&self, route: crate::Route, fault: Fault) {
        lock(&self.shared.route_faults).push((route, fault));
    }

    /// Puts a record into the fake, as it would be had the API made it: a customer, a
    /// conversation, a custom object (`kobject.<klass>`, its klass made if needed)... any model
    /// of `kustomer::models`, from a fixture or built by hand. Returns its ID; `None` if the
    /// record has no ID, or its `type` is not one the fake serves.
    ///
    /// ```
    /// use kustomer_fake::FakeKustomer;
    ///
    /// let fake = FakeKustomer::start()?;
    /// let note: kustomer::models::Note = serde_json::from_str(
    ///     r#"{"type":"note","id":"64f0c0ffee0000000000beef","attributes":{"body":"seeded"}}"#)?;
    /// assert_eq!(fake.seed(&note).as_deref(), Some("64f0c0ffee0000000000beef"));
    /// let client = kustomer::Client::new(fake.config(), kustomer_ureq::UreqTransport::new());
    /// assert_eq!(client.notes().get("64f0c0ffee0000000000beef")?.attributes.body.as_deref(), Some("seeded"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn seed<R: serde::Serialize>(&self, record: &R) -> Option<String> {
        let value = serde_json::to_value(record).ok()?;
        lock(&self.shared.store).seed(value)
    }

    /// Every request received so far, in order of arrival.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.requests).clone()
    }

    /// Every webhook delivery made so far, in order: one per write made through the fake and
    /// webhook registered for its event (`POST /v1/outbound-webhooks`), signed with the
    /// webhook's token. Those to a loopback URL were also posted there, over plain HTTP.
    pub fn deliveries(&self) -> Vec<crate::WebhookDelivery> {
        lock(&self.shared.store).deliveries.clone()
    }

    /// Every file the fake's storage host (`POST /storage/upload`) accepted: the attachment's
    /// ID and the file's bytes.
    pub fn uploads(&self) -> Vec<(String, Vec<u8>)> {
        lock(&self.shared.store).uploads.clone()
    }

    /// How many requests have been answered (or faulted) so far.
    pub fn served(&self) -> u64 {
        self.shared.served.load(Ordering::SeqCst)
    }

    /// How many requests the enforced rate limit refused with a 429.
    pub fn rate_limited(&self) -> u64 {
        self.shared.rate_limited.load(Ordering::SeqCst)
    }

    /// The most requests admitted in one window of the enforced rate limit.
    pub fn busiest_window(&self) -> u64 {
        self.shared
            .limiter
            .as_ref()
            .map_or(0, |limiter| lock(limiter).busiest)
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
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
