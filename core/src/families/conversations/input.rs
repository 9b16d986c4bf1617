//! Request bodies for creating and updating conversations: only what was set is sent, and the
//! spec's limits are checked before anything goes out.

use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::families::models::vocabulary::{ConversationStatus, Direction, Priority, SnoozeStatus};
use crate::generic::family::Input;
use crate::protocol::date_time;
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{check_custom, check_list_of, check_tags, finite, max_chars};

/// A conversation to create (`POST /v1/conversations`, or under a customer). Only the fields
/// that are set are sent.
///
/// ```
/// use kustomer::conversations::ConversationInput;
///
/// let input = ConversationInput::for_customer("58210c3db0f09110006b7953")
///     .name("Where is my order?")
///     .tag("orders");
/// assert_eq!(
///     serde_json::to_value(&input).unwrap(),
///     serde_json::json!({"customer": "58210c3db0f09110006b7953", "name": "Where is my order?", "tags": ["orders"]})
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConversationInput {
    /// The customer's ID: needed by `POST /conversations`, not allowed under a customer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// Your ID for it, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Name (subject), at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// [`Open`](ConversationStatus::Open) or [`Done`](ConversationStatus::Done): a new
    /// conversation cannot start snoozed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ConversationStatus>,
    /// 1 (lowest) to 5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// Which way its first message went.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The channel replies go out on, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_channel: Option<String>,
    /// Tag names: at most 20, each 1 to 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// User IDs to assign, at most 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned_users: Option<Vec<String>>,
    /// Team IDs to assign, at most 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned_teams: Option<Vec<String>>,
    /// Custom attributes: at most 100, typed by their name's suffix.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub custom: Map<String, Value>,
    /// Default language, at most 100 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_lang: Option<String>,
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
}

impl ConversationInput {
    /// An empty input (for a create under a customer, which names the customer in the path).
    pub fn new() -> Self {
        Self::default()
    }

    /// An input for `POST /conversations`, which needs the customer.
    pub fn for_customer(customer: impl Into<String>) -> Self {
        Self {
            customer: Some(customer.into()),
            ..Self::default()
        }
    }

    /// Adds a tag by name.
    #[must_use]
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tags.get_or_insert_with(Vec::new).push(tag.into());
        self
    }
}

impl Input for ConversationInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        max_chars("externalId", self.external_id.as_deref(), 256)?;
        max_chars("name", self.name.as_deref(), 256)?;
        max_chars("replyChannel", self.reply_channel.as_deref(), 256)?;
        max_chars("defaultLang", self.default_lang.as_deref(), 100)?;
        if self.status == Some(ConversationStatus::Snoozed) {
            return Err(InvalidInput::new(
                "status",
                "a new conversation is open or done: snooze it with an update",
            ));
        }
        check_tags(self.tags.as_deref())?;
        check_list_of("assignedUsers", self.assigned_users.as_deref(), 10)?;
        check_list_of("assignedTeams", self.assigned_teams.as_deref(), 10)?;
        check_custom(&self.custom)
    }
}

/// Changes to a conversation (`PUT`/`PATCH /v1/conversations/{id}`, bulk updates). Only the
/// fields that are set are sent; lists are `Option<Vec<_>>` so that `Some(vec![])` clears one.
///
/// ```
/// use kustomer::conversations::ConversationUpdate;
///
/// let close = ConversationUpdate::new().status(kustomer::models::ConversationStatus::Done);
/// assert_eq!(serde_json::to_string(&close).unwrap(), r#"{"status":"done"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConversationUpdate {
    /// Your ID for it, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Name, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Which way its first message went.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// 1 to 5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// Satisfaction, -1 to 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<f64>,
    /// The status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ConversationStatus>,
    /// The channel replies go out on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_channel: Option<String>,
    /// Sub-status ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_status: Option<String>,
    /// Snooze until a time (`status` `scheduled`), or cancel it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snooze: Option<SnoozeInput>,
    /// Tag names (replacing the list): at most 20, each 1 to 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// User IDs assigned, at most 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned_users: Option<Vec<String>>,
    /// Team IDs assigned, at most 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned_teams: Option<Vec<String>>,
    /// Custom attributes: at most 100, typed by their name's suffix.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub custom: Map<String, Value>,
    /// Marks it deleted or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
    /// Whether it has ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended: Option<bool>,
    /// Why it ended, at most 128 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended_reason: Option<String>,
    /// Locks it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locked: Option<bool>,
    /// The revision this update is based on: a stale one answers 409.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rev: Option<u64>,
    /// Default language, at most 100 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_lang: Option<String>,
}

/// A snooze to set: until a time, or called off.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use kustomer::conversations::{ConversationUpdate, SnoozeInput};
///
/// let tomorrow = SystemTime::now() + Duration::from_secs(86_400);
/// let snooze = ConversationUpdate::new().snooze(SnoozeInput::until(tomorrow));
/// let wake = ConversationUpdate::new().snooze(SnoozeInput::cancel());
/// assert_eq!(serde_json::to_value(&wake)?["snooze"], serde_json::json!({"status": "canceled"}));
/// # let _ = snooze;
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SnoozeInput {
    /// Until when.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub time: Option<Timestamp>,
    /// Scheduled (with `time`), canceled or elapsed.
    pub status: SnoozeStatus,
}

impl SnoozeInput {
    /// Snooze until `time`.
    pub fn until(time: impl crate::protocol::date_time::IntoTimestamp) -> Self {
        Self {
            time: Some(time.into_timestamp()),
            status: SnoozeStatus::Scheduled,
        }
    }

    /// Calls the snooze off.
    pub fn cancel() -> Self {
        Self {
            time: None,
            status: SnoozeStatus::Canceled,
        }
    }
}

impl ConversationUpdate {
    /// An empty update: nothing set, nothing sent.
    pub fn new() -> Self {
        Self::default()
    }
}

impl Input for ConversationUpdate {
    fn validate(&self) -> Result<(), InvalidInput> {
        max_chars("externalId", self.external_id.as_deref(), 256)?;
        max_chars("name", self.name.as_deref(), 256)?;
        max_chars("replyChannel", self.reply_channel.as_deref(), 256)?;
        max_chars("endedReason", self.ended_reason.as_deref(), 128)?;
        max_chars("defaultLang", self.default_lang.as_deref(), 100)?;
        if let Some(satisfaction) = self.satisfaction {
            finite("satisfaction", satisfaction)?;
            if !(-1.0..=1.0).contains(&satisfaction) {
                return Err(InvalidInput::new(
                    "satisfaction",
                    "must be between -1 and 1",
                ));
            }
        }
        check_tags(self.tags.as_deref())?;
        check_list_of("assignedUsers", self.assigned_users.as_deref(), 10)?;
        check_list_of("assignedTeams", self.assigned_teams.as_deref(), 10)?;
        check_custom(&self.custom)
    }
}

crate::generic::ops::helpers::input_cow!(ConversationInput, ConversationUpdate);

crate::generic::ops::helpers::setters!(ConversationInput {
    #[doc = "Sets the name."]
    name: opt String,
    #[doc = "Sets the status: open or done."]
    status: num ConversationStatus,
    #[doc = "Sets your ID for it."]
    external_id: opt String,
    #[doc = "Sets `customer`: the customer's ID: needed by `POST /conversations`, not allowed under a customer."]
    customer: opt String,
    #[doc = "Sets `priority`: 1 (lowest) to 5."]
    priority: num Priority,
    #[doc = "Sets `direction`: which way its first message went."]
    direction: num Direction,
    #[doc = "Sets `reply_channel`: the channel replies go out on, at most 256 characters."]
    reply_channel: opt String,
    #[doc = "Sets `tags`: tag names: at most 20, each 1 to 64 characters."]
    tags: opt Vec<String>,
    #[doc = "Sets `assigned_users`: user IDs to assign, at most 10."]
    assigned_users: opt Vec<String>,
    #[doc = "Sets `assigned_teams`: team IDs to assign, at most 10."]
    assigned_teams: opt Vec<String>,
    #[doc = "Sets `custom`: custom attributes: at most 100, typed by their name's suffix."]
    custom: set Map<String, Value>,
    #[doc = "Sets `default_lang`: default language, at most 100 characters."]
    default_lang: opt String,
    #[doc = "Sets `created_at`: creation time to record (imports)."]
    created_at: at Timestamp,
    #[doc = "Sets `imported_at`: import time."]
    imported_at: at Timestamp,
});

crate::generic::ops::helpers::setters!(ConversationUpdate {
    #[doc = "Sets the status."]
    status: num ConversationStatus,
    #[doc = "Sets the name."]
    name: opt String,
    #[doc = "Sets the priority (1 to 5)."]
    priority: num Priority,
    #[doc = "Sets `external_id`: your ID for it, at most 256 characters."]
    external_id: opt String,
    #[doc = "Sets `direction`: which way its first message went."]
    direction: num Direction,
    #[doc = "Sets `satisfaction`: satisfaction, -1 to 1."]
    satisfaction: num f64,
    #[doc = "Sets `reply_channel`: the channel replies go out on."]
    reply_channel: opt String,
    #[doc = "Sets `sub_status`: sub-status ID."]
    sub_status: opt String,
    #[doc = "Sets `snooze`: snooze until a time (`status` `scheduled`), or cancel it."]
    snooze: opt SnoozeInput,
    #[doc = "Sets `tags`: tag names (replacing the list): at most 20, each 1 to 64 characters."]
    tags: opt Vec<String>,
    #[doc = "Sets `assigned_users`: user IDs assigned, at most 10."]
    assigned_users: opt Vec<String>,
    #[doc = "Sets `assigned_teams`: team IDs assigned, at most 10."]
    assigned_teams: opt Vec<String>,
    #[doc = "Sets `custom`: custom attributes: at most 100, typed by their name's suffix."]
    custom: set Map<String, Value>,
    #[doc = "Sets `deleted`: marks it deleted or not."]
    deleted: num bool,
    #[doc = "Sets `ended`: whether it has ended."]
    ended: num bool,
    #[doc = "Sets `ended_reason`: why it ended, at most 128 characters."]
    ended_reason: opt String,
    #[doc = "Sets `locked`: locks it."]
    locked: num bool,
    #[doc = "Sets `rev`: the revision this update is based on: a stale one answers 409."]
    rev: num u64,
    #[doc = "Sets `default_lang`: default language, at most 100 characters."]
    default_lang: opt String,
});

crate::generic::ops::helpers::setters!(SnoozeInput {
    #[doc = "Sets `time`: until when."]
    time: at Timestamp,
    #[doc = "Sets `status`: scheduled, canceled or elapsed."]
    status: val SnoozeStatus,
});

crate::generic::ops::helpers::custom_setters!(ConversationInput, ConversationUpdate);
