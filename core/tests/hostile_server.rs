//! A broken or hostile server, and a careless caller, against the client: every walk ends and
//! yields each record once, the key never shows in an error, waiting is bounded, nothing panics,
//! input the API would refuse never leaves, and one bad record does not lose a page.
//!
//! The "servers" are closures behind the client's `Transport` seam: no network, no sleeping (a
//! manual clock). Each one stops answering after `CAP` requests, so that a client that would
//! loop forever fails the test instead of hanging it.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::{Request, Response};
use kustomer::customers::{CustomerInput, ListCustomers, LocationInput, SearchCustomers};
use kustomer::page::resolve_next_link;
use kustomer::search::{Criterion, SearchQuery, SortOrder};
use kustomer::{
    ApiKey, BaseUrl, Client, Clock, Config, Error, ManualClock, RatePacer, RetryPolicy,
};
use serde_json::{Value, json};

/// The key every test uses; servers echo it back wherever they can.
const KEY: &str = "sk-test-echoed-0123456789abcdef";
/// Requests after which a server gives up (answers 599), so a looping client fails, not hangs.
const CAP: usize = 2_000;

type Server = Box<
    dyn Fn(Request<Vec<u8>>) -> Result<Response<Vec<u8>>, std::io::Error> + Send + Sync + 'static,
>;

fn clock() -> ManualClock {
    ManualClock::new(UNIX_EPOCH + Duration::from_secs(1_700_000_000))
}

fn respond(status: u16, body: impl Into<Vec<u8>>) -> Response<Vec<u8>> {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(body.into())
        .unwrap()
}

/// A server from a handler of (request, number of requests so far), with the cap, and the
/// counter of requests it got.
fn server(
    handler: impl Fn(&Request<Vec<u8>>, usize) -> Response<Vec<u8>> + Send + Sync + 'static,
) -> (Server, Arc<AtomicUsize>) {
    let count = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&count);
    let server: Server = Box::new(move |request| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        if n >= CAP {
            return Ok(respond(599, "the client does not stop"));
        }
        Ok(handler(&request, n))
    });
    (server, count)
}

fn config() -> Config {
    Config::new(ApiKey::new(KEY).unwrap())
}

fn client(server: Server) -> (Client<Server>, ManualClock) {
    let clock = clock();
    let client = Client::builder(config(), server)
        .clock(clock.clone())
        .jitter(|| 0.5)
        .build();
    (client, clock)
}

fn query_param(request: &Request<Vec<u8>>, name: &str) -> Option<String> {
    request.uri().query()?.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name).then(|| v.to_owned())
    })
}

fn page_number(request: &Request<Vec<u8>>) -> usize {
    query_param(request, "page")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1)
}

fn customer(id: &str, updated_at: &str) -> Value {
    json!({"type": "customer", "id": id, "attributes": {"updatedAt": updated_at}})
}

fn at(n: usize) -> String {
    format!("2024-01-01T00:00:{:02}.{:03}Z", n / 1000, n % 1000)
}

/// Every item of an iterator up to and including its first error (which ends most walks).
fn drain<T>(iter: impl Iterator<Item = Result<T, Error>>) -> (Vec<T>, Option<Error>) {
    let mut items = Vec::new();
    for item in iter {
        match item {
            Ok(item) => items.push(item),
            Err(e) => return (items, Some(e)),
        }
    }
    (items, None)
}

fn ids(customers: &[kustomer::models::Customer]) -> Vec<String> {
    customers.iter().map(|c| c.id.clone()).collect()
}

fn assert_unique(ids: &[String]) {
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "a record came twice");
}

fn assert_pagination(error: Option<Error>, requests: usize, bound: usize) {
    match error {
        Some(Error::Pagination { reason }) => {
            assert!(
                requests <= bound,
                "{requests} requests before stopping: {reason}"
            )
        }
        other => panic!("expected a pagination error after {requests} requests: {other:?}"),
    }
}

/// The search body's `customer_updated_at >= floor`, if the walk sent one.
fn floor_of(request: &Request<Vec<u8>>) -> Option<String> {
    let body: Value = serde_json::from_slice(request.body()).ok()?;
    body["and"].as_array()?.iter().find_map(|c| {
        c.get("customer_updated_at")?
            .get("gte")?
            .as_str()
            .map(str::to_owned)
    })
}

// ---- Every walk ends, and yields each record once ------------------------------------------

#[test]
fn search_all_stops_when_the_server_ignores_the_lower_bound() {
    // 300 records with distinct times, pages of 2: a window holds 200. The server never applies
    // the bound, so the second window starts over from the first record.
    let (server, requests) = server(|request, _| {
        let page = page_number(request);
        let items: Vec<Value> = (0..300)
            .skip((page - 1) * 2)
            .take(2)
            .map(|n| customer(&format!("c{n}"), &at(n)))
            .collect();
        let next = (page < 150).then(|| format!("/v1/customers/search?page={}", page + 1));
        respond(
            200,
            json!({"data": items, "links": {"next": next}}).to_string(),
        )
    });
    let (client, _) = client(server);
    let (found, error) = drain(client.customers().search_all(SearchQuery::customers(), 2));
    assert_unique(&ids(&found));
    assert_eq!(found.len(), 200, "the first window is whole");
    assert_pagination(error, requests.load(Ordering::SeqCst), 101);
}

#[test]
fn search_all_stops_when_the_server_repeats_one_page() {
    for times in [["2024-01-01T00:00:00.000Z", "2024-01-02T00:00:00.000Z"]; 1]
        .into_iter()
        .chain([["2024-01-01T00:00:00.000Z"; 2]])
    {
        // The same full page, with the same `next`, whatever is asked.
        let (server, requests) = server(move |_, _| {
            let items = [customer("a", times[0]), customer("b", times[1])];
            respond(
                200,
                json!({"data": items, "links": {"next": "/v1/customers/search?page=2"}})
                    .to_string(),
            )
        });
        let (client, _) = client(server);
        let (found, error) = drain(client.customers().search_all(SearchQuery::customers(), 2));
        assert_eq!(ids(&found), ["a", "b"], "{times:?}");
        assert_pagination(error, requests.load(Ordering::SeqCst), 5);
    }
}

#[test]
fn search_all_refuses_results_newest_first() {
    let (server, requests) = server(|request, _| {
        let page = page_number(request);
        let items: Vec<Value> = (0..10)
            .rev()
            .skip((page - 1) * 2)
            .take(2)
            .map(|n| customer(&format!("c{n}"), &at(n)))
            .collect();
        let next = (page < 5).then(|| format!("/v1/customers/search?page={}", page + 1));
        respond(
            200,
            json!({"data": items, "links": {"next": next}}).to_string(),
        )
    });
    let (client, _) = client(server);
    let (found, error) = drain(client.customers().search_all(SearchQuery::customers(), 2));
    assert!(found.len() <= 1, "{:?}", ids(&found));
    assert_pagination(error, requests.load(Ordering::SeqCst), 1);
}

#[test]
fn search_all_still_walks_an_honest_server_past_the_cap() {
    // The bound is honoured, and 250 records share one time across the window boundary.
    let time = |n: usize| if (150..400).contains(&n) { 150 } else { n };
    let (server, _) = server(move |request, _| {
        let floor = floor_of(request);
        let page = page_number(request);
        let matching: Vec<usize> = (0..600)
            .filter(|&n| floor.as_deref().is_none_or(|f| at(time(n)).as_str() >= f))
            .collect();
        let items: Vec<Value> = matching
            .iter()
            .skip((page - 1) * 3)
            .take(3)
            .map(|&n| customer(&format!("c{n}"), &at(time(n))))
            .collect();
        let next =
            (matching.len() > page * 3).then(|| format!("/v1/customers/search?page={}", page + 1));
        respond(
            200,
            json!({"data": items, "links": {"next": next}}).to_string(),
        )
    });
    let (client, _) = client(server);
    let (found, error) = drain(client.customers().search_all(SearchQuery::customers(), 3));
    assert!(error.is_none(), "{error:?}");
    assert_eq!(found.len(), 600);
    assert_unique(&ids(&found));
}

#[test]
fn a_list_of_empty_pages_with_new_links_ends() {
    let (server, requests) = server(|request, _| {
        let page = page_number(request);
        respond(
            200,
            json!({"data": [], "links": {"next": format!("/v1/customers?page={}", page + 1)}})
                .to_string(),
        )
    });
    let (client, _) = client(server);
    let (found, error) = drain(client.customers().list(ListCustomers::new()));
    assert!(found.is_empty());
    assert_pagination(error, requests.load(Ordering::SeqCst), 3);
}

#[test]
fn a_list_repeating_its_items_ends_and_yields_each_once() {
    let (server, requests) = server(|request, _| {
        let page = page_number(request);
        let items = [customer("a", &at(1)), customer("b", &at(2))];
        respond(
            200,
            json!({"data": items, "links": {"next": format!("/v1/customers?page={}", page + 1)}})
                .to_string(),
        )
    });
    let (client, _) = client(server);
    let (found, error) = drain(client.customers().list(ListCustomers::new()));
    assert_eq!(ids(&found), ["a", "b"]);
    assert_pagination(error, requests.load(Ordering::SeqCst), 4);
}

#[test]
fn a_first_page_linking_to_itself_yields_its_items_once() {
    let (server, requests) = server(|_, _| {
        let items = [customer("a", &at(1)), customer("b", &at(2))];
        respond(
            200,
            json!({"data": items, "links": {"next": "/v1/customers?pageSize=2"}}).to_string(),
        )
    });
    let (client, _) = client(server);
    let (found, error) = drain(client.customers().list(ListCustomers::new().page_size(2)));
    assert_eq!(ids(&found), ["a", "b"]);
    assert_pagination(error, requests.load(Ordering::SeqCst), 1);
}

#[test]
fn same_host_links_in_other_spellings_are_followed() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&seen);
    let (server, _) = server(move |request, _| {
        record
            .lock()
            .unwrap()
            .push(request.uri().path_and_query().unwrap().to_string());
        let page = page_number(request);
        let next = match page {
            1 => Some("https://API.KustomerApp.com:443/v1/customers?page=2"),
            2 => Some("https://api.kustomerapp.com./v1/customers?page=3"),
            3 => Some("/v1/customers?page=4&return=https://x.example/a"),
            4 => Some("//api.kustomerapp.com/v1/customers?page=5"),
            _ => None,
        };
        let items = [customer(&format!("c{page}"), &at(page))];
        respond(
            200,
            json!({"data": items, "links": {"next": next}}).to_string(),
        )
    });
    let (client, _) = client(server);
    let (found, error) = drain(client.customers().list(ListCustomers::new()));
    assert!(error.is_none(), "{error:?}");
    assert_eq!(ids(&found), ["c1", "c2", "c3", "c4", "c5"]);
    assert_eq!(
        seen.lock().unwrap().last().map(String::as_str),
        Some("/v1/customers?page=5")
    );
}

#[test]
fn links_cannot_leave_the_host_or_climb_out_of_the_base_path() {
    let proxy: BaseUrl = "https://gw.example.com/kustomer".parse().unwrap();
    for link in [
        "/v1/../admin",
        "/v1/customers/../../admin",
        "/v1/customers/%2e%2e/%2E%2E/admin",
        "/v1/customers/.%2E/x",
        "/v1/customers/%2f..%2fadmin",
        "/v1/customers\\..\\admin",
        "/kustomer/v1/../../other",
        "https://gw.example.com/kustomer/v1/../../other",
        "https://gw.example.com:8443/kustomer/v1/customers",
        "http://gw.example.com/kustomer/v1/customers",
        "https://gw.example.com.evil.example/kustomer/v1/customers",
        "https://user@gw.example.com/kustomer/v1/customers",
        "//evil.example/v1/customers",
    ] {
        assert!(
            matches!(
                resolve_next_link(&proxy, link),
                Err(Error::Pagination { .. })
            ),
            "{link}"
        );
    }
    for (link, want) in [
        ("/v1/customers?page=2", "/customers?page=2"),
        ("/kustomer/v1/customers?page=2", "/customers?page=2"),
        (
            "https://GW.example.com:443/kustomer/v1/customers?page=2#top",
            "/customers?page=2",
        ),
        (
            "/v1/customers?page=2&next=https://gw.example.com/../x",
            "/customers?page=2&next=https://gw.example.com/../x",
        ),
    ] {
        assert_eq!(resolve_next_link(&proxy, link).unwrap(), want, "{link}");
    }
}

// ---- The key never leaks, whatever the server echoes ---------------------------------------

/// Neither `Display` nor `Debug` shows the key, nor a raw line break.
fn assert_clean(error: &Error) {
    for shown in [format!("{error}"), format!("{error:?}")] {
        assert!(!shown.contains(KEY), "the key shows: {shown}");
        assert!(
            !shown.contains("0123456789abcdef"),
            "part of the key shows: {shown}"
        );
    }
    let line = error.to_string();
    assert!(!line.contains(['\r', '\n']), "a raw line break: {line:?}");
}

#[test]
fn an_echoed_key_is_in_no_error() {
    let echo = format!("Bearer {KEY}\r\nX-Injected: yes");
    let (server, _) = server(move |request, _| {
        let path = request.uri().path();
        if path.starts_with("/v1/customers/search") {
            let item = json!({"id": format!("{KEY}\r\nforged"), "attributes": {}});
            return respond(200, json!({"data": [item]}).to_string());
        }
        if path == "/v1/customers" {
            let next = format!("https://evil.example/v1/customers?key={KEY}");
            return respond(
                200,
                json!({"data": [], "links": {"next": next}}).to_string(),
            );
        }
        if path.starts_with("/v1/bulk/") {
            let job = json!({"id": "j1", "attributes": {"status": format!("running {echo}")}});
            return respond(200, json!({"data": job}).to_string());
        }
        let errors = json!({"errors": [
            {"status": 400, "code": "badparam", "title": echo, "source": {"parameter": echo}},
            {"status": "400", "source": echo, "meta": {"auth": echo, KEY: [echo]}},
            {"code": "bad_request", "message": echo, "detail": echo}
        ]});
        respond(400, errors.to_string())
    });
    let (client, _) = client(server);
    let api = client
        .customers()
        .get("58210c3db0f09110006b7953")
        .unwrap_err();
    assert_eq!(api.api_error().unwrap().errors.len(), 3);
    assert_clean(&api);
    let (_, list) = drain(client.customers().list(ListCustomers::new()));
    assert_clean(&list.unwrap());
    let (_, walk) = drain(client.customers().search_all(SearchQuery::customers(), 5));
    assert_clean(&walk.unwrap());
    let unfinished = client
        .wait_for_bulk("j1", Duration::from_secs(1), Duration::ZERO)
        .unwrap_err();
    assert!(matches!(unfinished, Error::JobUnfinished { .. }));
    assert_clean(&unfinished);
}

// ---- Waiting and configuration are bounded; nothing panics ---------------------------------

#[test]
fn pacing_counts_in_the_calls_limit_on_waiting() {
    // 503 with the budget spent and a 60 s reset, every time.
    let (server, _) = server(|_, _| {
        let mut response = respond(503, "{}");
        let headers = response.headers_mut();
        headers.insert("x-ratelimit-remaining", "0".parse().unwrap());
        headers.insert("x-ratelimit-reset", "60".parse().unwrap());
        response
    });
    let clock = clock();
    let client = Client::builder(config(), server)
        .clock(clock.clone())
        .jitter(|| 0.5)
        .pacer(RatePacer::per_minute(1000))
        .build();
    let error = client
        .customers()
        .get("58210c3db0f09110006b7953")
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503), "{error:?}");
    let limit = RetryPolicy::default().wait_limit();
    assert!(
        clock.slept() <= limit,
        "slept {:?}, over the {limit:?} promised",
        clock.slept()
    );
}

#[test]
fn a_pacer_that_never_lets_go_ends_the_call() {
    let (server, requests) = server(|_, _| respond(200, "{}"));
    let clock = clock();
    let client = Client::builder(config(), server)
        .clock(clock.clone())
        .pacer(RatePacer::new(10, Duration::MAX))
        .build();
    let mut throttled = 0;
    for _ in 0..20 {
        match client.customers().get("58210c3db0f09110006b7953") {
            Err(e) if e.is_rate_limited() => throttled += 1,
            _ => {}
        }
    }
    assert!(throttled > 0);
    assert!(requests.load(Ordering::SeqCst) <= 10);
    assert!(clock.slept() <= Duration::from_secs(120) * 20);
}

#[test]
fn odd_jitter_and_extreme_settings_do_not_panic() {
    for jitter in [f64::NAN, -1.0, f64::INFINITY, f64::NEG_INFINITY, 7.5] {
        // 429 with a reset an hour away, then 503, then success.
        let (server, _) = server(|_, n| match n % 3 {
            0 => {
                let mut response = respond(429, "{}");
                response
                    .headers_mut()
                    .insert("x-ratelimit-reset", "3600".parse().unwrap());
                response
            }
            1 => respond(503, "{}"),
            _ => respond(
                200,
                json!({"data": customer("58210c3db0f09110006b7953", &at(1))}).to_string(),
            ),
        });
        let clock = clock();
        let client = Client::builder(config(), server)
            .clock(clock.clone())
            .jitter(move || jitter)
            .retry_policy(
                RetryPolicy::default()
                    .base_delay(Duration::MAX)
                    .max_delay(Duration::MAX)
                    .max_rate_limit_wait(Duration::MAX)
                    .max_total_wait(Duration::MAX),
            )
            .build();
        // The manual clock cannot go past the end of time either; only the outcome matters.
        let _ = client.customers().get("58210c3db0f09110006b7953");
    }
}

/// A clock whose time stands still, whatever is slept.
struct Frozen;

impl Clock for Frozen {
    fn now(&self) -> SystemTime {
        UNIX_EPOCH
    }
    fn sleep(&self, _: Duration) {}
}

#[test]
fn waiting_for_a_bulk_job_is_bounded_by_time_not_by_polls() {
    let running = json!({"data": {"id": "j1", "attributes": {"status": "running"}}}).to_string();
    let cases = [
        // A huge interval, a clock that does not move, no limit: it must not overflow.
        (
            Duration::MAX / 2 + Duration::from_secs(1),
            Duration::MAX,
            true,
        ),
        // A zero interval polls at the minimum pace, not in a tight loop.
        (Duration::ZERO, Duration::from_secs(1), false),
    ];
    for (interval, max_wait, frozen) in cases {
        let body = running.clone();
        let (server, requests) = server(move |_, _| respond(200, body.clone()));
        let builder = Client::builder(config(), server);
        let client = if frozen {
            builder.clock(Frozen).build()
        } else {
            builder.clock(clock()).build()
        };
        let error = client.wait_for_bulk("j1", interval, max_wait).unwrap_err();
        assert!(
            matches!(error, Error::JobUnfinished { .. }),
            "{interval:?}: {error:?}"
        );
        let polls = requests.load(Ordering::SeqCst);
        assert!(polls <= 12, "{interval:?}: {polls} polls");
    }
}

#[test]
fn deeply_nested_criteria_are_refused_not_overflowed() {
    // Built twice rather than cloned: a derived `Clone` of it would recurse as deep.
    let deep_query = || {
        let mut deep = Criterion::equals("customer_name", "x");
        for _ in 0..100_000 {
            deep = Criterion::all([deep]);
        }
        SearchQuery::customers().and(deep)
    };
    let (server, requests) = server(|_, _| respond(200, r#"{"data":[]}"#));
    let (client, _) = client(server);
    let (_, error) = drain(
        client
            .customers()
            .search(SearchCustomers::new(deep_query())),
    );
    assert!(matches!(error, Some(Error::InvalidInput(_))), "{error:?}");
    let (_, error) = drain(client.customers().search_all(deep_query(), 10));
    assert!(matches!(error, Some(Error::InvalidInput(_))), "{error:?}");
    assert_eq!(requests.load(Ordering::SeqCst), 0);
    // And dropping it is fine too (the end of this test).
}

// ---- Input the API would refuse is refused before any I/O ----------------------------------

#[test]
fn input_the_api_would_refuse_never_leaves() {
    let (server, requests) = server(|_, _| respond(200, "{}"));
    let (client, _) = client(server);
    let refused = |result: Result<(), Error>, what: &str| match result {
        Err(Error::InvalidInput(e)) => assert_eq!(e.what(), what),
        other => panic!("{what}: {other:?}"),
    };
    for not_a_number in [f64::NAN, f64::INFINITY] {
        let input = CustomerInput::new().custom_num("ordersNum", not_a_number);
        refused(client.customers().create(&input).map(drop), "custom");
        let located = CustomerInput::default()
            .locations(vec![LocationInput::default().latitude(not_a_number)]);
        refused(client.customers().create(&located).map(drop), "locations");
    }
    let search = |query: SearchQuery, archive: bool| {
        drain(
            client
                .customers()
                .search(SearchCustomers::new(query).archive(archive)),
        )
        .1
        .map_or(Ok(()), Err)
    };
    refused(
        search(SearchQuery::customers().field(json!({"name": 1})), true),
        "fields",
    );
    refused(
        search(SearchQuery::new().query_context("note"), true),
        "queryContext",
    );
    let same = Criterion::equals("customer_name", "Ada");
    refused(
        search(
            SearchQuery::customers().and(same.clone()).and(same.clone()),
            false,
        ),
        "search",
    );
    refused(
        search(
            SearchQuery::customers().or(Criterion::any([same.clone(), same.clone()])),
            false,
        ),
        "search",
    );
    refused(
        search(
            SearchQuery::customers()
                .sort("customer_name", SortOrder::Asc)
                .sort("customer_name", SortOrder::Desc),
            false,
        ),
        "sort",
    );
    refused(
        search(
            SearchQuery::customers()
                .field(json!({"name": 1}))
                .field(json!({"name": 1})),
            false,
        ),
        "fields",
    );
    for attribute in ["createdAt][gte", "a[b]", "]"] {
        let list = ListCustomers::new().filter(attribute, "gte", "2024-01-01T00:00:00Z");
        refused(
            drain(client.customers().list(list)).1.map_or(Ok(()), Err),
            "filter",
        );
    }
    assert_eq!(requests.load(Ordering::SeqCst), 0, "something was sent");
}

// ---- One bad record does not lose the page -------------------------------------------------

#[test]
fn one_bad_record_does_not_lose_the_page() {
    let bad = [
        r#"{"type":"customer","id":null,"attributes":{"name":"No id"}}"#,
        r#"{"type":"customer","id":"dup","id":"dup2","attributes":{}}"#,
        r#"{"type":"customer","id":"huge","attributes":{"rev":1e400}}"#,
        r#"["customer","not-an-object"]"#,
    ];
    let body = format!(
        r#"{{"data":[{},{},{},{},{},{},{}],"links":{{"next":null}}}}"#,
        customer("a", &at(1)),
        bad[0],
        bad[1],
        customer("b", &at(2)),
        bad[2],
        bad[3],
        customer("c", &at(3)),
    );
    let (server, _) = server(move |_, _| respond(200, body.clone()));
    let (client, _) = client(server);
    let mut good = Vec::new();
    let mut rejected = Vec::new();
    for item in client.customers().list(ListCustomers::new()) {
        match item {
            Ok(customer) => good.push(customer.id),
            Err(Error::BadRecord(record)) => rejected.push((record.index, record.raw.clone())),
            Err(other) => panic!("{other:?}"),
        }
    }
    assert_eq!(good, ["a", "b", "c"]);
    assert_eq!(
        rejected,
        [
            (1, bad[0].to_owned()),
            (2, bad[1].to_owned()),
            (4, bad[2].to_owned()),
            (5, bad[3].to_owned())
        ]
    );
}

#[test]
fn a_byte_order_mark_is_read_past_and_an_array_is_no_resource() {
    let document = json!({"data": customer("58210c3db0f09110006b7953", &at(1))}).to_string();
    let bodies = [
        (format!("\u{feff}{document}"), true),
        (format!("[{document}]"), false),
        (
            json!([customer("58210c3db0f09110006b7953", &at(1))]).to_string(),
            false,
        ),
        (
            json!({"data": ["58210c3db0f09110006b7953", "customer"]}).to_string(),
            false,
        ),
    ];
    for (body, ok) in bodies {
        let answer = body.clone();
        let (server, _) = server(move |_, _| respond(200, answer.clone()));
        let (client, _) = client(server);
        let result = client.customers().get("58210c3db0f09110006b7953");
        match (ok, result) {
            (true, Ok(customer)) => assert_eq!(customer.id, "58210c3db0f09110006b7953"),
            (false, Err(Error::Decode(_))) => {}
            (_, other) => panic!("{body}: {other:?}"),
        }
    }
    let page = format!("\u{feff}{}", json!({"data": [customer("a", &at(1))]}));
    let (server, _) = server(move |_, _| respond(200, page.clone()));
    let (client, _) = client(server);
    let (found, error) = drain(client.customers().list(ListCustomers::new()));
    assert!(error.is_none(), "{error:?}");
    assert_eq!(ids(&found), ["a"]);
}
