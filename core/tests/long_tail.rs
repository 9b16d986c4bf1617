//! The long tail offline: every model against the spec's examples, and the upload to the
//! storage host against hostile policies, odd files and a second send.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::BTreeMap;

use http::Response;
use kustomer::attachments::{AttachmentInput, CreateAttachment, CreateMedia, UploadFile};
use kustomer::audit_logs::ListAuditLogs;
use kustomer::conversation_times::{GetConversationTimes, ListConversationTimes};
use kustomer::customer_events::{ListCustomerEvents, ListCustomerSessions};
use kustomer::drafts::{
    CreateConversationForward, CreateCustomerDraft, DraftInput, ForwardInput, GetDraftAttachment,
    ListOutboundAccounts,
};
use kustomer::models::UploadPolicy;
use kustomer::satisfaction::ListSatisfactionForms;
use kustomer::schedules::GetSchedule;
use kustomer::slas::GetSla;
use kustomer::spam::ListSpamSenders;
use kustomer::tracking::{CreateTrackingIdentity, TrackingIdentityInput};
use kustomer::unmasking::CreateUnmaskingWindow;
use kustomer::{ApiKey, Config, Error, Idempotency, Operation};
use proptest::prelude::*;

fn fixture(name: &str) -> Response<Vec<u8>> {
    let body = std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    Response::builder().status(200).body(body).unwrap()
}

#[test]
fn the_specs_examples_parse() {
    let attachment = CreateAttachment::new(AttachmentInput::new("a", "b", 1))
        .parse(fixture("attachment_create_spec.json"))
        .unwrap();
    assert_eq!(attachment.attributes.content_length, Some(512));
    let policy = attachment.upload_policy().unwrap();
    assert_eq!(policy.url, "https://attachment.signedurl.com/");
    assert_eq!(policy.fields["acl"], "private");
    let media = CreateMedia::new(AttachmentInput::new("a", "b", 1))
        .parse(fixture("media_create_spec.json"))
        .unwrap();
    assert!(
        media
            .upload_policy()
            .unwrap()
            .url
            .starts_with("https://s3.amazonaws.com/")
    );
    let draft = CreateCustomerDraft::new("c", DraftInput::email())
        .parse(fixture("draft_create_spec.json"))
        .unwrap();
    assert_eq!(
        draft.attributes.status,
        Some(kustomer::models::DraftStatus::Draft)
    );
    let forward = CreateConversationForward::new("c", ForwardInput::email())
        .parse(fixture("forward_create_spec.json"))
        .unwrap();
    assert_eq!(
        forward.attributes.from.unwrap().email.as_deref(),
        Some("support@example.com")
    );
    let on_draft = GetDraftAttachment::new("d", "a")
        .parse(fixture("draft_attachment_spec.json"))
        .unwrap();
    assert_eq!(
        on_draft.relationships.draft.unwrap().id(),
        Some("57323b90b7579a2a004f1316")
    );
    let accounts = ListOutboundAccounts::new()
        .parse(fixture("outbound_accounts_spec.json"))
        .unwrap();
    assert_eq!(accounts.items.len(), 3, "no ids, all read");
    assert!(accounts.items.iter().all(|a| a.id.is_empty()));
    let schedule = GetSchedule::default_schedule()
        .parse(fixture("schedule_default_spec.json"))
        .unwrap();
    assert_eq!(schedule.open_hours(3), [(480, 1020)]);
    assert!(schedule.open_hours(0).is_empty() && schedule.open_hours(9).is_empty());
    let sla = GetSla::new("s")
        .parse(fixture("sla_get_spec.json"))
        .unwrap();
    assert_eq!(sla.attributes.current_version, Some(1));
    assert!(sla.raw_document().unwrap().contains("\"included\""));
    let forms = ListSatisfactionForms::new()
        .parse(fixture("satisfaction_list_spec.json"))
        .unwrap();
    assert_eq!(forms.items[0].attributes.enabled, Some(true));
    let senders = ListSpamSenders::new()
        .parse(fixture("spam_senders_spec.json"))
        .unwrap();
    assert_eq!(
        senders.items[0].attributes.list.as_deref(),
        Some("whitelist")
    );
    let times = ListConversationTimes::new("c")
        .parse(fixture("conversation_times_spec.json"))
        .unwrap();
    assert_eq!(times.items[0].attributes.handle_time, Some(19.0));
    let by_ids = GetConversationTimes::new(["5faee8bd01b6a7060833dafb"])
        .parse(fixture("conversation_time_ids_spec.json"))
        .unwrap();
    assert_eq!(by_ids.len(), 1);
    let events = ListCustomerEvents::new("c")
        .parse(fixture("customer_events_spec.json"))
        .unwrap();
    assert_eq!(
        events.items[0].attributes.kind.as_deref(),
        Some("conversation")
    );
    let sessions = ListCustomerSessions::new("c")
        .parse(fixture("customer_sessions_spec.json"))
        .unwrap();
    assert_eq!(sessions.items[0].attributes.count, Some(2));
    let audit = ListAuditLogs::new()
        .parse(fixture("audit_logs_spec.json"))
        .unwrap();
    assert_eq!(audit.meta.cursor_count, Some(3000));
    assert!(audit.links.next.as_deref().unwrap().contains("before="));
    assert!(audit.items[0].attributes.changes.is_some());
    let identity = CreateTrackingIdentity::new(TrackingIdentityInput::email("a@example.com"))
        .parse(fixture("tracking_identity_spec.json"))
        .unwrap();
    assert_eq!(identity.attributes.status.as_deref(), Some("updated"));
    let unmasked = CreateUnmaskingWindow::new("c")
        .parse(fixture("unmasking_create_spec.json"))
        .unwrap();
    assert!(unmasked.attribute("unmaskingWindow").unwrap()["endDate"].is_string());
}

fn policy(url: &str) -> UploadPolicy {
    UploadPolicy::new(
        url,
        BTreeMap::from([("key".into(), "a/1".into()), ("Policy".into(), "p".into())]),
    )
}

fn config() -> Config {
    Config::new(ApiKey::new("secret-key").unwrap())
}

#[test]
fn the_upload_goes_only_to_https_or_loopback_without_the_key_once() {
    let upload = UploadFile::from_bytes(
        &policy("https://storage.example.com/b"),
        "a.txt",
        "text/plain",
        b"abc",
    )
    .unwrap();
    let request = upload.build(&config()).unwrap();
    assert_eq!(request.uri(), "https://storage.example.com/b");
    assert!(request.headers().get("authorization").is_none());
    assert!(
        !request
            .headers()
            .iter()
            .any(|(k, _)| k.as_str().starts_with("x-kustomer"))
    );
    assert_eq!(Idempotency::mark_of(&request), Some(Idempotency::Once));
    let body = String::from_utf8(request.body().clone()).unwrap();
    let boundary = request.headers()["content-type"]
        .to_str()
        .unwrap()
        .split("boundary=")
        .nth(1)
        .unwrap()
        .to_owned();
    assert!(body.starts_with(&format!("--{boundary}\r\n")));
    assert!(body.ends_with(&format!("\r\n--{boundary}--\r\n")));
    assert!(
        body.contains(
            "name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nabc\r\n"
        )
    );
    assert!(body.find("name=\"Policy\"").unwrap() < body.find("name=\"file\"").unwrap());
    // The body was given up: a second build (a retry, a second execute) sends nothing.
    assert!(matches!(
        upload.build(&config()),
        Err(Error::InvalidInput(_))
    ));
    assert!(UploadFile::from_bytes(&policy("http://127.0.0.1:9000/up"), "a", "t", b"x").is_ok());
    assert!(UploadFile::from_bytes(&policy("http://[::1]:9000/up"), "a", "t", b"x").is_ok());
    for refused in [
        "http://storage.example.com/b",
        "ftp://x/y",
        "not a url",
        "https:///nohost",
        "/relative",
    ] {
        assert!(
            matches!(
                UploadFile::from_bytes(&policy(refused), "a", "t", b"x"),
                Err(Error::InvalidInput(_))
            ),
            "{refused}"
        );
    }
}

#[test]
fn hostile_fields_names_and_files_are_refused_before_io() {
    let url = "https://storage.example.com/b";
    let crlf = UploadPolicy::new(
        url,
        BTreeMap::from([("key\r\nX-Evil: 1".to_owned(), "v".to_owned())]),
    );
    assert!(UploadFile::from_bytes(&crlf, "a", "t", b"x").is_err());
    let quote = UploadPolicy::new(url, BTreeMap::from([("k\"ey".to_owned(), "v".to_owned())]));
    assert!(UploadFile::from_bytes(&quote, "a", "t", b"x").is_err());
    assert!(UploadFile::from_bytes(&policy(url), "a\"b", "t", b"x").is_err());
    assert!(UploadFile::from_bytes(&policy(url), "a", "text/plain\r\nX: 1", b"x").is_err());
    let short = UploadFile::from_reader(&policy(url), "a", "t", &b"abc"[..], 4).unwrap_err();
    assert!(short.to_string().contains("holds 3 bytes"), "{short}");
    let long = UploadFile::from_reader(&policy(url), "a", "t", &b"abcde"[..], 4).unwrap_err();
    assert!(long.to_string().contains("or more"), "{long}");
    assert!(!format!("{short} {long}").contains("secret-key"));
    // Creates refuse names a multipart header could not carry.
    let config = config();
    assert!(
        CreateAttachment::new(AttachmentInput::new("a\r\nb", "t", 1))
            .build(&config)
            .is_err()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn any_file_arrives_whole_between_its_part_header_and_the_closing_boundary(
        file in prop::collection::vec(any::<u8>(), 0..4_096),
    ) {
        match UploadFile::from_bytes(&policy("https://s.example.com/"), "f.bin", "application/octet-stream", &file) {
            Ok(upload) => {
                let request = upload.build(&config()).unwrap();
                let body = request.body();
                let marker = b"Content-Type: application/octet-stream\r\n\r\n";
                let start = body.windows(marker.len()).position(|w| w == marker).unwrap() + marker.len();
                prop_assert_eq!(body.get(start..start + file.len()).unwrap(), &file[..]);
                prop_assert!(body[start + file.len()..].starts_with(b"\r\n--"));
            }
            // Only a file holding the boundary itself may be refused.
            Err(e) => prop_assert!(e.to_string().contains("boundary")),
        }
    }
}

#[test]
fn a_cursor_that_points_back_at_itself_ends_the_walk() {
    let page = |ids: [&str; 2], before: &str| {
        format!(
            r#"{{"meta":{{"count":2}},"links":{{"next":"/v1/audit-logs?count=2&before={before}"}},"data":[{{"type":"audit_log","id":"{}"}},{{"type":"audit_log","id":"{}"}}]}}"#,
            ids[0], ids[1]
        )
    };
    let served = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = served.clone();
    let transport = move |request: http::Request<Vec<u8>>| {
        counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        // The first page, then the same cursor page again and again.
        let body = if request.uri().query() == Some("count=2") {
            page(["a", "b"], "b")
        } else {
            page(["c", "d"], "b")
        };
        Ok::<_, std::io::Error>(Response::new(body.into_bytes()))
    };
    let client = kustomer::Client::new(config(), transport);
    let got: Vec<_> = client
        .audit_logs()
        .entries(ListAuditLogs::new().count(2))
        .collect();
    let ids: Vec<String> = got
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|e| e.id.clone())
        .collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    assert!(
        matches!(got.last(), Some(Err(Error::Pagination { .. }))),
        "{got:?}"
    );
    assert_eq!(
        served.load(std::sync::atomic::Ordering::SeqCst),
        2,
        "the repeated link is not followed"
    );
}
