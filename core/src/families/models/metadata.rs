//! Custom-attribute metadata: which custom attributes a resource has, and of what type.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::families::models::resource_model::resource_model;
use crate::generic::resource::BasicRelationships;
use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;

resource_model!(
    /// The custom attributes defined for one resource (`customer`, `conversation`,
    /// `kobject.order`...), from `GET /metadata/{resource}`; its `id` is the resource's name.
    /// Check an attribute exists before writing it with [`Metadata::check_custom`].
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"metadata","id":"customer","attributes":{"properties":{"tierStr":{"type":"string","displayName":"Tier"}}}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, metadata::GetMetadata};
    ///
    /// let metadata = GetMetadata::new("customer").parse(response)?;
    /// assert_eq!(metadata.property("tierStr").and_then(|p| p.display_name.as_deref()), Some("Tier"));
    /// assert!(metadata.property("planStr").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Metadata, MetadataAttributes, BasicRelationships
);

impl Metadata {
    /// The definition of custom attribute `name`, if the resource has one.
    pub fn property(&self, name: &str) -> Option<&AttributeDefinition> {
        self.attributes.properties.get(name)
    }

    /// Checks that every key of `custom` is a defined custom attribute of this resource, before
    /// a write that would otherwise be refused (or, for an undefined name, silently kept apart).
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"metadata","id":"kobject.order","attributes":{"properties":{"totalNum":{"type":"number"}}}}}"#;
    /// # let metadata: kustomer::models::Metadata = kustomer::Operation::parse(&kustomer::metadata::GetMetadata::new("kobject.order"), http::Response::new(body.to_vec()))?;
    /// let mut custom = serde_json::Map::new();
    /// custom.insert("totalNum".into(), 12.5.into());
    /// assert!(metadata.check_custom(&custom).is_ok());
    /// custom.insert("totlNum".into(), 1.into());
    /// assert!(metadata.check_custom(&custom).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`InvalidInput`](crate::InvalidInput) naming the first attribute not defined.
    pub fn check_custom(
        &self,
        custom: &Map<String, Value>,
    ) -> Result<(), crate::protocol::error::InvalidInput> {
        match custom
            .keys()
            .find(|k| !self.attributes.properties.contains_key(*k))
        {
            None => Ok(()),
            Some(name) => Err(crate::protocol::error::InvalidInput::new(
                "custom",
                format!(
                    "{:?} is not a custom attribute of {}",
                    crate::protocol::excerpt::excerpt_str(name),
                    crate::protocol::excerpt::excerpt_str(&self.id)
                ),
            )),
        }
    }
}

/// The attributes of a resource's custom-attribute metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct MetadataAttributes {
    /// Custom attributes, by their API name (`tierStr`, `ordersId`).
    #[serde(deserialize_with = "definitions")]
    pub properties: BTreeMap<String, AttributeDefinition>,
    /// Settings of standard attributes, as sent.
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub standard_properties: Map<String, Value>,
    /// Relationship definitions, as sent.
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub relationships: Map<String, Value>,
    /// Validation IDs.
    #[serde(deserialize_with = "lenient::scalars")]
    pub validations: Vec<String>,
}

/// One custom attribute's definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct AttributeDefinition {
    /// `string`, `number`, `boolean`, `date`...
    #[serde(rename = "type", deserialize_with = "lenient::scalar")]
    pub kind: Option<String>,
    /// The name shown to users.
    #[serde(deserialize_with = "lenient::scalar")]
    pub display_name: Option<String>,
    /// The values allowed, when it is a list.
    pub enumeration: Option<Vec<Value>>,
    /// What an ID attribute points to (`kobject.order`).
    #[serde(deserialize_with = "lenient::scalar")]
    pub target: Option<String>,
    /// Whether it holds several values.
    #[serde(deserialize_with = "lenient::scalar")]
    pub multi: Option<bool>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}

/// Each definition read leniently: one that is not an object reads as an empty definition, so
/// the attribute is still known to exist.
fn definitions<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, AttributeDefinition>, D::Error> {
    let raw: Map<String, Value> = lenient::object_or_default(d)?;
    Ok(raw
        .into_iter()
        .map(|(name, value)| (name, serde_json::from_value(value).unwrap_or_default()))
        .collect())
}
