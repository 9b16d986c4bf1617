//! `GET /v1/customers/email={email}` and `/phone={phone}` (and `/externalId={externalId}`,
//! deprecated here for the generic lookup).

// The deprecated key is still served.
#![allow(deprecated)]

use std::borrow::Cow;

use http::{Method, Request, Response};

use crate::families::models::Customer;
use crate::protocol::config::Config;
use crate::protocol::error::Error;
use crate::protocol::operation::Operation;
use crate::protocol::page::parse_one;
use crate::protocol::path::segment;

/// Which key a [`LookupCustomer`] finds a customer by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LookupKey {
    /// An email address.
    Email,
    /// Your ID for the customer.
    #[deprecated(
        since = "0.1.0",
        note = "use GetCustomerByExternalId, the lookup every family with external IDs has"
    )]
    ExternalId,
    /// A phone number in E.164 (`+15555550123`).
    Phone,
}

impl LookupKey {
    fn path_key(self) -> &'static str {
        match self {
            LookupKey::Email => "email",
            LookupKey::ExternalId => "externalId",
            LookupKey::Phone => "phone",
        }
    }
}

/// Find a customer by email, external ID or phone (`GET /v1/customers/email={email}` and its
/// siblings, Kustomer's `GetCustomerByEmail`, `GetCustomerByExternalId`, `GetCustomerByPhone`).
///
/// Roles: `org.user.customer.read` or `org.permission.customer.read`.
///
/// The value is percent-encoded inside the `key=value` segment, so `+`, `@`, `/`, `?`, `#`, `%`,
/// spaces and non-ASCII reach the server unchanged. A miss is [`Error::NotFound`].
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, customers::LookupCustomer};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = LookupCustomer::by_phone("+1 555/0123").build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/customers/phone=%2B1%20555%2F0123");
/// let request = LookupCustomer::by_email("ada+news@example.com").build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/customers/email=ada%2Bnews%40example.com");
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupCustomer<'a> {
    key: LookupKey,
    value: Cow<'a, str>,
}

impl<'a> LookupCustomer<'a> {
    /// Find by `key`.
    pub fn new(key: LookupKey, value: impl Into<Cow<'a, str>>) -> Self {
        Self {
            key,
            value: value.into(),
        }
    }

    /// Find by email address.
    pub fn by_email(email: impl Into<Cow<'a, str>>) -> Self {
        Self::new(LookupKey::Email, email)
    }

    /// Find by your ID for the customer: the same request as
    /// [`GetCustomerByExternalId`](crate::customers::GetCustomerByExternalId), the lookup every
    /// family with external IDs has.
    #[deprecated(
        since = "0.1.0",
        note = "use GetCustomerByExternalId, the lookup every family with external IDs has"
    )]
    pub fn by_external_id(id: impl Into<Cow<'a, str>>) -> Self {
        Self::new(LookupKey::ExternalId, id)
    }

    /// Find by phone number (E.164).
    pub fn by_phone(phone: impl Into<Cow<'a, str>>) -> Self {
        Self::new(LookupKey::Phone, phone)
    }
}

impl Operation for LookupCustomer<'_> {
    type Output = Customer;

    fn operation_id(&self) -> &'static str {
        match self.key {
            LookupKey::Email => "GetCustomerByEmail",
            LookupKey::ExternalId => "GetCustomerByExternalId",
            LookupKey::Phone => "GetCustomerByPhone",
        }
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        let key = self.key.path_key();
        let value = segment(key, &self.value)?;
        config.request(Method::GET, format_args!("/customers/{key}={value}"), None)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Customer, Error> {
        parse_one(response)
    }
}
