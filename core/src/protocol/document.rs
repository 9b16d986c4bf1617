//! The JSON a model was read from, kept so that nothing the model does not name is lost.

use std::sync::Arc;

use serde::Deserialize;
use serde_json::{Map, Value};

/// Where a model was read from: a whole response document whose `data` is the model (a GET, a
/// create, a webhook's envelope), or a list item's own JSON. Never a whole list page: keeping one
/// item costs memory in proportion to that item. Its `Debug` shows the size, not the text: a
/// model's `Debug` stays short, and a document's secrets (a webhook's token) stay out of logs.
#[derive(Clone, PartialEq)]
pub struct RawSource {
    json: Arc<str>,
    /// `json` is `{"data": <the model>, ...}` rather than the model itself.
    in_data: bool,
}

impl std::fmt::Debug for RawSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawSource")
            .field("bytes", &self.json.len())
            .field("in_data", &self.in_data)
            .finish()
    }
}

impl RawSource {
    /// A document whose `data` is the model.
    pub(crate) fn document(document: &Arc<str>) -> Self {
        Self {
            json: Arc::clone(document),
            in_data: true,
        }
    }

    /// A list item's own JSON, copied out of its page.
    pub(crate) fn item(json: &str) -> Self {
        Self {
            json: Arc::from(json),
            in_data: false,
        }
    }

    /// The same JSON with every string named one of `secrets` in the model's attributes (at any
    /// depth) set to `"[redacted]"`: for a model whose secrets (a token's value, a header's)
    /// must be read only through their typed fields.
    pub(crate) fn without(self, secrets: &[&str]) -> Self {
        let Ok(mut value) = serde_json::from_str::<Value>(&self.json) else {
            // Not JSON a model could be read from: nothing of it is kept.
            return Self::item("{}");
        };
        let model = if self.in_data {
            value.get_mut("data")
        } else {
            Some(&mut value)
        };
        fn redact(value: &mut Value, secrets: &[&str]) {
            match value {
                Value::Object(map) => {
                    for (key, item) in map.iter_mut() {
                        if secrets.contains(&key.as_str()) && item.is_string() {
                            *item = Value::from(crate::protocol::scrub::REDACTED);
                        } else {
                            redact(item, secrets);
                        }
                    }
                }
                Value::Array(items) => items.iter_mut().for_each(|i| redact(i, secrets)),
                _ => {}
            }
        }
        if let Some(attributes) = model.and_then(|m| m.get_mut("attributes")) {
            redact(attributes, secrets);
        }
        Self {
            json: Arc::from(value.to_string()),
            in_data: self.in_data,
        }
    }

    /// The JSON, exactly as received.
    pub(crate) fn json(&self) -> &str {
        &self.json
    }

    /// `attributes[name]` of the model (under `data` for a document), parsed on each call.
    pub(crate) fn attribute(&self, name: &str) -> Option<Value> {
        #[derive(Deserialize)]
        struct Item {
            attributes: Option<Map<String, Value>>,
        }
        #[derive(Deserialize)]
        struct Document {
            data: Item,
        }
        let mut attributes = if self.in_data {
            serde_json::from_str::<Document>(&self.json).ok()?.data
        } else {
            serde_json::from_str::<Item>(&self.json).ok()?
        }
        .attributes?;
        attributes.remove(name)
    }

    /// The document's `included` resources: an array's items, or a lone object as one. Empty
    /// for a list item's own JSON, which has none.
    pub(crate) fn included(&self) -> Vec<Value> {
        #[derive(Deserialize)]
        struct Document {
            included: Option<Value>,
        }
        if !self.in_data {
            return Vec::new();
        }
        match serde_json::from_str::<Document>(&self.json).map(|d| d.included) {
            Ok(Some(Value::Array(items))) => items,
            Ok(Some(one @ Value::Object(_))) => vec![one],
            _ => Vec::new(),
        }
    }
}

/// Models read from a response document; only this crate's, so only this crate declares
/// families (the module is the crate's own: the trait is sealed).
pub trait FromDocument {
    /// Called after parsing with the JSON the item was read from, when it is to be kept.
    fn attach(&mut self, _raw: RawSource) {}
}

/// A list item with an ID, by which a list tells a repeated item from a new one.
pub trait Record {
    /// The item's ID, if it has one.
    fn record_id(&self) -> Option<&str>;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(json: &str) -> RawSource {
        RawSource::document(&Arc::from(json))
    }

    #[test]
    fn included_reads_an_array_a_lone_object_or_nothing() {
        let many = document(r#"{"data":{},"included":[{"id":"a"},{"id":"b"}]}"#);
        assert_eq!(many.included().len(), 2);
        let one = document(r#"{"data":{},"included":{"id":"a"}}"#);
        assert_eq!(one.included(), [serde_json::json!({"id": "a"})]);
        for odd in [
            r#"{"data":{}}"#,
            r#"{"data":{},"included":null}"#,
            r#"{"data":{},"included":"versions"}"#,
            r#"{"data":{},"included":7}"#,
            "not json",
        ] {
            assert!(document(odd).included().is_empty(), "{odd}");
        }
        // A list item's own JSON is the record, never a document with `included`.
        assert!(
            RawSource::item(r#"{"included":[{"id":"a"}]}"#)
                .included()
                .is_empty()
        );
    }
}
