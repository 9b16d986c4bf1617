//! How the fake answers one request: faults first, then the rate limit, then the route.

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use http::header::{CONTENT_LENGTH, CONTENT_TYPE, LOCATION};
use http::{HeaderValue, Request, Response, StatusCode};
use http_body_util::BodyExt;
use hyper::body::Incoming;
use percent_encoding::percent_decode_str;

use crate::answers::error_body;
use crate::body::FakeBody;
use crate::fault::Fault;
use crate::shared::{RecordedRequest, Shared, lock};

/// The budget the fake's headers report when no limit is enforced.
const REPORTED_LIMIT: u64 = 1000;

/// What a cut connection sends before it drops: the start of a customer document.
const CUT_PREFIX: &[u8] = br#"{"data":{"type":"customer","id":"5821"#;

pub(crate) async fn handle(
    request: Request<Incoming>,
    shared: Arc<Shared>,
) -> Result<Response<FakeBody>, Infallible> {
    let (parts, body) = request.into_parts();
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes().to_vec())
        .unwrap_or_default();
    let recorded_body = body.clone();
    let raw_url = parts
        .uri
        .path_and_query()
        .map_or_else(|| parts.uri.path().to_owned(), |pq| pq.as_str().to_owned());
    let customer_id = parts
        .uri
        .path()
        .strip_prefix("/v1/customers/")
        .filter(|rest| !rest.is_empty() && !rest.contains('/'))
        .and_then(|raw| percent_decode_str(raw).decode_utf8().ok())
        .map(|id| id.into_owned());
    lock(&shared.requests).push(RecordedRequest {
        method: parts.method.to_string(),
        raw_url,
        customer_id,
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: recorded_body,
    });
    if let Some(latency) = shared.latency {
        tokio::time::sleep(latency).await;
    }
    let served = shared.served.fetch_add(1, Ordering::SeqCst) + 1;

    let fault = {
        let mut routed = lock(&shared.route_faults);
        match routed
            .iter()
            .position(|(route, _)| route.matches(&parts.method, parts.uri.path()))
        {
            Some(at) => Some(routed.remove(at).1),
            None => lock(&shared.faults).pop_front(),
        }
    };
    let (mut response, budget) = match fault {
        Some(Fault::Delay(wait)) => {
            tokio::time::sleep(wait).await;
            admit(&parts, &body, &shared, served)
        }
        Some(fault) => (fault_response(fault), None),
        None => admit(&parts, &body, &shared, served),
    };
    let headers = response.headers_mut();
    if let Some((limit, remaining, reset)) = budget {
        headers.insert("x-ratelimit-limit", HeaderValue::from(limit));
        headers.insert("x-ratelimit-remaining", HeaderValue::from(remaining));
        headers.insert("x-ratelimit-reset", HeaderValue::from(reset));
    }
    headers.insert("x-kustomer-pod", HeaderValue::from_static("fake"));
    Ok(response)
}

/// The rate-limit verdict, then the route: the answer and its `(limit, remaining, reset)`.
fn admit(
    parts: &http::request::Parts,
    body: &[u8],
    shared: &Shared,
    served: u64,
) -> (Response<FakeBody>, Option<(u64, u64, u64)>) {
    let Some(limiter) = &shared.limiter else {
        let remaining = REPORTED_LIMIT.saturating_sub(served % REPORTED_LIMIT);
        return (
            route(parts, body, shared),
            Some((REPORTED_LIMIT, remaining, 60)),
        );
    };
    let (verdict, limit) = {
        let mut limiter = lock(limiter);
        (limiter.admit(), limiter.limit)
    };
    match verdict {
        Ok(remaining) => (route(parts, body, shared), Some((limit, remaining, 60))),
        Err(reset) => {
            shared.rate_limited.fetch_add(1, Ordering::SeqCst);
            let body = error_body(429, "toomanyrequests", "Too Many Requests");
            (json(429, body), Some((limit, 0, reset)))
        }
    }
}

fn answer(status: u16, content_type: &'static str, body: FakeBody) -> Response<FakeBody> {
    let mut response = Response::new(body);
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

fn json(status: u16, body: impl Into<bytes::Bytes>) -> Response<FakeBody> {
    answer(
        status,
        "application/json; charset=utf-8",
        FakeBody::whole(body),
    )
}

fn route(parts: &http::request::Parts, body: &[u8], shared: &Shared) -> Response<FakeBody> {
    let content_type = parts
        .headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    if parts.uri.path() == "/storage/upload" && parts.method == http::Method::POST {
        // The storage host: no Kustomer key may reach it.
        let keyed = parts.headers.contains_key(http::header::AUTHORIZATION);
        let (status, text) =
            crate::longtail::receive_upload(keyed, content_type, body, &mut lock(&shared.store));
        return answer(status, "application/xml", FakeBody::whole(text));
    }
    // A live token authenticates: the API key (until it deletes itself) or a login's token.
    // The public settings need none.
    let caller = {
        let store = lock(&shared.store);
        parts
            .headers
            .get_all(http::header::AUTHORIZATION)
            .iter()
            .filter_map(|v| v.to_str().ok()?.strip_prefix("Bearer "))
            .find_map(|token| store.bearers.get(token).cloned())
    };
    let public = parts.uri.path().starts_with("/v1/p/");
    if caller.is_none() && !public {
        return json(401, error_body(401, "unauthorized", "Unauthorized"));
    }
    // The spec answers a conversation's PATCH in `application/json-patch+json` only.
    let patch_type =
        parts.method == http::Method::PATCH && parts.uri.path().starts_with("/v1/conversations/");
    if patch_type && !accepts(&parts.headers, PATCH_ANSWER_TYPE) {
        return json(406, error_body(406, "notacceptable", "Not Acceptable"));
    }
    let query = parts.uri.query().unwrap_or_default();
    let (status, text, outbox) = {
        let mut store = lock(&shared.store);
        store.caller = caller;
        let (status, text) = crate::routes::route(
            &parts.method,
            parts.uri.path(),
            query,
            body,
            content_type,
            &mut store,
        );
        (status, text, std::mem::take(&mut store.outbox))
    };
    crate::webhooks::post_to_loopback(outbox);
    if patch_type && status == 200 {
        return answer(200, PATCH_ANSWER_TYPE, FakeBody::whole(text));
    }
    json(status, text)
}

/// The type the spec gives a conversation PATCH's answer.
const PATCH_ANSWER_TYPE: &str = "application/json-patch+json";

/// Whether a request's `Accept` admits `media_type` (no header admits anything).
fn accepts(headers: &http::HeaderMap, media_type: &str) -> bool {
    let mut values = headers.get_all(http::header::ACCEPT).iter().peekable();
    if values.peek().is_none() {
        return true;
    }
    let (kind, _) = media_type.split_once('/').unwrap_or((media_type, ""));
    values
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|range| range.split(';').next().unwrap_or_default().trim())
        .any(|range| {
            range == "*/*"
                || range.eq_ignore_ascii_case(media_type)
                || range.strip_suffix("/*") == Some(kind)
        })
}

fn fault_response(fault: Fault) -> Response<FakeBody> {
    match fault {
        Fault::Status {
            status,
            content_type,
            body,
        } => answer(status, content_type, FakeBody::whole(body)),
        Fault::HtmlPage(status) => answer(
            status,
            "text/html",
            FakeBody::whole(format!(
                "<html>\r\n<head><title>{status} Bad Gateway</title></head>\r\n<body>\r\n\
                 <center><h1>{status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n\
                 </body>\r\n</html>\r\n"
            )),
        ),
        Fault::TruncatedJson => json(
            200,
            r#"{"data":{"type":"customer","id":"58210c3db0f09110006b7953","attributes":{"name":"John Sm"#,
        ),
        Fault::Oversized(bytes) => answer(200, "application/json", FakeBody::filler(bytes, true)),
        Fault::OversizedChunked(bytes) => {
            answer(200, "application/json", FakeBody::filler(bytes, false))
        }
        Fault::CloseMidBody => {
            let mut response = answer(200, "application/json", FakeBody::cut(CUT_PREFIX));
            response
                .headers_mut()
                .insert(CONTENT_LENGTH, HeaderValue::from_static("1000"));
            response
        }
        Fault::EmptyOk => json(200, ""),
        Fault::RateLimited { reset_secs } => {
            let mut response = json(429, error_body(429, "toomanyrequests", "Too Many Requests"));
            let headers = response.headers_mut();
            headers.insert("x-ratelimit-remaining", HeaderValue::from_static("0"));
            headers.insert("x-ratelimit-reset", HeaderValue::from(reset_secs));
            response
        }
        Fault::Redirect { status, location } => {
            let mut response = answer(status, "text/plain", FakeBody::whole("moved"));
            if let Ok(location) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(LOCATION, location);
            }
            response
        }
        // Handled before routing.
        Fault::Delay(_) => json(500, error_body(500, "internal", "unexpected fault")),
    }
}
