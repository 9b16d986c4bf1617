//! The org's catalog resources: tags, shortcuts, brands, and the org itself.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::families::models::resource_model::resource_model;
use crate::generic::resource::BasicRelationships;
use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;

resource_model!(
    /// A tag. A conversation's `tags` hold tag IDs; a tag names one.
    ///
    /// ```
    /// # let body = br##"{"data":{"type":"tag","id":"58224d97d4e96711004ecc56","attributes":{"name":"vip","color":"#ff0000"}}}"##;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, tags::GetTag};
    ///
    /// let tag = GetTag::new("58224d97d4e96711004ecc56").parse(response)?;
    /// assert_eq!(tag.attributes.name.as_deref(), Some("vip"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Tag, TagAttributes, BasicRelationships
);

/// The attributes of a tag.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct TagAttributes {
    /// The name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// The color.
    #[serde(deserialize_with = "lenient::scalar")]
    pub color: Option<String>,
    /// Whether it is deleted.
    #[serde(deserialize_with = "lenient::scalar")]
    pub deleted: Option<bool>,
    /// When it was deleted.
    #[serde(deserialize_with = "lenient::scalar")]
    pub deleted_at: Option<DateTime>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}

resource_model!(
    /// A shortcut: a saved reply agents insert into messages.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"shortcut","id":"5e0f779ed95b430019b57716","attributes":{"name":"refund","draft":{"text":"Your refund is on its way."}}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, shortcuts::GetShortcut};
    ///
    /// let shortcut = GetShortcut::new("5e0f779ed95b430019b57716").parse(response)?;
    /// assert_eq!(shortcut.text(), Some("Your refund is on its way."));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Shortcut, ShortcutAttributes, BasicRelationships
);

impl Shortcut {
    /// The text it inserts (`draft.text`).
    pub fn text(&self) -> Option<&str> {
        self.attributes.draft.get("text")?.as_str()
    }
}

/// The attributes of a shortcut.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct ShortcutAttributes {
    /// The name agents type.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// The draft it inserts (`text` ≤ 10,240 characters, and more), as sent.
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub draft: Map<String, Value>,
    /// What else it does (actions), as sent.
    pub payload: Option<Value>,
    /// Whether only its author sees it.
    #[serde(deserialize_with = "lenient::scalar")]
    pub is_private: Option<bool>,
    /// Category IDs.
    #[serde(deserialize_with = "lenient::scalars")]
    pub categories: Vec<String>,
    /// Whether it is deleted.
    #[serde(deserialize_with = "lenient::scalar")]
    pub deleted: Option<bool>,
    /// Revision.
    #[serde(deserialize_with = "lenient::scalar")]
    pub rev: Option<u64>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}

resource_model!(
    /// A brand; every org has a default one.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"brand","id":"5daf7921124be4f2960cb196","attributes":{"name":"default","default":true}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, brands::GetBrand};
    ///
    /// let brand = GetBrand::default_brand().parse(response)?;
    /// assert_eq!(brand.attributes.default, Some(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Brand, BrandAttributes, BasicRelationships
);

/// The attributes of a brand.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct BrandAttributes {
    /// The name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// The icon's URL.
    #[serde(deserialize_with = "lenient::scalar")]
    pub icon_url: Option<String>,
    /// Whether it is the org's default brand.
    #[serde(deserialize_with = "lenient::scalar")]
    pub default: Option<bool>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
    /// When a user last modified it.
    #[serde(deserialize_with = "lenient::scalar")]
    pub modified_at: Option<DateTime>,
}

resource_model!(
    /// A Kustomer org (`GET /orgs/current` is the API key's).
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"org","id":"5d5dae1ccd1e87001a6a7ea4","attributes":{"name":"acme","displayName":"Acme"}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, orgs::GetOrg};
    ///
    /// let org = GetOrg::current().parse(response)?;
    /// assert_eq!(org.attributes.name.as_deref(), Some("acme"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Org, OrgAttributes, BasicRelationships
);

/// The attributes of an org.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct OrgAttributes {
    /// The org's name (its subdomain).
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// The name shown to users.
    #[serde(deserialize_with = "lenient::scalar")]
    pub display_name: Option<String>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}

resource_model!(
    /// A category of shortcuts.
    ///
    /// ```
    /// # let body = br#"{"data":[{"type":"shortcut-category","id":"5e0f779ed95b430019b57720","attributes":{"name":"Billing"}}],"links":{"next":null}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, shortcuts::ListShortcutCategories};
    ///
    /// let page = ListShortcutCategories::new().parse(response)?;
    /// assert_eq!(page.items[0].attributes.name.as_deref(), Some("Billing"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ShortcutCategory, ShortcutCategoryAttributes, BasicRelationships
);

/// The attributes of a shortcut category.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct ShortcutCategoryAttributes {
    /// The name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}
