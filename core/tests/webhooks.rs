//! Webhook deliveries, offline: signatures against a known HMAC-SHA256 vector and tampering,
//! every event kind from realistic envelopes, the create input's limits, and no secret in any
//! error or `Debug`.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use http::Request;
use kustomer::family::Input;
use kustomer::models::CustomFields;
use kustomer::webhooks::{
    ChangeOp, CreateWebhook, EventData, EventKind, SharedSecret, WebhookError, WebhookEvent,
    WebhookInput, WebhookVerifier,
};
use kustomer::{ApiKey, Client, Config};
use proptest::prelude::*;
use serde_json::Value;

const EVENTS: &str = include_str!("fixtures/webhook_events.json");

/// RFC 4231, test case 2: HMAC-SHA256 of "what do ya want for nothing?" keyed with "Jefe".
const RFC4231_KEY: &str = "Jefe";
const RFC4231_DATA: &[u8] = b"what do ya want for nothing?";
const RFC4231_MAC: &str = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

fn delivery(body: &[u8], signature: Option<&str>) -> Request<Vec<u8>> {
    let mut builder = Request::builder().method("POST").uri("/kustomer");
    if let Some(signature) = signature {
        builder = builder.header("X-Kustomer-Webhook-Signature", signature);
    }
    builder.body(body.to_vec()).unwrap()
}

#[test]
fn the_signature_is_the_hmac_sha256_of_the_raw_body_as_the_rfc_computes_it() {
    let verifier = WebhookVerifier::new(RFC4231_KEY).unwrap();
    assert_eq!(verifier.sign(RFC4231_DATA), RFC4231_MAC);
    assert!(verifier.verify(RFC4231_DATA, Some(RFC4231_MAC)).is_ok());
    let upper = RFC4231_MAC.to_uppercase();
    assert!(verifier.verify(RFC4231_DATA, Some(&upper)).is_ok());
    assert!(
        verifier
            .verify(RFC4231_DATA, Some(&format!(" {RFC4231_MAC}\t")))
            .is_ok()
    );
    assert!(
        verifier
            .verify_request(&delivery(RFC4231_DATA, Some(RFC4231_MAC)))
            .is_ok()
    );
}

#[test]
fn tampered_bodies_wrong_tokens_and_bad_signatures_are_refused_by_kind() {
    let verifier = WebhookVerifier::new(RFC4231_KEY).unwrap();
    let mismatch = |body: &[u8], sig: &str| {
        matches!(
            verifier.verify(body, Some(sig)),
            Err(WebhookError::Mismatch { .. })
        )
    };
    assert!(mismatch(b"what do ya want for nothing!", RFC4231_MAC));
    assert!(mismatch(b"what do ya want for nothing? ", RFC4231_MAC));
    assert!(mismatch(b"", RFC4231_MAC));
    let other = WebhookVerifier::new("Jeff").unwrap();
    assert!(matches!(
        other.verify(RFC4231_DATA, Some(RFC4231_MAC)),
        Err(WebhookError::Mismatch { .. })
    ));
    let flipped = format!("{}4", &RFC4231_MAC[..63]);
    assert!(mismatch(RFC4231_DATA, &flipped));
    for malformed in [
        &RFC4231_MAC[..63],
        &RFC4231_MAC[..62],
        "",
        "zz",
        &format!("sha256={RFC4231_MAC}"),
        &format!("{RFC4231_MAC}00"),
        &RFC4231_MAC.replace('5', "g"),
    ] {
        assert!(
            matches!(
                verifier.verify(RFC4231_DATA, Some(malformed)),
                Err(WebhookError::MalformedSignature { .. })
            ),
            "{malformed:?}"
        );
    }
    assert!(matches!(
        verifier.verify_request(&delivery(RFC4231_DATA, None)),
        Err(WebhookError::MissingSignature { .. })
    ));
    let binary = Request::builder()
        .header(
            "x-kustomer-webhook-signature",
            http::HeaderValue::from_bytes(b"\xff\xfe").unwrap(),
        )
        .body(RFC4231_DATA.to_vec())
        .unwrap();
    assert!(matches!(
        verifier.verify_request(&binary),
        Err(WebhookError::MalformedSignature { .. })
    ));
}

#[test]
fn no_error_or_debug_shows_the_token_or_the_signature() {
    let verifier = WebhookVerifier::new("token-that-must-not-leak").unwrap();
    let shown = format!("{verifier:?}");
    assert!(!shown.contains("token-that"), "{shown}");
    let signature = verifier.sign(b"{}");
    for error in [
        verifier.verify(b"{} ", Some(&signature)).unwrap_err(),
        verifier.verify(b"{}", Some("nothex")).unwrap_err(),
        verifier.verify(b"{}", None).unwrap_err(),
    ] {
        let text = format!("{error} {error:?}");
        assert!(
            !text.contains("token-that") && !text.contains(&signature),
            "{text}"
        );
        assert!(text.contains("x-kustomer-webhook-signature"), "{text}");
    }
    let shared = SharedSecret::new("X-Shared", "shared-secret-value").unwrap();
    let forged = Request::builder()
        .header("x-shared", "guess")
        .body(())
        .unwrap();
    let error = shared.verify_request(&forged).unwrap_err();
    let text = format!("{error} {error:?} {shared:?}");
    assert!(
        !text.contains("shared-secret-value") && !text.contains("guess"),
        "{text}"
    );
    let missing = shared.verify_request(&Request::new(())).unwrap_err();
    assert!(matches!(missing, WebhookError::MissingSignature { .. }));
}

#[test]
fn every_event_kind_reads_as_its_familys_model() {
    let events: Vec<Value> = serde_json::from_str(EVENTS).unwrap();
    let mut kinds = Vec::new();
    for envelope in &events {
        let body = serde_json::to_vec(envelope).unwrap();
        let event = WebhookEvent::parse(&body).unwrap();
        assert_eq!(event.id, envelope["id"].as_str().unwrap());
        assert_eq!(event.org.as_deref(), Some("5d5dae1ccd1e87001a6a7ea4"));
        assert_eq!(event.data.id(), envelope["data"]["id"].as_str());
        assert_eq!(event.data.kind(), envelope["data"]["type"].as_str());
        let typed = !matches!(event.data, EventData::Other(_));
        assert_eq!(
            typed,
            !matches!(event.kind(), EventKind::Other(_)),
            "{}",
            event.name
        );
        kinds.push(event.kind());
    }
    assert_eq!(kinds.len(), 11);
    assert_eq!(kinds.iter().filter(|k| k.is_create()).count(), 5);

    let update = WebhookEvent::parse(&serde_json::to_vec(&events[1]).unwrap()).unwrap();
    let EventData::Conversation(conversation) = &update.data else {
        panic!("{:?}", update.data)
    };
    assert_eq!(
        conversation.attributes.status,
        Some(kustomer::models::ConversationStatus::Done)
    );
    assert_eq!(conversation.customer_id(), Some("58210c3db0f09110006b7953"));
    // What the model does not name is reachable, as for a GET.
    assert!(conversation.attribute("modificationHistory").is_some());
    assert_eq!(
        update.data.updated_at(),
        "2024-05-01T10:00:00.000Z".parse().ok()
    );
    let status = update.changes.attribute("status").unwrap();
    assert_eq!(status.op, ChangeOp::Replace);
    assert_eq!(
        (status.before_str(), status.after_str()),
        (Some("open"), Some("done"))
    );
    let assigned = update.changes.attribute("assignedUsers").unwrap();
    assert_eq!(assigned.op, ChangeOp::Add);
    assert_eq!(assigned.before, None);
    assert_eq!(
        assigned.after_as::<Vec<String>>().unwrap(),
        ["5d5dae1d731d4e001ad55054"]
    );
    assert_eq!(
        update.changes.attribute("snooze").unwrap().op,
        ChangeOp::Remove
    );
    assert!(!update.changes.changed("name"));
    assert!(update.changes.relationships.contains_key("queue"));

    let customer = WebhookEvent::parse(&serde_json::to_vec(&events[3]).unwrap()).unwrap();
    let EventData::Customer(ada) = &customer.data else {
        panic!()
    };
    assert_eq!(ada.attributes.custom.str("tierStr"), Some("gold"));
    assert_eq!(
        customer.data_id.as_deref(),
        Some("58210c3db0f09110006b7953")
    );
    let no_changes = WebhookEvent::parse(&serde_json::to_vec(&events[9]).unwrap()).unwrap();
    assert!(no_changes.changes.attributes.is_empty());
    let unknown = WebhookEvent::parse(&serde_json::to_vec(&events[10]).unwrap()).unwrap();
    assert_eq!(
        unknown.kind(),
        EventKind::Other("kustomer.kobject.order.create".into())
    );
    let EventData::Other(raw) = &unknown.data else {
        panic!()
    };
    assert_eq!(raw["attributes"]["title"], "Order #1059");
}

#[test]
fn bodies_that_are_not_events_are_unreadable_and_odd_ones_degrade() {
    for bad in [
        &b""[..],
        b"[]",
        b"null",
        b"{\"id\":\"e\"}",
        b"{\"name\":\"kustomer.user.create\"}",
        b"{\"id\":1,\"name\":\"kustomer.user.create\"}",
        b"{\"id\":\"e\",\"name\":\"kustomer.user.create\"",
        b"\xff\xfe{}",
        b"<html>502</html>",
    ] {
        let error = WebhookEvent::parse(bad).unwrap_err();
        assert!(matches!(error, WebhookError::Unreadable { .. }), "{bad:?}");
        assert!(!error.to_string().contains('\n'));
    }
    // A known kind whose data is not a resource keeps it as JSON; odd changes are left out.
    let odd = br#"{"id":"e","name":"kustomer.user.update","data":[1,2],"changes":{"attributes":{"a":5,"b":{"op":7}}}}"#;
    let event = WebhookEvent::parse(odd).unwrap();
    assert_eq!(event.data, EventData::Other(serde_json::json!([1, 2])));
    assert_eq!(event.changes.attributes.len(), 1);
    assert_eq!(
        event.changes.attribute("b").unwrap().op,
        ChangeOp::Other(String::new())
    );
    let bom = b"\xEF\xBB\xBF{\"id\":\"e\",\"name\":\"x\"}";
    assert_eq!(
        WebhookEvent::parse(bom).unwrap().data,
        EventData::Other(Value::Null)
    );
}

#[test]
fn the_create_input_checks_the_limits_before_io() {
    let ok =
        || WebhookInput::new("sync", "https://hooks.example.com/k").event("kustomer.user.update");
    assert!(ok().validate().is_ok());
    let too_many = kustomer::webhooks::EVENT_NAMES
        .iter()
        .chain(&[
            "kustomer.user.update",
            "kustomer.team.update",
            "kustomer.customer.create",
        ])
        .fold(WebhookInput::new("n", "https://h.example"), |i, e| {
            i.event(*e)
        });
    for (what, input) in [
        ("name", ok().name("x".repeat(256))),
        ("name", ok().name(String::new())),
        ("url", ok().url("http://hooks.example.com/k")),
        ("url", ok().url("not a url")),
        ("url", ok().url("https:///k")),
        ("events", WebhookInput::new("n", "https://h.example")),
        ("events", too_many),
        ("events", ok().event("kustomer.user.update")),
        ("events", ok().event("kustomer.everything")),
        ("headers", ok().header("Bad Name", "v")),
        ("headers", ok().header("X-Secret", "line\r\nX-Injected: 1")),
    ] {
        let error = input.validate().unwrap_err();
        assert_eq!(error.what(), what, "{input:?}");
        assert!(!error.to_string().contains("X-Injected"), "{error}");
    }
}

#[test]
fn a_server_echoing_a_header_secret_never_puts_it_in_the_error() {
    let transport = |request: http::Request<Vec<u8>>| {
        // The body holds the secret; the server echoes all of it.
        let echoed = String::from_utf8(request.body().clone())
            .unwrap()
            .replace('"', "'");
        let body = format!(
            r#"{{"errors":[{{"status":400,"code":"badparam","title":"bad {echoed}","source":{{"pointer":"{echoed}"}}}}]}}"#
        );
        http::Response::builder()
            .status(400)
            .body(body.into_bytes())
            .map_err(std::io::Error::other)
    };
    let client = Client::new(Config::new(ApiKey::new("key").unwrap()), transport);
    let input = WebhookInput::new("sync", "https://hooks.example.com/k")
        .event("kustomer.user.update")
        .header("X-Shared-Secret", "hunter2-shared-secret");
    let error = client.execute(&CreateWebhook::new(&input)).unwrap_err();
    let text = format!("{error} {error:?}");
    assert!(text.contains("sync"), "the echo is there: {text}");
    assert!(!text.contains("hunter2"), "{text}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn any_body_signed_with_the_token_verifies_and_no_flip_does(
        token in prop::collection::vec(any::<u8>(), 0..100),
        body in prop::collection::vec(any::<u8>(), 0..2_000),
        flip in any::<prop::sample::Index>(),
        bit in 0u8..8,
    ) {
        prop_assume!(!token.iter().all(u8::is_ascii_whitespace));
        let verifier = WebhookVerifier::new(&token).unwrap();
        let signature = verifier.sign(&body);
        prop_assert!(verifier.verify(&body, Some(&signature)).is_ok());
        if !body.is_empty() {
            let mut tampered = body.clone();
            let at = flip.index(tampered.len());
            tampered[at] ^= 1 << bit;
            let mismatch = matches!(
                verifier.verify(&tampered, Some(&signature)),
                Err(WebhookError::Mismatch { .. })
            );
            prop_assert!(mismatch);
        }
    }

    #[test]
    fn arbitrary_bodies_and_signatures_never_panic(
        body in prop::collection::vec(any::<u8>(), 0..2_000),
        signature in ".{0,80}",
    ) {
        let verifier = WebhookVerifier::new("t").unwrap();
        let _ = verifier.verify(&body, Some(&signature));
        if let Err(e) = WebhookEvent::parse(&body) {
            prop_assert!(!e.to_string().contains('\n'));
        }
    }

    #[test]
    fn mutated_envelopes_never_panic(which in 0usize..11, cut in any::<prop::sample::Index>()) {
        let events: Vec<Value> = serde_json::from_str(EVENTS).unwrap();
        let body = serde_json::to_vec(&events[which]).unwrap();
        let at = cut.index(body.len());
        prop_assert!(WebhookEvent::parse(&body[..at]).is_err());
        let _ = WebhookEvent::parse(&body[at..]);
    }
}
