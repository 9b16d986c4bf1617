//! Tracking events: what a visitor does on your site or app, and who they are. These calls
//! take a **tracking key** (an API key with the `org.tracking` role), not an ordinary one: give
//! them a client built with it.

use jiff::Timestamp;
use std::borrow::Cow;

use http::{Method, Request, Response};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::families::contact::LocationInput;
use crate::families::models::TrackingIdentity;
use crate::families::models::vocabulary::Gender;
use crate::generic::family::Input;
use crate::generic::ops::helpers::parse_empty;
use crate::protocol::config::Config;
use crate::protocol::date_time;
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::json_body::json_body;
use crate::protocol::operation::Operation;
use crate::protocol::page::parse_one;
use crate::protocol::validation::{check_count, check_custom, check_tags, max_chars};

/// An event a visitor did (`POST /v1/tracking/event`): a name (a letter, then letters,
/// digits, `-`, `_`, `.`; at most 255) and up to 100 properties.
///
/// ```
/// use kustomer::tracking::TrackingEventInput;
///
/// let viewed = TrackingEventInput::new("product.viewed").meta("sku", "HOODIE-XL");
/// assert!(kustomer::family::Input::validate(&viewed).is_ok());
/// assert!(kustomer::family::Input::validate(&TrackingEventInput::new("1st")).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TrackingEventInput {
    /// The visitor's tracking ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracking_id: Option<String>,
    /// The session's ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// The event's name.
    pub name: String,
    /// Its properties, at most 100.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub meta: Map<String, Value>,
}

impl TrackingEventInput {
    /// An event named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }

    /// Adds a property.
    #[must_use]
    pub fn meta(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.meta.insert(name.into(), value.into());
        self
    }
}

impl Input for TrackingEventInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        max_chars("name", Some(&self.name), 255)?;
        let mut chars = self.name.chars();
        let first = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
        let rest: Vec<char> = chars.collect();
        if !first
            || rest.is_empty()
            || !rest
                .iter()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(*c))
        {
            return Err(InvalidInput::new(
                "name",
                "must be a letter, then at least one letter, digit, '-', '_' or '.'",
            ));
        }
        check_count("meta", self.meta.len(), 100)
    }
}

/// Who a visitor is (`POST /v1/tracking/identity`): ties their tracking ID to a customer,
/// found or made by email, phone or external ID. Only the fields that are set are sent.
///
/// ```
/// use kustomer::tracking::TrackingIdentityInput;
///
/// let ada = TrackingIdentityInput::email("ada@example.com");
/// assert_eq!(serde_json::to_string(&ada).unwrap(), r#"{"email":"ada@example.com"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TrackingIdentityInput {
    /// Keep the identity on the visitor's device.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remember: Option<bool>,
    /// The visitor's tracking ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracking_id: Option<String>,
    /// The session's ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// The name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The company.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Your ID for them, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Their username, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// When they signed up.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub signed_up_at: Option<Timestamp>,
    /// Their birthday.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_time::write"
    )]
    pub birthday_at: Option<Timestamp>,
    /// `m` or `f`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// Locale, at most 16 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Time zone, at most 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Where they are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<LocationInput>,
    /// Tags, at most 20.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Custom attributes, typed by their name's suffix.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub custom: Map<String, Value>,
}

impl TrackingIdentityInput {
    /// The visitor with this email address.
    pub fn email(email: impl Into<String>) -> Self {
        Self {
            email: Some(email.into()),
            ..Self::default()
        }
    }
}

impl Input for TrackingIdentityInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        max_chars("externalId", self.external_id.as_deref(), 256)?;
        max_chars("username", self.username.as_deref(), 256)?;
        max_chars("locale", self.locale.as_deref(), 16)?;
        max_chars("timeZone", self.time_zone.as_deref(), 64)?;
        if let Some(location) = &self.location {
            location.validate()?;
        }
        check_tags(self.tags.as_deref())?;
        check_custom(&self.custom)
    }
}

/// An identity and an event at once (`POST /v1/tracking/identityEvent`).
///
/// ```
/// use kustomer::tracking::{TrackingEventInput, TrackingIdentityEventInput, TrackingIdentityInput};
///
/// let both = TrackingIdentityEventInput::new(
///     TrackingIdentityInput::email("ada@example.com"),
///     TrackingEventInput::new("signed.in"),
/// );
/// assert_eq!(serde_json::to_string(&both).unwrap(), r#"{"identity":{"email":"ada@example.com"},"event":{"name":"signed.in"}}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct TrackingIdentityEventInput {
    /// Who.
    pub identity: TrackingIdentityInput,
    /// What they did.
    pub event: TrackingEventInput,
}

impl Input for TrackingIdentityEventInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        self.identity.validate()?;
        self.event.validate()
    }
}

macro_rules! tracking_op {
    ($(#[$doc:meta])* $name:ident, $input:ty, $path:literal, $output:ty, $parse:path) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name<'a> {
            input: Cow<'a, $input>,
        }

        impl<'a> $name<'a> {
            /// The operation for `input`.
            pub fn new(input: impl Into<Cow<'a, $input>>) -> Self {
                Self { input: input.into() }
            }
        }

        impl Operation for $name<'_> {
            type Output = $output;

            fn operation_id(&self) -> &'static str {
                stringify!($name)
            }

            fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
                self.input.validate()?;
                config.request(Method::POST, $path, Some(json_body(&*self.input)?))
            }

            fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<$output, Error> {
                $parse(response)
            }
        }
    };
}

crate::generic::ops::helpers::input_cow!(
    TrackingEventInput,
    TrackingIdentityInput,
    TrackingIdentityEventInput
);

tracking_op!(
    /// Record a visitor's event (`POST /v1/tracking/event`, Kustomer's `CreateTrackingEvent`;
    /// 204).
    ///
    /// Roles: the tracking key's `org.tracking`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, tracking::{CreateTrackingEvent, TrackingEventInput}};
    ///
    /// let config = Config::new(ApiKey::new("tracking-key")?);
    /// let request = CreateTrackingEvent::new(TrackingEventInput::new("cart.viewed")).build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/tracking/event");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    CreateTrackingEvent,
    TrackingEventInput,
    "/tracking/event",
    (),
    parse_empty
);

tracking_op!(
    /// Identify a visitor (`POST /v1/tracking/identity`, Kustomer's `CreateTrackingIdentity`;
    /// 201 with the identity and its customer).
    ///
    /// Roles: the tracking key's `org.tracking`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, tracking::{CreateTrackingIdentity, TrackingIdentityInput}};
    ///
    /// let config = Config::new(ApiKey::new("tracking-key")?);
    /// let request = CreateTrackingIdentity::new(TrackingIdentityInput::email("ada@example.com")).build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/tracking/identity");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    CreateTrackingIdentity,
    TrackingIdentityInput,
    "/tracking/identity",
    TrackingIdentity,
    parse_one
);

tracking_op!(
    /// Identify a visitor and record their event at once (`POST /v1/tracking/identityEvent`,
    /// Kustomer's `CreateTrackingIdentityEvent`; 201 with the identity).
    ///
    /// Roles: the tracking key's `org.tracking`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, tracking::*};
    ///
    /// let config = Config::new(ApiKey::new("tracking-key")?);
    /// let input = TrackingIdentityEventInput::new(TrackingIdentityInput::email("a@example.com"), TrackingEventInput::new("signed.in"));
    /// assert_eq!(CreateTrackingIdentityEvent::new(input).build(&config)?.uri().path(), "/v1/tracking/identityEvent");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    CreateTrackingIdentityEvent,
    TrackingIdentityEventInput,
    "/tracking/identityEvent",
    TrackingIdentity,
    parse_one
);

crate::generic::ops::helpers::setters!(TrackingEventInput {
    #[doc = "Sets `tracking_id`: the visitor's tracking ID."]
    tracking_id: opt String,
    #[doc = "Sets `session_id`: the session's ID."]
    session_id: opt String,
    #[doc = "Sets `name`: the event's name."]
    name: set String,
});

impl TrackingIdentityEventInput {
    /// Who, and what they did.
    pub fn new(identity: TrackingIdentityInput, event: TrackingEventInput) -> Self {
        Self { identity, event }
    }
}

crate::generic::ops::helpers::setters!(TrackingIdentityEventInput {
    #[doc = "Sets `identity`: who."]
    identity: set TrackingIdentityInput,
    #[doc = "Sets `event`: what they did."]
    event: set TrackingEventInput,
});

crate::generic::ops::helpers::setters!(TrackingIdentityInput {
    #[doc = "Sets `remember`: keep the identity on the visitor's device."]
    remember: num bool,
    #[doc = "Sets `tracking_id`: the visitor's tracking ID."]
    tracking_id: opt String,
    #[doc = "Sets `session_id`: the session's ID."]
    session_id: opt String,
    #[doc = "Sets `name`: the name."]
    name: opt String,
    #[doc = "Sets `company`: the company."]
    company: opt String,
    #[doc = "Sets `external_id`: your ID for them, at most 256 characters."]
    external_id: opt String,
    #[doc = "Sets `username`: their username, at most 256 characters."]
    username: opt String,
    #[doc = "Sets `signed_up_at`: when they signed up."]
    signed_up_at: at Timestamp,
    #[doc = "Sets `birthday_at`: their birthday."]
    birthday_at: at Timestamp,
    #[doc = "Sets `gender`."]
    gender: num Gender,
    #[doc = "Sets `locale`: locale, at most 16 characters."]
    locale: opt String,
    #[doc = "Sets `time_zone`: time zone, at most 64 characters."]
    time_zone: opt String,
    #[doc = "Sets `phone`: phone number."]
    phone: opt String,
    #[doc = "Sets `location`: where they are."]
    location: opt LocationInput,
    #[doc = "Sets `tags`: tags, at most 20."]
    tags: opt Vec<String>,
    #[doc = "Sets `custom`: custom attributes, typed by their name's suffix."]
    custom: set Map<String, Value>,
});

crate::generic::ops::helpers::custom_setters!(TrackingIdentityInput);
