//! Limits the API checks on a write beyond its schema's keys, per family.

use serde_json::{Map, Value};

use crate::answers::{Answer, bad};

/// A customer's: a name of at most 256 characters.
pub(crate) fn customer(map: &Map<String, Value>) -> Result<(), Answer> {
    if map
        .get("name")
        .and_then(Value::as_str)
        .is_some_and(|n| n.chars().count() > 256)
    {
        return Err(bad("name is longer than 256 characters"));
    }
    Ok(())
}
