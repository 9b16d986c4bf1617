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

use crate::families::models::{Attachment, Draft, Forward, Media, Message, UploadPolicy};
use crate::generic::family::{
    ChildOf, Creatable, Gettable, GettableUnder, Updatable, UpdateMethods,
};
use crate::generic::ops::{Create, CreateUnder};
use crate::protocol::error::{Error, InvalidInput};

pub use input::{AttachmentInput, AttachmentUpdate, MAX_MEDIA_BYTES};
pub use upload::UploadFile;

crate::generic::declare::family! {
    impl Family for Attachment {
        type Scope = ();
        const PATH: &'static str = "/attachments";
        const NAME: &'static str = "attachment";
        const ID: &'static str = "attachment id";
    }

    handle {
        /// Attachment operations through a [`Client`](crate::Client); from
        /// [`Client::attachments`](crate::Client::attachments).
        pub type Attachments;
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
        pub fn attachments;
    }

    /// Create an attachment (`POST /v1/attachments`; 201); its answer carries the upload policy.
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
    pub type CreateAttachment<'a> = crate::generic::ops::Create<'a, Attachment> {
        Create => "CreateAttachment"
    };

    /// Get an attachment (`GET /v1/attachments/{id}`).
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
    pub type GetAttachment<'a> = crate::generic::ops::Get<'a, Attachment> {
        Get => "GetAttachmentsById"
    };

    /// Update an attachment (`PUT /v1/attachments/{id}`).
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
    pub type UpdateAttachment<'a> = crate::generic::ops::Update<'a, Attachment> {
        Put => "UpsertAttachment"
    };

    /// Get one attachment of a message (`GET /v1/messages/{message_id}/attachments/{id}`).
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
    pub type GetMessageAttachment<'a> = crate::generic::ops::GetUnder<'a, Message, Attachment> {
        GetUnder(Message) => "GetAttachmentByMessageAndAttachmentId"
    };

    /// List a draft's attachments (`GET /v1/drafts/{id}/attachments`).
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
    pub type ListDraftAttachments<'a> = crate::generic::ops::ListUnder<'a, Draft, Attachment> {
        ListUnder(Draft) => "GetDraftAttachments"
    };

    /// Add an attachment to a draft (`POST /v1/drafts/{id}/attachments`); upload the file with its
    /// policy ([`Attachment::upload_policy`](crate::models::Attachment::upload_policy)), or in one
    /// call with [`Handle::upload_to_draft`](crate::Handle::upload_to_draft).
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
    pub type CreateDraftAttachment<'a> = crate::generic::ops::CreateUnder<'a, Draft, Attachment> {
        CreateUnder(Draft) => "CreateDraftAttachment"
    };

    /// Get a draft's attachment (`GET /v1/drafts/{id}/attachments/{attachmentId}`).
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
    pub type GetDraftAttachment<'a> = crate::generic::ops::GetUnder<'a, Draft, Attachment> {
        GetUnder(Draft) => "GetDraftAttachment"
    };

    /// Remove an attachment from a draft (`DELETE /v1/drafts/{id}/attachments/{attachmentId}`;
    /// 204).
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
    pub type DeleteDraftAttachment<'a> = crate::generic::ops::DeleteUnder<'a, Draft, Attachment> {
        DeleteUnder(Draft) => "DeleteDraftAttachment"
    };

    /// List a forward's attachments (`GET /v1/forwards/{id}/attachments`).
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
    pub type ListForwardAttachments<'a> = crate::generic::ops::ListUnder<'a, Forward, Attachment> {
        ListUnder(Forward) => "GetForwardAttachments"
    };

    /// Add an attachment to a forward (`POST /v1/forwards/{id}/attachments`).
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
    pub type CreateForwardAttachment<'a> = crate::generic::ops::CreateUnder<'a, Forward, Attachment> {
        CreateUnder(Forward) => "CreateForwardAttachment"
    };

    /// Get a forward's attachment (`GET /v1/forwards/{id}/attachments/{attachmentId}`).
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
    pub type GetForwardAttachment<'a> = crate::generic::ops::GetUnder<'a, Forward, Attachment> {
        GetUnder(Forward) => "GetForwardAttachment"
    };

    /// Remove an attachment from a forward (`DELETE /v1/forwards/{id}/attachments/{attachmentId}`;
    /// 204).
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
    pub type DeleteForwardAttachment<'a> = crate::generic::ops::DeleteUnder<'a, Forward, Attachment> {
        DeleteUnder(Forward) => "DeleteForwardAttachment"
    };
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

crate::generic::declare::family! {
    impl Family for Media {
        type Scope = ();
        const PATH: &'static str = "/media";
        const NAME: &'static str = "media file";
        const ID: &'static str = "media id";
    }

    handle {
        /// Media operations through a [`Client`](crate::Client); from
        /// [`Client::media`](crate::Client::media).
        pub type MediaHandle;
        /// Media operations: create (and upload), get, update.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// let media = client.media().get("5da062fb90897d01573e121f")?;
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn media;
    }

    /// Create a media file (`POST /v1/media`; 201): at most 10,048,576 bytes; its answer carries
    /// the upload policy.
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
    pub type CreateMedia<'a> = crate::generic::ops::Create<'a, Media> { Create => "CreateMedia" };

    /// Get a media file (`GET /v1/media/{id}`).
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
    pub type GetMedia<'a> = crate::generic::ops::Get<'a, Media> { Get => "GetMediabyId" };

    /// Update a media file (`PUT /v1/media/{id}`): `name` and `redacted` only.
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
    pub type UpdateMedia<'a> = crate::generic::ops::Update<'a, Media> { Put => "UpdateMedia" };
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
