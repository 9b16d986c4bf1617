//! Drafts, forwards and their attachments, and the accounts they go out from.
//!
//! Roles: read `org.user.draft.read` / `org.permission.draft.read`; write
//! `org.user.draft.write` / `org.permission.draft.create`, `.update`, `.delete`. Forwards:
//! `org.user.message.read` / `.write` and `org.permission.forward.*`. Outbound accounts:
//! `org.user.outbound_account.read` / `org.permission.outbound_account.read`.

mod input;

use crate::families::models::{
    Attachment, Conversation, Customer, Draft, Forward, OutboundAccount,
};
use crate::generic::family::{
    ChildOf, CreatedUnder, Deletable, DeletableUnder, Family, Gettable, GettableUnder, Listable,
    OperationKind, Updatable, UpdateMethods,
};
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{absent, required};

pub use input::{AddressInput, AttachmentRef, DraftInput, ForwardInput, Recipient, Sender};

impl Family for Draft {
    type Scope = ();
    const PATH: &'static str = "/drafts";
    const NAME: &'static str = "draft";
    const ID: &'static str = "draft id";

    fn operation_id(kind: OperationKind) -> &'static str {
        match kind {
            OperationKind::ListUnder(<crate::families::models::Customer as Family>::PATH) => {
                "GetAllDraftsByCustomer"
            }
            OperationKind::CreateUnder(<crate::families::models::Customer as Family>::PATH) => {
                "CreateDraftByCustomer"
            }
            OperationKind::Delete => "DeleteDraft",
            OperationKind::Put => "UpdateDraft",
            _ => "",
        }
    }
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

impl Family for Forward {
    type Scope = ();
    const PATH: &'static str = "/forwards";
    const NAME: &'static str = "forward";
    const ID: &'static str = "forward id";

    fn operation_id(kind: OperationKind) -> &'static str {
        match kind {
            OperationKind::ListUnder(<crate::families::models::Conversation as Family>::PATH) => {
                "GetAllForwardsByConversation"
            }
            OperationKind::CreateUnder(<crate::families::models::Conversation as Family>::PATH) => {
                "CreateForwardByConversation"
            }
            OperationKind::Get => "GetaDraftForwardById",
            OperationKind::Put => "UpdateDraftForward",
            _ => "",
        }
    }
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

impl Family for OutboundAccount {
    type Scope = ();
    const PATH: &'static str = "/outboundAccounts";
    const NAME: &'static str = "outbound account";
    const ID: &'static str = "outbound account id";

    fn operation_id(kind: OperationKind) -> &'static str {
        match kind {
            OperationKind::List => "GetOutboundAccounts",
            _ => "",
        }
    }
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

/// Draft operations through a [`Client`](crate::Client); from
/// [`Client::drafts`](crate::Client::drafts).
pub type Drafts<'c, T> = crate::generic::handle::Handle<'c, T, Draft>;

/// Forward operations through a [`Client`](crate::Client); from
/// [`Client::forwards`](crate::Client::forwards).
pub type Forwards<'c, T> = crate::generic::handle::Handle<'c, T, Forward>;

impl<T> crate::generic::client::Client<T> {
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
    pub fn drafts(&self) -> Drafts<'_, T> {
        crate::generic::handle::Handle::new(self)
    }

    /// Forward operations: a conversation's forwards listed and created, get, update,
    /// attachments.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let forward = client.forwards().get("5823e4d3bff98a100085320e")?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn forwards(&self) -> Forwards<'_, T> {
        crate::generic::handle::Handle::new(self)
    }
}

/// List a customer's drafts (`GET /v1/customers/{id}/drafts`, Kustomer's
/// `GetAllDraftsByCustomer`).
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
pub type ListCustomerDrafts<'a> = crate::generic::ops::ListUnder<'a, Customer, Draft>;

/// Create a draft for a customer (`POST /v1/customers/{id}/drafts`, Kustomer's
/// `CreateDraftByCustomer`).
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
pub type CreateCustomerDraft<'a> = crate::generic::ops::CreateUnder<'a, Customer, Draft>;

/// Update a draft (`PUT /v1/drafts/{id}`, Kustomer's `UpdateDraft`).
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
pub type UpdateDraft<'a> = crate::generic::ops::Update<'a, Draft>;

/// Delete a draft (`DELETE /v1/drafts/{id}`, Kustomer's `DeleteDraft`; 204).
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
pub type DeleteDraft<'a> = crate::generic::ops::Delete<'a, Draft>;

/// List a draft's attachments (`GET /v1/drafts/{id}/attachments`, Kustomer's
/// `GetDraftAttachments`).
///
/// Roles: `org.user.draft.read` or `org.permission.draft.read`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, drafts::ListDraftAttachments};
///
/// let config = Config::new(ApiKey::new("key")?);
/// assert_eq!(ListDraftAttachments::new("5823e4d3bff98a100085320e").build(&config)?.uri().path(), "/v1/drafts/5823e4d3bff98a100085320e/attachments");
/// # Ok::<(), kustomer::Error>(())
/// ```
pub type ListDraftAttachments<'a> = crate::generic::ops::ListUnder<'a, Draft, Attachment>;

/// Add an attachment to a draft (`POST /v1/drafts/{id}/attachments`, Kustomer's
/// `CreateDraftAttachment`); upload the file with its policy
/// ([`Attachment::upload_policy`](crate::models::Attachment::upload_policy)), or in one call
/// with [`Handle::upload_to_draft`](crate::Handle::upload_to_draft).
///
/// Roles: `org.user.draft.write` or `org.permission.draft.update`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, attachments::AttachmentInput, drafts::CreateDraftAttachment};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let op = CreateDraftAttachment::new("5823e4d3bff98a100085320e", AttachmentInput::new("logo.png", "image/png", 8911));
/// assert_eq!(op.build(&config)?.body(), br#"{"name":"logo.png","contentType":"image/png","contentLength":8911}"#);
/// # Ok::<(), kustomer::Error>(())
/// ```
pub type CreateDraftAttachment<'a> = crate::generic::ops::CreateUnder<'a, Draft, Attachment>;

/// Get a draft's attachment (`GET /v1/drafts/{id}/attachments/{attachmentId}`, Kustomer's
/// `GetDraftAttachment`).
///
/// Roles: `org.user.draft.read` or `org.permission.draft.read`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, drafts::GetDraftAttachment};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = GetDraftAttachment::new("5823e4d3bff98a100085320e", "58c766aadd4b90110053bd81").build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/drafts/5823e4d3bff98a100085320e/attachments/58c766aadd4b90110053bd81");
/// # Ok::<(), kustomer::Error>(())
/// ```
pub type GetDraftAttachment<'a> = crate::generic::ops::GetUnder<'a, Draft, Attachment>;

/// Remove an attachment from a draft (`DELETE /v1/drafts/{id}/attachments/{attachmentId}`,
/// Kustomer's `DeleteDraftAttachment`; 204).
///
/// Roles: `org.user.draft.write` or `org.permission.draft.update`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, drafts::DeleteDraftAttachment};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = DeleteDraftAttachment::new("5823e4d3bff98a100085320e", "58c766aadd4b90110053bd81").build(&config)?;
/// assert_eq!(request.method(), http::Method::DELETE);
/// # Ok::<(), kustomer::Error>(())
/// ```
pub type DeleteDraftAttachment<'a> = crate::generic::ops::DeleteUnder<'a, Draft, Attachment>;

/// List a conversation's forwards (`GET /v1/conversations/{id}/forwards`, Kustomer's
/// `GetAllForwardsByConversation`).
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
pub type ListConversationForwards<'a> = crate::generic::ops::ListUnder<'a, Conversation, Forward>;

/// Forward a conversation (`POST /v1/conversations/{id}/forwards`, Kustomer's
/// `CreateForwardByConversation`): an email, `channel` required.
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
pub type CreateConversationForward<'a> =
    crate::generic::ops::CreateUnder<'a, Conversation, Forward>;

/// Get a forward (`GET /v1/forwards/{id}`, Kustomer's `GetaDraftForwardById`).
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
pub type GetForward<'a> = crate::generic::ops::Get<'a, Forward>;

/// Update a forward (`PUT /v1/forwards/{id}`, Kustomer's `UpdateDraftForward`).
///
/// Roles: `org.user.message.write` or `org.permission.forward.update`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, drafts::{ForwardInput, UpdateForward}};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let send = ForwardInput::update().status("sent");
/// assert_eq!(UpdateForward::new("5823e4d3bff98a100085320e", &send).build(&config)?.method(), http::Method::PUT);
/// # Ok::<(), kustomer::Error>(())
/// ```
pub type UpdateForward<'a> = crate::generic::ops::Update<'a, Forward>;

/// List a forward's attachments (`GET /v1/forwards/{id}/attachments`, Kustomer's
/// `GetForwardAttachments`).
///
/// Roles: `org.user.message.read` or `org.permission.forward.read`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, drafts::ListForwardAttachments};
///
/// let config = Config::new(ApiKey::new("key")?);
/// assert_eq!(ListForwardAttachments::new("5823e4d3bff98a100085320e").build(&config)?.uri().path(), "/v1/forwards/5823e4d3bff98a100085320e/attachments");
/// # Ok::<(), kustomer::Error>(())
/// ```
pub type ListForwardAttachments<'a> = crate::generic::ops::ListUnder<'a, Forward, Attachment>;

/// Add an attachment to a forward (`POST /v1/forwards/{id}/attachments`, Kustomer's
/// `CreateForwardAttachment`).
///
/// Roles: `org.user.message.write` or `org.permission.forward.update`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, attachments::AttachmentInput, drafts::CreateForwardAttachment};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let op = CreateForwardAttachment::new("5823e4d3bff98a100085320e", AttachmentInput::new("a.pdf", "application/pdf", 10));
/// assert_eq!(op.build(&config)?.uri().path(), "/v1/forwards/5823e4d3bff98a100085320e/attachments");
/// # Ok::<(), kustomer::Error>(())
/// ```
pub type CreateForwardAttachment<'a> = crate::generic::ops::CreateUnder<'a, Forward, Attachment>;

/// Get a forward's attachment (`GET /v1/forwards/{id}/attachments/{attachmentId}`,
/// Kustomer's `GetForwardAttachment`).
///
/// Roles: `org.user.message.read` or `org.permission.forward.read`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, drafts::GetForwardAttachment};
///
/// let config = Config::new(ApiKey::new("key")?);
/// assert!(GetForwardAttachment::new("5823e4d3bff98a100085320e", "..").build(&config).is_err());
/// # Ok::<(), kustomer::Error>(())
/// ```
pub type GetForwardAttachment<'a> = crate::generic::ops::GetUnder<'a, Forward, Attachment>;

/// Remove an attachment from a forward (`DELETE /v1/forwards/{id}/attachments/{attachmentId}`,
/// Kustomer's `DeleteForwardAttachment`; 204).
///
/// Roles: `org.user.message.write` or `org.permission.forward.update`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, drafts::DeleteForwardAttachment};
///
/// let config = Config::new(ApiKey::new("key")?);
/// assert_eq!(DeleteForwardAttachment::new("5823e4d3bff98a100085320e", "58c766aadd4b90110053bd81").build(&config)?.method(), http::Method::DELETE);
/// # Ok::<(), kustomer::Error>(())
/// ```
pub type DeleteForwardAttachment<'a> = crate::generic::ops::DeleteUnder<'a, Forward, Attachment>;

/// List the accounts drafts can go out from (`GET /v1/outboundAccounts`, Kustomer's
/// `GetOutboundAccounts`).
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
pub type ListOutboundAccounts = crate::generic::ops::List<OutboundAccount>;
