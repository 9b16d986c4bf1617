//! The fake's resource families other than customers: a table of rows, served by one set of
//! generic handlers (get, lookup by external ID, list with links, create with the spec's keys,
//! update with `rev`, delete, records under a parent, bulk jobs, search). A new family is a row.

use http::Method;
use serde_json::{Map, Value, json};

use crate::answers::{Answer, bad, error_body, list_answer, not_found, one, param};
use crate::bulk_job::queue_bulk;
use crate::store::{BulkRecord, Store};
use crate::table::{Collection, FAMILIES, FamilySpec, KOBJECTS, SHORTCUT_CATEGORIES};

fn family(path: &str) -> Option<&'static FamilySpec> {
    FAMILIES.iter().find(|f| f.path == path && !f.scoped)
}

/// The collection searched by a `queryContext`: a family's, or a klass's (`kobject_order`).
pub(crate) fn by_context(context: &str) -> Option<Collection> {
    if let Some(klass) = context.strip_prefix("kobject_") {
        return Some(Collection {
            spec: &KOBJECTS,
            scope: Some(klass.to_owned()),
        });
    }
    FAMILIES
        .iter()
        .find(|f| !f.context.is_empty() && f.context == context && !f.scoped)
        .map(Collection::of)
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
            list_answer(
                &format!("/conversations/{id}/{what}"),
                pairs,
                &items,
                100,
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
        (&Method::GET, ["outbound-webhooks", "events"]) => {
            let names: Vec<Value> = kustomer::webhooks::EVENT_NAMES
                .iter()
                .map(|name| json!({"type": "webhook_event", "id": name, "attributes": {"name": name}}))
                .collect();
            (200, json!({"data": names}).to_string())
        }
        (&Method::GET, ["shortcuts", "categories"]) => {
            list(&Collection::of(&SHORTCUT_CATEGORIES), pairs, store, None)
        }
        (&Method::POST | &Method::DELETE, ["teams", id, "members"]) => {
            let op = if *method == Method::POST {
                "AddTeamMembers"
            } else {
                "RemoveTeamMembers"
            };
            match parse_body(body).and_then(|b| checked_body(&b, op, Keys::Strict)) {
                Ok(map) => update_answer(store.team_members(
                    id,
                    map.get("members").unwrap_or(&Value::Null),
                    *method == Method::POST,
                )),
                Err(answer) => answer,
            }
        }
        (&Method::GET, ["users", id, "teams"]) => {
            if store.record("users", id).is_none() {
                return Some(not_found("id"));
            }
            let teams: Vec<Value> = store
                .records("teams")
                .filter(|t| list_has_id(t.pointer("/attributes/members"), id))
                .cloned()
                .collect();
            list_answer(&format!("/users/{id}/teams"), pairs, &teams, 500, false)
        }
        (_, [parent, id, "klasses", klass]) => {
            let collection = kobjects(klass, store).ok()?;
            under(method, &collection, parent, id, pairs, body, store)?
        }
        (_, [parent, id, child]) if family(child).is_some() => {
            let collection = Collection::of(family(child)?);
            under(method, &collection, parent, id, pairs, body, store)?
        }
        _ => {
            let (collection, rest) = match resolve(segments, store)? {
                Ok(found) => found,
                Err(answer) => return Some(answer),
            };
            on_collection(method, &collection, rest, pairs, body, store)?
        }
    };
    Some(answer)
}

/// The collection of klass `name`'s custom objects, if the klass exists.
fn kobjects(name: &str, store: &Store) -> Result<Collection, Answer> {
    if store.klass_named(name).is_none() {
        return Err(not_found("name"));
    }
    Ok(Collection {
        spec: &KOBJECTS,
        scope: Some(name.to_owned()),
    })
}

/// The collection a path names, and the segments after it: `/klasses/{x}/...` is a klass's
/// custom objects unless `x` is a klass's ID.
fn resolve<'s>(
    segments: &'s [&'s str],
    store: &Store,
) -> Option<Result<(Collection, &'s [&'s str]), Answer>> {
    match segments {
        ["klasses", name, rest @ ..] if store.record("klasses", name).is_none() => {
            Some(kobjects(name, store).map(|c| (c, rest)))
        }
        [path, rest @ ..] => Some(Ok((Collection::of(family(path)?), rest))),
        [] => None,
    }
}

/// A route on one collection: `[]` (list, create), `["bulk"]`, `["key=value"]` (lookup) or
/// `[id]`.
fn on_collection(
    method: &Method,
    collection: &Collection,
    rest: &[&str],
    pairs: &[(String, String)],
    body: &[u8],
    store: &mut Store,
) -> Option<Answer> {
    let spec = collection.spec;
    let key = collection.key();
    Some(match (method, rest) {
        (&Method::GET, []) => list(collection, pairs, store, None),
        (&Method::POST, []) if !spec.create.is_empty() => {
            match parse_body(body).and_then(|b| checked_body(&b, spec.create, Keys::Strict)) {
                Ok(map) => one(201, &store.create_record(collection, map, None)),
                Err(answer) => answer,
            }
        }
        (&Method::POST | &Method::PUT, ["bulk"]) if !spec.bulk_create.is_empty() => {
            start_bulk(collection, method, body, store)
        }
        (&Method::DELETE, ["bulk"]) if spec.bulk_delete => bulk_delete(collection, pairs, store),
        (&Method::GET, [key_value]) if key_value.contains('=') => {
            let (name, value) = key_value.split_once('=')?;
            if Some(name) != spec.external_id_key {
                return Some(not_found("path"));
            }
            // Segments come percent-decoded.
            match store.records(&key).find(|r| {
                r.pointer("/attributes/externalId").and_then(Value::as_str) == Some(value)
            }) {
                Some(record) => one(200, record),
                None => not_found("externalId"),
            }
        }
        (&Method::GET, [id]) => match store.record_or_alias(&key, id) {
            Some(record) => crate::longtail::get_one(spec.path, pairs, record),
            None => not_found("id"),
        },
        (&Method::PUT | &Method::PATCH, [id]) => {
            let (op, keys) = if *method == Method::PUT {
                (spec.put, Keys::Strict)
            } else {
                (spec.patch, Keys::KnownOnly)
            };
            if op.is_empty() {
                return Some(not_allowed());
            }
            let replace = param(pairs, "replace");
            if replace.is_some() && !(spec.replace && *method == Method::PUT) {
                return Some(bad("Unknown query parameter: replace"));
            }
            match parse_body(body).and_then(|b| checked_body(&b, op, keys)) {
                Ok(map) => update_answer(store.update_record(
                    collection,
                    id,
                    &map,
                    replace == Some("true"),
                )),
                Err(answer) => answer,
            }
        }
        (&Method::DELETE, [id]) if spec.deletable => {
            if store.delete_record(&key, id) {
                (204, String::new())
            } else {
                not_found("id")
            }
        }
        (_, [] | [_]) => not_allowed(),
        _ => return None,
    })
}

/// `GET` or `POST {parent}/{id}/{collection}`.
fn under(
    method: &Method,
    collection: &Collection,
    parent: &str,
    id: &str,
    pairs: &[(String, String)],
    body: &[u8],
    store: &mut Store,
) -> Option<Answer> {
    let spec = collection.spec;
    let (_, relation, create) = spec.parents.iter().find(|(p, _, _)| *p == parent)?;
    if !store.parent_exists(parent, id) {
        return Some(not_found("id"));
    }
    Some(match *method {
        Method::GET => list(collection, pairs, store, Some((parent, relation, id))),
        Method::POST => match create {
            Some(op) => {
                let keys = if parent == "customers" {
                    Keys::KnownOnly
                } else {
                    Keys::Strict
                };
                match parse_body(body).and_then(|b| checked_body(&b, op, keys)) {
                    Ok(map) => one(
                        201,
                        &store.create_record(collection, map, Some((relation, id))),
                    ),
                    Err(answer) => answer,
                }
            }
            None => not_allowed(),
        },
        _ => not_allowed(),
    })
}

/// Whether a JSON list holds `id`.
fn list_has_id(list: Option<&Value>, id: &str) -> bool {
    list.and_then(Value::as_array)
        .is_some_and(|items| items.iter().any(|m| m.as_str() == Some(id)))
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

/// A page of a collection's records, all of them or those under one parent: `(parent's path,
/// relationship, parent's id)`. `deleted=true|false` keeps the records so marked (absent reads as
/// not deleted).
fn list(
    collection: &Collection,
    pairs: &[(String, String)],
    store: &Store,
    under: Option<(&str, &str, &str)>,
) -> Answer {
    let from = param(pairs, "fromDate");
    let deleted = param(pairs, "deleted").map(|d| d == "true");
    let name = param(pairs, "name").filter(|_| collection.spec.path == "events");
    let items: Vec<Value> = store
        .records(&collection.key())
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
        .filter(|r| {
            // A customer's events by name.
            name.is_none_or(|want| {
                r.pointer("/attributes/name").and_then(Value::as_str) == Some(want)
            })
        })
        .filter(|r| {
            deleted.is_none_or(|want| {
                (r.pointer("/attributes/deleted").and_then(Value::as_bool) == Some(true)) == want
            })
        })
        .cloned()
        .collect();
    let path = match under {
        Some((parent, _, id)) => format!("/{parent}/{id}/{}", collection.key()),
        None => format!("/{}", collection.key()),
    };
    list_answer(
        &path,
        pairs,
        &items,
        collection.spec.list_max,
        under.is_none(),
    )
}

fn start_bulk(collection: &Collection, method: &Method, body: &[u8], store: &mut Store) -> Answer {
    let spec = collection.spec;
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
    let records = BulkRecord::writes(items, create);
    let context = if create {
        "api.sobjects.bulk-create"
    } else {
        "api.sobjects.bulk-update"
    };
    queue_bulk(Some(collection.clone()), context, records, store)
}

/// `DELETE {collection}/bulk?ids=a,b`.
fn bulk_delete(collection: &Collection, pairs: &[(String, String)], store: &mut Store) -> Answer {
    let ids: Vec<BulkRecord> = param(pairs, "ids")
        .unwrap_or_default()
        .split(',')
        .filter(|id| !id.is_empty())
        .map(|id| BulkRecord::Delete(id.to_owned()))
        .collect();
    if ids.is_empty() || ids.len() > 100 {
        return bad("ids takes 1 to 100 ids");
    }
    queue_bulk(
        Some(collection.clone()),
        "api.sobjects.bulk-delete",
        ids,
        store,
    )
}

/// Runs one record of a family's bulk job.
pub(crate) fn run_record(
    collection: &Collection,
    index: usize,
    record: &BulkRecord,
    store: &mut Store,
) -> Value {
    match record {
        BulkRecord::Create(item) => {
            let map = item.as_object().cloned().unwrap_or_default();
            let created = store.create_record(collection, map, None);
            json!({"index": index, "status": 201, "id": created.get("id")})
        }
        BulkRecord::Update(item) => {
            let mut map = item.as_object().cloned().unwrap_or_default();
            let id = map
                .remove("id")
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            match store.update_record(collection, &id, &map, false) {
                Ok(_) => json!({"index": index, "status": 200, "id": id}),
                Err(status) => {
                    let errors =
                        json!([{"status": status, "code": "notfound", "title": "Not Found"}]);
                    json!({"index": index, "status": status, "id": id, "errors": errors})
                }
            }
        }
        BulkRecord::Delete(id) => {
            if store.delete_record(&collection.key(), id) {
                json!({"index": index, "status": 204, "id": id})
            } else {
                json!({"index": index, "status": 404, "id": id, "errors": [{"status": 404, "code": "notfound"}]})
            }
        }
    }
}
