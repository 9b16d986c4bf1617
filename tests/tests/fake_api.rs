//! The fake as a user's test bed, through both transports: faults on one route only, seeded
//! models read back through the API, recorded requests.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::time::Duration;

use http::Method;
use kustomer::customers::CustomerInput;
use kustomer::models::{Conversation, KObject};
use kustomer::{Error, RetryPolicy, TransportOptions};
use kustomer_fake::{FakeKustomer, Fault, Route, SPEC_CUSTOMER_ID, clients_with};

#[test]
fn a_fault_on_one_route_leaves_the_others_alone() {
    let fake = FakeKustomer::start().unwrap();
    let clients = clients_with(&fake.config(), TransportOptions::default(), |b| {
        b.retry_policy(RetryPolicy::disabled())
    })
    .unwrap();
    for (name, client) in &clients {
        fake.fail_on(
            Route::new(Method::POST, "/customers"),
            Fault::api_error(503, "unavailable", "down for a moment"),
        );
        fake.fail_on(Route::any("/conversations/*"), Fault::CloseMidBody);
        // Not the faulted routes: untouched.
        assert!(client.customers().get(SPEC_CUSTOMER_ID).is_ok(), "{name}");
        let refused = client
            .customers()
            .create(&CustomerInput::new().name("Ada"))
            .unwrap_err();
        assert_eq!(refused.status().map(|s| s.as_u16()), Some(503), "{name}");
        // Used up: the next create goes through.
        let ada = client
            .customers()
            .create(&CustomerInput::new().name("Ada"))
            .unwrap();
        let dropped = client
            .conversations()
            .get("58228e05d4e96711004eccb7")
            .unwrap_err();
        assert!(
            matches!(dropped, Error::Transport(_) | Error::Decode(_)),
            "{name}: {dropped:?}"
        );
        assert!(client.customers().get(&ada.id).is_ok(), "{name}");
    }
    let route = Route::new(Method::GET, "/customers/*");
    assert!(route.matches(&Method::GET, "/v1/customers/x"));
    assert!(!route.matches(&Method::GET, "/v2/customers/x"));
    assert!(!Route::new(Method::GET, "/customers").matches(&Method::GET, "/v1/customers/x"));
}

#[test]
fn a_delay_on_a_route_holds_that_route_only() {
    let fake = FakeKustomer::start().unwrap();
    fake.fail_on(
        Route::new(Method::GET, "/users/current"),
        Fault::Delay(Duration::from_millis(1500)),
    );
    let options = TransportOptions::default().timeout(Duration::from_millis(300));
    let clients = clients_with(&fake.config(), options, |b| {
        b.retry_policy(RetryPolicy::disabled())
    })
    .unwrap();
    let (name, client) = &clients[0];
    assert!(client.orgs().current().is_ok(), "{name}");
    let slow = client.users().current().unwrap_err();
    assert!(slow.is_timeout(), "{name}: {slow:?}");
}

#[test]
fn seeded_models_come_back_through_the_api() {
    let fake = FakeKustomer::start().unwrap();
    let conversation: Conversation = serde_json::from_str(
        r#"{"type":"conversation","id":"64f0c0ffee0000000000c0de","attributes":{"name":"Seeded","status":"open","tags":[]},
            "relationships":{"customer":{"data":{"type":"customer","id":"58210c3db0f09110006b7953"}}}}"#,
    )
    .unwrap();
    assert_eq!(
        fake.seed(&conversation).as_deref(),
        Some("64f0c0ffee0000000000c0de")
    );
    let order: KObject = serde_json::from_str(
        r#"{"type":"kobject.subscription","id":"64f0c0ffee0000000000abcd","attributes":{"title":"Monthly","custom":{"seatsNum":3}}}"#,
    )
    .unwrap();
    assert!(fake.seed(&order).is_some());
    let unknown = serde_json::json!({"type": "nothing", "id": "x"});
    assert_eq!(fake.seed(&unknown), None);
    let clients = clients_with(&fake.config(), TransportOptions::default(), |b| b).unwrap();
    for (name, client) in &clients {
        let got = client
            .conversations()
            .get("64f0c0ffee0000000000c0de")
            .unwrap();
        assert_eq!(got.attributes.name.as_deref(), Some("Seeded"), "{name}");
        assert_eq!(got.customer_id(), Some(SPEC_CUSTOMER_ID));
        let subscription = client
            .custom_objects("subscription")
            .get("64f0c0ffee0000000000abcd")
            .unwrap();
        assert_eq!(
            subscription.attributes.title.as_deref(),
            Some("Monthly"),
            "{name}"
        );
        let sent = fake.requests();
        let last = sent.last().unwrap();
        assert_eq!(last.method, "GET");
        assert!(
            last.raw_url
                .ends_with("/klasses/subscription/64f0c0ffee0000000000abcd")
        );
        assert!(
            last.header("authorization")
                .is_some_and(|a| a.starts_with("Bearer "))
        );
    }
}

/// Sends a raw request to the fake (what a client of our own would refuse to build) and reads
/// its JSON answer.
fn raw(fake: &FakeKustomer, method: Method, path: &str, body: &str) -> (u16, serde_json::Value) {
    use kustomer::Transport;
    let request = http::Request::builder()
        .method(method)
        .uri(format!("{}{path}", fake.base_url()))
        .header("authorization", format!("Bearer {}", fake.api_key()))
        .header("content-type", "application/json")
        .body(body.as_bytes().to_vec())
        .unwrap();
    let response = kustomer_ureq::UreqTransport::new().send(request).unwrap();
    let json = serde_json::from_slice(response.body()).unwrap_or_default();
    (response.status().as_u16(), json)
}

#[test]
fn customers_are_a_row_of_the_family_table() {
    let fake = FakeKustomer::start().unwrap();
    // The family table's bulk job: each record checked as a single create, in the customers'
    // own job context; an over-long name fails that record only.
    let long = "x".repeat(257);
    let body = format!(
        r#"[{{"name":"Ok"}},{{"name":"{long}"}},{{"externalId":"crm-1"}},{{"externalId":"crm-1"}}]"#
    );
    let (status, job) = raw(&fake, Method::POST, "/v1/customers/bulk", &body);
    assert_eq!(status, 201, "{job}");
    assert_eq!(
        job["data"]["attributes"]["context"],
        "api.sobjects.customers.bulk-create"
    );
    let id = job["data"]["id"].as_str().unwrap().to_owned();
    let mut polled = job;
    while polled["data"]["attributes"]["status"] != "complete" {
        polled = raw(&fake, Method::GET, &format!("/v1/bulk/{id}"), "").1;
    }
    let (_, batches) = raw(&fake, Method::GET, &format!("/v1/bulk/{id}/batches"), "");
    let statuses: Vec<u64> = batches["data"][0]["attributes"]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_u64().unwrap())
        .collect();
    assert_eq!(statuses, [201, 400, 201, 409], "{batches}");

    // Lookups by the row's keys, and the generic list's filters and sort.
    let (status, found) = raw(&fake, Method::GET, "/v1/customers/externalId=crm-1", "");
    assert_eq!(status, 200);
    assert_eq!(found["data"]["attributes"]["externalId"], "crm-1");
    let (status, _) = raw(&fake, Method::GET, "/v1/customers/nickname=crm-1", "");
    assert_eq!(status, 404, "not a lookup key: an ID nobody has");
    let (_, named) = raw(
        &fake,
        Method::GET,
        "/v1/customers?filter[name][equals]=Ok&sort=-name",
        "",
    );
    let names: Vec<&str> = named["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["attributes"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Ok"]);
    // Every family's list takes the same filter: tags sorted by name, newest name first.
    for tag in ["alpha", "beta"] {
        let (status, _) = raw(
            &fake,
            Method::POST,
            "/v1/tags",
            &format!(r#"{{"name":"{tag}"}}"#),
        );
        assert_eq!(status, 201);
    }
    let (_, tags) = raw(&fake, Method::GET, "/v1/tags?sort=-name", "");
    let first = tags["data"][0]["attributes"]["name"].as_str().unwrap();
    assert_eq!(first, "beta", "{tags}");
}

#[test]
fn the_fake_refuses_what_kustomer_refuses_an_unknown_status_and_an_unreadable_date() {
    let fake = FakeKustomer::start().unwrap();
    let (_, customer) = raw(&fake, Method::POST, "/v1/customers", r#"{"name":"Ada"}"#);
    let body = format!(r#"{{"customer":{},"name":"Late"}}"#, customer["data"]["id"]);
    let (status, created) = raw(&fake, Method::POST, "/v1/conversations", &body);
    assert_eq!(status, 201, "{created}");
    let conversation = format!(
        "/v1/conversations/{}",
        created["data"]["id"].as_str().unwrap()
    );
    let conversation = conversation.as_str();
    let (status, refused) = raw(&fake, Method::PATCH, conversation, r#"{"status":"closed"}"#);
    assert_eq!(status, 400, "{refused}");
    assert_eq!(refused["errors"][0]["source"]["parameter"], "status");
    let (status, refused) = raw(
        &fake,
        Method::POST,
        "/v1/customers",
        r#"{"name":"Ada","signedUpAt":"2024-13-45"}"#,
    );
    assert_eq!(status, 400, "{refused}");
    assert_eq!(refused["errors"][0]["source"]["parameter"], "signedUpAt");
    let (status, refused) = raw(
        &fake,
        Method::POST,
        "/v1/customers",
        r#"{"name":"Ada","custom":{"renewedAt":"last month"}}"#,
    );
    assert_eq!(status, 400, "{refused}");
    assert_eq!(refused["errors"][0]["source"]["parameter"], "renewedAt");
    // What Kustomer reads is taken.
    for at in ["2024-01-31T23:59:59.999Z", "2024-01-31T23:59:59+02:00"] {
        let body = format!(r#"{{"name":"Ada","signedUpAt":"{at}"}}"#);
        let (status, created) = raw(&fake, Method::POST, "/v1/customers", &body);
        assert_eq!(status, 201, "{at}: {created}");
    }
    let (status, snoozed) = raw(
        &fake,
        Method::PATCH,
        conversation,
        r#"{"status":"snoozed"}"#,
    );
    assert_eq!(status, 200, "{snoozed}");
    assert_eq!(snoozed["data"]["attributes"]["status"], "snoozed");
}

#[test]
fn the_fake_compares_date_times_as_instants_whatever_their_offset() {
    let fake = FakeKustomer::start().unwrap();
    raw(&fake, Method::POST, "/v1/customers", r#"{"name":"First"}"#);
    let (_, second) = raw(&fake, Method::POST, "/v1/customers", r#"{"name":"Second"}"#);
    let at = second["data"]["attributes"]["updatedAt"].as_str().unwrap();
    let instant: kustomer::Timestamp = at.parse().unwrap();
    // The second customer's own instant, written one hour east of UTC: as text it sorts after
    // every stamp of that day, as a time it is the second customer's.
    let east = format!(
        "{:.3}",
        instant.display_with_offset(kustomer::jiff::tz::offset(1))
    );
    assert!(east.ends_with("+01:00"), "{east}");
    // (The fake's seeded customers lie on either side; only these two sit at the bound.)
    for (operator, found_one, not_the_other) in
        [("gte", "Second", "First"), ("lt", "First", "Second")]
    {
        let body = format!(r#"{{"and":[{{"customer_updated_at":{{"{operator}":"{east}"}}}}]}}"#);
        let (status, found) = raw(&fake, Method::POST, "/v1/customers/search", &body);
        assert_eq!(status, 200, "{found}");
        let names: Vec<&str> = found["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c["attributes"]["name"].as_str())
            .collect();
        assert!(names.contains(&found_one), "{operator} {east}: {names:?}");
        assert!(
            !names.contains(&not_the_other),
            "{operator} {east}: {names:?}"
        );
    }
}
