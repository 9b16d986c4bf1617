//! Bulk jobs and their batches.

use serde::{Deserialize, Serialize};

use crate::generic::family::sealed::FromDocument;
use crate::protocol::error::ApiErrorEntry;
use crate::protocol::lenient;

/// A bulk job (`{type: "bulk", id, attributes: {status, completed, ids, ...}}`), as returned by the
/// bulk operations and `GET /v1/bulk/{id}`.
///
/// ```
/// let job: kustomer::models::BulkJob = serde_json::from_str(
///     r#"{"type":"bulk","id":"5b3bddb67f8469003df370a4","attributes":{"status":"complete","completed":true,"ids":[]}}"#,
/// )?;
/// assert!(job.is_finished());
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// A real job also says how its batches went (`batches`, `batchErrors`); anything else it says
/// stays in its raw document:
///
/// ```
/// use kustomer::Operation;
///
/// let body = br#"{"data":{"type":"bulk","id":"5b3bddb67f8469003df370a4","attributes":{"status":"done","batches":{"complete":2,"total":2},"batchErrors":[{"index":1,"title":"bad"}],"v2":true}}}"#;
/// let job = kustomer::bulk::GetBulkJob::new("5b3bddb67f8469003df370a4").parse(http::Response::new(&body[..]))?;
/// assert_eq!(job.attributes.batches.as_ref().and_then(|b| b.complete), Some(2));
/// assert_eq!(job.attributes.batch_errors.as_ref().map(|e| e.is_array()), Some(true));
/// assert_eq!(job.attribute("v2"), Some(serde_json::json!(true)));
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BulkJob {
    /// The job's ID, to poll with.
    pub id: String,
    /// `bulk`.
    #[serde(rename = "type", default, deserialize_with = "lenient::scalar")]
    pub kind: Option<String>,
    /// What the job says of itself.
    #[serde(default, deserialize_with = "lenient::object_or_default")]
    pub attributes: BulkJobAttributes,
    #[serde(skip)]
    raw: Option<crate::protocol::document::RawSource>,
}

/// The attributes of a [`BulkJob`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct BulkJobAttributes {
    /// `queued`, `running`, `complete`, `failed`, ...
    #[serde(deserialize_with = "lenient::scalar")]
    pub status: Option<String>,
    /// Whether the job has ended.
    #[serde(deserialize_with = "lenient::scalar")]
    pub completed: Option<bool>,
    /// IDs the job touched (for deletes: the IDs asked for).
    #[serde(deserialize_with = "lenient::scalars")]
    pub ids: Vec<String>,
    /// What kind of job, e.g. `api.sobjects.customers.bulk-create`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub context: Option<String>,
    /// When the job was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<crate::protocol::date_time::DateTime>,
    /// When the job last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<crate::protocol::date_time::DateTime>,
    /// How many of its batches are done.
    #[serde(deserialize_with = "lenient::object")]
    pub batches: Option<BulkJobBatches>,
    /// What went wrong in its batches, as sent (Kustomer does not document its shape: a list of
    /// entries, or a count).
    pub batch_errors: Option<serde_json::Value>,
}

/// `batches` of a [`BulkJob`]: how far its batches came.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct BulkJobBatches {
    /// Batches done.
    #[serde(deserialize_with = "lenient::scalar")]
    pub complete: Option<u64>,
    /// Batches in all, when the API says.
    #[serde(deserialize_with = "lenient::scalar")]
    pub total: Option<u64>,
}

impl BulkJob {
    /// The JSON the job was read from (its document, or its own item of a list), if kept.
    pub fn raw_document(&self) -> Option<&str> {
        self.raw.as_ref().map(|r| r.json())
    }

    /// An attribute by its API name, from the raw document: those the model does not name.
    pub fn attribute(&self, name: &str) -> Option<serde_json::Value> {
        self.raw.as_ref()?.attribute(name)
    }

    /// Whether the job has ended, in success or failure.
    pub fn is_finished(&self) -> bool {
        self.attributes.completed == Some(true)
            || matches!(
                self.attributes.status.as_deref(),
                Some("complete" | "completed" | "done" | "failed" | "error")
            )
    }
}

impl FromDocument for BulkJob {
    fn attach(&mut self, raw: crate::protocol::document::RawSource) {
        self.raw = Some(raw);
    }
}

/// One batch of a bulk job (`GET /v1/bulk/{id}/batches`), with the result of each record where
/// the API reports it. The spec does not pin this shape down: `results` is read leniently and
/// unknown fields are ignored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct BulkBatch {
    /// The batch ID.
    #[serde(deserialize_with = "lenient::scalar")]
    pub id: Option<String>,
    /// What the batch says of itself.
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub attributes: BulkBatchAttributes,
}

/// The attributes of a [`BulkBatch`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct BulkBatchAttributes {
    /// The batch's status.
    #[serde(deserialize_with = "lenient::scalar")]
    pub status: Option<String>,
    /// One entry per record.
    #[serde(deserialize_with = "lenient::objects")]
    pub results: Vec<BulkRecordResult>,
}

/// The outcome of one record of a bulk job.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct BulkRecordResult {
    /// The record's position in what was sent, from 0.
    #[serde(deserialize_with = "lenient::scalar")]
    pub index: Option<u64>,
    /// The HTTP status the record got (2xx for success).
    #[serde(deserialize_with = "lenient::scalar")]
    pub status: Option<u16>,
    /// The record's ID, when it has one.
    #[serde(deserialize_with = "lenient::scalar")]
    pub id: Option<String>,
    /// Why it failed.
    #[serde(deserialize_with = "lenient::objects")]
    pub errors: Vec<ApiErrorEntry>,
}

impl BulkRecordResult {
    /// Whether this record failed.
    pub fn is_failure(&self) -> bool {
        !self.errors.is_empty() || self.status.is_some_and(|s| !(200..300).contains(&s))
    }
}

impl FromDocument for BulkBatch {}

impl crate::protocol::page::Record for BulkBatch {
    fn record_id(&self) -> Option<&str> {
        self.id.as_deref()
    }
}
