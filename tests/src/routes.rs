//! The fake's API: each request dispatched to the module that answers its route, from the
//! [`Store`](crate::store::Store). Only dispatch lives here.

use http::Method;
use percent_encoding::percent_decode_str;

use crate::answers::{Answer, error_body, not_found, query_pairs};
use crate::store::Store;

pub(crate) fn route(
    method: &Method,
    path: &str,
    query: &str,
    body: &[u8],
    content_type: Option<&str>,
    store: &mut Store,
) -> Answer {
    let Some(rest) = path.strip_prefix("/v1") else {
        return not_found("path");
    };
    let segments: Vec<String> = rest
        .split('/')
        .skip(1)
        .map(|s| percent_decode_str(s).decode_utf8_lossy().into_owned())
        .collect();
    let segs: Vec<&str> = segments.iter().map(String::as_str).collect();
    let pairs = query_pairs(query);
    // The family table last: it answers every other path under a family's collection.
    let answer = crate::longtail::route(method, &segs, &pairs, body, content_type, store)
        .or_else(|| crate::access::route(method, &segs, &pairs, body, store))
        .or_else(|| crate::customers::route(method, &segs, &pairs, body, store))
        .or_else(|| crate::search_route::route(method, &segs, &pairs, body, store))
        .or_else(|| crate::bulk_route::route(method, &segs, &pairs, store))
        .or_else(|| crate::families::route(method, &segs, &pairs, body, store));
    match (answer, method) {
        (Some(answer), _) => answer,
        (None, &Method::GET) => not_found("path"),
        (None, _) => (
            405,
            error_body(405, "methodnotallowed", "Method Not Allowed"),
        ),
    }
}
