//! Request bodies for custom objects and klasses.

use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::generic::family::Input;
use crate::protocol::date_time;
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{
    chars_between, check_custom, check_list_max, check_tags, max_chars, not_empty, one_of,
};

/// A custom object to create (`POST /v1/klasses/{name}`, under a customer, in bulk) or changes
/// to one (`PUT /v1/klasses/{name}/{id}`, in bulk). Only the fields that are set are sent; each
/// operation checks that it takes them (a create needs a title, an update names no customer).
///
/// ```
/// use kustomer::custom_objects::KObjectInput;
///
/// let order = KObjectInput::new("Order #1059").external_id("order-1059").custom_num("totalNum", 64.5);
/// assert_eq!(
///     serde_json::to_string(&order).unwrap(),
///     r#"{"externalId":"order-1059","title":"Order #1059","custom":{"totalNum":64.5}}"#
/// );
/// let paid = KObjectInput::update().custom_str("statusStr", "paid");
/// assert_eq!(serde_json::to_string(&paid).unwrap(), r#"{"custom":{"statusStr":"paid"}}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct KObjectInput {
    /// The customer it belongs to (creates only; not under a customer, where the path names
    /// them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// The company it belongs to (creates only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Your ID for it, 1 to 256 characters: the key of lookups and upserts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// The title, 1 to 256 characters (required to create).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The description, at most 10,240 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Image URLs, at most 20, unique.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub images: Option<Vec<String>>,
    /// The icon's name, at most 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    /// Free-form data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Map<String, Value>>,
    /// The klass's attributes, by their API name (type suffixes as for customers); an update
    /// sets those it names.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub custom: Map<String, Value>,
    /// Tags, at most 20.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Creation time to record (imports, RFC 3339; not taken by a bulk update).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub created_at: Option<Timestamp>,
    /// Import time (RFC 3339; not taken by a bulk update).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub imported_at: Option<Timestamp>,
    /// The revision read (updates only): refused (409) if it changed since.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rev: Option<u64>,
}

impl KObjectInput {
    /// A custom object with this title.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: Some(title.into()),
            ..Self::default()
        }
    }

    /// An update: nothing set, nothing sent.
    pub fn update() -> Self {
        Self::default()
    }
}

impl Input for KObjectInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        if let Some(id) = &self.external_id {
            chars_between("externalId", id, 1, 256)?;
        }
        if let Some(title) = &self.title {
            chars_between("title", title, 1, 256)?;
        }
        max_chars("description", self.description.as_deref(), 10_240)?;
        check_list_max("images", self.images.as_deref(), 20, |url| {
            not_empty("images", url)
        })?;
        max_chars("icon", self.icon.as_deref(), 64)?;
        check_custom(&self.custom)?;
        check_tags(self.tags.as_deref())
    }
}

/// A klass to create (`POST /v1/klasses`), or, without `name`, changes to one
/// (`PUT /v1/klasses/{id}`: a klass keeps its name). Only the fields that are set are sent.
///
/// ```
/// use kustomer::custom_objects::KlassInput;
///
/// let order = KlassInput::new("order").display_name("Order");
/// assert_eq!(serde_json::to_string(&order).unwrap(), r#"{"name":"order","displayName":"Order"}"#);
/// assert!(KlassInput::new("an order").validate_name().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct KlassInput {
    /// The name used in paths and types: letters, digits, `_` and `-`, at most 255 (required
    /// to create, not taken by an update).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The name shown to users, at most 255 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The icon's name, at most 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    /// The color, at most 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// The JSON schema of its objects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<Value>,
    /// `task` for a task klass.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub klass_schema: Option<String>,
    /// Behaviours: `commentable`, `assignable`, `editable`, `creatable`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mixins: Option<Vec<String>>,
    /// `enabled` or `disabled`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

impl KlassInput {
    /// A klass named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: Some(name.into()),
            ..Self::default()
        }
    }

    /// An update: nothing set, nothing sent.
    pub fn update() -> Self {
        Self::default()
    }

    /// Checks the name against the API's pattern (`^[0-9a-zA-Z_-]+$`, at most 255).
    ///
    /// # Errors
    /// [`InvalidInput`] for `name`.
    pub fn validate_name(&self) -> Result<(), InvalidInput> {
        let Some(name) = &self.name else {
            return Ok(());
        };
        chars_between("name", name, 1, 255)?;
        if !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return Err(InvalidInput::new(
                "name",
                "holds characters other than letters, digits, '_' and '-'",
            ));
        }
        Ok(())
    }
}

impl Input for KlassInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        self.validate_name()?;
        max_chars("displayName", self.display_name.as_deref(), 255)?;
        max_chars("icon", self.icon.as_deref(), 64)?;
        max_chars("color", self.color.as_deref(), 64)?;
        one_of("klassSchema", self.klass_schema.as_deref(), &["task"])?;
        one_of("status", self.status.as_deref(), &["enabled", "disabled"])?;
        let mixins = ["commentable", "assignable", "editable", "creatable"];
        check_list_max("mixins", self.mixins.as_deref(), mixins.len(), |m| {
            one_of("mixins", Some(m), &mixins)
        })
    }
}

crate::generic::ops::helpers::setters!(KObjectInput {
    #[doc = "Sets the title."]
    title: opt String,
    #[doc = "Sets the customer it belongs to."]
    customer: opt String,
    #[doc = "Sets your ID for it."]
    external_id: opt String,
    #[doc = "Sets `company`: the company it belongs to (creates only)."]
    company: opt String,
    #[doc = "Sets `description`: the description, at most 10,240 characters."]
    description: opt String,
    #[doc = "Sets `images`: image URLs, at most 20, unique."]
    images: opt Vec<String>,
    #[doc = "Sets `icon`: the icon's name, at most 64 characters."]
    icon: opt String,
    #[doc = "Sets `data`: free-form data."]
    data: opt Map<String, Value>,
    #[doc = "Sets `custom`: the klass's attributes, by their API name (type suffixes as for customers); an update."]
    custom: set Map<String, Value>,
    #[doc = "Sets `tags`: tags, at most 20."]
    tags: opt Vec<String>,
    #[doc = "Sets `created_at`: creation time to record (imports, RFC 3339; not taken by a bulk update)."]
    created_at: at Timestamp,
    #[doc = "Sets `imported_at`: import time (RFC 3339; not taken by a bulk update)."]
    imported_at: at Timestamp,
    #[doc = "Sets `rev`: the revision read (updates only): refused (409) if it changed since."]
    rev: num u64,
});

crate::generic::ops::helpers::setters!(KlassInput {
    #[doc = "Sets the display name."]
    display_name: opt String,
    #[doc = "Sets `name`: the name used in paths and types: letters, digits, `_` and `-`, at most 255 (required."]
    name: opt String,
    #[doc = "Sets `icon`: the icon's name, at most 64 characters."]
    icon: opt String,
    #[doc = "Sets `color`: the color, at most 64 characters."]
    color: opt String,
    #[doc = "Sets `json_schema`: the JSON schema of its objects."]
    json_schema: opt Value,
    #[doc = "Sets `klass_schema`: `task` for a task klass."]
    klass_schema: opt String,
    #[doc = "Sets `mixins`: behaviours: `commentable`, `assignable`, `editable`, `creatable`."]
    mixins: opt Vec<String>,
    #[doc = "Sets `status`: `enabled` or `disabled`."]
    status: opt String,
});

crate::generic::ops::helpers::custom_setters!(KObjectInput);
