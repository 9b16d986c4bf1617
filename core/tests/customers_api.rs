//! The customers API without a network: built requests of every operation, and the spec's own
//! response examples parsed by each.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
// The untyped related-record operations are deprecated for their typed twins, and still built.
#![allow(deprecated)]

use http::{Method, Response};
use kustomer::customers::{
    BulkCustomers, CreateCustomer, CreateMerge, CreateRelated, CustomerBulkUpdate, CustomerInput,
    DeleteCustomer, GetMerge, ListCustomers, ListRelated, LookupCustomer, Related, SearchCustomers,
    UpdateCustomer,
};
use kustomer::ops::UpdateMode;
use kustomer::search::{Criterion, SearchQuery, SortOrder};
use kustomer::{ApiKey, Config, Error, Operation};

fn config() -> Config {
    Config::new(ApiKey::new("key").unwrap())
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn ok(status: u16, body: Vec<u8>) -> Response<Vec<u8>> {
    Response::builder().status(status).body(body).unwrap()
}

fn path_and_query(request: &http::Request<Vec<u8>>) -> String {
    request.uri().path_and_query().unwrap().to_string()
}

#[test]
fn lookups_keep_every_value_inside_its_segment() {
    let cases = [
        (
            LookupCustomer::by_email("zoë+news@example.com"),
            "/v1/customers/email=zo%C3%AB%2Bnews%40example.com",
        ),
        (
            LookupCustomer::by_external_id("crm/42?x=1#y%"),
            "/v1/customers/externalId=crm%2F42%3Fx%3D1%23y%25",
        ),
        (
            LookupCustomer::by_phone("+1 (555) 0123"),
            "/v1/customers/phone=%2B1%20%28555%29%200123",
        ),
    ];
    for (op, want) in cases {
        let request = op.build(&config()).unwrap();
        assert_eq!(request.method(), Method::GET);
        assert_eq!(path_and_query(&request), want);
    }
    assert!(LookupCustomer::by_email("").build(&config()).is_err());
    assert!(LookupCustomer::by_phone("+1\r\n").build(&config()).is_err());
}

#[test]
fn writes_send_only_what_was_set_and_check_limits_first() {
    let input = CustomerInput::new()
        .name("Ada")
        .custom_str("tierStr", "gold");
    let create = CreateCustomer::new(&input).build(&config()).unwrap();
    assert_eq!(
        (create.method(), path_and_query(&create).as_str()),
        (&Method::POST, "/v1/customers")
    );
    assert_eq!(
        create.body(),
        br#"{"name":"Ada","custom":{"tierStr":"gold"}}"#
    );

    let replace = UpdateCustomer::new("abc", &input)
        .mode(UpdateMode::Replace)
        .build(&config())
        .unwrap();
    assert_eq!(
        (replace.method(), path_and_query(&replace).as_str()),
        (&Method::PUT, "/v1/customers/abc?replace=true")
    );
    let delete = DeleteCustomer::new("a/b").build(&config()).unwrap();
    assert_eq!(
        (delete.method(), path_and_query(&delete).as_str()),
        (&Method::DELETE, "/v1/customers/a%2Fb")
    );

    let bad = CustomerInput::new().name("x".repeat(300));
    for result in [
        CreateCustomer::new(&bad).build(&config()),
        UpdateCustomer::new("abc", &bad).build(&config()),
        BulkCustomers::create(vec![CustomerInput::new(), bad.clone()]).build(&config()),
    ] {
        match result {
            Err(Error::InvalidInput(e)) => assert_eq!(e.what(), "name"),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn the_specs_create_example_parses() {
    let customer = CreateCustomer::new(CustomerInput::new())
        .parse(ok(201, fixture("customer_create_spec.json")))
        .unwrap();
    assert!(!customer.id.is_empty());
    assert_eq!(customer.kind.as_deref(), Some("customer"));
    assert!(customer.attributes.name.is_some());
}

#[test]
fn list_pages_parse_with_meta_and_links() {
    let page = ListCustomers::new()
        .parse(ok(200, fixture("customer_list_spec.json")))
        .unwrap();
    assert_eq!(page.meta.page, Some(1));
    assert_eq!(page.meta.total, Some(1));
    assert_eq!(page.items.len(), 1);
    let first = &page.items[0];
    assert_eq!(first.id, "5822a4a5aa5f92110005d69a");
    assert_eq!(
        first.attributes.phones[0].phone.as_deref(),
        Some("+18005551212")
    );
    assert_eq!(
        first.attributes.socials[0].username.as_deref(),
        Some("@johnsmith")
    );
    // Each item knows where it came from.
    assert_eq!(
        first.attribute("name"),
        Some(serde_json::json!("John Smith"))
    );
}

#[test]
fn search_pages_parse_and_keep_each_items_raw_attributes() {
    let page = SearchCustomers::new(SearchQuery::customers())
        .parse(ok(200, fixture("customer_search_spec.json")))
        .unwrap();
    assert_eq!(
        (page.meta.total, page.meta.total_pages),
        (Some(7503), Some(76))
    );
    assert_eq!(page.meta.aggregations, Some(serde_json::json!({})));
    assert_eq!(page.items.len(), 2);
    assert_eq!(
        page.items[1].attributes.name.as_deref(),
        Some("Peter Johansen")
    );
    assert_eq!(
        page.items[1].attribute("displayName"),
        Some(serde_json::json!("Pete"))
    );
    assert_eq!(
        page.links.next.as_deref(),
        Some("/v1/customers/search?page=2&pageSize=100")
    );
    assert_eq!(page.links.prev, None);
}

#[test]
fn search_bodies_are_exactly_the_documented_shape() {
    let query = SearchQuery::customers()
        .and(Criterion::gte("customer_updated_at", "2016-06-24"))
        .and(Criterion::any([
            Criterion::equals(Criterion::custom("tierStr"), "gold"),
            Criterion::new("customer_custom_ordersNum", "gte", 5),
        ]))
        .or(Criterion::contains("customer_name", "Ada"))
        .not(Criterion::none_of([Criterion::equals(
            "customer_gender",
            "m",
        )]))
        .sort("customer_updated_at", SortOrder::Asc)
        .sort("customer_name", SortOrder::Desc)
        .time_zone("Europe/Paris")
        .include_deleted(false);
    let request = SearchCustomers::new(query)
        .page(2)
        .page_size(250)
        .build(&config())
        .unwrap();
    assert_eq!(
        path_and_query(&request),
        "/v1/customers/search?page=2&pageSize=250"
    );
    let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "queryContext": "customer",
            "and": [
                {"customer_updated_at": {"gte": "2016-06-24"}},
                {"or": [{"customer_custom_tierStr": {"equals": "gold"}}, {"customer_custom_ordersNum": {"gte": 5}}]}
            ],
            "or": [{"customer_name": {"contains": "Ada"}}],
            "not": [{"not": [{"customer_gender": {"equals": "m"}}]}],
            "sort": [{"customer_updated_at": "asc"}, {"customer_name": "desc"}],
            "timeZone": "Europe/Paris",
            "includeDeleted": false
        })
    );
    let search = SearchCustomers::new(SearchQuery::new())
        .build(&config())
        .unwrap();
    assert_eq!(
        kustomer::Idempotency::of(&search),
        kustomer::Idempotency::Idempotent
    );
    let too_many = (0..21).fold(SearchQuery::customers(), |q, i| {
        q.and(Criterion::equals("customer_name", i))
    });
    assert!(SearchCustomers::new(too_many).build(&config()).is_err());
    assert!(
        SearchCustomers::new(SearchQuery::new().query_context("users; drop"))
            .build(&config())
            .is_err()
    );
    assert!(
        SearchCustomers::new(SearchQuery::new())
            .page(101)
            .build(&config())
            .is_err()
    );
}

#[test]
fn bulk_requests_hold_at_most_a_hundred_records() {
    let hundred: Vec<_> = (0..100)
        .map(|i| CustomerInput::new().name(format!("c{i}")))
        .collect();
    assert!(BulkCustomers::create(&hundred[..]).build(&config()).is_ok());
    let over: Vec<_> = (0..101).map(|_| CustomerInput::new()).collect();
    assert!(BulkCustomers::create(over).build(&config()).is_err());
    assert!(BulkCustomers::create(Vec::new()).build(&config()).is_err());
    let updates = vec![CustomerBulkUpdate::new(
        "a1",
        CustomerInput::new().name("Ada"),
    )];
    let request = BulkCustomers::update(updates).build(&config()).unwrap();
    assert_eq!(request.method(), Method::PUT);
    assert_eq!(request.body(), br#"[{"id":"a1","name":"Ada"}]"#);
    assert!(
        BulkCustomers::delete(vec!["a,b".to_string()])
            .build(&config())
            .is_err()
    );
    let job = BulkCustomers::create(&hundred[..1])
        .parse(ok(201, fixture("bulk_create_spec.json")))
        .unwrap();
    assert_eq!(job.id, "5b3bddb67f8469003df370a4");
    assert!(job.is_finished());
    assert_eq!(
        job.attributes.context.as_deref(),
        Some("api.sobjects.customers.bulk-create")
    );
}

#[test]
fn sub_resources_build_and_parse() {
    let notes = ListRelated::new("c1", Related::Notes)
        .page(2)
        .build(&config())
        .unwrap();
    assert_eq!(path_and_query(&notes), "/v1/customers/c1/notes?page=2");
    let kobjects = ListRelated::new("c1", Related::CustomObjects("order/../x".into()))
        .build(&config())
        .unwrap();
    assert_eq!(
        path_and_query(&kobjects),
        "/v1/customers/c1/klasses/order%2F..%2Fx"
    );
    assert!(
        ListRelated::new("c1", Related::Notes)
            .from_date(kustomer::Timestamp::UNIX_EPOCH)
            .build(&config())
            .is_err()
    );
    let page = ListRelated::new("c1", Related::Notes)
        .parse(ok(200, fixture("notes_list_spec.json")))
        .unwrap();
    assert_eq!(page.meta.page_size, Some(100));
    assert_eq!(page.items[0].kind.as_deref(), Some("note"));
    assert!(
        page.items[0].attributes["body"]
            .as_str()
            .unwrap()
            .contains("Agent Smith")
    );

    let body = serde_json::json!({"name": "Order question"})
        .as_object()
        .unwrap()
        .clone();
    let create = CreateRelated::new("c1", Related::Messages, body.clone())
        .build(&config())
        .unwrap();
    assert_eq!(
        (create.method(), path_and_query(&create).as_str()),
        (&Method::POST, "/v1/customers/c1/messages")
    );
    let conversation = CreateRelated::new("c1", Related::Conversations, body)
        .parse(ok(201, fixture("conversation_create_spec.json")))
        .unwrap();
    assert_eq!(conversation.kind.as_deref(), Some("conversation"));
    assert_eq!(conversation.attributes["status"], "open");

    let merge = GetMerge::new("m1")
        .parse(ok(200, fixture("merge_get_spec.json")))
        .unwrap();
    assert_eq!(merge.kind.as_deref(), Some("customer_merge"));
    assert_eq!(
        merge.relationships["target"]["data"]["id"],
        "58210c3db0f09110006b7953"
    );
    assert!(CreateMerge::new("a", "a").build(&config()).is_err());
}

#[test]
fn a_409_is_a_conflict() {
    let body = br#"{"errors":[{"status":409,"code":"conflict","title":"rev mismatch"}]}"#.to_vec();
    let err = UpdateCustomer::new("a", CustomerInput::new())
        .parse(ok(409, body))
        .unwrap_err();
    assert!(err.is_conflict(), "{err:?}");
}

#[test]
fn the_typed_twins_build_the_requests_of_the_untyped_ones() {
    let config = config();
    let uri = |request: http::Request<Vec<u8>>| (request.method().clone(), request.uri().clone());
    let external = kustomer::customers::GetCustomerByExternalId::new("crm/42");
    assert_eq!(
        uri(external.build(&config).unwrap()),
        uri(LookupCustomer::by_external_id("crm/42")
            .build(&config)
            .unwrap())
    );
    assert_eq!(external.operation_id(), "GetCustomerByExternalId");
    let typed = kustomer::conversations::ListCustomerConversations::new("58210c3db0f09110006b7953")
        .page_size(50)
        .from_date(
            "2024-01-01T00:00:00.000Z"
                .parse::<kustomer::Timestamp>()
                .unwrap(),
        );
    let untyped = ListRelated::new("58210c3db0f09110006b7953", Related::Conversations)
        .page_size(50)
        .from_date(
            "2024-01-01T00:00:00.000Z"
                .parse::<kustomer::Timestamp>()
                .unwrap(),
        );
    assert_eq!(
        uri(typed.build(&config).unwrap()),
        uri(untyped.build(&config).unwrap())
    );
    assert_eq!(typed.operation_id(), untyped.operation_id());
}
