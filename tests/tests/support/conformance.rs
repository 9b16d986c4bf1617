//! The conformance functions, written once, generic over the family, and run per family
//! through both transports against a fresh fake.

use std::collections::HashSet;
use std::time::{Duration, UNIX_EPOCH};

use kustomer::bulk::BulkUpdate;
use kustomer::conversations::ConversationInput;
use kustomer::customers::CustomerInput;
use kustomer::family::{
    BulkWritable, Creatable, Deletable, Gettable, Listable, Searchable, Updatable,
};
use kustomer::ops::UpdateMode;
use kustomer::ops::{List, Search};
use kustomer::search::{Criterion, SearchQuery};
use kustomer::{Client, Error, ManualClock, RetryPolicy, TransportOptions};
use kustomer_fake::{FakeKustomer, clients_with};

/// Records a test hangs its samples on: a customer and one of their conversations.
pub struct Parents {
    pub customer: String,
    pub conversation: String,
}

/// What the conformance functions need to know of a family: its collection, sample inputs, a
/// change, and the attribute that change shows in.
pub trait Sample: Gettable + Listable + Creatable + Updatable {
    fn scope() -> Self::Scope;
    fn input(n: usize, parents: &Parents) -> Self::Input;
    fn bulk_input(n: usize, parents: &Parents) -> Self::Input {
        Self::input(n, parents)
    }
    fn change(n: usize, parents: &Parents) -> Self::Update;
    fn label(&self) -> Option<String>;
}

/// Both transports' clients on a fresh fake, a manual clock (bulk polls never sleep), and a
/// customer with a conversation.
pub fn each_client(test: impl Fn(&str, &Client, &Parents)) {
    each_client_on(|name, _, client, parents| test(name, client, parents));
}

/// [`each_client`], with the fake at hand (its recorded requests).
pub fn each_client_on(test: impl Fn(&str, &FakeKustomer, &Client, &Parents)) {
    let server = FakeKustomer::start().unwrap();
    let clients = clients_with(&server.config(), TransportOptions::default(), |b| {
        b.retry_policy(RetryPolicy::disabled())
            .clock(ManualClock::new(
                UNIX_EPOCH + Duration::from_secs(1_700_000_000),
            ))
    })
    .unwrap();
    for (name, client) in &clients {
        let customer = client
            .customers()
            .create(&CustomerInput::new().name(format!("Parent via {name}")))
            .unwrap();
        let conversation = client
            .conversations()
            .create(&ConversationInput::for_customer(&customer.id).name("Parent"))
            .unwrap();
        let parents = Parents {
            customer: customer.id,
            conversation: conversation.id,
        };
        test(name, &server, client, &parents);
    }
}

/// Create, get, update (in every mode the family has: merge, replace, patch), and find it again
/// in a list walked page by page; a mode the family lacks is refused before I/O.
pub fn crud<R: Sample>(name: &str, client: &Client, parents: &Parents) {
    let family = client.family_within::<R>(R::scope());
    let created = family.create(&R::input(1, parents)).unwrap();
    let id = created.record_id().unwrap().to_owned();
    assert_eq!(created.label().as_deref(), Some("Sample 1"), "{name}");
    let got = family.get(&id).unwrap();
    assert_eq!(got.record_id(), Some(id.as_str()), "{name}");
    assert_eq!(got.label(), created.label(), "{name}");
    for (n, mode) in [
        (2, UpdateMode::Merge),
        (3, UpdateMode::Replace),
        (4, UpdateMode::Patch),
    ] {
        let has = match mode {
            UpdateMode::Replace => R::METHODS.replace,
            UpdateMode::Patch => R::METHODS.patch,
            _ => true,
        };
        if !has {
            let refused = family
                .update(&id, &R::change(n, parents), mode)
                .unwrap_err();
            assert!(
                matches!(refused, Error::InvalidInput(_)),
                "{name} {mode:?}: {refused:?}"
            );
            continue;
        }
        let updated = family.update(&id, &R::change(n, parents), mode).unwrap();
        assert_eq!(
            updated.label(),
            Some(format!("Changed {n}")),
            "{name} {mode:?}"
        );
        assert_eq!(family.get(&id).unwrap().label(), updated.label(), "{name}");
    }
    let missing = family.get("6500ffffffffffffffffffff").unwrap_err();
    assert!(missing.is_not_found(), "{name}: {missing:?}");
    // A list walked two at a time finds it, each record once.
    family.create(&R::input(5, parents)).unwrap();
    family.create(&R::input(6, parents)).unwrap();
    let ids: Vec<String> = family
        .list(List::within(R::scope()).page_size(2))
        .map(|r| r.unwrap().record_id().unwrap().to_owned())
        .collect();
    assert!(ids.contains(&id), "{name}");
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        ids.len(),
        "{name}"
    );
    assert!(ids.len() >= 3, "{name}");
}

/// Delete, then the record is gone.
pub fn deletes<R: Sample + Deletable>(name: &str, client: &Client, parents: &Parents) {
    let family = client.family_within::<R>(R::scope());
    let created = family.create(&R::input(7, parents)).unwrap();
    let id = created.record_id().unwrap().to_owned();
    family.delete(&id).unwrap();
    assert!(family.get(&id).unwrap_err().is_not_found(), "{name}");
}

/// 230 records in bulk jobs, awaited; then every one of them through the walk past the search's
/// 100-page cap (pages of 2), each once; and the first pages through a plain search.
pub fn bulk_and_walk<R: Sample + Searchable + BulkWritable>(
    name: &str,
    client: &Client,
    parents: &Parents,
) {
    let family = client.family_within::<R>(R::scope());
    let inputs: Vec<R::Input> = (0..230).map(|n| R::bulk_input(1000 + n, parents)).collect();
    let jobs = family.bulk_create(&inputs).unwrap();
    assert_eq!(jobs.len(), 3, "{name}: jobs of at most 100");
    for job in &jobs {
        let report = family
            .client()
            .wait_for_bulk(&job.id, Duration::from_secs(1), Duration::from_secs(60))
            .unwrap();
        assert!(report.failures.is_empty(), "{name}: {:?}", report.failures);
    }
    let since = Criterion::gte(R::UPDATED_AT, "2000-01-01T00:00:00.000Z");
    let walked: Vec<R> = family
        .search_all(SearchQuery::new().and(since.clone()), 2)
        .collect::<Result<_, _>>()
        .unwrap();
    let labels: HashSet<String> = walked.iter().filter_map(R::label).collect();
    for n in 0..230 {
        assert!(
            labels.contains(&format!("Sample {}", 1000 + n)),
            "{name}: {n} missing"
        );
    }
    let ids: HashSet<&str> = walked.iter().filter_map(R::record_id).collect();
    assert_eq!(ids.len(), walked.len(), "{name}: a record came twice");
    // Plain search: the cap is the API's (pages 1 to 100 of 2 = 200 results at most).
    let capped: Vec<_> = family
        .search(Search::<R>::within(R::scope(), SearchQuery::new().and(since)).page_size(2))
        .collect();
    assert!(capped.len() >= 200, "{name}: {}", capped.len());
    assert!(
        capped.iter().take(200).all(Result::is_ok),
        "{name}: {:?}",
        capped.iter().find(|r| r.is_err())
    );
    // A bulk update changes them.
    let first = walked.first().unwrap().record_id().unwrap().to_owned();
    let jobs = family
        .bulk_update(&[BulkUpdate::new(first.clone(), R::change(9, parents))])
        .unwrap();
    family
        .client()
        .wait_for_bulk(&jobs[0].id, Duration::from_secs(1), Duration::from_secs(60))
        .unwrap();
    assert_eq!(
        family.get(&first).unwrap().label().as_deref(),
        Some("Changed 9"),
        "{name}"
    );
}
