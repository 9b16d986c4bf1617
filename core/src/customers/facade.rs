//! The customer operations on a [`Client`]: one call each, iterators over lists and searches,
//! upsert, and bulk jobs that are split and awaited.

use std::fmt;
use std::time::Duration;

use serde_json::{Map, Value};

use crate::client::Client;
use crate::customers::GetCustomer;
use crate::customers::bulk::{
    BulkCustomers, CustomerUpdate, GetBulkJob, ListBulkBatches, MAX_BULK_RECORDS,
};
use crate::customers::input::CustomerInput;
use crate::customers::list::ListCustomers;
use crate::customers::lookup::LookupCustomer;
use crate::customers::related::{CreateMerge, CreateRelated, GetMerge, ListRelated, Related};
use crate::customers::search::{SearchCustomers, SearchQuery, SearchWalk};
use crate::customers::write::{CreateCustomer, DeleteCustomer, UpdateCustomer, UpdateMode};
use crate::error::Error;
use crate::models::{BulkBatch, BulkJob, BulkRecordResult, Customer, Resource};
use crate::page::{BadRecord, Cursor, PagedOperation, Record};
use crate::transport::Transport;

/// Customer operations through a [`Client`]; from [`Client::customers`].
///
/// ```
/// # use kustomer::{ApiKey, Client, Config};
/// # let transport = |_r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(http::Response::new(
/// #     br#"{"data":{"id":"58210c3db0f09110006b7953","attributes":{"name":"Ada"}}}"#.to_vec()));
/// # let client = Client::new(Config::new(ApiKey::new("key")?), transport);
/// let customers = client.customers();
/// let ada = customers.by_email("ada@example.com")?;
/// # Ok::<(), kustomer::Error>(())
/// ```
pub struct Customers<'c, T> {
    client: &'c Client<T>,
}

impl<'c, T> Customers<'c, T> {
    pub(crate) fn new(client: &'c Client<T>) -> Self {
        Self { client }
    }
}

/// The shortest pause between two polls of [`Customers::wait_for_bulk`]: a shorter interval,
/// zero included, is taken as this.
pub const MIN_BULK_POLL_INTERVAL: Duration = Duration::from_millis(100);

/// What [`Customers::upsert`] did.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Upserted {
    /// No customer matched; this one was created.
    Created(Customer),
    /// This customer matched and was updated.
    Updated(Customer),
}

impl Upserted {
    /// The customer, either way.
    pub fn customer(&self) -> &Customer {
        match self {
            Upserted::Created(c) | Upserted::Updated(c) => c,
        }
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

impl<T: Transport> Customers<'_, T> {
    /// Gets a customer by ID; see [`GetCustomer`].
    ///
    /// ```
    /// # use kustomer::{ApiKey, Client, Config};
    /// # let body = r#"{"data":{"type":"customer","id":"58210c3db0f09110006b7953","attributes":{"name":"Ada"}}}"#;
    /// # let transport = move |_req: http::Request<Vec<u8>>| {
    /// #     Ok::<_, std::io::Error>(http::Response::new(body.as_bytes().to_vec()))
    /// # };
    /// let client = Client::new(Config::new(ApiKey::new("key")?), transport);
    /// let customer = client.customers().get("58210c3db0f09110006b7953")?;
    /// assert_eq!(customer.attributes.name.as_deref(), Some("Ada"));
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn get(&self, id: &str) -> Result<Customer, Error> {
        self.client.execute(&GetCustomer::new(id))
    }

    /// Finds a customer by email; see [`LookupCustomer`]. A miss is [`Error::NotFound`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// match client.customers().by_email("ada+news@example.com") {
    ///     Ok(customer) => println!("{}", customer.id),
    ///     Err(e) if e.is_not_found() => println!("no such customer"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn by_email(&self, email: &str) -> Result<Customer, Error> {
        self.client.execute(&LookupCustomer::by_email(email))
    }

    /// Finds a customer by your ID for it; see [`LookupCustomer`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let customer = client.customers().by_external_id("crm-42")?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn by_external_id(&self, external_id: &str) -> Result<Customer, Error> {
        self.client
            .execute(&LookupCustomer::by_external_id(external_id))
    }

    /// Finds a customer by phone (E.164); see [`LookupCustomer`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let customer = client.customers().by_phone("+15555550123")?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn by_phone(&self, phone: &str) -> Result<Customer, Error> {
        self.client.execute(&LookupCustomer::by_phone(phone))
    }

    /// Creates a customer; see [`CreateCustomer`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::customers::CustomerInput;
    ///
    /// let ada = client.customers().create(&CustomerInput::new().name("Ada").email("ada@example.com"))?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn create(&self, input: &CustomerInput) -> Result<Customer, Error> {
        self.client.execute(&CreateCustomer::new(input))
    }

    /// Updates a customer; see [`UpdateCustomer`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::customers::{CustomerInput, UpdateMode};
    ///
    /// let ada = client.customers().get("58210c3db0f09110006b7953")?;
    /// let rename = CustomerInput { rev: ada.attributes.rev, ..CustomerInput::new().name("Ada King") };
    /// match client.customers().update(&ada.id, &rename, UpdateMode::Merge) {
    ///     Err(e) if e.is_conflict() => println!("changed meanwhile: read it again"),
    ///     other => { other?; }
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn update(
        &self,
        id: &str,
        input: &CustomerInput,
        mode: UpdateMode,
    ) -> Result<Customer, Error> {
        self.client
            .execute(&UpdateCustomer::new(id, input).mode(mode))
    }

    /// Deletes a customer; see [`DeleteCustomer`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// client.customers().delete("58210c3db0f09110006b7953")?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn delete(&self, id: &str) -> Result<(), Error> {
        self.client.execute(&DeleteCustomer::new(id))
    }

    /// Creates or updates: finds the customer by `input.external_id`, else by its first email;
    /// updates it (merging) if found, creates it otherwise. The flow sync jobs write by hand.
    ///
    /// ```
    /// # use kustomer::{ApiKey, Client, Config};
    /// # let transport = |r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(if r.method() == http::Method::GET {
    /// #     http::Response::builder().status(404).body(Vec::new()).unwrap()
    /// # } else {
    /// #     http::Response::builder().status(201).body(br#"{"data":{"id":"5f3c0d0e2f1a4b0012ab34cd"}}"#.to_vec()).unwrap()
    /// # });
    /// # let client = Client::new(Config::new(ApiKey::new("key")?), transport);
    /// use kustomer::customers::{CustomerInput, Upserted};
    ///
    /// let input = CustomerInput::new().external_id("crm-42").email("ada@example.com").name("Ada");
    /// match client.customers().upsert(&input)? {
    ///     Upserted::Created(c) => println!("created {}", c.id),
    ///     Upserted::Updated(c) => println!("updated {}", c.id),
    ///     _ => {}
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn upsert(&self, input: &CustomerInput) -> Result<Upserted, Error> {
        input.validate()?;
        let mut found = None;
        if let Some(external_id) = input.external_id.as_deref() {
            found = missing_is_none(self.by_external_id(external_id))?;
        }
        if found.is_none()
            && let Some(email) = input.first_email()
        {
            found = missing_is_none(self.by_email(email))?;
        }
        match found {
            Some(existing) => self
                .update(&existing.id, input, UpdateMode::Merge)
                .map(Upserted::Updated),
            None => self.create(input).map(Upserted::Created),
        }
    }

    /// Every customer the listing yields, page after page; see [`ListCustomers`].
    ///
    /// ```
    /// # use kustomer::{ApiKey, Client, Config};
    /// # let transport = |_r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(http::Response::new(
    /// #     br#"{"data":[{"id":"a"},{"id":"b"}],"links":{"next":null}}"#.to_vec()));
    /// # let client = Client::new(Config::new(ApiKey::new("key")?), transport);
    /// use kustomer::customers::ListCustomers;
    ///
    /// let mut count = 0;
    /// for customer in client.customers().list(ListCustomers::new().page_size(100)) {
    ///     let customer = customer?;
    ///     count += 1;
    /// }
    /// assert_eq!(count, 2);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn list(&self, first: ListCustomers) -> Paginated<'_, T, ListCustomers> {
        Paginated::new(self.client, first)
    }

    /// Every result of a search, up to the API's 100-page cap; see [`SearchCustomers`]. For
    /// more, use [`search_all`](Self::search_all).
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::customers::{Criterion, SearchCustomers, SearchQuery};
    ///
    /// let query = SearchQuery::customers().and(Criterion::contains("customer_name", "Ada"));
    /// for customer in client.customers().search(SearchCustomers::new(query).page_size(500)) {
    ///     println!("{}", customer?.id);
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn search(&self, first: SearchCustomers) -> Paginated<'_, T, SearchCustomers> {
        Paginated::new(self.client, first)
    }

    /// Every result of a search, past the 100-page cap, each once; see [`SearchWalk`].
    ///
    /// ```
    /// # use kustomer::{ApiKey, Client, Config};
    /// # let transport = |_r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(http::Response::new(
    /// #     br#"{"data":[{"id":"a","attributes":{"updatedAt":"2024-01-01T00:00:00.000Z"}}],"links":{"next":null}}"#.to_vec()));
    /// # let client = Client::new(Config::new(ApiKey::new("key")?), transport);
    /// use kustomer::customers::{Criterion, SearchQuery};
    ///
    /// let query = SearchQuery::customers().and(Criterion::gte("customer_created_at", "2020-01-01"));
    /// let ids: Vec<String> = client
    ///     .customers()
    ///     .search_all(query, 500)
    ///     .map(|c| c.map(|c| c.id))
    ///     .collect::<Result<_, _>>()?;
    /// assert_eq!(ids, ["a"]);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn search_all(&self, query: SearchQuery, page_size: u32) -> SearchAll<'_, T> {
        SearchAll {
            client: self.client,
            walk: SearchWalk::new(query, page_size),
            buffer: Vec::new().into_iter(),
            rejected: Vec::new().into_iter(),
        }
    }

    /// Every conversation, message, note, merge or custom object of a customer; see
    /// [`ListRelated`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::customers::{ListRelated, Related};
    ///
    /// let list = ListRelated::new("58210c3db0f09110006b7953", Related::Conversations)
    ///     .from_date("2024-01-01T00:00:00.000Z");
    /// for conversation in client.customers().related(list) {
    ///     println!("{:?}", conversation?.attributes.get("name"));
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn related(&self, first: ListRelated<'static>) -> Paginated<'_, T, ListRelated<'static>> {
        Paginated::new(self.client, first)
    }

    /// Creates a conversation, message or custom object for a customer; see [`CreateRelated`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::customers::Related;
    ///
    /// let order = serde_json::json!({"title": "Order #1059", "custom": {"totalPriceNum": 64.67}});
    /// let object = client.customers().create_related(
    ///     "58210c3db0f09110006b7953",
    ///     Related::CustomObjects("order".into()),
    ///     order.as_object().cloned().unwrap_or_default(),
    /// )?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn create_related(
        &self,
        customer_id: &str,
        related: Related,
        body: Map<String, Value>,
    ) -> Result<Resource, Error> {
        self.client
            .execute(&CreateRelated::new(customer_id, related, body))
    }

    /// Merges customer `source` into `target`; see [`CreateMerge`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let merge = client.customers().merge("5822ba88d4e96711004eccd5", "58210c3db0f09110006b7953")?;
    /// let again = client.customers().get_merge(merge.id.as_deref().unwrap_or_default())?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn merge(&self, source: &str, target: &str) -> Result<Resource, Error> {
        self.client.execute(&CreateMerge::new(source, target))
    }

    /// A merge by ID; see [`GetMerge`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let merge = client.customers().get_merge("5822bab2aa5f92110005d6b2")?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn get_merge(&self, id: &str) -> Result<Resource, Error> {
        self.client.execute(&GetMerge::new(id))
    }

    /// Creates any number of customers in bulk jobs of at most 100 records each; returns the
    /// jobs, in order. See [`BulkCustomers`] and [`wait_for_bulk`](Self::wait_for_bulk).
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use std::time::Duration;
    /// use kustomer::customers::CustomerInput;
    ///
    /// let inputs: Vec<_> = (0..250).map(|i| CustomerInput::new().name(format!("Customer {i}"))).collect();
    /// for job in client.customers().bulk_create(&inputs)? {
    ///     let report = client.customers().wait_for_bulk(&job.id, Duration::from_secs(2), Duration::from_secs(600))?;
    ///     for failure in &report.failures {
    ///         eprintln!("record {:?} failed: {:?}", failure.index, failure.errors);
    ///     }
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn bulk_create(&self, inputs: &[CustomerInput]) -> Result<Vec<BulkJob>, Error> {
        inputs.iter().try_for_each(CustomerInput::validate)?;
        inputs
            .chunks(MAX_BULK_RECORDS)
            .map(|chunk| self.client.execute(&BulkCustomers::create(chunk)))
            .collect()
    }

    /// Updates any number of customers in bulk jobs of at most 100 records each.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::customers::{CustomerInput, CustomerUpdate};
    ///
    /// let updates = vec![CustomerUpdate { id: "58210c3db0f09110006b7953".into(), input: CustomerInput::new().tag("vip") }];
    /// let jobs = client.customers().bulk_update(&updates)?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn bulk_update(&self, updates: &[CustomerUpdate]) -> Result<Vec<BulkJob>, Error> {
        updates.iter().try_for_each(|u| u.input.validate())?;
        updates
            .chunks(MAX_BULK_RECORDS)
            .map(|chunk| self.client.execute(&BulkCustomers::update(chunk)))
            .collect()
    }

    /// Deletes any number of customers in bulk jobs of at most 100 IDs each.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let jobs = client.customers().bulk_delete(&["58210c3db0f09110006b7953".to_string()])?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn bulk_delete(&self, ids: &[String]) -> Result<Vec<BulkJob>, Error> {
        ids.chunks(MAX_BULK_RECORDS)
            .map(|chunk| self.client.execute(&BulkCustomers::delete(chunk)))
            .collect()
    }

    /// Polls a bulk job every `interval` (through the client's clock) until it ends, then reads
    /// its batches and collects every failed record.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use std::time::Duration;
    ///
    /// let report = client.customers().wait_for_bulk("5b3bddb67f8469003df370a4", Duration::from_secs(2), Duration::from_secs(300))?;
    /// println!("{} records failed", report.failures.len());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::JobUnfinished`] if it has not ended after `max_wait`; any error of the polls.
    pub fn wait_for_bulk(
        &self,
        job_id: &str,
        interval: Duration,
        max_wait: Duration,
    ) -> Result<BulkReport, Error> {
        // Bounded by the time that passed on the client's clock, and by the time slept, so that
        // neither a clock that stands still nor a zero interval polls forever.
        let interval = interval.max(MIN_BULK_POLL_INTERVAL);
        let started = self.client.now();
        let mut slept = Duration::ZERO;
        let job = loop {
            let job = self.client.execute(&GetBulkJob::new(job_id))?;
            if job.is_finished() {
                break job;
            }
            let elapsed = self
                .client
                .now()
                .duration_since(started)
                .unwrap_or_default()
                .max(slept);
            if elapsed >= max_wait {
                let status = job.attributes.status.as_deref().unwrap_or("unknown");
                return Err(self.client.scrub(Error::JobUnfinished {
                    job_id: crate::excerpt::excerpt_str(job_id),
                    status: crate::excerpt::excerpt_str(status),
                }));
            }
            let nap = interval.min(max_wait.saturating_sub(elapsed));
            self.client.sleep(nap);
            slept = slept.saturating_add(nap);
        };
        let batches = Paginated::new(self.client, ListBulkBatches::new(job_id.to_owned()))
            .collect::<Result<Vec<_>, _>>()?;
        let failures = batches
            .iter()
            .flat_map(|b| b.attributes.results.iter())
            .filter(|r| r.is_failure())
            .cloned()
            .collect();
        Ok(BulkReport {
            job,
            batches,
            failures,
        })
    }
}

fn missing_is_none(result: Result<Customer, Error>) -> Result<Option<Customer>, Error> {
    match result {
        Ok(customer) => Ok(Some(customer)),
        Err(e) if e.is_not_found() => Ok(None),
        Err(e) => Err(e),
    }
}

impl<T> fmt::Debug for Customers<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Customers").finish_non_exhaustive()
    }
}

/// Every item of a paged list, fetching a page when the last one is used up: holds one page at
/// a time, follows `links.next` until it is null, and ends with an error (once) if a request
/// fails, a `next` link repeats or leaves the configured host, or pages stop bringing new items
/// (see [`Cursor`]). An item repeated within the last few pages is yielded once.
///
/// An item that cannot be read comes as an [`Error::BadRecord`] (its raw JSON inside) after the
/// good items of its page, and the list goes on: skip it with `filter_map`, or log it and go on,
/// rather than stop at the first error with `collect::<Result<Vec<_>, _>>()`.
pub struct Paginated<'c, T, O: PagedOperation> {
    client: &'c Client<T>,
    next: Option<O>,
    cursor: Cursor,
    buffer: std::vec::IntoIter<O::Item>,
    rejected: std::vec::IntoIter<BadRecord>,
    pending_error: Option<Error>,
}

impl<'c, T, O: PagedOperation> Paginated<'c, T, O> {
    pub(crate) fn new(client: &'c Client<T>, first: O) -> Self {
        // The first request's own path counts as read: a `next` link back to it is a repeat.
        let config = client.config();
        let cursor = first
            .build(config)
            .ok()
            .and_then(|request| {
                let uri = request.uri().to_string();
                let rest = uri
                    .strip_prefix(config.base_url().as_str())?
                    .strip_prefix("/v1")?;
                Some(Cursor::starting_at(rest))
            })
            .unwrap_or_default();
        Self {
            client,
            next: Some(first),
            cursor,
            buffer: Vec::new().into_iter(),
            rejected: Vec::new().into_iter(),
            pending_error: None,
        }
    }
}

impl<T: Transport, O: PagedOperation> Iterator for Paginated<'_, T, O>
where
    O::Item: Record,
{
    type Item = Result<O::Item, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.buffer.next() {
                return Some(Ok(item));
            }
            if let Some(record) = self.rejected.next() {
                return Some(Err(self.client.scrub(Error::BadRecord(Box::new(record)))));
            }
            if let Some(error) = self.pending_error.take() {
                return Some(Err(error));
            }
            let op = self.next.take()?;
            let page = match self.client.execute(&op) {
                Ok(page) => page,
                Err(e) => return Some(Err(e)),
            };
            // A page of unreadable items still brought something.
            let has_next = page.links.next.as_deref().is_some_and(|n| !n.is_empty())
                && page.rejected.is_empty();
            self.rejected = page.rejected.into_iter();
            let items = match self.cursor.fresh(page.items, has_next) {
                Ok(items) => items,
                // Pages that bring nothing new: the list does not end by itself.
                Err(e) => return Some(Err(self.client.scrub(e))),
            };
            match self
                .cursor
                .advance(self.client.config().base_url(), &page.links)
            {
                Ok(next) => self.next = next.map(|path| op.at(path)),
                // This page's items first, then the error.
                Err(e) => self.pending_error = Some(self.client.scrub(e)),
            }
            self.buffer = items.into_iter();
        }
    }
}

impl<T, O: PagedOperation> fmt::Debug for Paginated<'_, T, O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Paginated")
            .field("done", &self.next.is_none())
            .finish_non_exhaustive()
    }
}

/// Every result of a search, past the 100-page cap; from [`Customers::search_all`].
pub struct SearchAll<'c, T> {
    client: &'c Client<T>,
    walk: SearchWalk,
    buffer: std::vec::IntoIter<Customer>,
    rejected: std::vec::IntoIter<BadRecord>,
}

impl<T: Transport> Iterator for SearchAll<'_, T> {
    type Item = Result<Customer, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(customer) = self.buffer.next() {
                return Some(Ok(customer));
            }
            if let Some(record) = self.rejected.next() {
                return Some(Err(self.client.scrub(Error::BadRecord(Box::new(record)))));
            }
            let op = self.walk.next_operation()?;
            let page = match self.client.execute(&op) {
                Ok(page) => page,
                Err(e) => {
                    // Stop after reporting: the client's retry policy already had its chances.
                    self.walk.stop();
                    return Some(Err(e));
                }
            };
            // The walk counts them on its page too (usually there are none to copy).
            self.rejected = page.rejected.clone().into_iter();
            match self.walk.take_page(page) {
                Ok(fresh) => self.buffer = fresh.into_iter(),
                Err(e) => return Some(Err(self.client.scrub(e))),
            }
        }
    }
}

impl<T> fmt::Debug for SearchAll<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchAll")
            .field("walk", &self.walk)
            .finish_non_exhaustive()
    }
}
