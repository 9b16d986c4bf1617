//! What only customers have on a [`Client`](crate::Client): lookups by email and phone (by
//! external ID, as every family: `by_external_id`), upsert, merges, and the untyped related records (merges; the rest are deprecated for
//! their typed twins).

use serde_json::{Map, Value};

#[allow(deprecated)]
use crate::families::customers::CreateRelated;
use crate::families::customers::upsert::Upsert;
use crate::families::customers::{
    CreateMerge, CustomerInput, GetMerge, ListRelated, LookupCustomer, Related,
};
use crate::families::models::{Customer, Resource};
use crate::generic::handle::Handle;
use crate::generic::ops::UpsertOutcome;
use crate::generic::paginated::Paginated;
use crate::protocol::error::Error;
use crate::protocol::transport::Transport;

impl<'c, T: Transport> Handle<'c, T, Customer> {
    /// Finds a customer by email; see [`LookupCustomer`]. A miss is [`Error::NotFound`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// match client.customers().by_email("ada+news@example.com") {
    ///     Ok(customer) => println!("{}", customer.id),
    ///     Err(e) if e.is_not_found() => println!("no such customer"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn by_email(&self, email: &str) -> Result<Customer, Error> {
        self.client().execute(&LookupCustomer::by_email(email))
    }

    /// Finds a customer by phone (E.164); see [`LookupCustomer`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let customer = client.customers().by_phone("+15555550123")?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn by_phone(&self, phone: &str) -> Result<Customer, Error> {
        self.client().execute(&LookupCustomer::by_phone(phone))
    }

    /// Creates or updates: finds the customer by `input.external_id`, else by its first email;
    /// updates it (merging) if found, creates it otherwise: the [`Upsert`] flow, driven by
    /// [`Client::run`](crate::Client::run). The flow sync jobs write by hand.
    ///
    /// ```
    /// # use kustomer::{ApiKey, Client, Config};
    /// # let transport = |r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(if r.method() == http::Method::GET {
    /// #     http::Response::builder().status(404).body(Vec::new()).unwrap()
    /// # } else {
    /// #     http::Response::builder().status(201).body(br#"{"data":{"id":"5f3c0d0e2f1a4b0012ab34cd"}}"#.to_vec()).unwrap()
    /// # });
    /// # let client = Client::new(Config::new(ApiKey::new("key")?), transport);
    /// use kustomer::customers::CustomerInput;
    /// use kustomer::ops::UpsertOutcome;
    ///
    /// let input = CustomerInput::new().external_id("crm-42").email("ada@example.com").name("Ada");
    /// match client.customers().upsert(&input)? {
    ///     UpsertOutcome::Created(c) => println!("created {}", c.id),
    ///     UpsertOutcome::Updated(c) => println!("updated {}", c.id),
    ///     _ => {}
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn upsert(&self, input: &CustomerInput) -> Result<UpsertOutcome<Customer>, Error> {
        self.client().run(Upsert::new(input)?)
    }

    /// Every conversation, message, note, merge or custom object of a customer; see
    /// [`ListRelated`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::customers::{ListRelated, Related};
    ///
    /// let list = ListRelated::new("58210c3db0f09110006b7953", Related::Conversations)
    ///     .from_date(std::time::SystemTime::now() - std::time::Duration::from_secs(86_400));
    /// for conversation in client.customers().related(list) {
    ///     println!("{:?}", conversation?.attributes.get("name"));
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn related(&self, first: ListRelated<'static>) -> Paginated<'c, T, ListRelated<'static>> {
        Paginated::new(self.client(), first)
    }

    /// Creates a conversation, message or custom object for a customer; see [`CreateRelated`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::customers::Related;
    ///
    /// let order = serde_json::json!({"title": "Order #1059", "custom": {"totalPriceNum": 64.67}});
    /// let object = client.customers().create_related(
    ///     "58210c3db0f09110006b7953",
    ///     Related::CustomObjects("order".into()),
    ///     order.as_object().cloned().unwrap_or_default(),
    /// )?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    #[deprecated(
        since = "0.1.0",
        note = "typed: create_for_customer on conversations and custom objects, create_under::<Customer> on messages"
    )]
    #[allow(deprecated)]
    pub fn create_related(
        &self,
        customer_id: &str,
        related: Related,
        body: Map<String, Value>,
    ) -> Result<Resource, Error> {
        self.client()
            .execute(&CreateRelated::new(customer_id, related, body))
    }

    /// Merges customer `source` into `target`; see [`CreateMerge`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let merge = client.customers().merge("5822ba88d4e96711004eccd5", "58210c3db0f09110006b7953")?;
    /// let again = client.customers().get_merge(merge.id.as_deref().unwrap_or_default())?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn merge(&self, source: &str, target: &str) -> Result<Resource, Error> {
        self.client().execute(&CreateMerge::new(source, target))
    }

    /// A merge by ID; see [`GetMerge`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let merge = client.customers().get_merge("5822bab2aa5f92110005d6b2")?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn get_merge(&self, id: &str) -> Result<Resource, Error> {
        self.client().execute(&GetMerge::new(id))
    }
}
