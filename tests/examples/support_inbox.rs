//! A support inbox's day: a customer writes in, an agent notes and tags the conversation, finds
//! the open ones, closes it, and a sync job walks every conversation updated since a date.
//!
//! ```text
//! cargo run -p kustomer-fake --example support_inbox                      # against the embedded fake server
//! KUSTOMER_API_KEY=... cargo run -p kustomer-fake --example support_inbox # against your org (creates records)
//! ```

use std::process::ExitCode;

use kustomer::Client;
use kustomer::attributes::conversation;
use kustomer::conversations::{ConversationInput, ConversationUpdate, SearchConversations};
use kustomer::customers::CustomerInput;
use kustomer::messages::MessageInput;
use kustomer::models::{Channel, ConversationStatus, Priority};
use kustomer::notes::NoteInput;
use kustomer::ops::UpdateMode;
use kustomer::search::{Criterion, SearchQuery};
use kustomer_ureq::UreqTransport;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let (config, _fake) = kustomer_fake::env_or_fake(|_| {})?;
    let client = Client::new(config, UreqTransport::new());

    let customer = client.customers().create(
        &CustomerInput::new()
            .name("Grace Hopper")
            .email("grace.inbox@example.com"),
    )?;
    println!("customer      {}", customer.id);

    let conversation = client.conversations().create_for_customer(
        &customer.id,
        &ConversationInput::new()
            .name("Where is my order?")
            .priority(Priority::HIGHEST),
    )?;
    println!(
        "conversation  {} {:?}",
        conversation.id, conversation.attributes.status
    );

    let message = client.messages().create_in_conversation(
        &conversation.id,
        &MessageInput::inbound(Channel::Chat, "api").preview("Hi, my order #1059 has not arrived."),
    )?;
    println!(
        "message in    {} {:?}",
        message.id, message.attributes.preview
    );

    let note = client.notes().create_in_conversation(
        &conversation.id,
        &NoteInput::new("Checked with the carrier: delivered tomorrow."),
    )?;
    println!("note          {}", note.id);

    let tagged = client.conversations().add_tags(
        &conversation.id,
        &["shipping".to_string(), "order-1059".to_string()],
    )?;
    println!("tags          {} tag ids", tagged.attributes.tags.len());

    let open = SearchQuery::new().and(Criterion::equals(
        conversation::STATUS,
        ConversationStatus::Open,
    ));
    let open_ids: Vec<String> = client
        .conversations()
        .search(SearchConversations::new(open).page_size(100))
        .map(|c| c.map(|c| c.id))
        .collect::<Result<_, _>>()?;
    println!(
        "open          {} (this one {})",
        open_ids.len(),
        if open_ids.contains(&conversation.id) {
            "among them"
        } else {
            "missing"
        }
    );

    let closed = client.conversations().update(
        &conversation.id,
        &ConversationUpdate::new().status(ConversationStatus::Done),
        UpdateMode::Patch,
    )?;
    let status = closed.attributes.status.as_ref();
    println!(
        "closed        {}",
        status.map_or("?".into(), |s| s.to_string())
    );

    // A sync job: every conversation updated since the customer was created, past the search's
    // 100-page cap. Date-times are instants: one read from a record bounds a search, and the
    // newest is found by comparing them.
    let Some(created) = customer.attributes.created_at.and_then(|at| at.timestamp()) else {
        return Err("the customer came back without a readable createdAt".into());
    };
    let since = SearchQuery::new().and(Criterion::gte(conversation::UPDATED_AT, created));
    let (mut walked, mut newest) = (0, None);
    for conversation in client.conversations().search_all(since, 500) {
        let attributes = conversation?.attributes;
        if attributes.status == Some(ConversationStatus::Done) {
            walked += 1;
        }
        newest = newest.max(attributes.updated_at.and_then(|at| at.timestamp()));
    }
    let newest = newest.map_or("none".into(), |at| at.to_string());
    println!("walked        {walked} done since {created}, newest update {newest}");
    Ok(())
}
