//! Request bodies for creating and updating companies.

use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::families::contact::{
    EmailInput, LocationInput, PhoneInput, SocialInput, UrlInput, check_emails, check_phones,
    check_socials, check_urls, check_whatsapps,
};
use crate::generic::family::Input;
use crate::protocol::date_time;
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{
    chars_between, check_custom, check_list, check_tags, finite, max_chars, not_empty,
};

/// A company's domain to send.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DomainInput {
    /// The domain name (`example.com`).
    pub domain: String,
}

/// A company to create or update (`POST /v1/companies`, `PUT /v1/companies/{id}`, in bulk).
/// Only the fields that are set are sent.
///
/// ```
/// use kustomer::companies::CompanyInput;
///
/// let acme = CompanyInput::new().name("Acme Inc").domain("acme.example");
/// assert_eq!(
///     serde_json::to_string(&acme).unwrap(),
///     r#"{"name":"Acme Inc","domains":[{"domain":"acme.example"}]}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CompanyInput {
    /// The name, 3 to 256 characters (required to create).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Your ID for it, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Avatar URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
    /// Email addresses, at most 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emails: Option<Vec<EmailInput>>,
    /// Phone numbers, at most 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phones: Option<Vec<PhoneInput>>,
    /// WhatsApp numbers, at most 10 (not taken by a bulk update).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub whatsapps: Option<Vec<PhoneInput>>,
    /// Social handles, at most 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub socials: Option<Vec<SocialInput>>,
    /// Websites, at most 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub urls: Option<Vec<UrlInput>>,
    /// Domains, at most 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domains: Option<Vec<DomainInput>>,
    /// Postal locations, at most 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locations: Option<Vec<LocationInput>>,
    /// Number of employees.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employee_count: Option<f64>,
    /// Tags, at most 20.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Custom attributes, by their API name.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub custom: Map<String, Value>,
    /// Default language, at most 100 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_lang: Option<String>,
    /// Creation time to record (creates only).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub created_at: Option<Timestamp>,
    /// Import time (creates only).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub imported_at: Option<Timestamp>,
    /// The revision read: an update is refused (409) if it changed since.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rev: Option<u64>,
    /// Marks it deleted (updates only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

impl CompanyInput {
    /// An empty input: nothing set, nothing sent.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a domain.
    #[must_use]
    pub fn domain(mut self, domain: impl Into<String>) -> Self {
        self.domains.get_or_insert_with(Vec::new).push(DomainInput {
            domain: domain.into(),
        });
        self
    }

    /// Adds a tag.
    #[must_use]
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tags.get_or_insert_with(Vec::new).push(tag.into());
        self
    }
}

impl Input for CompanyInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        if let Some(name) = &self.name {
            chars_between("name", name, 3, 256)?;
        }
        max_chars("externalId", self.external_id.as_deref(), 256)?;
        max_chars("defaultLang", self.default_lang.as_deref(), 100)?;
        check_emails("emails", &self.emails)?;
        check_phones("phones", &self.phones)?;
        check_whatsapps(&self.whatsapps)?;
        check_socials("socials", &self.socials)?;
        check_urls(&self.urls)?;
        check_list("domains", self.domains.as_deref(), |d| {
            not_empty("domains", &d.domain)
        })?;
        check_list(
            "locations",
            self.locations.as_deref(),
            LocationInput::validate,
        )?;
        if let Some(count) = self.employee_count {
            finite("employeeCount", count)?;
        }
        check_tags(self.tags.as_deref())?;
        check_custom(&self.custom)
    }
}

crate::generic::ops::helpers::setters!(CompanyInput {
    #[doc = "Sets the name."]
    name: opt String,
    #[doc = "Sets your ID for it."]
    external_id: opt String,
    #[doc = "Sets `avatar_url`: avatar URL."]
    avatar_url: opt String,
    #[doc = "Sets `emails`: email addresses, at most 10."]
    emails: opt Vec<EmailInput>,
    #[doc = "Sets `phones`: phone numbers, at most 10."]
    phones: opt Vec<PhoneInput>,
    #[doc = "Sets `whatsapps`: whatsApp numbers, at most 10 (not taken by a bulk update)."]
    whatsapps: opt Vec<PhoneInput>,
    #[doc = "Sets `socials`: social handles, at most 10."]
    socials: opt Vec<SocialInput>,
    #[doc = "Sets `urls`: websites, at most 10."]
    urls: opt Vec<UrlInput>,
    #[doc = "Sets `domains`: domains, at most 10."]
    domains: opt Vec<DomainInput>,
    #[doc = "Sets `locations`: postal locations, at most 10."]
    locations: opt Vec<LocationInput>,
    #[doc = "Sets `employee_count`: number of employees."]
    employee_count: num f64,
    #[doc = "Sets `tags`: tags, at most 20."]
    tags: opt Vec<String>,
    #[doc = "Sets `custom`: custom attributes, by their API name."]
    custom: set Map<String, Value>,
    #[doc = "Sets `default_lang`: default language, at most 100 characters."]
    default_lang: opt String,
    #[doc = "Sets `created_at`: creation time to record (creates only)."]
    created_at: at Timestamp,
    #[doc = "Sets `imported_at`: import time (creates only)."]
    imported_at: at Timestamp,
    #[doc = "Sets `rev`: the revision read: an update is refused (409) if it changed since."]
    rev: num u64,
    #[doc = "Sets `deleted`: marks it deleted (updates only)."]
    deleted: num bool,
});

crate::generic::ops::helpers::setters!(DomainInput {
    #[doc = "Sets `domain`: the domain name (`example.com`)."]
    domain: set String,
});

crate::generic::ops::helpers::custom_setters!(CompanyInput);
