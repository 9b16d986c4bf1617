//! Every request body the library builds, checked against the request schema of its operation in
//! Kustomer's spec (`fixtures/spec_operations.json`) with a JSON Schema validator. The operation
//! is found from the built request's method and path, never named by hand, and the content type
//! must be the spec's. Inputs set every field they have, so that every key name is checked.
//!
//! The spec's `custom` schemas list no attributes (`additionalProperties: false`), so bodies with
//! custom attributes are checked separately, against the schema with `custom` opened up.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use kustomer::conversations::{
    BulkConversations, ConversationBulkUpdate, ConversationInput, ConversationUpdate,
    CreateConversation, CreateCustomerConversation, SnoozeInput, TagConversation,
    UpdateConversation,
};
use kustomer::customers::{
    BulkCustomers, CreateCustomer, CreateMerge, CustomerInput, CustomerUpdate, EmailInput,
    ExternalIdInput, LocationInput, PhoneInput, SearchCustomers, SentimentInput, SocialInput,
    UpdateCustomer, UrlInput,
};
use kustomer::messages::{
    BulkMessages, CreateConversationMessage, CreateCustomerMessage, CreateMessage,
    MessageBulkUpdate, MessageInput, MessageUpdate, RedactMessage, RedactionInput, UpdateMessage,
};
use kustomer::notes::{
    BulkNotes, CreateConversationNote, CreateNote, MentionInput, NoteBulkUpdate, NoteInput,
    NoteUpdate, UpdateNote,
};
use kustomer::ops::UpdateMode;
use kustomer::search::{Criterion, SearchQuery, SortOrder};
use serde_json::{Map, Value, json};

mod support;

use support::spec_check::{as_intended, check, operations};

const ID: &str = "58210c3db0f09110006b7953";
const ID2: &str = "58228e05d4e96711004eccb7";
const AT: &str = "2024-01-31T10:00:00.000Z";

fn full_customer() -> CustomerInput {
    CustomerInput {
        name: Some("Ada Lovelace".into()),
        company: Some(ID2.into()),
        external_id: Some("crm-1815".into()),
        username: Some("ada".into()),
        signed_up_at: Some(AT.into()),
        last_activity_at: Some(AT.into()),
        last_customer_activity_at: Some(AT.into()),
        last_seen_at: Some(AT.into()),
        avatar_url: Some("https://example.com/ada.png".into()),
        external_ids: Some(vec![ExternalIdInput {
            external_id: "x1".into(),
            verified: Some(true),
        }]),
        shared_external_ids: Some(vec![ExternalIdInput {
            external_id: "x2".into(),
            verified: None,
        }]),
        emails: Some(vec![EmailInput {
            email: "ada@example.com".into(),
            kind: Some("home".into()),
            verified: Some(true),
        }]),
        shared_emails: Some(vec![EmailInput {
            email: "team@example.com".into(),
            kind: Some("work".into()),
            verified: None,
        }]),
        phones: Some(vec![PhoneInput {
            phone: "+15555550123".into(),
            kind: Some("mobile".into()),
            verified: Some(false),
        }]),
        shared_phones: Some(vec![PhoneInput {
            phone: "+15555550124".into(),
            kind: Some("work".into()),
            verified: None,
        }]),
        whatsapps: Some(vec![PhoneInput {
            phone: "+15555550125".into(),
            kind: Some("mobile".into()),
            verified: None,
        }]),
        socials: Some(vec![SocialInput {
            kind: "twitter".into(),
            username: "ada".into(),
            userid: Some("1".into()),
            url: Some("https://twitter.com/ada".into()),
            verified: Some(true),
        }]),
        shared_socials: Some(vec![SocialInput {
            kind: "linkedin".into(),
            username: "ada-l".into(),
            ..SocialInput::default()
        }]),
        urls: Some(vec![UrlInput {
            url: "https://ada.example".into(),
            kind: Some("website".into()),
        }]),
        locations: Some(vec![LocationInput {
            kind: Some("home".into()),
            name: Some("Home".into()),
            address: Some("1 Main St".into()),
            address2: Some("Apt 2".into()),
            address3: Some("Floor 3".into()),
            latitude: Some(51.5),
            longitude: Some(-0.12),
            country_code: Some("GB".into()),
            country_name: Some("United Kingdom".into()),
            region_code: Some("LN".into()),
            region_name: Some("London".into()),
            city_name: Some("London".into()),
            zip_code: Some("N1".into()),
            area_code: Some("020".into()),
        }]),
        locale: Some("en_GB".into()),
        time_zone: Some("Europe/London".into()),
        tags: Some(vec!["vip".into()]),
        sentiment: Some(SentimentInput {
            polarity: 1,
            confidence: 0.5,
        }),
        custom: Map::new(),
        birthday_at: Some(AT.into()),
        gender: Some("f".into()),
        created_at: Some(AT.into()),
        imported_at: Some(AT.into()),
        rev: Some(3),
        default_lang: Some("en".into()),
    }
}

fn full_conversation(customer: Option<&str>) -> ConversationInput {
    ConversationInput {
        customer: customer.map(str::to_owned),
        external_id: Some("ticket-1".into()),
        name: Some("Refund".into()),
        status: Some("open".into()),
        priority: Some(3),
        direction: Some("in".into()),
        reply_channel: Some("email".into()),
        tags: Some(vec!["refund".into(), "vip".into()]),
        assigned_users: Some(vec![ID.into()]),
        assigned_teams: Some(vec![ID2.into()]),
        custom: Map::new(),
        default_lang: Some("en".into()),
        created_at: Some(AT.into()),
        imported_at: Some(AT.into()),
    }
}

fn full_conversation_update() -> ConversationUpdate {
    ConversationUpdate {
        external_id: Some("ticket-1".into()),
        name: Some("Refund".into()),
        direction: Some("out".into()),
        priority: Some(2),
        satisfaction: Some(0.5),
        status: Some("snoozed".into()),
        reply_channel: Some("chat".into()),
        sub_status: Some(ID.into()),
        snooze: Some(SnoozeInput::until(AT)),
        tags: Some(vec!["vip".into()]),
        assigned_users: Some(vec![ID.into()]),
        assigned_teams: Some(vec![ID2.into()]),
        custom: Map::new(),
        deleted: Some(false),
        ended: Some(false),
        ended_reason: Some("solved".into()),
        locked: Some(false),
        rev: Some(4),
        default_lang: Some("en".into()),
    }
}

fn full_message(customer: Option<&str>) -> MessageInput {
    MessageInput {
        customer: customer.map(str::to_owned),
        conversation: Some(ID2.into()),
        channel: Some("email".into()),
        app: Some("api".into()),
        direction: Some("in".into()),
        preview: Some("Where is my order?".into()),
        subject: Some("Order".into()),
        external_id: Some("<a@b>".into()),
        status: Some("received".into()),
        auto: Some(false),
        source: Some("bulk".into()),
        lang: Some("en".into()),
        meta: json!({"to": [{"email": "support@example.com"}]})
            .as_object()
            .unwrap()
            .clone(),
        custom: Map::new(),
        sent_at: Some(AT.into()),
        created_at: Some(AT.into()),
        imported_at: Some(AT.into()),
        attachments: Some(vec![ID2.into()]),
    }
}

fn full_message_update() -> MessageUpdate {
    MessageUpdate {
        conversation: Some(ID2.into()),
        external_id: Some("<a@b>".into()),
        preview: Some("Edited".into()),
        subject: Some("Order".into()),
        status: Some("sent".into()),
        sent_at: Some(AT.into()),
        lang: Some("en".into()),
        meta: json!({"from": "x@example.com"})
            .as_object()
            .unwrap()
            .clone(),
        custom: Map::new(),
    }
}

fn full_note(conversation: bool, imported: bool) -> NoteInput {
    NoteInput {
        body: "Called back".into(),
        conversation: conversation.then(|| ID2.to_owned()),
        external_id: Some("note-1".into()),
        user_mentions: Some(vec![MentionInput::user(ID), MentionInput::team(ID2)]),
        lang: Some("en".into()),
        created_at: Some(AT.into()),
        imported_at: imported.then(|| AT.to_owned()),
    }
}

fn full_note_update() -> NoteUpdate {
    NoteUpdate {
        conversation: Some(ID2.into()),
        body: Some("Edited".into()),
        external_id: Some("note-1".into()),
        user_mentions: Some(vec![MentionInput::user(ID)]),
        deleted: Some(false),
        lang: Some("en".into()),
    }
}

#[test]
fn every_built_body_is_valid_against_its_operations_schema() {
    let mut checked = Vec::new();
    // Customers.
    let customer = full_customer();
    checked.push(check(&CreateCustomer::new(&customer), false));
    for mode in [UpdateMode::Merge, UpdateMode::Replace, UpdateMode::Patch] {
        checked.push(check(&UpdateCustomer::new(ID, &customer).mode(mode), false));
    }
    checked.push(check(&BulkCustomers::create(vec![customer.clone()]), false));
    let updates = vec![CustomerUpdate {
        id: ID.into(),
        input: customer.clone(),
    }];
    checked.push(check(&BulkCustomers::update(updates), false));
    let query = SearchQuery::customers()
        .and(Criterion::gte("customer_updated_at", AT))
        .or(Criterion::contains("customer_name", "Ada"))
        .not(Criterion::equals("customer_email", "x@example.com"))
        .sort("customer_updated_at", SortOrder::Asc)
        .time_zone("Europe/London")
        .include_deleted(false);
    checked.push(check(
        &SearchCustomers::new(query.clone()).page_size(500),
        false,
    ));
    checked.push(check(
        &SearchCustomers::new(query.field(json!({"name": 1}))),
        false,
    ));
    let archived = SearchQuery::customers().and(Criterion::gte("customer_updated_at", AT));
    checked.push(check(&SearchCustomers::new(archived).archive(true), false));
    checked.push(check(&CreateMerge::new(ID, ID2), false));
    // Conversations.
    checked.push(check(
        &CreateConversation::new(full_conversation(Some(ID))),
        false,
    ));
    checked.push(check(
        &CreateCustomerConversation::new(ID, full_conversation(None)),
        false,
    ));
    let update = full_conversation_update();
    for mode in [UpdateMode::Merge, UpdateMode::Replace, UpdateMode::Patch] {
        checked.push(check(
            &UpdateConversation::new(ID2, &update).mode(mode),
            false,
        ));
    }
    checked.push(check(
        &BulkConversations::create(vec![full_conversation(Some(ID))]),
        false,
    ));
    checked.push(check(
        &BulkConversations::update(vec![ConversationBulkUpdate {
            id: ID2.into(),
            input: update.clone(),
        }]),
        false,
    ));
    let tags = ["vip".to_string(), ID.to_string()];
    checked.push(check(&TagConversation::add(ID2, &tags[..]), false));
    checked.push(check(&TagConversation::remove(ID2, &tags[..]), false));
    // Messages.
    checked.push(check(&CreateMessage::new(full_message(Some(ID))), false));
    checked.push(check(
        &CreateConversationMessage::new(ID2, full_message(Some(ID))),
        false,
    ));
    checked.push(check(
        &CreateCustomerMessage::new(ID, full_message(None)),
        false,
    ));
    for mode in [UpdateMode::Merge, UpdateMode::Patch] {
        checked.push(check(
            &UpdateMessage::new(ID, full_message_update()).mode(mode),
            false,
        ));
    }
    checked.push(check(
        &BulkMessages::create(vec![full_message(Some(ID))]),
        false,
    ));
    checked.push(check(
        &BulkMessages::update(vec![MessageBulkUpdate {
            id: ID.into(),
            input: full_message_update(),
        }]),
        false,
    ));
    for redaction in [
        RedactionInput::text("[removed]"),
        RedactionInput {
            attachments: Some(vec![ID.into()]),
            ..RedactionInput::default()
        },
        RedactionInput {
            meta: Some(json!({"from": "[removed]"}).as_object().unwrap().clone()),
            ..RedactionInput::default()
        },
    ] {
        checked.push(check(&RedactMessage::new(ID, redaction), false));
    }
    // Notes.
    checked.push(check(&CreateNote::new(full_note(false, false)), false));
    checked.push(check(
        &CreateConversationNote::new(ID2, full_note(true, true)),
        false,
    ));
    for mode in [UpdateMode::Merge, UpdateMode::Replace, UpdateMode::Patch] {
        checked.push(check(
            &UpdateNote::new(ID, full_note_update()).mode(mode),
            false,
        ));
    }
    checked.push(check(
        &BulkNotes::create(vec![full_note(true, true)]),
        false,
    ));
    checked.push(check(
        &BulkNotes::update(vec![NoteBulkUpdate {
            id: ID.into(),
            input: full_note_update(),
        }]),
        false,
    ));
    let distinct: std::collections::BTreeSet<&str> = checked.iter().map(String::as_str).collect();
    let expected: std::collections::BTreeSet<&str> = [
        "CreateCustomer",
        "UpdateCustomer",
        "UpdateCustomerAttributes",
        "BulkCreateCustomers",
        "BulkBatchUpdateCustomers",
        "CustomerSearch",
        "CustomerArchiveSearch",
        "CreateCustomerMerge",
        "CreateConversation",
        "CreateConversationForCustomer",
        "UpdateConversation",
        "UpdateConversationAttributes",
        "BulkCreateConversations",
        "BulkBatchUpdateConversations",
        "AppendTagsToConversation",
        "RemoveTagsFromConversation",
        "CreateMessage",
        "CreateMessageFromConversation",
        "CreateMessageByCustomer",
        "UpdateMessage",
        "UpdateMessageAttributes",
        "BulkCreateMessages",
        "BulkBatchUpdateMessages",
        "RedactMessage",
        "CreateNote",
        "CreateNoteWithinConversation",
        "UpdateNoteById",
        "PatchNoteById",
        "BulkCreateNotes",
        "BulkBatchUpdateNotes",
    ]
    .into();
    assert_eq!(distinct, expected);
}

#[test]
fn bodies_with_custom_attributes_are_valid_once_custom_is_opened() {
    let custom = |input: &mut Map<String, Value>| {
        input.insert("tierStr".into(), json!("gold"));
        input.insert("ordersNum".into(), json!(12));
        input.insert("renewalAt".into(), json!(AT));
    };
    let mut customer = full_customer();
    custom(&mut customer.custom);
    check(&CreateCustomer::new(&customer), true);
    let mut conversation = full_conversation(Some(ID));
    custom(&mut conversation.custom);
    check(&CreateConversation::new(&conversation), true);
    let mut update = full_conversation_update();
    custom(&mut update.custom);
    check(&UpdateConversation::new(ID2, &update), true);
    let mut message = full_message(Some(ID));
    custom(&mut message.custom);
    check(&CreateMessage::new(&message), true);
}

#[test]
fn the_check_catches_what_the_api_would_refuse() {
    // The validator on its own: a key the schema does not list fails.
    let operations = operations();
    let create = operations
        .iter()
        .find(|op| op["operationId"] == "CreateConversation")
        .unwrap();
    let validator = jsonschema::validator_for(&create["requestSchema"]).unwrap();
    assert!(validator.is_valid(&json!({"customer": ID})));
    assert!(!validator.is_valid(&json!({"customer": ID, "customr": ID})));
    assert!(!validator.is_valid(&json!({"name": "no customer"})));
    assert!(!validator.is_valid(&json!({"customer": ID, "tags": ["a", "a"]})));
    // And custom attributes are refused by the spec's own `custom` schema.
    assert!(!validator.is_valid(&json!({"customer": ID, "custom": {"tierStr": "gold"}})));
    // The redaction schema as written admits nothing; as intended, its keys only.
    let redact = operations
        .iter()
        .find(|op| op["operationId"] == "RedactMessage")
        .unwrap();
    let literal = jsonschema::validator_for(&redact["requestSchema"]).unwrap();
    assert!(!literal.is_valid(&json!({"preview": "x"})));
    let intended =
        jsonschema::validator_for(&as_intended("RedactMessage", &redact["requestSchema"])).unwrap();
    assert!(intended.is_valid(&json!({"preview": "x"})));
    assert!(!intended.is_valid(&json!({"previews": "x"})));
}
