//! Custom objects, with nothing defined by the program: reads the `order` klass's attribute
//! definitions, checks an order against them, creates it for a customer, finds it by your ID
//! for it, updates it, searches the orders above an amount, and deletes it.
//!
//! ```text
//! cargo run -p kustomer-fake --example custom_objects                      # against the embedded fake server
//! KUSTOMER_API_KEY=... cargo run -p kustomer-fake --example custom_objects # against your org (needs an `order`
//!                                                         # klass with totalNum and statusStr)
//! ```

use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use kustomer::Client;
use kustomer::custom_objects::{KObjectInput, KlassName, SearchKObjects};
use kustomer::customers::CustomerInput;
use kustomer::models::CustomFields;
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
    let order = KlassName::new("order");
    let orders = client.custom_objects(&order);

    // What an order holds, as the org defined it.
    let metadata = client.metadata().get(&order.metadata_resource())?;
    let names: Vec<&str> = metadata
        .attributes
        .properties
        .keys()
        .map(String::as_str)
        .collect();
    println!("order fields  {}", names.join(", "));

    let customer = client.customers().create(
        &CustomerInput::new()
            .name("Ada Lovelace")
            .email("ada.orders@example.com"),
    )?;
    println!("customer      {}", customer.id);

    // Your ID for the order: unique per run, so that a real org keeps no clash.
    let stamp = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis();
    let external_id = format!("shop-order-{stamp}");
    let input = KObjectInput::new("Order #1059")
        .external_id(&external_id)
        .custom_num("totalNum", 149.5)
        .custom_str("statusStr", "placed");
    // A typo in an attribute name is caught here, before Kustomer sees it.
    metadata.check_custom(&input.custom)?;
    let created = orders.create_for_customer(&customer.id, &input)?;
    println!("created       {} {:?}", created.id, created.klass());

    let found = orders.by_external_id(&external_id)?;
    println!("found         {} by {external_id}", found.id);

    let paid = KObjectInput::update().custom_str("statusStr", "paid");
    let updated = orders.update(&found.id, &paid, UpdateMode::Merge)?;
    println!(
        "updated       {:?}",
        updated.attributes.custom.str("statusStr")
    );

    let above = SearchQuery::new().and(Criterion::gt(order.criterion("totalNum"), 100));
    let mut count = 0;
    let mut mine = false;
    for hit in orders.search(SearchKObjects::within(&order, above).page_size(100)) {
        let hit = hit?;
        count += 1;
        mine |= hit.id == created.id;
    }
    println!(
        "above 100     {count} orders{}",
        if mine { ", this one among them" } else { "" }
    );

    orders.delete(&created.id)?;
    let gone = orders.get(&created.id).is_err_and(|e| e.is_not_found());
    println!(
        "deleted       {}",
        if gone { "gone" } else { "still there" }
    );
    client.customers().delete(&customer.id)?;
    Ok(())
}
