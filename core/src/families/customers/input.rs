//! Request bodies for creating and updating customers: only what was set is sent, and the API's
//! documented limits are checked before anything goes out.

use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::families::contact::{
    EmailInput, LocationInput, PhoneInput, SocialInput, UrlInput, check_emails, check_phones,
    check_socials, check_urls, check_whatsapps,
};
use crate::families::models::vocabulary::Gender;
use crate::protocol::date_time;
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{
    chars_between, check_count, check_custom, check_list, check_tag, check_unique, max_chars,
};

/// Attributes of a customer to create or update. Only the fields that are set are sent (the API
/// rejects unknown keys and treats absent ones as "leave alone"); lists are `Option<Vec<_>>` so
/// that `Some(vec![])` can clear one. [`CustomerInput::validate`] checks the documented limits,
/// and every operation that sends one calls it first.
///
/// ```
/// use kustomer::customers::{CustomerInput, EmailInput};
///
/// let input = CustomerInput::new()
///     .name("Ada Lovelace")
///     .external_id("crm-1815")
///     .email("ada@example.com")
///     .tag("vip")
///     .custom_num("ordersNum", 12.0)
///     .custom_bool("newsletterBool", true);
/// input.validate()?;
/// assert_eq!(
///     serde_json::to_value(&input).unwrap(),
///     serde_json::json!({
///         "name": "Ada Lovelace",
///         "externalId": "crm-1815",
///         "emails": [{"email": "ada@example.com"}],
///         "tags": ["vip"],
///         "custom": {"ordersNum": 12.0, "newsletterBool": true}
///     })
/// );
/// # Ok::<(), kustomer::InvalidInput>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CustomerInput {
    /// Full name, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The company's ID. Updating without it unlinks the company.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Your ID for the customer, 1 to 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Username, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// When the customer signed up.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub signed_up_at: Option<Timestamp>,
    /// Last activity.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub last_activity_at: Option<Timestamp>,
    /// Last activity by the customer.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub last_customer_activity_at: Option<Timestamp>,
    /// Last seen.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub last_seen_at: Option<Timestamp>,
    /// Avatar image URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
    /// External IDs (at most 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_ids: Option<Vec<ExternalIdInput>>,
    /// External IDs shared with other customers (at most 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_external_ids: Option<Vec<ExternalIdInput>>,
    /// Email addresses (at most 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emails: Option<Vec<EmailInput>>,
    /// Email addresses shared with other customers (at most 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_emails: Option<Vec<EmailInput>>,
    /// Phone numbers (at most 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phones: Option<Vec<PhoneInput>>,
    /// Phone numbers shared with other customers (at most 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_phones: Option<Vec<PhoneInput>>,
    /// WhatsApp numbers (at most 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub whatsapps: Option<Vec<PhoneInput>>,
    /// Social profiles (at most 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub socials: Option<Vec<SocialInput>>,
    /// Social profiles shared with other customers (at most 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_socials: Option<Vec<SocialInput>>,
    /// Web addresses (at most 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub urls: Option<Vec<UrlInput>>,
    /// Postal locations (at most 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locations: Option<Vec<LocationInput>>,
    /// Locale, e.g. `en_US`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// IANA time zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Tags: at most 20, each 1 to 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Sentiment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<SentimentInput>,
    /// Custom attributes: at most 100, each named with a type suffix (`Str`, `Txt`, `Num`,
    /// `Bool`, `At`, `Url`) and holding a value of that type.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub custom: Map<String, Value>,
    /// Birthday.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub birthday_at: Option<Timestamp>,
    /// `m` or `f`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// Creation time to record (imports).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub created_at: Option<Timestamp>,
    /// Import time.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub imported_at: Option<Timestamp>,
    /// The revision this update is based on: a stale one answers 409
    /// ([`Error::Conflict`](crate::Error::Conflict)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rev: Option<u64>,
    /// Default language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_lang: Option<String>,
}

/// An external ID to send.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ExternalIdInput {
    /// The ID, 1 to 255 characters.
    pub external_id: String,
    /// Whether it is verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
}

/// A sentiment to send: polarity -1, 0 or 1, confidence from -1 to 1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SentimentInput {
    /// -1, 0 or 1.
    pub polarity: i8,
    /// -1 to 1.
    pub confidence: f64,
}

impl CustomerInput {
    /// An empty input: nothing set, nothing sent.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an email address.
    #[must_use]
    pub fn email(mut self, email: impl Into<String>) -> Self {
        self.emails.get_or_insert_with(Vec::new).push(EmailInput {
            email: email.into(),
            ..EmailInput::default()
        });
        self
    }

    /// Adds a phone number (E.164).
    #[must_use]
    pub fn phone(mut self, phone: impl Into<String>) -> Self {
        self.phones.get_or_insert_with(Vec::new).push(PhoneInput {
            phone: phone.into(),
            ..PhoneInput::default()
        });
        self
    }

    /// Adds a tag.
    #[must_use]
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tags.get_or_insert_with(Vec::new).push(tag.into());
        self
    }

    /// The `email` of the first address, the key an upsert looks a customer up by.
    pub fn first_email(&self) -> Option<&str> {
        self.emails.as_ref()?.first().map(|e| e.email.as_str())
    }

    /// Checks the API's documented limits, so that a request that would be refused is never
    /// sent.
    ///
    /// # Errors
    /// [`InvalidInput`] naming the first field over its limit.
    ///
    /// ```
    /// use kustomer::customers::CustomerInput;
    ///
    /// let too_many_tags = (0..21).fold(CustomerInput::new(), |i, n| i.tag(format!("t{n}")));
    /// assert_eq!(too_many_tags.validate().unwrap_err().what(), "tags");
    /// assert!(CustomerInput::new().custom_num("orders", 1.0).validate().is_err()); // no suffix
    /// assert!(CustomerInput::new().custom_str("ordersNum", "x").validate().is_err()); // wrong type
    /// ```
    pub fn validate(&self) -> Result<(), InvalidInput> {
        max_chars("name", self.name.as_deref(), 256)?;
        max_chars("username", self.username.as_deref(), 256)?;
        if let Some(id) = &self.external_id {
            chars_between("externalId", id, 1, 256)?;
        }
        for (what, list) in [
            ("externalIds", &self.external_ids),
            ("sharedExternalIds", &self.shared_external_ids),
        ] {
            check_list(what, list.as_deref(), |item| {
                chars_between(what, &item.external_id, 1, 255)
            })?;
        }
        check_emails("emails", &self.emails)?;
        check_emails("sharedEmails", &self.shared_emails)?;
        check_phones("phones", &self.phones)?;
        check_phones("sharedPhones", &self.shared_phones)?;
        check_whatsapps(&self.whatsapps)?;
        check_socials("socials", &self.socials)?;
        check_socials("sharedSocials", &self.shared_socials)?;
        check_urls(&self.urls)?;
        check_list(
            "locations",
            self.locations.as_deref(),
            LocationInput::validate,
        )?;
        if let Some(tags) = &self.tags {
            check_count("tags", tags.len(), 20)?;
            check_unique("tags", tags)?;
            for tag in tags {
                check_tag(tag)?;
            }
        }
        if let Some(sentiment) = &self.sentiment {
            let polarity_ok = [-1, 0, 1].contains(&sentiment.polarity);
            let confidence_ok = (-1.0..=1.0).contains(&sentiment.confidence);
            if !polarity_ok || !confidence_ok {
                return Err(InvalidInput::new(
                    "sentiment",
                    "polarity must be -1, 0 or 1 and confidence between -1 and 1",
                ));
            }
        }
        check_custom(&self.custom)
    }
}

impl crate::generic::family::Input for CustomerInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        CustomerInput::validate(self)
    }
}

crate::generic::ops::helpers::input_cow!(CustomerInput);

crate::generic::ops::helpers::setters!(CustomerInput {
    #[doc = "Sets the name."]
    name: opt String,
    #[doc = "Sets your ID for the customer."]
    external_id: opt String,
    #[doc = "Sets `company`: the company's ID. Updating without it unlinks the company."]
    company: opt String,
    #[doc = "Sets `username`: username, at most 256 characters."]
    username: opt String,
    #[doc = "Sets `signed_up_at`: when the customer signed up."]
    signed_up_at: at Timestamp,
    #[doc = "Sets `last_activity_at`: last activity."]
    last_activity_at: at Timestamp,
    #[doc = "Sets `last_customer_activity_at`: last activity by the customer."]
    last_customer_activity_at: at Timestamp,
    #[doc = "Sets `last_seen_at`: last seen."]
    last_seen_at: at Timestamp,
    #[doc = "Sets `avatar_url`: avatar image URL."]
    avatar_url: opt String,
    #[doc = "Sets `external_ids`: external IDs (at most 10)."]
    external_ids: opt Vec<ExternalIdInput>,
    #[doc = "Sets `shared_external_ids`: external IDs shared with other customers (at most 10)."]
    shared_external_ids: opt Vec<ExternalIdInput>,
    #[doc = "Sets `emails`: email addresses (at most 10)."]
    emails: opt Vec<EmailInput>,
    #[doc = "Sets `shared_emails`: email addresses shared with other customers (at most 10)."]
    shared_emails: opt Vec<EmailInput>,
    #[doc = "Sets `phones`: phone numbers (at most 10)."]
    phones: opt Vec<PhoneInput>,
    #[doc = "Sets `shared_phones`: phone numbers shared with other customers (at most 10)."]
    shared_phones: opt Vec<PhoneInput>,
    #[doc = "Sets `whatsapps`: whatsApp numbers (at most 10)."]
    whatsapps: opt Vec<PhoneInput>,
    #[doc = "Sets `socials`: social profiles (at most 10)."]
    socials: opt Vec<SocialInput>,
    #[doc = "Sets `shared_socials`: social profiles shared with other customers (at most 10)."]
    shared_socials: opt Vec<SocialInput>,
    #[doc = "Sets `urls`: web addresses (at most 10)."]
    urls: opt Vec<UrlInput>,
    #[doc = "Sets `locations`: postal locations (at most 10)."]
    locations: opt Vec<LocationInput>,
    #[doc = "Sets `locale`: locale, e.g. `en_US`."]
    locale: opt String,
    #[doc = "Sets `time_zone`: iANA time zone."]
    time_zone: opt String,
    #[doc = "Sets `tags`: tags: at most 20, each 1 to 64 characters."]
    tags: opt Vec<String>,
    #[doc = "Sets `sentiment`: sentiment."]
    sentiment: opt SentimentInput,
    #[doc = "Sets `custom`: custom attributes: at most 100, each named with a type suffix (`Str`, `Txt`, `Num`,."]
    custom: set Map<String, Value>,
    #[doc = "Sets `birthday_at`: birthday."]
    birthday_at: at Timestamp,
    #[doc = "Sets `gender`."]
    gender: num Gender,
    #[doc = "Sets `created_at`: creation time to record (imports)."]
    created_at: at Timestamp,
    #[doc = "Sets `imported_at`: import time."]
    imported_at: at Timestamp,
    #[doc = "Sets `rev`: the revision this update is based on: a stale one answers 409."]
    rev: num u64,
    #[doc = "Sets `default_lang`: default language."]
    default_lang: opt String,
});

crate::generic::ops::helpers::setters!(ExternalIdInput {
    #[doc = "Sets `external_id`: the ID, 1 to 255 characters."]
    external_id: set String,
    #[doc = "Sets `verified`: whether it is verified."]
    verified: num bool,
});

crate::generic::ops::helpers::setters!(SentimentInput {
    #[doc = "Sets `polarity`: -1, 0 or 1."]
    polarity: val i8,
    #[doc = "Sets `confidence`: -1 to 1."]
    confidence: val f64,
});

crate::generic::ops::helpers::custom_setters!(CustomerInput);

#[cfg(test)]
mod tests {
    use super::*;

    fn what(input: CustomerInput) -> &'static str {
        input.validate().unwrap_err().what()
    }

    #[test]
    fn unset_fields_are_not_sent() {
        assert_eq!(serde_json::to_string(&CustomerInput::new()).unwrap(), "{}");
        let cleared = CustomerInput {
            emails: Some(vec![]),
            ..CustomerInput::default()
        };
        assert_eq!(serde_json::to_string(&cleared).unwrap(), r#"{"emails":[]}"#);
    }

    #[test]
    fn every_documented_limit_is_checked() {
        assert_eq!(what(CustomerInput::new().name("x".repeat(257))), "name");
        assert!(
            CustomerInput::new()
                .name("é".repeat(256))
                .validate()
                .is_ok()
        );
        assert_eq!(what(CustomerInput::new().external_id("")), "externalId");
        assert_eq!(
            what(CustomerInput::new().external_id("x".repeat(257))),
            "externalId"
        );
        let eleven = (0..11).fold(CustomerInput::new(), |i, n| i.email(format!("{n}@x.com")));
        assert_eq!(what(eleven), "emails");
        assert_eq!(
            what(CustomerInput::new().email("a@x.com").email("a@x.com")),
            "emails"
        );
        assert_eq!(what(CustomerInput::new().email(" ")), "emails");
        let twenty_one = (0..21).fold(CustomerInput::new(), |i, n| i.tag(format!("t{n}")));
        assert_eq!(what(twenty_one), "tags");
        assert_eq!(what(CustomerInput::new().tag("")), "tags");
        assert_eq!(what(CustomerInput::new().tag("x".repeat(65))), "tags");
        assert_eq!(what(CustomerInput::new().tag(" lead")), "tags");
        assert_eq!(what(CustomerInput::new().tag("a,b")), "tags");
        assert!(
            CustomerInput::new()
                .tag("vip 2024/Q1 <gold>")
                .tag("Zoë-Ö")
                .validate()
                .is_ok()
        );
        let hundred_one = (0..101).fold(CustomerInput::new(), |i, n| {
            i.custom_num(format!("n{n}Num"), 1.0)
        });
        assert_eq!(what(hundred_one), "custom");
        assert_eq!(what(CustomerInput::new().custom_num("Num", 1.0)), "custom");
        assert_eq!(
            what(CustomerInput::new().custom_bool("vipStr", true)),
            "custom"
        );
        assert_eq!(
            what(CustomerInput::new().custom_str("noteTxt", "x".repeat(1025))),
            "custom"
        );
        let raw_custom = |value: &str| {
            let mut input = CustomerInput::new();
            input.custom.insert("renewalAt".into(), value.into());
            input
        };
        assert_eq!(what(raw_custom("next week")), "custom");
        assert_eq!(what(raw_custom("2025-01-01")), "custom");
        let renewal = CustomerInput::new().custom_at("renewalAt", jiff::Timestamp::UNIX_EPOCH);
        assert!(renewal.validate().is_ok());
        assert_eq!(renewal.custom["renewalAt"], "1970-01-01T00:00:00.000Z");
        for not_a_number in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let input = CustomerInput::new().custom_num("ordersNum", not_a_number);
            let err = input.validate().unwrap_err();
            assert_eq!(err.what(), "custom");
            assert!(err.reason().contains("not a finite number"), "{err}");
            let location = |lat: f64, lon: f64| CustomerInput {
                locations: Some(vec![LocationInput {
                    latitude: Some(lat),
                    longitude: Some(lon),
                    ..LocationInput::default()
                }]),
                ..CustomerInput::default()
            };
            assert_eq!(what(location(not_a_number, 0.0)), "locations");
            assert_eq!(what(location(0.0, not_a_number)), "locations");
        }
        let sentiment = CustomerInput {
            sentiment: Some(SentimentInput {
                polarity: 2,
                confidence: 0.5,
            }),
            ..CustomerInput::default()
        };
        assert_eq!(what(sentiment), "sentiment");
        let social = CustomerInput::new().socials(vec![SocialInput::new(
            crate::families::models::vocabulary::SocialNetwork::Twitter,
            "",
        )]);
        assert_eq!(what(social), "socials", "a handle is 1 to 256 characters");
        let faxed = CustomerInput::new().emails(vec![
            EmailInput::default()
                .email("ada@example.com")
                .kind(crate::families::models::vocabulary::ContactKind::Fax),
        ]);
        assert_eq!(what(faxed), "emails", "no email address is a fax");
        let location = CustomerInput {
            locations: Some(vec![LocationInput {
                country_code: Some("USA".into()),
                ..LocationInput::default()
            }]),
            ..CustomerInput::default()
        };
        assert_eq!(what(location), "locations");
    }
}
