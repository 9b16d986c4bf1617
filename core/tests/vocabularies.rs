//! Kustomer's closed vocabularies as enums: read from real bodies, unknown values kept, sent as
//! the API's text, and the refusals that are left to validation.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use kustomer::conversations::{ConversationInput, ConversationUpdate, GetConversation};
use kustomer::customers::{CustomerInput, PhoneInput, SocialInput};
use kustomer::family::Input;
use kustomer::messages::MessageInput;
use kustomer::models::{
    Channel, ContactKind, Conversation, ConversationStatus, Direction, Message, MessageSource,
    MessageStatus, Priority, SnoozeStatus, SocialNetwork, UserType,
};
use kustomer::search::Criterion;
use kustomer::users::{ListUsers, UserFilter, UserUpdate};
use kustomer::{ApiKey, Config, Operation};
use serde_json::json;

fn conversation(attributes: serde_json::Value) -> Conversation {
    serde_json::from_value(json!({"type": "conversation", "id": "c", "attributes": attributes}))
        .unwrap()
}

#[test]
fn known_values_read_as_variants_and_new_ones_are_kept() {
    let c = conversation(json!({
        "status": "snoozed", "direction": "out", "priority": 4,
        "channels": ["email", "tiktok", 7], "snooze": {"status": "elapsed"}
    }));
    let a = &c.attributes;
    assert_eq!(a.status, Some(ConversationStatus::Snoozed));
    assert_eq!(a.direction, Some(Direction::Out));
    assert_eq!(a.priority, Some(Priority::new(4).unwrap()));
    assert_eq!(
        a.channels,
        [Channel::Email, Channel::Other("tiktok".into())],
        "an unknown channel is kept; a number is no channel"
    );
    assert_eq!(
        a.snooze.as_ref().and_then(|s| s.status.clone()),
        Some(SnoozeStatus::Elapsed)
    );

    let odd = conversation(json!({"status": "pending", "priority": "high", "direction": 1}));
    assert_eq!(
        odd.attributes.status,
        Some(ConversationStatus::Other("pending".into()))
    );
    assert_eq!(odd.attributes.priority, None, "priority is 1 to 5");
    assert_eq!(odd.attributes.direction, None);
    for out_of_range in [0, 6, 300] {
        let c = conversation(json!({ "priority": out_of_range }));
        assert_eq!(c.attributes.priority, None, "{out_of_range}");
    }

    let message: Message = serde_json::from_value(json!({
        "id": "m", "attributes": {"channel": "twitter-dm", "status": "error", "direction": "in",
            "source": "biz-rules"}
    }))
    .unwrap();
    assert_eq!(message.attributes.source, Some(MessageSource::BizRules));
    assert_eq!(message.attributes.channel, Some(Channel::TwitterDm));
    assert_eq!(message.attributes.status, Some(MessageStatus::Error));
    assert_eq!(
        serde_json::to_value(&message.attributes).unwrap()["channel"],
        "twitter-dm",
        "serialized back as the API's text"
    );
}

#[test]
fn the_quirky_real_body_still_reads() {
    let body = std::fs::read(format!(
        "{}/tests/fixtures/conversation_get_quirky.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let response = http::Response::builder().status(200).body(body).unwrap();
    let c = GetConversation::new("x").parse(response).unwrap();
    assert_eq!(c.attributes.status, Some(ConversationStatus::Open));
    assert_eq!(c.attributes.channels, [Channel::Email, Channel::Chat]);
    assert_eq!(c.attributes.priority, None, "\"high\" is no 1 to 5");
    assert_eq!(c.attribute("priority"), Some(json!("high")), "kept raw");
}

#[test]
fn several_vocabularies_are_taken_by_name_and_sent_as_text() {
    let inbound = MessageInput::inbound(Channel::Whatsapp, "api");
    assert_eq!(
        serde_json::to_value(&inbound).unwrap(),
        json!({"channel": "whatsapp", "app": "api", "direction": "in"})
    );
    let outbound = MessageInput::outbound(Channel::Email, "postmark");
    assert_eq!(outbound.direction, Some(Direction::Out));
    inbound.validate().unwrap();

    let update = ConversationUpdate::new()
        .status(ConversationStatus::Snoozed)
        .priority(Priority::HIGHEST)
        .direction(Direction::In);
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        json!({"status": "snoozed", "priority": 5, "direction": "in"})
    );
    let criterion = Criterion::equals("conversation_status", ConversationStatus::Done);
    assert_eq!(
        serde_json::to_value(&criterion).unwrap(),
        json!({"conversation_status": {"equals": "done"}})
    );
}

#[test]
fn what_kustomer_refuses_is_refused_and_a_new_value_is_sent_on_purpose() {
    let snoozed = ConversationInput::new().status(ConversationStatus::Snoozed);
    assert_eq!(snoozed.validate().unwrap_err().what(), "status");
    let note = MessageInput::inbound(Channel::Note, "api");
    assert_eq!(note.validate().unwrap_err().what(), "channel");
    let ruled = MessageInput::inbound(Channel::Chat, "api").source(MessageSource::BizRules);
    assert_eq!(ruled.validate().unwrap_err().what(), "source");
    let machine = UserUpdate::default().user_type(UserType::Machine);
    assert_eq!(machine.validate().unwrap_err().what(), "userType");
    assert!("closed".parse::<ConversationStatus>().is_err());

    // A value Kustomer added since this version: sent as written, because it was named.
    let newer = MessageInput::inbound(Channel::Other("tiktok".into()), "api");
    newer.validate().unwrap();
    assert_eq!(serde_json::to_value(&newer).unwrap()["channel"], "tiktok");

    // Contact kinds: each list takes its own.
    let whatsapp = CustomerInput::new().whatsapps(vec![
        PhoneInput::default()
            .phone("+447700900123")
            .kind(ContactKind::Home),
    ]);
    assert_eq!(whatsapp.validate().unwrap_err().what(), "whatsapps");
    let profiles = CustomerInput::new()
        .socials(vec![SocialInput::new(SocialNetwork::Twitter, "ada")])
        .phones(vec![
            PhoneInput::default()
                .phone("+15555550123")
                .kind(ContactKind::Fax),
        ]);
    profiles.validate().unwrap();
    let body = serde_json::to_value(&profiles).unwrap();
    assert_eq!(body["socials"][0]["type"], "twitter");
    assert_eq!(body["phones"][0]["type"], "fax");

    let config = Config::new(ApiKey::new("key").unwrap());
    let hourly = ListUsers::new().only(UserFilter::UserType(UserType::Hourly));
    assert_eq!(
        hourly.build(&config).unwrap().uri().query(),
        Some("userType=hourly")
    );
}
