//! Unmasking windows: a stretch of time in which a customer's masked (sensitive) attributes
//! show in full. The spec gives these operations `text/plain` bodies, empty.
//!
//! Roles: `org.user.customer.write` or `org.permission.unmasking_window.create` / `.delete`.

use std::borrow::Cow;

use http::header::CONTENT_TYPE;
use http::{HeaderValue, Method, Request, Response};

use crate::families::models::Customer;
use crate::generic::family::Family;
use crate::generic::ops::helpers::parse_empty;
use crate::protocol::config::Config;
use crate::protocol::error::Error;
use crate::protocol::operation::Operation;
use crate::protocol::page::parse_one;
use crate::protocol::path::segment;

/// `{method} /customers/{id}/unmasking-windows` with the spec's empty `text/plain` body.
fn request(config: &Config, method: Method, customer: &str) -> Result<Request<Vec<u8>>, Error> {
    let id = segment(Customer::ID, customer)?;
    let mut request = config.request(
        method,
        format_args!("/customers/{id}/unmasking-windows"),
        Some(Vec::new()),
    )?;
    request
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
    Ok(request)
}

/// Open (or replace) a customer's unmasking window (`POST /v1/customers/{id}/unmasking-windows`,
/// Kustomer's `CreateUnmaskingWindowByCustomer`; 201 with the customer, its `unmaskingWindow`
/// attribute set).
///
/// Roles: `org.user.customer.write` or `org.permission.unmasking_window.create`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, unmasking::CreateUnmaskingWindow};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = CreateUnmaskingWindow::new("57a6082ae92c9510005e35ea").build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/customers/57a6082ae92c9510005e35ea/unmasking-windows");
/// assert_eq!(request.headers()["content-type"], "text/plain");
/// assert!(request.body().is_empty());
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateUnmaskingWindow<'a> {
    customer: Cow<'a, str>,
}

impl<'a> CreateUnmaskingWindow<'a> {
    /// A window for customer `customer`.
    pub fn new(customer: impl Into<Cow<'a, str>>) -> Self {
        Self {
            customer: customer.into(),
        }
    }
}

impl Operation for CreateUnmaskingWindow<'_> {
    type Output = Customer;

    fn operation_id(&self) -> &'static str {
        "CreateUnmaskingWindowByCustomer"
    }

    fn resource_id(&self) -> Option<&str> {
        Some(&self.customer)
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        request(config, Method::POST, &self.customer)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Customer, Error> {
        parse_one(response)
    }
}

/// Close a customer's unmasking window (`DELETE /v1/customers/{id}/unmasking-windows`,
/// Kustomer's `DeleteUnmaskingWindowByCustomer`; 204).
///
/// Roles: `org.user.customer.write` or `org.permission.unmasking_window.delete`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, unmasking::DeleteUnmaskingWindow};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = DeleteUnmaskingWindow::new("57a6082ae92c9510005e35ea").build(&config)?;
/// assert_eq!((request.method(), request.headers()["content-type"].to_str().unwrap()), (&http::Method::DELETE, "text/plain"));
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteUnmaskingWindow<'a> {
    customer: Cow<'a, str>,
}

impl<'a> DeleteUnmaskingWindow<'a> {
    /// The window of customer `customer`.
    pub fn new(customer: impl Into<Cow<'a, str>>) -> Self {
        Self {
            customer: customer.into(),
        }
    }
}

impl Operation for DeleteUnmaskingWindow<'_> {
    type Output = ();

    fn operation_id(&self) -> &'static str {
        "DeleteUnmaskingWindowByCustomer"
    }

    fn resource_id(&self) -> Option<&str> {
        Some(&self.customer)
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        request(config, Method::DELETE, &self.customer)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        parse_empty(response)
    }
}
