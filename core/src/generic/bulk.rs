//! Bulk writes for every family that has them (`POST`, `PUT`, `DELETE {PATH}/bulk`), the jobs
//! they start, and the pure state machine that waits for a job to end.

use std::borrow::Cow;
use std::marker::PhantomData;
use std::time::{Duration, SystemTime};

use http::{Method, Request, Response};
use serde::Serialize;

use crate::generic::bulk_job::{BulkBatch, BulkJob, BulkRecordResult};
use crate::generic::family::{
    BulkDeletable, BulkWritable, Creatable, Input, OperationKind, Unscoped, Updatable, collection,
    without_secrets,
};
use crate::generic::flow::{Flow, Sent, Step};
use crate::protocol::config::Config;
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::idempotency::Idempotency;
use crate::protocol::json_body::json_body;
use crate::protocol::operation::Operation;
use crate::protocol::page::{Page, PagedOperation, parse_one, parse_page};
use crate::protocol::paging::Paging;
use crate::protocol::path::segment;
use crate::protocol::query::Query;
use crate::protocol::str_list::StrList;

/// The most records one bulk request takes; the client's bulk helpers split longer inputs.
pub const MAX_BULK_RECORDS: usize = 100;

fn check_count(n: usize) -> Result<(), InvalidInput> {
    if n == 0 || n > MAX_BULK_RECORDS {
        return Err(InvalidInput::new(
            "bulk records",
            format!("a bulk request takes 1 to {MAX_BULK_RECORDS} records, not {n}"),
        ));
    }
    Ok(())
}

/// A record of a bulk update: the record's ID and what to change (`CustomerBulkUpdate` for
/// customers).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct BulkUpdate<U> {
    /// The record to update.
    pub id: String,
    /// What to set.
    #[serde(flatten)]
    pub input: U,
}

impl<U> BulkUpdate<U> {
    /// An update of record `id` with `input`.
    ///
    /// ```
    /// use kustomer::customers::{CustomerBulkUpdate, CustomerInput};
    ///
    /// let update = CustomerBulkUpdate::new("58210c3db0f09110006b7953", CustomerInput::new().name("Ada"));
    /// assert_eq!(update.id, "58210c3db0f09110006b7953");
    /// ```
    pub fn new(id: impl Into<String>, input: U) -> Self {
        Self {
            id: id.into(),
            input,
        }
    }
}

/// Which bulk operation.
enum Records<'a, R: Creatable + Updatable> {
    Create(Cow<'a, [R::Input]>),
    Update(Cow<'a, [BulkUpdate<R::Update>]>),
    Delete(Cow<'a, [String]>),
}

/// Create, update or delete up to 100 records in one job (`POST`, `PUT` or `DELETE {PATH}/bulk`;
/// 201 with a [`BulkJob`]): `BulkCustomers`, `BulkConversations`, ... Every record is validated
/// first.
///
/// Every bulk request starts a job, whatever its method: it is marked
/// [`Idempotency::NotIdempotent`], so neither the client nor a transport sends it twice after a
/// server error or a broken connection (a 429 is still waited out and retried).
pub struct BulkWrite<'a, R: BulkWritable> {
    scope: R::Scope,
    records: Records<'a, R>,
    family: PhantomData<fn() -> R>,
}

impl<R: BulkWritable> Clone for BulkWrite<'_, R> {
    fn clone(&self) -> Self {
        let records = match &self.records {
            Records::Create(r) => Records::Create(r.clone()),
            Records::Update(r) => Records::Update(r.clone()),
            Records::Delete(r) => Records::Delete(r.clone()),
        };
        Self {
            scope: self.scope.clone(),
            records,
            family: PhantomData,
        }
    }
}

impl<R: BulkWritable> PartialEq for BulkWrite<'_, R> {
    fn eq(&self, other: &Self) -> bool {
        self.scope == other.scope
            && match (&self.records, &other.records) {
                (Records::Create(a), Records::Create(b)) => a == b,
                (Records::Update(a), Records::Update(b)) => a == b,
                (Records::Delete(a), Records::Delete(b)) => a == b,
                _ => false,
            }
    }
}

impl<R: BulkWritable> std::fmt::Debug for BulkWrite<'_, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (kind, count) = match &self.records {
            Records::Create(r) => ("create", r.len()),
            Records::Update(r) => ("update", r.len()),
            Records::Delete(r) => ("delete", r.len()),
        };
        f.debug_struct("BulkWrite")
            .field("family", &R::NAME)
            .field("scope", &self.scope)
            .field("kind", &kind)
            .field("records", &count)
            .finish()
    }
}

impl<'a, R: BulkWritable + Unscoped> BulkWrite<'a, R> {
    /// Create these records.
    pub fn create(inputs: impl Into<Cow<'a, [R::Input]>>) -> Self {
        Self::create_within((), inputs)
    }

    /// Update these records.
    pub fn update(updates: impl Into<Cow<'a, [BulkUpdate<R::Update>]>>) -> Self {
        Self::update_within((), updates)
    }
}

impl<'a, R: BulkDeletable + Unscoped> BulkWrite<'a, R> {
    /// Delete these records.
    pub fn delete(ids: impl Into<StrList<'a>>) -> Self {
        Self::delete_within((), ids)
    }
}

impl<'a, R: BulkWritable> BulkWrite<'a, R> {
    /// Create these records in one of the family's collections (a klass's custom objects).
    pub fn create_within(
        scope: impl Into<R::Scope>,
        inputs: impl Into<Cow<'a, [R::Input]>>,
    ) -> Self {
        Self::of(scope.into(), Records::Create(inputs.into()))
    }

    /// Update these records of one of the family's collections.
    pub fn update_within(
        scope: impl Into<R::Scope>,
        updates: impl Into<Cow<'a, [BulkUpdate<R::Update>]>>,
    ) -> Self {
        Self::of(scope.into(), Records::Update(updates.into()))
    }

    fn of(scope: R::Scope, records: Records<'a, R>) -> Self {
        Self {
            scope,
            records,
            family: PhantomData,
        }
    }
}

impl<'a, R: BulkDeletable> BulkWrite<'a, R> {
    /// Delete these records of one of the family's collections.
    pub fn delete_within(scope: impl Into<R::Scope>, ids: impl Into<StrList<'a>>) -> Self {
        Self::of(scope.into(), Records::Delete(ids.into().into_cow()))
    }
}

impl<R: BulkWritable> Operation for BulkWrite<'_, R> {
    type Output = BulkJob;

    fn operation_id(&self) -> &'static str {
        R::operation_id(match &self.records {
            Records::Create(_) => OperationKind::BulkCreate,
            Records::Update(_) => OperationKind::BulkUpdate,
            Records::Delete(_) => OperationKind::BulkDelete,
        })
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        let mut request = self.build_unmarked(config)?;
        // Each arrival starts a new job, whatever the method.
        Idempotency::NotIdempotent.mark(&mut request);
        Ok(request)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<BulkJob, Error> {
        parse_one(response).map_err(|e| match &self.records {
            Records::Create(inputs) => inputs.iter().fold(e, |e, i| without_secrets(i, e)),
            Records::Update(updates) => updates.iter().fold(e, |e, u| without_secrets(&u.input, e)),
            Records::Delete(_) => e,
        })
    }
}

impl<R: BulkWritable> BulkWrite<'_, R> {
    fn build_unmarked(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        let path = format!("{}/bulk", collection::<R>(&self.scope)?);
        match &self.records {
            Records::Create(inputs) => {
                check_count(inputs.len())?;
                for input in inputs.iter() {
                    input.validate()?;
                    R::check_bulk_create(input)?;
                }
                config.request(Method::POST, &path, Some(json_body(&**inputs)?))
            }
            Records::Update(updates) => {
                check_count(updates.len())?;
                for update in updates.iter() {
                    segment(R::ID, &update.id)?;
                    update.input.validate()?;
                    R::check_bulk_update(&update.input)?;
                }

                config.request(Method::PUT, &path, Some(json_body(&**updates)?))
            }
            Records::Delete(ids) => {
                check_count(ids.len())?;
                for id in ids.iter() {
                    segment(R::ID, id)?;
                    if id.contains(',') {
                        return Err(
                            InvalidInput::new(R::ID, "holds a comma, which separates ids").into(),
                        );
                    }
                }
                let mut query = Query::new();
                query.push("ids", &ids.join(","));
                config.request(Method::DELETE, format!("{path}{}", query.as_str()), None)
            }
        }
    }
}

/// A bulk job's state (`GET /v1/bulk/{id}`).
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, bulk::GetBulkJob};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = GetBulkJob::new("5b3bddb67f8469003df370a4").build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/bulk/5b3bddb67f8469003df370a4");
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetBulkJob<'a> {
    id: Cow<'a, str>,
}

impl<'a> GetBulkJob<'a> {
    /// The job `id`.
    pub fn new(id: impl Into<Cow<'a, str>>) -> Self {
        Self { id: id.into() }
    }
}

impl Operation for GetBulkJob<'_> {
    type Output = BulkJob;

    fn operation_id(&self) -> &'static str {
        "GetBulkJob"
    }

    fn resource_id(&self) -> Option<&str> {
        Some(&self.id)
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        let path = format!("/bulk/{}", segment("bulk job id", &self.id)?);
        config.request(Method::GET, &path, None)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<BulkJob, Error> {
        parse_one(response)
    }
}

/// A bulk job's batches, with each record's outcome (`GET /v1/bulk/{id}/batches`).
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, bulk::ListBulkBatches};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = ListBulkBatches::new("5b3bddb67f8469003df370a4").build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/bulk/5b3bddb67f8469003df370a4/batches");
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListBulkBatches<'a> {
    id: Cow<'a, str>,
    paging: Paging,
}

impl<'a> ListBulkBatches<'a> {
    /// The batches of job `id`.
    pub fn new(id: impl Into<Cow<'a, str>>) -> Self {
        Self {
            id: id.into(),
            paging: Paging::default(),
        }
    }
}

impl Operation for ListBulkBatches<'_> {
    type Output = Page<BulkBatch>;

    fn operation_id(&self) -> &'static str {
        "GetBulkJobBatches"
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        if let Some(path) = self.paging.next_path() {
            return config.request(Method::GET, path, None);
        }
        let path = format!("/bulk/{}/batches", segment("bulk job id", &self.id)?);
        config.request(Method::GET, &path, None)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Page<BulkBatch>, Error> {
        parse_page(response, true)
    }
}

impl PagedOperation for ListBulkBatches<'_> {
    type Item = BulkBatch;

    fn paging(&self) -> &Paging {
        &self.paging
    }

    fn paging_mut(&mut self) -> &mut Paging {
        &mut self.paging
    }
}

/// The shortest pause between two polls of a bulk job: a shorter interval, zero included, is
/// taken as this.
pub const MIN_BULK_POLL_INTERVAL: Duration = Duration::from_millis(100);

/// Waiting for a bulk job to end, as a pure state machine: [`BulkWait::next`] says what to do
/// next given the last poll's answer and the time, and the caller does it (the client's
/// `wait_for_bulk` helpers loop over it; your own HTTP stack can too).
///
/// Polling is bounded by the time that passed and by the time slept, so that neither a clock
/// that stands still nor a zero interval polls forever.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use kustomer::bulk::BulkWait;
/// use kustomer::flow::{Flow, Step};
///
/// let start = SystemTime::UNIX_EPOCH;
/// let mut wait = BulkWait::new("5b3bddb67f8469003df370a4", Duration::from_secs(2), Duration::from_secs(5), start);
/// let Step::Send(poll) = wait.next(None, start)? else { panic!("it polls first") };
/// let running: kustomer::models::BulkJob = serde_json::from_str(r#"{"id":"5b3bddb67f8469003df370a4","attributes":{"status":"running"}}"#).unwrap();
/// assert!(matches!(wait.next(Some((poll, Ok(running.clone()))), start)?, Step::Wait(d) if d == Duration::from_secs(2)));
/// let Step::Send(poll) = wait.next(None, start)? else { panic!("it polls again") };
/// let later = start + Duration::from_secs(6);
/// assert!(matches!(wait.next(Some((poll, Ok(running))), later), Err(kustomer::Error::JobUnfinished { .. })));
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct BulkWait {
    job_id: String,
    interval: Duration,
    max_wait: Duration,
    started: SystemTime,
    slept: Duration,
}

impl BulkWait {
    /// Waits for job `job_id`, polling every `interval` (at least [`MIN_BULK_POLL_INTERVAL`]),
    /// for at most `max_wait` from `now`.
    pub fn new(job_id: &str, interval: Duration, max_wait: Duration, now: SystemTime) -> Self {
        Self {
            job_id: job_id.to_owned(),
            interval: interval.max(MIN_BULK_POLL_INTERVAL),
            max_wait,
            started: now,
            slept: Duration::ZERO,
        }
    }
}

impl Flow for BulkWait {
    type Request = GetBulkJob<'static>;
    type Item = std::convert::Infallible;
    type Output = BulkJob;

    /// The next step, given the result of the last poll (`None` before the first poll and
    /// after a wait) and the time.
    fn next(
        &mut self,
        polled: Option<Sent<GetBulkJob<'static>>>,
        now: SystemTime,
    ) -> Result<Step<GetBulkJob<'static>, BulkJob>, Error> {
        let Some(job) = polled.map(|(_, result)| result).transpose()? else {
            return Ok(Step::Send(GetBulkJob::new(self.job_id.clone())));
        };
        if job.is_finished() {
            return Ok(Step::Done(job));
        }
        let elapsed = now
            .duration_since(self.started)
            .unwrap_or_default()
            .max(self.slept);
        if elapsed >= self.max_wait {
            let status = job.attributes.status.as_deref().unwrap_or("unknown");
            return Err(Error::JobUnfinished {
                job_id: crate::protocol::excerpt::excerpt_str(&self.job_id),
                status: crate::protocol::excerpt::excerpt_str(status),
            });
        }
        let nap = self.interval.min(self.max_wait.saturating_sub(elapsed));
        self.slept = self.slept.saturating_add(nap);
        Ok(Step::Wait(nap))
    }
}

/// The end of a bulk job: its final state, its batches, and every record that failed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BulkReport {
    /// The job as it ended.
    pub job: BulkJob,
    /// Its batches.
    pub batches: Vec<BulkBatch>,
    /// The records that failed, from every batch.
    pub failures: Vec<BulkRecordResult>,
}

impl BulkReport {
    /// The report of `job` from its `batches`.
    pub fn new(job: BulkJob, batches: Vec<BulkBatch>) -> Self {
        let failures = batches
            .iter()
            .flat_map(|b| b.attributes.results.iter())
            .filter(|r| r.is_failure())
            .cloned()
            .collect();
        Self {
            job,
            batches,
            failures,
        }
    }
}
