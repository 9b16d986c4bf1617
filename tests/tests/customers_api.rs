//! Every customer operation end to end: through both transports, over real sockets, against the
//! stateful fake server (a fresh one per transport).

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use kustomer::models::Channel;
use std::collections::HashSet;
use std::time::{Duration, UNIX_EPOCH};

use http::{Method, Request, Response};
use kustomer::conversations::{ConversationInput, ListCustomerConversations};
use kustomer::custom_objects::KObjectInput;
use kustomer::customers::{
    CustomerBulkUpdate, CustomerInput, ListCustomers, ListRelated, Related, SearchCustomers,
};
use kustomer::messages::{ListCustomerMessages, MessageInput};
use kustomer::models::Customer;
use kustomer::notes::ListCustomerNotes;
use kustomer::ops::{UpdateMode, UpsertOutcome};
use kustomer::search::{Criterion, SearchQuery};
use kustomer::{Client, Config, Error, ManualClock, Operation, TransportOptions};
use kustomer_fake::{FakeKustomer, Fault, SPEC_CUSTOMER_ID, clients_with};
use serde_json::{Value, json};

/// Runs `test` once per transport, each with a fresh server and a client whose waits go
/// through a manual clock.
fn each_transport(test: impl Fn(&str, &FakeKustomer, &Client, &ManualClock)) {
    for index in 0..2 {
        let server = FakeKustomer::start().unwrap();
        let clock = ManualClock::new(UNIX_EPOCH + Duration::from_secs(1_700_000_000));
        let (name, client) = clients_with(&server.config(), TransportOptions::default(), |b| {
            b.clock(clock.clone())
        })
        .unwrap()
        .swap_remove(index);
        test(name, &server, &client, &clock);
    }
}

fn customer_doc(id: &str, updated_at: &str, extra: Value) -> Value {
    let mut attributes =
        json!({"name": format!("Customer {id}"), "updatedAt": updated_at, "createdAt": updated_at});
    if let (Some(a), Some(e)) = (attributes.as_object_mut(), extra.as_object()) {
        a.extend(e.clone());
    }
    json!({"data": {"type": "customer", "id": id, "attributes": attributes}})
}

#[test]
fn lookups_find_by_email_external_id_and_phone_with_hostile_values() {
    each_transport(|name, server, client, _| {
        let email = "zoë+news/2024@example.com";
        let external = "crm/42?x=1#y% ü";
        let phone = "+447700900999";
        let created = client
            .customers()
            .create(
                &CustomerInput::new()
                    .name("Zoë")
                    .email(email)
                    .external_id(external)
                    .phone(phone),
            )
            .unwrap();
        assert_eq!(
            client.customers().by_email(email).unwrap().id,
            created.id,
            "{name}"
        );
        assert_eq!(
            client.customers().by_external_id(external).unwrap().id,
            created.id,
            "{name}"
        );
        assert_eq!(
            client.customers().by_phone(phone).unwrap().id,
            created.id,
            "{name}"
        );
        // Each value stayed inside its segment: one path segment after /customers/.
        let raw: Vec<String> = server
            .requests()
            .iter()
            .map(|r| r.raw_url.clone())
            .filter(|u| u.contains('='))
            .collect();
        assert!(
            raw.iter()
                .all(|u| u.matches('/').count() == 3 && !u.contains('?') && !u.contains('#')),
            "{name}: {raw:?}"
        );
        for miss in [
            client.customers().by_email("nobody@example.com"),
            client.customers().by_phone("+10000000000"),
        ] {
            assert!(miss.unwrap_err().is_not_found(), "{name}");
        }
    });
}

#[test]
fn create_update_patch_delete_with_optimistic_locking() {
    each_transport(|name, server, client, _| {
        let customers = client.customers();
        let input = CustomerInput::new()
            .name("Ada")
            .email("ada@example.com")
            .custom_num("ordersNum", 3.0);
        let created = customers.create(&input).unwrap();
        assert_eq!(created.attributes.rev, Some(1), "{name}");
        assert_eq!(created.attributes.custom["ordersNum"], 3.0, "{name}");
        // Only set fields were sent.
        let sent: Value = serde_json::from_slice(&server.requests().last().unwrap().body).unwrap();
        assert_eq!(
            sent,
            json!({"name": "Ada", "emails": [{"email": "ada@example.com"}], "custom": {"ordersNum": 3.0}}),
            "{name}"
        );

        let merged = customers
            .update(
                &created.id,
                &CustomerInput::new().name("Ada King"),
                UpdateMode::Merge,
            )
            .unwrap();
        assert_eq!(
            merged.attributes.name.as_deref(),
            Some("Ada King"),
            "{name}"
        );
        assert_eq!(
            merged.attributes.emails.len(),
            1,
            "{name}: merge keeps the rest"
        );
        assert_eq!(merged.attributes.rev, Some(2), "{name}");

        let patched = customers
            .update(
                &created.id,
                &CustomerInput::new().tag("vip"),
                UpdateMode::Patch,
            )
            .unwrap();
        assert_eq!(patched.attributes.tags, ["vip"], "{name}");
        assert_eq!(patched.attributes.rev, Some(3), "{name}");

        let stale = CustomerInput::new().name("Stale").rev(1);
        let err = customers
            .update(&created.id, &stale, UpdateMode::Merge)
            .unwrap_err();
        assert!(err.is_conflict(), "{name}: {err:?}");
        let fresh = CustomerInput::new().name("Fresh").rev(3);
        assert!(
            customers
                .update(&created.id, &fresh, UpdateMode::Merge)
                .is_ok(),
            "{name}"
        );

        let replaced = customers
            .update(
                &created.id,
                &CustomerInput::new().name("Only name"),
                UpdateMode::Replace,
            )
            .unwrap();
        assert!(
            replaced.attributes.emails.is_empty(),
            "{name}: replace drops what is not sent"
        );
        assert_eq!(
            replaced.attributes.created_at, created.attributes.created_at,
            "{name}"
        );

        customers.delete(&created.id).unwrap();
        assert!(
            customers.get(&created.id).unwrap_err().is_not_found(),
            "{name}"
        );
        assert!(
            customers.delete(&created.id).unwrap_err().is_not_found(),
            "{name}"
        );
    });
}

/// A create that sends whatever JSON it is given, to see the API refuse unknown keys.
struct RawCreate(Value);

impl Operation for RawCreate {
    type Output = ();
    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        config.request(
            Method::POST,
            "/customers",
            Some(self.0.to_string().into_bytes()),
        )
    }
    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        kustomer::error_for_status(&response).map_or(Ok(()), Err)
    }
}

#[test]
fn unknown_keys_are_refused_in_the_apis_shape_and_invalid_input_never_leaves() {
    each_transport(|name, server, client, _| {
        let err = client
            .execute(&RawCreate(json!({"name": "x", "nickname": "y"})))
            .unwrap_err();
        let entry = &err.api_error().unwrap().errors[0];
        assert_eq!(
            entry.title.as_deref(),
            Some("Additional properties not allowed"),
            "{name}"
        );
        assert_eq!(
            entry.source,
            Some(json!({"parameter": "nickname"})),
            "{name}"
        );

        let before = server.served();
        let too_long = CustomerInput::new().name("x".repeat(257));
        assert!(
            matches!(
                client.customers().create(&too_long),
                Err(Error::InvalidInput(_))
            ),
            "{name}"
        );
        assert!(
            matches!(
                client.customers().upsert(&too_long),
                Err(Error::InvalidInput(_))
            ),
            "{name}"
        );
        assert_eq!(server.served(), before, "{name}: nothing was sent");
    });
}

#[test]
fn upsert_creates_then_updates_by_external_id_or_email() {
    each_transport(|name, _, client, _| {
        let customers = client.customers();
        let first = customers
            .upsert(&CustomerInput::new().external_id("crm-7").name("Grace"))
            .unwrap();
        let UpsertOutcome::Created(created) = first else {
            panic!("{name}: {first:?}")
        };
        let again = customers
            .upsert(
                &CustomerInput::new()
                    .external_id("crm-7")
                    .name("Grace Hopper"),
            )
            .unwrap();
        assert!(
            matches!(&again, UpsertOutcome::Updated(c) if c.id == created.id && c.attributes.name.as_deref() == Some("Grace Hopper")),
            "{name}: {again:?}"
        );
        let by_mail = customers
            .create(&CustomerInput::new().email("linus@example.com"))
            .unwrap();
        let matched = customers
            .upsert(
                &CustomerInput::new()
                    .external_id("crm-8")
                    .email("linus@example.com"),
            )
            .unwrap();
        assert!(
            matches!(&matched, UpsertOutcome::Updated(c) if c.id == by_mail.id),
            "{name}: {matched:?}"
        );
        assert_eq!(
            matched.record().attributes.external_id.as_deref(),
            Some("crm-8"),
            "{name}"
        );
    });
}

#[test]
fn lists_follow_next_links_across_pages() {
    each_transport(|name, server, client, _| {
        let docs: Vec<Value> = (0..247)
            .map(|i| {
                customer_doc(
                    &format!("l{i:04}"),
                    &format!("2023-01-01T00:00:{:02}.{:03}Z", i / 1000, i % 1000),
                    json!({}),
                )
            })
            .collect();
        server.insert_customers(&docs);
        let total = server.customer_count();
        let before = server.requests().len();
        let ids: Vec<String> = client
            .customers()
            .list(ListCustomers::new().page_size(100))
            .map(|c| c.unwrap().id)
            .collect();
        assert_eq!(ids.len(), total, "{name}");
        assert_eq!(
            ids.iter().collect::<HashSet<_>>().len(),
            total,
            "{name}: no repeats"
        );
        let pages = server.requests().len() - before;
        assert_eq!(pages, total.div_ceil(100), "{name}");
        // Filters and sort reach the server and shape the list.
        let recent: Vec<String> = client
            .customers()
            .list(
                ListCustomers::new()
                    .filter("createdAt", "gte", "2023-01-01T00:00:00.200Z")
                    .sort("-createdAt"),
            )
            .map(|c| c.unwrap().id)
            .collect();
        assert_eq!(recent.len(), 47, "{name}");
        assert_eq!(recent.first().map(String::as_str), Some("l0246"), "{name}");
    });
}

#[test]
fn a_repeating_or_foreign_next_link_ends_the_list_with_an_error() {
    each_transport(|name, server, client, _| {
        // Distinct records on each page: a record repeated is yielded once (hostile_server.rs).
        let page_of = |id: &str, next: &str| Fault::Status {
            status: 200,
            content_type: "application/json",
            body: json!({"data": [{"id": id}], "links": {"next": next}}).to_string(),
        };
        let page = |next: &str| page_of("a", next);
        server.fail_next(page("/v1/customers?page=2"));
        server.fail_next(page_of("b", "/v1/customers?page=2"));
        let results: Vec<_> = client.customers().list(ListCustomers::new()).collect();
        assert_eq!(results.len(), 3, "{name}: two items, then the error");
        assert!(
            matches!(&results[2], Err(Error::Pagination { .. })),
            "{name}: {results:?}"
        );

        let elsewhere = FakeKustomer::start().unwrap();
        server.fail_next(page(&format!(
            "{}/v1/customers?page=2",
            elsewhere.base_url()
        )));
        let results: Vec<_> = client.customers().list(ListCustomers::new()).collect();
        assert!(
            matches!(results.last(), Some(Err(Error::Pagination { reason })) if reason.contains("another host")),
            "{name}: {results:?}"
        );
        assert!(elsewhere.requests().is_empty(), "{name}");
    });
}

#[test]
fn search_filters_sorts_and_pages_up_to_500() {
    each_transport(|name, server, client, _| {
        let docs: Vec<Value> = (0..30)
            .map(|i| customer_doc(&format!("s{i:02}"), &format!("2024-02-{:02}T00:00:00.000Z", 1 + i % 28),
                json!({"custom": {"tierStr": if i % 3 == 0 { "gold" } else { "silver" }}, "emails": [{"email": format!("user{i}@example.com")}]})))
            .collect();
        server.insert_customers(&docs);
        let query = SearchQuery::customers()
            .and(Criterion::equals(Criterion::custom("tierStr"), "gold"))
            .not(Criterion::contains("customer_email", "user3@"));
        let gold: Vec<String> = client
            .customers()
            .search(SearchCustomers::new(query).page_size(4))
            .map(|c| c.unwrap().id)
            .collect();
        assert_eq!(gold.len(), 9, "{name}: {gold:?}");
        assert!(!gold.contains(&"s03".to_owned()), "{name}");
        let err = client
            .customers()
            .search(SearchCustomers::new(SearchQuery::customers()).page_size(501))
            .next()
            .unwrap()
            .unwrap_err();
        assert!(matches!(err, Error::InvalidInput(_)), "{name}");
        let mut archived = customer_doc(
            "archived1",
            "2019-01-01T00:00:00.000Z",
            json!({"archived": true}),
        );
        archived["data"]["attributes"]["name"] = "Old Timer".into();
        server.insert_customer(&archived);
        let found: Vec<String> = client
            .customers()
            .search(
                SearchCustomers::new(
                    SearchQuery::customers().and(Criterion::contains("customer_name", "Old")),
                )
                .archive(true),
            )
            .map(|c| c.unwrap().id)
            .collect();
        assert_eq!(found, ["archived1"], "{name}");
    });
}

#[test]
fn search_all_walks_past_the_100_page_cap_when_hundreds_share_one_updated_at() {
    each_transport(|name, server, client, _| {
        // 1,300 matching customers and pages of 5: a window of 100 pages holds 500. The 400 at
        // positions 350..750 share one updatedAt, across the first window's end.
        let docs: Vec<Value> = (0..1300)
            .map(|pos| {
                let at = if (350..750).contains(&pos) { 350 } else { pos };
                customer_doc(
                    &format!("w{pos:05}"),
                    &format!(
                        "2024-03-01T00:{:02}:{:02}.{:03}Z",
                        at / 60_000,
                        at / 1000 % 60,
                        at % 1000
                    ),
                    json!({"custom": {"batchStr": "walk"}}),
                )
            })
            .collect();
        server.insert_customers(&docs);
        let query =
            SearchQuery::customers().and(Criterion::equals(Criterion::custom("batchStr"), "walk"));
        let before = server.requests().len();
        let ids: Vec<String> = client
            .customers()
            .search_all(query, 5)
            .map(|c| c.unwrap().id)
            .collect();
        let requests = server.requests().len() - before;
        assert_eq!(ids.len(), 1300, "{name}");
        assert_eq!(
            ids.iter().collect::<HashSet<_>>().len(),
            1300,
            "{name}: each once"
        );
        assert!(requests < 1300 / 5 + 200, "{name}: {requests} requests");
        // More sharing one timestamp than a window holds: an error, not a loop.
        let same: Vec<Value> = (0..520)
            .map(|i| {
                customer_doc(
                    &format!("x{i:04}"),
                    "2024-04-01T00:00:00.000Z",
                    json!({"custom": {"batchStr": "stuck"}}),
                )
            })
            .collect();
        server.insert_customers(&same);
        let stuck =
            SearchQuery::customers().and(Criterion::equals(Criterion::custom("batchStr"), "stuck"));
        let results: Vec<_> = client.customers().search_all(stuck, 5).collect();
        assert!(results.len() <= 521, "{name}");
        assert!(
            matches!(results.last(), Some(Err(Error::Pagination { .. }))),
            "{name}"
        );
    });
}

#[test]
fn bulk_jobs_split_by_100_complete_over_polls_and_report_failures() {
    each_transport(|name, server, client, clock| {
        let customers = client.customers();
        customers
            .create(&CustomerInput::new().external_id("taken"))
            .unwrap();
        let mut inputs: Vec<CustomerInput> = (0..230)
            .map(|i| {
                CustomerInput::new()
                    .name(format!("Bulk {i}"))
                    .external_id(format!("bulk-{i}"))
            })
            .collect();
        inputs[17] = CustomerInput::new().name("Duplicate").external_id("taken");
        let jobs = customers.bulk_create(&inputs).unwrap();
        assert_eq!(jobs.len(), 3, "{name}");
        let posted: Vec<usize> = server
            .requests()
            .iter()
            .filter(|r| r.raw_url == "/v1/customers/bulk")
            .map(|r| serde_json::from_slice::<Vec<Value>>(&r.body).unwrap().len())
            .collect();
        assert_eq!(posted, [100, 100, 30], "{name}");
        let mut failures = Vec::new();
        for job in &jobs {
            assert!(!job.is_finished(), "{name}");
            let report = client
                .wait_for_bulk(&job.id, Duration::from_secs(2), Duration::from_secs(60))
                .unwrap();
            assert!(report.job.is_finished(), "{name}");
            failures.extend(report.failures);
        }
        assert!(
            !clock.sleeps().is_empty(),
            "{name}: polled through the clock"
        );
        assert_eq!(failures.len(), 1, "{name}: {failures:?}");
        assert_eq!(
            (failures[0].index, failures[0].status),
            (Some(17), Some(409)),
            "{name}"
        );
        assert!(customers.by_external_id("bulk-229").is_ok(), "{name}");

        let target = customers.by_external_id("bulk-0").unwrap();
        let updates = vec![
            CustomerBulkUpdate::new(target.id.clone(), CustomerInput::new().name("Renamed")),
            CustomerBulkUpdate::new(
                "000000000000000000000000",
                CustomerInput::new().name("Ghost"),
            ),
        ];
        let job = customers.bulk_update(&updates).unwrap().remove(0);
        let report = client
            .wait_for_bulk(&job.id, Duration::from_secs(1), Duration::from_secs(10))
            .unwrap();
        assert_eq!(report.failures.len(), 1, "{name}");
        assert_eq!(report.failures[0].status, Some(404), "{name}");
        assert_eq!(
            customers
                .get(&target.id)
                .unwrap()
                .attributes
                .name
                .as_deref(),
            Some("Renamed"),
            "{name}"
        );

        let job = customers
            .bulk_delete([target.id.as_str(), "gone"])
            .unwrap()
            .remove(0);
        let report = client
            .wait_for_bulk(&job.id, Duration::from_secs(1), Duration::from_secs(10))
            .unwrap();
        assert_eq!(
            report
                .failures
                .iter()
                .map(|f| f.id.clone())
                .collect::<Vec<_>>(),
            [Some("gone".to_owned())],
            "{name}"
        );
        assert!(
            customers.get(&target.id).unwrap_err().is_not_found(),
            "{name}"
        );

        let unfinished = customers.bulk_create(&inputs[..1]).unwrap().remove(0);
        let err = client
            .wait_for_bulk(&unfinished.id, Duration::from_secs(1), Duration::ZERO)
            .unwrap_err();
        assert!(
            matches!(err, Error::JobUnfinished { .. }),
            "{name}: {err:?}"
        );
    });
}

#[test]
fn conversations_messages_notes_custom_objects_and_merges() {
    each_transport(|name, server, client, _| {
        let customers = client.customers();
        let id = SPEC_CUSTOMER_ID;
        // A customer's records, typed: each family lists and creates them under the customer.
        for (i, title) in ["Hoodie size", "Refund", "Callback"].iter().enumerate() {
            let input = ConversationInput::new()
                .name(*title)
                .status(kustomer::models::ConversationStatus::Open)
                .created_at(may_2024(i + 1));
            let conversation = client
                .conversations()
                .create_for_customer(id, &input)
                .unwrap();
            assert_eq!(conversation.kind.as_deref(), Some("conversation"), "{name}");
        }
        let all: Vec<_> = client
            .conversations()
            .under(ListCustomerConversations::new(id).page_size(2))
            .map(Result::unwrap)
            .collect();
        assert_eq!(all.len(), 3, "{name}");
        let recent: Vec<_> = client
            .conversations()
            .under(ListCustomerConversations::new(id).from_date(may_2024(2)))
            .map(|c| c.unwrap().attributes.name.unwrap_or_default())
            .collect();
        assert_eq!(recent, ["Refund", "Callback"], "{name}");

        let message =
            MessageInput::inbound(Channel::Email, "postmark").preview("Where is my order?");
        client
            .messages()
            .create_under::<Customer>(id, &message)
            .unwrap();
        let messages: Vec<_> = client
            .messages()
            .under(ListCustomerMessages::new(id))
            .map(Result::unwrap)
            .collect();
        assert_eq!(
            messages[0].attributes.preview.as_deref(),
            Some("Where is my order?"),
            "{name}"
        );

        let notes: Vec<_> = client
            .notes()
            .under(ListCustomerNotes::new(id))
            .map(Result::unwrap)
            .collect();
        assert_eq!(notes.len(), 3, "{name}");

        let orders = client.custom_objects("order");
        let order = KObjectInput::new("Order #1059").custom_num("totalPriceNum", 64.67);
        let kobject = orders.create_for_customer(id, &order).unwrap();
        assert_eq!(kobject.kind.as_deref(), Some("kobject.order"), "{name}");
        assert_eq!(orders.of_customer(id).count(), 1, "{name}");

        let source = customers
            .create(&CustomerInput::new().name("Duplicate Ada"))
            .unwrap();
        let merge = customers.merge(&source.id, id).unwrap();
        assert_eq!(merge.kind.as_deref(), Some("customer_merge"), "{name}");
        let merge_id = merge.id.clone().unwrap();
        assert_eq!(
            customers.get_merge(&merge_id).unwrap().relationships["source"]["data"]["id"],
            source.id.as_str(),
            "{name}"
        );
        let merges: Vec<_> = customers
            .related(ListRelated::new(id.to_owned(), Related::Merges))
            .map(Result::unwrap)
            .collect();
        assert_eq!(merges.len(), 1, "{name}");
        assert!(
            customers.get(&source.id).unwrap_err().is_not_found(),
            "{name}: the source is merged away"
        );
        assert!(
            client
                .notes()
                .under(ListCustomerNotes::new("nobody"))
                .next()
                .unwrap()
                .unwrap_err()
                .is_not_found(),
            "{name}"
        );
        assert!(
            server
                .requests()
                .iter()
                .all(|r| r.header("authorization").is_some()),
            "{name}"
        );
    });
}

/// Midnight UTC on `day` May 2024.
fn may_2024(day: usize) -> kustomer::Timestamp {
    format!("2024-05-{day:02}T00:00:00Z").parse().unwrap()
}
