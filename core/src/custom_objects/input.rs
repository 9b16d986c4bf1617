//! Request bodies for custom objects and klasses.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::InvalidInput;
use crate::family::Input;
use crate::validation::{
    chars_between, check_custom, check_list_max, check_tags, date_times, max_chars, not_empty,
    one_of,
};

/// A custom object to create (`POST /v1/klasses/{name}`, under a customer, in bulk). Only the
/// fields that are set are sent.
///
/// ```
/// use kustomer::custom_objects::KObjectInput;
///
/// let order = KObjectInput::new("Order #1059").external_id("order-1059").custom_num("totalNum", 64.5);
/// assert_eq!(
///     serde_json::to_string(&order).unwrap(),
///     r#"{"externalId":"order-1059","title":"Order #1059","custom":{"totalNum":64.5}}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KObjectInput {
    /// The customer it belongs to (not under a customer, where the path names them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// The company it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Your ID for it, 1 to 256 characters: the key of lookups and upserts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// The title, 1 to 256 characters (required).
    pub title: String,
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
    /// The klass's attributes, by their API name (type suffixes as for customers).
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub custom: Map<String, Value>,
    /// Tags, at most 20.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Creation time to record (imports, RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Import time (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<String>,
}

/// Changes to a custom object (`PUT /v1/klasses/{name}/{id}`, in bulk). Only the fields that
/// are set are sent.
///
/// ```
/// use kustomer::custom_objects::KObjectUpdate;
///
/// let paid = KObjectUpdate::new().custom_str("statusStr", "paid");
/// assert_eq!(serde_json::to_string(&paid).unwrap(), r#"{"custom":{"statusStr":"paid"}}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KObjectUpdate {
    /// Your ID for it, 1 to 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// The title, 1 to 256 characters.
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
    /// The klass's attributes to set.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub custom: Map<String, Value>,
    /// Tags, at most 20.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Creation time to record (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Import time (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<String>,
    /// The revision read: the update is refused (409) if it changed since.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rev: Option<u64>,
}

/// Builders for the `custom` map both inputs carry.
macro_rules! custom_setters {
    ($input:ty) => {
        impl $input {
            /// Sets a text attribute (name ending in `Str`, `Txt` or `Url`).
            #[must_use]
            pub fn custom_str(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
                self.custom.insert(name.into(), Value::String(value.into()));
                self
            }

            /// Sets a number attribute (name ending in `Num`); NaN and infinities are refused
            /// by validation rather than sent as `null`.
            #[must_use]
            pub fn custom_num(mut self, name: impl Into<String>, value: f64) -> Self {
                let value = serde_json::Number::from_f64(value)
                    .map_or_else(|| Value::String(value.to_string()), Value::Number);
                self.custom.insert(name.into(), value);
                self
            }

            /// Sets a boolean attribute (name ending in `Bool`).
            #[must_use]
            pub fn custom_bool(mut self, name: impl Into<String>, value: bool) -> Self {
                self.custom.insert(name.into(), Value::Bool(value));
                self
            }

            /// Sets your ID for it.
            #[must_use]
            pub fn external_id(mut self, id: impl Into<String>) -> Self {
                self.external_id = Some(id.into());
                self
            }
        }
    };
}

custom_setters!(KObjectInput);
custom_setters!(KObjectUpdate);

impl KObjectInput {
    /// A custom object with this title.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            ..Self::default()
        }
    }

    /// Sets the customer it belongs to.
    #[must_use]
    pub fn customer(mut self, id: impl Into<String>) -> Self {
        self.customer = Some(id.into());
        self
    }

    /// The same values as an update (an upsert's second half): what a PUT takes of them.
    pub fn to_update(&self) -> KObjectUpdate {
        KObjectUpdate {
            external_id: self.external_id.clone(),
            title: Some(self.title.clone()),
            description: self.description.clone(),
            images: self.images.clone(),
            icon: self.icon.clone(),
            data: self.data.clone(),
            custom: self.custom.clone(),
            tags: self.tags.clone(),
            created_at: self.created_at.clone(),
            imported_at: self.imported_at.clone(),
            rev: None,
        }
    }
}

impl KObjectUpdate {
    /// An empty update: nothing set, nothing sent.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the title.
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}

/// The limits both share.
#[allow(clippy::too_many_arguments)]
fn check_common(
    external_id: Option<&str>,
    title: Option<&str>,
    description: Option<&str>,
    images: Option<&[String]>,
    icon: Option<&str>,
    custom: &Map<String, Value>,
    tags: Option<&[String]>,
    times: [(&'static str, &Option<String>); 2],
) -> Result<(), InvalidInput> {
    if let Some(id) = external_id {
        chars_between("externalId", id, 1, 256)?;
    }
    if let Some(title) = title {
        chars_between("title", title, 1, 256)?;
    }
    max_chars("description", description, 10_240)?;
    check_list_max("images", images, 20, |url| not_empty("images", url))?;
    max_chars("icon", icon, 64)?;
    check_custom(custom)?;
    check_tags(tags)?;
    date_times(&times)
}

impl Input for KObjectInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        check_common(
            self.external_id.as_deref(),
            Some(&self.title),
            self.description.as_deref(),
            self.images.as_deref(),
            self.icon.as_deref(),
            &self.custom,
            self.tags.as_deref(),
            [
                ("createdAt", &self.created_at),
                ("importedAt", &self.imported_at),
            ],
        )
    }
}

impl Input for KObjectUpdate {
    fn validate(&self) -> Result<(), InvalidInput> {
        check_common(
            self.external_id.as_deref(),
            self.title.as_deref(),
            self.description.as_deref(),
            self.images.as_deref(),
            self.icon.as_deref(),
            &self.custom,
            self.tags.as_deref(),
            [
                ("createdAt", &self.created_at),
                ("importedAt", &self.imported_at),
            ],
        )
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

    /// Sets the display name.
    #[must_use]
    pub fn display_name(mut self, name: impl Into<String>) -> Self {
        self.display_name = Some(name.into());
        self
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
