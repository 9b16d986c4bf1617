//! The fake's resource families other than customers: a table of rows, served by one set of
//! generic handlers (get, lookup by external ID, list with links, create with the spec's keys,
//! update with `rev`, delete, records under a parent, bulk jobs, search). A new family is a row.

use http::Method;
use serde_json::{Map, Value, json};

use crate::routes::{Answer, bad, not_found, one, page_answer, paging, param, window};
use crate::store::{BulkJob, BulkRecord, Store, error_body};

/// One family of the fake.
#[derive(Debug)]
pub(crate) struct FamilySpec {
    /// The collection's path segment: `conversations`.
    pub(crate) path: &'static str,
    /// The record `type`: `conversation`.
    pub(crate) kind: &'static str,
    /// The search context.
    pub(crate) context: &'static str,
    /// The lookup segment's key (`externalId`), if the family has one.
    pub(crate) external_id_key: Option<&'static str>,
    /// operationIds whose request schemas give the keys of each write.
    pub(crate) create: &'static str,
    pub(crate) put: &'static str,
    pub(crate) patch: &'static str,
    pub(crate) bulk_create: &'static str,
    pub(crate) bulk_update: &'static str,
    /// Whether `DELETE {path}/{id}` exists.
    pub(crate) deletable: bool,
    /// Parents this family is listed (and perhaps created) under: the parent's path segment,
    /// the relationship that names it, and the create's operationId.
    pub(crate) parents: &'static [(&'static str, &'static str, Option<&'static str>)],
}

/// Every generic family of the fake.
pub(crate) const FAMILIES: &[FamilySpec] = &[
    FamilySpec {
        path: "conversations",
        kind: "conversation",
        context: "conversation",
        external_id_key: Some("externalId"),
        create: "CreateConversation",
        put: "UpdateConversation",
        patch: "UpdateConversationAttributes",
        bulk_create: "BulkCreateConversations",
        bulk_update: "BulkBatchUpdateConversations",
        deletable: true,
        parents: &[(
            "customers",
            "customer",
            Some("CreateConversationForCustomer"),
        )],
    },
    FamilySpec {
        path: "messages",
        kind: "message",
        context: "message",
        external_id_key: Some("externalid"),
        create: "CreateMessage",
        put: "UpdateMessage",
        patch: "UpdateMessageAttributes",
        bulk_create: "BulkCreateMessages",
        bulk_update: "BulkBatchUpdateMessages",
        deletable: false,
        parents: &[
            (
                "conversations",
                "conversation",
                Some("CreateMessageFromConversation"),
            ),
            ("customers", "customer", Some("CreateMessageByCustomer")),
        ],
    },
    FamilySpec {
        path: "notes",
        kind: "note",
        context: "note",
        external_id_key: None,
        create: "CreateNote",
        put: "UpdateNoteById",
        patch: "PatchNoteById",
        bulk_create: "BulkCreateNotes",
        bulk_update: "BulkBatchUpdateNotes",
        deletable: true,
        parents: &[
            (
                "conversations",
                "conversation",
                Some("CreateNoteWithinConversation"),
            ),
            ("customers", "customer", None),
        ],
    },
];

fn family(path: &str) -> Option<&'static FamilySpec> {
    FAMILIES.iter().find(|f| f.path == path)
}

/// The family searched by a `queryContext`.
pub(crate) fn by_context(context: &str) -> Option<&'static FamilySpec> {
    FAMILIES.iter().find(|f| f.context == context)
}

/// How strictly a write's body is checked against its schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keys {
    /// Unknown keys refused, required keys needed (top-level creates, PUTs, bulk creates).
    Strict,
    /// Unknown keys refused (PATCHes, bulk updates, creates under a customer as the fake
    /// always took them).
    KnownOnly,
}

/// A write body checked against `operation_id`'s schema, as the API's 400s say it.
fn checked_body(
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
    Ok(map.clone())
}

fn parse_body(body: &[u8]) -> Result<Value, Answer> {
    serde_json::from_slice(body).map_err(|_| bad("Body must be JSON"))
}

/// The fake's answer to a family route, or `None` if the path is not one.
pub(crate) fn route(
    method: &Method,
    segments: &[&str],
    pairs: &[(String, String)],
    body: &[u8],
    store: &mut Store,
) -> Option<Answer> {
    let answer = match (method, segments) {
        (&Method::POST | &Method::DELETE, ["conversations", id, "tags"]) => {
            let Ok(Value::Array(tags)) = serde_json::from_slice::<Value>(body) else {
                return Some(bad("Body must be an array of tags"));
            };
            let names: Vec<String> = tags
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect();
            update_answer(store.tag_conversation(id, &names, *method == Method::POST))
        }
        (&Method::GET, ["conversations", id, what @ ("events" | "attachments")]) => {
            if store.record("conversations", id).is_none() {
                return Some(not_found("id"));
            }
            let items: Vec<Value> = if *what == "events" {
                store.events(id).to_vec()
            } else {
                Vec::new()
            };
            let (page, size) = match paging(pairs, 100, 100) {
                Ok(p) => p,
                Err(answer) => return Some(answer),
            };
            page_answer(
                &format!("/conversations/{id}/{what}"),
                pairs,
                &window(&items, page, size),
                items.len(),
                page,
                size,
                false,
            )
        }
        (&Method::POST, ["messages", id, "redactions"]) => {
            match parse_body(body).and_then(|b| checked_body(&b, "RedactMessage", Keys::KnownOnly))
            {
                Ok(map) => match store.redact(id, &map) {
                    Some(message) => one(201, &message),
                    None => not_found("id"),
                },
                Err(answer) => answer,
            }
        }
        (&Method::POST | &Method::PUT, [path, "bulk"]) => {
            start_bulk(family(path)?, method, body, store)
        }
        (&Method::GET, [path, key_value]) if key_value.contains('=') => {
            let spec = family(path)?;
            let (key, value) = key_value.split_once('=')?;
            if Some(key) != spec.external_id_key {
                return Some(not_found("path"));
            }
            // Segments come percent-decoded.
            match store.records(spec.path).iter().find(|r| {
                r.pointer("/attributes/externalId").and_then(Value::as_str) == Some(value)
            }) {
                Some(record) => one(200, record),
                None => not_found("externalId"),
            }
        }
        (_, [parent, id, child]) => {
            let spec = family(child)?;
            let (_, relation, create) = spec.parents.iter().find(|(p, _, _)| p == parent)?;
            if !store.parent_exists(parent, id) {
                return Some(not_found("id"));
            }
            match *method {
                Method::GET => list(spec, pairs, store, Some((parent, relation, id))),
                Method::POST => match create {
                    Some(op) => {
                        let keys = if *parent == "customers" {
                            Keys::KnownOnly
                        } else {
                            Keys::Strict
                        };
                        match parse_body(body).and_then(|b| checked_body(&b, op, keys)) {
                            Ok(map) => {
                                one(201, &store.create_record(spec, map, Some((relation, id))))
                            }
                            Err(answer) => answer,
                        }
                    }
                    None => not_allowed(),
                },
                _ => not_allowed(),
            }
        }
        (_, [path]) => {
            let spec = family(path)?;
            match *method {
                Method::GET => list(spec, pairs, store, None),
                Method::POST => match parse_body(body)
                    .and_then(|b| checked_body(&b, spec.create, Keys::Strict))
                {
                    Ok(map) => one(201, &store.create_record(spec, map, None)),
                    Err(answer) => answer,
                },
                _ => not_allowed(),
            }
        }
        (_, [path, id]) => {
            let spec = family(path)?;
            match *method {
                Method::GET => match store.record(spec.path, id) {
                    Some(record) => one(200, record),
                    None => not_found("id"),
                },
                Method::PUT | Method::PATCH => {
                    let (op, keys) = if *method == Method::PUT {
                        (spec.put, Keys::Strict)
                    } else {
                        (spec.patch, Keys::KnownOnly)
                    };
                    let replace = *method == Method::PUT && param(pairs, "replace") == Some("true");
                    match parse_body(body).and_then(|b| checked_body(&b, op, keys)) {
                        Ok(map) => update_answer(store.update_record(spec, id, &map, replace)),
                        Err(answer) => answer,
                    }
                }
                Method::DELETE if spec.deletable => {
                    if store.delete_record(spec.path, id) {
                        (204, String::new())
                    } else {
                        not_found("id")
                    }
                }
                _ => not_allowed(),
            }
        }
        _ => return None,
    };
    Some(answer)
}

fn not_allowed() -> Answer {
    (
        405,
        error_body(405, "methodnotallowed", "Method Not Allowed"),
    )
}

fn update_answer(result: Result<Value, u16>) -> Answer {
    match result {
        Ok(data) => one(200, &data),
        Err(409) => (
            409,
            error_body(409, "conflict", "The record changed since the rev sent"),
        ),
        Err(_) => not_found("id"),
    }
}

/// A page of a family's records, all of them or those under one parent: `(parent's path,
/// relationship, parent's id)`.
fn list(
    spec: &FamilySpec,
    pairs: &[(String, String)],
    store: &Store,
    under: Option<(&str, &str, &str)>,
) -> Answer {
    let (page, size) = match paging(pairs, 100, 100) {
        Ok(p) => p,
        Err(answer) => return answer,
    };
    let from = param(pairs, "fromDate");
    let items: Vec<Value> = store
        .records(spec.path)
        .iter()
        .filter(|r| {
            under.is_none_or(|(_, relation, id)| {
                r.pointer(&format!("/relationships/{relation}/data/id"))
                    .and_then(Value::as_str)
                    == Some(id)
            })
        })
        .filter(|r| {
            from.is_none_or(|from| {
                r.pointer("/attributes/createdAt")
                    .and_then(Value::as_str)
                    .is_some_and(|c| c >= from)
            })
        })
        .cloned()
        .collect();
    let path = match under {
        Some((parent, _, id)) => format!("/{parent}/{id}/{}", spec.path),
        None => format!("/{}", spec.path),
    };
    page_answer(
        &path,
        pairs,
        &window(&items, page, size),
        items.len(),
        page,
        size,
        under.is_none(),
    )
}

fn start_bulk(
    spec: &'static FamilySpec,
    method: &Method,
    body: &[u8],
    store: &mut Store,
) -> Answer {
    let Ok(Value::Array(items)) = serde_json::from_slice::<Value>(body) else {
        return bad("Body must be a JSON array");
    };
    if items.is_empty() || items.len() > 100 {
        return bad("A bulk request takes 1 to 100 records");
    }
    let create = *method == Method::POST;
    let (op, keys) = if create {
        (spec.bulk_create, Keys::Strict)
    } else {
        (spec.bulk_update, Keys::KnownOnly)
    };
    for item in &items {
        if let Err(answer) = checked_body(item, op, keys) {
            return answer;
        }
    }
    let records = items
        .into_iter()
        .map(|item| {
            if create {
                BulkRecord::Create(item)
            } else {
                BulkRecord::Update(item)
            }
        })
        .collect();
    let id = store.next_id();
    let created_at = store.now();
    let job = BulkJob {
        id: id.clone(),
        context: if create {
            "api.sobjects.bulk-create"
        } else {
            "api.sobjects.bulk-update"
        },
        family: Some(spec),
        records,
        polls: 0,
        results: None,
        created_at,
    };
    let answer = one(201, &crate::routes::bulk_doc(&job));
    store.bulk.insert(id, job);
    answer
}

/// Runs one record of a family's bulk job.
pub(crate) fn run_record(
    spec: &'static FamilySpec,
    index: usize,
    record: &BulkRecord,
    store: &mut Store,
) -> Value {
    match record {
        BulkRecord::Create(item) => {
            let map = item.as_object().cloned().unwrap_or_default();
            let relation = map
                .get("conversation")
                .and_then(Value::as_str)
                .map(|c| ("conversation", c.to_owned()))
                .or_else(|| {
                    map.get("customer")
                        .and_then(Value::as_str)
                        .map(|c| ("customer", c.to_owned()))
                });
            let created = store.create_record(
                spec,
                map,
                relation.as_ref().map(|(r, id)| (*r, id.as_str())),
            );
            json!({"index": index, "status": 201, "id": created.get("id")})
        }
        BulkRecord::Update(item) => {
            let mut map = item.as_object().cloned().unwrap_or_default();
            let id = map
                .remove("id")
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            match store.update_record(spec, &id, &map, false) {
                Ok(_) => json!({"index": index, "status": 200, "id": id}),
                Err(status) => {
                    let errors =
                        json!([{"status": status, "code": "notfound", "title": "Not Found"}]);
                    json!({"index": index, "status": status, "id": id, "errors": errors})
                }
            }
        }
        BulkRecord::Delete(id) => {
            json!({"index": index, "status": 405, "id": id, "errors": [{"status": 405, "code": "methodnotallowed"}]})
        }
    }
}
