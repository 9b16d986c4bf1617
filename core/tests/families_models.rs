//! The conversation, message and note models against the spec's examples and against bodies
//! shaped like real responses (KUSTOMER_API.md), offline: the operation's own `parse`.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use http::Response;
use kustomer::Operation;
use kustomer::conversations::{
    GetConversation, ListConversationEvents, ListConversations, TagConversation,
};
use kustomer::messages::{GetMessage, ListMessages};
use kustomer::models::CustomFields;
use kustomer::notes::{CreateNote, GetNote, NoteInput};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn ok(status: u16, body: Vec<u8>) -> Response<Vec<u8>> {
    Response::builder().status(status).body(body).unwrap()
}

#[test]
fn the_specs_examples_parse() {
    let conversation = GetConversation::new("x")
        .parse(ok(200, fixture("conversation_get_spec.json")))
        .unwrap();
    assert_eq!(conversation.id, "58228e05d4e96711004eccb7");
    assert_eq!(
        conversation.attributes.status,
        Some(kustomer::models::ConversationStatus::Done)
    );
    assert_eq!(conversation.attributes.rev, Some(1));
    assert_eq!(conversation.customer_id(), Some("58210c3db0f09110006b7953"));
    assert_eq!(
        conversation
            .relationships
            .messages
            .as_ref()
            .and_then(|m| m.self_link()),
        Some("/v1/conversations/58228e05d4e96711004eccb7/messages")
    );
    let page = ListConversations::new()
        .parse(ok(200, fixture("conversation_list_spec.json")))
        .unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].attributes.channels, ["email"]);

    let message = GetMessage::new("x")
        .parse(ok(200, fixture("message_get_spec.json")))
        .unwrap();
    assert_eq!(
        message.attributes.channel,
        Some(kustomer::models::Channel::Email)
    );
    assert_eq!(message.attributes.meta["subject"], "Re: hey");
    assert_eq!(message.attributes.sentiment.unwrap().polarity, Some(1));
    assert_eq!(message.customer_id(), Some("57c08ccde595371400462df2"));
    assert_eq!(message.conversation_id(), Some("57c8d2b365f7cc14004e674f"));
    assert_eq!(
        ListMessages::new()
            .parse(ok(200, fixture("message_list_spec.json")))
            .unwrap()
            .items
            .len(),
        1
    );

    let note = GetNote::new("x")
        .parse(ok(200, fixture("note_get_spec.json")))
        .unwrap();
    assert_eq!(note.attributes.body.as_deref(), Some("Hey"));
    assert_eq!(note.conversation_id(), Some("57ce17d2369f251400fc8e89"));

    let tags = ["a".to_string()];
    let tagged = TagConversation::add("x", &tags[..])
        .parse(ok(200, fixture("conversation_tags_spec.json")))
        .unwrap();
    assert_eq!(tagged.attributes.tags.len(), 2);
    let events = ListConversationEvents::new("x")
        .parse(ok(200, fixture("conversation_events_spec.json")))
        .unwrap();
    assert_eq!(events.items[0].kind.as_deref(), Some("customer_event"));
}

#[test]
fn real_world_conversations_parse_with_absence_visible() {
    let c = GetConversation::new("x")
        .parse(ok(200, fixture("conversation_get_quirky.json")))
        .unwrap();
    let a = &c.attributes;
    assert_eq!(a.name.as_deref(), Some("Où est ma commande ?"));
    assert_eq!(a.tags.len(), 2);
    assert_eq!(a.ended, None, "absent on a fresh conversation");
    assert_eq!(a.snooze, None);
    assert_eq!(a.note_count, None, "null");
    assert_eq!(
        a.rev, None,
        "a string where a number is typed reads as absent"
    );
    assert_eq!(a.priority, None);
    assert_eq!(a.sentiment.unwrap().polarity, None, "{{}}");
    assert_eq!(
        a.last_message_in.as_ref().unwrap().sent_at,
        "2024-03-01T10:30:00.000Z".parse().ok()
    );
    assert_eq!(a.last_message_out.as_ref().unwrap().id, None);
    assert_eq!(
        a.satisfaction_level.as_ref().unwrap()["answers"][0]["answer"],
        "Great"
    );
    assert_eq!(a.custom.str("orderNumStr"), Some("1059"));
    assert_eq!(a.custom.bool("urgentBool"), Some(true));
    assert_eq!(a.custom.num("valueNum"), None);
    assert_eq!(a.custom["regionTree"], "emea.fr");
    assert_eq!(c.attribute("phase"), Some(serde_json::json!("triage")));
    assert!(c.attribute("modificationHistory").is_some());
    assert_eq!(c.customer_id(), Some("5f3c0d0e2f1a4b0012ab34cd"));
    assert_eq!(c.relationships.queue.as_ref().unwrap().id(), None);
    assert_eq!(c.relationships.org.as_ref().unwrap().self_link(), None);
    assert!(c.relationships.created_by.is_none());
    assert!(c.relationships.brand.is_none());
}

#[test]
fn real_world_messages_and_notes_parse() {
    let m = GetMessage::new("x")
        .parse(ok(200, fixture("message_get_quirky.json")))
        .unwrap();
    let a = &m.attributes;
    assert_eq!(a.meta["to"], "ada@example.com");
    assert_eq!(a.meta["cc"]["email"], "b@example.com");
    assert_eq!(a.status, Some(kustomer::models::MessageStatus::Error));
    let error = a.error.as_ref().unwrap();
    assert_eq!(
        (error.status, error.code.as_deref()),
        (Some(550.0), Some("mailbox_full"))
    );
    assert_eq!(a.direction_type.as_deref(), Some("response-out"));
    assert_eq!(a.subject, None);
    assert_eq!(a.size, None);
    assert!(
        a.created_at < a.sent_at,
        "a caller may set createdAt in the past"
    );
    assert_eq!(a.attachments.len(), 1, "the stray string is skipped");
    assert_eq!(
        m.customer_id(),
        Some("5f3c0d0e2f1a4b0012ab34cd"),
        "typed `customers`, read anyway"
    );
    assert_eq!(m.conversation_id(), Some("5f3c0d0e2f1a4b0012ab0001"));

    let note = CreateNote::new(NoteInput::new("Rappelé le client"))
        .parse(ok(201, fixture("note_create_quirky.json")))
        .unwrap();
    assert_eq!(note.attributes.body.as_deref(), Some("Rappelé le client"));
    assert_eq!(note.conversation_id(), None);
    assert!(note.attributes.user_mentions.is_empty());
}
