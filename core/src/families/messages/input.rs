//! Request bodies for creating, updating and redacting messages.

use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::families::models::vocabulary::{Channel, Direction, MessageSource, MessageStatus};
use crate::generic::family::Input;
use crate::protocol::date_time;
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{check_count, check_custom, max_chars, required};

/// The channels `POST /messages` takes, of those this version knows (an
/// [`Other`](Channel::Other) is sent as given).
const CHANNELS: [Channel; 9] = [
    Channel::Email,
    Channel::Sms,
    Channel::Chat,
    Channel::Facebook,
    Channel::TwitterDm,
    Channel::TwitterTweet,
    Channel::Voice,
    Channel::Instagram,
    Channel::Whatsapp,
];

/// A message to create (`POST /v1/messages`, in a conversation, or for a customer). Only the
/// fields that are set are sent.
///
/// ```
/// use kustomer::messages::MessageInput;
///
/// use kustomer::models::Channel;
///
/// let input = MessageInput::inbound(Channel::Chat, "api").preview("Where is my order?");
/// assert_eq!(
///     serde_json::to_value(&input).unwrap(),
///     serde_json::json!({"channel": "chat", "app": "api", "direction": "in", "preview": "Where is my order?"})
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageInput {
    /// The customer's ID (not under a customer, whose path names it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// The conversation's ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<String>,
    /// The channel (required): email, SMS, chat, Facebook, a Twitter DM or tweet, voice,
    /// Instagram or WhatsApp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// The app it comes through (required), e.g. `api`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app: Option<String>,
    /// From the customer or to them (required by `POST /messages`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The text, at most 10,240 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview: Option<String>,
    /// Subject, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The channel's ID for it, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Sent, received or failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<MessageStatus>,
    /// Made by a workflow or auto-response (left out of reporting).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto: Option<bool>,
    /// Bulk or satisfaction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<MessageSource>,
    /// Language, at most 100 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Channel details, at most 100 properties.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub meta: Map<String, Value>,
    /// Custom attributes: at most 100, typed by their name's suffix.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub custom: Map<String, Value>,
    /// When it was sent.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub sent_at: Option<Timestamp>,
    /// Creation time to record (imports).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub created_at: Option<Timestamp>,
    /// Import time.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub imported_at: Option<Timestamp>,
    /// IDs of attachments already uploaded (see
    /// [`Handle::upload`](crate::Handle::upload)), unique.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<String>>,
}

impl MessageInput {
    /// Names an uploaded attachment.
    ///
    /// ```
    /// # let attachment: kustomer::models::Attachment = serde_json::from_str(r#"{"id":"5a4d1a8a6d92880012ad2923"}"#).unwrap();
    /// use kustomer::messages::MessageInput;
    ///
    /// let input = MessageInput::outbound(kustomer::models::Channel::Email, "api").attachment(&attachment);
    /// assert_eq!(input.attachments.unwrap(), ["5a4d1a8a6d92880012ad2923"]);
    /// ```
    #[must_use]
    pub fn attachment(mut self, attachment: &crate::families::models::Attachment) -> Self {
        self.attachments
            .get_or_insert_with(Vec::new)
            .push(attachment.id.clone());
        self
    }

    /// A message from the customer, on `channel` through `app` (`api`, say).
    ///
    /// ```
    /// use kustomer::{messages::MessageInput, models::{Channel, Direction}};
    ///
    /// let input = MessageInput::inbound(Channel::Sms, "api");
    /// assert_eq!(input.direction, Some(Direction::In));
    /// ```
    pub fn inbound(channel: Channel, app: impl Into<String>) -> Self {
        Self::with(channel, app, Direction::In)
    }

    /// A message to the customer, on `channel` through `app` (`postmark`, say).
    pub fn outbound(channel: Channel, app: impl Into<String>) -> Self {
        Self::with(channel, app, Direction::Out)
    }

    /// A message on `channel` through `app`, `in` from the customer or `out` to them; text this
    /// version does not know is sent as given.
    #[deprecated(
        since = "0.1.0",
        note = "three strings in an order to remember: use `MessageInput::inbound(Channel::Chat, \"api\")` or `outbound`"
    )]
    pub fn new(
        channel: impl Into<String>,
        app: impl Into<String>,
        direction: impl Into<String>,
    ) -> Self {
        let direction = Direction::from_api(&direction.into());
        Self::with(Channel::from_api(&channel.into()), app, direction)
    }

    fn with(channel: Channel, app: impl Into<String>, direction: Direction) -> Self {
        Self {
            channel: Some(channel),
            app: Some(app.into()),
            direction: Some(direction),
            ..Self::default()
        }
    }

    /// What every create of a message needs: a channel and an app.
    pub(crate) fn check_channel_and_app(&self) -> Result<(), InvalidInput> {
        required("channel", &self.channel)?;
        required("app", &self.app)
    }
}

impl Input for MessageInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        if let Some(channel) = &self.channel
            && channel.is_known()
            && !CHANNELS.contains(channel)
        {
            return Err(InvalidInput::new(
                "channel",
                format!("a message cannot be created on {channel}"),
            ));
        }
        if let Some(source) = &self.source
            && *source == MessageSource::BizRules
        {
            return Err(InvalidInput::new(
                "source",
                "biz-rules is Kustomer's own: a request sends bulk or satisfaction",
            ));
        }
        max_chars("preview", self.preview.as_deref(), 10_240)?;
        max_chars("subject", self.subject.as_deref(), 256)?;
        max_chars("externalId", self.external_id.as_deref(), 256)?;
        max_chars("lang", self.lang.as_deref(), 100)?;
        check_count("meta", self.meta.len(), 100)?;
        check_custom(&self.custom)?;
        crate::protocol::validation::check_list_of(
            "attachments",
            self.attachments.as_deref(),
            usize::MAX,
        )
    }
}

/// Changes to a message (`PUT`/`PATCH /v1/messages/{id}`, bulk updates).
///
/// ```
/// use kustomer::{messages::MessageUpdate, models::MessageStatus};
///
/// let delivered = MessageUpdate::new().status(MessageStatus::Sent);
/// assert_eq!(serde_json::to_string(&delivered).unwrap(), r#"{"status":"sent"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageUpdate {
    /// Moves it to another conversation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<String>,
    /// The channel's ID for it, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// The text, at most 10,240 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview: Option<String>,
    /// Subject, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Sent, received or failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<MessageStatus>,
    /// When it was sent.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub sent_at: Option<Timestamp>,
    /// Language, at most 100 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Channel details, at most 100 properties.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub meta: Map<String, Value>,
    /// Custom attributes: at most 100, typed by their name's suffix.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub custom: Map<String, Value>,
}

impl MessageUpdate {
    /// An empty update.
    pub fn new() -> Self {
        Self::default()
    }
}

impl Input for MessageUpdate {
    fn validate(&self) -> Result<(), InvalidInput> {
        max_chars("preview", self.preview.as_deref(), 10_240)?;
        max_chars("subject", self.subject.as_deref(), 256)?;
        max_chars("externalId", self.external_id.as_deref(), 256)?;
        max_chars("lang", self.lang.as_deref(), 100)?;
        check_count("meta", self.meta.len(), 100)?;
        check_custom(&self.custom)
    }
}

/// What to redact from a message (`POST /v1/messages/{id}/redactions`): its text, some of its
/// attachments (at most 10 IDs), and/or its channel details.
///
/// ```
/// use kustomer::messages::RedactionInput;
///
/// let redaction = RedactionInput::text("[card number removed]");
/// assert_eq!(serde_json::to_string(&redaction).unwrap(), r#"{"preview":"[card number removed]"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RedactionInput {
    /// The text to keep in place of the old one, at most 10,240 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview: Option<String>,
    /// Attachment IDs to redact, at most 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<String>>,
    /// Channel details to keep in place of the old ones, at most 100 properties.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Map<String, Value>>,
}

impl RedactionInput {
    /// Replaces the text.
    pub fn text(replacement: impl Into<String>) -> Self {
        Self {
            preview: Some(replacement.into()),
            ..Self::default()
        }
    }
}

impl Input for RedactionInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        if self.preview.is_none() && self.attachments.is_none() && self.meta.is_none() {
            return Err(InvalidInput::new("redaction", "names nothing to redact"));
        }
        max_chars("preview", self.preview.as_deref(), 10_240)?;
        crate::protocol::validation::check_list_of("attachments", self.attachments.as_deref(), 10)?;
        check_count("meta", self.meta.as_ref().map_or(0, Map::len), 100)
    }
}

crate::generic::ops::helpers::input_cow!(MessageInput, MessageUpdate, RedactionInput);

crate::generic::ops::helpers::setters!(MessageInput {
    #[doc = "Sets the text."]
    preview: opt String,
    #[doc = "Sets the subject."]
    subject: opt String,
    #[doc = "Sets the conversation."]
    conversation: opt String,
    #[doc = "Sets the customer."]
    customer: opt String,
    #[doc = "Sets `channel`: the channel (required)."]
    channel: num Channel,
    #[doc = "Sets `app`: the app it comes through (required), e.g. `api`."]
    app: opt String,
    #[doc = "Sets `direction`: from the customer or to them (required by `POST /messages`)."]
    direction: num Direction,
    #[doc = "Sets `external_id`: the channel's ID for it, at most 256 characters."]
    external_id: opt String,
    #[doc = "Sets `status`: sent, received or failed."]
    status: num MessageStatus,
    #[doc = "Sets `auto`: made by a workflow or auto-response (left out of reporting)."]
    auto: num bool,
    #[doc = "Sets `source`: bulk or satisfaction."]
    source: num MessageSource,
    #[doc = "Sets `lang`: language, at most 100 characters."]
    lang: opt String,
    #[doc = "Sets `meta`: channel details, at most 100 properties."]
    meta: set Map<String, Value>,
    #[doc = "Sets `custom`: custom attributes: at most 100, typed by their name's suffix."]
    custom: set Map<String, Value>,
    #[doc = "Sets `sent_at`: when it was sent."]
    sent_at: at Timestamp,
    #[doc = "Sets `created_at`: creation time to record (imports)."]
    created_at: at Timestamp,
    #[doc = "Sets `imported_at`: import time."]
    imported_at: at Timestamp,
    #[doc = "Sets `attachments`: iDs of attachments already uploaded (see."]
    attachments: opt Vec<String>,
});

crate::generic::ops::helpers::setters!(MessageUpdate {
    #[doc = "Sets the status: sent, received or failed."]
    status: num MessageStatus,
    #[doc = "Sets `conversation`: moves it to another conversation."]
    conversation: opt String,
    #[doc = "Sets `external_id`: the channel's ID for it, at most 256 characters."]
    external_id: opt String,
    #[doc = "Sets `preview`: the text, at most 10,240 characters."]
    preview: opt String,
    #[doc = "Sets `subject`: subject, at most 256 characters."]
    subject: opt String,
    #[doc = "Sets `sent_at`: when it was sent."]
    sent_at: at Timestamp,
    #[doc = "Sets `lang`: language, at most 100 characters."]
    lang: opt String,
    #[doc = "Sets `meta`: channel details, at most 100 properties."]
    meta: set Map<String, Value>,
    #[doc = "Sets `custom`: custom attributes: at most 100, typed by their name's suffix."]
    custom: set Map<String, Value>,
});

crate::generic::ops::helpers::setters!(RedactionInput {
    #[doc = "Sets `preview`: the text to keep in place of the old one, at most 10,240 characters."]
    preview: opt String,
    #[doc = "Sets `attachments`: attachment IDs to redact, at most 10."]
    attachments: opt Vec<String>,
    #[doc = "Sets `meta`: channel details to keep in place of the old ones, at most 100 properties."]
    meta: opt Map<String, Value>,
});

crate::generic::ops::helpers::custom_setters!(MessageInput, MessageUpdate);
