//! JSON:API pieces shared by every resource: links and relationships.

use serde::{Deserialize, Serialize};

use crate::protocol::lenient;

/// A resource's own link (`links.self`), a path relative to the host.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ResourceLinks {
    /// `self`: the resource's path, e.g. `/v1/customers/58210c3db0f09110006b7953`.
    #[serde(rename = "self", deserialize_with = "lenient::scalar")]
    pub self_link: Option<String>,
}

/// The links of a relationship.
pub type RelationshipLinks = ResourceLinks;

/// A reference to another resource (`{type, id}`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ResourceRef {
    /// The resource type (`type`), e.g. `org` or `user`.
    #[serde(rename = "type", deserialize_with = "lenient::scalar")]
    pub kind: Option<String>,
    /// The resource ID.
    #[serde(deserialize_with = "lenient::scalar")]
    pub id: Option<String>,
}

/// One relationship of a resource: links, and the related resource when the API names it.
/// Real bodies come as `{links, data}`, `{links}`, `{data}`, `{links, meta}` (custom objects), and
/// `{link, data}` (a custom object's klass, with a singular `link`); the `type` of `data` is not
/// to be trusted (a message's customer says `customers`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Relationship {
    /// `links.self` of the related resource or collection.
    #[serde(deserialize_with = "lenient::object")]
    pub links: Option<RelationshipLinks>,
    /// The singular `link` some relationships carry instead of `links`.
    #[serde(
        deserialize_with = "lenient::object",
        skip_serializing_if = "Option::is_none"
    )]
    pub link: Option<RelationshipLinks>,
    /// The related resource, when given.
    #[serde(deserialize_with = "lenient::object")]
    pub data: Option<ResourceRef>,
    /// Extra information (e.g. `{"kobject": true}`), as sent.
    pub meta: Option<serde_json::Value>,
}

impl Relationship {
    /// The related record's ID, when the relationship names one.
    pub fn id(&self) -> Option<&str> {
        self.data.as_ref()?.id.as_deref()
    }

    /// The related resource's path, from `links` or `link`.
    pub fn self_link(&self) -> Option<&str> {
        self.links
            .as_ref()
            .or(self.link.as_ref())?
            .self_link
            .as_deref()
    }
}

/// Any Kustomer resource, typed loosely: `{type, id, attributes, relationships, links}` with the
/// attributes and relationships kept as JSON. Used for sub-resources whose shape the API does not
/// pin down (conversations, messages, notes, custom objects, merges, bulk jobs' batches).
///
/// ```
/// let resource: kustomer::models::Resource = serde_json::from_str(
///     r#"{"type":"note","id":"n1","attributes":{"body":"Called back"}}"#,
/// )?;
/// assert_eq!(resource.attributes["body"], "Called back");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Resource {
    /// The resource ID.
    #[serde(deserialize_with = "lenient::scalar")]
    pub id: Option<String>,
    /// The resource type (`type`).
    #[serde(rename = "type", deserialize_with = "lenient::scalar")]
    pub kind: Option<String>,
    /// The attributes, as sent.
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub attributes: serde_json::Map<String, serde_json::Value>,
    /// The relationships, as sent.
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub relationships: serde_json::Map<String, serde_json::Value>,
    /// The resource's own link.
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub links: ResourceLinks,
}

impl crate::generic::family::sealed::FromDocument for Resource {}

impl crate::protocol::page::Record for Resource {
    fn record_id(&self) -> Option<&str> {
        self.id.as_deref()
    }
}

/// The relationships most resources have: the org, and the users who created and last
/// modified the record. Any of them may be absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct BasicRelationships {
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
