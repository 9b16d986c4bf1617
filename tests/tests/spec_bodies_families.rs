//! The bodies of custom objects, klasses, companies, brands, metadata, users, teams, tags and
//! outbound webhooks,
//! checked against their operations' request schemas as `spec_bodies.rs` checks the first
//! families': the spec's where it has the operation, KUSTOMER_API.md's otherwise. Inputs set
//! every field they have.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod support;

use std::collections::BTreeSet;

use kustomer::auth::{AuthSettingsInput, UpdateAuthSettings};
use kustomer::auth_tokens::{CreateToken, TokenLogin};
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
use kustomer::role_groups::{CreateRoleGroup, RoleGroupInput, UpdateRoleGroup};
use kustomer::search::{Criterion, SearchQuery};
use kustomer::tags::{CreateTag, TagInput, UpdateTag};
use kustomer::teams::{CreateTeam, TeamInput, TeamMembers, UpdateTeam};
use kustomer::users::{
    InviteUser, PasswordReset, ResetPassword, UpdateUser, UserInvite, UserUpdate,
};
use kustomer::webhooks::{CreateWebhook, WebhookInput};
use serde_json::{Map, json};
use support::spec_check::{as_intended, check, operations};

const ID: &str = "58210c3db0f09110006b7953";
const ID2: &str = "58228e05d4e96711004eccb7";
// 2024-01-31T10:00:00.000Z
const AT: kustomer::Timestamp = kustomer::Timestamp::constant(1_706_695_200, 0);

fn full_kobject(customer: bool) -> KObjectInput {
    {
        let mut value = KObjectInput::default()
            .company(ID2)
            .external_id("order-1059")
            .title("Order #1059")
            .description("3 items")
            .images(vec!["https://example.com/a.png".into()])
            .icon("truck-delivery")
            .data(json!({"lines": [1, 2]}).as_object().unwrap().clone())
            .custom(Map::new())
            .tags(vec!["vip".into()])
            .created_at(AT)
            .imported_at(AT);
        value.customer = customer.then(|| ID.to_owned());
        value
    }
}

fn full_kobject_update(bulk: bool) -> KObjectInput {
    {
        let mut value = full_kobject(false).rev(2);
        value.customer = None;
        value.company = None;
        value.created_at = (!bulk).then(|| AT.to_owned());
        value.imported_at = (!bulk).then(|| AT.to_owned());
        value
    }
}

fn full_klass(name: bool) -> KlassInput {
    {
        let mut value = KlassInput::default()
            .display_name("Order")
            .icon("truck")
            .color("#ffcc00")
            .json_schema(json!({"type": "object"}))
            .klass_schema("task")
            .mixins(vec!["assignable".into(), "commentable".into()])
            .status("enabled");
        value.name = name.then(|| "order".to_owned());
        value
    }
}

fn full_company(create: bool, bulk_update: bool) -> CompanyInput {
    {
        let mut value = CompanyInput::default()
            .name("Acme Inc")
            .external_id("crm-acme")
            .avatar_url("https://example.com/acme.png")
            .emails(vec![
                EmailInput::default()
                    .email("hello@acme.example")
                    .kind(kustomer::models::ContactKind::Work),
            ])
            .phones(vec![
                PhoneInput::default()
                    .phone("+15555550100")
                    .kind(kustomer::models::ContactKind::Work),
            ])
            .socials(vec![SocialInput::new(
                kustomer::models::SocialNetwork::Twitter,
                "acme",
            )])
            .urls(vec![
                UrlInput::default()
                    .url("https://acme.example")
                    .kind(kustomer::models::ContactKind::Website),
            ])
            .locations(vec![LocationInput::default().name("HQ").country_code("US")])
            .employee_count(40.0)
            .tags(vec!["enterprise".into()])
            .custom(Map::new())
            .default_lang("en_us");
        value.whatsapps = (!bulk_update).then(|| {
            vec![
                PhoneInput::default()
                    .phone("+15555550101")
                    .kind(kustomer::models::ContactKind::Mobile),
            ]
        });
        value.created_at = create.then(|| AT.to_owned());
        value.imported_at = create.then(|| AT.to_owned());
        value.rev = (!bulk_update).then_some(3);
        value.deleted = (!create).then_some(false);
        value
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
            vec![KObjectBulkUpdate::new(ID2, full_kobject_update(true))],
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
        &BulkCompanies::update(vec![CompanyBulkUpdate::new(ID, full_company(false, true))]),
        false,
    ));
    let acme = SearchQuery::new().and(Criterion::contains("company_name", "Acme"));
    checked.push(check(&SearchCompanies::new(acme), false));
    // Brands and metadata.
    let brand = BrandInput::new("Kustom Socks", "https://example.com/socks.svg");
    checked.push(check(&CreateBrand::new(&brand), false));
    checked.push(check(&UpdateBrand::new(ID, &brand), false));
    let metadata = MetadataUpdate::new()
        .property("tierStr", json!({"type": "string"}))
        .standard_properties(Map::new())
        .relationships(Map::new())
        .validations(vec![ID.into()]);
    checked.push(check(&UpdateMetadata::new("customer", &metadata), false));
    // Users, teams and tags: the schemas written from KUSTOMER_API.md.
    let user = UserUpdate::default()
        .display_name("Ada")
        .name("Ada Lovelace")
        .mobile("+15555550100")
        .avatar_url("https://example.com/ada.png");
    checked.push(check(&UpdateUser::new(ID, &user), false));
    // The access-management schemas, written from the TypeScript client's types.
    let everything = UserUpdate::default()
        .display_name("Ada")
        .email("ada@example.com")
        .email_signature("Ada")
        .user_type(kustomer::models::UserType::Limited)
        .role_groups([ID2])
        .roles(["org.user"])
        .deleted(None)
        .password("n3w", "old");
    checked.push(check(&UpdateUser::new(ID, &everything), false));
    checked.push(check(&UpdateUser::new("current", &everything), false));
    let invite = UserInvite::new("Ada Lovelace", "ada@example.com")
        .display_name("Ada")
        .mobile("+15555550100")
        .email_signature("Ada")
        .user_type(kustomer::models::UserType::Machine)
        .role_groups([ID2])
        .roles(["org.user"]);
    checked.push(check(&InviteUser::new(&invite), false));
    checked.push(check(
        &ResetPassword::new(PasswordReset::new("acme", "ada@example.com")),
        false,
    ));
    let login = TokenLogin::new("acme", "ada@example.com", "hunter2").remember(true);
    checked.push(check(&CreateToken::new(&login), false));
    let mut saml = kustomer::models::SamlSettings::default();
    saml.enabled = Some(true);
    saml.idp_public_certs = vec!["MIIC...".into()];
    saml.idp_login_url = Some("https://idp.example.com/login".into());
    saml.force_auth = Some(false);
    let settings = AuthSettingsInput::new(true, false)
        .saml(saml)
        .session_milliseconds(3_600_000);
    checked.push(check(&UpdateAuthSettings::new(&settings), false));
    let group = RoleGroupInput::new("Support")
        .description("Front line")
        .display(true)
        .roles(["org.user.customer.read"]);
    checked.push(check(&CreateRoleGroup::new(&group), false));
    checked.push(check(&UpdateRoleGroup::new(ID, &group), false));
    let team = TeamInput::new("billing")
        .member(ID)
        .display_name("Billing")
        .icon("headset")
        .role_groups(vec![ID2.into()])
        .external_id("team-billing");
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
        "UpdateUserById",
        "UpdateCurrentUser",
        "CreateInviteNewUser",
        "ResetUsersPassword",
        "CreateToken",
        "UpdateAuthSettings",
        "CreateRoleGroup",
        "UpdateRoleGroup",
        "CreateTeam",
        "UpdateTeamById",
        "UpdateTeamAttributes",
        "AddTeamMember",
        "RemoveTeamMember",
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
    let company = full_company(true, false).custom(input.custom.clone());
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
