//! Reading responses: status to typed error, body to typed document.

use http::header::LOCATION;
use http::{Response, StatusCode};
use serde::de::DeserializeOwned;

use crate::protocol::error::{ApiError, DecodeError, Error};
use crate::protocol::rate_limit::RateLimit;

/// The typed error for a response whose status is not a success, or `None` for a 2xx.
///
/// ```
/// let response = http::Response::builder().status(502).body("<html>Bad gateway</html>")?;
/// let err = kustomer::error_for_status(&response).unwrap();
/// assert_eq!(err.status(), Some(http::StatusCode::BAD_GATEWAY));
/// assert!(err.to_string().contains("Bad gateway"));
/// # Ok::<(), http::Error>(())
/// ```
pub fn error_for_status<B: AsRef<[u8]>>(response: &Response<B>) -> Option<Error> {
    let status = response.status();
    if status.is_success() {
        return None;
    }
    if status.is_redirection() {
        let location = response
            .headers()
            .get(LOCATION)
            .and_then(|l| l.to_str().ok())
            .map(crate::protocol::excerpt::excerpt_str);
        return Some(Error::Redirect { status, location });
    }
    let error = ApiError::from_body(status, response.body().as_ref());
    Some(match status {
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => Error::Unauthorized(error),
        StatusCode::NOT_FOUND => Error::NotFound(error),
        StatusCode::CONFLICT => Error::Conflict(error),
        StatusCode::TOO_MANY_REQUESTS => Error::RateLimited {
            rate_limit: Box::new(RateLimit::from_headers(response.headers())),
            error,
        },
        _ => Error::Api(error),
    })
}

/// The typed error for an error status, else the body decoded as `T` with its text.
pub(crate) fn decode_success<T: DeserializeOwned, B: AsRef<[u8]>>(
    response: &Response<B>,
) -> Result<(T, &str), Error> {
    if let Some(err) = error_for_status(response) {
        return Err(err);
    }
    decode(response.status(), response.body().as_ref())
}

/// Decodes a success body as `T`, checking UTF-8 first so that the text can be kept as is.
pub(crate) fn decode<T: DeserializeOwned>(
    status: StatusCode,
    body: &[u8],
) -> Result<(T, &str), Error> {
    let text = body_text(status, body)?;
    let value = serde_json::from_str(text).map_err(|e| DecodeError::json(status, body, &e))?;
    Ok((value, text))
}

/// A body as text: UTF-8, without the byte-order mark some servers put first.
pub(crate) fn body_text(status: StatusCode, body: &[u8]) -> Result<&str, Error> {
    let body = crate::protocol::excerpt::strip_bom(body);
    Ok(std::str::from_utf8(body).map_err(|e| DecodeError::not_utf8(status, body, e))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, body: &str) -> Response<Vec<u8>> {
        Response::builder()
            .status(status)
            .header("x-ratelimit-remaining", "0")
            .header("x-ratelimit-reset", "30")
            .header("location", "https://evil.example/steal")
            .body(body.as_bytes().to_vec())
            .unwrap()
    }

    #[test]
    fn statuses_map_to_what_the_caller_does_next() {
        assert!(error_for_status(&response(200, "")).is_none());
        assert!(error_for_status(&response(204, "")).is_none());
        assert!(
            error_for_status(&response(404, "{}"))
                .unwrap()
                .is_not_found()
        );
        assert!(
            error_for_status(&response(401, ""))
                .unwrap()
                .is_unauthorized()
        );
        assert!(
            error_for_status(&response(403, ""))
                .unwrap()
                .is_unauthorized()
        );
        match error_for_status(&response(429, "")).unwrap() {
            Error::RateLimited { rate_limit, error } => {
                assert_eq!(rate_limit.remaining, Some(0));
                assert_eq!(rate_limit.reset, Some(30));
                assert_eq!(error.status, StatusCode::TOO_MANY_REQUESTS);
            }
            other => panic!("{other:?}"),
        }
        match error_for_status(&response(302, "")).unwrap() {
            Error::Redirect { status, location } => {
                assert_eq!(status, StatusCode::FOUND);
                assert_eq!(location.as_deref(), Some("https://evil.example/steal"));
            }
            other => panic!("{other:?}"),
        }
        assert!(error_for_status(&response(409, "")).unwrap().is_conflict());
        for status in [400, 413, 500, 501, 502, 503, 504] {
            let err = error_for_status(&response(status, "")).unwrap();
            assert!(matches!(err, Error::Api(_)), "{status}: {err:?}");
            assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
        }
    }

    #[test]
    fn both_error_shapes_keep_every_entry() {
        let jsonapi = r#"{"errors":[
            {"status":400,"code":"badparam","title":"Additional properties not allowed",
             "detail":"/properties/custom/additionalProperties","source":{"parameter":"x"}},
            {"status":"400","code":"badparam","title":"Second","source":{"parameters":["a","b"]}}]}"#;
        let err = error_for_status(&response(400, jsonapi)).unwrap();
        let api = err.api_error().unwrap();
        assert_eq!(api.errors.len(), 2);
        assert_eq!(api.errors[0].status, Some(400));
        assert_eq!(api.errors[1].status, Some(400));
        assert_eq!(api.errors[0].code.as_deref(), Some("badparam"));
        assert_eq!(
            api.errors[0].detail.as_deref(),
            Some("/properties/custom/additionalProperties")
        );
        assert_eq!(
            api.errors[1].source,
            Some(serde_json::json!({"parameters": ["a", "b"]}))
        );
        assert_eq!(api.body_excerpt, None);
        let shown = err.to_string();
        assert!(
            shown.contains("Additional properties not allowed") && shown.contains("Second"),
            "{shown}"
        );

        let newer = r#"{"errors":[{"code":"bad_request","message":"pageSize too big","meta":{"max":100}}]}"#;
        let err = error_for_status(&response(400, newer)).unwrap();
        let entry = &err.api_error().unwrap().errors[0];
        assert_eq!(entry.code.as_deref(), Some("bad_request"));
        assert_eq!(entry.message.as_deref(), Some("pageSize too big"));
        assert_eq!(entry.meta, Some(serde_json::json!({"max": 100})));
        assert!(err.to_string().contains("pageSize too big"));
    }

    #[test]
    fn non_json_error_bodies_become_an_excerpt() {
        let html =
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>";
        let err = error_for_status(&response(502, html)).unwrap();
        let api = err.api_error().unwrap();
        assert!(api.errors.is_empty());
        let excerpt = api.body_excerpt.as_deref().unwrap();
        assert!(
            excerpt.starts_with("<html>\\r\\n<head><title>502 Bad Gateway"),
            "{excerpt}"
        );
        assert!(!err.to_string().contains('\n'));
        // Odd JSON: errors not an array, entries not objects.
        for body in [
            r#"{"errors":"nope"}"#,
            r#"{"errors":[1,"x"]}"#,
            "[]",
            "null",
            "\u{0}",
        ] {
            let err = error_for_status(&response(500, body)).unwrap();
            assert!(err.api_error().unwrap().body_excerpt.is_some(), "{body}");
        }
    }

    #[test]
    fn decode_errors_name_the_position() {
        let err =
            decode::<serde_json::Value>(StatusCode::OK, b"{\"data\":\n {\"id\": tru").unwrap_err();
        match err {
            Error::Decode(e) => {
                assert_eq!((e.line, e.column), (2, 11));
                assert!(e.to_string().contains("line 2 column 11"), "{e}");
                assert_eq!(e.status, StatusCode::OK);
            }
            other => panic!("{other:?}"),
        }
        let err = decode::<serde_json::Value>(StatusCode::OK, b"{\"a\":\"\xff\"}").unwrap_err();
        assert!(err.to_string().contains("not UTF-8"), "{err}");
    }
}
