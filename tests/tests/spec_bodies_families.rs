//! The bodies of custom objects, klasses, companies, brands, metadata, users, teams, tags and
//! outbound webhooks,
//! checked against their operations' request schemas as `spec_bodies.rs` checks the first
//! families': the spec's where it has the operation, KUSTOMER_API.md's otherwise. Inputs set
//! every field they have.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod support;

use std::collections::BTreeSet;

use kustomer::brands::{BrandInput, CreateBrand, UpdateBrand};
use kustomer::companies::{
    BulkCompanies, CompanyBulkUpdate, CompanyInput, CreateCompany, SearchCompanies, UpdateCompany,
};
use kustomer::custom_objects::{
    BulkKObjects, CreateCustomerKObject, CreateKObject, CreateKlass, KObjectBulkUpdate,
    KObjectInput, KlassInput, KlassName, SearchKObjects, UpdateKObject, UpdateKlass,
};
use kustomer::customers::{EmailInput, LocationInput, PhoneInput, SocialInput, UrlInput};
use kustomer::metadata::{MetadataUpdate, UpdateMetadata};
use kustomer::ops::UpdateMode;
use kustomer::search::{Criterion, SearchQuery};
use kustomer::tags::{CreateTag, TagInput, UpdateTag};
use kustomer::teams::{CreateTeam, TeamInput, TeamMembers, UpdateTeam};
use kustomer::users::{UpdateUser, UserUpdate};
use kustomer::webhooks::{CreateWebhook, WebhookInput};
use serde_json::{Map, json};
use support::spec_check::{as_intended, check, operations};

const ID: &str = "58210c3db0f09110006b7953";
const ID2: &str = "58228e05d4e96711004eccb7";
const AT: &str = "2024-01-31T10:00:00.000Z";

fn full_kobject(customer: bool) -> KObjectInput {
    KObjectInput {
        customer: customer.then(|| ID.to_owned()),
        company: Some(ID2.into()),
        external_id: Some("order-1059".into()),
        title: Some("Order #1059".into()),
        description: Some("3 items".into()),
        images: Some(vec!["https://example.com/a.png".into()]),
        icon: Some("truck-delivery".into()),
        data: Some(json!({"lines": [1, 2]}).as_object().unwrap().clone()),
        custom: Map::new(),
        tags: Some(vec!["vip".into()]),
        created_at: Some(AT.into()),
        imported_at: Some(AT.into()),
        rev: None,
    }
}

fn full_kobject_update(bulk: bool) -> KObjectInput {
    KObjectInput {
        customer: None,
        company: None,
        created_at: (!bulk).then(|| AT.to_owned()),
        imported_at: (!bulk).then(|| AT.to_owned()),
        rev: Some(2),
        ..full_kobject(false)
    }
}

fn full_klass(name: bool) -> KlassInput {
    KlassInput {
        name: name.then(|| "order".to_owned()),
        display_name: Some("Order".into()),
        icon: Some("truck".into()),
        color: Some("#ffcc00".into()),
        json_schema: Some(json!({"type": "object"})),
        klass_schema: Some("task".into()),
        mixins: Some(vec!["assignable".into(), "commentable".into()]),
        status: Some("enabled".into()),
    }
}

fn full_company(create: bool, bulk_update: bool) -> CompanyInput {
    CompanyInput {
        name: Some("Acme Inc".into()),
        external_id: Some("crm-acme".into()),
        avatar_url: Some("https://example.com/acme.png".into()),
        emails: Some(vec![EmailInput {
            email: "hello@acme.example".into(),
            kind: Some("work".into()),
            ..EmailInput::default()
        }]),
        phones: Some(vec![PhoneInput {
            phone: "+15555550100".into(),
            kind: Some("work".into()),
            ..PhoneInput::default()
        }]),
        whatsapps: (!bulk_update).then(|| {
            vec![PhoneInput {
                phone: "+15555550101".into(),
                kind: Some("mobile".into()),
                ..PhoneInput::default()
            }]
        }),
        socials: Some(vec![SocialInput {
            kind: "twitter".into(),
            username: "acme".into(),
            ..SocialInput::default()
        }]),
        urls: Some(vec![UrlInput {
            url: "https://acme.example".into(),
            kind: Some("website".into()),
        }]),
        domains: None,
        locations: Some(vec![LocationInput {
            name: Some("HQ".into()),
            country_code: Some("US".into()),
            ..LocationInput::default()
        }]),
        employee_count: Some(40.0),
        tags: Some(vec!["enterprise".into()]),
        custom: Map::new(),
        default_lang: Some("en_us".into()),
        created_at: create.then(|| AT.to_owned()),
        imported_at: create.then(|| AT.to_owned()),
        rev: (!bulk_update).then_some(3),
        deleted: (!create).then_some(false),
    }
    .domain("acme.example")
}

#[test]
fn every_new_familys_built_body_is_valid_against_its_operations_schema() {
    let mut checked = Vec::new();
    // Custom objects and klasses.
    let order = KlassName::new("order");
    checked.push(check(
        &CreateKObject::within(&order, full_kobject(true)),
        false,
    ));
    checked.push(check(
        &CreateCustomerKObject::within(&order, ID, full_kobject(false)),
        false,
    ));
    checked.push(check(
        &UpdateKObject::within(&order, ID2, full_kobject_update(false)),
        false,
    ));
    checked.push(check(
        &BulkKObjects::create_within(&order, vec![full_kobject(true)]),
        false,
    ));
    checked.push(check(
        &BulkKObjects::update_within(
            &order,
            vec![KObjectBulkUpdate {
                id: ID2.into(),
                input: full_kobject_update(true),
            }],
        ),
        false,
    ));
    let orders = SearchQuery::new().and(Criterion::gt(order.criterion("totalNum"), 100));
    checked.push(check(
        &SearchKObjects::within(&order, orders.clone()),
        false,
    ));
    checked.push(check(
        &SearchKObjects::within(&order, orders).archive(true),
        false,
    ));
    checked.push(check(&CreateKlass::new(full_klass(true)), false));
    checked.push(check(&UpdateKlass::new(ID, full_klass(false)), false));
    // Companies.
    checked.push(check(&CreateCompany::new(full_company(true, false)), false));
    checked.push(check(
        &UpdateCompany::new(ID, full_company(false, false)),
        false,
    ));
    checked.push(check(
        &BulkCompanies::create(vec![full_company(true, false)]),
        false,
    ));
    checked.push(check(
        &BulkCompanies::update(vec![CompanyBulkUpdate {
            id: ID.into(),
            input: full_company(false, true),
        }]),
        false,
    ));
    let acme = SearchQuery::new().and(Criterion::contains("company_name", "Acme"));
    checked.push(check(&SearchCompanies::new(acme), false));
    // Brands and metadata.
    let brand = BrandInput::new("Kustom Socks", "https://example.com/socks.svg");
    checked.push(check(&CreateBrand::new(&brand), false));
    checked.push(check(&UpdateBrand::new(ID, &brand), false));
    let metadata = MetadataUpdate {
        standard_properties: Some(Map::new()),
        relationships: Some(Map::new()),
        validations: Some(vec![ID.into()]),
        ..MetadataUpdate::new().property("tierStr", json!({"type": "string"}))
    };
    checked.push(check(&UpdateMetadata::new("customer", &metadata), false));
    // Users, teams and tags: the schemas written from KUSTOMER_API.md.
    let user = UserUpdate {
        display_name: Some("Ada".into()),
        name: Some("Ada Lovelace".into()),
        mobile: Some("+15555550100".into()),
        avatar_url: Some("https://example.com/ada.png".into()),
    };
    checked.push(check(&UpdateUser::new(ID, &user), false));
    let team = TeamInput {
        display_name: Some("Billing".into()),
        icon: Some("headset".into()),
        role_groups: Some(vec![ID2.into()]),
        ..TeamInput::new("billing").member(ID)
    };
    checked.push(check(&CreateTeam::new(&team), false));
    for mode in [UpdateMode::Merge, UpdateMode::Patch] {
        checked.push(check(&UpdateTeam::new(ID2, &team).mode(mode), false));
    }
    let members = [ID.to_owned()];
    checked.push(check(&TeamMembers::add(ID2, &members[..]), false));
    checked.push(check(&TeamMembers::remove(ID2, &members[..]), false));
    let hook = WebhookInput::new("sync", "https://hooks.example.com/kustomer")
        .event("kustomer.conversation.create")
        .event("kustomer.customer.update")
        .header("X-Shared-Secret", "s3cr3t");
    checked.push(check(&CreateWebhook::new(&hook), false));
    let tag = TagInput::new("vip").color("#ff0000");
    checked.push(check(&CreateTag::new(&tag), false));
    checked.push(check(&UpdateTag::new(ID, &tag), false));

    let distinct: BTreeSet<&str> = checked.iter().map(String::as_str).collect();
    let expected: BTreeSet<&str> = [
        "CreateKObject",
        "CreateCustomerKObject",
        "UpdateKObject",
        "BulkCreateKObjects",
        "BulkBatchUpdateKObjects",
        "CustomerSearch",
        "CustomerArchiveSearch",
        "CreateKlass",
        "UpdateKlass",
        "CreateCompany",
        "UpdateCompanyAttributes",
        "BulkCreateCompanies",
        "BulkBatchUpdateCompanies",
        "CreateBrand",
        "PatchBrand",
        "UpdateCustomAttributeMetadata",
        "UpdateUser",
        "CreateTeam",
        "UpdateTeam",
        "PatchTeam",
        "AddTeamMembers",
        "RemoveTeamMembers",
        "CreateTag",
        "UpdateTag",
        "CreateWebhook",
    ]
    .into();
    assert_eq!(distinct, expected);
}

#[test]
fn custom_objects_with_klass_attributes_are_valid_once_custom_is_opened() {
    let order = KlassName::new("order");
    let input = full_kobject(true)
        .custom_num("totalNum", 64.5)
        .custom_str("statusStr", "paid");
    check(&CreateKObject::within(&order, &input), true);
    let company = CompanyInput {
        custom: input.custom.clone(),
        ..full_company(true, false)
    };
    check(&CreateCompany::new(&company), true);
}

#[test]
fn the_written_schemas_are_operations_like_the_specs() {
    // Every operation of the second fixture has what the checks read, and none shadows one of
    // the spec's.
    let all = operations();
    let ids: Vec<&str> = all
        .iter()
        .map(|op| op["operationId"].as_str().unwrap())
        .collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "an operationId appears twice");
    for op in &all {
        assert!(op["method"].is_string() && op["path"].as_str().unwrap().starts_with('/'));
    }
}

#[test]
fn the_metadata_schema_is_checked_as_intended() {
    let all = operations();
    let update = all
        .iter()
        .find(|op| op["operationId"] == "UpdateCustomAttributeMetadata")
        .unwrap();
    let definition = json!({"properties": {"tierStr": {"type": "string"}}});
    let literal = jsonschema::validator_for(&update["requestSchema"]).unwrap();
    assert!(
        !literal.is_valid(&definition),
        "as written it admits no definition"
    );
    let intended = as_intended("UpdateCustomAttributeMetadata", &update["requestSchema"]);
    let intended = jsonschema::validator_for(&intended).unwrap();
    assert!(intended.is_valid(&definition));
    assert!(!intended.is_valid(&json!({"propertys": {}})));
    let too_many: Map<String, serde_json::Value> =
        (0..101).map(|n| (format!("a{n}Str"), json!({}))).collect();
    assert!(!intended.is_valid(&json!({ "properties": too_many })));
}
