//! A customer's conversations, messages, notes, custom objects and merges, untyped. Every kind
//! but merges has a typed twin (`client.conversations().of_customer(id)`, ...), so only
//! [`Related::Merges`] is not deprecated.

// The deprecated kinds are still served, and built here.
#![allow(deprecated)]

use std::borrow::Cow;

use http::{Method, Request, Response};
use serde_json::{Map, Value};

use crate::families::models::{Customer, Resource};
use crate::generic::family::Family;
use crate::protocol::config::Config;
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::json_body::json_body;
use crate::protocol::operation::Operation;
use crate::protocol::page::{Page, PagedOperation, parse_one, parse_page};
use crate::protocol::paging::{Paging, paging_methods};
use crate::protocol::path::segment;
use crate::protocol::query::Query;

/// `/customers/{id}{rest}` with `id` kept inside its segment.
fn customer_path(id: &str, rest: &str) -> Result<String, Error> {
    Ok(format!("/customers/{}{rest}", segment(Customer::ID, id)?))
}

/// What of a customer's to list or create.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Related {
    /// `/customers/{id}/conversations` (list with `fromDate`; create).
    #[deprecated(
        since = "0.1.0",
        note = "typed: client.conversations().of_customer(id) (ListCustomerConversations) and create_for_customer"
    )]
    Conversations,
    /// `/customers/{id}/messages` (list; create).
    #[deprecated(
        since = "0.1.0",
        note = "typed: client.messages().under(ListCustomerMessages::new(id)) and create_under::<Customer>"
    )]
    Messages,
    /// `/customers/{id}/notes` (list).
    #[deprecated(
        since = "0.1.0",
        note = "typed: client.notes().under(ListCustomerNotes::new(id))"
    )]
    Notes,
    /// `/customers/{id}/merges` (list).
    Merges,
    /// `/customers/{id}/klasses/{name}`: custom objects of one klass (list; create). Typed:
    /// `client.custom_objects(klass).of_customer(id)` and
    /// [`ListCustomerKObjects`](crate::custom_objects::ListCustomerKObjects).
    #[deprecated(
        since = "0.1.0",
        note = "typed: client.custom_objects(klass).of_customer(id) and create_for_customer"
    )]
    CustomObjects(String),
}

impl Related {
    fn suffix(&self) -> Result<String, Error> {
        Ok(match self {
            Related::Conversations => "/conversations".into(),
            Related::Messages => "/messages".into(),
            Related::Notes => "/notes".into(),
            Related::Merges => "/merges".into(),
            Related::CustomObjects(klass) => format!("/klasses/{}", segment("klass name", klass)?),
        })
    }
}

/// List a customer's conversations, messages, notes, merges or custom objects
/// (`GET /v1/customers/{id}/conversations` and its siblings: `GetConversationsByCustomer`,
/// `GetMessagesByCustomer`, `GetNotesByCustomer`, `GetCustomerMergesByCustomer`,
/// `FindCustomerKObjects`), one page at a time. Items are [`Resource`]s: attributes kept as JSON.
///
/// Roles: the read role of the listed object (e.g. `org.user.conversation.read`,
/// `org.permission.kobject.read`).
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, customers::{ListRelated, Related}};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let op = ListRelated::new("58210c3db0f09110006b7953", Related::Conversations)
///     .page_size(50)
///     .from_date("2024-01-01T00:00:00Z".parse::<kustomer::Timestamp>()?);
/// let request = op.build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/customers/58210c3db0f09110006b7953/conversations");
/// assert_eq!(request.uri().query(), Some("pageSize=50&fromDate=2024-01-01T00%3A00%3A00.000Z"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRelated<'a> {
    customer_id: Cow<'a, str>,
    related: Related,
    paging: Paging,
    from_date: Option<jiff::Timestamp>,
}

impl<'a> ListRelated<'a> {
    /// The first page of what `related` names of customer `customer_id`.
    pub fn new(customer_id: impl Into<Cow<'a, str>>, related: Related) -> Self {
        Self {
            customer_id: customer_id.into(),
            related,
            paging: Paging::default(),
            from_date: None,
        }
    }

    paging_methods!();

    /// Only conversations from this time on (conversations only), sent as RFC 3339 in UTC to
    /// the millisecond.
    #[must_use]
    pub fn from_date(mut self, date: impl crate::protocol::date_time::IntoTimestamp) -> Self {
        self.from_date = Some(date.into_timestamp());
        self
    }
}

impl Operation for ListRelated<'_> {
    type Output = Page<Resource>;

    fn operation_id(&self) -> &'static str {
        match self.related {
            Related::Conversations => "GetConversationsByCustomer",
            Related::Messages => "GetMessagesByCustomer",
            Related::Notes => "GetNotesByCustomer",
            Related::Merges => "GetCustomerMergesByCustomer",
            Related::CustomObjects(_) => "FindCustomerKObjects",
        }
    }

    fn resource_id(&self) -> Option<&str> {
        Some(&self.customer_id)
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        if let Some(path) = self.paging.next_path() {
            return config.request(Method::GET, path, None);
        }
        self.paging.check(100)?;
        if self.from_date.is_some() && self.related != Related::Conversations {
            return Err(InvalidInput::new("fromDate", "applies to conversations only").into());
        }
        let from_date = self.from_date.map(crate::protocol::date_time::wire);
        let mut query = Query::new();
        self.paging.push(&mut query);
        query.push_opt("fromDate", from_date.as_deref());
        let path = customer_path(
            &self.customer_id,
            &format!("{}{}", self.related.suffix()?, query.as_str()),
        )?;
        config.request(Method::GET, &path, None)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Page<Resource>, Error> {
        parse_page(response, self.paging.keeps_raw())
    }
}

impl PagedOperation for ListRelated<'_> {
    type Item = Resource;

    fn paging(&self) -> &Paging {
        &self.paging
    }

    fn paging_mut(&mut self) -> &mut Paging {
        &mut self.paging
    }
}

/// Create a conversation, message or custom object for a customer
/// (`POST /v1/customers/{id}/conversations`, `/messages`, `/klasses/{name}`: Kustomer's
/// `CreateConversationForCustomer`, `CreateMessageByCustomer`, `CreateCustomerKObject`; 201).
/// The body is the API's JSON object for that resource, sent as given.
///
/// Roles: the write role of the created object. At most 120 such creates per customer a minute.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, customers::{CreateRelated, Related}};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let body = serde_json::json!({"name": "Order question", "status": "open"});
/// let op = CreateRelated::new("58210c3db0f09110006b7953", Related::Conversations, body.as_object().unwrap().clone());
/// let request = op.build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/customers/58210c3db0f09110006b7953/conversations");
/// assert!(CreateRelated::new("x", Related::Notes, Default::default()).build(&config).is_err());
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[deprecated(
    since = "0.1.0",
    note = "typed: create_for_customer on conversations and custom objects, create_under::<Customer> on messages"
)]
pub struct CreateRelated<'a> {
    customer_id: Cow<'a, str>,
    related: Related,
    body: Map<String, Value>,
}

impl<'a> CreateRelated<'a> {
    /// Create `body` as a `related` of customer `customer_id`.
    pub fn new(
        customer_id: impl Into<Cow<'a, str>>,
        related: Related,
        body: Map<String, Value>,
    ) -> Self {
        Self {
            customer_id: customer_id.into(),
            related,
            body,
        }
    }
}

impl Operation for CreateRelated<'_> {
    type Output = Resource;

    fn operation_id(&self) -> &'static str {
        match self.related {
            Related::Conversations => "CreateConversationForCustomer",
            Related::Messages => "CreateMessageByCustomer",
            Related::CustomObjects(_) => "CreateCustomerKObject",
            _ => "",
        }
    }

    fn resource_id(&self) -> Option<&str> {
        Some(&self.customer_id)
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        if matches!(self.related, Related::Notes | Related::Merges) {
            return Err(InvalidInput::new(
                "related",
                "notes and merges are not created under a customer",
            )
            .into());
        }
        let path = customer_path(&self.customer_id, &self.related.suffix()?)?;
        config.request(Method::POST, &path, Some(json_body(&self.body)?))
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Resource, Error> {
        parse_one(response)
    }
}

/// Merge customer `source` into `target` (`POST /v1/customers/merges`, `CreateCustomerMerge`;
/// 201 with the merge, typed loosely).
///
/// Roles: `org.user.customer.write` or `org.permission.customer.update`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, customers::CreateMerge};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = CreateMerge::new("5822ba88d4e96711004eccd5", "58210c3db0f09110006b7953").build(&config)?;
/// assert_eq!(request.body(), br#"{"source":"5822ba88d4e96711004eccd5","target":"58210c3db0f09110006b7953"}"#);
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateMerge<'a> {
    source: Cow<'a, str>,
    target: Cow<'a, str>,
}

impl<'a> CreateMerge<'a> {
    /// Merge `source` into `target`.
    pub fn new(source: impl Into<Cow<'a, str>>, target: impl Into<Cow<'a, str>>) -> Self {
        Self {
            source: source.into(),
            target: target.into(),
        }
    }
}

impl Operation for CreateMerge<'_> {
    type Output = Resource;

    fn operation_id(&self) -> &'static str {
        "CreateCustomerMerge"
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        segment("source", &self.source)?;
        segment("target", &self.target)?;
        if self.source == self.target {
            return Err(InvalidInput::new("target", "is the source itself").into());
        }
        let body = serde_json::json!({"source": self.source, "target": self.target});
        config.request(Method::POST, "/customers/merges", Some(json_body(&body)?))
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Resource, Error> {
        parse_one(response)
    }
}

/// A customer merge by ID (`GET /v1/customers/merges/{id}`, `GetCustomerMerge`).
///
/// Roles: `org.user.customer.read` or `org.permission.customer.read`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, customers::GetMerge};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = GetMerge::new("5822bab2aa5f92110005d6b2").build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/customers/merges/5822bab2aa5f92110005d6b2");
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetMerge<'a> {
    id: Cow<'a, str>,
}

impl<'a> GetMerge<'a> {
    /// The merge `id`.
    pub fn new(id: impl Into<Cow<'a, str>>) -> Self {
        Self { id: id.into() }
    }
}

impl Operation for GetMerge<'_> {
    type Output = Resource;

    fn operation_id(&self) -> &'static str {
        "GetCustomerMerge"
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        let path = format!("/customers/merges/{}", segment("merge id", &self.id)?);
        config.request(Method::GET, &path, None)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Resource, Error> {
        parse_one(response)
    }
}
