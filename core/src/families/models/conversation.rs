//! The conversation resource.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::families::models::Sentiment;
use crate::families::models::resource_model::resource_model;
use crate::families::models::vocabulary::{
    Channel, ConversationStatus, Direction, Priority, SnoozeStatus,
};
use crate::generic::resource::Relationship;
use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;

resource_model!(
    /// A Kustomer conversation: `{type, id, attributes, relationships, links}`.
    ///
    /// Parsed as real bodies come (KUSTOMER_API.md): `tags`, `assignedUsers` and `assignedTeams`
    /// are ID lists; `firstMessageIn`, `lastMessageIn`, `lastMessageOut` may be `{}` or partial;
    /// `sentiment` may be `{}`; `snooze` may be `null`; `ended` is absent on a fresh conversation;
    /// relationships such as `queue` and `brand` may be missing. Newer attributes
    /// (`modificationHistory`, `phase`, `aiAgent`, ...) are in the raw document:
    /// [`Conversation::attribute`].
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"conversation","id":"58228e05d4e96711004eccb7",
    /// #   "attributes":{"status":"open","tags":["5e3c0d0e2f1a4b0012ab34cd"],"sentiment":{},"lastMessageIn":{},"phase":"triage"},
    /// #   "relationships":{"customer":{"data":{"type":"customer","id":"58210c3db0f09110006b7953"}}}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, conversations::GetConversation};
    ///
    /// let conversation = GetConversation::new("58228e05d4e96711004eccb7").parse(response)?;
    /// assert_eq!(conversation.attributes.status, Some(kustomer::models::ConversationStatus::Open));
    /// assert_eq!(conversation.attributes.tags, ["5e3c0d0e2f1a4b0012ab34cd"]);
    /// assert_eq!(conversation.attributes.ended, None);
    /// assert_eq!(conversation.customer_id(), Some("58210c3db0f09110006b7953"));
    /// assert_eq!(conversation.attribute("phase"), Some(serde_json::json!("triage")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Conversation, ConversationAttributes, ConversationRelationships
);

impl Conversation {
    /// The ID of the customer the conversation is with.
    pub fn customer_id(&self) -> Option<&str> {
        self.relationships.customer.as_ref()?.id()
    }
}

/// A conversation's relationships. Any of them may be absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConversationRelationships {
    /// The customer the conversation is with.
    #[serde(deserialize_with = "lenient::object")]
    pub customer: Option<Relationship>,
    /// Its messages (links only).
    #[serde(deserialize_with = "lenient::object")]
    pub messages: Option<Relationship>,
    /// The org.
    #[serde(deserialize_with = "lenient::object")]
    pub org: Option<Relationship>,
    /// The user who created it.
    #[serde(deserialize_with = "lenient::object")]
    pub created_by: Option<Relationship>,
    /// The user who last modified it.
    #[serde(deserialize_with = "lenient::object")]
    pub modified_by: Option<Relationship>,
    /// The routing queue (links to `/v1/routing/queues/{id}`).
    #[serde(deserialize_with = "lenient::object")]
    pub queue: Option<Relationship>,
    /// The brand.
    #[serde(deserialize_with = "lenient::object")]
    pub brand: Option<Relationship>,
}

/// The attributes of a conversation. Date-times are [`DateTime`]s: the instant, or the text sent
/// when it is none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConversationAttributes {
    /// Name (subject).
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// `open`, `snoozed` or `done`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub status: Option<ConversationStatus>,
    /// 1 (lowest) to 5.
    #[serde(deserialize_with = "lenient::scalar")]
    pub priority: Option<Priority>,
    /// `in` or `out`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub direction: Option<Direction>,
    /// Your ID for the conversation.
    #[serde(deserialize_with = "lenient::scalar")]
    pub external_id: Option<String>,
    /// Channels its messages came through (`email`, `chat`, ...).
    #[serde(deserialize_with = "lenient::scalars")]
    pub channels: Vec<Channel>,
    /// Tag **IDs** (resolve them with the tags API).
    #[serde(deserialize_with = "lenient::scalars")]
    pub tags: Vec<String>,
    /// User IDs it is assigned to.
    #[serde(deserialize_with = "lenient::scalars")]
    pub assigned_users: Vec<String>,
    /// Team IDs it is assigned to.
    #[serde(deserialize_with = "lenient::scalars")]
    pub assigned_teams: Vec<String>,
    /// Messages in it.
    #[serde(deserialize_with = "lenient::scalar")]
    pub message_count: Option<u64>,
    /// Messages sent out.
    #[serde(deserialize_with = "lenient::scalar")]
    pub outbound_message_count: Option<u64>,
    /// Notes on it.
    #[serde(deserialize_with = "lenient::scalar")]
    pub note_count: Option<u64>,
    /// The satisfaction score.
    #[serde(deserialize_with = "lenient::scalar")]
    pub satisfaction: Option<f64>,
    /// The satisfaction survey's state, as sent (with or without `answers`).
    #[serde(deserialize_with = "lenient::object")]
    pub satisfaction_level: Option<Map<String, Value>>,
    /// Sentiment (`{}` when none).
    #[serde(deserialize_with = "lenient::object")]
    pub sentiment: Option<Sentiment>,
    /// The first inbound message (`{}` or partial in real bodies).
    #[serde(deserialize_with = "lenient::object")]
    pub first_message_in: Option<MessageSummary>,
    /// The last inbound message.
    #[serde(deserialize_with = "lenient::object")]
    pub last_message_in: Option<MessageSummary>,
    /// The last outbound message.
    #[serde(deserialize_with = "lenient::object")]
    pub last_message_out: Option<MessageSummary>,
    /// The last inbound message not answered yet.
    #[serde(deserialize_with = "lenient::object")]
    pub last_message_unresponded_to: Option<MessageSummary>,
    /// Snooze state (`null` when not snoozed).
    #[serde(deserialize_with = "lenient::object")]
    pub snooze: Option<Snooze>,
    /// Whether it has ended (absent on a fresh conversation).
    #[serde(deserialize_with = "lenient::scalar")]
    pub ended: Option<bool>,
    /// When it ended.
    #[serde(deserialize_with = "lenient::scalar")]
    pub ended_at: Option<DateTime>,
    /// Why it ended.
    #[serde(deserialize_with = "lenient::scalar")]
    pub ended_reason: Option<String>,
    /// Who ended it (a user or customer ID).
    #[serde(deserialize_with = "lenient::scalar")]
    pub ended_by: Option<String>,
    /// Whether it is deleted.
    #[serde(deserialize_with = "lenient::scalar")]
    pub deleted: Option<bool>,
    /// The channel replies go out on.
    #[serde(deserialize_with = "lenient::scalar")]
    pub reply_channel: Option<String>,
    /// Default language.
    #[serde(deserialize_with = "lenient::scalar")]
    pub default_lang: Option<String>,
    /// Sub-status ID.
    #[serde(deserialize_with = "lenient::scalar")]
    pub sub_status: Option<String>,
    /// Revision, incremented on every update (used for optimistic locking).
    #[serde(deserialize_with = "lenient::scalar")]
    pub rev: Option<u64>,
    /// Custom attributes, by their API name; read them by type with
    /// [`CustomFields`](crate::models::CustomFields).
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub custom: Map<String, Value>,
    /// When it was created.
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
    /// Last activity on it.
    #[serde(deserialize_with = "lenient::scalar")]
    pub last_activity_at: Option<DateTime>,
}

/// A conversation's summary of one of its messages; every part may be missing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageSummary {
    /// The message ID.
    #[serde(deserialize_with = "lenient::scalar")]
    pub id: Option<String>,
    /// Its channel.
    #[serde(deserialize_with = "lenient::scalar")]
    pub channel: Option<Channel>,
    /// When it was sent.
    #[serde(deserialize_with = "lenient::scalar")]
    pub sent_at: Option<DateTime>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// Its sentiment.
    #[serde(deserialize_with = "lenient::object")]
    pub sentiment: Option<Sentiment>,
}

/// A conversation's snooze.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Snooze {
    /// Until when.
    #[serde(deserialize_with = "lenient::scalar")]
    pub time: Option<DateTime>,
    /// `scheduled`, `canceled` or `elapsed`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub status: Option<SnoozeStatus>,
}
