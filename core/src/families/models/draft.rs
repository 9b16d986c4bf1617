//! Drafts, forwards and the accounts they go out from.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::families::models::resource_model::resource_model;
use crate::families::models::vocabulary::{Channel, DraftStatus};
use crate::generic::resource::Relationship;
use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;

/// An address on a draft or forward (`{email, name}`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Address {
    /// The email address.
    #[serde(deserialize_with = "lenient::scalar")]
    pub email: Option<String>,
    /// The name shown.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
}

/// The relationships of a draft or forward. Any of them may be absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct OutgoingRelationships {
    /// The org.
    #[serde(deserialize_with = "lenient::object")]
    pub org: Option<Relationship>,
    /// The customer.
    #[serde(deserialize_with = "lenient::object")]
    pub customer: Option<Relationship>,
    /// The conversation.
    #[serde(deserialize_with = "lenient::object")]
    pub conversation: Option<Relationship>,
    /// The user who created it.
    #[serde(deserialize_with = "lenient::object")]
    pub created_by: Option<Relationship>,
    /// The user who last modified it.
    #[serde(deserialize_with = "lenient::object")]
    pub modified_by: Option<Relationship>,
}

/// The attributes of a draft or forward: an outgoing message not sent yet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct OutgoingAttributes {
    /// `email`, `sms`, `chat`, ...
    #[serde(deserialize_with = "lenient::scalar")]
    pub channel: Option<Channel>,
    /// The sending app (`postmark`, `gmail`).
    #[serde(deserialize_with = "lenient::scalar")]
    pub app: Option<String>,
    /// `draft`, `sent`, `failed`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub status: Option<DraftStatus>,
    /// Who it goes to: a list of addresses, one, or a string, as sent.
    pub to: Option<Value>,
    /// Who it comes from.
    #[serde(deserialize_with = "lenient::object")]
    pub from: Option<Address>,
    /// The subject.
    #[serde(deserialize_with = "lenient::scalar")]
    pub subject: Option<String>,
    /// The text.
    #[serde(deserialize_with = "lenient::scalar")]
    pub body: Option<String>,
    /// When it is to be sent.
    #[serde(deserialize_with = "lenient::scalar")]
    pub send_at: Option<DateTime>,
    /// Language.
    #[serde(deserialize_with = "lenient::scalar")]
    pub lang: Option<String>,
    /// Attachments, as sent.
    #[serde(deserialize_with = "lenient::objects")]
    pub attachments: Vec<Map<String, Value>>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}

resource_model!(
    /// A draft: a message written for a customer and not sent yet.
    ///
    /// ```
    /// # let body = br#"{"data":{"id":"5823e4d3bff98a100085320e","type":"draft","attributes":{"channel":"email","status":"draft"}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, drafts::{CreateCustomerDraft, DraftInput}};
    ///
    /// let draft = CreateCustomerDraft::new("58210c3db0f09110006b7953", DraftInput::email()).parse(response)?;
    /// assert_eq!(draft.attributes.status, Some(kustomer::models::DraftStatus::Draft));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Draft, OutgoingAttributes, OutgoingRelationships
);

resource_model!(
    /// A forward: a conversation sent on to someone else by email.
    ///
    /// ```
    /// # let body = br#"{"data":{"id":"5823e4d3bff98a100085320e","type":"forward","attributes":{"channel":"email","status":"draft","to":[{"email":"billing@example.com"}]}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, drafts::GetForward};
    ///
    /// let forward = GetForward::new("5823e4d3bff98a100085320e").parse(response)?;
    /// assert_eq!(forward.attributes.channel, Some(kustomer::models::Channel::Email));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Forward, OutgoingAttributes, OutgoingRelationships
);

/// The attributes of an outbound account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct OutboundAccountAttributes {
    /// `email`, `sms`, ...
    #[serde(deserialize_with = "lenient::scalar")]
    pub channel: Option<Channel>,
    /// The name shown.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// The address or number messages go out from.
    #[serde(deserialize_with = "lenient::scalar")]
    pub account: Option<String>,
}

resource_model!(
    /// An account drafts can go out from (an email address, a phone number). Real answers
    /// carry no `id`: [`id`](Self::id) is then empty.
    ///
    /// ```
    /// # let body = br#"{"meta":{},"data":[{"type":"outbound_account","attributes":{"channel":"sms","account":"+18005551212"}}],"links":{"self":"/v1/outboundAccounts"}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, drafts::ListOutboundAccounts};
    ///
    /// let page = ListOutboundAccounts::new().parse(response)?;
    /// assert_eq!(page.items[0].attributes.account.as_deref(), Some("+18005551212"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    OutboundAccount,
    OutboundAccountAttributes,
    crate::families::models::BasicRelationships,
    id = [default]
);
