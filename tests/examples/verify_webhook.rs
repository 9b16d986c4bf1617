//! Checks one webhook delivery and says what it is: reads the raw body from stdin, the
//! `X-Kustomer-Webhook-Signature` header's value from `KUSTOMER_WEBHOOK_SIGNATURE` and the
//! webhook's token from `KUSTOMER_WEBHOOK_SECRET`. On success it prints one JSON line
//! `{"event": …, "id": …, "dataType": …, "dataId": …}` and exits 0; otherwise one line on
//! stderr and exit 1. It never prints the secret.
//!
//! ```text
//! KUSTOMER_WEBHOOK_SECRET=... KUSTOMER_WEBHOOK_SIGNATURE=... \
//!     cargo run -p kustomer-fake --example verify_webhook < delivery.json
//! ```

use std::io::Read;
use std::process::ExitCode;

use kustomer::webhooks::{WebhookEvent, WebhookVerifier};

fn main() -> ExitCode {
    match run() {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<String, Box<dyn std::error::Error>> {
    let secret = std::env::var("KUSTOMER_WEBHOOK_SECRET")
        .map_err(|_| "KUSTOMER_WEBHOOK_SECRET is not set: it holds the webhook's token")?;
    // Absent is the verifier's to refuse, as for a delivery without the header.
    let signature = std::env::var("KUSTOMER_WEBHOOK_SIGNATURE").ok();
    let mut body = Vec::new();
    std::io::stdin()
        .take(10 * 1024 * 1024)
        .read_to_end(&mut body)
        .map_err(|e| format!("cannot read the body from stdin: {e}"))?;
    WebhookVerifier::new(&secret)?.verify(&body, signature.as_deref())?;
    let event = WebhookEvent::parse(&body)?;
    let line = Line {
        event: &event.name,
        id: &event.id,
        data_type: event.data.kind(),
        data_id: event.data.id(),
    };
    Ok(serde_json::to_string(&line)?)
}

/// The line printed, its keys in this order.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Line<'a> {
    event: &'a str,
    id: &'a str,
    data_type: Option<&'a str>,
    data_id: Option<&'a str>,
}
