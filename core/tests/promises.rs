//! The newest parts' promises offline: what an upload prints and which file names it takes,
//! webhook secrets refused when empty and kept out of errors built by `Operation::parse` alone,
//! a bulk job that loses nothing, errors that point the right way, and where a `next` link
//! outside a proxy's prefix goes.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::BTreeMap;
use std::time::SystemTime;

use http::{Response, StatusCode};
use kustomer::attachments::{AttachmentInput, CreateAttachment, UploadFile};
use kustomer::bulk::GetBulkJob;
use kustomer::custom_objects::GetKObject;
use kustomer::family::Input;
use kustomer::models::{CustomFields, CustomKind, UploadPolicy};
use kustomer::page::resolve_next_link;
use kustomer::retry::{Attempt, Decision, Outcome};
use kustomer::webhooks::{GetWebhook, ListWebhooks, SharedSecret, WebhookError, WebhookVerifier};
use kustomer::{ApiKey, BaseUrl, Config, Error, Idempotency, Operation, RateLimit, RetryPolicy};

fn config() -> Config {
    Config::new(ApiKey::new("sk-offline-0123456789").unwrap())
}

fn respond(status: u16, body: &str) -> Response<Vec<u8>> {
    Response::builder()
        .status(status)
        .body(body.as_bytes().to_vec())
        .unwrap()
}

#[test]
fn an_upload_prints_its_host_field_names_and_size_only() {
    let policy = UploadPolicy::new(
        "https://bucket.storage.example.com/up?X-Amz-Signature=sig-in-url",
        BTreeMap::from([
            ("key".to_owned(), "a/1.txt".to_owned()),
            ("x-amz-signature".to_owned(), "sig-in-field".to_owned()),
        ]),
    );
    let upload = UploadFile::from_bytes(&policy, "1.txt", "text/plain", b"file-contents").unwrap();
    for shown in [format!("{upload:?}"), format!("{policy:?}")] {
        assert!(shown.contains("bucket.storage.example.com"), "{shown}");
        assert!(shown.contains("x-amz-signature"), "{shown}");
        for secret in ["sig-in-url", "sig-in-field", "file-contents", "a/1.txt"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
    }
    assert!(format!("{upload:?}").contains("file_bytes: 13"));
}

#[test]
fn file_names_an_upload_refuses_are_refused_before_the_attachment_exists() {
    for name in ["a\"b.txt", "a\rb", "a\nb", "trailing\\", "tab\there", ""] {
        let input = AttachmentInput::new(name, "text/plain", 1);
        assert!(input.validate().is_err(), "{name:?}");
        assert!(
            CreateAttachment::new(input).build(&config()).is_err(),
            "{name:?}"
        );
    }
    let policy = UploadPolicy::new("https://s.example.com/up", BTreeMap::new());
    let header = |name: &str| {
        let request = UploadFile::from_bytes(&policy, name, "text/plain", b"x")
            .unwrap()
            .build(&config())
            .unwrap();
        let body = String::from_utf8_lossy(request.body()).into_owned();
        body.lines()
            .find(|l| l.contains("name=\"file\""))
            .unwrap()
            .to_owned()
    };
    // Plain names stand as they are; others get a stand-in and the exact name per RFC 8187.
    assert!(header("report 2024.pdf").ends_with("; filename=\"report 2024.pdf\""));
    assert_eq!(
        header("naïve\\résumé%.pdf"),
        "Content-Disposition: form-data; name=\"file\"; filename=\"na_ve_r_sum__.pdf\"; filename*=UTF-8''na%C3%AFve%5Cr%C3%A9sum%C3%A9%25.pdf"
    );
    assert!(
        AttachmentInput::new("a\\b.txt", "text/plain", 1)
            .validate()
            .is_ok()
    );
}

#[test]
fn an_upload_is_never_retried_whatever_the_policy() {
    let policy = UploadPolicy::new("https://s.example.com/up", BTreeMap::new());
    let request = UploadFile::from_bytes(&policy, "a", "t", b"x")
        .unwrap()
        .build(&config())
        .unwrap();
    assert_eq!(Idempotency::mark_of(&request), Some(Idempotency::Once));
    let mut headers = http::HeaderMap::new();
    headers.insert("x-ratelimit-remaining", http::HeaderValue::from_static("0"));
    headers.insert("x-ratelimit-reset", http::HeaderValue::from_static("1"));
    let limited = RateLimit::from_headers(&headers);
    for status in [
        StatusCode::TOO_MANY_REQUESTS,
        StatusCode::SERVICE_UNAVAILABLE,
    ] {
        let attempt = Attempt::new(
            Idempotency::Once,
            Outcome::Status(status, &limited),
            1,
            SystemTime::UNIX_EPOCH,
        );
        let policy = RetryPolicy::default().retry_non_idempotent(true);
        assert_eq!(policy.decide(&attempt), Decision::Stop, "{status}");
    }
}

#[test]
fn empty_or_blank_webhook_secrets_are_refused() {
    for secret in ["", " ", "\t\n"] {
        assert!(matches!(
            WebhookVerifier::new(secret),
            Err(WebhookError::InvalidSecret { .. })
        ));
        assert!(matches!(
            SharedSecret::new("x-shared", secret),
            Err(WebhookError::InvalidSecret { .. })
        ));
    }
    assert!(SharedSecret::new(" ", "s3cr3t").is_err());
    let err = WebhookVerifier::new("").unwrap_err();
    assert!(err.to_string().contains("empty or blank"), "{err}");
}

#[test]
fn parse_alone_keeps_webhook_secrets_and_echoed_keys_out_of_errors() {
    let token = "whsec-0123456789abcdef";
    let header = "header-secret-value";
    // A get cut off after the token, a list with an unreadable webhook, an echoed key.
    let cut = format!(
        r#"{{"data":{{"type":"outbound_webhook","id":"w1","attributes":{{"token":"{token}","headers":[{{"name":"x-s","value":"{header}"}}],"events":"#
    );
    let err = GetWebhook::new("w1").parse(respond(200, &cut)).unwrap_err();
    let shown = format!("{err} {err:?}");
    assert!(matches!(err, Error::Decode(_)), "{shown}");
    assert!(!shown.contains(token) && !shown.contains(header), "{shown}");

    let list = format!(
        r#"{{"data":[{{"type":"outbound_webhook","id":null,"attributes":{{"token":"{token}","headers":[{{"name":"x-s","value":"{header}"}}]}}}}],"links":{{"next":null}}}}"#
    );
    let page = ListWebhooks::new().parse(respond(200, &list)).unwrap();
    let bad = Error::BadRecord(Box::new(page.rejected[0].clone()));
    let shown = format!("{bad} {bad:?}");
    assert!(!shown.contains(token) && !shown.contains(header), "{shown}");

    let echoed = "<html><pre>Authorization: Bearer sk-offline-0123456789</pre></html>";
    let err = GetWebhook::new("w1")
        .parse(respond(502, echoed))
        .unwrap_err();
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains("sk-offline-0123456789"), "{shown}");
    let err = GetWebhook::new("w1")
        .parse(respond(
            400,
            &format!(r#"{{"errors":[{{"title":"bad token {token}"}}],"token":"{token}"}}"#),
        ))
        .unwrap_err();
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains(token), "{shown}");
}

#[test]
fn a_bulk_job_names_its_batches_and_keeps_its_document() {
    let body = r#"{"data":{"type":"bulk","id":"5b3bddb67f8469003df370a4","attributes":{"status":"done","completed":true,"batches":{"complete":3,"total":4},"batchErrors":[{"index":2,"code":"badparam"}],"newKey":"kept"}}}"#;
    let job = GetBulkJob::new("5b3bddb67f8469003df370a4")
        .parse(respond(200, body))
        .unwrap();
    let batches = job.attributes.batches.as_ref().unwrap();
    assert_eq!((batches.complete, batches.total), (Some(3), Some(4)));
    assert_eq!(
        job.attributes.batch_errors.as_ref().unwrap()[0]["code"],
        "badparam"
    );
    assert_eq!(job.raw_document(), Some(body));
    assert_eq!(job.attribute("newKey"), Some(serde_json::json!("kept")));
    // Odd shapes read as absent, not as a failure.
    let odd = r#"{"data":{"type":"bulk","id":"j","attributes":{"batches":7,"batchErrors":0}}}"#;
    let job = GetBulkJob::new("j").parse(respond(200, odd)).unwrap();
    assert_eq!(job.attributes.batches, None);
    assert_eq!(job.attributes.batch_errors, Some(serde_json::json!(0)));
}

#[test]
fn errors_point_the_right_way() {
    let blank = ApiKey::new("   ").unwrap_err();
    assert!(blank.to_string().contains("blank"), "{blank}");
    assert!(ApiKey::new("").unwrap_err().to_string().contains("empty"));

    let missing = GetKObject::within("order", "5f0e1f2a3b4c5d6e7f809102")
        .parse(respond(
            404,
            r#"{"errors":[{"status":404,"code":"notfound"}]}"#,
        ))
        .unwrap_err();
    assert!(missing.is_not_found());
    assert!(missing.to_string().contains("klass \"order\""), "{missing}");

    let unauthorized = GetWebhook::new("w1")
        .parse(respond(
            401,
            r#"{"errors":[{"status":401,"code":"unauthorized"}]}"#,
        ))
        .unwrap_err();
    assert!(
        unauthorized.to_string().contains("check the API key"),
        "{unauthorized}"
    );

    let custom: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(r#"{"vipBool":"yes","tierStr":"gold"}"#).unwrap();
    let wrong = custom.read("vipBool", CustomKind::Bool).unwrap_err();
    assert_eq!(wrong.asked(), CustomKind::Bool);
    assert!(
        wrong
            .to_string()
            .contains("holds a string, not the boolean"),
        "{wrong}"
    );
    let wrong = custom.read("tierStr", CustomKind::At).unwrap_err();
    assert!(wrong.to_string().contains("text by its name"), "{wrong}");
    assert!(wrong.to_string().contains("date-time"), "{wrong}");
}

#[test]
fn a_next_link_outside_a_proxys_prefix_is_followed_under_it_or_refused() {
    let proxy: BaseUrl = "https://gw.example.com/kustomer".parse().unwrap();
    // A `/v1/` path with or without the prefix: followed, under the prefix.
    for link in [
        "/v1/customers?page=2",
        "https://gw.example.com/v1/customers?page=2",
        "https://gw.example.com/kustomer/v1/customers?page=2",
    ] {
        assert_eq!(
            resolve_next_link(&proxy, link).unwrap(),
            "/customers?page=2",
            "{link}"
        );
    }
    // Any other path on the same host: refused.
    for link in [
        "https://gw.example.com/other/v1/customers?page=2",
        "/other/v1/customers?page=2",
        "/kustomer/../v1/customers",
    ] {
        assert!(
            matches!(
                resolve_next_link(&proxy, link),
                Err(Error::Pagination { .. })
            ),
            "{link}"
        );
    }
}

#[test]
fn a_list_from_a_handle_outlives_the_handle() {
    use kustomer::prelude::*;
    let transport = |_request: http::Request<Vec<u8>>| {
        Ok::<_, std::io::Error>(http::Response::new(
            br#"{"data":[{"type":"note","id":"n1"}],"links":{"next":null}}"#.to_vec(),
        ))
    };
    let client = Client::new(config(), transport);
    // Each handle is a temporary: the iterators borrow the client, not it.
    let mut notes = client.notes().of_conversation("c1");
    let mut events = client.conversations().events("c1");
    let mut teams = client.users().teams_of("u1");
    assert_eq!(notes.next().unwrap().unwrap().id, "n1");
    assert!(events.next().is_some());
    assert!(teams.next().is_some());
}
