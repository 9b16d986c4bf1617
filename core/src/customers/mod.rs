//! Customer operations.
//!
//! Each operation is a plain value implementing [`Operation`](crate::Operation) (pure build and
//! parse); the [`Customers`] handle from [`Client::customers`](crate::Client::customers) runs them,
//! walks their pages and polls their jobs.

mod bulk;
mod facade;
mod get;
mod input;
mod list;
mod lookup;
mod paths;
mod related;
mod search;
mod write;

pub use bulk::{BulkCustomers, CustomerUpdate, GetBulkJob, ListBulkBatches, MAX_BULK_RECORDS};
pub use facade::{BulkReport, Customers, MIN_BULK_POLL_INTERVAL, Paginated, SearchAll, Upserted};
pub use get::GetCustomer;
pub use input::{
    CustomerInput, EmailInput, ExternalIdInput, LocationInput, PhoneInput, SentimentInput,
    SocialInput, UrlInput,
};
pub use list::{ListCustomers, MAX_LIST_PAGE_SIZE};
pub use lookup::{LookupCustomer, LookupKey};
pub use related::{CreateMerge, CreateRelated, GetMerge, ListRelated, Related};
pub use search::{
    Criterion, MAX_CRITERIA_DEPTH, MAX_SEARCH_PAGE_SIZE, MAX_SEARCH_PAGES, SearchCustomers,
    SearchQuery, SearchWalk, SortOrder,
};
pub use write::{CreateCustomer, DeleteCustomer, UpdateCustomer, UpdateMode};
