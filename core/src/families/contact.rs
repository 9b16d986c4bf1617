//! Contact details customers, companies and tracked visitors share (emails, phones, social
//! profiles, web addresses, postal locations), and their documented limits.

use serde::Serialize;

use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{self, chars_between, check_list, max_chars, not_empty, one_of};

/// An email address to send.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct EmailInput {
    /// The address.
    pub email: String,
    /// `home`, `work` or `other`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
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
    /// `mobile`, `home`, `work`, `fax` or `other`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Whether it is verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
}

/// A social profile to send.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SocialInput {
    /// `twitter`, `facebook`, `instagram`, `linkedin` or `pinterest`.
    #[serde(rename = "type")]
    pub kind: String,
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
    /// `website`, `blog` or `other`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// A postal location to send.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LocationInput {
    /// `home`, `work` or `other`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
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

pub(crate) fn check_emails(
    what: &'static str,
    list: &Option<Vec<EmailInput>>,
) -> Result<(), InvalidInput> {
    check_list(what, list.as_deref(), |item| {
        not_empty(what, &item.email)?;
        one_of(what, item.kind.as_deref(), &["home", "work", "other"])
    })
}

pub(crate) fn check_phones(
    what: &'static str,
    list: &Option<Vec<PhoneInput>>,
) -> Result<(), InvalidInput> {
    check_list(what, list.as_deref(), |item| {
        not_empty(what, &item.phone)?;
        one_of(
            what,
            item.kind.as_deref(),
            &["mobile", "home", "work", "fax", "other"],
        )
    })
}

pub(crate) fn check_whatsapps(list: &Option<Vec<PhoneInput>>) -> Result<(), InvalidInput> {
    check_list("whatsapps", list.as_deref(), |item| {
        not_empty("whatsapps", &item.phone)?;
        one_of("whatsapps", item.kind.as_deref(), &["mobile"])
    })
}

pub(crate) fn check_socials(
    what: &'static str,
    list: &Option<Vec<SocialInput>>,
) -> Result<(), InvalidInput> {
    check_list(what, list.as_deref(), |item| {
        let networks = ["twitter", "facebook", "instagram", "linkedin", "pinterest"];
        one_of(what, Some(&item.kind), &networks)?;
        chars_between(what, &item.username, 1, 256)?;
        max_chars(what, item.userid.as_deref(), 256)
    })
}

pub(crate) fn check_urls(list: &Option<Vec<UrlInput>>) -> Result<(), InvalidInput> {
    check_list("urls", list.as_deref(), |item| {
        not_empty("urls", &item.url)?;
        one_of("urls", item.kind.as_deref(), &["website", "blog", "other"])
    })
}

impl LocationInput {
    pub(crate) fn validate(&self) -> Result<(), InvalidInput> {
        one_of(
            "locations",
            self.kind.as_deref(),
            &["home", "work", "other"],
        )?;
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
    #[doc = "Sets `kind`: `home`, `work` or `other`."]
    kind: opt String,
    #[doc = "Sets `verified`: whether it is verified."]
    verified: num bool,
});

crate::generic::ops::helpers::setters!(LocationInput {
    #[doc = "Sets `kind`: `home`, `work` or `other`."]
    kind: opt String,
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
    #[doc = "Sets `kind`: `mobile`, `home`, `work`, `fax` or `other`."]
    kind: opt String,
    #[doc = "Sets `verified`: whether it is verified."]
    verified: num bool,
});

crate::generic::ops::helpers::setters!(SocialInput {
    #[doc = "Sets `kind`: `twitter`, `facebook`, `instagram`, `linkedin` or `pinterest`."]
    kind: set String,
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
    #[doc = "Sets `kind`: `website`, `blog` or `other`."]
    kind: opt String,
});
