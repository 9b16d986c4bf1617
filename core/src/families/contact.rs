//! Contact details customers, companies and tracked visitors share (emails, phones, social
//! profiles, web addresses, postal locations), and their documented limits.

use serde::Serialize;

use crate::families::models::vocabulary::ContactKind::{
    self, Blog, Fax, Home, Mobile, OtherKind, Website, Work,
};
use crate::families::models::vocabulary::SocialNetwork;
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{self, chars_between, check_list, max_chars, not_empty};

/// An email address to send.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct EmailInput {
    /// The address.
    pub email: String,
    /// Home, work or other.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<ContactKind>,
    /// Whether it is verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
}

/// A phone number (E.164) to send; also for WhatsApp numbers (`kind` `mobile`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PhoneInput {
    /// The number, e.g. `+15555550123`.
    pub phone: String,
    /// Mobile, home, work, fax or other (WhatsApp numbers: mobile).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<ContactKind>,
    /// Whether it is verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
}

/// A social profile to send: a network and a handle.
///
/// ```
/// use kustomer::{customers::SocialInput, models::SocialNetwork};
///
/// let profile = SocialInput::new(SocialNetwork::Linkedin, "ada-l");
/// assert_eq!(serde_json::to_value(&profile)?, serde_json::json!({"type": "linkedin", "username": "ada-l"}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SocialInput {
    /// The network.
    #[serde(rename = "type")]
    pub kind: SocialNetwork,
    /// The handle, 1 to 256 characters.
    pub username: String,
    /// The network's user ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub userid: Option<String>,
    /// Profile URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Whether it is verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
}

/// A web address to send.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UrlInput {
    /// The URL.
    pub url: String,
    /// Website, blog or other.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<ContactKind>,
}

/// A postal location to send.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LocationInput {
    /// Home, work or other.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<ContactKind>,
    /// A label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Address line 1, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Address line 2, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address2: Option<String>,
    /// Address line 3, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address3: Option<String>,
    /// Latitude.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// Longitude.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    /// ISO country code, 2 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// Country name, at most 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_name: Option<String>,
    /// Region code, at most 2 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_code: Option<String>,
    /// Region name, at most 128 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
    /// City, at most 128 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city_name: Option<String>,
    /// Postal code, at most 30 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zip_code: Option<String>,
    /// Area code, at most 30 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area_code: Option<String>,
}

// The contact lists as the spec limits them.

/// A kind this version knows must be one the list takes; one it does not know is sent as named.
fn kind_in(
    what: &'static str,
    kind: Option<&ContactKind>,
    allowed: &[ContactKind],
) -> Result<(), InvalidInput> {
    match kind {
        Some(kind) if kind.is_known() && !allowed.contains(kind) => Err(InvalidInput::new(
            what,
            format!(
                "a {kind} entry is not one this list takes ({})",
                allowed
                    .iter()
                    .map(ContactKind::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
        _ => Ok(()),
    }
}

pub(crate) fn check_emails(
    what: &'static str,
    list: &Option<Vec<EmailInput>>,
) -> Result<(), InvalidInput> {
    check_list(what, list.as_deref(), |item| {
        not_empty(what, &item.email)?;
        kind_in(what, item.kind.as_ref(), &[Home, Work, OtherKind])
    })
}

pub(crate) fn check_phones(
    what: &'static str,
    list: &Option<Vec<PhoneInput>>,
) -> Result<(), InvalidInput> {
    check_list(what, list.as_deref(), |item| {
        not_empty(what, &item.phone)?;
        kind_in(
            what,
            item.kind.as_ref(),
            &[Mobile, Home, Work, Fax, OtherKind],
        )
    })
}

pub(crate) fn check_whatsapps(list: &Option<Vec<PhoneInput>>) -> Result<(), InvalidInput> {
    check_list("whatsapps", list.as_deref(), |item| {
        not_empty("whatsapps", &item.phone)?;
        kind_in("whatsapps", item.kind.as_ref(), &[Mobile])
    })
}

pub(crate) fn check_socials(
    what: &'static str,
    list: &Option<Vec<SocialInput>>,
) -> Result<(), InvalidInput> {
    check_list(what, list.as_deref(), |item| {
        chars_between(what, &item.username, 1, 256)?;
        max_chars(what, item.userid.as_deref(), 256)
    })
}

pub(crate) fn check_urls(list: &Option<Vec<UrlInput>>) -> Result<(), InvalidInput> {
    check_list("urls", list.as_deref(), |item| {
        not_empty("urls", &item.url)?;
        kind_in("urls", item.kind.as_ref(), &[Website, Blog, OtherKind])
    })
}

impl LocationInput {
    pub(crate) fn validate(&self) -> Result<(), InvalidInput> {
        kind_in("locations", self.kind.as_ref(), &[Home, Work, OtherKind])?;
        for (text, max) in [
            (&self.address, 256),
            (&self.address2, 256),
            (&self.address3, 256),
            (&self.country_name, 64),
            (&self.region_code, 2),
            (&self.region_name, 128),
            (&self.city_name, 128),
            (&self.zip_code, 30),
            (&self.area_code, 30),
        ] {
            max_chars("locations", text.as_deref(), max)?;
        }
        if let Some(code) = &self.country_code {
            chars_between("locations", code, 2, 2)?;
        }
        for (value, limit) in [(self.latitude, 90.0), (self.longitude, 180.0)] {
            if let Some(value) = value {
                validation::finite("locations", value)?;
                if value.abs() > limit {
                    return Err(InvalidInput::new(
                        "locations",
                        format!("{value} is not a latitude or longitude"),
                    ));
                }
            }
        }
        Ok(())
    }
}

crate::generic::ops::helpers::setters!(EmailInput {
    #[doc = "Sets `email`: the address."]
    email: set String,
    #[doc = "Sets `kind`: home, work or other."]
    kind: num ContactKind,
    #[doc = "Sets `verified`: whether it is verified."]
    verified: num bool,
});

crate::generic::ops::helpers::setters!(LocationInput {
    #[doc = "Sets `kind`: home, work or other."]
    kind: num ContactKind,
    #[doc = "Sets `name`: a label."]
    name: opt String,
    #[doc = "Sets `address`: address line 1, at most 256 characters."]
    address: opt String,
    #[doc = "Sets `address2`: address line 2, at most 256 characters."]
    address2: opt String,
    #[doc = "Sets `address3`: address line 3, at most 256 characters."]
    address3: opt String,
    #[doc = "Sets `latitude`: latitude."]
    latitude: num f64,
    #[doc = "Sets `longitude`: longitude."]
    longitude: num f64,
    #[doc = "Sets `country_code`: iSO country code, 2 characters."]
    country_code: opt String,
    #[doc = "Sets `country_name`: country name, at most 64 characters."]
    country_name: opt String,
    #[doc = "Sets `region_code`: region code, at most 2 characters."]
    region_code: opt String,
    #[doc = "Sets `region_name`: region name, at most 128 characters."]
    region_name: opt String,
    #[doc = "Sets `city_name`: city, at most 128 characters."]
    city_name: opt String,
    #[doc = "Sets `zip_code`: postal code, at most 30 characters."]
    zip_code: opt String,
    #[doc = "Sets `area_code`: area code, at most 30 characters."]
    area_code: opt String,
});

crate::generic::ops::helpers::setters!(PhoneInput {
    #[doc = "Sets `phone`: the number, e.g. `+15555550123`."]
    phone: set String,
    #[doc = "Sets `kind`: mobile, home, work, fax or other (WhatsApp numbers: mobile)."]
    kind: num ContactKind,
    #[doc = "Sets `verified`: whether it is verified."]
    verified: num bool,
});

impl SocialInput {
    /// The profile `username` (1 to 256 characters) on `network`.
    pub fn new(network: SocialNetwork, username: impl Into<String>) -> Self {
        Self {
            kind: network,
            username: username.into(),
            userid: None,
            url: None,
            verified: None,
        }
    }
}

crate::generic::ops::helpers::setters!(SocialInput {
    #[doc = "Sets `kind`: the network."]
    kind: val SocialNetwork,
    #[doc = "Sets `username`: the handle, 1 to 256 characters."]
    username: set String,
    #[doc = "Sets `userid`: the network's user ID."]
    userid: opt String,
    #[doc = "Sets `url`: profile URL."]
    url: opt String,
    #[doc = "Sets `verified`: whether it is verified."]
    verified: num bool,
});

crate::generic::ops::helpers::setters!(UrlInput {
    #[doc = "Sets `url`: the URL."]
    url: set String,
    #[doc = "Sets `kind`: website, blog or other."]
    kind: num ContactKind,
});
