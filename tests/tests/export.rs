//! The parallel export against the fake server, through both transports: every customer of the
//! search exactly once (equal timestamps and windows past the 100-page cap included), the same
//! set as the sequential walk, progress reported, and an early stop that ends the threads.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use kustomer::search::{Criterion, SearchQuery};
use kustomer::{RetryPolicy, TransportOptions};
use kustomer_fake::clients_with;

mod support;
use support::exported::seeded;

#[test]
fn every_customer_comes_once_as_from_the_sequential_walk() {
    let fake = seeded();
    let clients = clients_with(&fake.config(), TransportOptions::default(), |b| b).unwrap();
    for (name, client) in &clients {
        let query = SearchQuery::customers().and(Criterion::contains("customer_name", "Exported"));
        let reports = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&reports);
        let exported: Vec<String> = client
            .customers()
            .export(query.clone(), 2)
            .threads(3)
            .buffer(16)
            .progress(move |p| sink.lock().unwrap().push(p))
            .start()
            .unwrap()
            .map(|c| c.unwrap().id)
            .collect();
        let unique: HashSet<&String> = exported.iter().collect();
        assert_eq!(
            unique.len(),
            exported.len(),
            "{name}: a customer came twice"
        );
        assert_eq!(exported.len(), 330, "{name}");
        let walked: HashSet<String> = client
            .customers()
            .search_all(query, 500)
            .map(|c| c.unwrap().id)
            .collect();
        assert_eq!(
            walked,
            exported.into_iter().collect::<HashSet<_>>(),
            "{name}"
        );
        let reports = reports.lock().unwrap();
        let last = reports.last().unwrap();
        assert_eq!(last.records, 330, "{name}");
        assert_eq!(last.estimated_total, Some(330), "{name}");
        assert!(
            last.requests > 165,
            "{name}: pages of 2, and the range probe: {}",
            last.requests
        );
    }
}

#[test]
fn an_empty_search_and_an_early_stop_both_end() {
    let fake = seeded();
    let clients = clients_with(&fake.config(), TransportOptions::default(), |b| {
        b.retry_policy(RetryPolicy::disabled())
    })
    .unwrap();
    let (name, client) = &clients[0];
    let none = SearchQuery::customers().and(Criterion::contains("customer_name", "Nobody"));
    let empty: Vec<_> = client
        .customers()
        .export(none, 50)
        .start()
        .unwrap()
        .collect();
    assert!(empty.is_empty(), "{name}");
    let all = SearchQuery::customers().and(Criterion::contains("customer_name", "Exported"));
    let mut export = client
        .customers()
        .export(all, 2)
        .threads(4)
        .buffer(1)
        .start()
        .unwrap();
    let first: Vec<_> = export.by_ref().take(5).map(Result::unwrap).collect();
    assert_eq!(first.len(), 5);
    drop(export);
    // The threads stop before their next request: the fake goes quiet.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let settled = fake.requests().len();
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(
        fake.requests().len(),
        settled,
        "{name}: threads still sending"
    );
}

#[test]
fn an_export_keeps_to_its_updated_at_bounds() {
    let fake = seeded();
    let clients = clients_with(&fake.config(), TransportOptions::default(), |b| b).unwrap();
    let at = |text: &str| text.parse::<kustomer::Timestamp>().unwrap();
    // From the 61st of the customers a second apart (10:01:00) to the 120th (10:02:00, not
    // included), and the 30 sharing 2024-05-05 are past the upper bound.
    let (from, before) = (at("2024-03-01T10:01:00Z"), at("2024-03-01T10:02:00Z"));
    for (name, client) in &clients {
        let query = SearchQuery::customers().and(Criterion::contains("customer_name", "Exported"));
        let exported: Vec<String> = client
            .customers()
            .export(query.clone(), 2)
            .threads(3)
            .updated_from(from)
            .updated_before(before)
            .start()
            .unwrap()
            .map(|c| c.unwrap().attributes.name.unwrap_or_default())
            .collect();
        let expected: HashSet<String> = (60..120).map(|n| format!("Exported {n}")).collect();
        assert_eq!(exported.len(), 60, "{name}: each once");
        assert_eq!(
            exported.into_iter().collect::<HashSet<_>>(),
            expected,
            "{name}"
        );
        // From a bound on: the rest of the second-apart customers, the 30 of 2024-05-05.
        let since: Vec<String> = client
            .customers()
            .export(query.clone(), 50)
            .updated_from(std::time::SystemTime::try_from(at("2024-03-01T10:04:00Z")).unwrap())
            .start()
            .unwrap()
            .map(|c| c.unwrap().id)
            .collect();
        assert_eq!(since.len(), 260 - 240 + 30, "{name}");
        let empty = client
            .customers()
            .export(query, 50)
            .updated_from(before)
            .updated_before(from)
            .start();
        assert!(
            matches!(empty, Err(kustomer::Error::InvalidInput(_))),
            "{name}: an empty range is refused"
        );
    }
}
