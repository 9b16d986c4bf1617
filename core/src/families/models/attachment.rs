//! Attachments and media: files stored beside messages, drafts and forwards.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::families::models::resource_model::resource_model;
use crate::generic::resource::Relationship;
use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;

/// The attributes of an attachment or a media file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct AttachmentAttributes {
    /// The file's name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// Its MIME type.
    #[serde(deserialize_with = "lenient::scalar")]
    pub content_type: Option<String>,
    /// Its size in bytes.
    #[serde(deserialize_with = "lenient::scalar")]
    pub content_length: Option<u64>,
    /// Whether the file reached the storage host.
    #[serde(deserialize_with = "lenient::scalar")]
    pub uploaded: Option<bool>,
    /// Whether it was redacted.
    #[serde(deserialize_with = "lenient::scalar")]
    pub redacted: Option<bool>,
    /// What it belongs to (`attachment`, ...).
    #[serde(deserialize_with = "lenient::scalar")]
    pub context: Option<String>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}

/// An attachment's relationships. Any of them may be absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct AttachmentRelationships {
    /// The org.
    #[serde(deserialize_with = "lenient::object")]
    pub org: Option<Relationship>,
    /// The message it is on.
    #[serde(deserialize_with = "lenient::object")]
    pub message: Option<Relationship>,
    /// The draft it is on.
    #[serde(deserialize_with = "lenient::object")]
    pub draft: Option<Relationship>,
    /// The forward it is on.
    #[serde(deserialize_with = "lenient::object")]
    pub forward: Option<Relationship>,
}

resource_model!(
    /// An attachment: a file on a message, a draft or a forward. Creating one answers a
    /// temporary [`UploadPolicy`] ([`upload_policy`](Self::upload_policy)): the file then goes
    /// to the storage host with [`UploadFile`](crate::attachments::UploadFile).
    ///
    /// ```
    /// # let body = br#"{"data":{"id":"5a4d1a8a6d92880012ad2923","type":"attachment","attributes":{"name":"a.jpg","contentType":"image/jpeg","contentLength":512,"uploaded":false}},"meta":{"upload":{"url":"https://storage.example.com/","fields":{"key":"k","Policy":"p"}}}}"#;
    /// # let response = http::Response::builder().status(201).body(body.to_vec())?;
    /// use kustomer::{Operation, attachments::{AttachmentInput, CreateAttachment}};
    ///
    /// let created = CreateAttachment::new(AttachmentInput::new("a.jpg", "image/jpeg", 512)).parse(response)?;
    /// let policy = created.upload_policy().unwrap();
    /// assert_eq!(policy.url, "https://storage.example.com/");
    /// assert_eq!(policy.fields["key"], "k");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Attachment, AttachmentAttributes, AttachmentRelationships
);

resource_model!(
    /// A media file (`/media`): a file not yet on anything, with the same upload as an
    /// [`Attachment`].
    ///
    /// ```
    /// # let body = br#"{"data":{"id":"5da062fb90897d01573e121f","type":"attachment","attributes":{"name":"a.jpg","context":"attachment"}},"meta":{"provider":"s3","upload":{"url":"https://s3.example.com/b","fields":{}}}}"#;
    /// # let response = http::Response::builder().status(201).body(body.to_vec())?;
    /// use kustomer::{Operation, attachments::{AttachmentInput, CreateMedia}};
    ///
    /// let media = CreateMedia::new(AttachmentInput::new("a.jpg", "image/jpeg", 512)).parse(response)?;
    /// assert!(media.upload_policy().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Media, AttachmentAttributes, AttachmentRelationships
);

/// Where and how to upload a file: a multipart form POST of [`fields`](Self::fields) then the
/// file, to [`url`](Self::url) (a storage host, not Kustomer). Temporary: upload soon.
///
/// The URL may be signed and the fields hold the policy's signature: `Debug` shows the host and
/// the field names only.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UploadPolicy {
    /// The storage host's URL.
    pub url: String,
    /// The form fields to send before the file, in this order (the policy's signature among
    /// them).
    pub fields: BTreeMap<String, String>,
}

impl std::fmt::Debug for UploadPolicy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let host = self
            .url
            .parse::<http::Uri>()
            .ok()
            .and_then(|uri| uri.host().map(str::to_owned));
        f.debug_struct("UploadPolicy")
            .field("host", &host)
            .field("fields", &self.fields.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl UploadPolicy {
    /// A policy (for tests and for your own storage flows).
    pub fn new(url: impl Into<String>, fields: BTreeMap<String, String>) -> Self {
        Self {
            url: url.into(),
            fields,
        }
    }
}

/// `meta.upload` of a create's answer, read from the raw document.
fn upload_policy(document: Option<&str>) -> Option<UploadPolicy> {
    let doc: serde_json::Value = serde_json::from_str(document?).ok()?;
    let upload = doc.get("meta")?.get("upload")?;
    let url = upload.get("url")?.as_str()?.to_owned();
    let fields = upload
        .get("fields")
        .and_then(serde_json::Value::as_object)
        .map(|fields| {
            fields
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                .collect()
        })
        .unwrap_or_default();
    Some(UploadPolicy { url, fields })
}

impl Attachment {
    /// The upload policy of a create's answer (`meta.upload`), if it carried one.
    pub fn upload_policy(&self) -> Option<UploadPolicy> {
        upload_policy(self.raw_document())
    }
}

impl Media {
    /// The upload policy of a create's answer (`meta.upload`), if it carried one.
    pub fn upload_policy(&self) -> Option<UploadPolicy> {
        upload_policy(self.raw_document())
    }
}
