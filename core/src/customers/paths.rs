//! Pieces every customer operation uses: paths with the ID encoded, JSON bodies, empty answers.

use http::Response;
use serde::Serialize;

use crate::error::{Error, InvalidInput};
use crate::path::segment;
use crate::response::error_for_status;

/// `/customers/{id}{rest}` with `id` kept inside its segment.
pub(crate) fn customer_path(id: &str, rest: &str) -> Result<String, Error> {
    Ok(format!("/customers/{}{rest}", segment("customer id", id)?))
}

/// A JSON request body.
pub(crate) fn json_body<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    serde_json::to_vec(value)
        .map_err(|e| InvalidInput::new("request body", format!("cannot be serialized: {e}")).into())
}

/// A success with nothing to read (204 on delete).
pub(crate) fn parse_empty<B: AsRef<[u8]>>(response: Response<B>) -> Result<(), Error> {
    error_for_status(&response).map_or(Ok(()), Err)
}

/// A page size within `1..=max`.
pub(crate) fn check_page_size(size: Option<u32>, max: u32) -> Result<(), Error> {
    match size {
        Some(n) if n == 0 || n > max => {
            Err(InvalidInput::new("pageSize", format!("must be 1 to {max}, not {n}")).into())
        }
        _ => Ok(()),
    }
}
