//! The two-minute tour: start the embedded fake Kustomer server on 127.0.0.1, fetch a customer
//! through the ureq transport, and print it. (It lives beside the ureq transport so that a
//! first run compiles one TLS stack and nothing the benchmarks need; the isahc transport's own
//! example is `cargo run -p kustomer-isahc --example get_customer_isahc`.)
//!
//! ```text
//! cargo run --example quickstart
//! ```

use std::process::ExitCode;

use kustomer::Client;
use kustomer_fake::{FakeKustomer, SPEC_CUSTOMER_ID};
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
    let server = FakeKustomer::start()?;
    println!("fake Kustomer API listening on {}", server.base_url());

    // In real use: `Config::new(ApiKey::new(key)?).with_base_url(Region::Eu)`, or `Config::from_env()`.
    let ureq = Client::new(server.config(), UreqTransport::new());

    let via_ureq = ureq.customers().get(SPEC_CUSTOMER_ID)?;
    println!(
        "ureq:  {} <{}>, {} open conversations",
        via_ureq.attributes.name.as_deref().unwrap_or("(no name)"),
        via_ureq
            .attributes
            .emails
            .first()
            .and_then(|e| e.email.as_deref())
            .unwrap_or("-"),
        via_ureq
            .attributes
            .conversation_counts
            .and_then(|c| c.open)
            .unwrap_or(0),
    );

    match ureq.customers().get("000000000000000000000000") {
        Err(e) if e.is_not_found() => println!("missing customer: {e}"),
        other => return Err(format!("expected a 404, got {other:?}").into()),
    }

    println!("{}", serde_json::to_string_pretty(&via_ureq)?);
    Ok(())
}
