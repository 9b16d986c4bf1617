//! Request bodies as the API's JSON: below the operations, so that every module that builds one
//! (the generic operations, bulk writes, searches) can without importing the others.

use serde::Serialize;

use crate::protocol::error::{Error, InvalidInput};

/// A JSON request body.
pub(crate) fn json_body<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    serde_json::to_vec(value)
        .map_err(|e| InvalidInput::new("request body", format!("cannot be serialized: {e}")).into())
}
