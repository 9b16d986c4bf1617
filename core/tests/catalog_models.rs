//! The models of custom objects, klasses, companies, brands, metadata, users, teams, tags,
//! shortcuts and orgs against the spec's examples and bodies shaped like real responses
//! (KUSTOMER_API.md), offline: the operation's own `parse`.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use http::Response;
use kustomer::Operation;
use kustomer::brands::{GetBrand, ListBrands};
use kustomer::companies::{GetCompany, ListCompanies};
use kustomer::custom_objects::{
    GetKObject, GetKlass, ListCustomerKObjects, ListKObjects, ListKlasses,
};
use kustomer::metadata::GetMetadata;
use kustomer::models::CustomFields;
use kustomer::orgs::GetOrg;
use kustomer::shortcuts::GetShortcut;
use kustomer::tags::ListTags;
use kustomer::teams::GetTeam;
use kustomer::users::{GetUser, ListUsers};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn ok(body: impl Into<Vec<u8>>) -> Response<Vec<u8>> {
    Response::builder().status(200).body(body.into()).unwrap()
}

#[test]
fn the_specs_custom_object_and_klass_examples_parse() {
    let order = GetKObject::within("order", "x")
        .parse(ok(fixture("kobject_get_spec.json")))
        .unwrap();
    assert_eq!(order.klass(), Some("order"));
    assert_eq!(order.attributes.custom.num("totalPriceNum"), Some(64.67));
    assert_eq!(
        order.attributes.custom.str("orderStatusStr"),
        Some("fulfilled")
    );
    assert_eq!(order.attributes.images.len(), 3);
    // The example holds schema fragments where values belong: they read as absent.
    assert_eq!(order.attributes.queue, None);
    assert_eq!(order.attributes.status, None);
    let klass = order.relationships.klass.as_ref().unwrap();
    assert_eq!(
        klass.link.as_ref().unwrap().self_link.as_deref(),
        Some("/v1/klasses/order")
    );
    assert_eq!(
        order.links.self_link.as_deref(),
        Some("/v1/klasses/orders/5826ab180fcc2514008b2a94")
    );
    for (name, page) in [
        (
            "list",
            ListKObjects::within("order").parse(ok(fixture("kobject_list_spec.json"))),
        ),
        (
            "customer",
            ListCustomerKObjects::within("order", "c")
                .parse(ok(fixture("kobject_customer_list_spec.json"))),
        ),
    ] {
        let page = page.unwrap();
        assert!(!page.items.is_empty(), "{name}");
        assert!(
            page.items.iter().all(|o| o.klass() == Some("order")),
            "{name}"
        );
    }
    let klass = GetKlass::new("x")
        .parse(ok(fixture("klass_get_spec.json")))
        .unwrap();
    assert_eq!(klass.attributes.name.as_deref(), Some("order"));
    assert_eq!(klass.attributes.mixins, ["assignable"]);
    assert!(klass.relationships.kobjects.is_some());
    let klasses = ListKlasses::new()
        .parse(ok(fixture("klass_list_spec.json")))
        .unwrap();
    assert!(!klasses.items.is_empty());
}

#[test]
fn a_real_custom_object_with_every_quirk_parses() {
    let sub = GetKObject::within("subscription", "x")
        .parse(ok(fixture("kobject_get_quirky.json")))
        .unwrap();
    assert_eq!(sub.klass(), Some("subscription"));
    assert_eq!(sub.attributes.custom.str("planStr"), Some("gold"));
    assert_eq!(sub.attributes.custom.num("seatsNum"), Some(12.0));
    assert_eq!(
        sub.attributes.custom.at("renewsAt"),
        "2025-01-01T00:00:00.000Z".parse().ok()
    );
    assert_eq!(sub.attributes.data["stripeId"], "sub_123");
    assert!(sub.attributes.images.is_empty() && sub.attributes.tags.is_empty());
    assert_eq!(
        sub.attributes.rev, None,
        "a string where a number belongs reads as absent"
    );
    assert_eq!(sub.customer_id(), Some("58210c3db0f09110006b7953"));
    assert_eq!(sub.company_id(), None);
    // What the model does not name stays reachable.
    assert_eq!(
        sub.attribute("newKeyNobodyKnows"),
        Some(serde_json::json!([1, 2]))
    );
    let raw: serde_json::Value = serde_json::from_str(sub.raw_document().unwrap()).unwrap();
    assert_eq!(
        raw["data"]["relationships"]["ordersId"]["meta"]["kobject"],
        true
    );
}

#[test]
fn the_specs_company_brand_and_metadata_examples_parse() {
    let company = GetCompany::new("x")
        .parse(ok(fixture("company_get_spec.json")))
        .unwrap();
    assert_eq!(
        company.attributes.name.as_deref(),
        Some("Updated Company Name")
    );
    assert_eq!(company.attributes.tags, ["58224d97d4e96711004ecc56"]);
    assert!(
        company
            .relationships
            .created_by
            .as_ref()
            .unwrap()
            .id()
            .is_some()
    );
    let companies = ListCompanies::new()
        .parse(ok(fixture("company_list_spec.json")))
        .unwrap();
    assert_eq!(companies.items.len(), 2);

    let brands = ListBrands::new()
        .parse(ok(fixture("brand_list_spec.json")))
        .unwrap();
    assert_eq!(brands.items.len(), 2);
    assert_eq!(brands.items[0].attributes.default, Some(true));
    assert!(brands.links.next.is_none());
    let default = GetBrand::default_brand()
        .parse(ok(fixture("brand_default_spec.json")))
        .unwrap();
    assert_eq!(default.attributes.name.as_deref(), Some("default"));

    let metadata = GetMetadata::new("customer")
        .parse(ok(fixture("metadata_get_spec.json")))
        .unwrap();
    assert_eq!(metadata.id, "customer");
    let orders = metadata.property("ordersId").unwrap();
    assert_eq!(
        (orders.target.as_deref(), orders.multi),
        (Some("kobject.order"), Some(true))
    );
    let my = metadata.property("myCustomStr").unwrap();
    assert_eq!(my.enumeration.as_ref().unwrap().len(), 3);
    assert_eq!(metadata.attributes.properties.len(), 3);
}

#[test]
fn odd_metadata_definitions_still_say_the_attribute_exists() {
    let body = br#"{"data":{"type":"metadata","id":"conversation","attributes":{"properties":{"aStr":null,"bNum":"number","cBool":{"type":5,"displayName":"C"}},"validations":"x"}}}"#;
    let metadata = GetMetadata::new("conversation")
        .parse(ok(&body[..]))
        .unwrap();
    assert_eq!(metadata.attributes.properties.len(), 3);
    assert_eq!(
        metadata.property("cBool").unwrap().display_name.as_deref(),
        Some("C")
    );
    assert_eq!(metadata.property("cBool").unwrap().kind, None);
    assert!(metadata.attributes.validations.is_empty());
    let no_properties =
        br#"{"data":{"type":"metadata","id":"company","attributes":{"properties":[]}}}"#;
    let empty = GetMetadata::new("company")
        .parse(ok(&no_properties[..]))
        .unwrap();
    assert!(empty.attributes.properties.is_empty());
}

#[test]
fn users_teams_tags_shortcuts_and_orgs_as_the_api_sends_them() {
    let users = br#"{"meta":{"pageSize":500,"page":1},"links":{"self":"/v1/users?page=1&pageSize=500","first":"/v1/users?page=1&pageSize=500","prev":null,"next":null},
      "data":[{"type":"user","id":"5d5dae1d731d4e001ad55054","attributes":{"displayName":"Ada","userType":"machine","roles":["org.user.customer.read",7],"emailVerifiedAt":null,"mostRecentLoginAt":"2024-01-01T00:00:00.000Z","avatarUrl":{}},
        "relationships":{"org":{"links":{"self":"/v1/orgs/5d5dae1ccd1e87001a6a7ea4"},"data":{"type":"org","id":"5d5dae1ccd1e87001a6a7ea4"}}}},
        {"type":"user","id":"5d5dae1d731d4e001ad55055"}]}"#;
    let page = ListUsers::new().parse(ok(&users[..])).unwrap();
    assert_eq!(page.items.len(), 2);
    let ada = &page.items[0];
    assert_eq!(
        ada.attributes.user_type,
        Some(kustomer::models::UserType::Machine)
    );
    assert_eq!(ada.attributes.roles, ["org.user.customer.read"]);
    assert_eq!(ada.attributes.avatar_url, None);
    assert_eq!(page.items[1].attributes.display_name, None);
    let me = GetUser::current()
        .parse(ok(
            &br#"{"data":{"type":"user","id":"u","attributes":{"email":"a@example.com"}}}"#[..],
        ))
        .unwrap();
    assert_eq!(me.attributes.email.as_deref(), Some("a@example.com"));

    let team = br#"{"data":{"type":"team","id":"t","attributes":{"name":"billing","members":["a","b"],"deleted":false,"roleGroups":null}}}"#;
    let team = GetTeam::new("t").parse(ok(&team[..])).unwrap();
    assert_eq!(team.attributes.members, ["a", "b"]);
    assert!(team.attributes.role_groups.is_empty());

    let tags = br##"{"meta":{"pageSize":100,"page":1},"links":{"next":"/v1/tags?page=2&deleted=false"},"data":[{"type":"tag","id":"a","attributes":{"name":"vip","color":"#f00","deleted":false}},{"type":"tag","id":"b","attributes":{"name":"old","deletedAt":"2024-01-01T00:00:00.000Z","deleted":true}}]}"##;
    let page = ListTags::new().parse(ok(&tags[..])).unwrap();
    assert_eq!(page.items[1].attributes.deleted, Some(true));
    assert_eq!(
        page.links.next.as_deref(),
        Some("/v1/tags?page=2&deleted=false")
    );

    let shortcut = br#"{"data":{"type":"shortcut","id":"s","attributes":{"name":"refund","draft":{"text":"On its way","attachments":[]},"payload":{"actions":[]},"isPrivate":false,"rev":"2"}}}"#;
    let shortcut = GetShortcut::new("s").parse(ok(&shortcut[..])).unwrap();
    assert_eq!(shortcut.text(), Some("On its way"));
    assert_eq!(shortcut.attributes.rev, None);
    let no_draft = br#"{"data":{"type":"shortcut","id":"s","attributes":{"draft":"text"}}}"#;
    assert_eq!(
        GetShortcut::new("s")
            .parse(ok(&no_draft[..]))
            .unwrap()
            .text(),
        None
    );

    let org = br#"{"data":{"type":"org","id":"o","attributes":{"name":"acme","displayName":"Acme"},"relationships":{}}}"#;
    let org = GetOrg::current().parse(ok(&org[..])).unwrap();
    assert_eq!(org.attributes.display_name.as_deref(), Some("Acme"));
}
