//! A webhook delivery's body, typed: the envelope, what changed, and the resource.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::families::models::{Conversation, Customer, Message, Team, User};
use crate::families::webhooks::WebhookError;
use crate::generic::family::sealed::FromDocument;
use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;

/// The kind of event, from its `name`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EventKind {
    /// `kustomer.conversation.create`
    ConversationCreate,
    /// `kustomer.conversation.update`
    ConversationUpdate,
    /// `kustomer.customer.create`
    CustomerCreate,
    /// `kustomer.customer.update`
    CustomerUpdate,
    /// `kustomer.message.create`
    MessageCreate,
    /// `kustomer.message.update`
    MessageUpdate,
    /// `kustomer.team.create`
    TeamCreate,
    /// `kustomer.team.update`
    TeamUpdate,
    /// `kustomer.user.create`
    UserCreate,
    /// `kustomer.user.update`
    UserUpdate,
    /// A name this version does not know, as sent.
    Other(String),
}

impl EventKind {
    /// The kind an event name is.
    pub fn from_name(name: &str) -> Self {
        match name {
            "kustomer.conversation.create" => Self::ConversationCreate,
            "kustomer.conversation.update" => Self::ConversationUpdate,
            "kustomer.customer.create" => Self::CustomerCreate,
            "kustomer.customer.update" => Self::CustomerUpdate,
            "kustomer.message.create" => Self::MessageCreate,
            "kustomer.message.update" => Self::MessageUpdate,
            "kustomer.team.create" => Self::TeamCreate,
            "kustomer.team.update" => Self::TeamUpdate,
            "kustomer.user.create" => Self::UserCreate,
            "kustomer.user.update" => Self::UserUpdate,
            other => Self::Other(other.to_owned()),
        }
    }

    /// Whether it reports a create (else an update, or an unknown kind).
    pub fn is_create(&self) -> bool {
        matches!(
            self,
            Self::ConversationCreate
                | Self::CustomerCreate
                | Self::MessageCreate
                | Self::TeamCreate
                | Self::UserCreate
        )
    }
}

/// The resource an event is about, typed as `GET` of its family returns it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum EventData {
    /// A conversation event's conversation.
    Conversation(Box<Conversation>),
    /// A customer event's customer.
    Customer(Box<Customer>),
    /// A message event's message.
    Message(Box<Message>),
    /// A team event's team.
    Team(Box<Team>),
    /// A user event's user.
    User(Box<User>),
    /// An event of a kind this version does not know, or whose `data` is not a resource: the
    /// JSON as sent.
    Other(Value),
}

impl EventData {
    /// `data.type` as sent, for every kind.
    pub fn kind(&self) -> Option<&str> {
        match self {
            Self::Conversation(r) => r.kind.as_deref(),
            Self::Customer(r) => r.kind.as_deref(),
            Self::Message(r) => r.kind.as_deref(),
            Self::Team(r) => r.kind.as_deref(),
            Self::User(r) => r.kind.as_deref(),
            Self::Other(v) => v.get("type")?.as_str(),
        }
    }

    /// `data.id`, for every kind.
    pub fn id(&self) -> Option<&str> {
        match self {
            Self::Conversation(r) => Some(&r.id),
            Self::Customer(r) => Some(&r.id),
            Self::Message(r) => Some(&r.id),
            Self::Team(r) => Some(&r.id),
            Self::User(r) => Some(&r.id),
            Self::Other(v) => v.get("id")?.as_str(),
        }
    }

    /// The record's `updatedAt`: events may arrive out of order, compare it with what you
    /// hold before applying one.
    pub fn updated_at(&self) -> Option<DateTime> {
        match self {
            Self::Conversation(r) => r.attributes.updated_at.clone(),
            Self::Customer(r) => r.attributes.updated_at.clone(),
            Self::Message(r) => r.attributes.updated_at.clone(),
            Self::Team(r) => r.attributes.updated_at.clone(),
            Self::User(r) => r.attributes.updated_at.clone(),
            Self::Other(v) => v
                .get("attributes")?
                .get("updatedAt")?
                .as_str()
                .map(DateTime::parse_lenient),
        }
    }
}

/// What an update did to one attribute: `replace`, `add` or `remove`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChangeOp {
    /// `replace`: a value replaced another.
    Replace,
    /// `add`: a value was set where there was none.
    Add,
    /// `remove`: the value was removed.
    Remove,
    /// Another op, as sent.
    Other(String),
}

/// One attribute's change: the op, and the values before and after (absent for `add` and
/// `remove` respectively).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Change {
    /// What happened.
    pub op: ChangeOp,
    /// The value before, as sent.
    pub before: Option<Value>,
    /// The value after, as sent.
    pub after: Option<Value>,
}

impl Change {
    /// The value before, as a string, if it was one.
    pub fn before_str(&self) -> Option<&str> {
        self.before.as_ref()?.as_str()
    }

    /// The value after, as a string, if it is one.
    pub fn after_str(&self) -> Option<&str> {
        self.after.as_ref()?.as_str()
    }

    /// The value before, read as `T` (`None` if absent or of another shape).
    pub fn before_as<T: DeserializeOwned>(&self) -> Option<T> {
        T::deserialize(self.before.as_ref()?).ok()
    }

    /// The value after, read as `T` (`None` if absent or of another shape).
    pub fn after_as<T: DeserializeOwned>(&self) -> Option<T> {
        T::deserialize(self.after.as_ref()?).ok()
    }
}

/// What an update event changed: attributes by name, and relationships as sent.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Changes {
    /// Each changed attribute, by its API name (`status`, `assignedUsers`).
    pub attributes: BTreeMap<String, Change>,
    /// Changed relationships, as sent.
    pub relationships: Map<String, Value>,
}

impl Changes {
    /// The change to attribute `name`, if it changed.
    pub fn attribute(&self, name: &str) -> Option<&Change> {
        self.attributes.get(name)
    }

    /// Whether attribute `name` changed.
    pub fn changed(&self, name: &str) -> bool {
        self.attributes.contains_key(name)
    }
}

/// A webhook delivery, typed: the envelope Kustomer wraps every event in, and the resource it is
/// about as its family's model. Parse it only after [`verify`](super::WebhookVerifier::verify)
/// said it came from Kustomer.
///
/// Deliveries come at least once and possibly out of order: drop repeats by [`id`](Self::id)
/// (see [`Deduplicator`](super::Deduplicator)) and compare
/// [`EventData::updated_at`] with what you hold before applying an update.
///
/// ```
/// use kustomer::webhooks::{EventData, EventKind, WebhookEvent};
///
/// let body = br#"{"id":"evt-1","name":"kustomer.conversation.update","org":"o","partition":"p",
///   "createdAt":"2024-05-01T10:00:00.000Z",
///   "changes":{"attributes":{"status":{"op":"replace","before":"open","after":"done"}}},
///   "data":{"type":"conversation","id":"58228e05d4e96711004eccb7","attributes":{"status":"done"}}}"#;
/// let event = WebhookEvent::parse(body)?;
/// assert_eq!(event.kind(), EventKind::ConversationUpdate);
/// let status = event.changes.attribute("status").unwrap();
/// assert_eq!((status.before_str(), status.after_str()), (Some("open"), Some("done")));
/// match &event.data {
///     EventData::Conversation(c) => assert_eq!(c.attributes.status, Some(kustomer::models::ConversationStatus::Done)),
///     other => panic!("{other:?}"),
/// }
/// # Ok::<(), kustomer::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct WebhookEvent {
    /// The event's ID: the same on every delivery of one event.
    pub id: String,
    /// Its name: `kustomer.conversation.update`.
    pub name: String,
    /// The org's ID.
    pub org: Option<String>,
    /// The org's name.
    pub org_name: Option<String>,
    /// The partition (the resource's ID for most events).
    pub partition: Option<String>,
    /// When the event happened.
    pub created_at: Option<DateTime>,
    /// What changed (updates).
    pub changes: Changes,
    /// The resource, typed by family.
    pub data: EventData,
    /// `persist`, as sent.
    pub persist: Option<bool>,
    /// The client that made the change, as sent.
    pub client: Option<String>,
    /// `dataId`, as sent.
    pub data_id: Option<String>,
    /// `meta`, as sent.
    pub meta: Option<Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Envelope<'a> {
    #[serde(deserialize_with = "lenient::scalar", default)]
    id: Option<String>,
    #[serde(deserialize_with = "lenient::scalar", default)]
    name: Option<String>,
    #[serde(deserialize_with = "lenient::scalar", default)]
    org: Option<String>,
    #[serde(deserialize_with = "lenient::scalar", default)]
    org_name: Option<String>,
    #[serde(deserialize_with = "lenient::scalar", default)]
    partition: Option<String>,
    #[serde(deserialize_with = "lenient::scalar", default)]
    created_at: Option<DateTime>,
    #[serde(default)]
    changes: Option<Value>,
    #[serde(borrow, default)]
    data: Option<&'a RawValue>,
    #[serde(deserialize_with = "lenient::scalar", default)]
    persist: Option<bool>,
    #[serde(deserialize_with = "lenient::scalar", default)]
    client: Option<String>,
    #[serde(deserialize_with = "lenient::scalar", default)]
    data_id: Option<String>,
    #[serde(default)]
    meta: Option<Value>,
}

impl WebhookEvent {
    /// Reads a delivery's raw body. A UTF-8 byte-order mark is read past.
    ///
    /// # Errors
    /// [`WebhookError::Unreadable`] if the body is not a JSON object with a string `id` and
    /// `name`. An unknown event name is not an error: its data is [`EventData::Other`].
    pub fn parse(body: &[u8]) -> Result<Self, WebhookError> {
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        let text = std::str::from_utf8(body).map_err(|e| WebhookError::unreadable(&e))?;
        let envelope: Envelope<'_> =
            serde_json::from_str(text).map_err(|e| WebhookError::unreadable(&e))?;
        let (Some(id), Some(name)) = (envelope.id, envelope.name) else {
            return Err(WebhookError::Unreadable {
                reason: "not a Kustomer event: no string id and name".into(),
            });
        };
        let kind = EventKind::from_name(&name);
        let document: Arc<str> = Arc::from(text);
        let data = envelope.data.map_or(EventData::Other(Value::Null), |raw| {
            typed_data(&kind, raw, &document)
        });
        Ok(Self {
            id,
            name,
            org: envelope.org,
            org_name: envelope.org_name,
            partition: envelope.partition,
            created_at: envelope.created_at,
            changes: envelope.changes.map(changes).unwrap_or_default(),
            data,
            persist: envelope.persist,
            client: envelope.client,
            data_id: envelope.data_id,
            meta: envelope.meta,
        })
    }

    /// The kind of event, from its name.
    pub fn kind(&self) -> EventKind {
        EventKind::from_name(&self.name)
    }
}

/// The data as its family's model; a data that does not read as one is kept as JSON.
fn typed_data(kind: &EventKind, raw: &RawValue, document: &Arc<str>) -> EventData {
    fn read<T: DeserializeOwned + FromDocument>(raw: &RawValue, document: &Arc<str>) -> Option<T> {
        let mut model: T =
            serde_json::from_str::<crate::protocol::lenient::ObjectOnly<T>>(raw.get())
                .ok()?
                .0;
        // `data` of the envelope: the model's raw attributes are reachable as for a GET.
        model.attach(crate::protocol::document::RawSource::document(document));
        Some(model)
    }
    let typed = match kind {
        EventKind::ConversationCreate | EventKind::ConversationUpdate => {
            read(raw, document).map(|r| EventData::Conversation(Box::new(r)))
        }
        EventKind::CustomerCreate | EventKind::CustomerUpdate => {
            read(raw, document).map(|r| EventData::Customer(Box::new(r)))
        }
        EventKind::MessageCreate | EventKind::MessageUpdate => {
            read(raw, document).map(|r| EventData::Message(Box::new(r)))
        }
        EventKind::TeamCreate | EventKind::TeamUpdate => {
            read(raw, document).map(|r| EventData::Team(Box::new(r)))
        }
        EventKind::UserCreate | EventKind::UserUpdate => {
            read(raw, document).map(|r| EventData::User(Box::new(r)))
        }
        EventKind::Other(_) => None,
    };
    typed
        .unwrap_or_else(|| EventData::Other(serde_json::from_str(raw.get()).unwrap_or(Value::Null)))
}

/// `changes` read leniently: an attribute whose change is not an object is left out.
fn changes(value: Value) -> Changes {
    let Value::Object(mut map) = value else {
        return Changes::default();
    };
    let attributes = match map.remove("attributes") {
        Some(Value::Object(attributes)) => attributes
            .into_iter()
            .filter_map(|(name, change)| {
                let Value::Object(mut change) = change else {
                    return None;
                };
                let op = match change.get("op").and_then(Value::as_str) {
                    Some("replace") => ChangeOp::Replace,
                    Some("add") => ChangeOp::Add,
                    Some("remove") => ChangeOp::Remove,
                    other => ChangeOp::Other(other.unwrap_or_default().to_owned()),
                };
                let before = change.remove("before").filter(|v| !v.is_null());
                let after = change.remove("after").filter(|v| !v.is_null());
                Some((name, Change { op, before, after }))
            })
            .collect(),
        _ => BTreeMap::new(),
    };
    let relationships = match map.remove("relationships") {
        Some(Value::Object(relationships)) => relationships,
        _ => Map::new(),
    };
    Changes {
        attributes,
        relationships,
    }
}
