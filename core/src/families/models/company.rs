//! The company resource.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::families::models::resource_model::resource_model;
use crate::families::models::{Email, Location, Phone, Social, UrlEntry};
use crate::generic::resource::BasicRelationships;
use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;

resource_model!(
    /// A Kustomer company: the organisation customers belong to.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"company","id":"58224b3eaa5f92110005d61e","attributes":{"name":"Acme","tags":["58224d97d4e96711004ecc56"]}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, companies::GetCompany};
    ///
    /// let company = GetCompany::new("58224b3eaa5f92110005d61e").parse(response)?;
    /// assert_eq!(company.attributes.name.as_deref(), Some("Acme"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Company, CompanyAttributes, BasicRelationships
);

/// A company's domain.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Domain {
    /// The domain name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub domain: Option<String>,
}

/// The attributes of a company. Date-times are [`DateTime`]s: the instant, or the text sent when it
/// is none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct CompanyAttributes {
    /// The name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// Your ID for it.
    #[serde(deserialize_with = "lenient::scalar")]
    pub external_id: Option<String>,
    /// Avatar URL.
    #[serde(deserialize_with = "lenient::scalar")]
    pub avatar_url: Option<String>,
    /// Email addresses.
    #[serde(deserialize_with = "lenient::objects")]
    pub emails: Vec<Email>,
    /// Phone numbers.
    #[serde(deserialize_with = "lenient::objects")]
    pub phones: Vec<Phone>,
    /// WhatsApp numbers.
    #[serde(deserialize_with = "lenient::objects")]
    pub whatsapps: Vec<Phone>,
    /// Social handles.
    #[serde(deserialize_with = "lenient::objects")]
    pub socials: Vec<Social>,
    /// Websites.
    #[serde(deserialize_with = "lenient::objects")]
    pub urls: Vec<UrlEntry>,
    /// Domains.
    #[serde(deserialize_with = "lenient::objects")]
    pub domains: Vec<Domain>,
    /// Postal locations.
    #[serde(deserialize_with = "lenient::objects")]
    pub locations: Vec<Location>,
    /// Tag IDs.
    #[serde(deserialize_with = "lenient::scalars")]
    pub tags: Vec<String>,
    /// Custom attributes, by their API name.
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub custom: Map<String, Value>,
    /// Whether it is deleted.
    #[serde(deserialize_with = "lenient::scalar")]
    pub deleted: Option<bool>,
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
}
