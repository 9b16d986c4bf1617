//! Request bodies for creating and updating notes.

use jiff::Timestamp;
use serde::Serialize;

use crate::generic::family::Input;
use crate::protocol::date_time;
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{chars_between, check_list_max, max_chars};

/// A user or team mentioned in a note (at least one of the two).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MentionInput {
    /// A user ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// A team ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
}

impl MentionInput {
    /// Mentions a user.
    pub fn user(id: impl Into<String>) -> Self {
        Self {
            user: Some(id.into()),
            team: None,
        }
    }

    /// Mentions a team.
    pub fn team(id: impl Into<String>) -> Self {
        Self {
            user: None,
            team: Some(id.into()),
        }
    }
}

/// A note to create (`POST /v1/notes`, in a conversation, in bulk). Only the fields that are
/// set are sent.
///
/// ```
/// use kustomer::notes::NoteInput;
///
/// let note = NoteInput::new("Called back, refund approved");
/// assert_eq!(serde_json::to_string(&note).unwrap(), r#"{"body":"Called back, refund approved"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NoteInput {
    /// The text, 1 to 10,240 characters.
    pub body: String,
    /// The conversation: needed by bulk creates, not taken by `POST /notes`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<String>,
    /// Your ID for it, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Users and teams mentioned, at most 20.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_mentions: Option<Vec<MentionInput>>,
    /// Language, at most 100 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Creation time to record (imports).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub created_at: Option<Timestamp>,
    /// Import time; not taken by `POST /notes`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub imported_at: Option<Timestamp>,
}

impl NoteInput {
    /// A note with this text.
    pub fn new(body: impl Into<String>) -> Self {
        Self {
            body: body.into(),
            ..Self::default()
        }
    }

    /// Mentions a user or team.
    #[must_use]
    pub fn mention(mut self, mention: MentionInput) -> Self {
        self.user_mentions
            .get_or_insert_with(Vec::new)
            .push(mention);
        self
    }
}

fn check_mentions(mentions: Option<&[MentionInput]>) -> Result<(), InvalidInput> {
    check_list_max("userMentions", mentions, 20, |m| {
        if m.user.is_none() && m.team.is_none() {
            return Err(InvalidInput::new(
                "userMentions",
                "a mention names a user or a team",
            ));
        }
        Ok(())
    })
}

impl Input for NoteInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        chars_between("body", &self.body, 1, 10_240)?;
        max_chars("externalId", self.external_id.as_deref(), 256)?;
        max_chars("lang", self.lang.as_deref(), 100)?;
        check_mentions(self.user_mentions.as_deref())
    }
}

/// Changes to a note (`PUT`/`PATCH /v1/notes/{id}`, bulk updates). A `PUT` needs the
/// conversation and the body.
///
/// ```
/// use kustomer::notes::NoteUpdate;
///
/// let edit = NoteUpdate::new().body("Refund sent");
/// assert_eq!(serde_json::to_string(&edit).unwrap(), r#"{"body":"Refund sent"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NoteUpdate {
    /// The conversation (required by a `PUT`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<String>,
    /// The text, 1 to 10,240 characters (required by a `PUT`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Your ID for it, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Users and teams mentioned, at most 20.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_mentions: Option<Vec<MentionInput>>,
    /// Marks it deleted or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
    /// Language, at most 100 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl NoteUpdate {
    /// An empty update.
    pub fn new() -> Self {
        Self::default()
    }
}

impl Input for NoteUpdate {
    fn validate(&self) -> Result<(), InvalidInput> {
        if let Some(body) = &self.body {
            chars_between("body", body, 1, 10_240)?;
        }
        max_chars("externalId", self.external_id.as_deref(), 256)?;
        max_chars("lang", self.lang.as_deref(), 100)?;
        check_mentions(self.user_mentions.as_deref())
    }
}

crate::generic::ops::helpers::input_cow!(NoteInput, NoteUpdate);

crate::generic::ops::helpers::setters!(NoteInput {
    #[doc = "Sets the conversation."]
    conversation: opt String,
    #[doc = "Sets `body`: the text, 1 to 10,240 characters."]
    body: set String,
    #[doc = "Sets `external_id`: your ID for it, at most 256 characters."]
    external_id: opt String,
    #[doc = "Sets `user_mentions`: users and teams mentioned, at most 20."]
    user_mentions: opt Vec<MentionInput>,
    #[doc = "Sets `lang`: language, at most 100 characters."]
    lang: opt String,
    #[doc = "Sets `created_at`: creation time to record (imports)."]
    created_at: at Timestamp,
    #[doc = "Sets `imported_at`: import time; not taken by `POST /notes`."]
    imported_at: at Timestamp,
});

crate::generic::ops::helpers::setters!(NoteUpdate {
    #[doc = "Sets the text."]
    body: opt String,
    #[doc = "Sets the conversation."]
    conversation: opt String,
    #[doc = "Sets `external_id`: your ID for it, at most 256 characters."]
    external_id: opt String,
    #[doc = "Sets `user_mentions`: users and teams mentioned, at most 20."]
    user_mentions: opt Vec<MentionInput>,
    #[doc = "Sets `deleted`: marks it deleted or not."]
    deleted: num bool,
    #[doc = "Sets `lang`: language, at most 100 characters."]
    lang: opt String,
});
