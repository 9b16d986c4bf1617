//! `POST`, `PUT`, `DELETE /v1/customers/bulk`, and the jobs they start.

use std::borrow::Cow;

use http::{Method, Request, Response};
use serde::Serialize;

use crate::config::Config;
use crate::customers::input::CustomerInput;
use crate::customers::paths::json_body;
use crate::error::{Error, InvalidInput};
use crate::idempotency::Idempotency;
use crate::models::{BulkBatch, BulkJob};
use crate::operation::Operation;
use crate::page::{Page, PagedOperation, parse_one, parse_page};
use crate::path::segment;
use crate::query::Query;

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

/// A record of a bulk update: the customer's ID and what to change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerUpdate {
    /// The customer to update.
    pub id: String,
    /// What to set.
    #[serde(flatten)]
    pub input: CustomerInput,
}

/// Which bulk operation.
#[derive(Debug, Clone, PartialEq)]
enum Records<'a> {
    Create(Cow<'a, [CustomerInput]>),
    Update(Cow<'a, [CustomerUpdate]>),
    Delete(Cow<'a, [String]>),
}

/// Create, update or delete up to 100 customers in one job (`POST`, `PUT` or
/// `DELETE /v1/customers/bulk`, Kustomer's `bulkCreateCustomers`, `bulkBatchUpdateCustomers`,
/// `bulkDeleteCustomers`; 201 with a [`BulkJob`]). Every record is validated first.
///
/// Roles: those of the single-record operation (`customer.write`/`create`, `update`, `delete`).
///
/// Every bulk request starts a job, whatever its method: it is marked
/// [`Idempotency::NotIdempotent`], so neither the client nor a transport sends it twice after a
/// server error or a broken connection (a 429 is still waited out and retried).
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, customers::{BulkCustomers, CustomerInput}};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let inputs = vec![CustomerInput::new().name("Ada"), CustomerInput::new().name("Grace")];
/// let request = BulkCustomers::create(&inputs).build(&config)?;
/// assert_eq!(request.body(), br#"[{"name":"Ada"},{"name":"Grace"}]"#);
/// let ids = vec!["a1".to_string(), "b2".to_string()];
/// let request = BulkCustomers::delete(&ids).build(&config)?;
/// assert_eq!(request.uri().query(), Some("ids=a1%2Cb2"));
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct BulkCustomers<'a> {
    records: Records<'a>,
}

impl<'a> BulkCustomers<'a> {
    /// Create these customers.
    pub fn create(inputs: impl Into<Cow<'a, [CustomerInput]>>) -> Self {
        Self {
            records: Records::Create(inputs.into()),
        }
    }

    /// Update these customers.
    pub fn update(updates: impl Into<Cow<'a, [CustomerUpdate]>>) -> Self {
        Self {
            records: Records::Update(updates.into()),
        }
    }

    /// Delete these customers.
    pub fn delete(ids: impl Into<Cow<'a, [String]>>) -> Self {
        Self {
            records: Records::Delete(ids.into()),
        }
    }
}

impl Operation for BulkCustomers<'_> {
    type Output = BulkJob;

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        let mut request = self.build_unmarked(config)?;
        // Each arrival starts a new job, whatever the method.
        Idempotency::NotIdempotent.mark(&mut request);
        Ok(request)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<BulkJob, Error> {
        parse_one(response)
    }
}

impl BulkCustomers<'_> {
    fn build_unmarked(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        match &self.records {
            Records::Create(inputs) => {
                check_count(inputs.len())?;
                inputs.iter().try_for_each(CustomerInput::validate)?;
                config.request(Method::POST, "/customers/bulk", Some(json_body(&**inputs)?))
            }
            Records::Update(updates) => {
                check_count(updates.len())?;
                for update in updates.iter() {
                    segment("customer id", &update.id)?;
                    update.input.validate()?;
                }
                config.request(Method::PUT, "/customers/bulk", Some(json_body(&**updates)?))
            }
            Records::Delete(ids) => {
                check_count(ids.len())?;
                for id in ids.iter() {
                    segment("customer id", id)?;
                    if id.contains(',') {
                        return Err(InvalidInput::new(
                            "customer id",
                            "holds a comma, which separates ids",
                        )
                        .into());
                    }
                }
                let mut query = Query::new();
                query.push("ids", &ids.join(","));
                config.request(
                    Method::DELETE,
                    format!("/customers/bulk{}", query.as_str()),
                    None,
                )
            }
        }
    }
}

/// A bulk job's state (`GET /v1/bulk/{id}`).
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, customers::GetBulkJob};
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
/// use kustomer::{ApiKey, Config, Operation, customers::ListBulkBatches};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = ListBulkBatches::new("5b3bddb67f8469003df370a4").build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/bulk/5b3bddb67f8469003df370a4/batches");
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListBulkBatches<'a> {
    id: Cow<'a, str>,
    at: Option<String>,
}

impl<'a> ListBulkBatches<'a> {
    /// The batches of job `id`.
    pub fn new(id: impl Into<Cow<'a, str>>) -> Self {
        Self {
            id: id.into(),
            at: None,
        }
    }
}

impl Operation for ListBulkBatches<'_> {
    type Output = Page<BulkBatch>;

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        if let Some(path) = &self.at {
            return config.request(Method::GET, path, None);
        }
        let path = format!("/bulk/{}/batches", segment("bulk job id", &self.id)?);
        config.request(Method::GET, &path, None)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Page<BulkBatch>, Error> {
        parse_page(response)
    }
}

impl PagedOperation for ListBulkBatches<'_> {
    type Item = BulkBatch;

    fn at(&self, path: String) -> Self {
        Self {
            at: Some(path),
            ..self.clone()
        }
    }
}
