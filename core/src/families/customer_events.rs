//! A customer's timeline: events, and the tracking sessions they came in.
//!
//! Roles: `org.user.customer.read` or `org.permission.customer_event.read`.

use std::borrow::Cow;

use http::{Method, Request, Response};

use crate::families::models::{Customer, CustomerEvent, CustomerSession};
use crate::generic::family::{ChildOf, Family, GettableUnder};
use crate::protocol::config::Config;
use crate::protocol::error::Error;
use crate::protocol::operation::Operation;
use crate::protocol::page::{Page, PagedOperation, parse_page};
use crate::protocol::paging::{Paging, paging_methods};
use crate::protocol::path::segment;
use crate::protocol::query::Query;

crate::generic::declare::family! {
    impl Family for CustomerEvent {
        type Scope = ();
        const PATH: &'static str = "/customers/events";
        const NAME: &'static str = "customer event";
        const ID: &'static str = "customer event id";
    }

    handle {
        /// Customer-event operations through a [`Client`](crate::Client); from
        /// [`Client::customer_events`](crate::Client::customer_events).
        pub type CustomerEvents;
        /// Customer event operations: a customer's events, one of them, their sessions, a
        /// session's events.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// use kustomer::customer_events::ListCustomerEvents;
        ///
        /// for event in client.customer_events().under(ListCustomerEvents::new("58210c3db0f09110006b7953")) {
        ///     println!("{:?}", event?.attributes.name);
        /// }
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn customer_events;
    }

    /// List a customer's events (`GET /v1/customers/{id}/events`); `.param("name", …)` keeps one
    /// event name.
    ///
    /// Roles: `org.user.customer.read` or `org.permission.customer_event.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, customer_events::ListCustomerEvents};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListCustomerEvents::new("58210c3db0f09110006b7953").param("name", "kustomer.conversation.create").build(&config)?;
    /// assert_eq!(request.uri().query(), Some("name=kustomer.conversation.create"));
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListCustomerEvents<'a> = crate::generic::ops::ListUnder<'a, Customer, CustomerEvent> {
        ListUnder(Customer) => "GetAllCustomerEvents"
    };

    /// Get one of a customer's events (`GET /v1/customers/{customerId}/events/{id}`).
    ///
    /// Roles: `org.user.customer.read` or `org.permission.customer_event.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, customer_events::GetCustomerEvent};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = GetCustomerEvent::new("58210c3db0f09110006b7953", "58210c3d7281071100186630").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/customers/58210c3db0f09110006b7953/events/58210c3d7281071100186630");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetCustomerEvent<'a> = crate::generic::ops::GetUnder<'a, Customer, CustomerEvent> {
        GetUnder(Customer) => "GetaCustomerEvent"
    };
}
impl ChildOf<Customer> for CustomerEvent {
    const SEGMENT: &'static str = "events";
}
impl GettableUnder<Customer> for CustomerEvent {}

crate::generic::declare::family! {
    impl Family for CustomerSession {
        type Scope = ();
        const PATH: &'static str = "/customers/sessions";
        const NAME: &'static str = "customer session";
        const ID: &'static str = "session id";
    }

    /// List a customer's tracking sessions (`GET /v1/customers/{id}/sessions`).
    ///
    /// Roles: `org.user.customer.read` or `org.permission.customer_event.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, customer_events::ListCustomerSessions};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListCustomerSessions::new("58290b8b7c7f551a00b5b738").build(&config)?.uri().path(), "/v1/customers/58290b8b7c7f551a00b5b738/sessions");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListCustomerSessions<'a> = crate::generic::ops::ListUnder<'a, Customer, CustomerSession> {
        ListUnder(Customer) => "GetCustomerSessions"
    };
}
impl ChildOf<Customer> for CustomerSession {
    const SEGMENT: &'static str = "sessions";
}

/// List the events of one of a customer's sessions
/// (`GET /v1/customers/{customerId}/sessions/{sessionId}/events`, Kustomer's
/// `GetAllEventsByCustomerForSession`), one page at a time.
///
/// Roles: `org.user.customer.read` or `org.permission.customer_event.read`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, customer_events::ListSessionEvents};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = ListSessionEvents::new("58290b8b7c7f551a00b5b738", "58290fb391113b1900bbee4c").page_size(50).build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/customers/58290b8b7c7f551a00b5b738/sessions/58290fb391113b1900bbee4c/events");
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListSessionEvents<'a> {
    customer: Cow<'a, str>,
    session: Cow<'a, str>,
    paging: Paging,
}

impl<'a> ListSessionEvents<'a> {
    /// The first page of a session's events.
    pub fn new(customer: impl Into<Cow<'a, str>>, session: impl Into<Cow<'a, str>>) -> Self {
        Self {
            customer: customer.into(),
            session: session.into(),
            paging: Paging::default(),
        }
    }

    paging_methods!();
}

impl Operation for ListSessionEvents<'_> {
    type Output = Page<CustomerEvent>;

    fn operation_id(&self) -> &'static str {
        "GetAllEventsByCustomerForSession"
    }

    fn resource_id(&self) -> Option<&str> {
        Some(&self.customer)
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        if let Some(path) = self.paging.next_path() {
            return config.request(Method::GET, path, None);
        }
        self.paging.check(100)?;
        let customer = segment(Customer::ID, &self.customer)?;
        let session = segment(CustomerSession::ID, &self.session)?;
        let mut query = Query::new();
        self.paging.push(&mut query);
        config.request(
            Method::GET,
            format_args!(
                "/customers/{customer}/sessions/{session}/events{}",
                query.as_str()
            ),
            None,
        )
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Page<CustomerEvent>, Error> {
        parse_page(response, self.paging.keeps_raw())
    }
}

impl PagedOperation for ListSessionEvents<'_> {
    type Item = CustomerEvent;

    fn paging(&self) -> &Paging {
        &self.paging
    }

    fn paging_mut(&mut self) -> &mut Paging {
        &mut self.paging
    }
}

impl<'c, T: crate::protocol::transport::Transport>
    crate::generic::handle::Handle<'c, T, CustomerEvent>
{
    /// Every event of a session of a customer; see [`ListSessionEvents`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let count = client.customer_events().of_session("58290b8b7c7f551a00b5b738", "58290fb391113b1900bbee4c").count();
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn of_session<'a>(
        &self,
        customer_id: &'a str,
        session_id: &'a str,
    ) -> crate::generic::paginated::Paginated<'c, T, ListSessionEvents<'a>> {
        crate::generic::paginated::Paginated::new(
            self.client(),
            ListSessionEvents::new(customer_id, session_id),
        )
    }
}
