//! A strict twin of the customer model: the same fields with plain `serde` derives and no
//! tolerance for odd values. It fails on the quirks real responses have; it is here only to
//! show what the tolerance of the real model costs.

// The fields exist to be parsed, not read.
#![allow(dead_code)]

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::{Map, Value};

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct Item {
    email: Option<String>,
    phone: Option<String>,
    external_id: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    verified: Option<bool>,
    id: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Sentiment {
    polarity: Option<i64>,
    confidence: Option<f64>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct Nested {
    id: Option<String>,
    sentiment: Option<Value>,
    tags: Vec<String>,
    updated_at: Option<String>,
    sent_at: Option<String>,
    preview_at: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    text: Option<String>,
    subject: Option<String>,
    all: Option<u64>,
    open: Option<u64>,
    done: Option<u64>,
    snoozed: Option<u64>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct Attributes {
    name: Option<String>,
    display_name: Option<String>,
    display_color: Option<String>,
    display_icon: Option<String>,
    external_id: Option<String>,
    external_ids: Vec<Item>,
    shared_external_ids: Vec<Item>,
    signed_up_at: Option<String>,
    avatar_url: Option<String>,
    username: Option<String>,
    emails: Vec<Item>,
    shared_emails: Vec<Item>,
    phones: Vec<Item>,
    shared_phones: Vec<Item>,
    socials: Vec<IgnoredAny>,
    shared_socials: Vec<IgnoredAny>,
    urls: Vec<IgnoredAny>,
    locations: Vec<IgnoredAny>,
    active_users: Vec<String>,
    watchers: Vec<String>,
    recent_location: Option<Nested>,
    locale: Option<String>,
    time_zone: Option<String>,
    birthday_at: Option<String>,
    gender: Option<String>,
    presence: Option<String>,
    created_at: Option<String>,
    updated_at: Option<String>,
    modified_at: Option<String>,
    last_seen_at: Option<String>,
    last_activity_at: Option<String>,
    last_customer_activity_at: Option<String>,
    last_message_in: Option<Nested>,
    last_conversation: Option<Nested>,
    conversation_counts: Option<Nested>,
    preview: Option<Nested>,
    tags: Vec<String>,
    sentiment: Option<Sentiment>,
    progressive_status: Option<String>,
    verified: Option<bool>,
    rev: Option<u64>,
    custom: Option<Map<String, Value>>,
}

#[derive(Deserialize)]
pub struct Link {
    #[serde(rename = "self")]
    self_link: Option<String>,
}

#[derive(Deserialize)]
pub struct Relationship {
    links: Option<Link>,
    data: Option<Map<String, Value>>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct Relationships {
    org: Option<Relationship>,
    messages: Option<Relationship>,
    modified_by: Option<Relationship>,
}

#[derive(Deserialize)]
pub struct Customer {
    pub id: String,
    #[serde(rename = "type")]
    kind: Option<String>,
    attributes: Attributes,
    relationships: Relationships,
    links: Link,
}

#[derive(Deserialize)]
pub struct Document {
    pub data: Customer,
}

#[derive(Deserialize)]
pub struct Page {
    pub data: Vec<Customer>,
}
