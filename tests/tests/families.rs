//! Customers, conversations, messages and notes through the generic layer, against the fake
//! server, through both transports: the conformance functions of `support/conformance.rs`, then
//! what a family has of its own (tags, events, redactions, a PUT's required keys).

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod support;

use kustomer::Error;
use kustomer::conversations::{ConversationInput, ConversationUpdate};
use kustomer::customers::CustomerInput;
use kustomer::messages::{MessageInput, MessageUpdate, RedactionInput};
use kustomer::models::Channel;
use kustomer::models::{Conversation, Customer, Message, Note};
use kustomer::notes::{NoteInput, NoteUpdate};
use kustomer::ops::UpdateMode;
use kustomer_fake::SPEC_CUSTOMER_ID;
use support::conformance::{Parents, Sample, bulk_and_walk, crud, deletes, each_client};

impl Sample for Customer {
    fn scope() {}
    fn input(n: usize, _: &Parents) -> CustomerInput {
        CustomerInput::new().name(format!("Sample {n}"))
    }
    fn change(n: usize, _: &Parents) -> CustomerInput {
        CustomerInput::new().name(format!("Changed {n}"))
    }
    fn label(&self) -> Option<String> {
        self.attributes.name.clone()
    }
}

impl Sample for Conversation {
    fn scope() {}
    fn input(n: usize, parents: &Parents) -> ConversationInput {
        ConversationInput::for_customer(&parents.customer).name(format!("Sample {n}"))
    }
    fn change(n: usize, _: &Parents) -> ConversationUpdate {
        ConversationUpdate::new().name(format!("Changed {n}"))
    }
    fn label(&self) -> Option<String> {
        self.attributes.name.clone()
    }
}

impl Sample for Message {
    fn scope() {}
    fn input(n: usize, parents: &Parents) -> MessageInput {
        MessageInput::inbound(Channel::Chat, "api")
            .conversation(&parents.conversation)
            .preview(format!("Sample {n}"))
    }
    fn change(n: usize, _: &Parents) -> MessageUpdate {
        MessageUpdate::new().preview(format!("Changed {n}"))
    }
    fn label(&self) -> Option<String> {
        self.attributes.preview.clone()
    }
}

impl Sample for Note {
    fn scope() {}
    fn input(n: usize, _: &Parents) -> NoteInput {
        NoteInput::new(format!("Sample {n}"))
    }
    fn bulk_input(n: usize, parents: &Parents) -> NoteInput {
        NoteInput::new(format!("Sample {n}")).conversation(&parents.conversation)
    }
    fn change(n: usize, parents: &Parents) -> NoteUpdate {
        NoteUpdate::new()
            .body(format!("Changed {n}"))
            .conversation(&parents.conversation)
    }
    fn label(&self) -> Option<String> {
        self.attributes.body.clone()
    }
}

#[test]
fn customers_conform() {
    each_client(|name, client, parents| {
        crud::<Customer>(name, client, parents);
        deletes::<Customer>(name, client, parents);
    });
}

#[test]
fn conversations_conform() {
    each_client(|name, client, parents| {
        crud::<Conversation>(name, client, parents);
        deletes::<Conversation>(name, client, parents);
        bulk_and_walk::<Conversation>(name, client, parents);
    });
}

#[test]
fn messages_conform() {
    each_client(|name, client, parents| {
        crud::<Message>(name, client, parents);
        bulk_and_walk::<Message>(name, client, parents);
    });
}

#[test]
fn notes_conform() {
    each_client(|name, client, parents| {
        crud::<Note>(name, client, parents);
        deletes::<Note>(name, client, parents);
        bulk_and_walk::<Note>(name, client, parents);
    });
}

#[test]
fn customers_bulk_and_walk_conform() {
    each_client(bulk_and_walk::<Customer>);
}

// ---- What a family has of its own ----------------------------------------------------------

#[test]
fn a_conversation_has_messages_notes_tags_and_events() {
    each_client(|name, client, parents| {
        let id = parents.conversation.as_str();
        let conversations = client.conversations();
        // Messages and notes under it, typed, and with the conversation's customer.
        let message = client
            .messages()
            .create_in_conversation(
                id,
                &MessageInput::inbound(Channel::Chat, "api").preview("Hello"),
            )
            .unwrap();
        assert_eq!(message.conversation_id(), Some(id), "{name}");
        assert_eq!(
            message.customer_id(),
            Some(parents.customer.as_str()),
            "{name}"
        );
        client
            .notes()
            .create_in_conversation(id, &NoteInput::new("Looked into it"))
            .unwrap();
        let messages: Vec<Message> = client
            .messages()
            .of_conversation(id)
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(messages.len(), 1, "{name}");
        assert_eq!(
            messages[0].attributes.preview.as_deref(),
            Some("Hello"),
            "{name}"
        );
        let notes: Vec<Note> = client
            .notes()
            .of_conversation(id)
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            notes[0].attributes.body.as_deref(),
            Some("Looked into it"),
            "{name}"
        );
        // Tags by name, added and removed (a DELETE with a body, on both transports).
        // Names as `&[&str]` and as `&[String]`: the same request.
        let tagged = conversations.add_tags(id, ["vip", "refund"]).unwrap();
        assert_eq!(tagged.attributes.tags.len(), 2, "{name}: tag ids");
        let untagged = conversations.remove_tags(id, &["vip".to_string()]).unwrap();
        assert_eq!(untagged.attributes.tags.len(), 1, "{name}");
        // Every change is an event.
        let events: Vec<_> = conversations.events(id).collect::<Result<_, _>>().unwrap();
        assert!(!events.is_empty(), "{name}");
        assert_eq!(conversations.attachments(id).count(), 0, "{name}");
        // A stale rev is a conflict.
        let current = conversations.get(id).unwrap();
        let stale = {
            let mut value =
                ConversationUpdate::new().status(kustomer::models::ConversationStatus::Done);
            value.rev = current.attributes.rev.map(|r| r + 5);
            value
        };
        let conflict = conversations
            .update(id, &stale, UpdateMode::Merge)
            .unwrap_err();
        assert!(conflict.is_conflict(), "{name}: {conflict:?}");
        // By external ID.
        let external = conversations
            .create(
                &ConversationInput::for_customer(&parents.customer)
                    .external_id(format!("ticket/{name}")),
            )
            .unwrap();
        let found = conversations
            .by_external_id(&format!("ticket/{name}"))
            .unwrap();
        assert_eq!(found.id, external.id, "{name}");
    });
}

#[test]
fn a_customers_conversations_messages_and_notes_come_back_typed() {
    each_client(|name, client, parents| {
        let customer = parents.customer.as_str();
        let opened = client
            .conversations()
            .create_for_customer(customer, &ConversationInput::new().name("Second"))
            .unwrap();
        assert_eq!(opened.customer_id(), Some(customer), "{name}");
        let names: Vec<Option<String>> = client
            .conversations()
            .of_customer(customer)
            .map(|c| c.unwrap().attributes.name)
            .collect();
        assert_eq!(names.len(), 2, "{name}: {names:?}");
        client
            .messages()
            .create_for_customer(
                customer,
                &MessageInput::outbound(Channel::Sms, "api").preview("Code 1234"),
            )
            .unwrap();
        let previews: Vec<Option<String>> = client
            .messages()
            .of_customer(customer)
            .map(|m| m.unwrap().attributes.preview)
            .collect();
        assert_eq!(previews, [Some("Code 1234".to_string())], "{name}");
        // The seeded customer's notes, typed.
        let notes: Vec<Note> = client
            .notes()
            .of_customer(SPEC_CUSTOMER_ID)
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(notes.len(), 3, "{name}");
        // Input a create under a customer may not carry is refused before anything is sent.
        let refused = client
            .conversations()
            .create_for_customer(customer, &ConversationInput::for_customer(customer))
            .unwrap_err();
        assert!(matches!(refused, Error::InvalidInput(_)), "{name}");
    });
}

#[test]
fn messages_are_redacted_and_notes_need_their_conversation_to_be_replaced() {
    each_client(|name, client, parents| {
        let message = client
            .messages()
            .create(&Message::input(1, parents))
            .unwrap();
        let redacted = client
            .messages()
            .redact(&message.id, &RedactionInput::text("[removed]"))
            .unwrap();
        assert_eq!(
            redacted.attributes.preview.as_deref(),
            Some("[removed]"),
            "{name}"
        );
        assert_eq!(redacted.attributes.redacted, Some(true), "{name}");
        let note = client.notes().create(&NoteInput::new("Draft")).unwrap();
        let without = NoteUpdate::new().body("Final");
        let refused = client
            .notes()
            .update(&note.id, &without, UpdateMode::Merge)
            .unwrap_err();
        assert!(
            matches!(refused, Error::InvalidInput(_)),
            "{name}: {refused:?}"
        );
        let patched = client
            .notes()
            .update(&note.id, &without, UpdateMode::Patch)
            .unwrap();
        assert_eq!(patched.attributes.body.as_deref(), Some("Final"), "{name}");
    });
}
