//! Every family through the generic layer, against the fake server, through both transports.
//! The conformance functions are written once, generic over the family, and called for
//! customers, conversations, messages and notes; what a family has of its own (tags, events,
//! redactions, a PUT's required keys) is tested after them.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::HashSet;
use std::time::{Duration, UNIX_EPOCH};

use kustomer::conversations::{ConversationInput, ConversationUpdate};
use kustomer::customers::{Criterion, CustomerInput, SearchQuery, UpdateMode};
use kustomer::family::{BulkWritable, Deletable, Gettable, Listable, Searchable, Updatable};
use kustomer::messages::{MessageInput, MessageUpdate, RedactionInput};
use kustomer::models::{Conversation, Customer, Message, Note};
use kustomer::notes::{NoteInput, NoteUpdate};
use kustomer::ops::{BulkUpdate, List, Search};
use kustomer::{Client, Error, ManualClock, RetryPolicy, TransportOptions};
use kustomer_tests::{DynTransport, FakeKustomer, SPEC_CUSTOMER_ID, clients_with};

/// Records a test hangs its samples on: a customer and one of their conversations.
struct Parents {
    customer: String,
    conversation: String,
}

/// What the conformance functions need to know of a family: sample inputs, a change, and the
/// attribute that change shows in.
trait Sample: Gettable + Listable + Searchable + Updatable + BulkWritable {
    fn scope() -> Self::Scope;
    fn input(n: usize, parents: &Parents) -> Self::Input;
    fn bulk_input(n: usize, parents: &Parents) -> Self::Input {
        Self::input(n, parents)
    }
    fn change(n: usize, parents: &Parents) -> Self::Update;
    fn label(&self) -> Option<String>;
}

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
        MessageInput::new("chat", "api", "in")
            .conversation(&parents.conversation)
            .preview(format!("Sample {n}"))
    }
    fn change(n: usize, _: &Parents) -> MessageUpdate {
        MessageUpdate {
            preview: Some(format!("Changed {n}")),
            ..MessageUpdate::new()
        }
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

/// Both transports' clients on a fresh fake, a manual clock (bulk polls never sleep), and a
/// customer with a conversation.
fn each_client(test: impl Fn(&str, &Client<DynTransport>, &Parents)) {
    let server = FakeKustomer::start().unwrap();
    let clients = clients_with(&server.config(), TransportOptions::default(), |b| {
        b.retry_policy(RetryPolicy::disabled())
            .clock(ManualClock::new(
                UNIX_EPOCH + Duration::from_secs(1_700_000_000),
            ))
    })
    .unwrap();
    for (name, client) in &clients {
        let customer = client
            .customers()
            .create(&CustomerInput::new().name(format!("Parent via {name}")))
            .unwrap();
        let conversation = client
            .conversations()
            .create(&ConversationInput::for_customer(&customer.id).name("Parent"))
            .unwrap();
        let parents = Parents {
            customer: customer.id,
            conversation: conversation.id,
        };
        test(name, client, &parents);
    }
}

/// Create, get, update (merge, replace, patch), and find it again in a list walked page by page.
fn crud<R: Sample>(name: &str, client: &Client<DynTransport>, parents: &Parents) {
    let family = client.family_within::<R>(R::scope());
    let created = family.create(&R::input(1, parents)).unwrap();
    let id = created.record_id().unwrap().to_owned();
    assert_eq!(created.label().as_deref(), Some("Sample 1"), "{name}");
    let got = family.get(&id).unwrap();
    assert_eq!(got.record_id(), Some(id.as_str()), "{name}");
    assert_eq!(got.label(), created.label(), "{name}");
    for (n, mode) in [
        (2, UpdateMode::Merge),
        (3, UpdateMode::Replace),
        (4, UpdateMode::Patch),
    ] {
        let updated = family.update(&id, &R::change(n, parents), mode).unwrap();
        assert_eq!(
            updated.label(),
            Some(format!("Changed {n}")),
            "{name} {mode:?}"
        );
        assert_eq!(family.get(&id).unwrap().label(), updated.label(), "{name}");
    }
    let missing = family.get("6500ffffffffffffffffffff").unwrap_err();
    assert!(missing.is_not_found(), "{name}: {missing:?}");
    // A list walked two at a time finds it, each record once.
    family.create(&R::input(5, parents)).unwrap();
    family.create(&R::input(6, parents)).unwrap();
    let ids: Vec<String> = family
        .list(List::within(R::scope()).page_size(2))
        .map(|r| r.unwrap().record_id().unwrap().to_owned())
        .collect();
    assert!(ids.contains(&id), "{name}");
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        ids.len(),
        "{name}"
    );
    assert!(ids.len() >= 3, "{name}");
}

/// Delete, then the record is gone.
fn deletes<R: Sample + Deletable>(name: &str, client: &Client<DynTransport>, parents: &Parents) {
    let family = client.family_within::<R>(R::scope());
    let created = family.create(&R::input(7, parents)).unwrap();
    let id = created.record_id().unwrap().to_owned();
    family.delete(&id).unwrap();
    assert!(family.get(&id).unwrap_err().is_not_found(), "{name}");
}

/// 230 records in bulk jobs, awaited; then every one of them through the walk past the search's
/// 100-page cap (pages of 2), each once; and the first pages through a plain search.
fn bulk_and_walk<R: Sample>(name: &str, client: &Client<DynTransport>, parents: &Parents) {
    let family = client.family_within::<R>(R::scope());
    let inputs: Vec<R::Input> = (0..230).map(|n| R::bulk_input(1000 + n, parents)).collect();
    let jobs = family.bulk_create(&inputs).unwrap();
    assert_eq!(jobs.len(), 3, "{name}: jobs of at most 100");
    for job in &jobs {
        let report = family
            .wait_for_bulk(&job.id, Duration::from_secs(1), Duration::from_secs(60))
            .unwrap();
        assert!(report.failures.is_empty(), "{name}: {:?}", report.failures);
    }
    let since = Criterion::gte(R::UPDATED_AT, "2000-01-01T00:00:00.000Z");
    let walked: Vec<R> = family
        .search_all(SearchQuery::new().and(since.clone()), 2)
        .collect::<Result<_, _>>()
        .unwrap();
    let labels: HashSet<String> = walked.iter().filter_map(R::label).collect();
    for n in 0..230 {
        assert!(
            labels.contains(&format!("Sample {}", 1000 + n)),
            "{name}: {n} missing"
        );
    }
    let ids: HashSet<&str> = walked.iter().filter_map(R::record_id).collect();
    assert_eq!(ids.len(), walked.len(), "{name}: a record came twice");
    // Plain search: the cap is the API's (pages 1 to 100 of 2 = 200 results at most).
    let capped: Vec<_> = family
        .search(Search::<R>::within(R::scope(), SearchQuery::new().and(since)).page_size(2))
        .collect();
    assert!(capped.len() >= 200, "{name}: {}", capped.len());
    assert!(
        capped.iter().take(200).all(Result::is_ok),
        "{name}: {:?}",
        capped.iter().find(|r| r.is_err())
    );
    // A bulk update changes them.
    let first = walked.first().unwrap().record_id().unwrap().to_owned();
    let jobs = family
        .bulk_update(&[BulkUpdate {
            id: first.clone(),
            input: R::change(9, parents),
        }])
        .unwrap();
    family
        .wait_for_bulk(&jobs[0].id, Duration::from_secs(1), Duration::from_secs(60))
        .unwrap();
    assert_eq!(
        family.get(&first).unwrap().label().as_deref(),
        Some("Changed 9"),
        "{name}"
    );
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
            .create_in_conversation(id, &MessageInput::new("chat", "api", "in").preview("Hello"))
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
        let tags = ["vip".to_string(), "refund".to_string()];
        let tagged = conversations.add_tags(id, &tags).unwrap();
        assert_eq!(tagged.attributes.tags.len(), 2, "{name}: tag ids");
        let untagged = conversations.remove_tags(id, &tags[..1]).unwrap();
        assert_eq!(untagged.attributes.tags.len(), 1, "{name}");
        // Every change is an event.
        let events: Vec<_> = conversations.events(id).collect::<Result<_, _>>().unwrap();
        assert!(!events.is_empty(), "{name}");
        assert_eq!(conversations.attachments(id).count(), 0, "{name}");
        // A stale rev is a conflict.
        let current = conversations.get(id).unwrap();
        let stale = ConversationUpdate {
            rev: current.attributes.rev.map(|r| r + 5),
            ..ConversationUpdate::new().status("done")
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
                &MessageInput::new("sms", "api", "out").preview("Code 1234"),
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
