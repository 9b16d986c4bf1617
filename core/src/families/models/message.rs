//! The message resource.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::families::models::Sentiment;
use crate::families::models::resource_model::resource_model;
use crate::families::models::vocabulary::{Channel, Direction, MessageSource, MessageStatus};
use crate::generic::resource::Relationship;
use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;

resource_model!(
    /// A Kustomer message: `{type, id, attributes, relationships, links}`.
    ///
    /// Parsed as real bodies come (KUSTOMER_API.md): `meta` is free-form (`{}` when created by
    /// the API; its `to` comes as an array, an object or a string), a failed send has
    /// `status: "error"` and an [`error`](MessageAttributes::error), and the customer
    /// relationship's `type` says `customers`.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"message","id":"57c8d2b01a57ed1400392073",
    /// #   "attributes":{"channel":"email","direction":"in","preview":"Can you help?","meta":{"to":"support@example.com"},
    /// #     "status":"error","error":{"status":550,"code":"rejected","title":"Mailbox full"}},
    /// #   "relationships":{"conversation":{"data":{"type":"conversation","id":"57c8d2b365f7cc14004e674f"}}}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, messages::GetMessage};
    ///
    /// let message = GetMessage::new("57c8d2b01a57ed1400392073").parse(response)?;
    /// assert_eq!(message.attributes.preview.as_deref(), Some("Can you help?"));
    /// assert_eq!(message.attributes.meta["to"], "support@example.com");
    /// assert_eq!(message.attributes.error.as_ref().and_then(|e| e.code.as_deref()), Some("rejected"));
    /// assert_eq!(message.conversation_id(), Some("57c8d2b365f7cc14004e674f"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Message, MessageAttributes, MessageRelationships
);

impl Message {
    /// The ID of the conversation the message is in.
    pub fn conversation_id(&self) -> Option<&str> {
        self.relationships.conversation.as_ref()?.id()
    }

    /// The ID of the customer the message is with.
    pub fn customer_id(&self) -> Option<&str> {
        self.relationships.customer.as_ref()?.id()
    }
}

/// A message's relationships. Any of them may be absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageRelationships {
    /// The conversation it is in.
    #[serde(deserialize_with = "lenient::object")]
    pub conversation: Option<Relationship>,
    /// The customer it is with (its `type` may say `customers`).
    #[serde(deserialize_with = "lenient::object")]
    pub customer: Option<Relationship>,
    /// The org.
    #[serde(deserialize_with = "lenient::object")]
    pub org: Option<Relationship>,
    /// The user who created it.
    #[serde(deserialize_with = "lenient::object")]
    pub created_by: Option<Relationship>,
    /// The user who last modified it.
    #[serde(deserialize_with = "lenient::object")]
    pub modified_by: Option<Relationship>,
}

/// The attributes of a message. Date-times are [`DateTime`]s: the instant, or the text sent when it
/// is none; a caller may set `createdAt` in the past while `sentAt` is the server's time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageAttributes {
    /// `email`, `sms`, `chat`, `facebook`, `twitter-dm`, `twitter-tweet`, `voice`, `instagram`,
    /// `whatsapp`, ...
    #[serde(deserialize_with = "lenient::scalar")]
    pub channel: Option<Channel>,
    /// The app it came through (`postmark`, `gmail`, ...).
    #[serde(deserialize_with = "lenient::scalar")]
    pub app: Option<String>,
    /// `in` or `out`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub direction: Option<Direction>,
    /// `initial-in`, `initial-out`, `response-out`, ...
    #[serde(deserialize_with = "lenient::scalar")]
    pub direction_type: Option<String>,
    /// The text, or its start.
    #[serde(deserialize_with = "lenient::scalar")]
    pub preview: Option<String>,
    /// Subject (email).
    #[serde(deserialize_with = "lenient::scalar")]
    pub subject: Option<String>,
    /// `sent`, `received` or `error`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub status: Option<MessageStatus>,
    /// Why a send failed, when `status` is `error`.
    #[serde(deserialize_with = "lenient::object")]
    pub error: Option<MessageError>,
    /// When it failed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub error_at: Option<DateTime>,
    /// Channel details, free-form (`to` as an array, an object or a string).
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub meta: Map<String, Value>,
    /// The channel's ID for it (an email's `Message-ID`, say).
    #[serde(deserialize_with = "lenient::scalar")]
    pub external_id: Option<String>,
    /// Size in bytes.
    #[serde(deserialize_with = "lenient::scalar")]
    pub size: Option<f64>,
    /// Language.
    #[serde(deserialize_with = "lenient::scalar")]
    pub lang: Option<String>,
    /// Sentiment.
    #[serde(deserialize_with = "lenient::object")]
    pub sentiment: Option<Sentiment>,
    /// Whether a workflow or auto-response made it.
    #[serde(deserialize_with = "lenient::scalar")]
    pub auto: Option<bool>,
    /// `bulk` or `satisfaction`, when part of one.
    #[serde(deserialize_with = "lenient::scalar")]
    pub source: Option<MessageSource>,
    /// Whether parts of it were redacted.
    #[serde(deserialize_with = "lenient::scalar")]
    pub redacted: Option<bool>,
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
    /// When it was sent.
    #[serde(deserialize_with = "lenient::scalar")]
    pub sent_at: Option<DateTime>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
    /// When a user last modified it.
    #[serde(deserialize_with = "lenient::scalar")]
    pub modified_at: Option<DateTime>,
}

/// Why a message could not be sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct MessageError {
    /// The status the channel answered.
    #[serde(deserialize_with = "lenient::scalar")]
    pub status: Option<f64>,
    /// A code.
    #[serde(deserialize_with = "lenient::scalar")]
    pub code: Option<String>,
    /// A summary.
    #[serde(deserialize_with = "lenient::scalar")]
    pub title: Option<String>,
    /// Details.
    #[serde(deserialize_with = "lenient::scalar")]
    pub detail: Option<String>,
    /// Extra data, as sent.
    pub meta: Option<Value>,
}
