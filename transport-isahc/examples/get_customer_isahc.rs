//! Fetch one customer by ID and print it as JSON.
//!
//! ```text
//! KUSTOMER_API_KEY=... cargo run -p kustomer-isahc --example get_customer_isahc -- <customer-id>
//! ```
//! Where: `KUSTOMER_BASE_URL` (any base, e.g. a proxy or a local server), or else `KUSTOMER_ORG`
//! (your org's subdomain), or else `KUSTOMER_REGION` (`us`, `eu`, `india`; `us` by default).
//! On failure: the error on stderr, exit code 1.

use std::process::ExitCode;

use kustomer::{Client, Config};
use kustomer_isahc::IsahcTransport;

fn main() -> ExitCode {
    match run() {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<String, Box<dyn std::error::Error>> {
    let id = std::env::args()
        .nth(1)
        .ok_or("usage: get_customer_isahc <customer-id>")?;
    let client = Client::new(Config::from_env()?, IsahcTransport::new()?);
    let customer = client.customers().get(&id)?;
    Ok(serde_json::to_string_pretty(&customer)?)
}
