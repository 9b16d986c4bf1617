//! Request bodies for attachments and media.

use serde::Serialize;

use crate::generic::family::Input;
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{max_chars, not_empty};

/// The largest media file Kustomer takes (`contentLength` ≤ 10,048,576 bytes).
pub const MAX_MEDIA_BYTES: u64 = 10_048_576;

/// A file to attach (`POST /v1/attachments`, `/v1/media`, a draft's or forward's
/// attachments): its name, type and exact size. The answer carries the upload policy.
///
/// ```
/// use kustomer::attachments::AttachmentInput;
///
/// let photo = AttachmentInput::new("photo.jpg", "image/jpeg", 512);
/// assert_eq!(serde_json::to_string(&photo).unwrap(), r#"{"name":"photo.jpg","contentType":"image/jpeg","contentLength":512}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AttachmentInput {
    /// The file's name, not empty.
    pub name: String,
    /// Its MIME type, not empty.
    pub content_type: String,
    /// Its exact size in bytes: the upload checks it.
    pub content_length: u64,
}

impl AttachmentInput {
    /// A file of `content_length` bytes.
    pub fn new(
        name: impl Into<String>,
        content_type: impl Into<String>,
        content_length: u64,
    ) -> Self {
        Self {
            name: name.into(),
            content_type: content_type.into(),
            content_length,
        }
    }
}

impl Input for AttachmentInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        not_empty("name", &self.name)?;
        not_empty("contentType", &self.content_type)?;
        // Both go into a multipart header of the upload: refused here, before the attachment
        // record is created, rather than by the upload after it.
        crate::families::attachments::upload::check_file_name(&self.name)?;
        if !crate::families::attachments::upload::header_safe(&self.content_type) {
            return Err(InvalidInput::new(
                "contentType",
                "holds a line break, a control character or a quote an upload cannot carry",
            ));
        }
        max_chars("name", Some(&self.name), 1024)
    }
}

/// Changes to an attachment (`PUT /v1/attachments/{id}`) or a media file (`PUT /v1/media/{id}`,
/// which takes only `name` and `redacted`). Only the fields that are set are sent.
///
/// ```
/// use kustomer::attachments::AttachmentUpdate;
///
/// let redact = AttachmentUpdate::default().redacted(true);
/// assert_eq!(serde_json::to_string(&redact).unwrap(), r#"{"redacted":true}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AttachmentUpdate {
    /// The file's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Marks it redacted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redacted: Option<bool>,
    /// Its MIME type (attachments only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Its size (attachments only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_length: Option<u64>,
}

impl Input for AttachmentUpdate {
    fn validate(&self) -> Result<(), InvalidInput> {
        max_chars("name", self.name.as_deref(), 1024)
    }
}

crate::generic::ops::helpers::setters!(AttachmentInput {
    #[doc = "Sets `name`: the file's name, not empty."]
    name: set String,
    #[doc = "Sets `content_type`: its MIME type, not empty."]
    content_type: set String,
    #[doc = "Sets `content_length`: its exact size in bytes: the upload checks it."]
    content_length: val u64,
});

crate::generic::ops::helpers::setters!(AttachmentUpdate {
    #[doc = "Sets `name`: the file's name."]
    name: opt String,
    #[doc = "Sets `redacted`: marks it redacted."]
    redacted: num bool,
    #[doc = "Sets `content_type`: its MIME type (attachments only)."]
    content_type: opt String,
    #[doc = "Sets `content_length`: its size (attachments only)."]
    content_length: num u64,
});
