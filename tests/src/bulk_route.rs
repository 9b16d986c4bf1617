//! The fake's bulk jobs: customers' bulk writes started, polled to their end, and read batch
//! by batch.

use http::Method;
use serde_json::{Value, json};

use crate::answers::{Answer, bad, error_body, not_found, one, page_answer, param};
use crate::bulk_job::{bulk_doc, queue_bulk};
use crate::customers::{check_customer, create_customer};
use crate::store::{BULK_POLLS, BulkRecord, Store};

/// The customers' bulk jobs and every job's polls and batches; `None` for any other path.
pub(crate) fn route(
    method: &Method,
    segs: &[&str],
    pairs: &[(String, String)],
    body: &[u8],
    store: &mut Store,
) -> Option<Answer> {
    Some(match (method, segs) {
        (_, ["customers", "bulk"]) => start_bulk(method, pairs, body, store),
        (&Method::GET, ["bulk", id]) => poll_bulk(id, store),
        (&Method::GET, ["bulk", id, "batches"]) => bulk_batches(id, pairs, store),
        _ => return None,
    })
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
    queue_bulk(None, context, records, store)
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
