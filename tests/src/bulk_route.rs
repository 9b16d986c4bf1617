//! The fake's bulk jobs, whichever family's records they write: started on the family's path
//! (`POST /customers/bulk`), polled to their end, run record by record, and read batch by batch.

use http::Method;
use serde_json::{Value, json};

use crate::answers::{Answer, bad, not_found, one, page_answer, param};
use crate::bodies::{Keys, checked_body, creatable, within_limits};
use crate::bulk_job::{bulk_doc, queue_bulk};
use crate::store::{BULK_POLLS, BulkRecord, Store};
use crate::table::Collection;

/// Every job's polls and batches; `None` for any other path.
pub(crate) fn route(
    method: &Method,
    segs: &[&str],
    pairs: &[(String, String)],
    store: &mut Store,
) -> Option<Answer> {
    Some(match (method, segs) {
        (&Method::GET, ["bulk", id]) => poll_bulk(id, store),
        (&Method::GET, ["bulk", id, "batches"]) => bulk_batches(id, pairs, store),
        _ => return None,
    })
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
            .map(|(index, record)| run_record(&job.family, index, record, store))
            .collect();
        job.results = Some(results);
    }
    let answer = one(200, &bulk_doc(&job));
    store.bulk.insert(id.to_owned(), job);
    answer
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

/// `POST` (creates) or `PUT` (updates) `{collection}/bulk`: up to 100 records, each checked as a
/// single write's body is.
pub(crate) fn start(
    collection: &Collection,
    method: &Method,
    body: &[u8],
    store: &mut Store,
) -> Answer {
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
    let [create_context, update_context, _] = spec.bulk_contexts;
    let context = if create {
        create_context
    } else {
        update_context
    };
    queue_bulk(collection.clone(), context, records, store)
}

/// `DELETE {collection}/bulk?ids=a,b`.
pub(crate) fn delete(
    collection: &Collection,
    pairs: &[(String, String)],
    store: &mut Store,
) -> Answer {
    let ids: Vec<BulkRecord> = param(pairs, "ids")
        .unwrap_or_default()
        .split(',')
        .filter(|id| !id.is_empty())
        .map(|id| BulkRecord::Delete(id.to_owned()))
        .collect();
    if ids.is_empty() || ids.len() > 100 {
        return bad("ids takes 1 to 100 ids");
    }
    let [_, _, delete_context] = collection.spec.bulk_contexts;
    queue_bulk(collection.clone(), delete_context, ids, store)
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
            match creatable(collection, map, store) {
                Ok(map) => {
                    let created = store.create_record(collection, map, None);
                    json!({"index": index, "status": 201, "id": created.get("id")})
                }
                Err((status, text)) => failed(index, status, &text),
            }
        }
        BulkRecord::Update(item) => {
            let mut map = item.as_object().cloned().unwrap_or_default();
            let id = map
                .remove("id")
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let map = match within_limits(collection.spec, map) {
                Ok(map) => map,
                Err((status, text)) => return failed(index, status, &text),
            };
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

/// A bulk record's failure, with the errors of the answer a single write would have had.
fn failed(index: usize, status: u16, text: &str) -> Value {
    let errors = serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| v.get("errors").cloned())
        .unwrap_or_default();
    json!({"index": index, "status": status, "errors": errors})
}
