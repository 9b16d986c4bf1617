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
