//! A file on a message: creates a customer and a conversation, uploads a file as an attachment
//! (the API answers where to; the file goes there, never with the API key), and posts a message
//! naming it. Pass a path to upload that file; without one, a small text file is made up.
//!
//! ```text
//! cargo run -p kustomer-fake --example attach_file [path]                      # against the embedded fake server
//! KUSTOMER_API_KEY=... cargo run -p kustomer-fake --example attach_file [path] # against your org (creates records)
//! ```

use kustomer::models::Channel;
use std::process::ExitCode;

use kustomer::Client;
use kustomer::attachments::{AttachmentInput, GetMessageAttachment};
use kustomer::conversations::ConversationInput;
use kustomer::customers::CustomerInput;
use kustomer::messages::MessageInput;
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
    let (config, fake) = kustomer_fake::env_or_fake(|_| {})?;
    let client = Client::new(config, UreqTransport::new());

    let (name, bytes) = match std::env::args().nth(1) {
        Some(path) => {
            let name = std::path::Path::new(&path)
                .file_name()
                .map_or_else(|| "file".to_owned(), |n| n.to_string_lossy().into_owned());
            (name, std::fs::read(&path)?)
        }
        None => (
            "packing-slip.txt".to_owned(),
            b"Order #1059: 1 hoodie (XL), 1 mug\n".to_vec(),
        ),
    };
    let content_type = if name.ends_with(".txt") {
        "text/plain"
    } else {
        "application/octet-stream"
    };

    let customer = client
        .customers()
        .create(&CustomerInput::new().name("Ada Lovelace"))?;
    let conversation = client.conversations().create_for_customer(
        &customer.id,
        &ConversationInput::new().name("Your packing slip"),
    )?;
    println!("conversation  {}", conversation.id);

    let input = AttachmentInput::new(&name, content_type, u64::try_from(bytes.len())?);
    let attachment = client.attachments().upload(&input, bytes.as_slice())?;
    println!(
        "uploaded      {} {} ({} bytes)",
        attachment.id,
        name,
        bytes.len()
    );

    let message = client.messages().create_in_conversation(
        &conversation.id,
        &MessageInput::outbound(Channel::Email, "api")
            .preview("Here is your packing slip.")
            .attachment(&attachment),
    )?;
    println!("message       {} with {} attachment(s)", message.id, 1);

    let on_message = client.execute(&GetMessageAttachment::new(
        message.id.as_str(),
        attachment.id.as_str(),
    ))?;
    println!("on message    {:?}", on_message.attributes.name);

    if let Some(fake) = fake {
        // The fake plays the storage host: it kept the bytes, and refused any Kustomer key.
        let stored = fake
            .uploads()
            .into_iter()
            .any(|(id, stored)| id == attachment.id && stored == bytes);
        println!(
            "storage host  {}",
            if stored {
                "received the file intact"
            } else {
                "has no such file"
            }
        );
    }
    Ok(())
}
