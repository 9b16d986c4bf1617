//! What only customers have: merges, and the synthetic customers a benchmark lists. Their
//! records, lookups, lists, searches and bulk jobs are the family table's, as every family's.

use http::Method;
use serde_json::Value;

use crate::answers::{Answer, bad, list_answer, not_found, one, page_answer, paging};
use crate::store::Store;

/// The customers' own routes (merges, the synthetic list); `None` for any other path.
pub(crate) fn route(
    method: &Method,
    segs: &[&str],
    pairs: &[(String, String)],
    body: &[u8],
    store: &mut Store,
) -> Option<Answer> {
    Some(match (method, segs) {
        (&Method::GET, ["customers"]) => synthetic(pairs, store)?,
        (&Method::POST, ["customers", "merges"]) => create_merge(body, store),
        (&Method::GET, ["customers", "merges", id]) => match store.get_merge(id) {
            Some(merge) => one(200, merge),
            None => not_found("id"),
        },
        (&Method::GET, ["customers", id, "merges"]) => list_merges(id, pairs, store),
        _ => return None,
    })
}

/// A page of the synthetic customers, when the server serves them instead of its records.
fn synthetic(pairs: &[(String, String)], store: &Store) -> Option<Answer> {
    let total = store.synthetic?;
    let (page, size) = match paging(pairs, 30, 100) {
        Ok(p) => p,
        Err(answer) => return Some(answer),
    };
    let first = ((page - 1) * size) as u64;
    let data: Vec<Value> = (first..(first + size as u64).min(total))
        .map(crate::synthetic::synthetic_customer)
        .collect();
    Some(page_answer(
        "/customers",
        pairs,
        &data,
        total as usize,
        page,
        size,
        true,
    ))
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
