//! Create, update, patch and delete a customer.

use std::borrow::Cow;

use http::{Method, Request, Response};

use crate::config::Config;
use crate::customers::input::CustomerInput;
use crate::customers::paths::{customer_path, json_body, parse_empty};
use crate::error::Error;
use crate::models::Customer;
use crate::operation::Operation;
use crate::page::parse_one;

/// Create a customer (`POST /v1/customers`, Kustomer's `createCustomer`; 201).
///
/// Roles: `org.user.customer.write` or `org.permission.customer.create`.
///
/// The input is validated first ([`CustomerInput::validate`]); only set fields are sent. A POST
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
#[derive(Debug, Clone, PartialEq)]
pub struct CreateCustomer<'a> {
    input: Cow<'a, CustomerInput>,
}

impl<'a> CreateCustomer<'a> {
    /// The operation for `input`.
    pub fn new(input: impl Into<Cow<'a, CustomerInput>>) -> Self {
        Self {
            input: input.into(),
        }
    }
}

impl<'a> From<&'a CustomerInput> for Cow<'a, CustomerInput> {
    fn from(input: &'a CustomerInput) -> Self {
        Cow::Borrowed(input)
    }
}

impl From<CustomerInput> for Cow<'_, CustomerInput> {
    fn from(input: CustomerInput) -> Self {
        Cow::Owned(input)
    }
}

impl Operation for CreateCustomer<'_> {
    type Output = Customer;

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        self.input.validate()?;
        config.request(Method::POST, "/customers", Some(json_body(&*self.input)?))
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Customer, Error> {
        parse_one(response)
    }
}

/// How an update treats attributes the input does not set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum UpdateMode {
    /// `PUT ?replace=false`: set what the input sets, leave the rest (like PATCH).
    #[default]
    Merge,
    /// `PUT ?replace=true`: the input replaces the customer's attributes.
    Replace,
    /// `PATCH`: set what the input sets.
    Patch,
}

/// Update a customer (`PUT /v1/customers/{id}?replace=…`, Kustomer's `updateCustomer`, or
/// `PATCH /v1/customers/{id}`, `updateCustomerAttributes`).
///
/// Roles: `org.user.customer.write` or `org.permission.customer.update`.
///
/// Set [`CustomerInput::rev`] to the revision you read to make the update conditional: if the
/// customer changed since, the API answers 409, [`Error::Conflict`].
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, customers::{CustomerInput, UpdateCustomer, UpdateMode}};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let input = CustomerInput { rev: Some(37), ..CustomerInput::new().name("Ada King") };
/// let put = UpdateCustomer::new("58210c3db0f09110006b7953", &input).build(&config)?;
/// assert_eq!(put.method(), http::Method::PUT);
/// assert_eq!(put.uri().query(), Some("replace=false"));
/// let patch = UpdateCustomer::new("58210c3db0f09110006b7953", &input)
///     .mode(UpdateMode::Patch)
///     .build(&config)?;
/// assert_eq!(patch.method(), http::Method::PATCH);
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateCustomer<'a> {
    id: Cow<'a, str>,
    input: Cow<'a, CustomerInput>,
    mode: UpdateMode,
}

impl<'a> UpdateCustomer<'a> {
    /// Update customer `id` with `input` ([`UpdateMode::Merge`] unless changed).
    pub fn new(id: impl Into<Cow<'a, str>>, input: impl Into<Cow<'a, CustomerInput>>) -> Self {
        Self {
            id: id.into(),
            input: input.into(),
            mode: UpdateMode::default(),
        }
    }

    /// Chooses merge, replace or patch.
    #[must_use]
    pub fn mode(mut self, mode: UpdateMode) -> Self {
        self.mode = mode;
        self
    }
}

impl Operation for UpdateCustomer<'_> {
    type Output = Customer;

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        self.input.validate()?;
        let body = Some(json_body(&*self.input)?);
        match self.mode {
            UpdateMode::Merge => config.request(
                Method::PUT,
                &customer_path(&self.id, "?replace=false")?,
                body,
            ),
            UpdateMode::Replace => config.request(
                Method::PUT,
                &customer_path(&self.id, "?replace=true")?,
                body,
            ),
            UpdateMode::Patch => config.request(Method::PATCH, &customer_path(&self.id, "")?, body),
        }
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Customer, Error> {
        parse_one(response)
    }
}

/// Delete a customer (`DELETE /v1/customers/{id}`, Kustomer's `deleteCustomer`; 204, no body).
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteCustomer<'a> {
    id: Cow<'a, str>,
}

impl<'a> DeleteCustomer<'a> {
    /// Delete customer `id`.
    pub fn new(id: impl Into<Cow<'a, str>>) -> Self {
        Self { id: id.into() }
    }
}

impl Operation for DeleteCustomer<'_> {
    type Output = ();

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        config.request(Method::DELETE, &customer_path(&self.id, "")?, None)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        parse_empty(response)
    }
}
