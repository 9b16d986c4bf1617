//! The promises of the newest parts held through both transports against the fake server: an
//! export that ends and yields each record once whatever the server does with its bounds, stops
//! when dropped and checks its arguments first; a capped search that ends at page 100; an upload
//! sent once; a list that ends past a repeated unreadable item; a conversation PATCH accepted in
//! the spec's type; errors that name the host and keep every secret out.
//!
//! Where a server must misbehave, the real transport is wrapped: the request still goes through
//! the socket to the fake, and the wrapper changes what the fake received or answered.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use http::{Request, Response};
use kustomer::attachments::AttachmentInput;
use kustomer::conversations::{ConversationInput, ConversationUpdate};
use kustomer::customers::{CustomerInput, SearchCustomers};
use kustomer::ops::UpdateMode;
use kustomer::search::{Criterion, SearchQuery};
use kustomer::webhooks::{GetWebhook, WebhookInput};
use kustomer::{
    ApiKey, BoxTransport, Client, Config, Error, RetryPolicy, Transport, TransportError,
    TransportOptions,
};
use kustomer_fake::{FakeKustomer, both_transports};
use serde_json::{Value, json};

mod support;
use support::exported::seeded;

type Edit = Arc<dyn Fn(&Request<Vec<u8>>, Response<Vec<u8>>) -> Response<Vec<u8>> + Send + Sync>;

/// `transport`, with what the fake received changed by `before` and what it answered by `after`.
fn wrapped(
    transport: BoxTransport,
    before: impl Fn(Request<Vec<u8>>) -> Request<Vec<u8>> + Send + Sync + 'static,
    after: Edit,
) -> BoxTransport {
    BoxTransport::new(
        move |request: Request<Vec<u8>>| -> Result<Response<Vec<u8>>, TransportError> {
            let request = before(request);
            let (parts, body) = request.into_parts();
            let copy = Request::from_parts(parts.clone(), Vec::new());
            let response = transport.send(Request::from_parts(parts, body))?;
            Ok(after(&copy, response))
        },
    )
}

fn unchanged() -> Edit {
    Arc::new(|_, response| response)
}

/// Each transport's client over `fake`, its transport wrapped.
fn clients(
    fake: &FakeKustomer,
    wrap: impl Fn(BoxTransport) -> BoxTransport,
    policy: RetryPolicy,
) -> Vec<(&'static str, Client)> {
    both_transports(TransportOptions::default())
        .unwrap()
        .into_iter()
        .map(|(name, transport)| {
            let client = Client::builder(fake.config(), wrap(transport))
                .retry_policy(policy.clone())
                .build();
            (name, client)
        })
        .collect()
}

fn exported() -> SearchQuery {
    SearchQuery::customers().and(Criterion::contains("customer_name", "Exported"))
}

fn searches(fake: &FakeKustomer) -> usize {
    fake.requests()
        .iter()
        .filter(|r| r.raw_url.starts_with("/v1/customers/search"))
        .count()
}

/// A search body without any `customer_updated_at` criterion at the top of its `and`: the fake
/// then answers as a server that ignores the bounds.
fn without_bounds(request: Request<Vec<u8>>) -> Request<Vec<u8>> {
    if !request.uri().path().ends_with("/search") {
        return request;
    }
    let (parts, body) = request.into_parts();
    let mut query: Value = serde_json::from_slice(&body).unwrap();
    if let Some(and) = query.get_mut("and").and_then(Value::as_array_mut) {
        and.retain(|c| c.get("customer_updated_at").is_none());
    }
    Request::from_parts(parts, serde_json::to_vec(&query).unwrap())
}

#[test]
fn an_export_against_a_server_ignoring_its_bounds_yields_each_record_once_and_ends() {
    for transport in ["ureq", "isahc"] {
        let fake = seeded();
        let all = clients(
            &fake,
            |t| wrapped(t, without_bounds, unchanged()),
            RetryPolicy::disabled(),
        );
        let (name, client) = all.into_iter().find(|(n, _)| *n == transport).unwrap();
        let threads = 3;
        let mut ids = Vec::new();
        let mut errors = Vec::new();
        for item in client
            .customers()
            .export(exported(), 2)
            .threads(threads)
            .start()
            .unwrap()
        {
            match item {
                Ok(customer) => ids.push(customer.id),
                Err(e) => errors.push(e),
            }
        }
        let unique: HashSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{name}: a record came twice");
        assert!(!ids.is_empty(), "{name}: the first window's records come");
        assert!(
            errors.iter().all(|e| matches!(e, Error::Pagination { .. })),
            "{name}: {errors:?}"
        );
        assert!(!errors.is_empty(), "{name}: the broken windows say so");
        // The bound the rustdoc states: 1 + 4 × (records + windows), windows ≤ 12 × threads + 1.
        let windows = 12 * threads + 1;
        let bound = 1 + 4 * (ids.len() + windows);
        let sent = searches(&fake);
        assert!(sent <= bound, "{name}: {sent} requests, over {bound}");
    }
}

#[test]
fn dropping_an_export_cuts_its_waits_short_and_no_request_leaves_after() {
    let fake = seeded();
    for transport in ["ureq", "isahc"] {
        // Every search after the range probe reaches the fake and comes back a 429 to wait out.
        let seen = Arc::new(AtomicUsize::new(0));
        let limited: Edit = Arc::new(move |request, response| {
            if !request.uri().path().ends_with("/search")
                || seen.fetch_add(1, Ordering::SeqCst) == 0
            {
                return response;
            }
            Response::builder()
                .status(429)
                .header("x-ratelimit-remaining", "0")
                .header("x-ratelimit-reset", "3")
                .body(br#"{"errors":[{"status":429,"code":"toomanyrequests"}]}"#.to_vec())
                .unwrap()
        });
        let all = clients(
            &fake,
            |t| wrapped(t, |r| r, Arc::clone(&limited)),
            RetryPolicy::default(),
        );
        let (name, client) = all.into_iter().find(|(n, _)| *n == transport).unwrap();
        let export = client
            .customers()
            .export(exported(), 2)
            .threads(2)
            .start()
            .unwrap();
        // The threads are now waiting out their 3-second resets.
        std::thread::sleep(Duration::from_millis(500));
        let started = Instant::now();
        drop(export);
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{name}: the drop waited {:?}",
            started.elapsed()
        );
        let settled = searches(&fake);
        std::thread::sleep(Duration::from_secs(4));
        assert_eq!(
            searches(&fake),
            settled,
            "{name}: a request left after the drop"
        );
    }
}

#[test]
fn an_export_refuses_its_arguments_once_before_any_request() {
    let fake = seeded();
    for (name, client) in clients(&fake, |t| t, RetryPolicy::default()) {
        let before = fake.requests().len();
        for size in [0, 501] {
            match client.customers().export(exported(), size).start() {
                Err(Error::InvalidInput(e)) => assert_eq!(e.what(), "pageSize", "{name}"),
                Err(e) => panic!("{name}: {e}"),
                Ok(_) => panic!("{name}: page size {size} accepted"),
            }
        }
        let nested = (0..12).fold(Criterion::equals("customer_name", "x"), |c, _| {
            Criterion::All(vec![c])
        });
        assert!(matches!(
            client
                .customers()
                .export(SearchQuery::customers().and(nested), 10)
                .start(),
            Err(Error::InvalidInput(_))
        ));
        assert_eq!(fake.requests().len(), before, "{name}: a request was sent");
    }
}

#[test]
fn a_capped_search_ends_after_page_100_and_says_results_were_cut() {
    let fake = seeded();
    for (name, client) in clients(&fake, |t| t, RetryPolicy::default()) {
        let mut results = client
            .customers()
            .search(SearchCustomers::new(exported()).page_size(2));
        let found = results.by_ref().collect::<Result<Vec<_>, _>>().unwrap();
        assert_eq!(found.len(), 200, "{name}");
        assert!(results.capped(), "{name}: results were left");
        assert!(
            !fake
                .requests()
                .iter()
                .any(|r| r.raw_url.contains("page=101")),
            "{name}: page 101 was asked for"
        );
        // A search that fits is not capped.
        let mut all = client
            .customers()
            .search(SearchCustomers::new(exported()).page_size(500));
        assert_eq!(all.by_ref().count(), 330, "{name}");
        assert!(!all.capped(), "{name}");
    }
}

#[test]
fn an_upload_is_sent_once_whatever_the_storage_host_answers_and_the_policy() {
    let fake = FakeKustomer::start().unwrap();
    for status in [429, 503] {
        let uploads = Arc::new(AtomicUsize::new(0));
        let count = Arc::clone(&uploads);
        let refuse: Edit = Arc::new(move |request, response| {
            if !request.uri().path().starts_with("/storage/") {
                return response;
            }
            count.fetch_add(1, Ordering::SeqCst);
            Response::builder()
                .status(status)
                .header("x-ratelimit-remaining", "0")
                .header("x-ratelimit-reset", "1")
                .body(b"<Error>busy</Error>".to_vec())
                .unwrap()
        });
        let policy = RetryPolicy::default().retry_non_idempotent(true);
        for (name, client) in clients(
            &fake,
            |t| wrapped(t, |r| r, Arc::clone(&refuse)),
            policy.clone(),
        ) {
            let before = uploads.load(Ordering::SeqCst);
            let file = b"hello".as_slice();
            let err = client
                .attachments()
                .upload(&AttachmentInput::new("hello.txt", "text/plain", 5), file)
                .unwrap_err();
            assert_eq!(
                err.status().map(|s| s.as_u16()),
                Some(status),
                "{name}: {err}"
            );
            assert_eq!(
                uploads.load(Ordering::SeqCst) - before,
                1,
                "{name}: {status} resent the file"
            );
        }
    }
}

#[test]
fn a_list_ends_when_every_page_repeats_one_unreadable_item() {
    let fake = FakeKustomer::start().unwrap();
    // Every page of conversations: the same unreadable item, and a link to one more page.
    let endless: Edit = Arc::new(|request, response| {
        if request.uri().path() != "/v1/conversations" {
            return response;
        }
        let page: usize = request
            .uri()
            .query()
            .and_then(|q| q.split('&').find_map(|p| p.strip_prefix("page=")))
            .and_then(|p| p.parse().ok())
            .unwrap_or(1);
        let body = json!({"data": [{"type": "conversation", "id": null}],
            "links": {"next": format!("/v1/conversations?page={}", page + 1)}});
        Response::new(body.to_string().into_bytes())
    });
    for (name, client) in clients(
        &fake,
        |t| wrapped(t, |r| r, Arc::clone(&endless)),
        RetryPolicy::default(),
    ) {
        let items: Vec<_> = client
            .conversations()
            .list(kustomer::conversations::ListConversations::new())
            .take(50)
            .collect();
        assert!(items.len() < 50, "{name}: the list did not end");
        let bad = items
            .iter()
            .filter(|i| matches!(i, Err(Error::BadRecord(_))))
            .count();
        assert_eq!(bad, 1, "{name}: the item is reported once");
        assert!(
            matches!(items.last(), Some(Err(Error::Pagination { .. }))),
            "{name}: {items:?}"
        );
    }
}

#[test]
fn a_conversation_patch_accepts_the_type_the_spec_answers_in() {
    let fake = FakeKustomer::start().unwrap();
    for (name, client) in clients(&fake, |t| t, RetryPolicy::default()) {
        let ada = client
            .customers()
            .create(&CustomerInput::new().name("Ada"))
            .unwrap();
        let ticket = client
            .conversations()
            .create_for_customer(&ada.id, &ConversationInput::new().name("Patch me"))
            .unwrap();
        let done = client
            .conversations()
            .update(
                &ticket.id,
                &ConversationUpdate::new().status(kustomer::models::ConversationStatus::Done),
                UpdateMode::Patch,
            )
            .unwrap();
        assert_eq!(
            done.attributes.status,
            Some(kustomer::models::ConversationStatus::Done),
            "{name}"
        );
        let patch = fake
            .requests()
            .into_iter()
            .rev()
            .find(|r| r.method == "PATCH")
            .unwrap();
        assert!(
            patch
                .header("accept")
                .unwrap()
                .contains("application/json-patch+json"),
            "{name}"
        );
    }
}

#[test]
fn a_401_names_the_host_and_never_the_key() {
    let fake = FakeKustomer::start().unwrap();
    let key = "sk-wrong-region-0123456789";
    for (name, transport) in both_transports(TransportOptions::default()).unwrap() {
        let client = Client::new(
            Config::new(ApiKey::new(key).unwrap()).with_base_url(fake.config().base_url().clone()),
            transport,
        );
        let err = client
            .customers()
            .get(kustomer_fake::SPEC_CUSTOMER_ID)
            .unwrap_err();
        let shown = format!("{err} {err:?}");
        assert!(err.is_unauthorized(), "{name}: {shown}");
        assert!(shown.contains("check the API key"), "{name}: {shown}");
        assert!(shown.contains("region"), "{name}: {shown}");
        assert!(shown.contains("127.0.0.1"), "{name}: {shown}");
        assert!(!shown.contains(key), "{name}: {shown}");
    }
}

#[test]
fn a_webhook_token_the_server_sends_is_in_no_error() {
    let fake = FakeKustomer::start().unwrap();
    let captured = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = Arc::clone(&captured);
    // A webhook's get comes back cut off just after its token.
    let cut: Edit = Arc::new(move |request, response| {
        if request.method() != http::Method::GET
            || !request.uri().path().starts_with("/v1/outbound-webhooks/")
        {
            return response;
        }
        let text = String::from_utf8(response.body().clone()).unwrap();
        let at = text.find("\"token\"").unwrap();
        let end = text[at..].find(",").map_or(text.len(), |e| at + e);
        sink.lock().unwrap().push(text.clone());
        Response::new(text.as_bytes()[..end].to_vec())
    });
    for (name, client) in clients(
        &fake,
        |t| wrapped(t, |r| r, Arc::clone(&cut)),
        RetryPolicy::default(),
    ) {
        let input = WebhookInput::new("sync", "https://example.com/hook")
            .event("kustomer.conversation.create")
            .header("x-shared-secret", "header-secret-value");
        let hook = client.webhooks().create(&input).unwrap();
        let token = hook
            .attributes
            .token
            .as_ref()
            .unwrap()
            .expose_secret()
            .to_owned();
        let err = client.execute(&GetWebhook::new(&hook.id)).unwrap_err();
        assert!(matches!(err, Error::Decode(_)), "{name}: {err:?}");
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains(&token), "{name}: {shown}");
        assert!(!shown.contains("header-secret-value"), "{name}: {shown}");
    }
    assert!(!captured.lock().unwrap().is_empty());
}
