//! Finds the operation a built request is, in Kustomer's spec (`fixtures/spec_operations.json`)
//! or in the operations written from KUSTOMER_API.md for what the spec lacks
//! (`fixtures/unspecified_operations.json`), and checks the request's body against its schema.

use http::Request;
use kustomer::{ApiKey, Config, Operation};
use serde_json::{Map, Value, json};

const FIXTURES: [&str; 2] = [
    include_str!("../../fixtures/spec_operations.json"),
    include_str!("../../fixtures/unspecified_operations.json"),
];

pub fn operations() -> Vec<Value> {
    FIXTURES
        .iter()
        .flat_map(|text| {
            serde_json::from_str::<Value>(text).unwrap()["operations"]
                .as_array()
                .unwrap()
                .clone()
        })
        .collect()
}

/// Whether `path` (after `/v1`) fits the spec's template: `{…}` and `:…` parts match anything.
fn fits(template: &str, path: &str) -> bool {
    let (t, p): (Vec<&str>, Vec<&str>) = (template.split('/').collect(), path.split('/').collect());
    t.len() == p.len()
        && t.iter().zip(&p).all(|(t, p)| {
            if let Some(at) = t.find(['{', ':']) {
                let (literal, _) = t.split_at(at);
                p.starts_with(literal)
            } else {
                t == p
            }
        })
}

/// The spec operation a built request is, by method and path; literal paths win over templates.
fn operation_of(request: &Request<Vec<u8>>, operations: &[Value]) -> Value {
    let path = request.uri().path().strip_prefix("/v1").unwrap();
    let method = request.method().as_str();
    let candidates: Vec<&Value> = operations
        .iter()
        .filter(|op| op["method"] == method && fits(op["path"].as_str().unwrap(), path))
        .collect();
    let exact = candidates
        .iter()
        .find(|op| op["path"].as_str() == Some(path));
    let chosen = exact.or_else(|| {
        candidates
            .iter()
            .min_by_key(|op| op["path"].as_str().unwrap().matches('{').count())
    });
    (*chosen.unwrap_or_else(|| panic!("no spec operation for {method} {path}"))).clone()
}

/// The schema with every `custom` property opened to any object of at most 100 properties.
fn open_custom(schema: &Value) -> Value {
    match schema {
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                if k == "properties"
                    && let Some(props) = v.as_object()
                {
                    let mut props: Map<String, Value> = props
                        .iter()
                        .map(|(name, s)| (name.clone(), open_custom(s)))
                        .collect();
                    if props.contains_key("custom") {
                        props.insert(
                            "custom".into(),
                            json!({"type": "object", "maxProperties": 100}),
                        );
                    }
                    out.insert(k.clone(), Value::Object(props));
                } else {
                    out.insert(k.clone(), open_custom(v));
                }
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(open_custom).collect()),
        other => other.clone(),
    }
}

/// Two of the spec's schemas admit nothing as written, and are checked as evidently intended:
/// - `RedactMessage` puts its keys only inside `anyOf` beside a top-level
///   `additionalProperties: false`, which in JSON Schema admits no key at all: the alternatives'
///   keys are lifted to the top.
/// - `UpdateCustomAttributeMetadata` gives `properties` (≤ 100) and `relationships` (≤ 20) as
///   objects with `additionalProperties: false` and no properties, like `custom`: no definition
///   could be sent. They are opened to any definitions, their counts kept.
pub fn as_intended(operation_id: &str, schema: &Value) -> Value {
    let mut fixed = schema.clone();
    match operation_id {
        "RedactMessage" => {
            let lifted: Map<String, Value> = schema["anyOf"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|alt| alt["properties"].as_object().unwrap().clone())
                .collect();
            fixed["properties"] = Value::Object(lifted);
        }
        "UpdateCustomAttributeMetadata" => {
            fixed["properties"]["properties"] = json!({"type": "object", "maxProperties": 100});
            fixed["properties"]["relationships"] = json!({"type": "object", "maxProperties": 20});
        }
        _ => {}
    }
    fixed
}

/// OpenAPI 3.0's `nullable: true` in JSON Schema's terms (the validator knows only the
/// latter): the schema, or `null`. The spec's own examples send `null` where it says so (a
/// business schedule's closed day).
pub fn with_nullable(schema: &Value) -> Value {
    match schema {
        Value::Object(map) => {
            let mut inner: Map<String, Value> = map
                .iter()
                .filter(|(k, _)| *k != "nullable")
                .map(|(k, v)| (k.clone(), with_nullable(v)))
                .collect();
            if map.get("nullable") == Some(&Value::Bool(true)) {
                inner = Map::from_iter([(
                    "anyOf".to_owned(),
                    json!([Value::Object(inner), {"type": "null"}]),
                )]);
            }
            Value::Object(inner)
        }
        Value::Array(items) => Value::Array(items.iter().map(with_nullable).collect()),
        other => other.clone(),
    }
}

/// Builds `op` and checks its body against its operation's schema; returns the operationId.
pub fn check(op: &impl Operation, custom: bool) -> String {
    let config = Config::new(ApiKey::new("key").unwrap());
    let request = op.build(&config).unwrap();
    let operation = operation_of(&request, &operations());
    let id = operation["operationId"].as_str().unwrap().to_owned();
    let schema = &operation["requestSchema"];
    assert!(
        !schema.is_null(),
        "{id}: the spec has no body, the request does"
    );
    let content_type = request.headers()["content-type"].to_str().unwrap();
    assert_eq!(
        Some(content_type),
        operation["contentType"].as_str(),
        "{id}: content type"
    );
    let body: Value = serde_json::from_slice(request.body()).unwrap();
    let schema = with_nullable(&as_intended(&id, schema));
    let schema = if custom { open_custom(&schema) } else { schema };
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{id}: {errors:#?}\nbody: {body}");
    id
}
