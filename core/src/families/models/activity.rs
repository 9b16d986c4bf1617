//! What happened and when: customer events and sessions, conversation times, audit logs,
//! tracking identities.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::families::models::resource_model::resource_model;
use crate::families::models::vocabulary::Channel;
use crate::generic::resource::Relationship;
use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;

/// The relationships of an activity record. Any of them may be absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct ActivityRelationships {
    /// The org.
    #[serde(deserialize_with = "lenient::object")]
    pub org: Option<Relationship>,
    /// The customer.
    #[serde(deserialize_with = "lenient::object")]
    pub customer: Option<Relationship>,
    /// The conversation.
    #[serde(deserialize_with = "lenient::object")]
    pub conversation: Option<Relationship>,
    /// The user who made it.
    #[serde(deserialize_with = "lenient::object")]
    pub created_by: Option<Relationship>,
}

/// The attributes of a customer event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct CustomerEventAttributes {
    /// Its name: `kustomer.conversation.create`, or a tracking event's.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// What it is about (`conversation`, `tracking`).
    #[serde(rename = "type", deserialize_with = "lenient::scalar")]
    pub kind: Option<String>,
    /// The tracking session it came in, for tracking events.
    #[serde(deserialize_with = "lenient::scalar")]
    pub session_id: Option<String>,
    /// Its details, as sent.
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub meta: Map<String, Value>,
    /// Where it happened, as sent.
    pub location: Option<Value>,
    /// When it was published.
    #[serde(deserialize_with = "lenient::scalar")]
    pub published_at: Option<DateTime>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}

resource_model!(
    /// An event of a customer's timeline (`GET /customers/{id}/events`).
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"customer_event","id":"58210c3d7281071100186630","attributes":{"name":"kustomer.conversation.create","type":"conversation","meta":null}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, customer_events::GetCustomerEvent};
    ///
    /// let event = GetCustomerEvent::new("58210c3db0f09110006b7953", "58210c3d7281071100186630").parse(response)?;
    /// assert_eq!(event.attributes.name.as_deref(), Some("kustomer.conversation.create"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CustomerEvent, CustomerEventAttributes, ActivityRelationships
);

/// The attributes of a customer's tracking session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct CustomerSessionAttributes {
    /// The session's ID, as tracking events name it.
    #[serde(deserialize_with = "lenient::scalar")]
    pub session_id: Option<String>,
    /// Its first event.
    #[serde(deserialize_with = "lenient::scalar")]
    pub first_event_at: Option<DateTime>,
    /// Its last event.
    #[serde(deserialize_with = "lenient::scalar")]
    pub last_event_at: Option<DateTime>,
    /// How many events it has.
    #[serde(deserialize_with = "lenient::scalar")]
    pub count: Option<u64>,
}

resource_model!(
    /// A customer's tracking session (`GET /customers/{id}/sessions`).
    ///
    /// ```
    /// # let body = br#"{"meta":{},"data":[{"type":"customer_session","id":"58290fb4cca9b0a5e0189628","attributes":{"sessionId":"58290fb391113b1900bbee4c","count":2}}]}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, customer_events::ListCustomerSessions};
    ///
    /// let page = ListCustomerSessions::new("58290b8b7c7f551a00b5b738").parse(response)?;
    /// assert_eq!(page.items[0].attributes.count, Some(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CustomerSession, CustomerSessionAttributes, ActivityRelationships
);

/// The attributes of a conversation time: the handling of a conversation by agents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConversationTimeAttributes {
    /// When the handling started.
    #[serde(deserialize_with = "lenient::scalar")]
    pub handle_at: Option<DateTime>,
    /// How long it took, in seconds.
    #[serde(deserialize_with = "lenient::scalar")]
    pub handle_time: Option<f64>,
    /// The users assigned then.
    #[serde(deserialize_with = "lenient::scalars")]
    pub assigned_users: Vec<String>,
    /// The teams assigned then.
    #[serde(deserialize_with = "lenient::scalars")]
    pub assigned_teams: Vec<String>,
    /// The teams of who created it.
    #[serde(deserialize_with = "lenient::scalars")]
    pub created_by_teams: Vec<String>,
    /// The channels involved.
    #[serde(deserialize_with = "lenient::scalars")]
    pub channels: Vec<Channel>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}

resource_model!(
    /// A conversation time: a stretch of agent work on a conversation.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"conversation_time","id":"5faee8bd01b6a7060833dafb","attributes":{"handleTime":19,"channels":["chat"]}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, conversation_times::GetConversationTimes};
    ///
    /// let times = GetConversationTimes::new(["5faee8bd01b6a7060833dafb"]).parse(response)?;
    /// assert_eq!(times[0].attributes.handle_time, Some(19.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ConversationTime, ConversationTimeAttributes, ActivityRelationships
);

/// The attributes of an audit log entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct AuditLogAttributes {
    /// The event: `kustomer.conversation.update`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub event_name: Option<String>,
    /// Its verb: `create`, `update`, `delete`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub event_verb: Option<String>,
    /// The user who did it, if a user did.
    #[serde(deserialize_with = "lenient::scalar")]
    pub user_id: Option<String>,
    /// `user`, `system`, ...
    #[serde(deserialize_with = "lenient::scalar")]
    pub user_type: Option<String>,
    /// The record changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub object_id: Option<String>,
    /// Its type: `conversation`, ...
    #[serde(deserialize_with = "lenient::scalar")]
    pub object_type: Option<String>,
    /// The client that did it.
    #[serde(deserialize_with = "lenient::scalar")]
    pub client: Option<String>,
    /// The caller's IP address.
    #[serde(deserialize_with = "lenient::scalar")]
    pub ip: Option<String>,
    /// What changed (`null`, or `{attributes: {name: {op, before, after}}, relationships}`), as
    /// sent.
    pub changes: Option<Value>,
    /// When it happened.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it was published.
    #[serde(deserialize_with = "lenient::scalar")]
    pub published_at: Option<DateTime>,
}

resource_model!(
    /// An audit log entry: who changed what, and when.
    ///
    /// ```
    /// # let body = br#"{"meta":{"count":1,"total":3000,"cursorCount":3000},"links":{"next":"/v1/audit-logs?count=1&before=62799c44a96e7f160834199c"},"data":[{"type":"audit_log","id":"62799c44a96e7f160834199c","attributes":{"eventName":"kustomer.conversation.update","changes":null}}]}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, audit_logs::ListAuditLogs};
    ///
    /// let page = ListAuditLogs::new().count(1).parse(response)?;
    /// assert_eq!(page.items[0].attributes.event_name.as_deref(), Some("kustomer.conversation.update"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    AuditLog, AuditLogAttributes, crate::families::models::BasicRelationships
);

/// The attributes of a tracking identity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct TrackingIdentityAttributes {
    /// The visitor's tracking ID.
    #[serde(deserialize_with = "lenient::scalar")]
    pub tracking_id: Option<String>,
    /// The email identified.
    #[serde(deserialize_with = "lenient::scalar")]
    pub email: Option<String>,
    /// `created`, `updated`, ...
    #[serde(deserialize_with = "lenient::scalar")]
    pub status: Option<String>,
    /// When the status was set.
    #[serde(deserialize_with = "lenient::scalar")]
    pub status_at: Option<DateTime>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}

resource_model!(
    /// A tracking identity: a web visitor tied to a customer.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"identity","id":"58290b8acca9b0a5e0189626","attributes":{"email":"john@example.com","status":"updated"},"relationships":{"customer":{"data":{"type":"customer","id":"58290b8b7c7f551a00b5b738"}}}}}"#;
    /// # let response = http::Response::builder().status(201).body(body.to_vec())?;
    /// use kustomer::{Operation, tracking::{CreateTrackingIdentity, TrackingIdentityInput}};
    ///
    /// let identity = CreateTrackingIdentity::new(TrackingIdentityInput::email("john@example.com")).parse(response)?;
    /// assert_eq!(identity.relationships.customer.as_ref().and_then(|c| c.id()), Some("58290b8b7c7f551a00b5b738"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    TrackingIdentity, TrackingIdentityAttributes, ActivityRelationships
);
