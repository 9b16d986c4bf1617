//! Export every customer matching a search as JSON lines on stdout, past the search's 100-page
//! cap. Progress goes to stderr.
//!
//! ```text
//! cargo run -p kustomer-fake --example export_search > customers.jsonl                       # embedded fake server
//! KUSTOMER_API_KEY=... cargo run -p kustomer-fake --example export_search -- 2024-01-01 > out.jsonl
//! ```
//! The optional argument is the `customer_updated_at` lower bound, a date (default 2000-01-01);
//! one that is not a date is refused before anything is sent.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use kustomer::attributes::customer;
use kustomer::jiff::civil::{Date, date};
use kustomer::search::{Criterion, SearchQuery};
use kustomer::{Client, Error, RatePacer};
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
    let (config, _fake) = kustomer_fake::env_or_fake(|fake| {
        fake.insert_customers(&demo_customers());
    })?;
    // Search by API key is limited to 100 requests a minute: stay under it.
    let client = Client::builder(config, UreqTransport::new())
        .pacer(RatePacer::per_minute(90))
        .build();
    let since = match std::env::args().nth(1) {
        Some(arg) => arg
            .parse::<Date>()
            .map_err(|e| format!("{arg:?} is not a date such as 2024-01-31: {e}"))?,
        None => date(2000, 1, 1),
    };
    let query = SearchQuery::customers().and(Criterion::gte(customer::UPDATED_AT, since));

    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut count = 0u64;
    let mut set_aside = 0u64;
    for customer in client.customers().search_all(query, 500) {
        let customer = match customer {
            Ok(customer) => customer,
            // One unreadable record: keep its JSON for a look later, and go on.
            Err(Error::BadRecord(record)) => {
                eprintln!("set aside: {record}: {}", record.raw);
                set_aside += 1;
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        serde_json::to_writer(&mut out, &customer)?;
        out.write_all(b"\n")?;
        count += 1;
        if count.is_multiple_of(1000) {
            eprintln!("{count} customers exported");
        }
    }
    out.flush()?;
    eprintln!("done: {count} customers, {set_aside} set aside");
    Ok(())
}

/// 1,200 customers for the fake server, a few hundred of them updated at the same millisecond.
fn demo_customers() -> Vec<serde_json::Value> {
    // 2024-06-01T00:00:00Z, and one millisecond more for each customer.
    let june = kustomer::Timestamp::constant(1_717_200_000, 0);
    (0..1200)
        .map(|i| {
            let ms = if (300..700).contains(&i) { 300 } else { i };
            let at = june + kustomer::jiff::SignedDuration::from_millis(ms);
            serde_json::json!({"data": {"type": "customer", "id": format!("6600{i:020x}"), "attributes": {
                "name": format!("Customer {i}"),
                "emails": [{"email": format!("customer{i}@example.com"), "type": "home"}],
                "updatedAt": format!("{at:.3}"),
            }}})
        })
        .collect()
}
