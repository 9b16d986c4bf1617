//! What the fake's store keeps beside the records: the audit log, customer timelines and
//! sessions, conversation times, uploads, unmasking windows, spam senders and tracking.

use serde_json::{Map, Value, json};

use crate::answers::{Answer, bad, not_found, one, param};
use crate::store::Store;
use crate::table::{CUSTOMERS, Collection};

/// Sets `attributes.<name>` of a record (a record without attributes is left alone).
fn set_attribute(record: &mut Value, name: &str, value: Value) {
    if let Some(attributes) = record.get_mut("attributes").and_then(Value::as_object_mut) {
        attributes.insert(name.into(), value);
    }
}

fn reference(kind: &str, id: &str) -> Value {
    json!({"links": {"self": format!("/v1/{kind}s/{id}")}, "data": {"type": kind, "id": id}})
}

impl Store {
    /// Writes down a write: an audit entry, and what the customer's timeline and the
    /// conversation's times show of it.
    pub(crate) fn ledger(
        &mut self,
        kind: &str,
        action: &str,
        changes: Option<Value>,
        after: &Value,
    ) {
        let id = self.next_id();
        let now = self.now();
        let object = after
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let entry = json!({"type": "audit_log", "id": id, "attributes": {
            "eventName": format!("kustomer.{kind}.{action}"), "eventVerb": action,
            "org": crate::ORG_ID, "userId": crate::CURRENT_USER_ID, "userType": "user",
            "objectId": object, "objectType": kind, "client": "kustomer-rs fake", "ip": null,
            "changes": changes, "createdAt": now, "publishedAt": now}});
        self.push("audit-logs", entry);
        let customer = match kind {
            "customer" => Some(object.clone()),
            _ => after
                .pointer("/relationships/customer/data/id")
                .and_then(Value::as_str)
                .map(str::to_owned),
        };
        if let (Some(customer), "create") = (customer.clone(), action) {
            let event_id = self.next_id();
            let mut relationships = Map::new();
            relationships.insert("customer".into(), reference("customer", &customer));
            if kind == "conversation" {
                relationships.insert("conversation".into(), reference("conversation", &object));
            }
            self.push(
                "events",
                json!({"type": "customer_event", "id": event_id, "attributes": {
                "name": format!("kustomer.{kind}.create"), "type": kind, "publishedAt": now,
                "createdAt": now, "updatedAt": now, "meta": null}, "relationships": relationships}),
            );
        }
        if kind == "conversation" && action == "create" {
            let time_id = self.next_id();
            let mut relationships = Map::new();
            relationships.insert("conversation".into(), reference("conversation", &object));
            if let Some(customer) = customer {
                relationships.insert("customer".into(), reference("customer", &customer));
            }
            self.push(
                "times",
                json!({"type": "conversation_time", "id": time_id, "attributes": {
                "createdAt": now, "handleAt": now, "handleTime": 0, "assignedUsers": [],
                "assignedTeams": [], "createdByTeams": [], "channels": []},
                "relationships": relationships}),
            );
        }
    }

    /// A page of the audit log, newest first, by cursor: `count`, then `before` or `after` an
    /// entry's ID; `filter[objectType]` and `filter[objectId]` narrow it.
    pub(crate) fn audit_page(&self, pairs: &[(String, String)]) -> Answer {
        let count: usize = match param(pairs, "count").map(str::parse) {
            None => 10,
            Some(Ok(n)) if (1..=100).contains(&n) => n,
            Some(_) => return bad("count must be 1 to 100"),
        };
        let filter = |name: &str| param(pairs, &format!("filter[{name}]"));
        let mut entries: Vec<&Value> = self
            .records("audit-logs")
            .rev()
            .filter(|e| {
                ["objectType", "objectId"].iter().all(|name| {
                    filter(name).is_none_or(|want| {
                        e.pointer(&format!("/attributes/{name}"))
                            .and_then(Value::as_str)
                            == Some(want)
                    })
                })
            })
            .collect();
        let total = entries.len();
        let position = |id: &str| {
            entries
                .iter()
                .position(|e| e.get("id").and_then(Value::as_str) == Some(id))
        };
        if let Some(before) = param(pairs, "before") {
            let Some(at) = position(before) else {
                return not_found("before");
            };
            entries = entries.split_off(at + 1);
        } else if let Some(after) = param(pairs, "after") {
            let Some(at) = position(after) else {
                return not_found("after");
            };
            entries.truncate(at);
            let skip = entries.len().saturating_sub(count);
            entries = entries.split_off(skip);
        }
        let cursor_count = entries.len();
        let page: Vec<&Value> = entries.into_iter().take(count).collect();
        let id_of = |e: Option<&&Value>| {
            e.and_then(|e| e.get("id"))
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        let next = (cursor_count > page.len())
            .then(|| id_of(page.last()))
            .flatten()
            .map(|id| format!("/v1/audit-logs?count={count}&before={id}"));
        let prev = id_of(page.first()).map(|id| format!("/v1/audit-logs?count={count}&after={id}"));
        let body = json!({"meta": {"count": page.len(), "total": total, "cursorCount": cursor_count},
            "links": {"self": format!("/v1/audit-logs?count={count}"),
                "first": format!("/v1/audit-logs?count={count}"), "prev": prev, "next": next},
            "data": page});
        (200, body.to_string())
    }

    /// The storage host received `file` for attachment or media `id`.
    pub(crate) fn mark_uploaded(&mut self, id: &str, file: &[u8]) -> Result<(), String> {
        for collection in ["attachments", "media"] {
            let Some(record) = self.record_mut(collection, id) else {
                continue;
            };
            let declared = record
                .pointer("/attributes/contentLength")
                .and_then(Value::as_u64);
            if declared != Some(file.len() as u64) {
                return Err(format!(
                    "{} bytes, not the {declared:?} declared",
                    file.len()
                ));
            }
            if let Some(attributes) = record.get_mut("attributes").and_then(Value::as_object_mut) {
                attributes.insert("uploaded".into(), true.into());
            }
            self.uploads.push((id.to_owned(), file.to_vec()));
            return Ok(());
        }
        Err("no such attachment".into())
    }

    /// Opens or closes a customer's unmasking window; the customer, or `None` if unknown.
    pub(crate) fn unmask(&mut self, id: &str, open: bool) -> Option<Value> {
        let now = self.now();
        let window = open.then(|| {
            json!({"requestedBy": crate::CURRENT_USER_ID, "startDate": now,
            "endDate": now, "createdAt": now, "updatedAt": now})
        });
        let mut body = Map::new();
        body.insert("unmaskingWindow".into(), window.unwrap_or(Value::Null));
        let customers = Collection::of(&CUSTOMERS);
        self.update_record(&customers, id, &body, false).ok()
    }

    /// `PUT /spam/senders`: puts a sender on a list, or moves it.
    pub(crate) fn upsert_spam_sender(&mut self, map: Map<String, Value>) -> Answer {
        let (Some(sender), Some(list)) = (
            map.get("sender").and_then(Value::as_str).map(str::to_owned),
            map.get("list").and_then(Value::as_str).map(str::to_owned),
        ) else {
            return bad("sender and list are required");
        };
        if !["whitelist", "blacklist"].contains(&list.as_str()) {
            return bad("list must be whitelist or blacklist");
        }
        let now = self.now();
        if let Some(existing) = self
            .collection_mut("spam/senders")
            .find_mut(|s| s.pointer("/attributes/sender").and_then(Value::as_str) == Some(&sender))
        {
            set_attribute(existing, "list", list.into());
            set_attribute(existing, "updatedAt", now.into());
            return one(200, &existing.clone());
        }
        let id = self.next_id();
        let record = json!({"type": "sender", "id": id, "attributes": {"sender": sender,
            "channel": map.get("channel").cloned().unwrap_or_else(|| "email".into()),
            "list": list, "createdAt": now, "updatedAt": now}});
        self.push("spam/senders", record.clone());
        one(200, &record)
    }

    /// `POST /tracking/{event,identity,identityEvent}`.
    pub(crate) fn track(&mut self, what: &str, map: Map<String, Value>) -> Answer {
        let (identity, event) = match what {
            "event" => (None, Some(map)),
            "identity" => (Some(map), None),
            _ => (
                map.get("identity").and_then(Value::as_object).cloned(),
                map.get("event").and_then(Value::as_object).cloned(),
            ),
        };
        let mut answer = (204, String::new());
        let mut customer = None;
        if let Some(identity) = identity {
            let Some(email) = identity
                .get("email")
                .and_then(Value::as_str)
                .map(str::to_owned)
            else {
                return bad("an identity needs an email in this fake");
            };
            let customers = Collection::of(&CUSTOMERS);
            let id = match self
                .find_by(&customers, "email", &email)
                .map(|c| c.data.get("id").cloned())
            {
                Some(Some(Value::String(id))) => id,
                _ => {
                    let mut body = Map::new();
                    body.insert("emails".into(), json!([{"email": email}]));
                    self.create_record(&customers, body, None)
                        .get("id")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned()
                }
            };
            let identity_id = self.next_id();
            let now = self.now();
            let tracking = identity
                .get("trackingId")
                .cloned()
                .unwrap_or_else(|| identity_id.clone().into());
            let record = json!({"type": "identity", "id": identity_id, "attributes": {
                "trackingId": tracking, "email": email, "status": "updated", "statusAt": now,
                "createdAt": now, "updatedAt": now},
                "relationships": {"customer": reference("customer", &id)}});
            self.push("identities", record.clone());
            answer = one(201, &record);
            customer = Some(id);
        }
        if let Some(event) = event {
            let tracking = event.get("trackingId").and_then(Value::as_str);
            let customer = customer.or_else(|| {
                self.records("identities")
                    .find(|i| {
                        tracking.is_some()
                            && i.pointer("/attributes/trackingId").and_then(Value::as_str)
                                == tracking
                    })
                    .and_then(|i| i.pointer("/relationships/customer/data/id"))
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            });
            if let Some(customer) = customer {
                let id = self.next_id();
                let now = self.now();
                let session = event.get("sessionId").cloned().unwrap_or(Value::Null);
                self.push("events", json!({"type": "customer_event", "id": id, "attributes": {
                    "name": event.get("name"), "type": "tracking", "sessionId": session,
                    "meta": event.get("meta"), "publishedAt": now, "createdAt": now, "updatedAt": now},
                    "relationships": {"customer": reference("customer", &customer)}}));
                if let Some(session) = session.as_str() {
                    self.note_session(&customer, session, &now);
                }
            }
        }
        answer
    }

    /// Counts an event in the customer's session, making the session on its first event.
    fn note_session(&mut self, customer: &str, session: &str, now: &str) {
        let found = self.collection_mut("sessions").find_mut(|s| {
            s.pointer("/attributes/sessionId").and_then(Value::as_str) == Some(session)
                && s.pointer("/relationships/customer/data/id")
                    .and_then(Value::as_str)
                    == Some(customer)
        });
        if let Some(existing) = found {
            let count = existing
                .pointer("/attributes/count")
                .and_then(Value::as_u64)
                .unwrap_or(0);
            set_attribute(existing, "count", (count + 1).into());
            set_attribute(existing, "lastEventAt", now.into());
            return;
        }
        let id = self.next_id();
        self.push(
            "sessions",
            json!({"type": "customer_session", "id": id, "attributes": {
            "sessionId": session, "firstEventAt": now, "lastEventAt": now, "count": 1},
            "relationships": {"customer": reference("customer", customer)}}),
        );
    }
}

impl Store {
    /// A model serialized as the API sends it, put where the fake keeps its kind.
    pub(crate) fn seed(&mut self, mut record: Value) -> Option<String> {
        let id = record
            .get("id")
            .and_then(Value::as_str)
            .filter(|i| !i.is_empty())?
            .to_owned();
        let kind = record.get("type").and_then(Value::as_str)?.to_owned();
        // Models serialize absent values as `null`; the API leaves them out.
        strip_nulls(&mut record);
        if kind == "customer" {
            return self.insert(&json!({"data": record}));
        }
        let collection = match kind.strip_prefix("kobject.") {
            Some(klass) => {
                if self.klass_named(klass).is_none() {
                    let klass_id = self.next_id();
                    self.push(
                        "klasses",
                        json!({"type": "klass", "id": klass_id,
                        "attributes": {"name": klass, "status": "enabled"}}),
                    );
                }
                format!("klasses/{klass}")
            }
            None => crate::table::FAMILIES
                .iter()
                .find(|f| f.kind == kind && !f.scoped)?
                .path
                .to_owned(),
        };
        self.push(&collection, record);
        Some(id)
    }
}

fn strip_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(strip_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}
