//! `GET /v1/customers/{id}` end to end: every case through both transports, over real sockets, against
//! the fake Kustomer server on 127.0.0.1. Retries are off here, so each case shows how one response
//! maps to a result; `fault_matrix.rs` covers retries.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use http::{Response, StatusCode};
use kustomer::customers::GetCustomer;
use kustomer::{Client, Error, Operation, RetryPolicy, TransportErrorKind, TransportOptions};
use kustomer_fake::{
    FAKE_API_KEY, FakeKustomer, Fault, QUIRKY_CUSTOMER_ID, SPEC_CUSTOMER_ID, UNICODE_CUSTOMER_ID,
    both_transports, clients_with,
};

const SPEC_DOC: &str = include_str!("../fixtures/customer_get_spec.json");
const QUIRKY_DOC: &str = include_str!("../fixtures/customer_get_quirky.json");

fn clients(server: &FakeKustomer, settings: TransportOptions) -> Vec<(&'static str, Client)> {
    clients_with(&server.config(), settings, |b| {
        b.retry_policy(RetryPolicy::disabled())
    })
    .unwrap()
}

fn default_clients(server: &FakeKustomer) -> Vec<(&'static str, Client)> {
    clients(server, TransportOptions::default())
}

/// What the core makes of the same bytes without any network.
fn parsed_offline(id: &str, doc: &str) -> kustomer::models::Customer {
    GetCustomer::new(id)
        .parse(Response::new(doc.as_bytes().to_vec()))
        .unwrap()
}

#[test]
fn found_customers_arrive_complete() {
    let server = FakeKustomer::start().unwrap();
    for (name, client) in default_clients(&server) {
        let spec = client.customers().get(SPEC_CUSTOMER_ID).unwrap();
        // Every field, nested ones and the raw document included, equals the offline parse of
        // the fixture: the transport delivered the bytes intact.
        assert_eq!(spec, parsed_offline(SPEC_CUSTOMER_ID, SPEC_DOC), "{name}");
        assert_eq!(spec.raw_document(), Some(SPEC_DOC), "{name}");
        assert_eq!(
            spec.attributes.name.as_deref(),
            Some("John Smith Jr."),
            "{name}"
        );
        assert_eq!(spec.attributes.rev, Some(37), "{name}");
        assert_eq!(
            spec.attributes.emails[0].email.as_deref(),
            Some("abu@kustomer.com"),
            "{name}"
        );

        let quirky = client.customers().get(QUIRKY_CUSTOMER_ID).unwrap();
        assert_eq!(
            quirky,
            parsed_offline(QUIRKY_CUSTOMER_ID, QUIRKY_DOC),
            "{name}"
        );
        assert_eq!(quirky.attributes.locale, None, "{name}");
        assert_eq!(
            quirky.attributes.first_name.as_deref(),
            Some("Zoë"),
            "{name}"
        );

        let unicode = client.customers().get(UNICODE_CUSTOMER_ID).unwrap();
        assert_eq!(unicode.id, UNICODE_CUSTOMER_ID, "{name}");
        assert_eq!(
            unicode.attributes.name.as_deref(),
            Some("Ünïcødé 名前"),
            "{name}"
        );
    }
}

#[test]
fn requests_carry_the_right_headers_and_an_intact_id() {
    let server = FakeKustomer::start().unwrap();
    for (name, client) in default_clients(&server) {
        let before = server.requests().len();
        client.customers().get(UNICODE_CUSTOMER_ID).unwrap();
        let requests = server.requests();
        let seen = &requests[before];
        assert_eq!(seen.method, "GET", "{name}");
        assert_eq!(
            seen.customer_id.as_deref(),
            Some(UNICODE_CUSTOMER_ID),
            "{name}"
        );
        assert!(
            seen.raw_url.starts_with("/v1/customers/") && !seen.raw_url.contains('?'),
            "{name}: {}",
            seen.raw_url
        );
        assert_eq!(
            seen.header("authorization"),
            Some(format!("Bearer {FAKE_API_KEY}").as_str()),
            "{name}"
        );
        assert_eq!(seen.header("accept"), Some("application/json"), "{name}");
        assert_eq!(
            seen.header("user-agent"),
            Some(kustomer::USER_AGENT_VALUE),
            "{name}"
        );
    }
}

#[test]
fn unknown_ids_are_a_testable_not_found() {
    let server = FakeKustomer::start().unwrap();
    for (name, client) in default_clients(&server) {
        for id in [
            "000000000000000000000000",
            "../../orgs/me",
            "x?admin=1",
            "%2e%2e",
        ] {
            let err = client.customers().get(id).unwrap_err();
            assert!(err.is_not_found(), "{name} {id:?}: {err:?}");
            let entry = &err.api_error().unwrap().errors[0];
            assert_eq!(entry.code.as_deref(), Some("notfound"), "{name}");
            assert_eq!(entry.status, Some(404), "{name}");
        }
        // The hostile IDs reached the server as opaque IDs under /v1/customers/.
        let decoded: Vec<_> = server
            .requests()
            .into_iter()
            .filter_map(|r| r.customer_id)
            .collect();
        assert!(
            decoded.contains(&"../../orgs/me".to_owned()),
            "{name}: {decoded:?}"
        );
        assert!(
            decoded.contains(&"x?admin=1".to_owned()),
            "{name}: {decoded:?}"
        );
    }
}

#[test]
fn unusable_ids_are_refused_before_any_io() {
    let server = FakeKustomer::start().unwrap();
    for (name, client) in default_clients(&server) {
        for id in ["", "..", ".", "a\r\nX-Injected: 1", "tab\there"] {
            let err = client.customers().get(id).unwrap_err();
            assert!(
                matches!(err, Error::InvalidInput(_)),
                "{name} {id:?}: {err:?}"
            );
        }
    }
    assert_eq!(server.served(), 0, "nothing reached the server");
}

#[test]
fn a_wrong_key_is_unauthorized_and_never_echoed() {
    let server = FakeKustomer::start().unwrap();
    let wrong_key = "wrong-key-5f2b9c";
    for (name, transport) in both_transports(TransportOptions::default()).unwrap() {
        let client = Client::new(server.config_with_key(wrong_key), transport);
        let err = client.customers().get(SPEC_CUSTOMER_ID).unwrap_err();
        assert!(err.is_unauthorized(), "{name}: {err:?}");
        assert_eq!(err.status(), Some(StatusCode::UNAUTHORIZED), "{name}");
        let shown = format!("{err} {err:?} {client:?}");
        assert!(!shown.contains(wrong_key), "{name}: {shown}");
    }
}

#[test]
fn a_proxys_html_502_page_is_an_api_error_with_an_excerpt() {
    let server = FakeKustomer::start().unwrap();
    for (name, client) in default_clients(&server) {
        server.fail_next(Fault::HtmlPage(502));
        let err = client.customers().get(SPEC_CUSTOMER_ID).unwrap_err();
        assert_eq!(err.status(), Some(StatusCode::BAD_GATEWAY), "{name}");
        let api = err.api_error().unwrap();
        assert!(api.errors.is_empty(), "{name}");
        let excerpt = api.body_excerpt.as_deref().unwrap();
        assert!(
            excerpt.contains("<title>502 Bad Gateway</title>"),
            "{name}: {excerpt}"
        );
        assert!(!err.to_string().contains('\n'), "{name}: one line");
    }
}

#[test]
fn api_errors_keep_every_entry() {
    let server = FakeKustomer::start().unwrap();
    for (name, client) in default_clients(&server) {
        server.fail_next(Fault::Status {
            status: 400,
            content_type: "application/json",
            body: r#"{"errors":[{"status":"400","code":"badparam","title":"one"},{"code":"bad_request","message":"two","meta":{}}]}"#.into(),
        });
        let err = client.customers().get(SPEC_CUSTOMER_ID).unwrap_err();
        let api = err.api_error().unwrap();
        assert_eq!(api.errors.len(), 2, "{name}");
        assert_eq!(api.errors[0].title.as_deref(), Some("one"), "{name}");
        assert_eq!(api.errors[1].message.as_deref(), Some("two"), "{name}");
    }
}

#[test]
fn truncated_json_is_a_decode_error_with_its_position() {
    let server = FakeKustomer::start().unwrap();
    for (name, client) in default_clients(&server) {
        server.fail_next(Fault::TruncatedJson);
        match client.customers().get(SPEC_CUSTOMER_ID) {
            Err(Error::Decode(e)) => {
                assert_eq!(e.status, StatusCode::OK, "{name}");
                assert_eq!(e.line, 1, "{name}");
                assert_eq!(e.column, 88, "{name}: the end of the cut-off body");
                assert!(e.message.contains("EOF"), "{name}: {e}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn bodies_over_the_cap_are_a_typed_error_not_a_truncation() {
    let server = FakeKustomer::start().unwrap();
    let cap = 4096;
    let settings = TransportOptions::default().max_body_size(cap);
    for (name, client) in clients(&server, settings) {
        for (fault, what) in [
            (Fault::Oversized(cap as usize + 1), "declared length"),
            (Fault::OversizedChunked(cap as usize + 1), "chunked"),
            (Fault::OversizedChunked(1024 * 1024), "chunked, far over"),
        ] {
            server.fail_next(fault);
            match client.customers().get(SPEC_CUSTOMER_ID) {
                Err(Error::Transport(e)) => {
                    assert_eq!(
                        e.kind(),
                        TransportErrorKind::BodyTooLarge,
                        "{name} {what}: {e}"
                    );
                    assert!(e.to_string().contains("4096"), "{name}: {e}");
                }
                other => panic!("{name} {what}: {other:?}"),
            }
        }
        // Exactly at the cap is read whole (and then is not a customer).
        server.fail_next(Fault::OversizedChunked(cap as usize));
        let err = client.customers().get(SPEC_CUSTOMER_ID).unwrap_err();
        assert!(matches!(err, Error::Decode(_)), "{name}: {err:?}");
        // The connection pool survives: the next call works.
        assert!(client.customers().get(SPEC_CUSTOMER_ID).is_ok(), "{name}");
    }
}

#[test]
fn the_default_cap_is_ten_mebibytes() {
    let server = FakeKustomer::start().unwrap();
    for (name, client) in default_clients(&server) {
        server.fail_next(Fault::OversizedChunked(10 * 1024 * 1024 + 1));
        let err = client.customers().get(SPEC_CUSTOMER_ID).unwrap_err();
        assert!(
            matches!(&err, Error::Transport(e) if e.kind() == TransportErrorKind::BodyTooLarge),
            "{name}: {err:?}"
        );
    }
}

#[test]
fn a_slow_server_times_out_within_bound() {
    let server = FakeKustomer::start().unwrap();
    let settings = TransportOptions::default().timeout(Duration::from_millis(300));
    for (name, client) in clients(&server, settings) {
        server.fail_next(Fault::Delay(Duration::from_secs(5)));
        let started = Instant::now();
        let err = client.customers().get(SPEC_CUSTOMER_ID).unwrap_err();
        let took = started.elapsed();
        assert!(err.is_timeout(), "{name}: {err:?}");
        // Generous margins for a loaded machine: not before the timeout, and not the full 5 s.
        assert!(took >= Duration::from_millis(250), "{name}: took {took:?}");
        assert!(took < Duration::from_secs(4), "{name}: took {took:?}");
    }
}

#[test]
fn rate_limit_headers_are_readable_from_replies_and_429s() {
    let server = FakeKustomer::start().unwrap();
    for (name, client) in default_clients(&server) {
        let reply = client
            .execute_reply(&GetCustomer::new(SPEC_CUSTOMER_ID))
            .unwrap();
        assert_eq!(reply.status, StatusCode::OK, "{name}");
        assert_eq!(reply.rate_limit.limit, Some(1000), "{name}");
        assert!(
            reply.rate_limit.remaining.is_some_and(|r| r < 1000),
            "{name}"
        );
        assert_eq!(reply.rate_limit.reset, Some(60), "{name}");

        server.fail_next(Fault::RateLimited { reset_secs: 17 });
        match client.customers().get(SPEC_CUSTOMER_ID) {
            Err(Error::RateLimited { rate_limit, error }) => {
                assert_eq!(rate_limit.remaining, Some(0), "{name}");
                assert_eq!(rate_limit.reset, Some(17), "{name}");
                assert_eq!(
                    error.errors[0].code.as_deref(),
                    Some("toomanyrequests"),
                    "{name}"
                );
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn one_client_serves_many_threads() {
    let server = FakeKustomer::start().unwrap();
    for (name, client) in default_clients(&server) {
        let client = Arc::new(client);
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let client = client.clone();
                thread::spawn(move || {
                    (0..25)
                        .filter(|_| client.customers().get(SPEC_CUSTOMER_ID).is_ok())
                        .count()
                })
            })
            .collect();
        let ok: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
        assert_eq!(ok, 100, "{name}");
    }
}

#[test]
fn a_get_goes_without_a_body_or_its_headers() {
    let server = FakeKustomer::start().unwrap();
    for (name, client) in default_clients(&server) {
        client.customers().get(SPEC_CUSTOMER_ID).unwrap();
        let requests = server.requests();
        let get = requests.last().unwrap();
        assert_eq!(get.method, "GET", "{name}");
        assert!(get.body.is_empty(), "{name}");
        let names: Vec<&str> = get.headers.iter().map(|(n, _)| n.as_str()).collect();
        assert!(
            !names.contains(&"content-length") && !names.contains(&"content-type"),
            "{name}: {names:?}"
        );
    }
}
