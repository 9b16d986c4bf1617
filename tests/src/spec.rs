//! The spec's request schemas (`fixtures/spec_operations.json`), and those written from
//! KUSTOMER_API.md for the operations the spec lacks (`fixtures/unspecified_operations.json`),
//! read once: which keys each operation's body may hold and which it must.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde_json::Value;

const OPERATIONS: [&str; 2] = [
    include_str!("../fixtures/spec_operations.json"),
    include_str!("../fixtures/unspecified_operations.json"),
];

fn operations() -> &'static [Value] {
    static PARSED: OnceLock<Vec<Value>> = OnceLock::new();
    PARSED.get_or_init(|| {
        OPERATIONS
            .iter()
            .filter_map(|text| serde_json::from_str::<Value>(text).ok())
            .filter_map(|doc| doc.get("operations")?.as_array().cloned())
            .flatten()
            .collect()
    })
}

/// The request body schema of an operation, by its operationId.
pub(crate) fn request_schema(operation_id: &str) -> Option<&'static Value> {
    operations()
        .iter()
        .find(|op| op.get("operationId").and_then(Value::as_str) == Some(operation_id))?
        .get("requestSchema")
        .filter(|s| !s.is_null())
}

/// The keys a body (or, for an array body, each of its items) may hold, and those it must: the
/// union of the properties of the schema's alternatives, and what every alternative requires.
pub(crate) fn body_keys(operation_id: &str) -> Option<(BTreeSet<String>, BTreeSet<String>)> {
    let schema = request_schema(operation_id)?;
    let schema = schema.get("items").unwrap_or(schema);
    let alternatives: Vec<&Value> = ["oneOf", "anyOf"]
        .iter()
        .find_map(|k| schema.get(*k)?.as_array())
        .map(|alts| alts.iter().collect())
        .unwrap_or_else(|| vec![schema]);
    let mut allowed = BTreeSet::new();
    let mut required: Option<BTreeSet<String>> = None;
    for alternative in alternatives {
        if let Some(properties) = alternative.get("properties").and_then(Value::as_object) {
            allowed.extend(properties.keys().cloned());
        }
        let needs: BTreeSet<String> = alternative
            .get("required")
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        required = Some(match required {
            None => needs,
            Some(before) => before.intersection(&needs).cloned().collect(),
        });
    }
    // Properties beside `oneOf`/`anyOf` hold for every alternative (`RedactMessage` has none
    // there: its keys come from its `anyOf` alternatives above).
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        allowed.extend(properties.keys().cloned());
    }
    Some((allowed, required.unwrap_or_default()))
}
