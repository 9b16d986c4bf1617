//! What the client tells `tracing`, captured by a test subscriber: one span per call with the
//! operationId, attempts, status, time, waits and the last rate-limit headers; one event per
//! retry decision and per pacing pause; and never the key, a body, or a lookup's email.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, UNIX_EPOCH};

use kustomer::customers::{CustomerInput, GetCustomer, LookupCustomer};
use kustomer::{ApiKey, Client, Config, ManualClock, RatePacer, RetryPolicy};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::{Layer, Registry};

const KEY: &str = "secret-api-key-0123";
const ID: &str = "58210c3db0f09110006b7953";

/// A span's or event's fields, as text.
type FieldMap = BTreeMap<String, String>;

/// Every span's name and fields by span ID, and every event's fields.
#[derive(Default, Clone)]
struct Captured {
    spans: Arc<Mutex<BTreeMap<u64, (String, FieldMap)>>>,
    events: Arc<Mutex<Vec<BTreeMap<String, String>>>>,
}

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(
            field.name().to_owned(),
            format!("{value:?}").trim_matches('"').to_owned(),
        );
    }
}

impl<S: Subscriber> Layer<S> for Captured {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, _: Context<'_, S>) {
        let mut fields = BTreeMap::new();
        attrs.record(&mut Fields(&mut fields));
        self.spans
            .lock()
            .unwrap()
            .insert(id.into_u64(), (attrs.metadata().name().to_owned(), fields));
    }
    fn on_record(&self, id: &Id, values: &Record<'_>, _: Context<'_, S>) {
        if let Some((_, fields)) = self.spans.lock().unwrap().get_mut(&id.into_u64()) {
            values.record(&mut Fields(fields));
        }
    }
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let mut fields = BTreeMap::new();
        fields.insert("name".into(), event.metadata().name().to_owned());
        event.record(&mut Fields(&mut fields));
        self.events.lock().unwrap().push(fields);
    }
}

impl Captured {
    fn everything(&self) -> String {
        format!(
            "{:?} {:?}",
            self.spans.lock().unwrap(),
            self.events.lock().unwrap()
        )
    }
    fn calls(&self) -> Vec<BTreeMap<String, String>> {
        self.spans
            .lock()
            .unwrap()
            .values()
            .filter(|(name, _)| name == "kustomer.call")
            .map(|(_, f)| f.clone())
            .collect()
    }
}

fn response(status: u16, body: &str, remaining: u64) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(status)
        .header("x-ratelimit-remaining", remaining)
        .header("x-ratelimit-reset", 30)
        .body(body.as_bytes().to_vec())
        .unwrap()
}

#[test]
fn a_retried_call_is_one_span_with_its_attempts_status_waits_and_budget() {
    let captured = Captured::default();
    let subscriber = Registry::default().with(captured.clone());
    let answers = Arc::new(Mutex::new(vec![
        response(
            200,
            &format!(r#"{{"data":{{"id":"{ID}","attributes":{{"name":"BODY-MARKER"}}}}}}"#),
            41,
        ),
        response(503, "unavailable", 42),
    ]));
    let transport = move |_r: http::Request<Vec<u8>>| {
        Ok::<_, std::io::Error>(answers.lock().unwrap().pop().unwrap())
    };
    let client = Client::builder(Config::new(ApiKey::new(KEY).unwrap()), transport)
        .clock(ManualClock::new(
            UNIX_EPOCH + Duration::from_secs(1_700_000_000),
        ))
        .build();
    tracing::subscriber::with_default(subscriber, || {
        client.execute(&GetCustomer::new(ID)).unwrap();
    });
    let calls = captured.calls();
    assert_eq!(calls.len(), 1);
    let call = &calls[0];
    assert_eq!(call["operation"], "GetCustomerById");
    assert_eq!(call["resource"], ID);
    assert_eq!(call["method"], "GET");
    assert_eq!(call["attempts"], "2");
    assert_eq!(call["status"], "200");
    assert_eq!(call["outcome"], "ok");
    assert_eq!(call["ratelimit_remaining"], "41", "the last response's");
    assert_eq!(call["ratelimit_reset"], "30");
    assert!(call["waited_ms"].parse::<u64>().unwrap() > 0);
    assert!(call.contains_key("elapsed_ms"));
    let events = captured.events.lock().unwrap().clone();
    let retry = events
        .iter()
        .find(|e| e["message"] == "kustomer.retry")
        .unwrap();
    assert_eq!(retry["reason"], "status 503");
    assert_eq!(retry["attempt"], "1");
    let everything = captured.everything();
    assert!(!everything.contains(KEY), "{everything}");
    assert!(!everything.contains("BODY-MARKER"), "no body: {everything}");
    assert!(!everything.contains("unavailable"), "no body: {everything}");
}

#[test]
fn pauses_and_failures_are_told_without_personal_data() {
    let captured = Captured::default();
    let subscriber = Registry::default().with(captured.clone());
    let transport = |request: http::Request<Vec<u8>>| {
        assert!(request.uri().path().contains("email="));
        Ok::<_, std::io::Error>(response(
            404,
            r#"{"errors":[{"status":404,"title":"No ada.private@example.com"}]}"#,
            0,
        ))
    };
    let clock = ManualClock::new(UNIX_EPOCH + Duration::from_secs(1_700_000_000));
    let client = Client::builder(Config::new(ApiKey::new(KEY).unwrap()), transport)
        .retry_policy(RetryPolicy::disabled())
        .pacer(RatePacer::new(1, Duration::from_secs(10)))
        .clock(clock)
        .build();
    tracing::subscriber::with_default(subscriber, || {
        for _ in 0..2 {
            let missing = client.execute(&LookupCustomer::by_email("ada.private@example.com"));
            assert!(missing.unwrap_err().is_not_found());
        }
        // A body that never leaves: refused before I/O, and not told.
        let bad = CustomerInput::new().name("x".repeat(300));
        assert!(client.customers().create(&bad).is_err());
    });
    let calls = captured.calls();
    assert_eq!(
        calls.len(),
        2,
        "the refused create built nothing, so no call"
    );
    for call in &calls {
        assert_eq!(call["operation"], "GetCustomerByEmail");
        assert!(!call.contains_key("resource"), "a lookup names no record");
        assert_eq!(call["outcome"], "not_found");
        assert_eq!(call["status"], "404");
    }
    let events = captured.events.lock().unwrap().clone();
    let pause = events
        .iter()
        .find(|e| e["message"] == "kustomer.pause")
        .unwrap();
    assert!(pause["wait_ms"].parse::<u64>().unwrap() > 0);
    let everything = captured.everything();
    assert!(
        !everything.contains("ada.private"),
        "no email anywhere: {everything}"
    );
    assert!(!everything.contains(KEY));
}
