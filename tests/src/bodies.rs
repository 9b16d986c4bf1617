//! A write body as the API checks it: against its operation's schema (unknown keys refused,
//! required keys needed), within the family's own limits, and, for a create, with an external ID
//! no other record has where the family's must be unique.

use serde_json::{Map, Value, json};

use crate::answers::{Answer, bad, error_body};
use crate::store::Store;
use crate::table::{Collection, FamilySpec};

/// How strictly a write's body is checked against its schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keys {
    /// Unknown keys refused, required keys needed (top-level creates, PUTs, bulk creates).
    Strict,
    /// Unknown keys refused (PATCHes, bulk updates, creates under a customer as the fake
    /// always took them).
    KnownOnly,
}

/// A write body checked against `operation_id`'s schema, as the API's 400s say it.
pub(crate) fn checked_body(
    body: &Value,
    operation_id: &str,
    keys: Keys,
) -> Result<Map<String, Value>, Answer> {
    let Some(map) = body.as_object() else {
        return Err(bad("Body must be a JSON object"));
    };
    if let Some((allowed, required)) = crate::spec::body_keys(operation_id) {
        if let Some(key) = map.keys().find(|k| !allowed.contains(*k)) {
            return Err((
                400,
                json!({"errors": [{"status": 400, "code": "badparam",
                    "title": "Additional properties not allowed",
                    "detail": "/additionalProperties", "source": {"parameter": key}}]})
                .to_string(),
            ));
        }
        if keys == Keys::Strict
            && let Some(key) = required.iter().find(|k| !map.contains_key(*k))
        {
            return Err(bad(&format!("Missing required property: {key}")));
        }
    }
    checked_values(map, operation_id)?;
    Ok(map.clone())
}

/// The conversation statuses Kustomer has.
const CONVERSATION_STATUSES: [&str; 3] = ["open", "snoozed", "done"];

/// Values the API refuses whatever the keys: a conversation status it does not have, and a
/// date-time attribute (`…At`, a custom `…At` too) it cannot read. Answered as Kustomer does,
/// a 400 naming the parameter.
fn checked_values(map: &Map<String, Value>, operation_id: &str) -> Result<(), Answer> {
    let invalid = |parameter: &str, title: &str| {
        (
            400,
            json!({"errors": [{"status": 400, "code": "badparam", "title": title,
                "source": {"parameter": parameter}}]})
            .to_string(),
        )
    };
    if operation_id.contains("Conversation")
        && let Some(status) = map.get("status").and_then(Value::as_str)
        && !CONVERSATION_STATUSES.contains(&status)
    {
        return Err(invalid("status", "must be one of open, snoozed, done"));
    }
    let custom = map
        .get("custom")
        .and_then(Value::as_object)
        .into_iter()
        .flatten();
    for (key, value) in map.iter().chain(custom) {
        let dated = key.len() > 2 && key.ends_with("At");
        if let (true, Some(text)) = (dated, value.as_str())
            && !readable_date_time(key, text)
        {
            return Err(invalid(key, "must be a date-time (RFC 3339)"));
        }
    }
    Ok(())
}

/// What Kustomer reads as a date-time: RFC 3339 with an offset (jiff's reader, a superset that
/// also takes a few ISO 8601 forms), or, for a draft's `sendAt`, its date math (`now+1h`).
fn readable_date_time(key: &str, text: &str) -> bool {
    let date_math = key == "sendAt" && text.starts_with("now");
    date_math || text.parse::<kustomer::Timestamp>().is_ok()
}

pub(crate) fn parse_body(body: &[u8]) -> Result<Value, Answer> {
    serde_json::from_slice(body).map_err(|_| bad("Body must be JSON"))
}

/// A write's raw body, parsed and checked against `operation_id`'s schema.
pub(crate) fn checked_write(
    body: &[u8],
    operation_id: &str,
    keys: Keys,
) -> Result<Map<String, Value>, Answer> {
    checked_body(&parse_body(body)?, operation_id, keys)
}

/// A write body within the family's own limits.
pub(crate) fn within_limits(
    spec: &FamilySpec,
    map: Map<String, Value>,
) -> Result<Map<String, Value>, Answer> {
    match spec.check {
        Some(check) => check(&map).map(|()| map),
        None => Ok(map),
    }
}

/// A create body the family takes: within its limits, and with an external ID no other record
/// has where the family's must be unique (a customer's).
pub(crate) fn creatable(
    collection: &Collection,
    map: Map<String, Value>,
    store: &Store,
) -> Result<Map<String, Value>, Answer> {
    let map = within_limits(collection.spec, map)?;
    if collection.spec.unique_external_id
        && let Some(external) = map.get("externalId").and_then(Value::as_str)
        && store.find_by(collection, "externalId", external).is_some()
    {
        return Err((
            409,
            error_body(409, "duplicate", "A record with this externalId exists"),
        ));
    }
    Ok(map)
}
