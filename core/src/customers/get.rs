//! `GET /v1/customers/{id}`.

use std::borrow::Cow;

use http::{Method, Request, Response};

use crate::config::Config;
use crate::error::Error;
use crate::models::Customer;
use crate::operation::Operation;
use crate::page::parse_one;
use crate::path;

/// Get a customer by ID (`GET /v1/customers/{id}`, Kustomer's `getCustomerById`).
///
/// Roles: `org.user.customer.read` or `org.permission.customer.read`.
///
/// The ID is percent-encoded into its own path segment, so no input can reach another path; an
/// empty ID, `.`/`..` or one holding control characters is refused with
/// [`Error::InvalidInput`] before any I/O. A 404 is [`Error::NotFound`].
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetCustomer<'a> {
    id: Cow<'a, str>,
}

impl<'a> GetCustomer<'a> {
    /// The operation for one customer ID.
    pub fn new(id: impl Into<Cow<'a, str>>) -> Self {
        Self { id: id.into() }
    }

    /// The ID asked for.
    pub fn id(&self) -> &str {
        &self.id
    }
}

impl Operation for GetCustomer<'_> {
    type Output = Customer;

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        let id = path::segment("customer id", &self.id)?;
        config.request(Method::GET, format_args!("/customers/{id}"), None)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Customer, Error> {
        parse_one(response)
    }
}
