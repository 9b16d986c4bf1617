//! The CRUD flow a sync job runs: create, look up, update (conditionally, with `rev`), upsert,
//! and delete a customer.
//!
//! ```text
//! cargo run -p kustomer-fake --example crud                      # against the embedded fake server
//! KUSTOMER_API_KEY=... cargo run -p kustomer-fake --example crud # against your org (it creates and deletes one customer)
//! ```

use std::process::ExitCode;

use kustomer::Client;
use kustomer::customers::CustomerInput;
use kustomer::ops::{UpdateMode, UpsertOutcome};
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
    // The fake server unless a real key is given; kept alive until the end of `run`.
    let (config, _fake) = kustomer_fake::env_or_fake(|_| {})?;
    let client = Client::new(config, UreqTransport::new());
    let customers = client.customers();

    let input = CustomerInput::new()
        .name("Ada Lovelace")
        .external_id("crud-example-1815")
        .email("ada.crud@example.com")
        .tag("example")
        .custom_num("ordersNum", 1.0);
    let ada = customers.create(&input)?;
    println!("created  {} rev {:?}", ada.id, ada.attributes.rev);

    let found = customers.by_external_id("crud-example-1815")?;
    println!("found    {} by external ID", found.id);

    // Conditional update: only if nobody changed the customer since we read it.
    let rename = {
        let mut value = CustomerInput::new().name("Ada King");
        value.rev = found.attributes.rev;
        value
    };
    let renamed = customers.update(&found.id, &rename, UpdateMode::Merge)?;
    println!(
        "updated  name {:?} rev {:?}",
        renamed.attributes.name, renamed.attributes.rev
    );

    // The same stale revision again: the API refuses it with a 409.
    match customers.update(&found.id, &rename, UpdateMode::Merge) {
        Err(e) if e.is_conflict() => println!("conflict on a stale rev, as it should be"),
        other => return Err(format!("expected a conflict, got {other:?}").into()),
    }

    let upserted = customers.upsert(
        &CustomerInput::new()
            .external_id("crud-example-1815")
            .custom_num("ordersNum", 2.0),
    )?;
    match &upserted {
        UpsertOutcome::Updated(c) => println!("upserted (updated) {}", c.id),
        UpsertOutcome::Created(c) => println!("upserted (created) {}", c.id),
        _ => {}
    }

    customers.delete(&ada.id)?;
    match customers.get(&ada.id) {
        Err(e) if e.is_not_found() => println!("deleted  {}", ada.id),
        other => return Err(format!("expected a 404 after delete, got {other:?}").into()),
    }
    Ok(())
}
