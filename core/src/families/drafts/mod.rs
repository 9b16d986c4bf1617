//! Drafts, forwards and their attachments, and the accounts they go out from.
//!
//! Roles: read `org.user.draft.read` / `org.permission.draft.read`; write
//! `org.user.draft.write` / `org.permission.draft.create`, `.update`, `.delete`. Forwards:
//! `org.user.message.read` / `.write` and `org.permission.forward.*`. Outbound accounts:
//! `org.user.outbound_account.read` / `org.permission.outbound_account.read`.

mod input;
mod send_at;

use crate::families::models::{
    Attachment, Conversation, Customer, Draft, Forward, OutboundAccount,
};
use crate::generic::family::{
    ChildOf, CreatedUnder, Deletable, DeletableUnder, Gettable, GettableUnder, Listable, Updatable,
    UpdateMethods,
};
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{absent, required};

pub use crate::families::attachments::{
    CreateDraftAttachment, CreateForwardAttachment, DeleteDraftAttachment, DeleteForwardAttachment,
    GetDraftAttachment, GetForwardAttachment, ListDraftAttachments, ListForwardAttachments,
};
pub use input::{AddressInput, AttachmentRef, DraftInput, ForwardInput, Recipient, Sender};
pub use send_at::SendAt;

crate::generic::declare::family! {
    impl Family for Draft {
        type Scope = ();
        const PATH: &'static str = "/drafts";
        const NAME: &'static str = "draft";
        const ID: &'static str = "draft id";
    }

    handle {
        /// Draft operations through a [`Client`](crate::Client); from
        /// [`Client::drafts`](crate::Client::drafts).
        pub type Drafts;
        /// Draft operations: a customer's drafts listed and created, update, delete, attachments.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// use kustomer::drafts::DraftInput;
        /// use kustomer::models::Customer;
        ///
        /// let draft = client.drafts().create_under::<Customer>("58210c3db0f09110006b7953", &DraftInput::note("Call back"))?;
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn drafts;
    }

    /// List a customer's drafts (`GET /v1/customers/{id}/drafts`).
    ///
    /// Roles: `org.user.draft.read` or `org.permission.draft.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, drafts::ListCustomerDrafts};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListCustomerDrafts::new("58210c3db0f09110006b7953").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/customers/58210c3db0f09110006b7953/drafts");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListCustomerDrafts<'a> = crate::generic::ops::ListUnder<'a, Customer, Draft> {
        ListUnder(Customer) => "GetAllDraftsByCustomer"
    };

    /// Create a draft for a customer (`POST /v1/customers/{id}/drafts`).
    ///
    /// Roles: `org.user.draft.write` or `org.permission.draft.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, drafts::{CreateCustomerDraft, DraftInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = CreateCustomerDraft::new("58210c3db0f09110006b7953", DraftInput::note("Call back")).build(&config)?;
    /// assert_eq!(request.body(), br#"{"channel":"note","body":"Call back"}"#);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateCustomerDraft<'a> = crate::generic::ops::CreateUnder<'a, Customer, Draft> {
        CreateUnder(Customer) => "CreateDraftByCustomer"
    };

    /// Update a draft (`PUT /v1/drafts/{id}`).
    ///
    /// Roles: `org.user.draft.write` or `org.permission.draft.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, drafts::{DraftInput, UpdateDraft}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = UpdateDraft::new("5823e4d3bff98a100085320e", DraftInput::email().subject("Re: order")).build(&config)?;
    /// assert_eq!(request.uri().path_and_query().unwrap(), "/v1/drafts/5823e4d3bff98a100085320e");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type UpdateDraft<'a> = crate::generic::ops::Update<'a, Draft> { Put => "UpdateDraft" };

    /// Delete a draft (`DELETE /v1/drafts/{id}`; 204).
    ///
    /// Roles: `org.user.draft.write` or `org.permission.draft.delete`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, drafts::DeleteDraft};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(DeleteDraft::new("5823e4d3bff98a100085320e").build(&config)?.method(), http::Method::DELETE);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type DeleteDraft<'a> = crate::generic::ops::Delete<'a, Draft> { Delete => "DeleteDraft" };
}
impl Updatable for Draft {
    type Update = DraftInput;
    const METHODS: UpdateMethods = UpdateMethods::PUT;
}
impl Deletable for Draft {}
impl ChildOf<Customer> for Draft {
    const SEGMENT: &'static str = "drafts";
}
impl CreatedUnder<Customer> for Draft {
    type Input = DraftInput;
}

crate::generic::declare::family! {
    impl Family for Forward {
        type Scope = ();
        const PATH: &'static str = "/forwards";
        const NAME: &'static str = "forward";
        const ID: &'static str = "forward id";
    }

    handle {
        /// Forward operations through a [`Client`](crate::Client); from
        /// [`Client::forwards`](crate::Client::forwards).
        pub type Forwards;
        /// Forward operations: a conversation's forwards listed and created, get, update,
        /// attachments.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// let forward = client.forwards().get("5823e4d3bff98a100085320e")?;
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn forwards;
    }

    /// List a conversation's forwards (`GET /v1/conversations/{id}/forwards`).
    ///
    /// Roles: `org.user.message.read` or `org.permission.forward.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, drafts::ListConversationForwards};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListConversationForwards::new("58228e05d4e96711004eccb7").build(&config)?.uri().path(), "/v1/conversations/58228e05d4e96711004eccb7/forwards");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListConversationForwards<'a> = crate::generic::ops::ListUnder<'a, Conversation, Forward> {
        ListUnder(Conversation) => "GetAllForwardsByConversation"
    };

    /// Forward a conversation (`POST /v1/conversations/{id}/forwards`): an email, `channel`
    /// required.
    ///
    /// Roles: `org.user.message.write` or `org.permission.forward.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, drafts::{AddressInput, CreateConversationForward, ForwardInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let forward = ForwardInput::email().to(AddressInput::new("billing@example.com"));
    /// assert!(CreateConversationForward::new("58228e05d4e96711004eccb7", &forward).build(&config).is_ok());
    /// assert!(CreateConversationForward::new("58228e05d4e96711004eccb7", ForwardInput::update()).build(&config).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateConversationForward<'a> = crate::generic::ops::CreateUnder<'a, Conversation, Forward> {
        CreateUnder(Conversation) => "CreateForwardByConversation"
    };

    /// Get a forward (`GET /v1/forwards/{id}`).
    ///
    /// Roles: `org.user.message.read` or `org.permission.forward.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, drafts::GetForward};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(GetForward::new("5823e4d3bff98a100085320e").build(&config)?.uri().path(), "/v1/forwards/5823e4d3bff98a100085320e");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetForward<'a> = crate::generic::ops::Get<'a, Forward> {
        Get => "GetaDraftForwardById"
    };

    /// Update a forward (`PUT /v1/forwards/{id}`).
    ///
    /// Roles: `org.user.message.write` or `org.permission.forward.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, drafts::{ForwardInput, UpdateForward}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let send = ForwardInput::update().status(kustomer::models::DraftStatus::Sent);
    /// assert_eq!(UpdateForward::new("5823e4d3bff98a100085320e", &send).build(&config)?.method(), http::Method::PUT);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type UpdateForward<'a> = crate::generic::ops::Update<'a, Forward> {
        Put => "UpdateDraftForward"
    };
}
impl Gettable for Forward {}
impl Updatable for Forward {
    type Update = ForwardInput;
    const METHODS: UpdateMethods = UpdateMethods::PUT;
    fn check_put(input: &ForwardInput) -> Result<(), InvalidInput> {
        let why = "is not taken by an update";
        absent("channel", &input.channel, why)?;
        absent("app", &input.app, why)?;
        absent("customer", &input.customer, why)
    }
}
impl ChildOf<Conversation> for Forward {
    const SEGMENT: &'static str = "forwards";
}
impl CreatedUnder<Conversation> for Forward {
    type Input = ForwardInput;
    fn check_under(input: &ForwardInput) -> Result<(), InvalidInput> {
        required("channel", &input.channel)?;
        absent("lang", &input.lang, "is not taken by a create")
    }
}

crate::generic::declare::family! {
    impl Family for OutboundAccount {
        type Scope = ();
        const PATH: &'static str = "/outboundAccounts";
        const NAME: &'static str = "outbound account";
        const ID: &'static str = "outbound account id";
    }

    /// List the accounts drafts can go out from (`GET /v1/outboundAccounts`).
    ///
    /// Roles: `org.user.outbound_account.read` or `org.permission.outbound_account.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, drafts::ListOutboundAccounts};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListOutboundAccounts::new().build(&config)?.uri().path(), "/v1/outboundAccounts");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListOutboundAccounts = crate::generic::ops::List<OutboundAccount> {
        List => "GetOutboundAccounts"
    };
}
impl Listable for OutboundAccount {
    const MAX_PAGE_SIZE: u32 = 100;
}

impl ChildOf<Draft> for Attachment {
    const SEGMENT: &'static str = "attachments";
}
impl CreatedUnder<Draft> for Attachment {
    type Input = crate::families::attachments::AttachmentInput;
}
impl GettableUnder<Draft> for Attachment {}
impl DeletableUnder<Draft> for Attachment {}
impl ChildOf<Forward> for Attachment {
    const SEGMENT: &'static str = "attachments";
}
impl CreatedUnder<Forward> for Attachment {
    type Input = crate::families::attachments::AttachmentInput;
}
impl GettableUnder<Forward> for Attachment {}
impl DeletableUnder<Forward> for Attachment {}

crate::generic::ops::helpers::input_cow!(DraftInput, ForwardInput);
