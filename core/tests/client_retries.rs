//! The client's retry loop and pacing, driven by a scripted transport and a manual clock: no
//! network, no real sleeping.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::VecDeque;
use std::io;
use std::sync::{Arc, Mutex};
use std::time::{Duration, UNIX_EPOCH};

use http::{Method, Request, Response};
use kustomer::customers::GetCustomer;
use kustomer::{
    ApiKey, Client, Config, Error, ManualClock, Operation, RatePacer, RetryPolicy,
    TransportErrorKind,
};

const CUSTOMER: &str =
    r#"{"data":{"type":"customer","id":"58210c3db0f09110006b7953","attributes":{"name":"Ada"}}}"#;

fn clock() -> ManualClock {
    ManualClock::new(UNIX_EPOCH + Duration::from_secs(1_700_000_000))
}

type Scripted = Result<Response<Vec<u8>>, io::Error>;

/// Answers from a script, in order, and records the requests it got.
#[derive(Clone, Default)]
struct Script {
    answers: Arc<Mutex<VecDeque<Scripted>>>,
    seen: Arc<Mutex<Vec<(Method, String)>>>,
}

impl Script {
    fn new(answers: Vec<Scripted>) -> Self {
        Self {
            answers: Arc::new(Mutex::new(answers.into())),
            seen: Arc::default(),
        }
    }
    fn transport(&self) -> impl Fn(Request<Vec<u8>>) -> Scripted + Send + Sync + 'static {
        let this = self.clone();
        move |request| {
            this.seen
                .lock()
                .unwrap()
                .push((request.method().clone(), request.uri().to_string()));
            this.answers
                .lock()
                .unwrap()
                .pop_front()
                .unwrap_or_else(|| Err(io::Error::other("script ran out")))
        }
    }
    fn calls(&self) -> usize {
        self.seen.lock().unwrap().len()
    }
}

fn status(code: u16) -> Scripted {
    response(code, &[], "")
}

fn response(code: u16, headers: &[(&str, &str)], body: &str) -> Scripted {
    let mut builder = Response::builder().status(code);
    for (k, v) in headers {
        builder = builder.header(*k, *v);
    }
    Ok(builder.body(body.as_bytes().to_vec()).unwrap())
}

fn timeout() -> Scripted {
    Err(io::Error::new(io::ErrorKind::TimedOut, "slow"))
}

fn client(
    script: &Script,
    clock: &ManualClock,
    policy: RetryPolicy,
) -> Client<impl kustomer::Transport> {
    Client::builder(Config::new(ApiKey::new("key").unwrap()), script.transport())
        .retry_policy(policy)
        .clock(clock.clone())
        .jitter(|| 0.0)
        .build()
}

/// A POST that creates something: not idempotent, unless marked so (as a search marks its POST).
struct Create {
    marked_idempotent: bool,
}

impl Operation for Create {
    type Output = ();
    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        let mut request = config.request(Method::POST, "/customers", Some(b"{}".to_vec()))?;
        if self.marked_idempotent {
            kustomer::Idempotency::Idempotent.mark(&mut request);
        }
        Ok(request)
    }
    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        kustomer::error_for_status(&response).map_or(Ok(()), Err)
    }
}

#[test]
fn a_get_is_retried_through_503s_then_succeeds() {
    let (clock, script) = (
        clock(),
        Script::new(vec![status(503), status(503), response(200, &[], CUSTOMER)]),
    );
    let client = client(&script, &clock, RetryPolicy::default());
    let reply = client
        .execute_reply(&GetCustomer::new("58210c3db0f09110006b7953"))
        .unwrap();
    assert_eq!(reply.value.attributes.name.as_deref(), Some("Ada"));
    assert_eq!(reply.attempts, 3);
    assert_eq!(script.calls(), 3);
    // Backoff with jitter 0: half of 250 ms, then half of 500 ms.
    assert_eq!(
        clock.sleeps(),
        [Duration::from_millis(125), Duration::from_millis(250)]
    );
}

#[test]
fn a_create_is_not_sent_twice_after_a_500() {
    let (clock, script) = (clock(), Script::new(vec![status(500), status(201)]));
    let client = client(&script, &clock, RetryPolicy::default());
    let err = client
        .execute(&Create {
            marked_idempotent: false,
        })
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    assert_eq!(err.attempts(), 1);
    assert_eq!(script.calls(), 1);
    assert!(clock.sleeps().is_empty());
}

#[test]
fn creates_retry_only_when_opted_in_and_posts_marked_idempotent_always() {
    for (policy, marked_idempotent) in [
        (RetryPolicy::default().retry_non_idempotent(true), false),
        (RetryPolicy::default(), true),
    ] {
        let (clock, script) = (clock(), Script::new(vec![timeout(), status(201)]));
        let client = client(&script, &clock, policy);
        client.execute(&Create { marked_idempotent }).unwrap();
        assert_eq!(script.calls(), 2);
    }
}

#[test]
fn a_429_waits_for_the_reset_then_retries_even_a_create() {
    let (clock, script) = (
        clock(),
        Script::new(vec![
            response(
                429,
                &[("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "30")],
                "",
            ),
            status(201),
        ]),
    );
    let client = client(&script, &clock, RetryPolicy::default());
    client
        .execute(&Create {
            marked_idempotent: false,
        })
        .unwrap();
    assert_eq!(clock.sleeps(), [Duration::from_secs(30)]);
}

#[test]
fn a_429_beyond_the_cap_is_returned_with_its_headers() {
    let (clock, script) = (
        clock(),
        Script::new(vec![response(429, &[("x-ratelimit-reset", "600")], "")]),
    );
    let client = client(&script, &clock, RetryPolicy::default());
    let err = client.customers().get("a").unwrap_err();
    assert!(err.is_rate_limited());
    assert_eq!(err.rate_limit().unwrap().reset, Some(600));
    assert_eq!(script.calls(), 1);
}

#[test]
fn the_final_error_says_how_many_attempts() {
    let (clock, script) = (
        clock(),
        Script::new(vec![timeout(), timeout(), timeout(), timeout(), timeout()]),
    );
    let client = client(&script, &clock, RetryPolicy::default());
    let err = client.customers().get("a").unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(err.attempts(), 4);
    assert!(matches!(err, Error::RetriesExhausted { attempts: 4, .. }));
    assert!(
        err.to_string()
            .starts_with("gave up after 4 attempts: timed out"),
        "{err}"
    );
    assert_eq!(script.calls(), 4);
    assert_eq!(clock.sleeps().len(), 3);
}

#[test]
fn total_wait_is_capped() {
    let (clock, script) = (clock(), Script::new((0..10).map(|_| status(503)).collect()));
    let policy = RetryPolicy::default()
        .max_attempts(10)
        .base_delay(Duration::from_secs(1))
        .max_total_wait(Duration::from_secs(3));
    let client = client(&script, &clock, policy);
    let err = client.customers().get("a").unwrap_err();
    // Waits of 0.5 s, 1 s, 2 s would pass 3 s: it stops after two.
    assert_eq!(
        clock.sleeps(),
        [Duration::from_millis(500), Duration::from_secs(1)]
    );
    assert_eq!(err.attempts(), 3);
}

#[test]
fn disabled_retries_send_once() {
    let (clock, script) = (clock(), Script::new(vec![status(503), status(200)]));
    let client = client(&script, &clock, RetryPolicy::disabled());
    let err = client.customers().get("a").unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert!(matches!(err, Error::Api(_)), "not wrapped: {err:?}");
    assert_eq!(script.calls(), 1);
}

#[test]
fn not_found_and_decode_errors_are_final() {
    for answer in [status(404), response(200, &[], "{\"data\":")] {
        let (clock, script) = (
            clock(),
            Script::new(vec![answer, response(200, &[], CUSTOMER)]),
        );
        let client = client(&script, &clock, RetryPolicy::default());
        assert!(client.customers().get("a").is_err());
        assert_eq!(script.calls(), 1);
    }
}

#[test]
fn body_over_the_cap_is_final() {
    let clock = clock();
    let calls = Arc::new(Mutex::new(0));
    let counter = calls.clone();
    let transport = move |_r: Request<Vec<u8>>| {
        *counter.lock().unwrap() += 1;
        Err::<Response<Vec<u8>>, _>(kustomer::TransportError::body_too_large(10))
    };
    let client = Client::builder(Config::new(ApiKey::new("key").unwrap()), transport)
        .clock(clock)
        .build();
    let err = client.customers().get("a").unwrap_err();
    assert_eq!(err.transport_kind(), Some(TransportErrorKind::BodyTooLarge));
    assert_eq!(*calls.lock().unwrap(), 1);
}

#[test]
fn the_pacer_pauses_when_the_budget_is_spent() {
    let (clock, script) = (
        clock(),
        Script::new(vec![
            response(
                200,
                &[("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "20")],
                CUSTOMER,
            ),
            response(200, &[], CUSTOMER),
        ]),
    );
    let client = Client::builder(Config::new(ApiKey::new("key").unwrap()), script.transport())
        .clock(clock.clone())
        .pacer(RatePacer::per_minute(100))
        .build();
    client.customers().get("a").unwrap();
    assert!(clock.sleeps().is_empty());
    client.customers().get("a").unwrap();
    assert_eq!(clock.sleeps(), [Duration::from_secs(20)]);
}

#[test]
fn the_pacer_holds_a_burst_to_the_budget_of_each_window() {
    let script = Script::new((0..5).map(|_| response(200, &[], CUSTOMER)).collect());
    let clock = clock();
    let client = Client::builder(Config::new(ApiKey::new("key").unwrap()), script.transport())
        .clock(clock.clone())
        .pacer(RatePacer::per_minute(2))
        .build();
    for _ in 0..5 {
        client.customers().get("a").unwrap();
    }
    // Two go at once, two when those stop counting (a minute and a sixty-fourth later), the
    // fifth when those do.
    let total: Duration = clock.sleeps().iter().sum();
    let counts_for = Duration::from_secs(60) + Duration::from_secs(60) / 64;
    assert_eq!(total, counts_for * 2);
}

#[test]
fn the_key_never_shows_in_a_client_or_its_errors() {
    let key = "sk_live_abcdef123456";
    let echo = move |r: Request<Vec<u8>>| {
        let auth = r.headers()["authorization"].to_str().unwrap().to_owned();
        Ok::<_, io::Error>(
            Response::builder()
                .status(502)
                .body(format!("<pre>{auth}</pre>").into_bytes())
                .unwrap(),
        )
    };
    let client = Client::builder(Config::new(ApiKey::new(key).unwrap()), echo)
        .clock(clock())
        .build();
    let err = client.customers().get("a").unwrap_err();
    let shown = format!("{err} {err:?} {client:?}");
    assert!(shown.contains("[redacted]"), "{shown}");
    assert!(!shown.contains(key), "{shown}");
}
