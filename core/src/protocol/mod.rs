//! Layer 1, the protocol: configuration, requests and responses, the JSON:API document, errors,
//! retries, pacing and paging. It names no family and no client; everything above builds on it.

pub(crate) mod api_error;
pub(crate) mod bad_record;
pub(crate) mod base_url;
pub(crate) mod boxed;
pub(crate) mod clock;
pub(crate) mod config;
pub(crate) mod cursor;
pub(crate) mod date_time;
pub(crate) mod document;
pub(crate) mod error;
pub(crate) mod excerpt;
pub(crate) mod idempotency;
pub(crate) mod json_body;
pub(crate) mod lenient;
pub(crate) mod list_page;
pub(crate) mod operation;
pub(crate) mod pacing;
pub mod page;
pub(crate) mod page_items;
pub(crate) mod paging;
pub(crate) mod path;
pub(crate) mod query;
pub(crate) mod rate_limit;
pub(crate) mod response;
pub mod retry;
pub(crate) mod scrub;
pub(crate) mod secret;
pub(crate) mod str_list;
pub(crate) mod transport;
pub(crate) mod transport_error;
pub(crate) mod validation;
