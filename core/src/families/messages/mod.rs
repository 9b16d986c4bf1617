//! Message operations: the messages family on the generic layer, redactions, and the messages of
//! a conversation or a customer. Messages cannot be deleted.
//!
//! Roles: read `org.user.message.read` / `org.permission.message.read`; create
//! `org.user.message.write` / `org.permission.message.create`; update `.write` / `.update`.

mod input;

use std::borrow::Cow;

use http::{Method, Request, Response};

use crate::families::models::{Conversation, Customer, Message};
use crate::generic::family::{
    BulkWritable, ChildOf, Creatable, CreatedUnder, ExternalIdLookup, Family, Gettable, Input,
    Listable, Searchable, Updatable,
};
use crate::protocol::config::Config;
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::json_body::json_body;
use crate::protocol::operation::Operation;
use crate::protocol::page::parse_one;
use crate::protocol::path::segment;
use crate::protocol::validation::{absent, required};

pub use input::{MessageInput, MessageUpdate, RedactionInput};

crate::generic::declare::family! {
    impl Family for Message {
        type Scope = ();
        const PATH: &'static str = "/messages";
        const NAME: &'static str = "message";
        const ID: &'static str = "message id";
    }

    handle {
        /// Message operations through a [`Client`](crate::Client); from
        /// [`Client::messages`](crate::Client::messages).
        pub type Messages;
        /// Message operations: get, list, create, update, search, bulk, redactions, a
        /// conversation's or customer's messages.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// let message = client.messages().get("57c8d2b01a57ed1400392073")?;
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn messages;
    }

    /// Get a message by ID (`GET /v1/messages/{id}`).
    ///
    /// Roles: `org.user.message.read` or `org.permission.message.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, messages::GetMessage};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = GetMessage::new("57c8d2b01a57ed1400392073").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/messages/57c8d2b01a57ed1400392073");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetMessage<'a> = crate::generic::ops::Get<'a, Message> { Get => "GetMessage" };

    /// Find a message by the channel's ID for it (`GET /v1/messages/externalid={externalId}`).
    ///
    /// Roles: `org.user.message.read` or `org.permission.message.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, messages::GetMessageByExternalId};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = GetMessageByExternalId::new("<abc@mail.example>").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/messages/externalid=%3Cabc%40mail.example%3E");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetMessageByExternalId<'a> = crate::generic::ops::GetByExternalId<'a, Message> {
        GetByExternalId => "GetMessageByExternalID"
    };

    /// List the org's messages (`GET /v1/messages`), one page at a time.
    ///
    /// Roles: `org.user.message.read` or `org.permission.message.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, messages::ListMessages};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListMessages::new().page(2).build(&config)?;
    /// assert_eq!(request.uri().query(), Some("page=2"));
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListMessages = crate::generic::ops::List<Message> { List => "GetMessages" };

    /// Create a message (`POST /v1/messages`; 201): `channel`, `app` and `direction` are required.
    ///
    /// Roles: `org.user.message.write` or `org.permission.message.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, messages::{CreateMessage, MessageInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let input = MessageInput::inbound(kustomer::models::Channel::Chat, "api").customer("58210c3db0f09110006b7953").preview("Hi");
    /// let request = CreateMessage::new(&input).build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/messages");
    /// assert!(CreateMessage::new(MessageInput::default()).build(&config).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateMessage<'a> = crate::generic::ops::Create<'a, Message> {
        Create => "CreateMessage"
    };

    /// Update a message (`PUT /v1/messages/{id}?replace=…`, or `PATCH`).
    ///
    /// Roles: `org.user.message.write` or `org.permission.message.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, messages::{MessageUpdate, UpdateMessage}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = UpdateMessage::new("57c8d2b01a57ed1400392073", MessageUpdate::new().status(kustomer::models::MessageStatus::Sent)).build(&config)?;
    /// assert_eq!(request.uri().query(), Some("replace=false"));
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type UpdateMessage<'a> = crate::generic::ops::Update<'a, Message> {
        Patch => "UpdateMessageAttributes", Put => "UpdateMessage"
    };

    /// Search messages (`POST /v1/customers/search` with `queryContext: "message"`), one page at a
    /// time; criteria are named `message_<attribute>`.
    ///
    /// Roles: `org.user.search.read` or `org.permission.search.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, messages::SearchMessages};
    /// use kustomer::search::{Criterion, SearchQuery};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let inbound = SearchQuery::new().and(Criterion::equals("message_direction", "in"));
    /// let request = SearchMessages::new(inbound).build(&config)?;
    /// let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    /// assert_eq!(body["queryContext"], "message");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type SearchMessages = crate::generic::ops::Search<Message> {};

    /// The walk through every message a search finds, past the 100-page cap, on
    /// `message_updated_at`.
    ///
    /// ```
    /// use kustomer::{search::SearchQuery, messages::MessageWalk};
    ///
    /// let first = MessageWalk::new(SearchQuery::new(), 500).next_operation().unwrap();
    /// let body = serde_json::to_value(first.query()).unwrap();
    /// assert_eq!(body["sort"], serde_json::json!([{"message_updated_at": "asc"}]));
    /// ```
    pub type MessageWalk = crate::generic::ops::Walk<Message> {};

    /// Create or update up to 100 messages in one job (`POST`/`PUT /v1/messages/bulk`; 201 with a
    /// job).
    ///
    /// Roles: `org.user.message.write` or `org.permission.message.create` / `.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, messages::{BulkMessages, MessageInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let inputs = [MessageInput::outbound(kustomer::models::Channel::Sms, "api").preview("Your code is 1234")];
    /// let request = BulkMessages::create(&inputs[..]).build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/messages/bulk");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type BulkMessages<'a> = crate::generic::ops::BulkWrite<'a, Message> {
        BulkCreate => "BulkCreateMessages", BulkUpdate => "BulkBatchUpdateMessages"
    };

    /// List a conversation's messages (`GET /v1/conversations/{id}/messages`), typed.
    ///
    /// Roles: `org.user.message.read` or `org.permission.message.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, messages::ListConversationMessages};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListConversationMessages::new("58228e05d4e96711004eccb7").sort("createdAt").build(&config)?;
    /// assert_eq!(request.uri().path_and_query().unwrap(), "/v1/conversations/58228e05d4e96711004eccb7/messages?sort=createdAt");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListConversationMessages<'a> = crate::generic::ops::ListUnder<'a, Conversation, Message> {
        ListUnder(Conversation) => "GetMessagesByConversation"
    };

    /// Create a message in a conversation (`POST /v1/conversations/{id}/messages`; 201): `channel`
    /// and `app` are required.
    ///
    /// Roles: `org.user.message.write` or `org.permission.message.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, messages::{CreateConversationMessage, MessageInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let input = MessageInput::inbound(kustomer::models::Channel::Chat, "api").preview("Thanks!");
    /// let request = CreateConversationMessage::new("58228e05d4e96711004eccb7", &input).build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/conversations/58228e05d4e96711004eccb7/messages");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateConversationMessage<'a> = crate::generic::ops::CreateUnder<'a, Conversation, Message> {
        CreateUnder(Conversation) => "CreateMessageFromConversation"
    };

    /// List a customer's messages (`GET /v1/customers/{id}/messages`), typed.
    ///
    /// Roles: `org.user.message.read` or `org.permission.message.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, messages::ListCustomerMessages};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListCustomerMessages::new("58210c3db0f09110006b7953").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/customers/58210c3db0f09110006b7953/messages");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListCustomerMessages<'a> = crate::generic::ops::ListUnder<'a, Customer, Message> {
        ListUnder(Customer) => "GetMessagesByCustomer"
    };

    /// Create a message for a customer (`POST /v1/customers/{id}/messages`; 201): `channel` and
    /// `app` required, no `customer` in the body.
    ///
    /// Roles: `org.user.message.write` or `org.permission.message.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, messages::{CreateCustomerMessage, MessageInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let input = MessageInput::outbound(kustomer::models::Channel::Email, "api").subject("Your order");
    /// let request = CreateCustomerMessage::new("58210c3db0f09110006b7953", &input).build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/customers/58210c3db0f09110006b7953/messages");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateCustomerMessage<'a> = crate::generic::ops::CreateUnder<'a, Customer, Message> {
        CreateUnder(Customer) => "CreateMessageByCustomer"
    };
}
impl Gettable for Message {}
impl ExternalIdLookup for Message {
    // As the spec spells this one path.
    const EXTERNAL_ID_KEY: &'static str = "externalid";
}
impl Listable for Message {
    const MAX_PAGE_SIZE: u32 = 100;
}
impl Creatable for Message {
    type Input = MessageInput;
    fn check_create(input: &MessageInput) -> Result<(), InvalidInput> {
        input.check_channel_and_app()?;
        required("direction", &input.direction)
    }
}
impl Updatable for Message {
    type Update = MessageUpdate;
}
impl Searchable for Message {
    const CONTEXT: &'static str = "message";
    const PREFIX: &'static str = "message";
    const UPDATED_AT: &'static str = "message_updated_at";
    const ARCHIVED: bool = true;
    fn updated_at(&self) -> Option<&crate::protocol::date_time::DateTime> {
        self.attributes.updated_at.as_ref()
    }
}
impl BulkWritable for Message {}
impl ChildOf<Conversation> for Message {
    const SEGMENT: &'static str = "messages";
}
impl CreatedUnder<Conversation> for Message {
    type Input = MessageInput;
    fn check_under(input: &MessageInput) -> Result<(), InvalidInput> {
        input.check_channel_and_app()
    }
}
impl ChildOf<Customer> for Message {
    const SEGMENT: &'static str = "messages";
}
impl CreatedUnder<Customer> for Message {
    type Input = MessageInput;
    fn check_under(input: &MessageInput) -> Result<(), InvalidInput> {
        input.check_channel_and_app()?;
        absent(
            "customer",
            &input.customer,
            "is the path's own under a customer",
        )
    }
}

/// A record of a bulk message update: its ID and the changes.
pub type MessageBulkUpdate = crate::generic::bulk::BulkUpdate<MessageUpdate>;

/// Redact a message (`POST /v1/messages/{id}/redactions`, Kustomer's `RedactMessage`; 201 with
/// the message).
///
/// Roles: `org.admin.message.write` or `org.permission.message_redaction.create`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, messages::{RedactMessage, RedactionInput}};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = RedactMessage::new("57c8d2b01a57ed1400392073", RedactionInput::text("[removed]")).build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/messages/57c8d2b01a57ed1400392073/redactions");
/// assert!(RedactMessage::new("57c8d2b01a57ed1400392073", RedactionInput::default()).build(&config).is_err());
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedactMessage<'a> {
    id: Cow<'a, str>,
    redaction: Cow<'a, RedactionInput>,
}

impl<'a> RedactMessage<'a> {
    /// Redact `redaction` from message `id`.
    pub fn new(id: impl Into<Cow<'a, str>>, redaction: impl Into<Cow<'a, RedactionInput>>) -> Self {
        Self {
            id: id.into(),
            redaction: redaction.into(),
        }
    }
}

impl Operation for RedactMessage<'_> {
    type Output = Message;

    fn operation_id(&self) -> &'static str {
        "RedactMessage"
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        self.redaction.validate()?;
        let id = segment(Message::ID, &self.id)?;
        config.request(
            Method::POST,
            format_args!("/messages/{id}/redactions"),
            Some(json_body(&*self.redaction)?),
        )
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Message, Error> {
        parse_one(response)
    }
}

impl<'c, T: crate::protocol::transport::Transport> crate::generic::handle::Handle<'c, T, Message> {
    /// Every message of a conversation, typed; see [`ListConversationMessages`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// for message in client.messages().of_conversation("58228e05d4e96711004eccb7") {
    ///     println!("{:?}", message?.attributes.preview);
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn of_conversation<'a>(
        &self,
        conversation_id: &'a str,
    ) -> crate::generic::paginated::Paginated<'c, T, ListConversationMessages<'a>> {
        self.under(crate::generic::ops::ListUnder::new(conversation_id))
    }

    /// Every message of a customer, typed; see [`ListCustomerMessages`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let count = client.messages().of_customer("58210c3db0f09110006b7953").count();
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn of_customer<'a>(
        &self,
        customer_id: &'a str,
    ) -> crate::generic::paginated::Paginated<'c, T, ListCustomerMessages<'a>> {
        self.under(crate::generic::ops::ListUnder::new(customer_id))
    }

    /// Creates a message in a conversation; see [`CreateConversationMessage`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::messages::MessageInput;
    ///
    /// let reply = client.messages().create_in_conversation(
    ///     "58228e05d4e96711004eccb7",
    ///     &MessageInput::outbound(kustomer::models::Channel::Chat, "api").preview("On its way!"),
    /// )?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn create_in_conversation(
        &self,
        conversation_id: &str,
        input: &MessageInput,
    ) -> Result<Message, Error> {
        self.create_under::<Conversation>(conversation_id, input)
    }

    /// Creates a message for a customer; see [`CreateCustomerMessage`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::messages::MessageInput;
    ///
    /// let sent = client.messages().create_for_customer("58210c3db0f09110006b7953", &MessageInput::outbound(kustomer::models::Channel::Sms, "api"))?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn create_for_customer(
        &self,
        customer_id: &str,
        input: &MessageInput,
    ) -> Result<Message, Error> {
        self.create_under::<Customer>(customer_id, input)
    }

    /// Redacts a message; see [`RedactMessage`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::messages::RedactionInput;
    ///
    /// client.messages().redact("57c8d2b01a57ed1400392073", &RedactionInput::text("[removed]"))?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn redact(&self, id: &str, redaction: &RedactionInput) -> Result<Message, Error> {
        self.client().execute(&RedactMessage::new(id, redaction))
    }
}
