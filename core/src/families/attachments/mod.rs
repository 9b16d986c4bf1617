//! Attachments and media: files on messages, drafts and forwards. A file goes in two steps:
//! create the attachment (its name, type and size), which answers a temporary
//! [`UploadPolicy`]; then post the file to the storage host it names
//! ([`UploadFile`]). [`Handle::upload`](crate::Handle::upload) and
//! [`Handle::upload_to_draft`](crate::Handle::upload_to_draft) do both in one call.
//!
//! Roles: read `org.user.attachment.read` / `org.permission.attachment.read`; write
//! `org.user.attachment.write` / `org.permission.attachment.create`, `.update`.

mod input;
mod upload;

use std::io::Read;

use crate::families::models::{Attachment, Draft, Media, Message, UploadPolicy};
use crate::generic::family::{
    ChildOf, Creatable, Family, Gettable, GettableUnder, OperationKind, Updatable, UpdateMethods,
};
use crate::generic::ops::{Create, CreateUnder};
use crate::protocol::error::{Error, InvalidInput};

pub use input::{AttachmentInput, AttachmentUpdate, MAX_MEDIA_BYTES};
pub use upload::UploadFile;

impl Family for Attachment {
    type Scope = ();
    const PATH: &'static str = "/attachments";
    const NAME: &'static str = "attachment";
    const ID: &'static str = "attachment id";

    fn operation_id(kind: OperationKind) -> &'static str {
        match kind {
            OperationKind::Create => "CreateAttachment",
            OperationKind::Get => "GetAttachmentsById",
            OperationKind::Put => "UpsertAttachment",
            OperationKind::GetUnder(<crate::families::models::Message as Family>::PATH) => {
                "GetAttachmentByMessageAndAttachmentId"
            }
            OperationKind::ListUnder(<crate::families::models::Draft as Family>::PATH) => {
                "GetDraftAttachments"
            }
            OperationKind::CreateUnder(<crate::families::models::Draft as Family>::PATH) => {
                "CreateDraftAttachment"
            }
            OperationKind::DeleteUnder(<crate::families::models::Draft as Family>::PATH) => {
                "DeleteDraftAttachment"
            }
            OperationKind::GetUnder(<crate::families::models::Draft as Family>::PATH) => {
                "GetDraftAttachment"
            }
            OperationKind::ListUnder(<crate::families::models::Forward as Family>::PATH) => {
                "GetForwardAttachments"
            }
            OperationKind::CreateUnder(<crate::families::models::Forward as Family>::PATH) => {
                "CreateForwardAttachment"
            }
            OperationKind::DeleteUnder(<crate::families::models::Forward as Family>::PATH) => {
                "DeleteForwardAttachment"
            }
            OperationKind::GetUnder(<crate::families::models::Forward as Family>::PATH) => {
                "GetForwardAttachment"
            }
            _ => "",
        }
    }
}
impl Gettable for Attachment {}
impl Creatable for Attachment {
    type Input = AttachmentInput;
}
impl Updatable for Attachment {
    type Update = AttachmentUpdate;
    const METHODS: UpdateMethods = UpdateMethods::PUT;
}
impl ChildOf<Message> for Attachment {
    const SEGMENT: &'static str = "attachments";
}
impl GettableUnder<Message> for Attachment {}

impl Family for Media {
    type Scope = ();
    const PATH: &'static str = "/media";
    const NAME: &'static str = "media file";
    const ID: &'static str = "media id";

    fn operation_id(kind: OperationKind) -> &'static str {
        match kind {
            OperationKind::Create => "CreateMedia",
            OperationKind::Get => "GetMediabyId",
            OperationKind::Put => "UpdateMedia",
            _ => "",
        }
    }
}
impl Gettable for Media {}
impl Creatable for Media {
    type Input = AttachmentInput;
    fn check_create(input: &AttachmentInput) -> Result<(), InvalidInput> {
        if input.content_length > MAX_MEDIA_BYTES {
            return Err(InvalidInput::new(
                "contentLength",
                format!("a media file holds at most {MAX_MEDIA_BYTES} bytes"),
            ));
        }
        Ok(())
    }
}
impl Updatable for Media {
    type Update = AttachmentUpdate;
    const METHODS: UpdateMethods = UpdateMethods::PUT;
    fn check_put(input: &AttachmentUpdate) -> Result<(), InvalidInput> {
        let why = "is not taken by a media update";
        crate::protocol::validation::absent("contentType", &input.content_type, why)?;
        crate::protocol::validation::absent("contentLength", &input.content_length, why)
    }
}

crate::generic::ops::helpers::input_cow!(AttachmentInput, AttachmentUpdate);

/// Attachment operations through a [`Client`](crate::Client); from
/// [`Client::attachments`](crate::Client::attachments).
pub type Attachments<'c, T> = crate::generic::handle::Handle<'c, T, Attachment>;

impl<T> crate::generic::client::Client<T> {
    /// Attachment operations: create (and upload), get, update, a message's attachment.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::attachments::AttachmentInput;
    ///
    /// let file = std::fs::File::open("invoice.pdf").map_err(|e| kustomer::Error::Transport(kustomer::TransportError::from_io(e)))?;
    /// let attachment = client.attachments().upload(&AttachmentInput::new("invoice.pdf", "application/pdf", 18_230), file)?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn attachments(&self) -> Attachments<'_, T> {
        crate::generic::handle::Handle::new(self)
    }

    /// Media operations: create (and upload), get, update.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let media = client.media().get("5da062fb90897d01573e121f")?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn media(&self) -> crate::generic::handle::Handle<'_, T, Media> {
        crate::generic::handle::Handle::new(self)
    }
}

/// Sends `file` as the policy of `created` asks: the second step of every upload.
fn send_file<T: crate::protocol::transport::Transport>(
    client: &crate::generic::client::Client<T>,
    policy: Option<UploadPolicy>,
    input: &AttachmentInput,
    file: impl Read,
) -> Result<(), Error> {
    let policy = policy.ok_or_else(|| {
        Error::from(InvalidInput::new(
            "upload",
            "the answer carried no upload policy (meta.upload)",
        ))
    })?;
    let upload = UploadFile::from_reader(
        &policy,
        &input.name,
        &input.content_type,
        file,
        input.content_length,
    )?;
    client.execute(&upload)
}

impl<T: crate::protocol::transport::Transport> crate::generic::handle::Handle<'_, T, Attachment> {
    /// Creates an attachment and uploads `file` to the storage host its answer names; returns
    /// the attachment, to name on a message
    /// ([`MessageInput::attachment`](crate::messages::MessageInput::attachment)).
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::attachments::AttachmentInput;
    ///
    /// let note = b"Order #1059 shipped".as_slice();
    /// let attachment = client.attachments().upload(&AttachmentInput::new("note.txt", "text/plain", 19), note)?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    ///
    /// # Errors
    /// Any error of the create or the upload. The create comes first: a file that does not
    /// hold `content_length` bytes is then refused ([`Error::InvalidInput`]) before its upload.
    pub fn upload(&self, input: &AttachmentInput, file: impl Read) -> Result<Attachment, Error> {
        let created =
            self.client()
                .execute(&Create::<Attachment>::new(std::borrow::Cow::Borrowed(
                    input,
                )))?;
        send_file(self.client(), created.upload_policy(), input, file)?;
        Ok(created)
    }

    /// Adds an attachment to a draft and uploads `file` for it.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::attachments::AttachmentInput;
    ///
    /// let logo = std::io::Cursor::new(vec![0u8; 8911]);
    /// client.attachments().upload_to_draft("5823e4d3bff98a100085320e", &AttachmentInput::new("logo.png", "image/png", 8911), logo)?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`upload`](Self::upload).
    pub fn upload_to_draft(
        &self,
        draft_id: &str,
        input: &AttachmentInput,
        file: impl Read,
    ) -> Result<Attachment, Error> {
        let created = self
            .client()
            .execute(&CreateUnder::<Draft, Attachment>::new(
                draft_id,
                std::borrow::Cow::Borrowed(input),
            ))?;
        send_file(self.client(), created.upload_policy(), input, file)?;
        Ok(created)
    }
}

impl<T: crate::protocol::transport::Transport> crate::generic::handle::Handle<'_, T, Media> {
    /// Creates a media file and uploads `file` for it.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::attachments::AttachmentInput;
    ///
    /// let media = client.media().upload(&AttachmentInput::new("a.txt", "text/plain", 2), b"hi".as_slice())?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Handle::upload`](crate::Handle::upload).
    pub fn upload(&self, input: &AttachmentInput, file: impl Read) -> Result<Media, Error> {
        let created = self
            .client()
            .execute(&Create::<Media>::new(std::borrow::Cow::Borrowed(input)))?;
        send_file(self.client(), created.upload_policy(), input, file)?;
        Ok(created)
    }
}

/// Create an attachment (`POST /v1/attachments`, Kustomer's `CreateAttachment`; 201); its
/// answer carries the upload policy.
///
/// Roles: `org.user.attachment.write` or `org.permission.attachment.create`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, attachments::{AttachmentInput, CreateAttachment}};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = CreateAttachment::new(AttachmentInput::new("a.jpg", "image/jpeg", 512)).build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/attachments");
/// assert!(CreateAttachment::new(AttachmentInput::new("", "image/jpeg", 512)).build(&config).is_err());
/// # Ok::<(), kustomer::Error>(())
/// ```
pub type CreateAttachment<'a> = crate::generic::ops::Create<'a, Attachment>;

/// Get an attachment (`GET /v1/attachments/{id}`, Kustomer's `GetAttachmentsById`).
///
/// Roles: `org.user.attachment.read` or `org.permission.attachment.read`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, attachments::GetAttachment};
///
/// let config = Config::new(ApiKey::new("key")?);
/// assert_eq!(GetAttachment::new("5a4d1a8a6d92880012ad2923").build(&config)?.uri().path(), "/v1/attachments/5a4d1a8a6d92880012ad2923");
/// # Ok::<(), kustomer::Error>(())
/// ```
pub type GetAttachment<'a> = crate::generic::ops::Get<'a, Attachment>;

/// Update an attachment (`PUT /v1/attachments/{id}`, Kustomer's `UpsertAttachment`).
///
/// Roles: `org.user.attachment.write` or `org.permission.attachment.update`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, attachments::{AttachmentUpdate, UpdateAttachment}};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let redact = AttachmentUpdate::default().redacted(true);
/// assert_eq!(UpdateAttachment::new("5a4d1a8a6d92880012ad2923", &redact).build(&config)?.method(), http::Method::PUT);
/// # Ok::<(), kustomer::Error>(())
/// ```
pub type UpdateAttachment<'a> = crate::generic::ops::Update<'a, Attachment>;

/// Get one attachment of a message (`GET /v1/messages/{message_id}/attachments/{id}`,
/// Kustomer's `GetAttachmentByMessageAndAttachmentId`).
///
/// Roles: `org.user.attachment.read` or `org.permission.attachment.read`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, attachments::GetMessageAttachment};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = GetMessageAttachment::new("57c8d2b01a57ed1400392073", "5a4d1a8a6d92880012ad2923").build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/messages/57c8d2b01a57ed1400392073/attachments/5a4d1a8a6d92880012ad2923");
/// # Ok::<(), kustomer::Error>(())
/// ```
pub type GetMessageAttachment<'a> = crate::generic::ops::GetUnder<'a, Message, Attachment>;

/// Create a media file (`POST /v1/media`, Kustomer's `CreateMedia`; 201): at most 10,048,576
/// bytes; its answer carries the upload policy.
///
/// Roles: `org.user.attachment.write` or `org.permission.media.create`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, attachments::{AttachmentInput, CreateMedia}};
///
/// let config = Config::new(ApiKey::new("key")?);
/// assert!(CreateMedia::new(AttachmentInput::new("a.jpg", "image/jpeg", 512)).build(&config).is_ok());
/// assert!(CreateMedia::new(AttachmentInput::new("big.mov", "video/quicktime", 20_000_000)).build(&config).is_err());
/// # Ok::<(), kustomer::Error>(())
/// ```
pub type CreateMedia<'a> = crate::generic::ops::Create<'a, Media>;

/// Get a media file (`GET /v1/media/{id}`, Kustomer's `GetMediabyId`).
///
/// Roles: `org.user.attachment.read` or `org.permission.media.read`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, attachments::GetMedia};
///
/// let config = Config::new(ApiKey::new("key")?);
/// assert_eq!(GetMedia::new("5da062fb90897d01573e121f").build(&config)?.uri().path(), "/v1/media/5da062fb90897d01573e121f");
/// # Ok::<(), kustomer::Error>(())
/// ```
pub type GetMedia<'a> = crate::generic::ops::Get<'a, Media>;

/// Update a media file (`PUT /v1/media/{id}`, Kustomer's `UpdateMedia`): `name` and
/// `redacted` only.
///
/// Roles: `org.user.attachment.write` or `org.permission.media.update`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, attachments::{AttachmentUpdate, UpdateMedia}};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let rename = AttachmentUpdate::default().name("b.jpg");
/// assert!(UpdateMedia::new("5da062fb90897d01573e121f", &rename).build(&config).is_ok());
/// let resize = AttachmentUpdate::default().content_length(5);
/// assert!(UpdateMedia::new("5da062fb90897d01573e121f", &resize).build(&config).is_err());
/// # Ok::<(), kustomer::Error>(())
/// ```
pub type UpdateMedia<'a> = crate::generic::ops::Update<'a, Media>;
