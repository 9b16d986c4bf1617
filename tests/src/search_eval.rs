//! The fake's search: evaluates the criteria of a search body against stored records of any
//! context (`customer_…`, `conversation_…`, `message_…`, `note_…` attributes).

use std::cmp::Ordering;

use serde_json::{Map, Value};

// The longer contexts first: `conversation_time_status` is a conversation time's `status`.
const CONTEXTS: [&str; 9] = [
    "conversation_time",
    "work_session",
    "work_item",
    "customer",
    "conversation",
    "message",
    "note",
    "company",
    "kobject",
];

/// The record attribute a search attribute reads (`customer_updated_at` → `updatedAt`,
/// `conversation_status` → `status`); the search attribute itself if it names none.
pub(crate) fn attribute_name(search_attribute: &str) -> std::borrow::Cow<'_, str> {
    let Some(rest) = CONTEXTS
        .iter()
        .find_map(|c| search_attribute.strip_prefix(c)?.strip_prefix('_'))
    else {
        return search_attribute.into();
    };
    match rest {
        "updated_at" => "updatedAt".into(),
        "created_at" => "createdAt".into(),
        "modified_at" => "modifiedAt".into(),
        "external_id" => "externalId".into(),
        plain if !plain.contains('_') => plain.into(),
        _ => {
            // snake_case to camelCase: `direction_type` → `directionType`.
            let mut out = String::with_capacity(rest.len());
            let mut upper = false;
            for c in rest.chars() {
                if c == '_' {
                    upper = true;
                } else if upper {
                    out.extend(c.to_uppercase());
                    upper = false;
                } else {
                    out.push(c);
                }
            }
            out.into()
        }
    }
}

/// Every value of `attribute` on `record` (lists give one per item).
fn values<'c>(attribute: &str, record: &'c Value) -> Result<Vec<&'c Value>, String> {
    let attr = |name: &str| record.get("attributes")?.get(name);
    let list = |name: &str, key: &str| -> Vec<&'c Value> {
        record
            .get("attributes")
            .and_then(|a| a.get(name))
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(|i| i.get(key)).collect())
            .unwrap_or_default()
    };
    Ok(match attribute {
        "customer_email" => list("emails", "email"),
        "customer_phone" => list("phones", "phone"),
        _ => {
            let custom = CONTEXTS
                .iter()
                .find_map(|c| attribute.strip_prefix(c)?.strip_prefix("_custom_"));
            if let Some(name) = custom {
                // A klass's attributes are named `kobject_custom_<klass>_<attribute>`.
                let custom = attr("custom");
                let klass_attribute = name.split_once('_').map(|(_, a)| a);
                custom
                    .and_then(|c| c.get(name))
                    .or_else(|| custom.and_then(|c| c.get(klass_attribute?)))
                    .into_iter()
                    .collect()
            } else {
                let field = attribute_name(attribute);
                if field == attribute {
                    return Err(format!("unknown search attribute {attribute}"));
                }
                attr(&field).into_iter().collect()
            }
        }
    })
}

pub(crate) fn compare(operator: &str, have: &Value, want: &Value) -> bool {
    let ordered = || match (have, want) {
        // Date-times compare as instants (an offset, a missing fraction, a bare date), the rest
        // as text.
        (Value::String(a), Value::String(b)) => {
            match (crate::clock::instant_key(a), crate::clock::instant_key(b)) {
                (Some(a), Some(b)) => Some(a.cmp(&b)),
                _ => Some(a.as_str().cmp(b.as_str())),
            }
        }
        (Value::Number(a), Value::Number(b)) => a.as_f64()?.partial_cmp(&b.as_f64()?),
        _ => None,
    };
    match operator {
        "equals" => have == want,
        "contains" => match (have, want) {
            (Value::String(a), Value::String(b)) if a.is_ascii() && b.is_ascii() => {
                // Without an allocation per record: the fake searches tens of thousands.
                b.is_empty()
                    || a.as_bytes()
                        .windows(b.len())
                        .any(|w| w.eq_ignore_ascii_case(b.as_bytes()))
            }
            (Value::String(a), Value::String(b)) => a.to_lowercase().contains(&b.to_lowercase()),
            _ => false,
        },
        "gte" => ordered().is_some_and(Ordering::is_ge),
        "gt" => ordered().is_some_and(Ordering::is_gt),
        "lte" => ordered().is_some_and(Ordering::is_le),
        "lt" => ordered().is_some_and(Ordering::is_lt),
        _ => false,
    }
}

fn eval(criterion: &Value, customer: &Value) -> Result<bool, String> {
    let Some(object) = criterion.as_object() else {
        return Err("a criterion must be an object".into());
    };
    for (key, value) in object {
        let holds = match key.as_str() {
            "and" => group(value, customer)?.iter().all(|b| *b),
            "or" => group(value, customer)?.iter().any(|b| *b),
            "not" => !group(value, customer)?.iter().any(|b| *b),
            attribute => {
                let Some(operators) = value.as_object() else {
                    return Err(format!("{attribute} needs an operator object"));
                };
                let have = values(attribute, customer)?;
                let mut all = true;
                for (operator, want) in operators {
                    if !["equals", "contains", "gte", "gt", "lte", "lt"]
                        .contains(&operator.as_str())
                    {
                        return Err(format!("unknown operator {operator}"));
                    }
                    all &= have.iter().any(|h| compare(operator, h, want));
                }
                all
            }
        };
        if !holds {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A group: one criterion or a list of them.
fn group(value: &Value, customer: &Value) -> Result<Vec<bool>, String> {
    match value {
        Value::Array(items) => items.iter().map(|c| eval(c, customer)).collect(),
        other => Ok(vec![eval(other, customer)?]),
    }
}

/// Whether a record (`data` object) of any context matches a search body: attribute names
/// carry their context (`conversation_status`).
pub(crate) fn matches_record(query: &Map<String, Value>, customer: &Value) -> Result<bool, String> {
    if let Some(and) = query.get("and")
        && !group(and, customer)?.iter().all(|b| *b)
    {
        return Ok(false);
    }
    if let Some(or) = query.get("or") {
        let results = group(or, customer)?;
        if !results.is_empty() && !results.iter().any(|b| *b) {
            return Ok(false);
        }
    }
    if let Some(not) = query.get("not")
        && group(not, customer)?.iter().any(|b| *b)
    {
        return Ok(false);
    }
    Ok(true)
}

/// Orders attribute values for sorting: absent first, then strings, numbers, others by text.
pub(crate) fn sort_key_cmp(a: Option<&Value>, b: Option<&Value>) -> Ordering {
    match (a, b) {
        (Some(Value::String(x)), Some(Value::String(y))) => x.cmp(y),
        (Some(Value::Number(x)), Some(Value::Number(y))) => x
            .as_f64()
            .partial_cmp(&y.as_f64())
            .unwrap_or(Ordering::Equal),
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(x), Some(y)) => x.to_string().cmp(&y.to_string()),
    }
}
