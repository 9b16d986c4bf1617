//! The fake's customers: their records, lookups by email, external ID and phone, and merges.
//! The records listed and created under a customer are the family table's.

use http::Method;
use serde_json::{Map, Value, json};

use crate::answers::{
    Answer, bad, error_body, list_answer, not_found, one, page_answer, paging, param, window,
};
use crate::search_eval::sort_key_cmp;
use crate::store::{CUSTOMER_KEYS, Store};

/// The customers' own routes (their records, lookups by key, merges);
/// `None` for any other path.
pub(crate) fn route(
    method: &Method,
    segs: &[&str],
    pairs: &[(String, String)],
    body: &[u8],
    store: &mut Store,
) -> Option<Answer> {
    Some(match (method, segs) {
        (&Method::GET, ["customers"]) => list_customers(pairs, store),
        (&Method::POST, ["customers"]) => match customer_body(body) {
            Ok(map) => create_customer(&map, store),
            Err(answer) => answer,
        },
        (&Method::POST, ["customers", "merges"]) => create_merge(body, store),
        (&Method::GET, ["customers", "merges", id]) => match store.get_merge(id) {
            Some(merge) => one(200, merge),
            None => not_found("id"),
        },
        (&Method::GET, ["customers", key_value]) => get_customer(key_value, store),
        (&Method::PUT | &Method::PATCH, ["customers", id]) => match customer_body(body) {
            Ok(map) => {
                let replace = method == Method::PUT && param(pairs, "replace") == Some("true");
                match store.update(id, &map, replace) {
                    Ok(data) => one(200, &data),
                    Err(409) => (
                        409,
                        error_body(
                            409,
                            "conflict",
                            "Conflict: rev does not match the customer's",
                        ),
                    ),
                    Err(_) => not_found("id"),
                }
            }
            Err(answer) => answer,
        },
        (&Method::DELETE, ["customers", id]) => {
            if store.delete(id) {
                (204, String::new())
            } else {
                not_found("id")
            }
        }
        (&Method::GET, ["customers", id, "merges"]) => list_merges(id, pairs, store),
        _ => return None,
    })
}

/// A create or update body: an object with only known keys and the limits the API enforces.
fn customer_body(body: &[u8]) -> Result<Map<String, Value>, Answer> {
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return Err(bad("Body must be a JSON object"));
    };
    check_customer(&map)?;
    Ok(map)
}

pub(crate) fn check_customer(map: &Map<String, Value>) -> Result<(), Answer> {
    if let Some(key) = map.keys().find(|k| !CUSTOMER_KEYS.contains(&k.as_str())) {
        return Err((
            400,
            json!({"errors": [{"status": 400, "code": "badparam",
            "title": "Additional properties not allowed", "detail": "/additionalProperties",
            "source": {"parameter": key}}]})
            .to_string(),
        ));
    }
    if map
        .get("name")
        .and_then(Value::as_str)
        .is_some_and(|n| n.chars().count() > 256)
    {
        return Err(bad("name is longer than 256 characters"));
    }
    Ok(())
}

fn get_customer(key_value: &str, store: &Store) -> Answer {
    for key in ["email", "externalId", "phone"] {
        if let Some(value) = key_value
            .strip_prefix(key)
            .and_then(|r| r.strip_prefix('='))
        {
            return match store.find(key, value) {
                Some(c) => (200, c.document()),
                None => not_found(key),
            };
        }
    }
    match store.get(key_value) {
        Some(c) => (200, c.document()),
        None => not_found("id"),
    }
}

pub(crate) fn create_customer(map: &Map<String, Value>, store: &mut Store) -> Answer {
    if let Some(external) = map.get("externalId").and_then(Value::as_str)
        && store.find("externalId", external).is_some()
    {
        return (
            409,
            error_body(409, "duplicate", "A customer with this externalId exists"),
        );
    }
    one(201, &store.create(map))
}

fn list_customers(pairs: &[(String, String)], store: &Store) -> Answer {
    let (page, size) = match paging(pairs, 30, 100) {
        Ok(p) => p,
        Err(answer) => return answer,
    };
    if let Some(total) = store.synthetic {
        let first = ((page - 1) * size) as u64;
        let data: Vec<Value> = (first..(first + size as u64).min(total))
            .map(crate::synthetic::synthetic_customer)
            .collect();
        return page_answer("/customers", pairs, &data, total as usize, page, size, true);
    }
    let mut filters = Vec::new();
    for (key, value) in pairs {
        if let Some(rest) = key.strip_prefix("filter[") {
            let parts: Vec<&str> = rest.trim_end_matches(']').split("][").collect();
            let [attribute, operator] = parts.as_slice() else {
                return bad("filter must be filter[attribute][operator]");
            };
            filters.push((attribute.to_string(), operator.to_string(), value.clone()));
        }
    }
    let mut items: Vec<&crate::store::Stored> = store
        .all()
        .filter(|c| {
            filters.iter().all(|(attribute, operator, value)| {
                let have = c
                    .attr(attribute)
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                crate::search_eval::compare(
                    operator,
                    &Value::from(have),
                    &Value::from(value.as_str()),
                )
            })
        })
        .collect();
    if let Some(sort) = param(pairs, "sort") {
        let (desc, attribute) = sort.strip_prefix('-').map_or((false, sort), |a| (true, a));
        items.sort_by(|a, b| {
            let order = sort_key_cmp(a.attr(attribute), b.attr(attribute));
            if desc { order.reverse() } else { order }
        });
    }
    // Only the page's documents are cloned: a list of 100,000 stays cheap.
    let data: Vec<Value> = window(&items, page, size)
        .into_iter()
        .map(|c| c.data.clone())
        .collect();
    page_answer("/customers", pairs, &data, items.len(), page, size, true)
}

fn create_merge(body: &[u8], store: &mut Store) -> Answer {
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return bad("Body must be a JSON object");
    };
    if map.keys().any(|k| k != "source" && k != "target") {
        return bad("Additional properties not allowed");
    }
    let (Some(source), Some(target)) = (
        map.get("source").and_then(Value::as_str),
        map.get("target").and_then(Value::as_str),
    ) else {
        return bad("source and target are required");
    };
    match store.merge(source, target) {
        Some(merge) => one(201, &merge),
        None => not_found("source"),
    }
}

/// `GET /customers/{id}/merges`: the merges a customer took part in. (A customer's
/// conversations, messages, notes and custom objects are the family table's: listed and created
/// under their parent, like every family's.)
fn list_merges(id: &str, pairs: &[(String, String)], store: &Store) -> Answer {
    if store.get(id).is_none() {
        return not_found("id");
    }
    let path = format!("/customers/{id}/merges");
    list_answer(&path, pairs, store.merges_of(id), 100, false)
}
