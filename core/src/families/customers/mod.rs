//! Customer operations.
//!
//! Each operation is a plain value implementing [`Operation`](crate::Operation) (pure build and
//! parse); the [`Customers`] handle from [`Client::customers`](crate::Client::customers) runs them,
//! walks their pages and polls their jobs. Customers are a family of the generic layer
//! ([`crate::family`]): the operations below are its generic operations named for customers, plus
//! what only customers have (lookups by email and phone, upsert, merges, related records).

mod facade;
pub(crate) mod input;
mod lookup;
mod related;
mod upsert;

use crate::families::models::Customer;
use crate::generic::family::{
    BulkDeletable, BulkWritable, Creatable, Deletable, ExternalIdLookup, Gettable, Listable,
    Searchable, Updatable,
};

pub use crate::families::contact::{EmailInput, LocationInput, PhoneInput, SocialInput, UrlInput};
pub use input::{CustomerInput, ExternalIdInput, SentimentInput};
pub use lookup::{LookupCustomer, LookupKey};
#[allow(deprecated)]
pub use related::CreateRelated;
pub use related::{CreateMerge, GetMerge, ListRelated, Related};
#[allow(deprecated)]
pub use upsert::Upserted;
pub use upsert::{FindCustomer, Upsert, UpsertCustomerRequest};

crate::generic::declare::family! {
    impl Family for Customer {
        type Scope = ();
        const PATH: &'static str = "/customers";
        const NAME: &'static str = "customer";
        const ID: &'static str = "customer id";
    }

    handle {
        /// Customer operations through a [`Client`](crate::Client); from
        /// [`Client::customers`](crate::Client::customers): the generic ones of [`Handle`](crate::Handle)
        /// (get, create, update, delete, list, search, bulk) and the customers' own (lookups, upsert,
        /// merges, related records).
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
        pub type Customers;
        /// Customer operations.
        pub fn customers;
    }

    /// Get a customer by ID (`GET /v1/customers/{id}`).
    ///
    /// Roles: `org.user.customer.read` or `org.permission.customer.read`.
    ///
    /// The ID is percent-encoded into its own path segment, so no input can reach another path; an
    /// empty ID, `.`/`..` or one holding control characters is refused with
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before any I/O. A 404 is [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, customers::GetCustomer};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = GetCustomer::new("58210c3db0f09110006b7953").build(&config)?;
    /// assert_eq!(request.method(), http::Method::GET);
    /// assert_eq!(request.uri(), "https://api.kustomerapp.com/v1/customers/58210c3db0f09110006b7953");
    ///
    /// let hostile = GetCustomer::new("../../orgs/me").build(&config)?;
    /// assert_eq!(hostile.uri().path(), "/v1/customers/..%2F..%2Forgs%2Fme");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetCustomer<'a> = crate::generic::ops::Get<'a, Customer> { Get => "GetCustomerById" };

    /// Find a customer by your ID for it (`GET /v1/customers/externalId={externalId}`), as every
    /// family with external IDs is found; a miss is [`Error::NotFound`](crate::Error::NotFound).
    /// `client.customers().by_external_id(id)` sends it.
    ///
    /// Roles: `org.user.customer.read` or `org.permission.customer.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, customers::GetCustomerByExternalId};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = GetCustomerByExternalId::new("crm/42").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/customers/externalId=crm%2F42");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetCustomerByExternalId<'a> = crate::generic::ops::GetByExternalId<'a, Customer> {
        GetByExternalId => "GetCustomerByExternalId"
    };

    /// List customers (`GET /v1/customers`), one page at a time; the client's
    /// [`Customers::list`](crate::Handle::list) walks every page.
    ///
    /// Roles: `org.user.customer.read` or `org.permission.customer.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, customers::ListCustomers};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let op = ListCustomers::new()
    ///     .page_size(100)
    ///     .filter("createdAt", "gte", "2024-01-01T00:00:00.000Z")
    ///     .sort("-createdAt");
    /// let request = op.build(&config)?;
    /// assert_eq!(
    ///     request.uri().query(),
    ///     Some("pageSize=100&filter%5BcreatedAt%5D%5Bgte%5D=2024-01-01T00%3A00%3A00.000Z&sort=-createdAt")
    /// );
    /// assert!(ListCustomers::new().page_size(101).build(&config).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListCustomers = crate::generic::ops::List<Customer> { List => "GetCustomers" };

    /// Create a customer (`POST /v1/customers`; 201).
    ///
    /// Roles: `org.user.customer.write` or `org.permission.customer.create`.
    ///
    /// The input is validated first ([`CustomerInput::validate`](crate::customers::CustomerInput::validate)); only set fields are sent. A POST
    /// is not retried after a server error or broken connection unless the retry policy opts in.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, customers::{CreateCustomer, CustomerInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let op = CreateCustomer::new(CustomerInput::new().name("Ada").email("ada@example.com"));
    /// let request = op.build(&config)?;
    /// assert_eq!(request.method(), http::Method::POST);
    /// assert_eq!(request.headers()["content-type"], "application/json");
    /// assert_eq!(request.body(), br#"{"name":"Ada","emails":[{"email":"ada@example.com"}]}"#);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateCustomer<'a> = crate::generic::ops::Create<'a, Customer> {
        Create => "CreateCustomer"
    };

    /// Update a customer (`PUT /v1/customers/{id}?replace=…`, or `PATCH /v1/customers/{id}`).
    ///
    /// Roles: `org.user.customer.write` or `org.permission.customer.update`.
    ///
    /// Set [`CustomerInput::rev`](crate::customers::CustomerInput::rev) to the revision you read to make the update conditional: if the
    /// customer changed since, the API answers 409, [`Error::Conflict`](crate::Error::Conflict).
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, customers::{CustomerInput, UpdateCustomer}, ops::UpdateMode};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let input = CustomerInput::new().name("Ada King").rev(37);
    /// let put = UpdateCustomer::new("58210c3db0f09110006b7953", &input).build(&config)?;
    /// assert_eq!(put.method(), http::Method::PUT);
    /// assert_eq!(put.uri().query(), Some("replace=false"));
    /// let patch = UpdateCustomer::new("58210c3db0f09110006b7953", &input)
    ///     .mode(UpdateMode::Patch)
    ///     .build(&config)?;
    /// assert_eq!(patch.method(), http::Method::PATCH);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type UpdateCustomer<'a> = crate::generic::ops::Update<'a, Customer> {
        Patch => "UpdateCustomerAttributes", Put => "UpdateCustomer"
    };

    /// Delete a customer (`DELETE /v1/customers/{id}`; 204, no body).
    ///
    /// Roles: `org.user.customer.delete` or `org.permission.customer.delete`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, customers::DeleteCustomer};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = DeleteCustomer::new("58210c3db0f09110006b7953").build(&config)?;
    /// assert_eq!(request.method(), http::Method::DELETE);
    /// assert_eq!(DeleteCustomer::new("x").parse(http::Response::builder().status(204).body(Vec::new())?)?, ());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub type DeleteCustomer<'a> = crate::generic::ops::Delete<'a, Customer> {
        Delete => "DeleteCustomer"
    };

    /// Search customers (`POST /v1/customers/search`, Kustomer's `CustomerSearch`, or
    /// `/v1/customers/archive/search`, `CustomerArchiveSearch`, for records not updated in two
    /// years), one page at a time.
    /// A search reads only, so it is retried like a GET.
    ///
    /// Roles: `org.user.search.read` or `org.permission.search.create`.
    ///
    /// The API serves at most 100 pages of a search:
    /// [`Customers::search_all`](crate::Handle::search_all) walks past that.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, customers::SearchCustomers, search::{Criterion, SearchQuery}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let query = SearchQuery::customers().and(Criterion::contains("customer_name", "Ada"));
    /// let request = SearchCustomers::new(query.clone()).page_size(500).build(&config)?;
    /// assert_eq!(request.method(), http::Method::POST);
    /// assert_eq!(request.uri().path_and_query().unwrap().as_str(), "/v1/customers/search?pageSize=500");
    /// assert!(SearchCustomers::new(query.clone()).page_size(501).build(&config).is_err());
    /// let archive = SearchCustomers::new(query).archive(true).build(&config)?;
    /// assert_eq!(archive.uri().path(), "/v1/customers/archive/search");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type SearchCustomers = crate::generic::ops::Search<Customer> {};

    /// The walk through every result of a search, past the 100-page cap, as a pure state machine:
    /// [`CustomerWalk::next_operation`] gives the request to send, [`CustomerWalk::take_page`] reads its
    /// answer and returns the new results.
    ///
    /// Results are sorted by `customer_updated_at` ascending (the query's own sort is replaced). When
    /// a window reaches page 100, the next window asks for `customer_updated_at >= T`, with `T` the
    /// last timestamp seen, and skips the customers at `T` already returned: no record is skipped or
    /// returned twice, however many share one timestamp. A customer updated during the walk may come
    /// again, later, with its new timestamp.
    ///
    /// It trusts nothing the server does: a result below the window's lower bound (a server ignoring
    /// it) or out of `updatedAt` order (newest first, a repeated page) ends the walk with
    /// [`Error::Pagination`](crate::Error::Pagination); a result already returned is not returned again; and pages that bring
    /// nothing new end it after [`MAX_PAGES_WITHOUT_NEW_ITEMS`](crate::page::MAX_PAGES_WITHOUT_NEW_ITEMS)
    /// in a row (beyond those the records already returned at the window's bound fill). If more
    /// customers share one timestamp than a window holds (100 × page size), the walk cannot go on and
    /// says so. The lower bound never moves backwards, so every walk ends.
    ///
    /// ```
    /// use kustomer::customers::CustomerWalk;
    /// use kustomer::search::{Criterion, SearchQuery};
    ///
    /// let walk = CustomerWalk::new(SearchQuery::customers().and(Criterion::contains("customer_name", "Ada")), 500);
    /// let first = walk.next_operation().unwrap();
    /// assert_eq!(
    ///     serde_json::to_value(first.query()).unwrap()["sort"],
    ///     serde_json::json!([{"customer_updated_at": "asc"}])
    /// );
    /// ```
    pub type CustomerWalk = crate::generic::ops::Walk<Customer> {};

    /// Create, update or delete up to 100 customers in one job (`POST`, `PUT` or `DELETE
    /// /v1/customers/bulk`; 201 with a [`BulkJob`](crate::models::BulkJob)). Every record is
    /// validated first.
    ///
    /// Roles: those of the single-record operation (`customer.write`/`create`, `update`, `delete`).
    ///
    /// Every bulk request starts a job, whatever its method: it is marked
    /// [`Idempotency::NotIdempotent`](crate::Idempotency::NotIdempotent), so neither the client nor a transport sends it twice after a
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
    pub type BulkCustomers<'a> = crate::generic::ops::BulkWrite<'a, Customer> {
        BulkDelete => "BulkDeleteCustomers", BulkCreate => "BulkCreateCustomers", BulkUpdate => "BulkBatchUpdateCustomers"
    };
}
impl Gettable for Customer {}
impl ExternalIdLookup for Customer {}
impl Listable for Customer {
    const MAX_PAGE_SIZE: u32 = MAX_LIST_PAGE_SIZE;
}
impl Creatable for Customer {
    type Input = CustomerInput;
}
impl Updatable for Customer {
    type Update = CustomerInput;
}
impl Deletable for Customer {}
impl Searchable for Customer {
    const CONTEXT: &'static str = "customer";
    const PREFIX: &'static str = "customer";
    const UPDATED_AT: &'static str = "customer_updated_at";
    const ARCHIVED: bool = true;
    fn updated_at(&self) -> Option<&crate::protocol::date_time::DateTime> {
        self.attributes.updated_at.as_ref()
    }
}
impl BulkWritable for Customer {}
impl BulkDeletable for Customer {}

/// Every result of a customer search, past the 100-page cap; from
/// [`Customers::search_all`](crate::Handle::search_all).
pub type SearchAll<'c, T> = crate::generic::paginated::Walking<'c, T, Customer>;

/// The largest page `GET /customers` serves.
pub const MAX_LIST_PAGE_SIZE: u32 = 100;

/// Old name of [`CustomerWalk`]: every family names its walk `<Family>Walk`.
#[deprecated(since = "0.1.0", note = "renamed CustomerWalk, as every family's walk")]
pub type SearchWalk = CustomerWalk;

/// A record of a bulk update: the customer's ID and what to change.
pub type CustomerBulkUpdate = crate::generic::bulk::BulkUpdate<CustomerInput>;

/// Old name of [`CustomerBulkUpdate`]: every family names its bulk records `<Family>BulkUpdate`,
/// and `<Family>Update` is an update body.
#[deprecated(
    since = "0.1.0",
    note = "renamed CustomerBulkUpdate, as every family's bulk record"
)]
pub type CustomerUpdate = CustomerBulkUpdate;
