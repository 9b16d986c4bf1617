//! Custom objects (KObjects) and the klasses that define them.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::families::models::resource_model::resource_model;
use crate::generic::resource::Relationship;
use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;

resource_model!(
    /// A Kustomer custom object (KObject): one record of a klass such as `order`. Its `type`
    /// is `kobject.<klass>`; its own attributes are the klass's, in the typed
    /// [`custom`](KObjectAttributes::custom) map (read them by type with
    /// [`CustomFields`](crate::models::CustomFields)), beside the free-form
    /// [`data`](KObjectAttributes::data) object.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"kobject.order","id":"5826ab180fcc2514008b2a94","attributes":{"title":"Order #1059","custom":{"totalPriceNum":64.67}}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, custom_objects::GetKObject, models::CustomFields};
    ///
    /// let order = GetKObject::within("order", "5826ab180fcc2514008b2a94").parse(response)?;
    /// assert_eq!(order.klass(), Some("order"));
    /// assert_eq!(order.attributes.custom.num("totalPriceNum"), Some(64.67));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    KObject, KObjectAttributes, KObjectRelationships
);

impl KObject {
    /// The klass name, from `type` (`kobject.order` is an `order`).
    pub fn klass(&self) -> Option<&str> {
        self.kind.as_deref()?.strip_prefix("kobject.")
    }

    /// The ID of the customer it belongs to.
    pub fn customer_id(&self) -> Option<&str> {
        self.relationships.customer.as_ref()?.id()
    }

    /// The ID of the company it belongs to.
    pub fn company_id(&self) -> Option<&str> {
        self.relationships.company.as_ref()?.id()
    }
}

/// A custom object's relationships; the klass's own relationships (`{links, meta: {kobject:
/// true}}`) are in the raw document. Any of them may be absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct KObjectRelationships {
    /// The klass, as `{link, data}` (a singular `link`).
    #[serde(deserialize_with = "lenient::object")]
    pub klass: Option<Relationship>,
    /// The customer it belongs to.
    #[serde(deserialize_with = "lenient::object")]
    pub customer: Option<Relationship>,
    /// The company it belongs to.
    #[serde(deserialize_with = "lenient::object")]
    pub company: Option<Relationship>,
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

/// The attributes of a custom object. Timestamps are RFC 3339 strings as sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct KObjectAttributes {
    /// The title shown in timelines.
    #[serde(deserialize_with = "lenient::scalar")]
    pub title: Option<String>,
    /// The description.
    #[serde(deserialize_with = "lenient::scalar")]
    pub description: Option<String>,
    /// Your ID for it.
    #[serde(deserialize_with = "lenient::scalar")]
    pub external_id: Option<String>,
    /// The icon's name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub icon: Option<String>,
    /// Image URLs.
    #[serde(deserialize_with = "lenient::scalars")]
    pub images: Vec<String>,
    /// The klass's attributes, by their API name (`totalPriceNum`, `orderStatusStr`).
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub custom: Map<String, Value>,
    /// Free-form data, as sent.
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub data: Map<String, Value>,
    /// Tag IDs.
    #[serde(deserialize_with = "lenient::scalars")]
    pub tags: Vec<String>,
    /// Status, for klasses with workflow mixins (`open`, `done`).
    #[serde(deserialize_with = "lenient::scalar")]
    pub status: Option<String>,
    /// The assigned user's ID, for assignable klasses.
    #[serde(deserialize_with = "lenient::scalar")]
    pub assigned_user: Option<String>,
    /// The queue's ID, for routed klasses.
    #[serde(deserialize_with = "lenient::scalar")]
    pub queue: Option<String>,
    /// Revision, incremented on every update.
    #[serde(deserialize_with = "lenient::scalar")]
    pub rev: Option<u64>,
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
}

resource_model!(
    /// A klass: the definition of a kind of custom object (`order`, `subscription`).
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"klass","id":"5826a39b0fcc2514008b2a92","attributes":{"name":"order","displayName":"Order","status":"enabled"}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, custom_objects::GetKlass};
    ///
    /// let klass = GetKlass::new("5826a39b0fcc2514008b2a92").parse(response)?;
    /// assert_eq!(klass.attributes.name.as_deref(), Some("order"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Klass, KlassAttributes, KlassRelationships
);

/// A klass's relationships. Any of them may be absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct KlassRelationships {
    /// The org.
    #[serde(deserialize_with = "lenient::object")]
    pub org: Option<Relationship>,
    /// The klass's objects, as a link.
    #[serde(deserialize_with = "lenient::object")]
    pub kobjects: Option<Relationship>,
    /// The user who created it.
    #[serde(deserialize_with = "lenient::object")]
    pub created_by: Option<Relationship>,
    /// The user who last modified it.
    #[serde(deserialize_with = "lenient::object")]
    pub modified_by: Option<Relationship>,
}

/// The attributes of a klass.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct KlassAttributes {
    /// The name used in paths and types (`order`).
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// The name shown to users.
    #[serde(deserialize_with = "lenient::scalar")]
    pub display_name: Option<String>,
    /// The icon's name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub icon: Option<String>,
    /// The color.
    #[serde(deserialize_with = "lenient::scalar")]
    pub color: Option<String>,
    /// `enabled` or `disabled`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub status: Option<String>,
    /// Behaviours: `commentable`, `assignable`, `editable`, `creatable`.
    #[serde(deserialize_with = "lenient::scalars")]
    pub mixins: Vec<String>,
    /// The klass schema (`task`), when it has one.
    #[serde(deserialize_with = "lenient::scalar")]
    pub klass_schema: Option<String>,
    /// The JSON schema of its objects, as sent.
    pub json_schema: Option<Value>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}
