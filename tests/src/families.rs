//! The fake's resource families, customers included: a table of rows, served by one set of
//! generic handlers (get, lookups by external ID and the row's other keys, list with links,
//! filters and sort, create with the spec's keys, update with `rev`, delete, records under a
//! parent, bulk jobs, search). A new family is a row.

use http::Method;
use serde_json::{Value, json};

use crate::answers::{
    Answer, bad, error_body, list_answer, not_found, one, page_answer, paging, param, window,
};
use crate::bodies::{Keys, checked_write, creatable, within_limits};
use crate::search_eval::sort_key_cmp;
use crate::store::Store;
use crate::table::{Collection, FAMILIES, FamilySpec, KOBJECTS, SHORTCUT_CATEGORIES};

pub(crate) fn family(path: &str) -> Option<&'static FamilySpec> {
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
            match checked_write(body, "RedactMessage", Keys::KnownOnly) {
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
                "AddTeamMember"
            } else {
                "RemoveTeamMember"
            };
            match checked_write(body, op, Keys::Strict) {
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
            let checked = checked_write(body, spec.create, Keys::Strict)
                .and_then(|map| creatable(collection, map, store));
            match checked {
                Ok(map) => one(201, &store.create_record(collection, map, None)),
                Err(answer) => answer,
            }
        }
        (&Method::POST | &Method::PUT, ["bulk"]) if !spec.bulk_create.is_empty() => {
            crate::bulk_route::start(collection, method, body, store)
        }
        (&Method::DELETE, ["bulk"]) if spec.bulk_delete => {
            crate::bulk_route::delete(collection, pairs, store)
        }
        (&Method::GET, [key_value])
            if key_value.split_once('=').is_some_and(|(key, _)| {
                Some(key) == spec.external_id_key || spec.lookups.contains(&key)
            }) =>
        {
            // Segments come percent-decoded.
            let (name, value) = key_value.split_once('=')?;
            match store.find_by(collection, name, value) {
                Some(found) => (200, found.document()),
                None if Some(name) == spec.external_id_key => not_found("externalId"),
                None => not_found(name),
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
            let checked = checked_write(body, op, keys).and_then(|map| within_limits(spec, map));
            match checked {
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
                match checked_write(body, op, keys) {
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
/// relationship, parent's id)`. The row's own parameters keep the records whose attribute says
/// so (`deleted=true|false`, absent reads as not deleted); `filter[attribute][operator]=value` keeps those that compare so, and
/// `sort=attribute` (or `-attribute`) orders them. Only the page's records are copied: a list of
/// 100,000 stays cheap.
pub(crate) fn list(
    collection: &Collection,
    pairs: &[(String, String)],
    store: &Store,
    under: Option<(&str, &str, &str)>,
) -> Answer {
    let spec = collection.spec;
    let (page, size) = match paging(pairs, spec.list_default, spec.list_max) {
        Ok(p) => p,
        Err(answer) => return answer,
    };
    let from = param(pairs, "fromDate");
    let mut filters = Vec::new();
    for (key, value) in pairs {
        if let Some(rest) = key.strip_prefix("filter[") {
            let parts: Vec<&str> = rest.trim_end_matches(']').split("][").collect();
            let [attribute, operator] = parts.as_slice() else {
                return bad("filter must be filter[attribute][operator]");
            };
            filters.push((*attribute, *operator, Value::from(value.as_str())));
        }
    }
    let attribute = |r: &Value, name: &str| r.get("attributes").and_then(|a| a.get(name)).cloned();
    let mut items: Vec<&Value> = store
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
            // The row's own query parameters (`deleted`, a user's `pending`, ...).
            spec.list_params.iter().all(|(name, pointer)| {
                param(pairs, name).is_none_or(|want| {
                    let have = match r.pointer(pointer) {
                        Some(Value::String(text)) => text.as_str(),
                        Some(Value::Bool(true)) => "true",
                        _ => "false",
                    };
                    have == want
                })
            })
        })
        .filter(|r| {
            filters.iter().all(|(name, operator, value)| {
                let have = attribute(r, name)
                    .filter(Value::is_string)
                    .unwrap_or_else(|| "".into());
                crate::search_eval::compare(operator, &have, value)
            })
        })
        .collect();
    if let Some(sort) = param(pairs, "sort") {
        let (desc, name) = sort.strip_prefix('-').map_or((false, sort), |a| (true, a));
        items.sort_by(|a, b| {
            let order = sort_key_cmp(
                a.get("attributes").and_then(|x| x.get(name)),
                b.get("attributes").and_then(|x| x.get(name)),
            );
            if desc { order.reverse() } else { order }
        });
    }
    let data: Vec<Value> = window(&items, page, size).into_iter().cloned().collect();
    let path = match under {
        Some((parent, _, id)) => format!("/{parent}/{id}/{}", collection.key()),
        None => format!("/{}", collection.key()),
    };
    page_answer(
        &path,
        pairs,
        &data,
        items.len(),
        page,
        size,
        under.is_none(),
    )
}
