//! The store's records of every family: created, updated, deleted and listed by collection,
//! with their events and webhook deliveries.

use serde_json::{Map, Value, json};

use crate::records::Stored;
use crate::store::{Store, apply_update, reference, stamp_new};
use crate::table::{Collection, FamilySpec};

/// The generic families' records.
impl Store {
    /// A collection's records' `data`, in creation order.
    pub(crate) fn records(&self, path: &str) -> impl DoubleEndedIterator<Item = &Value> + Clone {
        self.collection(path).values()
    }

    pub(crate) fn record(&self, path: &str, id: &str) -> Option<&Value> {
        self.collection(path).get(id).map(|s| &s.data)
    }

    pub(crate) fn record_mut(&mut self, path: &str, id: &str) -> Option<&mut Value> {
        self.collection_mut(path).get_mut(id)
    }

    /// Whether `id` names a record of the parent family at `path` (`customers`, `conversations`).
    pub(crate) fn parent_exists(&self, path: &str, id: &str) -> bool {
        self.record(path, id).is_some()
    }

    /// The ID of the tag named (or with ID) `name`; a tag record is made for a new name.
    fn tag_id(&mut self, name: &str) -> String {
        let found = self.records("tags").find(|t| {
            t.get("id").and_then(Value::as_str) == Some(name)
                || t.pointer("/attributes/name").and_then(Value::as_str) == Some(name)
        });
        if let Some(id) = found.and_then(|t| t.get("id")).and_then(Value::as_str) {
            return id.to_owned();
        }
        let id = self.next_id();
        let now = self.now();
        let tag = json!({"type": "tag", "id": id, "attributes": {"name": name,
            "createdAt": now, "updatedAt": now}, "links": {"self": format!("/v1/tags/{id}")}});
        self.push("tags", tag);
        id
    }

    /// The klass named `name`.
    pub(crate) fn klass_named(&self, name: &str) -> Option<&Value> {
        self.records("klasses")
            .find(|k| k.pointer("/attributes/name").and_then(Value::as_str) == Some(name))
    }

    /// A record by ID, or by the aliases some families have: `current` (the API key's user
    /// or org, seeded first) and `default` (the default brand).
    pub(crate) fn record_or_alias(&self, collection: &str, id: &str) -> Option<&Stored> {
        let records = self.collection(collection);
        match (collection, id) {
            ("users" | "orgs", "current") => records.iter().next(),
            ("brands" | "schedules", "default") => records
                .iter()
                .find(|b| b.attr("default") == Some(&Value::Bool(true))),
            _ => records.get(id),
        }
    }

    /// The first record of `collection` whose `key` is `value`: the external ID in
    /// `externalId` or among `externalIds`, another key in its plural list (`emails[].email`).
    pub(crate) fn find_by(
        &self,
        collection: &Collection,
        key: &str,
        value: &str,
    ) -> Option<&Stored> {
        let external = Some(key) == collection.spec.external_id_key || key == "externalId";
        let list = format!("{key}s");
        self.collection(&collection.key()).iter().find(|r| {
            if external {
                r.attr("externalId").and_then(Value::as_str) == Some(value)
                    || list_has(r.attr("externalIds"), "externalId", value)
            } else {
                list_has(r.attr(&list), key, value)
            }
        })
    }

    /// Adds or removes users of a team.
    pub(crate) fn team_members(
        &mut self,
        id: &str,
        members: &Value,
        add: bool,
    ) -> Result<Value, u16> {
        let users: Vec<String> = members
            .as_array()
            .map(|m| {
                m.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        if users.iter().any(|u| self.record("users", u).is_none()) {
            return Err(404);
        }
        let now = self.now();
        let record = self.record_mut("teams", id).ok_or(404u16)?;
        let before = record.clone();
        let after = edit_ids(record, "members", &users, add, &now)?;
        self.emit("team", "update", Some(&before), &after);
        Ok(after)
    }

    /// Creates a record of `spec` from a checked body, under a parent if given. Tag names
    /// become tag IDs, as the API stores them.
    pub(crate) fn create_record(
        &mut self,
        collection: &Collection,
        mut attributes: Map<String, Value>,
        under: Option<(&str, &str)>,
    ) -> Value {
        let spec = collection.spec;
        let id = self.next_id();
        let now = self.now();
        let mut relationships = Map::new();
        if let Some(klass) = &collection.scope
            && let Some(klass_id) = self
                .klass_named(klass)
                .and_then(|k| k.get("id"))
                .and_then(Value::as_str)
        {
            // A custom object's klass comes with a singular `link`, as the API sends it.
            relationships.insert(
                "klass".into(),
                json!({"link": {"self": format!("/v1/klasses/{klass}")},
                    "data": {"type": "klass", "id": klass_id}}),
            );
        }
        for &relation in spec.relations {
            if let Some(Value::String(target)) = attributes.remove(relation) {
                relationships.insert(relation.into(), reference(relation, &target));
            }
        }
        if let Some((relation, target)) = under {
            relationships.insert(relation.into(), reference(relation, target));
        }
        // A message or note in a conversation is with that conversation's customer.
        if !relationships.contains_key("customer")
            && let Some(conversation) = relationships
                .get("conversation")
                .and_then(|r| r.pointer("/data/id"))
                .and_then(Value::as_str)
            && let Some(customer) = self
                .record("conversations", conversation)
                .and_then(|c| c.pointer("/relationships/customer/data/id"))
                .and_then(Value::as_str)
                .map(str::to_owned)
        {
            relationships.insert("customer".into(), reference("customer", &customer));
        }
        if spec.tag_ids
            && let Some(Value::Array(names)) = attributes.remove("tags")
        {
            let ids: Vec<Value> = names
                .iter()
                .filter_map(Value::as_str)
                .map(|n| self.tag_id(n).into())
                .collect();
            attributes.insert("tags".into(), ids.into());
        }
        if spec.path == "conversations" {
            attributes.entry("status").or_insert_with(|| "open".into());
            attributes.entry("messageCount").or_insert_with(|| 0.into());
        }
        if spec.path == "customers" {
            if let Some(name) = attributes.get("name").cloned() {
                attributes.insert("displayName".into(), name);
            }
            relationships.insert(
                "messages".into(),
                json!({"links": {"self": format!("/v1/customers/{id}/messages")}}),
            );
        }
        if spec.path == "users" {
            // An invitation: the user sets a password from its email.
            attributes.insert(
                "password".into(),
                json!({"allowNew": true, "forceNew": true, "updatedAt": now}),
            );
            attributes
                .entry("userType")
                .or_insert_with(|| "user".into());
            attributes
                .entry("roles")
                .or_insert_with(|| json!(["org.admin", "org.user"]));
        }
        if spec.path == "outbound-webhooks" {
            attributes.insert("token".into(), format!("fake-webhook-token-{id}").into());
            attributes.insert("enabled".into(), true.into());
        }
        stamp_new(&mut attributes, now);
        let data = json!({"type": collection.kind(), "id": id, "attributes": attributes,
            "relationships": relationships, "links": {"self": collection.self_link(&id)}});
        self.push(&collection.key(), data.clone());
        self.record_event(spec, &id, "create");
        self.emit_family(spec, None, &data);
        data
    }

    /// Updates a record: `rev` checked (409 when stale), replace or merge, tags by name.
    pub(crate) fn update_record(
        &mut self,
        collection: &Collection,
        id: &str,
        body: &Map<String, Value>,
        replace: bool,
    ) -> Result<Value, u16> {
        let now = self.now();
        let mut body = body.clone();
        if collection.spec.tag_ids
            && let Some(Value::Array(names)) = body.remove("tags")
        {
            let ids: Vec<Value> = names
                .iter()
                .filter_map(Value::as_str)
                .map(|n| self.tag_id(n).into())
                .collect();
            body.insert("tags".into(), ids.into());
        }
        let record = self.record_mut(&collection.key(), id).ok_or(404u16)?;
        let before = record.clone();
        // Relationships are not attributes: moving a record is not modelled.
        apply_update(record, &body, replace, &now, &["conversation", "customer"])?;
        let data = record.clone();
        self.record_event(collection.spec, id, "update");
        self.emit_family(collection.spec, Some(&before), &data);
        Ok(data)
    }

    pub(crate) fn delete_record(&mut self, path: &str, id: &str) -> bool {
        self.collection_mut(path).remove(id)
    }

    /// Adds or removes tags (by name or ID) on a conversation.
    pub(crate) fn tag_conversation(
        &mut self,
        id: &str,
        names: &[String],
        add: bool,
    ) -> Result<Value, u16> {
        let ids: Vec<String> = names.iter().map(|n| self.tag_id(n)).collect();
        let now = self.now();
        let record = self.record_mut("conversations", id).ok_or(404u16)?;
        let before = record.clone();
        let after = edit_ids(record, "tags", &ids, add, &now)?;
        self.emit("conversation", "update", Some(&before), &after);
        Ok(after)
    }

    /// A family write's webhook event, for the families Kustomer sends events of.
    fn emit_family(&mut self, spec: &FamilySpec, before: Option<&Value>, after: &Value) {
        if ["customer", "conversation", "message", "team", "user"].contains(&spec.kind) {
            let action = if before.is_some() { "update" } else { "create" };
            self.emit(spec.kind, action, before, after);
        }
    }

    fn record_event(&mut self, spec: &FamilySpec, id: &str, what: &str) {
        if spec.path != "conversations" {
            return;
        }
        let event_id = self.next_id();
        let now = self.now();
        let event = json!({"type": "customer_event", "id": event_id, "attributes": {
            "name": format!("kustomer.conversation.{what}"), "type": "conversation",
            "publishedAt": now, "createdAt": now}});
        self.events.entry(id.to_owned()).or_default().push(event);
    }

    pub(crate) fn events(&self, conversation: &str) -> &[Value] {
        self.events.get(conversation).map_or(&[], Vec::as_slice)
    }

    /// Redacts a message's text, channel details or attachments.
    pub(crate) fn redact(&mut self, id: &str, redaction: &Map<String, Value>) -> Option<Value> {
        let record = self.record_mut("messages", id)?;
        let attributes = record.get_mut("attributes")?.as_object_mut()?;
        for key in ["preview", "meta"] {
            if let Some(value) = redaction.get(key) {
                attributes.insert(key.into(), value.clone());
            }
        }
        attributes.insert("redacted".into(), true.into());
        Some(record.clone())
    }
}

/// Adds `ids` to (or removes them from) the ID list `attribute` of a record, each once.
fn edit_ids(
    record: &mut Value,
    attribute: &str,
    ids: &[String],
    add: bool,
    now: &str,
) -> Result<Value, u16> {
    let attributes = record
        .get_mut("attributes")
        .and_then(Value::as_object_mut)
        .ok_or(500u16)?;
    let mut current: Vec<String> = attributes
        .get(attribute)
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    if add {
        for id in ids {
            if !current.contains(id) {
                current.push(id.clone());
            }
        }
    } else {
        current.retain(|item| !ids.contains(item));
    }
    attributes.insert(attribute.into(), current.into());
    attributes.insert("updatedAt".into(), now.into());
    Ok(record.clone())
}

/// Whether a list of objects holds one whose `key` is `value`.
fn list_has(list: Option<&Value>, key: &str, value: &str) -> bool {
    list.and_then(Value::as_array).is_some_and(|items| {
        items
            .iter()
            .any(|i| i.get(key).and_then(Value::as_str) == Some(value))
    })
}
