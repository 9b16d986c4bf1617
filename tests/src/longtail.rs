//! The fake's long tail: attachments with their upload to a storage host the fake also plays,
//! conversation times, customer events and sessions, unmasking windows, spam senders, tracking,
//! audit logs paged by cursor.

use http::Method;
use serde_json::{Map, Value, json};

use crate::answers::{Answer, bad, error_body, list_answer, not_found, one, param};
use crate::records::Stored;
use crate::store::Store;
use crate::table::{Collection, FAMILIES};

fn collection(path: &str) -> Option<Collection> {
    FAMILIES
        .iter()
        .find(|f| f.path == path && !f.scoped)
        .map(Collection::of)
}

fn parse_object(body: &[u8], operation_id: &str) -> Result<Map<String, Value>, Answer> {
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return Err(bad("Body must be a JSON object"));
    };
    if let Some((allowed, required)) = crate::spec::body_keys(operation_id) {
        if let Some(key) = map.keys().find(|k| !allowed.contains(*k)) {
            return Err(bad(&format!("Additional properties not allowed: {key}")));
        }
        if let Some(key) = required.iter().find(|k| !map.contains_key(*k)) {
            return Err(bad(&format!("Missing required property: {key}")));
        }
    }
    Ok(map)
}

/// A created attachment with the upload policy pointing at the fake's storage host.
fn with_upload(store: &Store, attachment: &Value) -> Answer {
    let id = attachment
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let key = format!("attachments/{}/{id}", crate::ORG_ID);
    let meta = json!({"provider": "s3", "upload": {
        "url": format!("{}/storage/upload", store.base_url),
        "fields": {"key": key, "acl": "private", "X-Amz-Meta-Attachment-Id": id,
            "Policy": "fake-policy", "X-Amz-Signature": "fake-signature"}}});
    (201, json!({"data": attachment, "meta": meta}).to_string())
}

/// The fake's answer to a long-tail route, or `None` if the path is not one.
pub(crate) fn route(
    method: &Method,
    segments: &[&str],
    pairs: &[(String, String)],
    body: &[u8],
    content_type: Option<&str>,
    store: &mut Store,
) -> Option<Answer> {
    let answer = match (method, segments) {
        (&Method::POST, [path @ ("attachments" | "media")]) => {
            let spec = collection(path)?;
            match parse_object(body, spec.spec.create) {
                Ok(map) => {
                    let created = store.create_record(&spec, map, None);
                    with_upload(store, &created)
                }
                Err(answer) => answer,
            }
        }
        (&Method::POST, [parent @ ("drafts" | "forwards"), id, "attachments"]) => {
            if store.record(parent, id).is_none() {
                return Some(not_found("id"));
            }
            let (relation, op) = if *parent == "drafts" {
                ("draft", "CreateDraftAttachment")
            } else {
                ("forward", "CreateForwardAttachment")
            };
            match parse_object(body, op) {
                Ok(map) => {
                    let spec = collection("attachments")?;
                    let created = store.create_record(&spec, map, Some((relation, id)));
                    with_upload(store, &created)
                }
                Err(answer) => answer,
            }
        }
        (
            _,
            [
                parent @ ("drafts" | "forwards"),
                id,
                "attachments",
                attachment,
            ],
        ) => {
            let relation = parent.trim_end_matches('s');
            let under = store.record("attachments", attachment).is_some_and(|a| {
                a.pointer(&format!("/relationships/{relation}/data/id"))
                    .and_then(Value::as_str)
                    == Some(id)
            });
            match (method, under) {
                (_, false) => not_found("attachmentId"),
                (&Method::GET, true) => one(200, store.record("attachments", attachment)?),
                (&Method::DELETE, true) => {
                    store.delete_record("attachments", attachment);
                    (204, String::new())
                }
                _ => (
                    405,
                    error_body(405, "methodnotallowed", "Method Not Allowed"),
                ),
            }
        }
        (&Method::GET, ["messages", message, "attachments", attachment]) => {
            let named = store
                .record("messages", message)
                .and_then(|m| m.pointer("/attributes/attachments"))
                .and_then(Value::as_array)
                .is_some_and(|ids| ids.iter().any(|i| i.as_str() == Some(attachment)));
            match store.record("attachments", attachment) {
                Some(found) if named => one(200, found),
                _ => not_found("id"),
            }
        }
        (&Method::GET, ["conversations", "times", ids]) => {
            let wanted: Vec<&str> = ids.split(',').collect();
            let found: Vec<Value> = store
                .records("times")
                .filter(|t| {
                    t.get("id")
                        .and_then(Value::as_str)
                        .is_some_and(|i| wanted.contains(&i))
                })
                .cloned()
                .collect();
            match found.as_slice() {
                [] => not_found("ids"),
                [only] if wanted.len() == 1 => one(200, only),
                many => (200, json!({"data": many}).to_string()),
            }
        }
        (&Method::GET, ["customers", customer, "events", event]) => {
            match store.record("events", event).filter(|e| {
                e.pointer("/relationships/customer/data/id")
                    .and_then(Value::as_str)
                    == Some(customer)
            }) {
                Some(found) => one(200, found),
                None => not_found("id"),
            }
        }
        (&Method::GET, ["customers", customer, "sessions", session, "events"]) => {
            let events: Vec<Value> = store
                .records("events")
                .filter(|e| {
                    e.pointer("/relationships/customer/data/id")
                        .and_then(Value::as_str)
                        == Some(customer)
                        && e.pointer("/attributes/sessionId").and_then(Value::as_str)
                            == Some(session)
                })
                .cloned()
                .collect();
            list_answer(
                &format!("/customers/{customer}/sessions/{session}/events"),
                pairs,
                &events,
                100,
                false,
            )
        }
        (&Method::POST | &Method::DELETE, ["customers", id, "unmasking-windows"]) => {
            if content_type != Some("text/plain") || !body.is_empty() {
                return Some((
                    415,
                    error_body(
                        415,
                        "unsupportedmediatype",
                        "The body is an empty text/plain",
                    ),
                ));
            }
            match store.unmask(id, *method == Method::POST) {
                Some(customer) if *method == Method::POST => one(201, &customer),
                Some(_) => (204, String::new()),
                None => not_found("id"),
            }
        }
        (&Method::GET, ["spam", "senders"]) => {
            let senders = store.records("spam/senders").cloned().collect::<Vec<_>>();
            list_answer("/spam/senders", pairs, &senders, 100, false)
        }
        (&Method::PUT, ["spam", "senders"]) => match parse_object(body, "") {
            Ok(map) => store.upsert_spam_sender(map),
            Err(answer) => answer,
        },
        (&Method::DELETE, ["spam", "senders", id]) => {
            if store.delete_record("spam/senders", id) {
                (204, String::new())
            } else {
                not_found("id")
            }
        }
        (&Method::POST, ["tracking", what @ ("event" | "identity" | "identityEvent")]) => {
            let op = match *what {
                "event" => "CreateTrackingEvent",
                "identity" => "CreateTrackingIdentity",
                _ => "CreateTrackingIdentityEvent",
            };
            match parse_object(body, op) {
                Ok(map) => store.track(what, map),
                Err(answer) => answer,
            }
        }
        (&Method::GET, ["audit-logs"]) => store.audit_page(pairs),
        _ => return None,
    };
    Some(answer)
}

/// `POST /storage/upload`: the storage host. Refuses a request carrying a Kustomer key, reads
/// the multipart form (the policy's fields, then `file` last) and marks the attachment
/// uploaded when the file's size is the one declared. Returns `(status, body)`.
pub(crate) fn receive_upload(
    authorization: bool,
    content_type: Option<&str>,
    body: &[u8],
    store: &mut Store,
) -> Answer {
    if authorization {
        return (400, "<Error><Code>InvalidArgument</Code><Message>Unexpected Authorization header: the Kustomer key leaked to storage</Message></Error>".into());
    }
    let Some(boundary) =
        content_type.and_then(|c| c.strip_prefix("multipart/form-data; boundary="))
    else {
        return (
            400,
            "<Error><Code>InvalidArgument</Code><Message>not multipart/form-data</Message></Error>"
                .into(),
        );
    };
    let parts = match multipart(body, boundary) {
        Some(parts) => parts,
        None => {
            return (
                400,
                "<Error><Code>MalformedPOSTRequest</Code></Error>".into(),
            );
        }
    };
    let (last, fields) = match parts.split_last() {
        Some(split) => split,
        None => {
            return (
                400,
                "<Error><Code>MalformedPOSTRequest</Code></Error>".into(),
            );
        }
    };
    if last.0 != "file" || fields.iter().any(|(name, _)| name == "file") {
        return (
            400,
            "<Error><Code>InvalidArgument</Code><Message>the file must come last</Message></Error>"
                .into(),
        );
    }
    let field = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
    };
    let (Some(id), Some(signature)) = (field("X-Amz-Meta-Attachment-Id"), field("X-Amz-Signature"))
    else {
        return (
            403,
            "<Error><Code>AccessDenied</Code><Message>policy fields missing</Message></Error>"
                .into(),
        );
    };
    if signature != "fake-signature" {
        return (
            403,
            "<Error><Code>SignatureDoesNotMatch</Code></Error>".into(),
        );
    }
    match store.mark_uploaded(&id, &last.1) {
        Ok(()) => (204, String::new()),
        Err(why) => (
            400,
            format!("<Error><Code>EntityTooLarge</Code><Message>{why}</Message></Error>"),
        ),
    }
}

/// `(name, content)` of each part of a multipart body; `None` if it is not well formed.
fn multipart(body: &[u8], boundary: &str) -> Option<Vec<(String, Vec<u8>)>> {
    let delimiter = format!("--{boundary}");
    let mut parts = Vec::new();
    let mut rest = body.strip_prefix(delimiter.as_bytes())?;
    loop {
        if rest.starts_with(b"--") {
            return Some(parts);
        }
        rest = rest.strip_prefix(b"\r\n")?;
        let head_end = find(rest, b"\r\n\r\n")?;
        let head = String::from_utf8_lossy(rest.get(..head_end)?).into_owned();
        let name = head.split("name=\"").nth(1)?.split('"').next()?.to_owned();
        rest = rest.get(head_end + 4..)?;
        let next = find(rest, format!("\r\n{delimiter}").as_bytes())?;
        parts.push((name, rest.get(..next)?.to_vec()));
        rest = rest.get(next + 2 + delimiter.len()..)?;
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A record read by ID, with what its get's query asks to add: an SLA's versions in `included`
/// (`?versions=active|all`), a schedule's holidays (`?include=holidays`). Any other value is a 400,
/// so a client that sends the wrong one finds out.
pub(crate) fn get_one(path: &str, pairs: &[(String, String)], stored: &Stored) -> Answer {
    let record = &stored.data;
    match (path, param(pairs, "versions"), param(pairs, "include")) {
        ("slas", Some(versions @ ("active" | "all")), _) => {
            let id = record.get("id").cloned().unwrap_or(Value::Null);
            let version = |n: u64| {
                json!({"type": "sla_version", "id": format!("{}-v{n}", id.as_str().unwrap_or_default()),
                    "attributes": {"version": n, "active": n == 2}})
            };
            // The spec's example sends the active version as one object.
            let included = match versions {
                "all" => json!([version(1), version(2)]),
                _ => version(2),
            };
            (
                200,
                json!({"data": record, "included": included}).to_string(),
            )
        }
        ("slas", Some(_), _) => bad("versions must be active or all"),
        ("schedules", _, Some("holidays")) => {
            let mut record = record.clone();
            if let Some(attributes) = record.get_mut("attributes").and_then(Value::as_object_mut) {
                attributes.insert(
                    "holidays".to_owned(),
                    json!([{"name": "New Year", "date": "2027-01-01"}]),
                );
            }
            one(200, &record)
        }
        ("schedules", _, Some(_)) => bad("include must be holidays"),
        // As stored: a fixture's or an inserted document's own bytes while it is unchanged.
        _ => (200, stored.document()),
    }
}
