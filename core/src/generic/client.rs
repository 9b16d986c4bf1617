//! The blocking facade: build, pace, send through a transport, retry, parse.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::{Request, StatusCode};

use crate::protocol::boxed::BoxTransport;
use crate::protocol::clock::{Clock, Interrupt, Jitter, RandomJitter, SystemClock};
use crate::protocol::config::Config;
use crate::protocol::error::{Error, TransportError};
use crate::protocol::idempotency::Idempotency;
use crate::protocol::operation::Operation;
use crate::protocol::pacing::Pacer;
use crate::protocol::rate_limit::RateLimit;
use crate::protocol::retry::{Attempt, Decision, Outcome, RetryPolicy};
use crate::protocol::transport::Transport;

/// A Kustomer client over a [`Transport`].
///
/// Every call is built, paced (if a [`Pacer`] is set), sent, retried as the [`RetryPolicy`] says
/// (on by default: 429s after the reset, transient failures of idempotent requests with backoff),
/// and parsed. Cheap to clone (one `Arc`), and `Send + Sync` when the transport is: share one
/// client, and so one connection pool and one pacer, across threads.
///
/// `Client` without a type parameter is `Client<BoxTransport>`: build it with
/// [`BoxTransport::new`] around any transport to store a client in a struct or pass it to a
/// function (an export included) without naming the transport.
///
/// ```
/// use kustomer::{ApiKey, Client, Config};
///
/// # let transport = |_r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(http::Response::new(
/// #     br#"{"data":{"id":"58210c3db0f09110006b7953","attributes":{"name":"Ada"}}}"#.to_vec()));
/// let client = Client::new(Config::new(ApiKey::new("key")?), transport);
/// let customer = client.customers().get("58210c3db0f09110006b7953")?;
/// println!("{}", customer.attributes.name.unwrap_or_default());
/// # Ok::<(), kustomer::Error>(())
/// ```
pub struct Client<T = BoxTransport> {
    inner: Arc<Inner<T>>,
}

struct Inner<T> {
    config: Config,
    transport: T,
    retry: RetryPolicy,
    pacer: Option<Arc<dyn Pacer>>,
    clock: Arc<dyn Clock>,
    jitter: Arc<dyn Jitter>,
    /// Set once this client sent a request marked as revoking its own key: a 401
    /// after that says so.
    own_token_deleted: std::sync::atomic::AtomicBool,
}

/// A parsed response with what the response said besides its body.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Reply<T> {
    /// The operation's output.
    pub value: T,
    /// The response status.
    pub status: StatusCode,
    /// The response's rate-limit headers.
    pub rate_limit: RateLimit,
    /// How many attempts it took (1 unless retried).
    pub attempts: u32,
}

impl<T: Transport> Client<T> {
    /// A client with the default [`RetryPolicy`], no pacing, and the system clock.
    pub fn new(config: Config, transport: T) -> Self {
        Self::builder(config, transport).build()
    }

    /// A client with retries, pacing, clock or jitter of your choice.
    ///
    /// ```
    /// use kustomer::{ApiKey, Client, Config, RatePacer, RetryPolicy};
    ///
    /// # let transport = |_r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(http::Response::new(Vec::new()));
    /// let client = Client::builder(Config::new(ApiKey::new("key")?), transport)
    ///     .retry_policy(RetryPolicy::default().max_attempts(5))
    ///     .pacer(RatePacer::per_minute(450)) // under a Business plan's 500/min
    ///     .build();
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn builder(config: Config, transport: T) -> ClientBuilder<T> {
        ClientBuilder {
            config,
            transport,
            retry: RetryPolicy::default(),
            pacer: None,
            clock: Arc::new(SystemClock),
            jitter: Arc::new(RandomJitter::default()),
        }
    }

    /// Runs any operation: build, pace, send, retry, parse.
    ///
    /// ```
    /// # use kustomer::{ApiKey, Client, Config, customers::GetCustomer};
    /// # let transport = |_r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(http::Response::new(
    /// #     br#"{"data":{"id":"58210c3db0f09110006b7953"}}"#.to_vec()));
    /// # let client = Client::new(Config::new(ApiKey::new("key")?), transport);
    /// let customer = client.execute(&GetCustomer::new("58210c3db0f09110006b7953"))?;
    /// assert_eq!(customer.id, "58210c3db0f09110006b7953");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn execute<O: Operation>(&self, operation: &O) -> Result<O::Output, Error> {
        self.execute_reply(operation).map(|reply| reply.value)
    }

    /// Runs an operation and also returns the response's status, rate-limit headers and the
    /// number of attempts.
    ///
    /// ```
    /// # use kustomer::{ApiKey, Client, Config, customers::GetCustomer};
    /// # let transport = |_r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(http::Response::builder()
    /// #     .header("x-ratelimit-remaining", "41")
    /// #     .body(br#"{"data":{"id":"58210c3db0f09110006b7953"}}"#.to_vec()).unwrap());
    /// # let client = Client::new(Config::new(ApiKey::new("key")?), transport);
    /// let reply = client.execute_reply(&GetCustomer::new("58210c3db0f09110006b7953"))?;
    /// assert_eq!(reply.rate_limit.remaining, Some(41));
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn execute_reply<O: Operation>(&self, operation: &O) -> Result<Reply<O::Output>, Error> {
        self.execute_until(operation, None)
    }

    /// [`execute_reply`](Self::execute_reply), given up as soon as `interrupt` is raised: no
    /// attempt starts after it, and its waits wake at once ([`Error::Cancelled`]).
    pub(crate) fn execute_until<O: Operation>(
        &self,
        operation: &O,
        interrupt: Option<&Interrupt>,
    ) -> Result<Reply<O::Output>, Error> {
        let request = operation.build(&self.inner.config)?;
        self.execute_built(operation, request, interrupt)
    }

    /// Runs `operation` from the request it already built (a list's first page, whose path
    /// the list also keeps): pace, send, retry, parse.
    pub(crate) fn execute_built<O: Operation>(
        &self,
        operation: &O,
        request: Request<Vec<u8>>,
        interrupt: Option<&Interrupt>,
    ) -> Result<Reply<O::Output>, Error> {
        let revokes_key = request
            .extensions()
            .get::<crate::protocol::operation::RevokesCallersKey>()
            .is_some();
        let call = crate::generic::trace::Call::start(operation, request.method());
        let _entered = call.span().enter();
        // Every wait of the call counts against the policy's total: pacing, backoff, resets.
        let mut waited = Duration::ZERO;
        let result = self.send_with_retries(operation, request, &call, &mut waited, interrupt);
        match &result {
            Ok(reply) => call.finish(Some(reply.status), None, waited),
            Err(error) => call.finish(None, Some(error), waited),
        }
        if result.is_ok() && revokes_key {
            self.inner
                .own_token_deleted
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        result
    }

    /// Paces, sends, retries and parses one built request, adding every wait to `waited`.
    fn send_with_retries<O: Operation>(
        &self,
        operation: &O,
        request: Request<Vec<u8>>,
        call: &crate::generic::trace::Call,
        waited: &mut Duration,
        interrupt: Option<&Interrupt>,
    ) -> Result<Reply<O::Output>, Error> {
        let inner = &*self.inner;
        let stopped = || interrupt.is_some_and(Interrupt::is_raised);
        // The one answer to "may this be sent again", as the operation built it.
        let idempotency = Idempotency::of(&request);
        if idempotency.is_once() || inner.retry.attempt_limit() <= 1 {
            // No retry can follow: the request is sent as built, without a copy.
            self.pace(waited, call, interrupt)
                .map_err(|wait| Error::Throttled { wait })?;
            if stopped() {
                return Err(Error::Cancelled);
            }
            call.attempt(1);
            return self
                .attempt(operation, request, 1, call)
                .map_err(|(error, _)| error);
        }
        let mut number = 0u32;
        let mut last_error = None;
        // The first attempt sends the request as built; a retry builds it again from the
        // operation (pure, so the same bytes), so the common case copies nothing.
        let mut built = Some(request);
        loop {
            // The policy stops at its maximum number of attempts, long before this saturates.
            number = number.saturating_add(1);
            if let Err(wait) = self.pace(waited, call, interrupt) {
                return Err(match last_error {
                    Some(error) => wrap(error, number - 1),
                    None => Error::Throttled { wait },
                });
            }
            if stopped() {
                return Err(Error::Cancelled);
            }
            call.attempt(number);
            let request = match built.take() {
                Some(request) => request,
                None => operation.build(&inner.config)?,
            };
            let (error, rate_limit) = match self.attempt(operation, request, number, call) {
                Ok(reply) => return Ok(reply),
                Err(failed) => failed,
            };
            let outcome = match (&error, error.status()) {
                (Error::Transport(t), _) => Outcome::Transport(t.kind()),
                (_, Some(status)) if !status.is_success() => Outcome::Status(status, &rate_limit),
                _ => return Err(wrap(error, number)),
            };
            let attempt = Attempt {
                idempotency,
                outcome,
                number,
                waited: *waited,
                now: inner.clock.now(),
                jitter: inner.jitter.next(),
            };
            match inner.retry.decide(&attempt) {
                Decision::Stop => {
                    call.decided(number, &outcome, None);
                    return Err(wrap(error, number));
                }
                Decision::RetryAfter(wait) => {
                    call.decided(number, &outcome, Some(wait));
                    self.wait(wait, interrupt);
                    *waited = waited.saturating_add(wait);
                    last_error = Some(error);
                }
            }
        }
    }

    /// Sends one attempt and reads its answer; a failure comes with the response's rate-limit
    /// headers, which the retry decision reads.
    fn attempt<O: Operation>(
        &self,
        operation: &O,
        request: Request<Vec<u8>>,
        number: u32,
        call: &crate::generic::trace::Call,
    ) -> Result<Reply<O::Output>, (Error, Box<RateLimit>)> {
        let inner = &*self.inner;
        let response = match inner.transport.send(request) {
            Ok(response) => response,
            Err(e) => {
                return Err((
                    Error::Transport(TransportError::from_any(e)),
                    Box::default(),
                ));
            }
        };
        let status = response.status();
        let rate_limit = RateLimit::from_headers(response.headers());
        call.observe(&rate_limit);
        if let Some(pacer) = &inner.pacer {
            pacer.observe(&rate_limit, inner.clock.now());
        }
        match operation.parse(response) {
            Ok(value) => Ok(Reply {
                value,
                status,
                rate_limit,
                attempts: number,
            }),
            Err(e) => Err((self.scrub(e), Box::new(rate_limit))),
        }
    }

    /// Removes the API key from every text of `error` that came from a server: the one place
    /// every error a helper builds from server data passes through before it reaches the caller.
    pub(crate) fn scrub(&self, error: Error) -> Error {
        let error = error.redact(self.inner.config.api_key().expose_secret());
        if !error.is_unauthorized() {
            return error;
        }
        let error = if self
            .inner
            .own_token_deleted
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            error.unauthorized_because(
                "this client deleted the token it calls with (DeleteCurrentAuthToken): give it another API key",
            )
        } else {
            error
        };
        // A 401's advice names the host: a key works only in its own region.
        match self.inner.config.base_url().as_str().parse::<http::Uri>() {
            Ok(uri) => match uri.host() {
                Some(host) => error.sent_to(host),
                None => error,
            },
            Err(_) => error,
        }
    }

    /// The time on the client's clock (for polling helpers).
    pub(crate) fn now(&self) -> std::time::SystemTime {
        self.inner.clock.now()
    }

    /// Sleeps through the client's clock (for polling helpers).
    pub(crate) fn sleep(&self, duration: Duration) {
        self.inner.clock.sleep(duration);
    }

    /// Waits until the pacer lets a request go, adding the wait to `waited`. `Err(wait)` when
    /// the pacer asks for a wait that would take the call past the policy's total.
    /// Sleeps through the clock, cut short by `interrupt` if there is one.
    fn wait(&self, duration: Duration, interrupt: Option<&Interrupt>) {
        match interrupt {
            Some(interrupt) => self.inner.clock.sleep_interruptible(duration, interrupt),
            None => self.inner.clock.sleep(duration),
        }
    }

    fn pace(
        &self,
        waited: &mut Duration,
        call: &crate::generic::trace::Call,
        interrupt: Option<&Interrupt>,
    ) -> Result<(), Duration> {
        let inner = &*self.inner;
        let Some(pacer) = &inner.pacer else {
            return Ok(());
        };
        loop {
            let wait = pacer.reserve(inner.clock.now());
            if wait.is_zero() {
                return Ok(());
            }
            if waited.saturating_add(wait) > inner.retry.wait_limit() {
                return Err(wait);
            }
            if interrupt.is_some_and(Interrupt::is_raised) {
                return Ok(());
            }
            call.paced(wait);
            self.wait(wait, interrupt);
            *waited = waited.saturating_add(wait);
        }
    }
}

/// The error of the last attempt, saying how many were made when there was more than one.
fn wrap(error: Error, attempts: u32) -> Error {
    if attempts > 1 {
        Error::RetriesExhausted {
            attempts,
            last: Box::new(error),
        }
    } else {
        error
    }
}

impl<T> Client<T> {
    /// The configuration requests are built from.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The transport requests go through.
    pub fn transport(&self) -> &T {
        &self.inner.transport
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }
}

impl<T> Clone for Client<T> {
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<T> fmt::Debug for Client<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .field("retry", &self.inner.retry)
            .field("paced", &self.inner.pacer.is_some())
            .finish_non_exhaustive()
    }
}

/// Settings for a [`Client`]; from [`Client::builder`].
pub struct ClientBuilder<T = BoxTransport> {
    config: Config,
    transport: T,
    retry: RetryPolicy,
    pacer: Option<Arc<dyn Pacer>>,
    clock: Arc<dyn Clock>,
    jitter: Arc<dyn Jitter>,
}

impl<T: Transport> ClientBuilder<T> {
    /// When to retry ([`RetryPolicy::default`] unless set; [`RetryPolicy::disabled`] turns it off).
    #[must_use]
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Paces requests, e.g. [`RatePacer::per_minute`](crate::RatePacer::per_minute). None by default.
    #[must_use]
    pub fn pacer(mut self, pacer: impl Pacer + 'static) -> Self {
        self.pacer = Some(Arc::new(pacer));
        self
    }

    /// Shares one pacer between several clients (e.g. one per transport or per region key).
    #[must_use]
    pub fn shared_pacer(mut self, pacer: Arc<dyn Pacer>) -> Self {
        self.pacer = Some(pacer);
        self
    }

    /// The clock the client reads and sleeps with ([`SystemClock`] by default).
    #[must_use]
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The source of backoff jitter ([`RandomJitter`] by default).
    #[must_use]
    pub fn jitter(mut self, jitter: impl Jitter + 'static) -> Self {
        self.jitter = Arc::new(jitter);
        self
    }

    /// The client.
    pub fn build(self) -> Client<T> {
        Client {
            inner: Arc::new(Inner {
                config: self.config,
                transport: self.transport,
                retry: self.retry,
                pacer: self.pacer,
                clock: self.clock,
                jitter: self.jitter,
                own_token_deleted: std::sync::atomic::AtomicBool::new(false),
            }),
        }
    }
}

impl<T> fmt::Debug for ClientBuilder<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("config", &self.config)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}
