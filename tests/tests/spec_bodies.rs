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
    BulkCustomers, CreateCustomer, CreateMerge, CustomerBulkUpdate, CustomerInput, EmailInput,
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
// 2024-01-31T10:00:00.000Z
const AT: kustomer::Timestamp = kustomer::Timestamp::constant(1_706_695_200, 0);

fn full_customer() -> CustomerInput {
    CustomerInput::default()
        .name("Ada Lovelace")
        .company(ID2)
        .external_id("crm-1815")
        .username("ada")
        .signed_up_at(AT)
        .last_activity_at(AT)
        .last_customer_activity_at(AT)
        .last_seen_at(AT)
        .avatar_url("https://example.com/ada.png")
        .external_ids(vec![
            ExternalIdInput::default().external_id("x1").verified(true),
        ])
        .shared_external_ids(vec![ExternalIdInput::default().external_id("x2")])
        .emails(vec![
            EmailInput::default()
                .email("ada@example.com")
                .kind(kustomer::models::ContactKind::Home)
                .verified(true),
        ])
        .shared_emails(vec![
            EmailInput::default()
                .email("team@example.com")
                .kind(kustomer::models::ContactKind::Work),
        ])
        .phones(vec![
            PhoneInput::default()
                .phone("+15555550123")
                .kind(kustomer::models::ContactKind::Mobile)
                .verified(false),
        ])
        .shared_phones(vec![
            PhoneInput::default()
                .phone("+15555550124")
                .kind(kustomer::models::ContactKind::Work),
        ])
        .whatsapps(vec![
            PhoneInput::default()
                .phone("+15555550125")
                .kind(kustomer::models::ContactKind::Mobile),
        ])
        .socials(vec![
            SocialInput::new(kustomer::models::SocialNetwork::Twitter, "ada")
                .userid("1")
                .url("https://twitter.com/ada")
                .verified(true),
        ])
        .shared_socials(vec![SocialInput::new(
            kustomer::models::SocialNetwork::Linkedin,
            "ada-l",
        )])
        .urls(vec![
            UrlInput::default()
                .url("https://ada.example")
                .kind(kustomer::models::ContactKind::Website),
        ])
        .locations(vec![
            LocationInput::default()
                .kind(kustomer::models::ContactKind::Home)
                .name("Home")
                .address("1 Main St")
                .address2("Apt 2")
                .address3("Floor 3")
                .latitude(51.5)
                .longitude(-0.12)
                .country_code("GB")
                .country_name("United Kingdom")
                .region_code("LN")
                .region_name("London")
                .city_name("London")
                .zip_code("N1")
                .area_code("020"),
        ])
        .locale("en_GB")
        .time_zone("Europe/London")
        .tags(vec!["vip".into()])
        .sentiment(SentimentInput::default().polarity(1).confidence(0.5))
        .custom(Map::new())
        .birthday_at(AT)
        .gender(kustomer::models::Gender::F)
        .created_at(AT)
        .imported_at(AT)
        .rev(3)
        .default_lang("en")
}

fn full_conversation(customer: Option<&str>) -> ConversationInput {
    {
        let mut value = ConversationInput::default()
            .external_id("ticket-1")
            .name("Refund")
            .status(kustomer::models::ConversationStatus::Open)
            .priority(kustomer::models::Priority::NORMAL)
            .direction(kustomer::models::Direction::In)
            .reply_channel("email")
            .tags(vec!["refund".into(), "vip".into()])
            .assigned_users(vec![ID.into()])
            .assigned_teams(vec![ID2.into()])
            .custom(Map::new())
            .default_lang("en")
            .created_at(AT)
            .imported_at(AT);
        value.customer = customer.map(str::to_owned);
        value
    }
}

fn full_conversation_update() -> ConversationUpdate {
    ConversationUpdate::default()
        .external_id("ticket-1")
        .name("Refund")
        .direction(kustomer::models::Direction::Out)
        .priority(kustomer::models::Priority::new(2).unwrap())
        .satisfaction(0.5)
        .status(kustomer::models::ConversationStatus::Snoozed)
        .reply_channel("chat")
        .sub_status(ID)
        .snooze(SnoozeInput::until(AT))
        .tags(vec!["vip".into()])
        .assigned_users(vec![ID.into()])
        .assigned_teams(vec![ID2.into()])
        .custom(Map::new())
        .deleted(false)
        .ended(false)
        .ended_reason("solved")
        .locked(false)
        .rev(4)
        .default_lang("en")
}

fn full_message(customer: Option<&str>) -> MessageInput {
    {
        let mut value = MessageInput::default()
            .conversation(ID2)
            .channel(kustomer::models::Channel::Email)
            .app("api")
            .direction(kustomer::models::Direction::In)
            .preview("Where is my order?")
            .subject("Order")
            .external_id("<a@b>")
            .status(kustomer::models::MessageStatus::Received)
            .auto(false)
            .source(kustomer::models::MessageSource::Bulk)
            .lang("en")
            .meta(
                json!({"to": [{"email": "support@example.com"}]})
                    .as_object()
                    .unwrap()
                    .clone(),
            )
            .custom(Map::new())
            .sent_at(AT)
            .created_at(AT)
            .imported_at(AT)
            .attachments(vec![ID2.into()]);
        value.customer = customer.map(str::to_owned);
        value
    }
}

fn full_message_update() -> MessageUpdate {
    MessageUpdate::default()
        .conversation(ID2)
        .external_id("<a@b>")
        .preview("Edited")
        .subject("Order")
        .status(kustomer::models::MessageStatus::Sent)
        .sent_at(AT)
        .lang("en")
        .meta(
            json!({"from": "x@example.com"})
                .as_object()
                .unwrap()
                .clone(),
        )
        .custom(Map::new())
}

fn full_note(conversation: bool, imported: bool) -> NoteInput {
    {
        let mut value = NoteInput::default()
            .body("Called back")
            .external_id("note-1")
            .user_mentions(vec![MentionInput::user(ID), MentionInput::team(ID2)])
            .lang("en")
            .created_at(AT);
        value.conversation = conversation.then(|| ID2.to_owned());
        value.imported_at = imported.then(|| AT.to_owned());
        value
    }
}

fn full_note_update() -> NoteUpdate {
    NoteUpdate::default()
        .conversation(ID2)
        .body("Edited")
        .external_id("note-1")
        .user_mentions(vec![MentionInput::user(ID)])
        .deleted(false)
        .lang("en")
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
    let updates = vec![CustomerBulkUpdate::new(ID, customer.clone())];
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
        &BulkConversations::update(vec![ConversationBulkUpdate::new(ID2, update.clone())]),
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
        &BulkMessages::update(vec![MessageBulkUpdate::new(ID, full_message_update())]),
        false,
    ));
    for redaction in [
        RedactionInput::text("[removed]"),
        RedactionInput::default().attachments(vec![ID.into()]),
        RedactionInput::default().meta(json!({"from": "[removed]"}).as_object().unwrap().clone()),
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
        &BulkNotes::update(vec![NoteBulkUpdate::new(ID, full_note_update())]),
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
        input.insert("renewalAt".into(), json!(format!("{AT:.3}")));
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
