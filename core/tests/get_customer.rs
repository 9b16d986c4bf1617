//! `GetCustomer` without a network: the built request, field by field, and the parsing of
//! the spec's example, a real-world-shaped document, and every error shape.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use http::{Method, Response, StatusCode};
use kustomer::customers::GetCustomer;
use kustomer::models::Customer;
use kustomer::{ApiKey, BaseUrl, Config, Error, Operation, Region};

const SPEC: &str = include_str!("fixtures/customer_get_spec.json");
const QUIRKY: &str = include_str!("fixtures/customer_get_quirky.json");
const KEY: &str = "kst_test_9f8e7d6c5b4a";

fn config() -> Config {
    Config::new(ApiKey::new(KEY).unwrap())
}

fn ok(body: &str) -> Response<Vec<u8>> {
    Response::builder()
        .status(200)
        .header("content-type", "application/json")
        .body(body.as_bytes().to_vec())
        .unwrap()
}

fn parse(status: u16, body: &str) -> Result<Customer, Error> {
    let response = Response::builder()
        .status(status)
        .body(body.as_bytes().to_vec())
        .unwrap();
    GetCustomer::new("58210c3db0f09110006b7953").parse(response)
}

#[test]
fn built_request_field_by_field() {
    let request = GetCustomer::new("58210c3db0f09110006b7953")
        .build(&config())
        .unwrap();
    assert_eq!(request.method(), Method::GET);
    assert_eq!(
        request.uri().to_string(),
        "https://api.kustomerapp.com/v1/customers/58210c3db0f09110006b7953"
    );
    let headers = request.headers();
    assert_eq!(headers.len(), 3, "{headers:?}");
    assert_eq!(headers["authorization"], format!("Bearer {KEY}").as_str());
    assert!(headers["authorization"].is_sensitive());
    assert_eq!(headers["accept"], "application/json");
    assert_eq!(
        headers["user-agent"],
        concat!("kustomer-rs/", env!("CARGO_PKG_VERSION"))
    );
    assert!(request.body().is_empty());
    let shown = format!("{request:?}");
    assert!(!shown.contains(KEY), "the key leaks through Debug: {shown}");
}

#[test]
fn base_urls_place_v1_after_any_prefix() {
    let cases = [
        (
            BaseUrl::from(Region::Eu),
            "https://api.prod2.kustomerapp.com/v1/customers/abc",
        ),
        (
            BaseUrl::from(Region::India),
            "https://api.prod4.kustomerapp.com/v1/customers/abc",
        ),
        (
            BaseUrl::org("acme").unwrap(),
            "https://acme.api.kustomerapp.com/v1/customers/abc",
        ),
        (
            "https://gw.example.com/kustomer/v1/".parse().unwrap(),
            "https://gw.example.com/kustomer/v1/customers/abc",
        ),
        (
            "http://127.0.0.1:4040".parse().unwrap(),
            "http://127.0.0.1:4040/v1/customers/abc",
        ),
    ];
    for (base, want) in cases {
        let request = GetCustomer::new("abc")
            .build(&config().with_base_url(base))
            .unwrap();
        assert_eq!(request.uri().to_string(), want);
    }
}

#[test]
fn hostile_ids_never_leave_their_segment() {
    let config = config();
    let encoded = [
        ("../../orgs/me", "/v1/customers/..%2F..%2Forgs%2Fme"),
        ("a/b", "/v1/customers/a%2Fb"),
        ("x?admin=true", "/v1/customers/x%3Fadmin%3Dtrue"),
        ("x#frag", "/v1/customers/x%23frag"),
        ("%2e%2e", "/v1/customers/%252e%252e"),
        ("a b", "/v1/customers/a%20b"),
        ("日本", "/v1/customers/%E6%97%A5%E6%9C%AC"),
    ];
    for (id, path) in encoded {
        let request = GetCustomer::new(id).build(&config).unwrap();
        assert_eq!(request.uri().path(), path, "{id:?}");
        assert_eq!(request.uri().query(), None, "{id:?}");
    }
    for id in [
        "",
        ".",
        "..",
        "a\r\nHost: evil",
        "a\nb",
        "a\0",
        "a\tb",
        "\u{7f}",
    ] {
        match GetCustomer::new(id).build(&config) {
            Err(Error::InvalidInput(e)) => assert_eq!(e.what(), "customer id", "{id:?}"),
            other => panic!("{id:?} gave {other:?}"),
        }
    }
}

#[test]
fn the_specs_example_parses_completely() {
    let c = GetCustomer::new("58210c3db0f09110006b7953")
        .parse(ok(SPEC))
        .unwrap();
    assert_eq!(c.id, "58210c3db0f09110006b7953");
    assert_eq!(c.kind.as_deref(), Some("customer"));
    let a = &c.attributes;
    assert_eq!(a.name.as_deref(), Some("John Smith Jr."));
    assert_eq!(a.display_name.as_deref(), Some("John Smith Jr."));
    assert_eq!(a.display_color.as_deref(), Some("yellow"));
    assert_eq!(a.display_icon.as_deref(), Some("flower"));
    assert_eq!(a.external_id.as_deref(), Some("my-customer-database-id"));
    assert_eq!(a.external_ids.len(), 1);
    assert_eq!(
        a.external_ids[0].external_id.as_deref(),
        Some("my-customer-database-id")
    );
    assert_eq!(a.external_ids[0].verified, Some(true));
    assert_eq!(a.external_ids[0].id, None);
    assert!(a.shared_external_ids.is_empty());
    assert_eq!(
        (
            a.signed_up_at.as_ref(),
            a.avatar_url.as_ref(),
            a.username.as_ref()
        ),
        (None, None, None)
    );
    assert_eq!(a.emails.len(), 1);
    assert_eq!(a.emails[0].email.as_deref(), Some("abu@kustomer.com"));
    assert_eq!(a.emails[0].kind, Some(kustomer::models::ContactKind::Home));
    assert_eq!(a.emails[0].verified, Some(true));
    assert_eq!(a.shared_emails[0].verified, Some(false));
    for list in [
        a.phones.len(),
        a.shared_phones.len(),
        a.socials.len(),
        a.shared_socials.len(),
        a.urls.len(),
        a.locations.len(),
        a.active_users.len(),
        a.watchers.len(),
        a.tags.len(),
    ] {
        assert_eq!(list, 0);
    }
    assert_eq!(
        a.recent_location
            .as_ref()
            .and_then(|r| r.updated_at.clone()),
        "2016-11-07T23:22:01.746Z".parse().ok()
    );
    assert_eq!(
        (
            a.locale.as_ref(),
            a.time_zone.as_ref(),
            a.birthday_at.as_ref(),
            a.gender.as_ref()
        ),
        (None, None, None, None)
    );
    assert_eq!(a.presence.as_deref(), Some("offline"));
    assert_eq!(a.created_at, "2016-11-07T23:20:29.080Z".parse().ok());
    assert_eq!(a.updated_at, "2016-11-09T04:47:07.036Z".parse().ok());
    assert_eq!(a.modified_at, "2016-11-09T04:47:07.036Z".parse().ok());
    assert_eq!(a.last_seen_at, "2016-11-07T23:23:51.582Z".parse().ok());
    assert_eq!(a.last_activity_at, "2016-11-09T04:47:07.036Z".parse().ok());
    assert_eq!(
        a.last_customer_activity_at,
        "2016-11-07T23:23:51.582Z".parse().ok()
    );
    let last_in = a.last_message_in.as_ref().unwrap();
    assert_eq!(last_in.sent_at, "2016-11-07T23:22:02.281Z".parse().ok());
    assert_eq!(last_in.sentiment, None);
    let conv = a.last_conversation.as_ref().unwrap();
    assert_eq!(conv.id.as_deref(), Some("58210c99b0f09110006b7969"));
    let conv_sentiment = conv.sentiment.unwrap();
    assert_eq!(
        (conv_sentiment.polarity, conv_sentiment.confidence),
        (Some(1), Some(0.649023))
    );
    assert!(conv.tags.is_empty());
    let counts = a.conversation_counts.unwrap();
    assert_eq!(
        (counts.all, counts.snoozed, counts.open, counts.done),
        (Some(3), Some(0), Some(2), Some(1))
    );
    let preview = a.preview.as_ref().unwrap();
    assert_eq!(preview.preview_at, "2016-11-07T23:23:26.039Z".parse().ok());
    assert_eq!(preview.kind.as_deref(), Some("message_out"));
    assert_eq!(preview.text.as_deref(), Some("dfsd fsdsfdsfdsf"));
    assert_eq!(
        preview.subject.as_deref(),
        Some("Hi, do you guys have an XXL hoodie")
    );
    let sentiment = a.sentiment.unwrap();
    assert_eq!(
        (sentiment.polarity, sentiment.confidence),
        (Some(1), Some(0.649023))
    );
    assert_eq!(a.progressive_status.as_deref(), Some("open"));
    assert_eq!(a.verified, Some(true));
    assert_eq!(a.rev, Some(37));
    assert!(a.custom.is_empty());

    let r = &c.relationships;
    let org = r.org.as_ref().unwrap();
    assert_eq!(
        org.links.as_ref().unwrap().self_link.as_deref(),
        Some("/v1/orgs/57f29863a1dbf61100e6aa92")
    );
    assert_eq!(org.data.as_ref().unwrap().kind.as_deref(), Some("org"));
    assert_eq!(
        org.data.as_ref().unwrap().id.as_deref(),
        Some("57f29863a1dbf61100e6aa92")
    );
    let messages = r.messages.as_ref().unwrap();
    assert_eq!(
        messages.links.as_ref().unwrap().self_link.as_deref(),
        Some("/v1/customers/58210c3db0f09110006b7953/messages")
    );
    assert_eq!(messages.data, None);
    let modified_by = r.modified_by.as_ref().unwrap().data.as_ref().unwrap();
    assert_eq!(
        (modified_by.kind.as_deref(), modified_by.id.as_deref()),
        (Some("user"), Some("58190b991f2932100010d683"))
    );
    assert_eq!(r.created_by, None);
    assert_eq!(
        c.links.self_link.as_deref(),
        Some("/v1/customers/58210c3db0f09110006b7953")
    );
    assert_eq!(c.raw_document(), Some(SPEC));
}

#[test]
fn a_real_world_shaped_document_parses_with_absence_visible() {
    let c = GetCustomer::new("5f3c0d0e2f1a4b0012ab34cd")
        .parse(ok(QUIRKY))
        .unwrap();
    let a = &c.attributes;
    assert_eq!(a.name.as_deref(), Some("Zoë O'Brien-Łukasz"));
    assert_eq!(a.first_name.as_deref(), Some("Zoë"));
    assert_eq!(
        a.display_name.as_deref(),
        Some(""),
        "empty strings are kept, not dropped"
    );
    assert_eq!(a.display_color, None);
    // Omitted "required" attributes stay absent.
    assert_eq!(
        (
            a.locale.as_ref(),
            a.time_zone.as_ref(),
            a.presence.as_ref(),
            a.last_seen_at.as_ref()
        ),
        (None, None, None, None)
    );
    assert!(a.shared_emails.is_empty(), "null list reads as empty");
    assert_eq!(a.external_ids[0].id, None, "items without id");
    assert_eq!(a.emails.len(), 2);
    assert_eq!(a.emails[1].kind, None);
    assert_eq!(a.phones[0].phone.as_deref(), Some("+15555550123"));
    assert_eq!(
        a.phones[0].kind,
        Some(kustomer::models::ContactKind::Mobile)
    );
    assert_eq!(a.whatsapps[0].phone.as_deref(), Some("+447700900123"));
    assert_eq!(a.socials[0].username.as_deref(), Some("zoe_ob"));
    assert_eq!(a.urls[0].url.as_deref(), Some("https://zoe.example.com"));
    let home = &a.locations[0];
    assert_eq!(home.city_name.as_deref(), Some("Springfield"));
    assert_eq!(home.latitude, Some(39.78));
    assert_eq!(home.zip_code, None);
    assert_eq!(a.watchers, ["5a1b2c3d4e5f60718293a4b5"]);
    assert_eq!(
        a.recent_location.as_ref().unwrap().updated_at,
        None,
        "{{}} is present but empty"
    );
    let last_in = a.last_message_in.as_ref().unwrap();
    assert_eq!(last_in.sent_at, None);
    assert_eq!(
        last_in.sentiment,
        Some(serde_json::json!({"polarity": 0, "confidence": 0.51}))
    );
    let conv = a.last_conversation.as_ref().unwrap();
    assert_eq!(conv.id, None);
    assert_eq!(conv.sentiment.unwrap().polarity, None);
    assert_eq!(conv.tags.len(), 1);
    assert_eq!(a.conversation_counts.unwrap().snoozed, None);
    let preview = a.preview.as_ref().unwrap();
    assert_eq!(
        (preview.kind.as_deref(), preview.text.as_ref()),
        (Some("marker"), None)
    );
    assert_eq!(a.sentiment.unwrap().confidence, None);
    assert_eq!(a.deleted, Some(false));
    assert_eq!(a.default_lang.as_deref(), Some("en_US"));
    let custom = &a.custom;
    assert_eq!(custom["loyaltyTierStr"], "gold");
    assert_eq!(custom["lifetimeValueNum"], 1234.5);
    assert_eq!(custom["vipBool"], true);
    // Attributes the model does not name remain reachable.
    assert_eq!(
        c.attribute("recentItems"),
        Some(serde_json::json!([{"id": "x", "type": "order"}]))
    );
    assert_eq!(c.attribute("noSuchAttribute"), None);
    let r = &c.relationships;
    assert_eq!(r.messages, None);
    assert_eq!(
        r.created_by
            .as_ref()
            .unwrap()
            .data
            .as_ref()
            .unwrap()
            .kind
            .as_deref(),
        Some("user")
    );
    assert!(c.raw_document().unwrap().contains("\"kobjects\""));
}

#[test]
fn models_serialize_back_to_camel_case() {
    let c = GetCustomer::new("x").parse(ok(SPEC)).unwrap();
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["type"], "customer");
    assert_eq!(json["attributes"]["displayName"], "John Smith Jr.");
    assert_eq!(
        json["attributes"]["lastConversation"]["sentiment"]["confidence"],
        0.649023
    );
    assert_eq!(json["attributes"]["emails"][0]["type"], "home");
    assert_eq!(
        json["relationships"]["modifiedBy"]["data"]["id"],
        "58190b991f2932100010d683"
    );
    assert_eq!(
        json["links"]["self"],
        "/v1/customers/58210c3db0f09110006b7953"
    );
    // And the typed fields survive a round trip.
    let back: Customer = serde_json::from_value(json).unwrap();
    assert_eq!(back.attributes, c.attributes);
    assert_eq!(back.raw_document(), None);
}

#[test]
fn every_odd_attribute_value_still_parses() {
    // Each typed attribute given every JSON type in turn: none fails the response.
    let values = [
        "null",
        "{}",
        "[]",
        "\"\"",
        "0",
        "-1.5",
        "true",
        "[null,1,\"s\",{}]",
        "{\"x\":{}}",
    ];
    let names = [
        "name",
        "emails",
        "phones",
        "locations",
        "sentiment",
        "rev",
        "verified",
        "custom",
        "tags",
        "conversationCounts",
        "lastConversation",
        "preview",
        "recentLocation",
        "lastMessageIn",
    ];
    for name in names {
        for value in values {
            let body = format!(
                r#"{{"data":{{"id":"a","attributes":{{"{name}":{value}}},"relationships":{value},"links":{value}}}}}"#
            );
            let parsed = parse(200, &body);
            assert!(parsed.is_ok(), "{name} = {value}: {parsed:?}");
        }
    }
}

#[test]
fn success_bodies_that_are_not_a_customer_are_decode_errors() {
    let cases = [
        (r#"{"data":{"id":"a","attributes":{"name":"x""#, "EOF"),
        ("", "EOF"),
        (
            "<html><body>Service Unavailable</body></html>",
            "expected value",
        ),
        (r#"{"data":null}"#, "invalid type"),
        (r#"{"nodata":1}"#, "missing field `data`"),
        (r#"{"data":{"attributes":{}}}"#, "missing field `id`"),
        (r#"[1,2]"#, "invalid type"),
    ];
    for (body, want) in cases {
        match parse(200, body) {
            Err(Error::Decode(e)) => {
                assert!(e.message.contains(want), "{body:?}: {e}");
                assert_eq!(e.status, StatusCode::OK);
                assert!(e.line >= 1, "{body:?}: {e:?}");
            }
            other => panic!("{body:?} gave {other:?}"),
        }
    }
    match parse(200, r#"{"data":{"id":"a","attributes":{"name":"x"}}"#) {
        Err(Error::Decode(e)) => assert_eq!((e.line, e.column), (1, 44)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn error_statuses_are_typed() {
    let not_found = r#"{"errors":[{"status":404,"code":"notfound","title":"Not Found","source":{"parameter":"id"}}]}"#;
    let err = parse(404, not_found).unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(
        err.api_error().unwrap().errors[0].code.as_deref(),
        Some("notfound")
    );

    let unauthorized = r#"{"errors":[{"status":"401","code":"unauthorized","title":"Auth token associated with pod prod2 but request is being handled by prod1"}]}"#;
    let err = parse(401, unauthorized).unwrap_err();
    assert!(err.is_unauthorized());
    assert!(err.to_string().contains("pod prod2"), "{err}");
    assert!(parse(403, "").unwrap_err().is_unauthorized());

    let err = parse(
        502,
        "<html><head><title>502 Bad Gateway</title></head></html>",
    )
    .unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::BAD_GATEWAY));
    assert!(err.to_string().contains("502 Bad Gateway"), "{err}");

    let err = parse(500, r#"{"errors":[{"code":"internal","message":"boom"}]}"#).unwrap_err();
    assert!(matches!(&err, Error::Api(api) if api.errors[0].message.as_deref() == Some("boom")));
}
