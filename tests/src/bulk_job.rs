//! A bulk job as the fake starts it and shows it, whichever family's records it writes.

use serde_json::{Value, json};

use crate::answers::{Answer, one};
use crate::store::{BulkJob, BulkRecord, Store};
use crate::table::Collection;

/// Starts a job over `records` of `family`'s collection and answers it, queued.
pub(crate) fn queue_bulk(
    family: Collection,
    context: &'static str,
    records: Vec<BulkRecord>,
    store: &mut Store,
) -> Answer {
    let id = store.next_id();
    let created_at = store.now();
    let job = BulkJob {
        id: id.clone(),
        context,
        family,
        records,
        polls: 0,
        results: None,
        created_at,
    };
    let answer = one(201, &bulk_doc(&job));
    store.bulk.insert(id, job);
    answer
}

/// A job's document: queued before its first poll, running, then complete.
pub(crate) fn bulk_doc(job: &BulkJob) -> Value {
    let done = job.results.is_some();
    let status = if done {
        "complete"
    } else if job.polls == 0 {
        "queued"
    } else {
        "running"
    };
    json!({"type": "bulk", "id": job.id, "attributes": {
        "ids": [], "context": job.context, "status": status, "completed": done,
        "createdAt": job.created_at, "updatedAt": job.created_at}})
}
