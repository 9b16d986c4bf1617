//! A support inbox's day: a customer writes in, an agent notes and tags the conversation, finds
//! the open ones, closes it, and a sync job walks every conversation updated since a date.
//!
//! ```text
//! cargo run -p kustomer-fake --example support_inbox                      # against the embedded fake server
//! KUSTOMER_API_KEY=... cargo run -p kustomer-fake --example support_inbox # against your org (creates records)
//! ```

use std::process::ExitCode;

use kustomer::Client;
use kustomer::conversations::{ConversationInput, ConversationUpdate, SearchConversations};
use kustomer::customers::CustomerInput;
use kustomer::messages::MessageInput;
use kustomer::models::Conversation;
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
        &ConversationInput::new().name("Where is my order?"),
    )?;
    println!(
        "conversation  {} {:?}",
        conversation.id, conversation.attributes.status
    );

    let message = client.messages().create_in_conversation(
        &conversation.id,
        &MessageInput::new("chat", "api", "in").preview("Hi, my order #1059 has not arrived."),
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
        Criterion::attribute::<Conversation>("status"),
        "open",
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
        &ConversationUpdate::new().status("done"),
        UpdateMode::Patch,
    )?;
    println!("closed        {:?}", closed.attributes.status);

    // A sync job: every conversation updated since a date, past the search's 100-page cap.
    let since = SearchQuery::new().and(Criterion::gte(
        Criterion::attribute::<Conversation>("updated_at"),
        "2000-01-01T00:00:00.000Z",
    ));
    let mut walked = 0;
    for conversation in client.conversations().search_all(since, 500) {
        let conversation = conversation?;
        if conversation.attributes.status.as_deref() == Some("done") {
            walked += 1;
        }
    }
    println!("walked        {walked} done since 2000");
    Ok(())
}
