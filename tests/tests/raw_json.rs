//! What a record keeps of the JSON it was read from, through both transports: a record read
//! alone keeps its document; a list or search item keeps its own JSON, never its page's, unless
//! `keep_raw(false)` says to keep none.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use kustomer::TransportOptions;
use kustomer::customers::{ListCustomers, SearchCustomers};
use kustomer::search::{Criterion, SearchQuery};
use kustomer_fake::{FakeKustomer, clients_with};
use serde_json::{Value, json};

fn seeded() -> FakeKustomer {
    let fake = FakeKustomer::start().unwrap();
    let documents: Vec<Value> = (0..5)
        .map(|n| {
            json!({"data": {"type": "customer", "id": format!("67{n:022x}"),
                "attributes": {"name": format!("Raw {n}"), "loyaltyTier": format!("tier-{n}"),
                "updatedAt": format!("2024-03-01T10:00:0{n}.000Z")}}})
        })
        .collect();
    assert_eq!(fake.insert_customers(&documents), 5);
    fake
}

/// The item's own JSON: an object with its ID, and nothing of the page around it.
fn assert_own_json(raw: &str, id: &str) {
    let item: Value = serde_json::from_str(raw).unwrap();
    assert_eq!(item["id"], id, "{raw}");
    assert!(
        item.get("data").is_none() && item.get("meta").is_none(),
        "{raw}"
    );
    assert!(!raw.contains("\"links\":{\"next\""), "{raw}");
}

#[test]
fn list_and_search_items_keep_their_own_json_unless_told_not_to() {
    let fake = seeded();
    for (name, client) in clients_with(&fake.config(), TransportOptions::default(), |b| b).unwrap()
    {
        let customers = client.customers();
        let query = || SearchQuery::customers().and(Criterion::contains("customer_name", "Raw"));

        let listed: Vec<_> = customers
            .list(ListCustomers::new().page_size(2))
            .map(Result::unwrap)
            .collect();
        assert!(listed.len() >= 5, "{name}");
        for customer in &listed {
            assert_own_json(customer.raw_document().unwrap(), &customer.id);
        }
        let found: Vec<_> = customers
            .search(SearchCustomers::new(query()).page_size(2))
            .map(Result::unwrap)
            .collect();
        assert_eq!(found.len(), 5, "{name}");
        for customer in &found {
            assert_own_json(customer.raw_document().unwrap(), &customer.id);
            let tier = customer.attribute("loyaltyTier").unwrap();
            assert_eq!(
                Some(tier.as_str().unwrap()),
                customer
                    .attributes
                    .name
                    .as_deref()
                    .map(|n| n.replace("Raw ", "tier-"))
                    .as_deref(),
                "{name}"
            );
        }
        let walked: Vec<_> = customers
            .search_all(query(), 2)
            .map(Result::unwrap)
            .collect();
        assert_eq!(walked.len(), 5, "{name}");
        assert!(walked.iter().all(|c| c.raw_document().is_some()), "{name}");

        // Asked to keep none: the same records, without their JSON.
        let bare: Vec<_> = customers
            .list(ListCustomers::new().page_size(2).keep_raw(false))
            .map(Result::unwrap)
            .collect();
        assert_eq!(
            bare.iter().map(|c| &c.id).collect::<Vec<_>>(),
            listed.iter().map(|c| &c.id).collect::<Vec<_>>(),
            "{name}"
        );
        assert!(bare.iter().all(|c| c.raw_document().is_none()), "{name}");
        assert_eq!(bare[0].attribute("name"), None, "{name}");
        let searched: Vec<_> = customers
            .search(SearchCustomers::new(query()).page_size(2).keep_raw(false))
            .map(Result::unwrap)
            .collect();
        assert_eq!(searched.len(), 5, "{name}");
        assert!(
            searched.iter().all(|c| c.raw_document().is_none()),
            "{name}"
        );
        let walked: Vec<_> = customers
            .search_all(query(), 2)
            .keep_raw(false)
            .map(Result::unwrap)
            .collect();
        assert_eq!(walked.len(), 5, "{name}");
        assert!(walked.iter().all(|c| c.raw_document().is_none()), "{name}");
        let exported: Vec<_> = customers
            .export(query(), 2)
            .threads(2)
            .keep_raw(false)
            .start()
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(exported.len(), 5, "{name}");
        assert!(
            exported.iter().all(|c| c.raw_document().is_none()),
            "{name}"
        );

        // A record read alone keeps its whole document.
        let one = customers.get(&listed[0].id).unwrap();
        let document: Value = serde_json::from_str(one.raw_document().unwrap()).unwrap();
        assert_eq!(document["data"]["id"], listed[0].id.as_str(), "{name}");
    }
}
