//! Conversation operations: the conversations family on the generic layer, its tags, events and
//! attachments, and a customer's conversations.
//!
//! Roles: read `org.user.conversation.read` / `org.permission.conversation.read`; create
//! `org.user.conversation.write` / `org.permission.conversation.create`; update `.write` /
//! `.update`; delete `org.user.conversation.delete` / `org.permission.conversation.delete`.

mod handle;
mod input;
mod tags;

use crate::families::models::{Conversation, Customer};
use crate::generic::family::{
    BulkWritable, ChildOf, Creatable, CreatedUnder, Deletable, ExternalIdLookup, Gettable,
    Listable, Searchable, Updatable,
};
use crate::protocol::validation::absent;

pub use input::{ConversationInput, ConversationUpdate, SnoozeInput};
pub use tags::{ListConversationAttachments, ListConversationEvents, TagConversation};

crate::generic::declare::family! {
    impl Family for Conversation {
        type Scope = ();
        const PATH: &'static str = "/conversations";
        const NAME: &'static str = "conversation";
        const ID: &'static str = "conversation id";
    }

    handle {
        /// Conversation operations through a [`Client`](crate::Client); from
        /// [`Client::conversations`](crate::Client::conversations).
        pub type Conversations;
        /// Conversation operations: get, list, create, update, delete, search, bulk, tags, a
        /// customer's conversations.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// use kustomer::conversations::ConversationUpdate;
        /// use kustomer::ops::UpdateMode;
        ///
        /// let closed = client.conversations().update("58228e05d4e96711004eccb7", &ConversationUpdate::new().status(kustomer::models::ConversationStatus::Done), UpdateMode::Patch)?;
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn conversations;
    }

    /// Get a conversation by ID (`GET /v1/conversations/{id}`).
    ///
    /// Roles: `org.user.conversation.read` or `org.permission.conversation.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, conversations::GetConversation};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = GetConversation::new("58228e05d4e96711004eccb7").build(&config)?;
    /// assert_eq!(request.uri(), "https://api.kustomerapp.com/v1/conversations/58228e05d4e96711004eccb7");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetConversation<'a> = crate::generic::ops::Get<'a, Conversation> {
        Get => "GetConversation"
    };

    /// Find a conversation by your ID for it (`GET /v1/conversations/externalId={externalId}`).
    ///
    /// Roles: `org.user.conversation.read` or `org.permission.conversation.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, conversations::GetConversationByExternalId};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = GetConversationByExternalId::new("ticket/42").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/conversations/externalId=ticket%2F42");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetConversationByExternalId<'a> = crate::generic::ops::GetByExternalId<'a, Conversation> {
        GetByExternalId => "GetConversationByExternalId"
    };

    /// List the org's conversations (`GET /v1/conversations`), one page at a time (at most 100 a
    /// page).
    ///
    /// Roles: `org.user.conversation.read` or `org.permission.conversation.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, conversations::ListConversations};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListConversations::new().page_size(100).sort("-createdAt").build(&config)?;
    /// assert_eq!(request.uri().query(), Some("pageSize=100&sort=-createdAt"));
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListConversations = crate::generic::ops::List<Conversation> {
        List => "GetConversations"
    };

    /// Create a conversation (`POST /v1/conversations`; 201). The input must name the customer.
    ///
    /// Roles: `org.user.conversation.write` or `org.permission.conversation.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, conversations::{ConversationInput, CreateConversation}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let input = ConversationInput::for_customer("58210c3db0f09110006b7953").name("Refund");
    /// let request = CreateConversation::new(&input).build(&config)?;
    /// assert_eq!(request.body(), br#"{"customer":"58210c3db0f09110006b7953","name":"Refund"}"#);
    /// assert!(CreateConversation::new(ConversationInput::new()).build(&config).is_err()); // no customer
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateConversation<'a> = crate::generic::ops::Create<'a, Conversation> {
        Create => "CreateConversation"
    };

    /// Update a conversation (`PUT /v1/conversations/{id}?replace=…`, or `PATCH`, sent as the
    /// spec's `application/json-patch+json` and accepting the answer in that type too). A stale `rev` is
    /// [`Error::Conflict`](crate::Error::Conflict).
    ///
    /// Roles: `org.user.conversation.write` or `org.permission.conversation.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, conversations::{ConversationUpdate, UpdateConversation}};
    /// use kustomer::ops::UpdateMode;
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let close = ConversationUpdate::new().status(kustomer::models::ConversationStatus::Done);
    /// let request = UpdateConversation::new("58228e05d4e96711004eccb7", &close).mode(UpdateMode::Patch).build(&config)?;
    /// assert_eq!(request.method(), http::Method::PATCH);
    /// assert_eq!(request.headers()["content-type"], "application/json-patch+json");
    /// assert_eq!(request.headers()["accept"], "application/json, application/json-patch+json");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type UpdateConversation<'a> = crate::generic::ops::Update<'a, Conversation> {
        Patch => "UpdateConversationAttributes", Put => "UpdateConversation"
    };

    /// Delete a conversation (`DELETE /v1/conversations/{id}`; 204).
    ///
    /// Roles: `org.user.conversation.delete` or `org.permission.conversation.delete`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, conversations::DeleteConversation};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = DeleteConversation::new("58228e05d4e96711004eccb7").build(&config)?;
    /// assert_eq!(request.method(), http::Method::DELETE);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type DeleteConversation<'a> = crate::generic::ops::Delete<'a, Conversation> {
        Delete => "DeleteConversation"
    };

    /// Search conversations (`POST /v1/customers/search` with `queryContext: "conversation"`,
    /// Kustomer's `CustomerSearch`; or the archive), one page at a time. Criteria are named
    /// `conversation_<attribute>`: [`Criterion::attribute`](crate::search::Criterion::attribute).
    ///
    /// Roles: `org.user.search.read` or `org.permission.search.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, models::Conversation};
    /// use kustomer::conversations::SearchConversations;
    /// use kustomer::search::{Criterion, SearchQuery};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let open = SearchQuery::new().and(Criterion::equals(Criterion::attribute::<Conversation>("status"), "open"));
    /// let request = SearchConversations::new(open).build(&config)?;
    /// let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    /// assert_eq!(body["queryContext"], "conversation");
    /// assert_eq!(body["and"][0], serde_json::json!({"conversation_status": {"equals": "open"}}));
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type SearchConversations = crate::generic::ops::Search<Conversation> {};

    /// The walk through every conversation a search finds, past the 100-page cap, on
    /// `conversation_updated_at` (see [`Walk`](crate::ops::Walk)).
    ///
    /// ```
    /// use kustomer::conversations::ConversationWalk;
    /// use kustomer::search::SearchQuery;
    ///
    /// let walk = ConversationWalk::new(SearchQuery::new(), 500);
    /// let first = walk.next_operation().unwrap();
    /// assert_eq!(
    ///     serde_json::to_value(first.query()).unwrap()["sort"],
    ///     serde_json::json!([{"conversation_updated_at": "asc"}])
    /// );
    /// ```
    pub type ConversationWalk = crate::generic::ops::Walk<Conversation> {};

    /// Create or update up to 100 conversations in one job (`POST`/`PUT /v1/conversations/bulk`;
    /// 201 with a job).
    ///
    /// Roles: `org.user.conversation.write` or `org.permission.conversation.create` / `.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, conversations::{BulkConversations, ConversationInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let inputs = [ConversationInput::for_customer("58210c3db0f09110006b7953").name("One")];
    /// let request = BulkConversations::create(&inputs[..]).build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/conversations/bulk");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type BulkConversations<'a> = crate::generic::ops::BulkWrite<'a, Conversation> {
        BulkCreate => "BulkCreateConversations", BulkUpdate => "BulkBatchUpdateConversations"
    };

    /// List a customer's conversations (`GET /v1/customers/{id}/conversations`; `fromDate` an RFC
    /// 3339 date-time), typed.
    ///
    /// Roles: `org.user.conversation.read` or `org.permission.conversation.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, conversations::ListCustomerConversations};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let since: kustomer::Timestamp = "2024-01-01T00:00:00Z".parse()?;
    /// let request = ListCustomerConversations::new("58210c3db0f09110006b7953")
    ///     .from_date(since)
    ///     .build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/customers/58210c3db0f09110006b7953/conversations");
    /// assert_eq!(request.uri().query(), Some("fromDate=2024-01-01T00%3A00%3A00.000Z"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub type ListCustomerConversations<'a> = crate::generic::ops::ListUnder<'a, Customer, Conversation> {
        ListUnder(Customer) => "GetConversationsByCustomer"
    };

    /// Create a conversation for a customer (`POST /v1/customers/{id}/conversations`; 201). The
    /// input must not name the customer: the path does.
    ///
    /// Roles: `org.user.conversation.write` or `org.permission.conversation.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, conversations::{ConversationInput, CreateCustomerConversation}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let input = ConversationInput::new().name("Order question");
    /// let request = CreateCustomerConversation::new("58210c3db0f09110006b7953", &input).build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/customers/58210c3db0f09110006b7953/conversations");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateCustomerConversation<'a> = crate::generic::ops::CreateUnder<'a, Customer, Conversation> {
        CreateUnder(Customer) => "CreateConversationForCustomer"
    };
}
impl Gettable for Conversation {}
impl ExternalIdLookup for Conversation {}
impl Listable for Conversation {
    const MAX_PAGE_SIZE: u32 = 100;
}
impl Creatable for Conversation {
    type Input = ConversationInput;
    fn check_create(input: &ConversationInput) -> Result<(), crate::protocol::error::InvalidInput> {
        crate::protocol::validation::required("customer", &input.customer)
    }
}
impl Updatable for Conversation {
    type Update = ConversationUpdate;
    // The spec gives the PATCH this type, with the same body as the PUT.
    const PATCH_CONTENT_TYPE: &'static str = "application/json-patch+json";
    // ...and answers it in that type (its 200's only content type).
    const PATCH_ACCEPT: &'static str = "application/json, application/json-patch+json";
}
impl Deletable for Conversation {}
impl Searchable for Conversation {
    const CONTEXT: &'static str = "conversation";
    const PREFIX: &'static str = "conversation";
    const UPDATED_AT: &'static str = "conversation_updated_at";
    const ARCHIVED: bool = true;
    fn updated_at(&self) -> Option<&crate::protocol::date_time::DateTime> {
        self.attributes.updated_at.as_ref()
    }
}
impl BulkWritable for Conversation {}
impl ChildOf<Customer> for Conversation {
    const SEGMENT: &'static str = "conversations";
    const FROM_DATE: bool = true;
}
impl CreatedUnder<Customer> for Conversation {
    type Input = ConversationInput;
    fn check_under(input: &ConversationInput) -> Result<(), crate::protocol::error::InvalidInput> {
        absent(
            "customer",
            &input.customer,
            "is the path's own under a customer",
        )
    }
}

/// A record of a bulk conversation update: its ID and the changes.
pub type ConversationBulkUpdate = crate::generic::bulk::BulkUpdate<ConversationUpdate>;
