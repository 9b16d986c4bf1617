//! Date-times as values: every date-time attribute of every fixture reads as the instant its
//! text names (or keeps its text when it names none), and every request writes RFC 3339 in UTC
//! to the millisecond, whatever kind of time it was given.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::time::{Duration, UNIX_EPOCH};

use kustomer::conversations::{ConversationInput, ConversationUpdate, SnoozeInput};
use kustomer::customers::{CustomerInput, CustomerWalk, GetCustomer};
use kustomer::jiff::ZonedDateTime;
use kustomer::models::{
    Company, Conversation, CustomFields, Customer, CustomerSession, KObject, Message, Note,
};
use kustomer::search::{Criterion, SearchQuery};
use kustomer::{DateTime, IntoTimestamp, Operation, Timestamp};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Walks `raw` and the model's own serialization side by side: every `…At` string the server
/// sent is, in the model, the same instant written as RFC 3339 UTC milliseconds, or the same
/// text when it is no date-time. Returns how many it checked.
fn same_instants(raw: &Value, typed: &Value, at: &str) -> usize {
    match (raw, typed) {
        (Value::Object(raw), Value::Object(typed)) => raw
            .iter()
            .filter(|(key, _)| key.as_str() != "custom")
            .map(|(key, value)| {
                let Some(typed) = typed.get(key) else {
                    return 0;
                };
                let here = format!("{at}.{key}");
                match value {
                    Value::String(text) if key.ends_with("At") => {
                        let expected = match text.parse::<Timestamp>() {
                            Ok(instant) => format!("{:.3}", instant),
                            Err(_) => text.clone(),
                        };
                        assert_eq!(typed, &Value::String(expected), "{here}");
                        1
                    }
                    _ => same_instants(value, typed, &here),
                }
            })
            .sum(),
        (Value::Array(raw), Value::Array(typed)) => raw
            .iter()
            .zip(typed)
            .enumerate()
            .map(|(i, (raw, typed))| same_instants(raw, typed, &format!("{at}[{i}]")))
            .sum(),
        _ => 0,
    }
}

/// Reads each record of `data` as `R` and checks its date-times; returns how many it checked.
fn check<R: DeserializeOwned + serde::Serialize>(name: &str) -> usize {
    let body = fixture(name);
    let records = match &body["data"] {
        Value::Array(items) => items.clone(),
        one => vec![one.clone()],
    };
    let checked = records
        .iter()
        .map(|raw| {
            let model: R = serde_json::from_value(raw.clone()).unwrap();
            same_instants(raw, &serde_json::to_value(&model).unwrap(), name)
        })
        .sum();
    assert!(checked > 0, "{name}: no date-time checked");
    checked
}

#[test]
fn every_fixtures_date_times_read_as_the_instants_they_name() {
    let checked = check::<Customer>("customer_get_spec.json")
        + check::<Customer>("customer_get_quirky.json")
        + check::<Customer>("customer_list_spec.json")
        + check::<Customer>("customer_search_spec.json")
        + check::<Conversation>("conversation_get_spec.json")
        + check::<Conversation>("conversation_get_quirky.json")
        + check::<Conversation>("conversation_list_spec.json")
        + check::<Message>("message_get_spec.json")
        + check::<Message>("message_get_quirky.json")
        + check::<Message>("message_list_spec.json")
        + check::<Note>("note_get_spec.json")
        + check::<Note>("notes_list_spec.json")
        + check::<Company>("company_get_spec.json")
        + check::<KObject>("kobject_get_spec.json")
        + check::<KObject>("kobject_get_quirky.json")
        + check::<CustomerSession>("customer_sessions_spec.json");
    assert_eq!(checked, 57, "date-times checked");
}

#[test]
fn a_date_that_does_not_read_keeps_its_text_and_fails_nothing() {
    let mut body = fixture("customer_get_quirky.json");
    let attributes = &mut body["data"]["attributes"];
    attributes["createdAt"] = json!("last tuesday");
    attributes["updatedAt"] = json!(1_706_691_600_000_u64);
    attributes["lastSeenAt"] = json!({"when": "now"});
    attributes["modifiedAt"] = json!("2024-02-30T00:00:00.000Z");
    let response = http::Response::builder()
        .status(200)
        .body(serde_json::to_vec(&body).unwrap())
        .unwrap();
    let customer = GetCustomer::new("x").parse(response).unwrap();
    let a = &customer.attributes;
    assert_eq!(
        a.created_at,
        Some(DateTime::Unreadable("last tuesday".into()))
    );
    assert_eq!(
        a.updated_at.as_ref().and_then(DateTime::unreadable_text),
        Some("1706691600000")
    );
    assert_eq!(
        a.last_seen_at, None,
        "an object is no date-time, and no text"
    );
    assert_eq!(
        a.modified_at.as_ref().and_then(DateTime::unreadable_text),
        Some("2024-02-30T00:00:00.000Z"),
        "no 30 February"
    );
    assert_eq!(
        customer.attribute("lastSeenAt"),
        Some(json!({"when": "now"})),
        "the raw document keeps what the model could not"
    );
    assert!(
        a.created_at < a.last_activity_at,
        "unreadable sorts before readable"
    );
}

#[test]
fn requests_write_utc_milliseconds_whatever_time_they_are_given() {
    let system = UNIX_EPOCH + Duration::new(1_706_695_200, 123_456_789);
    let zoned: ZonedDateTime = "2024-01-31T11:00:00.5+01:00[+01:00]".parse().unwrap();
    let timestamp: Timestamp = "2024-01-31T10:00:00Z".parse().unwrap();
    let input = CustomerInput::new()
        .signed_up_at(system)
        .last_seen_at(&zoned)
        .birthday_at(timestamp)
        .custom_at("renewalAt", system);
    let body = serde_json::to_value(&input).unwrap();
    assert_eq!(body["signedUpAt"], "2024-01-31T10:00:00.123Z");
    assert_eq!(body["lastSeenAt"], "2024-01-31T10:00:00.500Z");
    assert_eq!(body["birthdayAt"], "2024-01-31T10:00:00.000Z");
    assert_eq!(body["custom"]["renewalAt"], "2024-01-31T10:00:00.123Z");
    input.validate().unwrap();

    let snooze = ConversationUpdate::new().snooze(SnoozeInput::until(system));
    assert_eq!(
        serde_json::to_value(&snooze).unwrap()["snooze"],
        json!({"time": "2024-01-31T10:00:00.123Z", "status": "scheduled"})
    );
    let imported = ConversationInput::new().imported_at(timestamp);
    assert_eq!(
        serde_json::to_value(&imported).unwrap()["importedAt"],
        "2024-01-31T10:00:00.000Z"
    );

    let criterion = Criterion::gte("customer_updated_at", system);
    assert_eq!(
        serde_json::to_value(&criterion).unwrap(),
        json!({"customer_updated_at": {"gte": "2024-01-31T10:00:00.123Z"}})
    );
    let before_time = UNIX_EPOCH - Duration::from_secs(400_000_000_000);
    assert_eq!(
        before_time.into_timestamp(),
        Timestamp::MIN.into_timestamp(),
        "a time before year -9999 saturates"
    );
}

#[test]
fn a_walk_compares_instants_not_text() {
    // "…00.5Z" sorts before "…00Z" as text, but is later: a walk comparing text would call
    // this page out of order.
    let page = |ids: &[(&str, &str)]| {
        let data: Vec<Value> = ids
            .iter()
            .map(|(id, at)| json!({"type": "customer", "id": id, "attributes": {"updatedAt": at}}))
            .collect();
        http::Response::builder()
            .status(200)
            .body(serde_json::to_vec(&json!({"data": data, "links": {"next": null}})).unwrap())
            .unwrap()
    };
    let mut walk = CustomerWalk::new(SearchQuery::customers(), 10)
        .updated_from(UNIX_EPOCH + Duration::from_secs(1_706_695_200));
    let op = walk.next_operation().unwrap();
    assert_eq!(
        serde_json::to_value(op.query()).unwrap()["and"][0],
        json!({"customer_updated_at": {"gte": "2024-01-31T10:00:00.000Z"}})
    );
    let served = op
        .parse(page(&[
            ("c1", "2024-01-31T10:00:00Z"),
            ("c2", "2024-01-31T10:00:00.5Z"),
            ("c3", "2024-01-31T11:00:01+01:00"),
        ]))
        .unwrap();
    let ids: Vec<_> = walk
        .take_page(served)
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(ids, ["c1", "c2", "c3"]);

    let mut bounded = CustomerWalk::new(SearchQuery::customers(), 10)
        .updated_before("2024-01-31T10:00:01Z".parse::<Timestamp>().unwrap());
    let op = bounded.next_operation().unwrap();
    let served = op
        .parse(page(&[
            ("c1", "2024-01-31T10:00:00.999Z"),
            ("c2", "2024-01-31T11:00:01+01:00"),
        ]))
        .unwrap();
    let kept = bounded.take_page(served).unwrap();
    assert_eq!(kept.len(), 1, "10:00:01 in another zone is at the bound");
    assert!(bounded.is_done());
}

#[test]
fn custom_date_times_read_typed_with_their_text_kept() {
    let custom: serde_json::Map<String, Value> =
        serde_json::from_value(json!({"renewalAt": "2025-01-01T00:00:00.000Z", "oddAt": "soon"}))
            .unwrap();
    assert_eq!(
        custom.at("renewalAt").and_then(|at| at.timestamp()),
        Some(Timestamp::constant(1_735_689_600, 0))
    );
    assert_eq!(
        custom.at("oddAt"),
        Some(DateTime::Unreadable("soon".into()))
    );
}
