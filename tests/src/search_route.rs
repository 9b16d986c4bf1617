//! The fake's search: every family's context through `POST /v1/customers/search`, criteria
//! evaluated, sorted, paged, and bounded by `updatedAt` through the store's index.

use std::ops::Bound;

use http::Method;
use serde_json::{Map, Value, json};

use crate::answers::{Answer, bad, page_answer, paging, window};
use crate::search_eval::{matches_record, sort_key_cmp};
use crate::store::Store;

/// The search routes (`/customers/search` and the archive's, for every family's context);
/// `None` for any other path.
pub(crate) fn route(
    method: &Method,
    segs: &[&str],
    pairs: &[(String, String)],
    body: &[u8],
    store: &Store,
) -> Option<Answer> {
    match (method, segs) {
        (&Method::POST, ["customers", "search"]) => Some(search(pairs, body, store, false)),
        (&Method::POST, ["customers", "archive", "search"]) => {
            Some(search(pairs, body, store, true))
        }
        _ => None,
    }
}

/// The `updatedAt` bounds a search's top-level `and` sets (`updated_at`, such as
/// `customer_updated_at`, compared with a string), the tightest of each side.
fn updated_bounds(query: &Map<String, Value>, updated_at: &str) -> (Bound<String>, Bound<String>) {
    let mut lower = Bound::Unbounded;
    let mut upper = Bound::Unbounded;
    let criteria = query.get("and").and_then(Value::as_array);
    let operators = criteria
        .into_iter()
        .flatten()
        .filter_map(|c| c.get(updated_at)?.as_object())
        .flatten();
    for (operator, value) in operators {
        // As the index keys its records: a bound that is no date-time bounds nothing.
        let Some(at) = value.as_str().and_then(crate::clock::instant_key) else {
            continue;
        };
        match operator.as_str() {
            "gte" => lower = tighter(lower, Bound::Included(at), true),
            "gt" => lower = tighter(lower, Bound::Excluded(at), true),
            "lte" => upper = tighter(upper, Bound::Included(at), false),
            "lt" => upper = tighter(upper, Bound::Excluded(at), false),
            _ => {}
        }
    }
    (lower, upper)
}

/// The narrower of two bounds on the same side (`lower`: the higher one wins).
fn tighter(old: Bound<String>, new: Bound<String>, lower: bool) -> Bound<String> {
    let at = |b: &Bound<String>| match b {
        Bound::Included(at) | Bound::Excluded(at) => Some(at.clone()),
        Bound::Unbounded => None,
    };
    match (at(&old), at(&new)) {
        (None, _) => new,
        (_, None) => old,
        (Some(o), Some(n)) if o == n => {
            if matches!(old, Bound::Excluded(_)) {
                old
            } else {
                new
            }
        }
        (Some(o), Some(n)) => {
            if (o > n) == lower {
                old
            } else {
                new
            }
        }
    }
}

fn search(pairs: &[(String, String)], body: &[u8], store: &Store, archive: bool) -> Answer {
    let (page, size) = match paging(pairs, 100, 500) {
        Ok(p) => p,
        Err(answer) => return answer,
    };
    if page > 100 {
        return bad("A search serves at most 100 pages");
    }
    let Ok(Value::Object(query)) = serde_json::from_slice::<Value>(body) else {
        return bad("Body must be a JSON object");
    };
    let known = [
        "searchHash",
        "queryContext",
        "includeDeleted",
        "timeZone",
        "and",
        "or",
        "not",
        "sort",
        "aggs",
        "fields",
    ];
    if let Some(key) = query.keys().find(|k| !known.contains(&k.as_str())) {
        return bad(&format!("Additional properties not allowed: {key}"));
    }
    // Records of the query's context: customers unless another family's is named.
    let Some(collection) = crate::families::by_context(
        query
            .get("queryContext")
            .and_then(Value::as_str)
            .unwrap_or("customer"),
    ) else {
        return bad("Unknown queryContext");
    };
    // The archive knows only these contexts.
    let archived_contexts = ["message", "conversation", "customer", "kobject", "company"];
    if archive && !archived_contexts.contains(&collection.spec.context) {
        return bad("queryContext is not searchable in the archive");
    }
    let records = store.collection(&collection.key());
    // Only the records within the query's `updatedAt` bounds can match: each is still checked
    // against the whole query.
    let updated_at = format!("{}_updated_at", collection.spec.context);
    let candidates: Vec<&crate::store::Stored> = match updated_bounds(&query, &updated_at) {
        (Bound::Unbounded, Bound::Unbounded) => records.iter().collect(),
        (lower, upper) => records.updated_within(
            lower.as_ref().map(String::as_str),
            upper.as_ref().map(String::as_str),
        ),
    };
    let mut hits: Vec<&Value> = Vec::new();
    for record in candidates {
        // The archive holds the records not updated in two years, and only those.
        let archived = record.attr("archived").and_then(Value::as_bool) == Some(true);
        if archived != archive {
            continue;
        }
        match matches_record(&query, &record.data) {
            Ok(true) => hits.push(&record.data),
            Ok(false) => {}
            Err(problem) => return bad(&problem),
        }
    }
    let sort: Vec<(String, bool)> = query
        .get("sort")
        .and_then(Value::as_array)
        .map(|keys| {
            keys.iter()
                .filter_map(Value::as_object)
                .flat_map(|k| {
                    k.iter()
                        .map(|(a, d)| (a.clone(), d.as_str() == Some("desc")))
                })
                .collect()
        })
        .unwrap_or_default();
    // Each record's sort keys, read once (borrowed), rather than per comparison.
    let fields: Vec<(std::borrow::Cow<'_, str>, bool)> = sort
        .iter()
        .map(|(attribute, desc)| (crate::search_eval::attribute_name(attribute), *desc))
        .collect();
    let mut keyed: Vec<(Vec<Option<&Value>>, &str, &Value)> = hits
        .into_iter()
        .map(|record| {
            let keys = fields
                .iter()
                .map(|(field, _)| record.get("attributes").and_then(|a| a.get(field.as_ref())))
                .collect();
            let id = record.get("id").and_then(Value::as_str).unwrap_or_default();
            (keys, id, record)
        })
        .collect();
    keyed.sort_by(|(a, a_id, _), (b, b_id, _)| {
        for ((x, y), (_, desc)) in a.iter().zip(b).zip(&fields) {
            let order = sort_key_cmp(*x, *y);
            let order = if *desc { order.reverse() } else { order };
            if order.is_ne() {
                return order;
            }
        }
        a_id.cmp(b_id)
    });
    let hits: Vec<&Value> = keyed.into_iter().map(|(_, _, record)| record).collect();
    let data: Vec<Value> = window(&hits, page, size).into_iter().cloned().collect();
    let path = if archive {
        "/customers/archive/search"
    } else {
        "/customers/search"
    };
    let (status, text) = page_answer(path, pairs, &data, hits.len(), page, size, true);
    let mut doc: Value = serde_json::from_str(&text).unwrap_or_default();
    if let Some(meta) = doc.get_mut("meta").and_then(Value::as_object_mut) {
        meta.insert("aggregations".into(), json!({}));
    }
    (status, doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index finds exactly what reading every customer finds, in the same order, after
    /// changes, on equal timestamps and for every kind of bound.
    #[test]
    fn a_window_search_reads_the_index_and_finds_what_a_full_scan_finds() {
        let mut store = Store::default();
        let stamps = [
            "2024-01-02",
            "2024-01-01",
            "2024-01-02",
            "2024-01-03",
            "2024-01-01",
        ];
        for (n, at) in stamps.iter().enumerate() {
            store.insert(&json!({"data": {"type": "customer", "id": format!("c{n}"),
                "attributes": {"name": "x", "updatedAt": at}}}));
        }
        store.insert(&json!({"data": {"type": "customer", "id": "none", "attributes": {}}}));
        let ids = |found: Vec<&crate::store::Stored>| -> Vec<String> {
            found
                .iter()
                .map(|c| c.data["id"].as_str().unwrap().to_owned())
                .collect()
        };
        let scan = |store: &Store, lower: Bound<&str>, upper: Bound<&str>| -> Vec<String> {
            ids(store
                .collection("customers")
                .iter()
                .filter(|c| {
                    let at = c.attr("updatedAt").and_then(Value::as_str);
                    at.is_some_and(|at| {
                        std::ops::RangeBounds::<&str>::contains(&(lower, upper), &at)
                    })
                })
                .collect())
        };
        let bounds = [
            Bound::Unbounded,
            Bound::Included("2024-01-01"),
            Bound::Excluded("2024-01-01"),
            Bound::Included("2024-01-02"),
            Bound::Excluded("2024-01-03"),
        ];
        for round in 0..2 {
            for lower in bounds {
                for upper in bounds {
                    assert_eq!(
                        ids(store.collection("customers").updated_within(lower, upper)),
                        scan(&store, lower, upper),
                        "round {round}: {lower:?}..{upper:?}"
                    );
                }
            }
            // A change moves a customer: the index follows.
            let customers = crate::table::Collection::of(&crate::table::CUSTOMERS);
            let moved = json!({"updatedAt": "2024-01-01"});
            store
                .update_record(&customers, "c3", moved.as_object().unwrap(), false)
                .unwrap();
            assert_eq!(store.delete_record("customers", "c0"), round == 0);
        }
        let query = json!({"and": [
            {"customer_updated_at": {"gte": "2024-01-01", "gt": "2024-01-02"}},
            {"customer_name": {"contains": "x"}},
            {"customer_updated_at": {"lt": "2024-01-09", "lte": "2024-01-05"}}]});
        assert_eq!(
            updated_bounds(query.as_object().unwrap(), "customer_updated_at"),
            (
                Bound::Excluded("2024-01-02T00:00:00.000Z".to_owned()),
                Bound::Included("2024-01-05T00:00:00.000Z".to_owned())
            )
        );
        let none = json!({"or": [{"customer_updated_at": {"gte": "2024-01-01"}}]});
        assert_eq!(
            updated_bounds(none.as_object().unwrap(), "customer_updated_at"),
            (Bound::Unbounded, Bound::Unbounded)
        );
    }
}
