//! The fake's API: each Kustomer route the client uses, answered from the [`Store`].

use http::Method;
use percent_encoding::percent_decode_str;
use std::ops::Bound;

use serde_json::{Map, Value, json};

use crate::answers::{
    Answer, bad, error_body, list_answer, not_found, one, page_answer, paging, param, query_pairs,
    window,
};
use crate::families::bulk_doc;
use crate::search_eval::{matches, sort_key_cmp};
use crate::store::{BULK_POLLS, BulkJob, BulkRecord, CUSTOMER_KEYS, Store};

/// A create or update body: an object with only known keys and the limits the API enforces.
fn customer_body(body: &[u8]) -> Result<Map<String, Value>, Answer> {
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return Err(bad("Body must be a JSON object"));
    };
    check_customer(&map)?;
    Ok(map)
}

fn check_customer(map: &Map<String, Value>) -> Result<(), Answer> {
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

pub(crate) fn route(
    method: &Method,
    path: &str,
    query: &str,
    body: &[u8],
    content_type: Option<&str>,
    store: &mut Store,
) -> Answer {
    let Some(rest) = path.strip_prefix("/v1") else {
        return not_found("path");
    };
    let segments: Vec<String> = rest
        .split('/')
        .skip(1)
        .map(|s| percent_decode_str(s).decode_utf8_lossy().into_owned())
        .collect();
    let segs: Vec<&str> = segments.iter().map(String::as_str).collect();
    let pairs = query_pairs(query);
    if let Some(answer) = crate::longtail::route(method, &segs, &pairs, body, content_type, store) {
        return answer;
    }
    if let Some(answer) = crate::families::route(method, &segs, &pairs, body, store) {
        return answer;
    }
    match (method, segs.as_slice()) {
        (&Method::GET, ["customers"]) => list_customers(&pairs, store),
        (&Method::POST, ["customers"]) => match customer_body(body) {
            Ok(map) => create_customer(&map, store),
            Err(answer) => answer,
        },
        (&Method::POST, ["customers", "search"]) => search(&pairs, body, store, false),
        (&Method::POST, ["customers", "archive", "search"]) => search(&pairs, body, store, true),
        (_, ["customers", "bulk"]) => start_bulk(method, &pairs, body, store),
        (&Method::POST, ["customers", "merges"]) => create_merge(body, store),
        (&Method::GET, ["customers", "merges", id]) => match store.get_merge(id) {
            Some(merge) => one(200, merge),
            None => not_found("id"),
        },
        (&Method::GET, ["customers", key_value]) => get_customer(key_value, store),
        (&Method::PUT | &Method::PATCH, ["customers", id]) => match customer_body(body) {
            Ok(map) => {
                let replace = method == Method::PUT && param(&pairs, "replace") == Some("true");
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
        (
            _,
            [
                "customers",
                id,
                kind @ ("conversations" | "messages" | "notes" | "merges"),
            ],
        ) => related(
            method,
            id,
            kind,
            &format!("/customers/{id}/{kind}"),
            &pairs,
            body,
            store,
        ),
        (&Method::GET, ["bulk", id]) => poll_bulk(id, store),
        (&Method::GET, ["bulk", id, "batches"]) => bulk_batches(id, &pairs, store),
        (&Method::GET, _) => not_found("path"),
        _ => (
            405,
            error_body(405, "methodnotallowed", "Method Not Allowed"),
        ),
    }
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

fn create_customer(map: &Map<String, Value>, store: &mut Store) -> Answer {
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

/// The `updatedAt` bounds a customer search's top-level `and` sets (`customer_updated_at`
/// compared with a string), the tightest of each side.
fn updated_bounds(query: &Map<String, Value>) -> (Bound<&str>, Bound<&str>) {
    let mut lower = Bound::Unbounded;
    let mut upper = Bound::Unbounded;
    let criteria = query.get("and").and_then(Value::as_array);
    let operators = criteria
        .into_iter()
        .flatten()
        .filter_map(|c| c.get("customer_updated_at")?.as_object())
        .flatten();
    for (operator, value) in operators {
        let Some(at) = value.as_str() else { continue };
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
fn tighter<'a>(old: Bound<&'a str>, new: Bound<&'a str>, lower: bool) -> Bound<&'a str> {
    let at = |b: &Bound<&'a str>| match b {
        Bound::Included(at) | Bound::Excluded(at) => Some(*at),
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
    // Records of the query's context: customers unless a family's is named.
    let family = query
        .get("queryContext")
        .and_then(Value::as_str)
        .and_then(crate::families::by_context);
    let mut hits: Vec<&Value> = Vec::new();
    match family {
        Some(collection) => {
            for record in store.records(&collection.key()) {
                match crate::search_eval::matches_record(&query, record) {
                    Ok(true) => hits.push(record),
                    Ok(false) => {}
                    Err(problem) => return bad(&problem),
                }
            }
        }
        None => {
            // Only the customers within the query's `updatedAt` bounds can match: each is
            // still checked against the whole query.
            let candidates: Vec<&crate::store::Stored> = match updated_bounds(&query) {
                (Bound::Unbounded, Bound::Unbounded) => store.all().collect(),
                (lower, upper) => store.updated_within(lower, upper),
            };
            for customer in candidates {
                let archived = customer.attr("archived").and_then(Value::as_bool) == Some(true);
                if archived != archive {
                    continue;
                }
                match matches(&query, customer) {
                    Ok(true) => hits.push(&customer.data),
                    Ok(false) => {}
                    Err(problem) => return bad(&problem),
                }
            }
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

fn start_bulk(
    method: &Method,
    pairs: &[(String, String)],
    body: &[u8],
    store: &mut Store,
) -> Answer {
    let (context, records) = match *method {
        Method::DELETE => {
            let ids: Vec<BulkRecord> = param(pairs, "ids")
                .unwrap_or_default()
                .split(',')
                .filter(|s| !s.is_empty())
                .map(|id| BulkRecord::Delete(id.to_owned()))
                .collect();
            ("api.sobjects.customers.bulk-delete", ids)
        }
        Method::POST | Method::PUT => {
            let Ok(Value::Array(items)) = serde_json::from_slice::<Value>(body) else {
                return bad("Body must be a JSON array");
            };
            let create = *method == Method::POST;
            let records = BulkRecord::writes(items, create);
            let context = if create {
                "api.sobjects.customers.bulk-create"
            } else {
                "api.sobjects.customers.bulk-update"
            };
            (context, records)
        }
        _ => {
            return (
                405,
                error_body(405, "methodnotallowed", "Method Not Allowed"),
            );
        }
    };
    if records.is_empty() || records.len() > 100 {
        return bad("A bulk request takes 1 to 100 records");
    }
    let id = store.next_id();
    let created_at = store.now();
    let job = BulkJob {
        id: id.clone(),
        context,
        family: None,
        records,
        polls: 0,
        results: None,
        created_at,
    };
    let answer = one(201, &bulk_doc(&job));
    store.bulk.insert(id, job);
    answer
}

/// Each poll moves the job on; after [`BULK_POLLS`] it runs every record.
fn poll_bulk(id: &str, store: &mut Store) -> Answer {
    let Some(mut job) = store.bulk.remove(id) else {
        return not_found("id");
    };
    job.polls += 1;
    if job.results.is_none() && job.polls >= BULK_POLLS {
        let results = job
            .records
            .iter()
            .enumerate()
            .map(|(index, record)| match &job.family {
                Some(collection) => crate::families::run_record(collection, index, record, store),
                None => run_record(index, record, store),
            })
            .collect();
        job.results = Some(results);
    }
    let answer = one(200, &bulk_doc(&job));
    store.bulk.insert(id.to_owned(), job);
    answer
}

fn run_record(index: usize, record: &BulkRecord, store: &mut Store) -> Value {
    let failed = |status: u16, text: &str| {
        let errors: Value = serde_json::from_str::<Value>(text)
            .ok()
            .and_then(|v| v.get("errors").cloned())
            .unwrap_or_default();
        json!({"index": index, "status": status, "errors": errors})
    };
    match record {
        BulkRecord::Create(item) => {
            let Some(map) = item.as_object() else {
                return failed(400, &error_body(400, "badparam", "not an object"));
            };
            if let Err((status, text)) = check_customer(map) {
                return failed(status, &text);
            }
            match create_customer(map, store) {
                (201, text) => {
                    let id = serde_json::from_str::<Value>(&text)
                        .ok()
                        .and_then(|v| v.pointer("/data/id")?.as_str().map(str::to_owned));
                    json!({"index": index, "status": 201, "id": id})
                }
                (status, text) => failed(status, &text),
            }
        }
        BulkRecord::Update(item) => {
            let Some(mut map) = item.as_object().cloned() else {
                return failed(400, &error_body(400, "badparam", "not an object"));
            };
            let id = map
                .remove("id")
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            if let Err((status, text)) = check_customer(&map) {
                return failed(status, &text);
            }
            match store.update(&id, &map, false) {
                Ok(_) => json!({"index": index, "status": 200, "id": id}),
                Err(status) => failed(status, &error_body(status, "notfound", "Not Found")),
            }
        }
        BulkRecord::Delete(id) => {
            if store.delete(id) {
                json!({"index": index, "status": 204, "id": id})
            } else {
                let errors = json!([{"status": 404, "code": "notfound", "title": "Not Found"}]);
                json!({"index": index, "status": 404, "id": id, "errors": errors})
            }
        }
    }
}

fn bulk_batches(id: &str, pairs: &[(String, String)], store: &Store) -> Answer {
    let Some(job) = store.bulk.get(id) else {
        return not_found("id");
    };
    let status = if job.results.is_some() {
        "complete"
    } else {
        "running"
    };
    let batch = json!({"type": "bulk_batch", "id": format!("{id}-1"),
        "attributes": {"status": status, "results": job.results.clone().unwrap_or_default()}});
    page_answer(
        &format!("/bulk/{id}/batches"),
        pairs,
        &[batch],
        1,
        1,
        100,
        false,
    )
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

fn related(
    method: &Method,
    id: &str,
    kind: &str,
    path: &str,
    pairs: &[(String, String)],
    body: &[u8],
    store: &mut Store,
) -> Answer {
    if store.get(id).is_none() {
        return not_found("id");
    }
    match *method {
        Method::GET => {
            let from = param(pairs, "fromDate");
            let items: Vec<Value> = store
                .related(id, kind)
                .iter()
                .filter(|item| {
                    from.is_none_or(|from| {
                        item.pointer("/attributes/createdAt")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            >= from
                    })
                })
                .cloned()
                .collect();
            list_answer(path, pairs, &items, 100, false)
        }
        Method::POST if !matches!(kind, "notes" | "merges") => {
            let Ok(Value::Object(mut attributes)) = serde_json::from_slice::<Value>(body) else {
                return bad("Body must be a JSON object");
            };
            let resource_id = store.next_id();
            let now = store.now();
            attributes
                .entry("createdAt")
                .or_insert_with(|| now.clone().into());
            attributes.insert("updatedAt".into(), now.into());
            let kind_name = kind.trim_end_matches('s').to_owned();
            let resource = json!({"type": kind_name, "id": resource_id, "attributes": attributes,
                "relationships": {"customer": {"data": {"type": "customer", "id": id}}}});
            store.related_mut(id, kind).push(resource.clone());
            one(201, &resource)
        }
        _ => (
            405,
            error_body(405, "methodnotallowed", "Method Not Allowed"),
        ),
    }
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
                .all()
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
                        ids(store.updated_within(lower, upper)),
                        scan(&store, lower, upper),
                        "round {round}: {lower:?}..{upper:?}"
                    );
                }
            }
            // A change moves a customer: the index follows.
            store
                .update(
                    "c3",
                    json!({"updatedAt": "2024-01-01"}).as_object().unwrap(),
                    false,
                )
                .unwrap();
            store.delete("c0");
        }
        let query = json!({"and": [
            {"customer_updated_at": {"gte": "2024-01-01", "gt": "2024-01-02"}},
            {"customer_name": {"contains": "x"}},
            {"customer_updated_at": {"lt": "2024-01-09", "lte": "2024-01-05"}}]});
        assert_eq!(
            updated_bounds(query.as_object().unwrap()),
            (Bound::Excluded("2024-01-02"), Bound::Included("2024-01-05"))
        );
        let none = json!({"or": [{"customer_updated_at": {"gte": "2024-01-01"}}]});
        assert_eq!(
            updated_bounds(none.as_object().unwrap()),
            (Bound::Unbounded, Bound::Unbounded)
        );
    }
}
