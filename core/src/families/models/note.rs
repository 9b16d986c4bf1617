//! The note resource.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::families::models::resource_model::resource_model;
use crate::generic::resource::Relationship;
use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;

resource_model!(
    /// A Kustomer note: an agent's internal note on a conversation.
    ///
    /// A create answer may carry only `{body, createdAt, updatedAt}`: everything else reads as
    /// absent.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"note","id":"57cf1d65079e780006e34f79","attributes":{"body":"Hey","createdAt":"2016-09-06T19:47:49.235Z"}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, notes::GetNote};
    ///
    /// let note = GetNote::new("57cf1d65079e780006e34f79").parse(response)?;
    /// assert_eq!(note.attributes.body.as_deref(), Some("Hey"));
    /// assert_eq!(note.conversation_id(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Note, NoteAttributes, NoteRelationships
);

impl Note {
    /// The ID of the conversation the note is on.
    pub fn conversation_id(&self) -> Option<&str> {
        self.relationships.conversation.as_ref()?.id()
    }
}

/// A note's relationships. Any of them may be absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct NoteRelationships {
    /// The conversation it is on.
    #[serde(deserialize_with = "lenient::object")]
    pub conversation: Option<Relationship>,
    /// The customer of that conversation.
    #[serde(deserialize_with = "lenient::object")]
    pub customer: Option<Relationship>,
    /// The org.
    #[serde(deserialize_with = "lenient::object")]
    pub org: Option<Relationship>,
    /// The user who wrote it.
    #[serde(deserialize_with = "lenient::object")]
    pub created_by: Option<Relationship>,
    /// The user who last modified it.
    #[serde(deserialize_with = "lenient::object")]
    pub modified_by: Option<Relationship>,
}

/// The attributes of a note. Timestamps are RFC 3339 strings as sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct NoteAttributes {
    /// The text.
    #[serde(deserialize_with = "lenient::scalar")]
    pub body: Option<String>,
    /// Users and teams mentioned, as sent (`{user}` or `{team}`).
    #[serde(deserialize_with = "lenient::objects")]
    pub user_mentions: Vec<Map<String, Value>>,
    /// Your ID for the note.
    #[serde(deserialize_with = "lenient::scalar")]
    pub external_id: Option<String>,
    /// Whether it is deleted.
    #[serde(deserialize_with = "lenient::scalar")]
    pub deleted: Option<bool>,
    /// Language.
    #[serde(deserialize_with = "lenient::scalar")]
    pub lang: Option<String>,
    /// Attachments, as sent.
    #[serde(deserialize_with = "lenient::objects")]
    pub attachments: Vec<Map<String, Value>>,
    /// Revision, incremented on every update.
    #[serde(deserialize_with = "lenient::scalar")]
    pub rev: Option<u64>,
    /// Custom attributes, by their API name; read them by type with
    /// [`CustomFields`](crate::models::CustomFields).
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub custom: Map<String, Value>,
    /// When it was written.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
    /// When a user last modified it.
    #[serde(deserialize_with = "lenient::scalar")]
    pub modified_at: Option<DateTime>,
    /// When it was imported.
    #[serde(deserialize_with = "lenient::scalar")]
    pub imported_at: Option<DateTime>,
}
