//! The fake server's customers: realistic seeds, kept as the JSON documents the real API sends.

use std::collections::HashMap;

use serde_json::{Value, json};

/// The customer of Kustomer's own `getCustomerById` example.
pub const SPEC_CUSTOMER_ID: &str = "58210c3db0f09110006b7953";
/// A customer shaped like real responses: omitted and `{}` attributes, nulls, untyped extras.
pub const QUIRKY_CUSTOMER_ID: &str = "5f3c0d0e2f1a4b0012ab34cd";
/// A customer whose ID needs percent-encoding: it holds `/`, `?`, `#`, `%`, a space and non-ASCII.
pub const UNICODE_CUSTOMER_ID: &str = "weird/id?x=1#frag% ünï";

const SPEC_DOC: &str = include_str!("../fixtures/customer_get_spec.json");
const QUIRKY_DOC: &str = include_str!("../fixtures/customer_get_quirky.json");

/// Customers by ID, each kept as the exact bytes the server answers with.
#[derive(Debug, Default)]
pub(crate) struct Store {
    customers: HashMap<String, String>,
}

impl Store {
    pub(crate) fn seeded() -> Self {
        let mut store = Self::default();
        store
            .customers
            .insert(SPEC_CUSTOMER_ID.into(), SPEC_DOC.into());
        store
            .customers
            .insert(QUIRKY_CUSTOMER_ID.into(), QUIRKY_DOC.into());
        let unicode = json!({"data": {
            "type": "customer",
            "id": UNICODE_CUSTOMER_ID,
            "attributes": {"name": "Ünïcødé 名前", "emails": [{"email": "u@example.com", "type": "home"}]},
            "links": {"self": "/v1/customers/weird"}
        }});
        store
            .customers
            .insert(UNICODE_CUSTOMER_ID.into(), unicode.to_string());
        store
    }

    pub(crate) fn get(&self, id: &str) -> Option<&str> {
        self.customers.get(id).map(String::as_str)
    }

    /// Stores a `{data: {id, ...}}` document under its `data.id`; returns that ID.
    pub(crate) fn insert(&mut self, document: &Value) -> Option<String> {
        let id = document.pointer("/data/id")?.as_str()?.to_owned();
        self.customers.insert(id.clone(), document.to_string());
        Some(id)
    }
}

/// Kustomer's JSON:API error body.
pub(crate) fn error_body(status: u16, code: &str, title: &str) -> String {
    json!({"errors": [{"status": status, "code": code, "title": title}]}).to_string()
}
