//! A strict twin of the customer model: the same fields with plain `serde` derives and no
//! tolerance for odd values. It fails on the quirks real responses have; it is here only to
//! show what the tolerance of the real model costs.
//!
//! Generic over its strings `S` and its free-form values `V`: `Document<String, Value>` is the
//! owned twin, and `Document<&str, IgnoredAny>` allocates no string and builds no free-form
//! value, the floor of any derived model over `serde_json`.

// The fields exist to be parsed, not read.
#![allow(dead_code)]

use serde::Deserialize;
use serde::de::IgnoredAny;

#[derive(Deserialize, Default)]
#[serde(
    bound(deserialize = "S: Deserialize<'de> + Default"),
    default,
    rename_all = "camelCase"
)]
pub struct Item<S> {
    email: Option<S>,
    phone: Option<S>,
    external_id: Option<S>,
    #[serde(rename = "type")]
    kind: Option<S>,
    verified: Option<bool>,
    id: Option<S>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Sentiment {
    polarity: Option<i64>,
    confidence: Option<f64>,
}

#[derive(Deserialize, Default)]
#[serde(
    bound(deserialize = "S: Deserialize<'de> + Default, V: Deserialize<'de> + Default"),
    default,
    rename_all = "camelCase"
)]
pub struct Nested<S, V> {
    id: Option<S>,
    sentiment: Option<V>,
    tags: Vec<S>,
    updated_at: Option<S>,
    sent_at: Option<S>,
    preview_at: Option<S>,
    #[serde(rename = "type")]
    kind: Option<S>,
    text: Option<S>,
    subject: Option<S>,
    all: Option<u64>,
    open: Option<u64>,
    done: Option<u64>,
    snoozed: Option<u64>,
}

#[derive(Deserialize, Default)]
#[serde(
    bound(deserialize = "S: Deserialize<'de> + Default, V: Deserialize<'de> + Default"),
    default,
    rename_all = "camelCase"
)]
pub struct Attributes<S, V> {
    name: Option<S>,
    display_name: Option<S>,
    display_color: Option<S>,
    display_icon: Option<S>,
    external_id: Option<S>,
    external_ids: Vec<Item<S>>,
    shared_external_ids: Vec<Item<S>>,
    signed_up_at: Option<S>,
    avatar_url: Option<S>,
    username: Option<S>,
    emails: Vec<Item<S>>,
    shared_emails: Vec<Item<S>>,
    phones: Vec<Item<S>>,
    shared_phones: Vec<Item<S>>,
    socials: Vec<IgnoredAny>,
    shared_socials: Vec<IgnoredAny>,
    urls: Vec<IgnoredAny>,
    locations: Vec<IgnoredAny>,
    active_users: Vec<S>,
    watchers: Vec<S>,
    recent_location: Option<Nested<S, V>>,
    locale: Option<S>,
    time_zone: Option<S>,
    birthday_at: Option<S>,
    gender: Option<S>,
    presence: Option<S>,
    created_at: Option<S>,
    updated_at: Option<S>,
    modified_at: Option<S>,
    last_seen_at: Option<S>,
    last_activity_at: Option<S>,
    last_customer_activity_at: Option<S>,
    last_message_in: Option<Nested<S, V>>,
    last_conversation: Option<Nested<S, V>>,
    conversation_counts: Option<Nested<S, V>>,
    preview: Option<Nested<S, V>>,
    tags: Vec<S>,
    sentiment: Option<Sentiment>,
    progressive_status: Option<S>,
    verified: Option<bool>,
    rev: Option<u64>,
    custom: Option<V>,
}

#[derive(Deserialize)]
#[serde(bound(deserialize = "S: Deserialize<'de> + Default"))]
pub struct Link<S> {
    #[serde(rename = "self")]
    self_link: Option<S>,
}

#[derive(Deserialize)]
#[serde(bound(deserialize = "S: Deserialize<'de> + Default, V: Deserialize<'de> + Default"))]
pub struct Relationship<S, V> {
    links: Option<Link<S>>,
    data: Option<V>,
}

#[derive(Deserialize, Default)]
#[serde(
    bound(deserialize = "S: Deserialize<'de> + Default, V: Deserialize<'de> + Default"),
    default,
    rename_all = "camelCase"
)]
pub struct Relationships<S, V> {
    org: Option<Relationship<S, V>>,
    messages: Option<Relationship<S, V>>,
    modified_by: Option<Relationship<S, V>>,
}

#[derive(Deserialize)]
#[serde(bound(deserialize = "S: Deserialize<'de> + Default, V: Deserialize<'de> + Default"))]
pub struct Customer<S, V> {
    pub id: S,
    #[serde(rename = "type")]
    kind: Option<S>,
    attributes: Attributes<S, V>,
    relationships: Relationships<S, V>,
    links: Link<S>,
}

#[derive(Deserialize)]
#[serde(bound(deserialize = "S: Deserialize<'de> + Default, V: Deserialize<'de> + Default"))]
pub struct Document<S, V> {
    pub data: Customer<S, V>,
}

#[derive(Deserialize)]
#[serde(bound(deserialize = "S: Deserialize<'de> + Default, V: Deserialize<'de> + Default"))]
pub struct Page<S, V> {
    pub data: Vec<Customer<S, V>>,
}

/// The owned strict twin of a `getCustomerById` document.
pub type OwnedDocument = Document<String, serde_json::Value>;
/// The owned strict twin of a customers page.
pub type OwnedPage = Page<String, serde_json::Value>;
/// The floor: a document read through the same derives, borrowing every string.
pub type BorrowedDocument<'a> = Document<&'a str, IgnoredAny>;
/// The floor for a page.
pub type BorrowedPage<'a> = Page<&'a str, IgnoredAny>;
