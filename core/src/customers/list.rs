//! `GET /v1/customers`.

use http::{Method, Request, Response};

use crate::config::Config;
use crate::customers::paths::check_page_size;
use crate::error::{Error, InvalidInput};
use crate::models::Customer;
use crate::operation::Operation;
use crate::page::{Page, PagedOperation, parse_page};
use crate::query::Query;

/// List customers (`GET /v1/customers`, Kustomer's `getCustomers`), one page at a time; the
/// client's [`Customers::list`](crate::customers::Customers::list) walks every page.
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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListCustomers {
    page: Option<u32>,
    page_size: Option<u32>,
    filters: Vec<(String, String, String)>,
    sort: Option<String>,
    at: Option<String>,
}

/// The largest page `GET /customers` serves.
pub const MAX_LIST_PAGE_SIZE: u32 = 100;

impl ListCustomers {
    /// The first page with the server's default size.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks for page `page` (from 1).
    #[must_use]
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }

    /// Items per page, 1 to 100.
    #[must_use]
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = Some(size);
        self
    }

    /// Adds `filter[<attribute>][<operator>]=<value>`, e.g. `("createdAt", "gte", "2024-01-01")`.
    /// Neither name may hold a bracket.
    #[must_use]
    pub fn filter(
        mut self,
        attribute: impl Into<String>,
        operator: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        self.filters
            .push((attribute.into(), operator.into(), value.into()));
        self
    }

    /// Sorts by an attribute, `-` first for descending (`-createdAt`).
    #[must_use]
    pub fn sort(mut self, sort: impl Into<String>) -> Self {
        self.sort = Some(sort.into());
        self
    }
}

impl Operation for ListCustomers {
    type Output = Page<Customer>;

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        if let Some(path) = &self.at {
            return config.request(Method::GET, path, None);
        }
        check_page_size(self.page_size, MAX_LIST_PAGE_SIZE)?;
        let mut query = Query::new();
        query
            .push_opt("page", self.page)
            .push_opt("pageSize", self.page_size);
        for (attribute, operator, value) in &self.filters {
            if attribute.is_empty() || operator.is_empty() {
                return Err(
                    InvalidInput::new("filter", "needs an attribute and an operator").into(),
                );
            }
            // A bracket would add a level to `filter[attribute][operator]`.
            if attribute.contains(['[', ']']) || operator.contains(['[', ']']) {
                return Err(InvalidInput::new(
                    "filter",
                    "an attribute or operator may not hold '[' or ']'",
                )
                .into());
            }
            query.push(&format!("filter[{attribute}][{operator}]"), value);
        }
        query.push_opt("sort", self.sort.as_deref());
        config.request(
            Method::GET,
            format_args!("/customers{}", query.as_str()),
            None,
        )
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Page<Customer>, Error> {
        parse_page(response)
    }
}

impl PagedOperation for ListCustomers {
    type Item = Customer;

    fn at(&self, path: String) -> Self {
        Self {
            at: Some(path),
            ..self.clone()
        }
    }
}
