//! Custom objects and klasses, companies, users, teams, tags, shortcuts, brands, orgs and
//! custom-attribute metadata through the generic layer, against the fake server, through both
//! transports: the conformance functions of `support/conformance.rs`, then what each family has
//! of its own.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod support;

use std::collections::HashSet;
use std::time::Duration;

use kustomer::brands::BrandInput;
use kustomer::companies::CompanyInput;
use kustomer::conversations::ConversationInput;
use kustomer::custom_objects::{KObjectInput, KlassInput, KlassName, ListKObjects, SearchKObjects};
use kustomer::models::{Brand, Company, CustomFields, KObject, Klass, Tag, Team};
use kustomer::ops::{List, UpsertOutcome};
use kustomer::search::{Criterion, SearchQuery};
use kustomer::shortcuts::ListShortcuts;
use kustomer::tags::{ListTags, TagInput};
use kustomer::teams::TeamInput;
use kustomer::users::ListUsers;
use kustomer::{Error, metadata::MetadataUpdate};
use kustomer_fake::{
    COLLEAGUE_USER_ID, CURRENT_USER_ID, DEFAULT_BRAND_ID, ORDER_KLASS_ID, ORG_ID, SUPPORT_TEAM_ID,
};
use serde_json::json;
use support::conformance::{
    Parents, Sample, bulk_and_walk, crud, deletes, each_client, each_client_on,
};

const ICON: &str = "https://example.com/icon.svg";

impl Sample for KObject {
    fn scope() -> KlassName {
        KlassName::new("order")
    }
    fn input(n: usize, parents: &Parents) -> KObjectInput {
        KObjectInput::new(format!("Sample {n}")).customer(&parents.customer)
    }
    fn change(n: usize, _: &Parents) -> KObjectInput {
        KObjectInput::update().title(format!("Changed {n}"))
    }
    fn label(&self) -> Option<String> {
        self.attributes.title.clone()
    }
}

impl Sample for Company {
    fn scope() {}
    fn input(n: usize, _: &Parents) -> CompanyInput {
        CompanyInput::new().name(format!("Sample {n}"))
    }
    fn change(n: usize, _: &Parents) -> CompanyInput {
        CompanyInput::new().name(format!("Changed {n}"))
    }
    fn label(&self) -> Option<String> {
        self.attributes.name.clone()
    }
}

impl Sample for Klass {
    fn scope() {}
    fn input(n: usize, _: &Parents) -> KlassInput {
        KlassInput::new(format!("sample_{n}")).display_name(format!("Sample {n}"))
    }
    fn change(n: usize, _: &Parents) -> KlassInput {
        KlassInput::update().display_name(format!("Changed {n}"))
    }
    fn label(&self) -> Option<String> {
        self.attributes.display_name.clone()
    }
}

impl Sample for Team {
    fn scope() {}
    fn input(n: usize, _: &Parents) -> TeamInput {
        TeamInput::new(format!("Sample {n}"))
    }
    fn change(n: usize, _: &Parents) -> TeamInput {
        TeamInput::new(format!("Changed {n}"))
    }
    fn label(&self) -> Option<String> {
        self.attributes.name.clone()
    }
}

impl Sample for Tag {
    fn scope() {}
    fn input(n: usize, _: &Parents) -> TagInput {
        TagInput::new(format!("Sample {n}"))
    }
    fn change(n: usize, _: &Parents) -> TagInput {
        TagInput::new(format!("Changed {n}"))
    }
    fn label(&self) -> Option<String> {
        self.attributes.name.clone()
    }
}

impl Sample for Brand {
    fn scope() {}
    fn input(n: usize, _: &Parents) -> BrandInput {
        BrandInput::new(format!("Sample {n}"), ICON)
    }
    fn change(n: usize, _: &Parents) -> BrandInput {
        BrandInput::new(format!("Changed {n}"), ICON)
    }
    fn label(&self) -> Option<String> {
        self.attributes.name.clone()
    }
}

#[test]
fn custom_objects_conform() {
    each_client(|name, client, parents| {
        crud::<KObject>(name, client, parents);
        deletes::<KObject>(name, client, parents);
        bulk_and_walk::<KObject>(name, client, parents);
    });
}

#[test]
fn companies_conform() {
    each_client(|name, client, parents| {
        crud::<Company>(name, client, parents);
        bulk_and_walk::<Company>(name, client, parents);
    });
}

#[test]
fn klasses_teams_tags_and_brands_conform() {
    each_client(|name, client, parents| {
        crud::<Klass>(name, client, parents);
        deletes::<Klass>(name, client, parents);
        crud::<Team>(name, client, parents);
        deletes::<Team>(name, client, parents);
        crud::<Tag>(name, client, parents);
        deletes::<Tag>(name, client, parents);
        crud::<Brand>(name, client, parents);
    });
}

#[test]
fn custom_objects_are_found_by_external_id_upserted_and_typed_under_customers() {
    each_client_on(|name, server, client, parents| {
        let orders = client.custom_objects("order");
        let input = KObjectInput::new("Order #7")
            .external_id("order 7/x")
            .custom_num("totalNum", 120.0);
        let created = match orders.upsert_by_external_id(&input).unwrap() {
            UpsertOutcome::Created(order) => order,
            other => panic!("{name}: {other:?}"),
        };
        assert_eq!(created.klass(), Some("order"), "{name}");
        assert_eq!(created.attributes.custom.num("totalNum"), Some(120.0));
        // The klass comes as `{link, data}`, the self link with the pluralised name.
        let klass = created.relationships.klass.as_ref().unwrap();
        assert_eq!(klass.id(), Some(ORDER_KLASS_ID), "{name}");
        assert!(klass.link.is_some() && klass.links.is_none(), "{name}");
        assert!(
            created
                .links
                .self_link
                .as_deref()
                .unwrap()
                .starts_with("/v1/klasses/orders/"),
            "{name}"
        );
        let found = orders.by_external_id("order 7/x").unwrap();
        assert_eq!(found.id, created.id, "{name}");
        let again = input.clone().custom_num("totalNum", 130.0);
        let updated = match orders.upsert_by_external_id(&again).unwrap() {
            UpsertOutcome::Updated(order) => order,
            other => panic!("{name}: {other:?}"),
        };
        assert_eq!(updated.id, created.id, "{name}");
        assert_eq!(updated.attributes.custom.num("totalNum"), Some(130.0));
        assert!(matches!(
            orders.upsert_by_external_id(&KObjectInput::new("No key")),
            Err(Error::InvalidInput(_))
        ));

        // A customer's orders, typed, created under the customer or naming it.
        let under = orders
            .create_for_customer(&parents.customer, &KObjectInput::new("Order #8"))
            .unwrap();
        assert_eq!(under.customer_id(), Some(parents.customer.as_str()));
        orders
            .create(&KObjectInput::new("Order #9").customer(&parents.customer))
            .unwrap();
        let titles: HashSet<String> = orders
            .of_customer(&parents.customer)
            .map(|o| o.unwrap().attributes.title.unwrap())
            .collect();
        assert!(
            titles.contains("Order #8") && titles.contains("Order #9"),
            "{name}"
        );
        let refused = orders
            .create_for_customer(&parents.customer, &KObjectInput::new("x").customer("y"))
            .unwrap_err();
        assert!(matches!(refused, Error::InvalidInput(_)), "{name}");

        // A company's.
        let acme = client
            .companies()
            .create(&CompanyInput::new().name("Acme Inc"))
            .unwrap();
        let contract = KObjectInput::new("Contract").company(acme.id.clone());
        orders.create(&contract).unwrap();
        let of_company: Vec<KObject> = orders.of_company(&acme.id).map(Result::unwrap).collect();
        assert_eq!(of_company.len(), 1, "{name}");
        assert_eq!(of_company[0].company_id(), Some(acme.id.as_str()));

        // Search on a klass attribute.
        let order = KlassName::new("order");
        let big = SearchQuery::new().and(Criterion::gt(order.criterion("totalNum"), 125));
        let hits: Vec<KObject> = orders
            .search(SearchKObjects::within(&order, big))
            .map(Result::unwrap)
            .collect();
        assert_eq!(hits.len(), 1, "{name}");
        assert_eq!(hits[0].id, created.id, "{name}");

        // A klass that does not exist, and one whose name would leave its segment.
        let missing = client
            .custom_objects("nothing")
            .get(&created.id)
            .unwrap_err();
        assert!(missing.is_not_found(), "{name}: {missing:?}");
        let before = server.requests().len();
        let hostile = client
            .custom_objects("../customers")
            .list(ListKObjects::within("../customers"))
            .next()
            .unwrap()
            .unwrap_err();
        assert!(hostile.is_not_found(), "{name}: {hostile:?}");
        let sent = &server.requests()[before];
        assert!(
            sent.raw_url.starts_with("/v1/klasses/..%2Fcustomers"),
            "{name}: {}",
            sent.raw_url
        );
        // No klass at all: refused before I/O.
        let before = server.requests().len();
        let unnamed = client.family::<KObject>().get(&created.id).unwrap_err();
        assert!(
            matches!(unnamed, Error::InvalidInput(_)),
            "{name}: {unnamed:?}"
        );
        assert_eq!(server.requests().len(), before, "{name}");

        // Bulk delete.
        let jobs = orders
            .bulk_delete(std::slice::from_ref(&created.id))
            .unwrap();
        client
            .wait_for_bulk(&jobs[0].id, Duration::from_secs(1), Duration::from_secs(60))
            .unwrap();
        assert!(
            orders.get(&created.id).unwrap_err().is_not_found(),
            "{name}"
        );
    });
}

#[test]
fn users_and_their_teams() {
    each_client(|name, client, _| {
        let users = client.users();
        assert_eq!(users.current().unwrap().id, CURRENT_USER_ID, "{name}");
        let all: Vec<String> = users
            .list(ListUsers::new().page_size(1))
            .map(|u| u.unwrap().id)
            .collect();
        assert_eq!(all, [CURRENT_USER_ID, COLLEAGUE_USER_ID], "{name}");
        let grace = users.get(COLLEAGUE_USER_ID).unwrap();
        assert_eq!(
            grace.attributes.display_name.as_deref(),
            Some("Grace Hopper")
        );

        let teams = client.teams();
        let billing = teams.create(&TeamInput::new("billing")).unwrap();
        let colleague = [COLLEAGUE_USER_ID.to_owned()];
        let joined = teams.add_members(&billing.id, &colleague).unwrap();
        assert_eq!(joined.attributes.members, colleague, "{name}");
        let on: Vec<String> = users
            .teams_of(COLLEAGUE_USER_ID)
            .map(|t| t.unwrap().id)
            .collect();
        // The seeded support team, and the new one.
        assert_eq!(on, [SUPPORT_TEAM_ID, billing.id.as_str()], "{name}");
        let left = teams.remove_members(&billing.id, &colleague).unwrap();
        assert!(left.attributes.members.is_empty(), "{name}");
        assert_eq!(users.teams_of(COLLEAGUE_USER_ID).count(), 1, "{name}");
        assert!(
            teams
                .add_members(&billing.id, ["6500ffffffffffffffffffff"])
                .unwrap_err()
                .is_not_found()
        );
    });
}

#[test]
fn a_conversations_tag_ids_resolve_to_names_in_one_walk() {
    each_client_on(|name, server, client, parents| {
        let conversation = client
            .conversations()
            .create(
                &ConversationInput::for_customer(&parents.customer)
                    .tag("vip")
                    .tag("billing"),
            )
            .unwrap();
        assert_eq!(conversation.attributes.tags.len(), 2, "{name}");
        let before = server.requests().len();
        let names = client.tags().names().unwrap();
        let walked = &server.requests()[before..];
        assert!(
            walked.iter().all(|r| r.raw_url.contains("deleted=false")),
            "{name}: {:?}",
            walked.iter().map(|r| &r.raw_url).collect::<Vec<_>>()
        );
        assert_eq!(
            names.resolve(&conversation.attributes.tags),
            [Some("vip"), Some("billing")],
            "{name}"
        );
        // A deleted tag is not listed, unless asked for.
        let vip = conversation.attributes.tags[0].clone();
        client.tags().delete(&vip).unwrap();
        assert_eq!(client.tags().names().unwrap().name(&vip), None, "{name}");
        let listed = client
            .tags()
            .list(ListTags::new().param("deleted", "true"))
            .count();
        assert_eq!(listed, 0, "{name}: the fake's delete removes it");
    });
}

#[test]
fn shortcuts_brands_orgs_and_metadata() {
    each_client(|name, client, _| {
        let shortcuts: Vec<_> = client
            .shortcuts()
            .list(ListShortcuts::new())
            .map(Result::unwrap)
            .collect();
        // Both clients share the fake: the first deletes one of the two seeded.
        assert!(!shortcuts.is_empty(), "{name}");
        let hours = shortcuts
            .iter()
            .find(|s| s.attributes.name.as_deref() == Some("hours"))
            .unwrap();
        let got = client.shortcuts().get(&hours.id).unwrap();
        assert_eq!(got.text(), Some("We answer from 9 to 5, Monday to Friday."));
        let categories: Vec<_> = client
            .shortcuts()
            .categories()
            .map(Result::unwrap)
            .collect();
        assert_eq!(categories[0].attributes.name.as_deref(), Some("Billing"));
        if let Some(refund) = shortcuts.iter().find(|s| s.id != hours.id) {
            client.shortcuts().delete(&refund.id).unwrap();
            assert!(
                client
                    .shortcuts()
                    .get(&refund.id)
                    .unwrap_err()
                    .is_not_found()
            );
            let left = client.shortcuts().list(ListShortcuts::new()).count();
            assert_eq!(left, shortcuts.len() - 1, "{name}");
        }

        let default = client.brands().default_brand().unwrap();
        assert_eq!(
            (default.id.as_str(), default.attributes.default),
            (DEFAULT_BRAND_ID, Some(true))
        );
        let brands = client.brands().list(List::new()).count();
        assert!(brands >= 1, "{name}");

        let org = client.orgs().current().unwrap();
        assert_eq!(org.id, ORG_ID, "{name}");
        assert_eq!(
            client
                .orgs()
                .get(ORG_ID)
                .unwrap()
                .attributes
                .name
                .as_deref(),
            Some("acme")
        );

        let orders = client.metadata().get("kobject.order").unwrap();
        let total = orders.property("totalNum").unwrap();
        assert_eq!(total.kind.as_deref(), Some("number"), "{name}");
        let paid = KObjectInput::new("x").custom_str("statusStr", "paid");
        assert!(orders.check_custom(&paid.custom).is_ok(), "{name}");
        let typo = KObjectInput::new("x").custom_str("statsStr", "paid");
        assert!(orders.check_custom(&typo.custom).is_err(), "{name}");
        let tier = MetadataUpdate::new()
            .property("tierStr", json!({"type": "string"}))
            .property("planStr", json!({"type": "string", "displayName": "Plan"}));
        client
            .metadata()
            .update("customer", &tier, Default::default())
            .unwrap();
        let customer = client.metadata().get("customer").unwrap();
        assert_eq!(
            customer
                .property("planStr")
                .unwrap()
                .display_name
                .as_deref(),
            Some("Plan"),
            "{name}"
        );
        assert!(client.metadata().get("nothing").unwrap_err().is_not_found());
    });
}
