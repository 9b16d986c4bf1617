//! The client's per-family handles (`client.conversations()`, ...): one call per operation the
//! family has, iterators over lists and searches, bulk jobs split and awaited. Written once for
//! every family; a family's own module adds only what is its own.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::time::Duration;

use crate::generic::bulk::{BulkReport, BulkUpdate, BulkWrite, MAX_BULK_RECORDS};
use crate::generic::bulk_job::BulkJob;
use crate::generic::client::Client;
use crate::generic::family::{
    BulkDeletable, BulkWritable, ChildOf, Creatable, CreatedUnder, Deletable, ExternalIdLookup,
    Family, Gettable, Input, Listable, Searchable, Unscoped, Updatable,
};
use crate::generic::ops::{
    Create, CreateUnder, Delete, Get, GetByExternalId, List, ListUnder, Search, Update, UpdateMode,
    Walk,
};
use crate::generic::paginated::{Paginated, Walking};
use crate::generic::search::query::SearchQuery;
use crate::protocol::error::Error;
use crate::protocol::str_list::StrList;
use crate::protocol::transport::Transport;

/// One family's operations through a [`Client`]: `client.customers()`, `client.conversations()`,
/// `client.messages()`, `client.notes()`. Which methods exist depends on what Kustomer offers for
/// the family (a message cannot be deleted, say); each family's module adds its own (lookups by
/// email, tags, redactions).
///
/// ```
/// # use kustomer::{ApiKey, Client, Config};
/// # let transport = |_r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(http::Response::new(
/// #     br#"{"data":{"type":"conversation","id":"58228e05d4e96711004eccb7","attributes":{"status":"open"}}}"#.to_vec()));
/// # let client = Client::new(Config::new(ApiKey::new("key")?), transport);
/// let conversation = client.conversations().get("58228e05d4e96711004eccb7")?;
/// assert_eq!(conversation.attributes.status, Some(kustomer::models::ConversationStatus::Open));
/// # Ok::<(), kustomer::Error>(())
/// ```
pub struct Handle<'c, T, R: Family> {
    client: &'c Client<T>,
    scope: R::Scope,
    family: PhantomData<fn() -> R>,
}

impl<T> Client<T> {
    /// Any family's operations, by its model type: `client.family::<Conversation>()` is
    /// `client.conversations()`. For code written once for every family.
    ///
    /// ```
    /// # use kustomer::{ApiKey, Client, Config};
    /// # let transport = |_r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(http::Response::new(
    /// #     br#"{"data":{"type":"note","id":"57cf1d65079e780006e34f79","attributes":{"body":"Hey"}}}"#.to_vec()));
    /// # let client = Client::new(Config::new(ApiKey::new("key")?), transport);
    /// use kustomer::family::Gettable;
    ///
    /// fn exists<R: Gettable, T: kustomer::Transport>(client: &Client<T>, id: &str) -> Result<bool, kustomer::Error> {
    ///     match client.family::<R>().get(id) {
    ///         Ok(_) => Ok(true),
    ///         Err(e) if e.is_not_found() => Ok(false),
    ///         Err(e) => Err(e),
    ///     }
    /// }
    /// assert!(exists::<kustomer::models::Note, _>(&client, "57cf1d65079e780006e34f79")?);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    ///
    /// A family with one collection per klass (custom objects) needs the klass:
    /// [`family_within`](Self::family_within). Without one, its every operation is refused
    /// before I/O.
    pub fn family<R: crate::generic::family::Family>(&self) -> Handle<'_, T, R> {
        Handle::within(self, R::Scope::default())
    }

    /// Any family's operations in one of its collections: `client.family_within::<KObject>("order")`
    /// is `client.custom_objects("order")`; `client.family_within::<Note>(())` is
    /// `client.notes()`.
    ///
    /// ```
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::models::KObject;
    ///
    /// let orders = client.family_within::<KObject>("order");
    /// assert_eq!(orders.scope().as_str(), "order");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn family_within<R: crate::generic::family::Family>(
        &self,
        scope: impl Into<R::Scope>,
    ) -> Handle<'_, T, R> {
        Handle::within(self, scope.into())
    }
}

impl<'c, T, R: Family> Handle<'c, T, R> {
    pub(crate) fn within(client: &'c Client<T>, scope: R::Scope) -> Self {
        Self {
            client,
            scope,
            family: PhantomData,
        }
    }

    /// The client this handle calls through.
    pub fn client(&self) -> &'c Client<T> {
        self.client
    }

    /// The collection this handle works in: `()` for a family with one collection, the klass
    /// for custom objects.
    pub fn scope(&self) -> &R::Scope {
        &self.scope
    }
}

impl<'c, T, R: Unscoped> Handle<'c, T, R> {
    pub(crate) fn new(client: &'c Client<T>) -> Self {
        Self::within(client, ())
    }
}

impl<T, R: Family> Clone for Handle<'_, T, R> {
    fn clone(&self) -> Self {
        Self::within(self.client, self.scope.clone())
    }
}

impl<T, R: Family> fmt::Debug for Handle<'_, T, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Handle")
            .field("family", &R::NAME)
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

impl<T: Transport, R: Gettable> Handle<'_, T, R> {
    /// Gets a record by ID (`GET {PATH}/{id}`); a miss is [`Error::NotFound`].
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
    pub fn get(&self, id: &str) -> Result<R, Error> {
        self.client
            .execute(&Get::<R>::within(self.scope.clone(), id))
    }
}

impl<T: Transport, R: ExternalIdLookup> Handle<'_, T, R> {
    /// Finds a record by your ID for it (`GET {PATH}/externalId={id}`); a miss is
    /// [`Error::NotFound`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let conversation = client.conversations().by_external_id("ticket-42")?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn by_external_id(&self, external_id: &str) -> Result<R, Error> {
        self.client.execute(&GetByExternalId::<R>::within(
            self.scope.clone(),
            external_id,
        ))
    }
}

impl<T: Transport, R: Creatable> Handle<'_, T, R> {
    /// Creates a record (`POST {PATH}`); the input is checked first.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::customers::CustomerInput;
    ///
    /// let ada = client.customers().create(&CustomerInput::new().name("Ada").email("ada@example.com"))?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn create(&self, input: &R::Input) -> Result<R, Error> {
        self.client.execute(&Create::<R>::within(
            self.scope.clone(),
            Cow::Borrowed(input),
        ))
    }
}

impl<T: Transport, R: Updatable> Handle<'_, T, R> {
    /// Updates a record (`PUT ?replace=` or `PATCH`); a stale `rev` is [`Error::Conflict`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::customers::CustomerInput;
    /// use kustomer::ops::UpdateMode;
    ///
    /// let ada = client.customers().get("58210c3db0f09110006b7953")?;
    /// let mut rename = CustomerInput::new().name("Ada King");
    /// rename.rev = ada.attributes.rev;
    /// match client.customers().update(&ada.id, &rename, UpdateMode::Merge) {
    ///     Err(e) if e.is_conflict() => println!("changed meanwhile: read it again"),
    ///     other => { other?; }
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn update(&self, id: &str, input: &R::Update, mode: UpdateMode) -> Result<R, Error> {
        self.client
            .execute(&Update::<R>::within(self.scope.clone(), id, Cow::Borrowed(input)).mode(mode))
    }
}

impl<T: Transport, R: Deletable> Handle<'_, T, R> {
    /// Deletes a record (`DELETE {PATH}/{id}`).
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// client.customers().delete("58210c3db0f09110006b7953")?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn delete(&self, id: &str) -> Result<(), Error> {
        self.client
            .execute(&Delete::<R>::within(self.scope.clone(), id))
    }
}

impl<'c, T: Transport, R: Listable> Handle<'c, T, R> {
    /// Every record the listing yields, page after page; see [`Paginated`].
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
    pub fn list(&self, first: List<R>) -> Paginated<'c, T, List<R>> {
        Paginated::new(self.client, first)
    }
}

impl<'c, T: Transport, R: Searchable> Handle<'c, T, R> {
    /// Every result of a search, up to the API's 100-page cap: it ends after page 100 without
    /// asking for more, and [`Paginated::capped`] then says whether results were left; for
    /// every result, use [`search_all`](Self::search_all).
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::customers::SearchCustomers;
    /// use kustomer::search::{Criterion, SearchQuery};
    ///
    /// let query = SearchQuery::customers().and(Criterion::contains("customer_name", "Ada"));
    /// for customer in client.customers().search(SearchCustomers::new(query).page_size(500)) {
    ///     println!("{}", customer?.id);
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn search(&self, first: Search<R>) -> Paginated<'c, T, Search<R>> {
        Paginated::new(self.client, first)
    }

    /// Every result of a search, past the 100-page cap, each once; see [`Walk`].
    ///
    /// ```
    /// # use kustomer::{ApiKey, Client, Config};
    /// # let transport = |_r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(http::Response::new(
    /// #     br#"{"data":[{"id":"a","attributes":{"updatedAt":"2024-01-01T00:00:00.000Z"}}],"links":{"next":null}}"#.to_vec()));
    /// # let client = Client::new(Config::new(ApiKey::new("key")?), transport);
    /// use kustomer::search::{Criterion, SearchQuery};
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
    pub fn search_all(&self, query: SearchQuery, page_size: u32) -> Walking<'c, T, R> {
        Walking::new(
            self.client,
            Walk::within(self.scope.clone(), query, page_size),
        )
    }
}

impl<'c, T: Transport + Send + Sync + 'static, R: Searchable + Send> Handle<'c, T, R> {
    /// Every result of a search, exported on several threads at once through this client and
    /// its pacer, each once; see [`ExportBuilder`](crate::search::ExportBuilder). To use the
    /// org's whole budget: a [`RatePacer::new`](crate::RatePacer::new) at the budget (it counts
    /// requests, so a saturated load uses all of it), and enough threads to cover the latency
    /// (budget per second × latency in seconds, plus one; more when the server is slow).
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::search::SearchQuery;
    ///
    /// let export = client
    ///     .customers()
    ///     .export(SearchQuery::customers(), 500)
    ///     .threads(4)
    ///     .progress(|p| eprintln!("{} of about {:?}", p.records, p.estimated_total))
    ///     .start()?;
    /// for customer in export {
    ///     println!("{}", customer?.id);
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn export(
        &self,
        query: SearchQuery,
        page_size: u32,
    ) -> crate::generic::export::ExportBuilder<'c, T, R> {
        crate::generic::export::ExportBuilder::new(
            self.client,
            self.scope.clone(),
            query,
            page_size,
        )
    }
}

impl<'c, T: Transport, R: Family> Handle<'c, T, R> {
    /// Every record of this family under record `parent` of family `P`, page after page (a
    /// conversation's messages, a customer's notes...); each family module names these (see
    /// [`ListUnder`]).
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::models::Conversation;
    /// use kustomer::ops::ListUnder;
    ///
    /// for message in client.messages().under(ListUnder::<Conversation, _>::new("58228e05d4e96711004eccb7")) {
    ///     println!("{:?}", message?.attributes.preview);
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn under<'a, P: Family>(
        &self,
        first: ListUnder<'a, P, R>,
    ) -> Paginated<'c, T, ListUnder<'a, P, R>>
    where
        R: ChildOf<P>,
    {
        Paginated::new(self.client, first)
    }

    /// Creates a record of this family under record `parent` of family `P` (a message in a
    /// conversation, a conversation for a customer...).
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::models::Conversation;
    /// use kustomer::notes::NoteInput;
    ///
    /// let note = client.notes().create_under::<Conversation>("58228e05d4e96711004eccb7", &NoteInput::new("Called back"))?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn create_under<P: Family>(
        &self,
        parent: &str,
        input: &<R as CreatedUnder<P>>::Input,
    ) -> Result<R, Error>
    where
        R: CreatedUnder<P>,
    {
        self.client.execute(&CreateUnder::<P, R>::within(
            self.scope.clone(),
            parent,
            Cow::Borrowed(input),
        ))
    }

    /// Old home of [`Client::wait_for_bulk`]: a bulk job is the client's, whatever family
    /// started it.
    #[deprecated(
        since = "0.1.0",
        note = "use client.wait_for_bulk(..), the same for every family"
    )]
    pub fn wait_for_bulk(
        &self,
        job_id: &str,
        interval: Duration,
        max_wait: Duration,
    ) -> Result<BulkReport, Error> {
        self.client.wait_for_bulk(job_id, interval, max_wait)
    }
}

impl<T: Transport, R: BulkWritable> Handle<'_, T, R> {
    /// Creates any number of records in bulk jobs of at most 100 each; returns the jobs, in
    /// order. Every input is checked before the first job starts. See
    /// [`wait_for_bulk`](Self::wait_for_bulk).
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
    pub fn bulk_create(&self, inputs: &[R::Input]) -> Result<Vec<BulkJob>, Error> {
        for input in inputs {
            input.validate()?;
            R::check_bulk_create(input)?;
        }
        inputs
            .chunks(MAX_BULK_RECORDS)
            .map(|chunk| {
                self.client
                    .execute(&BulkWrite::<R>::create_within(self.scope.clone(), chunk))
            })
            .collect()
    }

    /// Updates any number of records in bulk jobs of at most 100 each.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::customers::{CustomerInput, CustomerBulkUpdate};
    ///
    /// let updates = vec![CustomerBulkUpdate::new("58210c3db0f09110006b7953", CustomerInput::new().tag("vip"))];
    /// let jobs = client.customers().bulk_update(&updates)?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn bulk_update(&self, updates: &[BulkUpdate<R::Update>]) -> Result<Vec<BulkJob>, Error> {
        for update in updates {
            update.input.validate()?;
            R::check_bulk_update(&update.input)?;
        }
        updates
            .chunks(MAX_BULK_RECORDS)
            .map(|chunk| {
                self.client
                    .execute(&BulkWrite::<R>::update_within(self.scope.clone(), chunk))
            })
            .collect()
    }
}

impl<T: Transport, R: BulkDeletable> Handle<'_, T, R> {
    /// Deletes any number of records in bulk jobs of at most 100 IDs each.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let jobs = client.customers().bulk_delete(&["58210c3db0f09110006b7953"])?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn bulk_delete<'l>(&self, ids: impl Into<StrList<'l>>) -> Result<Vec<BulkJob>, Error> {
        let ids = ids.into();
        ids.as_slice()
            .chunks(MAX_BULK_RECORDS)
            .map(|chunk| {
                self.client
                    .execute(&BulkWrite::<R>::delete_within(self.scope.clone(), chunk))
            })
            .collect()
    }
}
