//! The fault matrix: every failure a real network and a real Kustomer produce, through both
//! transports against the fake server, with the client's default retry policy. Waits between
//! attempts go through a manual clock, so no test sleeps for a backoff or a rate-limit window.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::time::{Duration, Instant, UNIX_EPOCH};

use http::{Method, Request, Response, StatusCode};
use kustomer::{
    ApiKey, BaseUrl, Client, Config, Error, ManualClock, Operation, RetryPolicy,
    TransportErrorKind, TransportOptions,
};
use kustomer_fake::{FakeKustomer, Fault, SPEC_CUSTOMER_ID, both_transports, clients_with};

fn clock() -> ManualClock {
    ManualClock::new(UNIX_EPOCH + Duration::from_secs(1_700_000_000))
}

/// Clients with the default retry policy and a manual clock (returned for inspection).
fn retrying(
    config: &Config,
    options: TransportOptions,
) -> Vec<(&'static str, Client, ManualClock)> {
    both_transports(options)
        .unwrap()
        .into_iter()
        .map(|(name, transport)| {
            let clock = clock();
            let client = Client::builder(config.clone(), transport)
                .clock(clock.clone())
                .jitter(|| 0.5)
                .build();
            (name, client, clock)
        })
        .collect()
}

fn default_retrying(server: &FakeKustomer) -> Vec<(&'static str, Client, ManualClock)> {
    retrying(&server.config(), TransportOptions::default())
}

/// A create: a POST that must never be sent twice by default.
struct Create;

impl Operation for Create {
    type Output = ();
    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        config.request(
            Method::POST,
            "/customers",
            Some(br#"{"name":"Ada"}"#.to_vec()),
        )
    }
    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        kustomer::error_for_status(&response).map_or(Ok(()), Err)
    }
}

#[test]
fn connection_refused_is_retried_then_a_connect_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base: BaseUrl = format!("http://127.0.0.1:{port}").parse().unwrap();
    let config = Config::new(ApiKey::new("key").unwrap()).with_base_url(base);
    for (name, client, clock) in retrying(&config, TransportOptions::default()) {
        let err = client.customers().get(SPEC_CUSTOMER_ID).unwrap_err();
        assert_eq!(
            err.transport_kind(),
            Some(TransportErrorKind::Connect),
            "{name}: {err:?}"
        );
        assert_eq!(err.attempts(), 4, "{name}");
        assert_eq!(clock.sleeps().len(), 3, "{name}");
    }
}

#[test]
fn a_connection_closed_mid_body_is_retried_for_a_get() {
    let server = FakeKustomer::start().unwrap();
    for (name, client, clock) in default_retrying(&server) {
        // Cut once: the retry goes through.
        server.fail_next(Fault::CloseMidBody);
        let reply = client
            .execute_reply(&kustomer::customers::GetCustomer::new(SPEC_CUSTOMER_ID))
            .unwrap();
        assert_eq!(reply.value.id, SPEC_CUSTOMER_ID, "{name}");
        assert_eq!(reply.attempts, 2, "{name}");
        assert_eq!(clock.sleeps().len(), 1, "{name}");

        // Cut every time: an I/O error after the last attempt.
        for _ in 0..4 {
            server.fail_next(Fault::CloseMidBody);
        }
        let before = server.served();
        let err = client.customers().get(SPEC_CUSTOMER_ID).unwrap_err();
        assert_eq!(
            server.served() - before,
            4,
            "{name}: one request per attempt"
        );
        assert_eq!(
            err.transport_kind(),
            Some(TransportErrorKind::Io),
            "{name}: {err:?}"
        );
        assert_eq!(err.attempts(), 4, "{name}");
    }
}

#[test]
fn a_connection_closed_mid_body_without_retries_is_an_io_error() {
    let server = FakeKustomer::start().unwrap();
    let no_retries = |b: kustomer::ClientBuilder| b.retry_policy(RetryPolicy::disabled());
    for (name, client) in
        clients_with(&server.config(), TransportOptions::default(), no_retries).unwrap()
    {
        server.fail_next(Fault::CloseMidBody);
        let err = client.customers().get(SPEC_CUSTOMER_ID).unwrap_err();
        assert_eq!(
            err.transport_kind(),
            Some(TransportErrorKind::Io),
            "{name}: {err:?}"
        );
        assert_eq!(err.attempts(), 1, "{name}");
        // The pool recovers: the next call opens a new connection.
        assert!(client.customers().get(SPEC_CUSTOMER_ID).is_ok(), "{name}");
    }
}

#[test]
fn a_response_slower_than_the_timeout_is_retried_then_served() {
    let server = FakeKustomer::start().unwrap();
    let settings = TransportOptions::default().timeout(Duration::from_millis(300));
    for (name, client, _) in retrying(&server.config(), settings) {
        server.fail_next(Fault::Delay(Duration::from_secs(3)));
        let started = Instant::now();
        let reply = client
            .execute_reply(&kustomer::customers::GetCustomer::new(SPEC_CUSTOMER_ID))
            .unwrap();
        assert_eq!(reply.attempts, 2, "{name}");
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{name}: {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn a_429_with_reset_waits_for_it_then_succeeds() {
    let server = FakeKustomer::start().unwrap();
    for (name, client, clock) in default_retrying(&server) {
        server.fail_next(Fault::RateLimited { reset_secs: 42 });
        let reply = client
            .execute_reply(&kustomer::customers::GetCustomer::new(SPEC_CUSTOMER_ID))
            .unwrap();
        assert_eq!(reply.attempts, 2, "{name}");
        // The reset, plus half a base delay of jitter.
        assert_eq!(clock.sleeps(), [Duration::from_millis(42_125)], "{name}");
    }
}

#[test]
fn a_503_twice_then_success_is_retried_for_a_get() {
    let server = FakeKustomer::start().unwrap();
    for (name, client, clock) in default_retrying(&server) {
        let before = server.served();
        server.fail_next(Fault::api_error(503, "unavailable", "Service Unavailable"));
        server.fail_next(Fault::HtmlPage(503));
        let customer = client.customers().get(SPEC_CUSTOMER_ID).unwrap();
        assert_eq!(customer.id, SPEC_CUSTOMER_ID, "{name}");
        assert_eq!(server.served() - before, 3, "{name}");
        assert_eq!(clock.sleeps().len(), 2, "{name}");
    }
}

#[test]
fn a_500_on_a_create_is_not_retried() {
    let server = FakeKustomer::start().unwrap();
    for (name, client, clock) in default_retrying(&server) {
        let before = server.requests().len();
        server.fail_next(Fault::api_error(500, "internal", "Internal Server Error"));
        let err = client.execute(&Create).unwrap_err();
        assert_eq!(
            err.status(),
            Some(StatusCode::INTERNAL_SERVER_ERROR),
            "{name}"
        );
        assert_eq!(err.attempts(), 1, "{name}");
        let posts = server.requests()[before..]
            .iter()
            .filter(|r| r.method == "POST")
            .count();
        assert_eq!(posts, 1, "{name}: the create was sent once");
        assert!(clock.sleeps().is_empty(), "{name}");
    }
}

#[test]
fn truncated_json_is_a_decode_error_and_not_retried() {
    let server = FakeKustomer::start().unwrap();
    for (name, client, _) in default_retrying(&server) {
        let before = server.served();
        server.fail_next(Fault::TruncatedJson);
        let err = client.customers().get(SPEC_CUSTOMER_ID).unwrap_err();
        assert!(matches!(err, Error::Decode(_)), "{name}: {err:?}");
        assert_eq!(server.served() - before, 1, "{name}");
    }
}

#[test]
fn an_html_502_page_is_retried_and_in_the_end_reported_with_its_excerpt() {
    let server = FakeKustomer::start().unwrap();
    for (name, client, _) in default_retrying(&server) {
        server.fail_next(Fault::HtmlPage(502));
        assert!(
            client.customers().get(SPEC_CUSTOMER_ID).is_ok(),
            "{name}: one bad page is retried"
        );
        for _ in 0..4 {
            server.fail_next(Fault::HtmlPage(502));
        }
        let err = client.customers().get(SPEC_CUSTOMER_ID).unwrap_err();
        assert_eq!(err.attempts(), 4, "{name}");
        assert_eq!(err.status(), Some(StatusCode::BAD_GATEWAY), "{name}");
        let excerpt = err.api_error().unwrap().body_excerpt.clone().unwrap();
        assert!(excerpt.contains("502 Bad Gateway"), "{name}: {excerpt}");
        assert!(
            err.to_string()
                .starts_with("gave up after 4 attempts: API error: 502"),
            "{name}: {err}"
        );
    }
}

#[test]
fn an_empty_200_is_a_decode_error() {
    let server = FakeKustomer::start().unwrap();
    for (name, client, _) in default_retrying(&server) {
        server.fail_next(Fault::EmptyOk);
        match client.customers().get(SPEC_CUSTOMER_ID) {
            Err(Error::Decode(e)) => {
                assert!(
                    e.message.contains("EOF while parsing a value"),
                    "{name}: {e}"
                );
                assert_eq!((e.line, e.column), (1, 0), "{name}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn an_oversized_body_is_a_typed_error_and_not_retried() {
    let server = FakeKustomer::start().unwrap();
    let settings = TransportOptions::default().max_body_size(64 * 1024);
    for (name, client, _) in retrying(&server.config(), settings) {
        let before = server.served();
        server.fail_next(Fault::OversizedChunked(1024 * 1024));
        let err = client.customers().get(SPEC_CUSTOMER_ID).unwrap_err();
        assert_eq!(
            err.transport_kind(),
            Some(TransportErrorKind::BodyTooLarge),
            "{name}"
        );
        assert_eq!(server.served() - before, 1, "{name}");
    }
}

#[test]
fn a_redirect_to_another_host_is_not_followed_and_no_key_goes_there() {
    let server = FakeKustomer::start().unwrap();
    let elsewhere = FakeKustomer::start().unwrap();
    for (name, client, _) in default_retrying(&server) {
        let location = format!("{}/v1/customers/{SPEC_CUSTOMER_ID}", elsewhere.base_url());
        server.fail_next(Fault::Redirect {
            status: 302,
            location: location.clone(),
        });
        match client.customers().get(SPEC_CUSTOMER_ID) {
            Err(Error::Redirect {
                status,
                location: Some(seen),
            }) => {
                assert_eq!(status, StatusCode::FOUND, "{name}");
                assert_eq!(seen, location, "{name}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    assert!(
        elsewhere.requests().is_empty(),
        "the other host got {:?}",
        elsewhere.requests()
    );
}
