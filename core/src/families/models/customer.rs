//! The customer resource.

use serde::{Deserialize, Serialize};

use crate::families::models::resource_model::resource_model;
use crate::families::models::vocabulary::Gender;
use crate::families::models::vocabulary::{ContactKind, SocialNetwork};
use crate::generic::resource::Relationship;
use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;

resource_model!(
    /// A Kustomer customer: `{type, id, attributes, relationships, links}`.
    ///
    /// Parsed leniently (see the [module docs](crate::models)); the document it was read from stays
    /// available through [`Customer::raw_document`] and [`Customer::attribute`], so attributes this
    /// model does not name (`firstName`-like additions, future fields) are never lost.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"customer","id":"58210c3db0f09110006b7953",
    /// #   "attributes":{"name":"Ada","emails":[{"email":"ada@example.com","type":"home"}],"loyaltyTier":"gold"}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, customers::GetCustomer};
    ///
    /// let customer = GetCustomer::new("58210c3db0f09110006b7953").parse(response)?;
    /// assert_eq!(customer.attributes.name.as_deref(), Some("Ada"));
    /// assert_eq!(customer.attributes.emails[0].email.as_deref(), Some("ada@example.com"));
    /// assert_eq!(customer.attributes.locale, None); // absent in the response, and visibly so
    /// assert_eq!(customer.attribute("loyaltyTier"), Some(serde_json::json!("gold")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Customer, CustomerAttributes, CustomerRelationships
);

/// A customer's relationships. Any of them may be absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct CustomerRelationships {
    /// The org the customer belongs to.
    #[serde(deserialize_with = "lenient::object")]
    pub org: Option<Relationship>,
    /// The customer's messages (links only).
    #[serde(deserialize_with = "lenient::object")]
    pub messages: Option<Relationship>,
    /// The user who last modified the customer.
    #[serde(deserialize_with = "lenient::object")]
    pub modified_by: Option<Relationship>,
    /// The user who created the customer.
    #[serde(deserialize_with = "lenient::object")]
    pub created_by: Option<Relationship>,
}

/// The attributes of a customer: every attribute of Kustomer's `GetCustomerById` type, plus common
/// ones real responses carry. Date-times are [`DateTime`]s: the instant, or the text sent when it
/// is none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct CustomerAttributes {
    /// Full name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// First name (sent by real responses, not in the typed docs).
    #[serde(deserialize_with = "lenient::scalar")]
    pub first_name: Option<String>,
    /// Last name (sent by real responses, not in the typed docs).
    #[serde(deserialize_with = "lenient::scalar")]
    pub last_name: Option<String>,
    /// The name shown in the Kustomer UI.
    #[serde(deserialize_with = "lenient::scalar")]
    pub display_name: Option<String>,
    /// Avatar colour in the UI.
    #[serde(deserialize_with = "lenient::scalar")]
    pub display_color: Option<String>,
    /// Avatar icon in the UI.
    #[serde(deserialize_with = "lenient::scalar")]
    pub display_icon: Option<String>,
    /// The customer's ID in your own system.
    #[serde(deserialize_with = "lenient::scalar")]
    pub external_id: Option<String>,
    /// External IDs.
    #[serde(deserialize_with = "lenient::objects")]
    pub external_ids: Vec<ExternalId>,
    /// External IDs shared with other customers.
    #[serde(deserialize_with = "lenient::objects")]
    pub shared_external_ids: Vec<ExternalId>,
    /// When the customer signed up in your system.
    #[serde(deserialize_with = "lenient::scalar")]
    pub signed_up_at: Option<DateTime>,
    /// Avatar image URL.
    #[serde(deserialize_with = "lenient::scalar")]
    pub avatar_url: Option<String>,
    /// Username.
    #[serde(deserialize_with = "lenient::scalar")]
    pub username: Option<String>,
    /// Email addresses.
    #[serde(deserialize_with = "lenient::objects")]
    pub emails: Vec<Email>,
    /// Email addresses shared with other customers.
    #[serde(deserialize_with = "lenient::objects")]
    pub shared_emails: Vec<Email>,
    /// Phone numbers.
    #[serde(deserialize_with = "lenient::objects")]
    pub phones: Vec<Phone>,
    /// Phone numbers shared with other customers.
    #[serde(deserialize_with = "lenient::objects")]
    pub shared_phones: Vec<Phone>,
    /// WhatsApp numbers.
    #[serde(deserialize_with = "lenient::objects")]
    pub whatsapps: Vec<Phone>,
    /// Social profiles.
    #[serde(deserialize_with = "lenient::objects")]
    pub socials: Vec<Social>,
    /// Social profiles shared with other customers.
    #[serde(deserialize_with = "lenient::objects")]
    pub shared_socials: Vec<Social>,
    /// Web addresses.
    #[serde(deserialize_with = "lenient::objects")]
    pub urls: Vec<UrlEntry>,
    /// Postal locations.
    #[serde(deserialize_with = "lenient::objects")]
    pub locations: Vec<Location>,
    /// IDs of users currently viewing the customer.
    #[serde(deserialize_with = "lenient::scalars")]
    pub active_users: Vec<String>,
    /// IDs of users watching the customer.
    #[serde(deserialize_with = "lenient::scalars")]
    pub watchers: Vec<String>,
    /// The most recent location, as far as its update time.
    #[serde(deserialize_with = "lenient::object")]
    pub recent_location: Option<RecentLocation>,
    /// Locale, e.g. `en_US`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub locale: Option<String>,
    /// Default language.
    #[serde(deserialize_with = "lenient::scalar")]
    pub default_lang: Option<String>,
    /// IANA time zone, e.g. `America/New_York`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub time_zone: Option<String>,
    /// Birthday.
    #[serde(deserialize_with = "lenient::scalar")]
    pub birthday_at: Option<DateTime>,
    /// `m` or `f`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub gender: Option<Gender>,
    /// Presence, e.g. `online` or `offline`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub presence: Option<String>,
    /// Creation time.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// Last update time (any change).
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
    /// Last modification by a user or the API.
    #[serde(deserialize_with = "lenient::scalar")]
    pub modified_at: Option<DateTime>,
    /// Last time the customer was seen.
    #[serde(deserialize_with = "lenient::scalar")]
    pub last_seen_at: Option<DateTime>,
    /// Last activity on the customer.
    #[serde(deserialize_with = "lenient::scalar")]
    pub last_activity_at: Option<DateTime>,
    /// Last activity by the customer.
    #[serde(deserialize_with = "lenient::scalar")]
    pub last_customer_activity_at: Option<DateTime>,
    /// The last inbound message.
    #[serde(deserialize_with = "lenient::object")]
    pub last_message_in: Option<LastMessageIn>,
    /// The last conversation.
    #[serde(deserialize_with = "lenient::object")]
    pub last_conversation: Option<LastConversation>,
    /// Conversation counts by status.
    #[serde(deserialize_with = "lenient::object")]
    pub conversation_counts: Option<ConversationCounts>,
    /// Preview of the latest message.
    #[serde(deserialize_with = "lenient::object")]
    pub preview: Option<Preview>,
    /// Tag IDs.
    #[serde(deserialize_with = "lenient::scalars")]
    pub tags: Vec<String>,
    /// Overall sentiment.
    #[serde(deserialize_with = "lenient::object")]
    pub sentiment: Option<Sentiment>,
    /// Progressive status, e.g. `open`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub progressive_status: Option<String>,
    /// Whether the customer is verified.
    #[serde(deserialize_with = "lenient::scalar")]
    pub verified: Option<bool>,
    /// Whether the customer is deleted.
    #[serde(deserialize_with = "lenient::scalar")]
    pub deleted: Option<bool>,
    /// Revision, incremented on every update (used for optimistic locking).
    #[serde(deserialize_with = "lenient::scalar")]
    pub rev: Option<u64>,
    /// Custom attributes (`custom`), by their API name (`loyaltyTierStr`, `ordersNum`, ...);
    /// read them by type with [`CustomFields`](crate::models::CustomFields).
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub custom: serde_json::Map<String, serde_json::Value>,
}

/// An email address of a customer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Email {
    /// The address.
    #[serde(deserialize_with = "lenient::scalar")]
    pub email: Option<String>,
    /// Home, work or other (`type`).
    #[serde(rename = "type", deserialize_with = "lenient::scalar")]
    pub kind: Option<ContactKind>,
    /// Whether it is verified.
    #[serde(deserialize_with = "lenient::scalar")]
    pub verified: Option<bool>,
    /// Entry ID, often `null`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub id: Option<String>,
}

/// An external ID of a customer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct ExternalId {
    /// The ID in the external system.
    #[serde(deserialize_with = "lenient::scalar")]
    pub external_id: Option<String>,
    /// Whether it is verified.
    #[serde(deserialize_with = "lenient::scalar")]
    pub verified: Option<bool>,
    /// Entry ID, often `null`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub id: Option<String>,
}

/// A phone number (E.164) of a customer; also used for WhatsApp numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Phone {
    /// The number, e.g. `+15555550123`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub phone: Option<String>,
    /// Mobile, home, work, fax or other (`type`).
    #[serde(rename = "type", deserialize_with = "lenient::scalar")]
    pub kind: Option<ContactKind>,
    /// Whether it is verified.
    #[serde(deserialize_with = "lenient::scalar")]
    pub verified: Option<bool>,
    /// Entry ID, if any.
    #[serde(deserialize_with = "lenient::scalar")]
    pub id: Option<String>,
}

/// A social profile of a customer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Social {
    /// The network (`type`).
    #[serde(rename = "type", deserialize_with = "lenient::scalar")]
    pub kind: Option<SocialNetwork>,
    /// The network's user ID.
    #[serde(deserialize_with = "lenient::scalar")]
    pub userid: Option<String>,
    /// The handle.
    #[serde(deserialize_with = "lenient::scalar")]
    pub username: Option<String>,
    /// Profile URL.
    #[serde(deserialize_with = "lenient::scalar")]
    pub url: Option<String>,
    /// Whether it is verified.
    #[serde(deserialize_with = "lenient::scalar")]
    pub verified: Option<bool>,
    /// Entry ID, if any.
    #[serde(deserialize_with = "lenient::scalar")]
    pub id: Option<String>,
}

/// A web address of a customer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct UrlEntry {
    /// The URL.
    #[serde(deserialize_with = "lenient::scalar")]
    pub url: Option<String>,
    /// Website, blog or other (`type`).
    #[serde(rename = "type", deserialize_with = "lenient::scalar")]
    pub kind: Option<ContactKind>,
    /// Entry ID, if any.
    #[serde(deserialize_with = "lenient::scalar")]
    pub id: Option<String>,
}

/// A postal location of a customer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Location {
    /// Home, work or other (`type`).
    #[serde(rename = "type", deserialize_with = "lenient::scalar")]
    pub kind: Option<ContactKind>,
    /// A label for the location.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// Address line 1.
    #[serde(deserialize_with = "lenient::scalar")]
    pub address: Option<String>,
    /// Address line 2.
    #[serde(deserialize_with = "lenient::scalar")]
    pub address2: Option<String>,
    /// Address line 3.
    #[serde(deserialize_with = "lenient::scalar")]
    pub address3: Option<String>,
    /// Latitude.
    #[serde(deserialize_with = "lenient::scalar")]
    pub latitude: Option<f64>,
    /// Longitude.
    #[serde(deserialize_with = "lenient::scalar")]
    pub longitude: Option<f64>,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(deserialize_with = "lenient::scalar")]
    pub country_code: Option<String>,
    /// Country name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub country_name: Option<String>,
    /// Region (state) code.
    #[serde(deserialize_with = "lenient::scalar")]
    pub region_code: Option<String>,
    /// Region (state) name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub region_name: Option<String>,
    /// City.
    #[serde(deserialize_with = "lenient::scalar")]
    pub city_name: Option<String>,
    /// Postal code.
    #[serde(deserialize_with = "lenient::scalar")]
    pub zip_code: Option<String>,
    /// Telephone area code.
    #[serde(deserialize_with = "lenient::scalar")]
    pub area_code: Option<String>,
}

/// When the customer's most recent location was updated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct RecentLocation {
    /// Update time.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}

/// The last message a customer sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct LastMessageIn {
    /// When it was sent.
    #[serde(deserialize_with = "lenient::scalar")]
    pub sent_at: Option<DateTime>,
    /// Its sentiment, as sent (documented as a string, seen as an object).
    pub sentiment: Option<serde_json::Value>,
}

/// The customer's last conversation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct LastConversation {
    /// Conversation ID.
    #[serde(deserialize_with = "lenient::scalar")]
    pub id: Option<String>,
    /// Its sentiment.
    #[serde(deserialize_with = "lenient::object")]
    pub sentiment: Option<Sentiment>,
    /// Its tag IDs.
    #[serde(deserialize_with = "lenient::scalars")]
    pub tags: Vec<String>,
}

/// A sentiment score. `{}` in a response gives a `Sentiment` with both fields `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Sentiment {
    /// -1, 0 or 1.
    #[serde(deserialize_with = "lenient::scalar")]
    pub polarity: Option<i64>,
    /// -1 to 1.
    #[serde(deserialize_with = "lenient::scalar")]
    pub confidence: Option<f64>,
}

/// How many conversations a customer has, by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ConversationCounts {
    /// All conversations.
    #[serde(deserialize_with = "lenient::scalar")]
    pub all: Option<u64>,
    /// Done.
    #[serde(deserialize_with = "lenient::scalar")]
    pub done: Option<u64>,
    /// Open.
    #[serde(deserialize_with = "lenient::scalar")]
    pub open: Option<u64>,
    /// Snoozed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub snoozed: Option<u64>,
}

/// A preview of the customer's latest message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Preview {
    /// When.
    #[serde(deserialize_with = "lenient::scalar")]
    pub preview_at: Option<DateTime>,
    /// `message_in`, `message_out`, ... (`type`).
    #[serde(rename = "type", deserialize_with = "lenient::scalar")]
    pub kind: Option<String>,
    /// Text.
    #[serde(deserialize_with = "lenient::scalar")]
    pub text: Option<String>,
    /// Subject.
    #[serde(deserialize_with = "lenient::scalar")]
    pub subject: Option<String>,
}
