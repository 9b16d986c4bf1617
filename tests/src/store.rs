//! The fake server's state: every collection's records (customers kept as the JSON the API
//! sends), customers' merges, bulk jobs, with realistic seeds; writes to records are in
//! `family_store`.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use crate::clock::rfc3339_millis;
use crate::table::Collection;

/// The customer of Kustomer's own `getCustomerById` example.
pub const SPEC_CUSTOMER_ID: &str = "58210c3db0f09110006b7953";
/// A customer shaped like real responses: omitted and `{}` attributes, nulls, untyped extras.
pub const QUIRKY_CUSTOMER_ID: &str = "5f3c0d0e2f1a4b0012ab34cd";
/// A customer whose ID needs percent-encoding: it holds `/`, `?`, `#`, `%`, a space and non-ASCII.
pub const UNICODE_CUSTOMER_ID: &str = "weird/id?x=1#frag% ünï";

const SPEC_DOC: &str = include_str!("../fixtures/customer_get_spec.json");
const QUIRKY_DOC: &str = include_str!("../fixtures/customer_get_quirky.json");

/// Fake time starts at 2024-01-01T00:00:00.000Z and moves 1 ms per write.
const EPOCH_MS: u64 = 1_704_067_200_000;

use crate::records::Records;
pub(crate) use crate::records::Stored;

/// A bulk job and what it will do when it runs.
#[derive(Debug, Clone)]
pub(crate) struct BulkJob {
    pub(crate) id: String,
    pub(crate) context: &'static str,
    /// The collection whose records these are.
    pub(crate) family: Collection,
    pub(crate) records: Vec<BulkRecord>,
    pub(crate) polls: u32,
    pub(crate) results: Option<Vec<Value>>,
    pub(crate) created_at: String,
}

/// One record of a bulk job.
#[derive(Debug, Clone)]
pub(crate) enum BulkRecord {
    Create(Value),
    Update(Value),
    Delete(String),
}

impl BulkRecord {
    /// The items of a bulk `POST` (creates) or `PUT` (updates).
    pub(crate) fn writes(items: Vec<Value>, create: bool) -> Vec<Self> {
        let kind = if create { Self::Create } else { Self::Update };
        items.into_iter().map(kind).collect()
    }
}

/// Polls before a bulk job completes.
pub(crate) const BULK_POLLS: u32 = 2;

#[derive(Debug, Default)]
pub(crate) struct Store {
    /// Every family's records by collection (`customers`, `companies`, `klasses/order`), and
    /// the other records the fake keeps (`audit-logs`, `spam/senders`, ...). Tags given by name
    /// elsewhere are records of `tags`.
    pub(crate) collections: HashMap<String, Records>,
    /// Each customer's merges, as source or target.
    merges_by_customer: HashMap<String, Vec<Value>>,
    merges: HashMap<String, Value>,
    pub(crate) bulk: HashMap<String, BulkJob>,
    /// Each conversation's events.
    pub(crate) events: HashMap<String, Vec<Value>>,
    /// Every webhook delivery made, and those not yet posted.
    pub(crate) deliveries: Vec<crate::delivery::WebhookDelivery>,
    pub(crate) outbox: Vec<crate::delivery::WebhookDelivery>,
    /// Files the storage host received: the attachment's ID and the bytes.
    pub(crate) uploads: Vec<(String, Vec<u8>)>,
    /// Where the fake listens (`http://127.0.0.1:port`), for the links it hands out.
    pub(crate) base_url: String,
    counter: u64,
    /// When set, `GET /customers` lists this many synthetic customers, made per page.
    pub(crate) synthetic: Option<u64>,
    /// Every live auth token's value, and its record's ID: the API key and logins.
    pub(crate) bearers: HashMap<String, String>,
    /// The token record of the request being answered (`/auth/tokens/current`).
    pub(crate) caller: Option<String>,
}

impl Store {
    pub(crate) fn seeded() -> Self {
        let mut store = Self::default();
        store.put_raw(SPEC_CUSTOMER_ID, SPEC_DOC);
        store.put_raw(QUIRKY_CUSTOMER_ID, QUIRKY_DOC);
        let unicode = json!({"data": {
            "type": "customer",
            "id": UNICODE_CUSTOMER_ID,
            "attributes": {"name": "Ünïcødé 名前", "emails": [{"email": "u@example.com", "type": "home"}]},
            "links": {"self": "/v1/customers/weird"}
        }});
        store.insert(&unicode);
        for (i, body) in [
            "Called about the XXL hoodie",
            "Refund issued",
            "Asked for a callback",
        ]
        .iter()
        .enumerate()
        {
            let note = json!({"type": "note", "id": format!("5828a3be7c7f551a00b5b72{i}"),
                "attributes": {"body": body, "createdAt": rfc3339_millis(EPOCH_MS - 1000 + i as u64),
                    "updatedAt": rfc3339_millis(EPOCH_MS - 1000 + i as u64)},
                "relationships": {"customer": reference("customer", SPEC_CUSTOMER_ID)}});
            store.push("notes", note);
        }
        store.seed_catalog();
        store
    }

    /// Adds a record to a collection.
    pub(crate) fn push(&mut self, collection: &str, record: Value) {
        self.collection_mut(collection).put(Stored::new(record));
    }

    /// A collection's records; none for a collection never written.
    pub(crate) fn collection(&self, collection: &str) -> &Records {
        static EMPTY: std::sync::LazyLock<Records> = std::sync::LazyLock::new(Records::default);
        self.collections.get(collection).unwrap_or(&EMPTY)
    }

    /// A collection's records, to change.
    pub(crate) fn collection_mut(&mut self, collection: &str) -> &mut Records {
        self.collections.entry(collection.to_owned()).or_default()
    }

    fn customers(&self) -> &Records {
        self.collection("customers")
    }

    fn put_raw(&mut self, id: &str, raw: &str) {
        if let Ok(doc) = serde_json::from_str::<Value>(raw)
            && let Some(data) = doc.get("data")
            && data.get("id").and_then(Value::as_str) == Some(id)
        {
            self.collection_mut("customers").put(Stored {
                data: data.clone(),
                raw: Some(raw.to_owned()),
            });
        }
    }

    /// A new ID (24 hex digits) and a new moment.
    pub(crate) fn next_id(&mut self) -> String {
        self.counter += 1;
        format!("6500{:020x}", self.counter)
    }

    pub(crate) fn now(&mut self) -> String {
        self.counter += 1;
        rfc3339_millis(EPOCH_MS + self.counter)
    }

    pub(crate) fn get(&self, id: &str) -> Option<&Stored> {
        self.customers().get(id)
    }

    /// Stores a `{data: {id, ...}}` document under its `data.id`; returns that ID.
    pub(crate) fn insert(&mut self, document: &Value) -> Option<String> {
        let data = document.get("data")?;
        let id = data.get("id")?.as_str()?.to_owned();
        self.collection_mut("customers").put(Stored {
            data: data.clone(),
            raw: Some(document.to_string()),
        });
        Some(id)
    }

    pub(crate) fn len(&self) -> usize {
        self.customers().len()
    }

    /// The merges customer `customer` took part in.
    pub(crate) fn merges_of(&self, customer: &str) -> &[Value] {
        self.merges_by_customer
            .get(customer)
            .map_or(&[], Vec::as_slice)
    }

    pub(crate) fn merge(&mut self, source: &str, target: &str) -> Option<Value> {
        if self.get(source).is_none() || self.get(target).is_none() {
            return None;
        }
        let id = self.next_id();
        let now = self.now();
        let merge = json!({"type": "customer_merge", "id": id,
        "attributes": {"status": "success", "createdAt": now, "updatedAt": now},
        "relationships": {
            "source": reference("customer", source),
            "target": reference("customer", target),
        }});
        self.merges.insert(id, merge.clone());
        for customer in [source, target] {
            self.merges_by_customer
                .entry(customer.to_owned())
                .or_default()
                .push(merge.clone());
        }
        self.delete_record("customers", source);
        Some(merge)
    }

    pub(crate) fn get_merge(&self, id: &str) -> Option<&Value> {
        self.merges.get(id)
    }
}

/// Applies an update to a record's `data`: a stale `rev` is 409; `replace` keeps only
/// `createdAt`; every key but `rev` and `skip` is set; the times and `rev` move on.
pub(crate) fn apply_update(
    data: &mut Value,
    body: &Map<String, Value>,
    replace: bool,
    now: &str,
    skip: &[&str],
) -> Result<(), u16> {
    let attributes = data
        .get_mut("attributes")
        .and_then(Value::as_object_mut)
        .ok_or(500u16)?;
    let rev = attributes.get("rev").and_then(Value::as_u64).unwrap_or(0);
    if body
        .get("rev")
        .is_some_and(|sent| sent.as_u64() != Some(rev))
    {
        return Err(409);
    }
    if replace {
        let created = attributes.get("createdAt").cloned();
        attributes.clear();
        if let Some(created) = created {
            attributes.insert("createdAt".into(), created);
        }
    }
    for (k, v) in body {
        if k == "rev" || skip.contains(&k.as_str()) {
            continue;
        }
        // A merge sets the custom attributes it names and leaves the others.
        if let (Some(Value::Object(have)), Value::Object(set), false) =
            (attributes.get_mut(k), v, replace || k != "custom")
        {
            have.extend(set.clone());
            continue;
        }
        attributes.insert(k.clone(), v.clone());
    }
    attributes.insert("updatedAt".into(), now.into());
    attributes.insert("modifiedAt".into(), now.into());
    attributes.insert("rev".into(), (rev + 1).into());
    Ok(())
}

/// A relationship naming one record: `{links: {self}, data: {type, id}}`.
pub(crate) fn reference(kind: &str, id: &str) -> Value {
    json!({"links": {"self": format!("/v1/{kind}s/{id}")}, "data": {"type": kind, "id": id}})
}

/// A new record's timestamps (`createdAt` unless given, `updatedAt`, `modifiedAt`) and its first
/// revision, as the API sets them on every create.
pub(crate) fn stamp_new(attributes: &mut Map<String, Value>, now: String) {
    attributes
        .entry("createdAt")
        .or_insert_with(|| now.clone().into());
    attributes.insert("updatedAt".into(), now.clone().into());
    attributes.insert("modifiedAt".into(), now.into());
    attributes.insert("rev".into(), 1.into());
}
