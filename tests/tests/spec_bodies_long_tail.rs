//! The bodies of the spec's long tail (attachments, media, drafts, forwards, schedules, spam
//! senders, tracking, unmasking windows), checked against their operations' request schemas as
//! `spec_bodies.rs` checks the first families'. Inputs set every field they have.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod support;

use std::collections::BTreeSet;

use kustomer::attachments::{
    AttachmentInput, AttachmentUpdate, CreateAttachment, CreateMedia, UpdateAttachment, UpdateMedia,
};
use kustomer::customers::LocationInput;
use kustomer::drafts::{
    AddressInput, AttachmentRef, CreateConversationForward, CreateCustomerDraft,
    CreateDraftAttachment, CreateForwardAttachment, DraftInput, ForwardInput, Recipient, Sender,
    UpdateDraft, UpdateForward,
};
use kustomer::schedules::{CreateSchedule, ScheduleInput, UpdateSchedule};
use kustomer::spam::{SpamSenderInput, UpsertSpamSender};
use kustomer::tracking::{
    CreateTrackingEvent, CreateTrackingIdentity, CreateTrackingIdentityEvent, TrackingEventInput,
    TrackingIdentityEventInput, TrackingIdentityInput,
};
use kustomer::unmasking::{CreateUnmaskingWindow, DeleteUnmaskingWindow};
use kustomer::{ApiKey, Config, Operation};
use serde_json::{Map, Value, json};
use support::spec_check::{check, operations};

const ID: &str = "58210c3db0f09110006b7953";
const ID2: &str = "58228e05d4e96711004eccb7";
const AT: &str = "2024-01-31T10:00:00.000Z";

fn payload() -> Option<Map<String, Value>> {
    json!({"k": 1}).as_object().cloned()
}

fn full_email_draft() -> DraftInput {
    DraftInput {
        conversation: Some(ID2.into()),
        app: Some("postmark".into()),
        customer: Some(ID.into()),
        auto: Some(false),
        send_at: Some(AT.into()),
        source: Some("bulk".into()),
        lang: Some("en".into()),
        shortcuts: Some(vec![ID2.into()]),
        kb_articles: Some(vec![ID2.into()]),
        from: Some(Sender::Address(AddressInput {
            email: "support@acme.example".into(),
            name: Some("Support".into()),
        })),
        body: Some("Ships tomorrow.".into()),
        cc: Some(vec![AddressInput::new("cc@example.com")]),
        bcc: Some(vec![AddressInput::new("bcc@example.com")]),
        reply_to: Some("support@acme.example".into()),
        template: Some(ID2.into()),
        payload: payload(),
        ..DraftInput::email()
            .to(AddressInput::new("ada@example.com"))
            .subject("Order")
    }
}

fn full_forward(create: bool) -> ForwardInput {
    ForwardInput {
        channel: create.then(|| "email".to_owned()),
        app: create.then(|| "postmark".to_owned()),
        customer: create.then(|| ID.to_owned()),
        status: Some("draft".into()),
        send_at: Some(AT.into()),
        lang: (!create).then(|| "en".to_owned()),
        to: Some(vec![AddressInput::new("billing@example.com")]),
        from: Some(AddressInput::new("support@acme.example")),
        body: Some("See below".into()),
        subject: Some("FYI".into()),
        reply_to: Some("support@acme.example".into()),
        template: Some(ID2.into()),
        payload: payload(),
        attachments: Some(vec![AttachmentRef {
            id: ID2.into(),
            name: "a.pdf".into(),
            content_type: "application/pdf".into(),
            content_length: 10,
        }]),
    }
}

fn full_identity() -> TrackingIdentityInput {
    TrackingIdentityInput {
        remember: Some(true),
        tracking_id: Some("trk-1".into()),
        session_id: Some("sess-1".into()),
        name: Some("Ada".into()),
        company: Some("Acme".into()),
        external_id: Some("crm-1".into()),
        username: Some("ada".into()),
        signed_up_at: Some(AT.into()),
        birthday_at: Some(AT.into()),
        gender: Some("f".into()),
        locale: Some("en_US".into()),
        time_zone: Some("Europe/London".into()),
        phone: Some("+15555550100".into()),
        location: Some(LocationInput {
            name: Some("Home".into()),
            country_code: Some("GB".into()),
            ..LocationInput::default()
        }),
        tags: Some(vec!["vip".into()]),
        custom: Map::new(),
        ..TrackingIdentityInput::email("ada@example.com")
    }
}

#[test]
fn every_long_tail_body_is_valid_against_its_operations_schema() {
    let mut checked = Vec::new();
    let file = AttachmentInput::new("a.jpg", "image/jpeg", 512);
    checked.push(check(&CreateAttachment::new(&file), false));
    checked.push(check(&CreateMedia::new(&file), false));
    checked.push(check(&CreateDraftAttachment::new(ID, &file), false));
    checked.push(check(&CreateForwardAttachment::new(ID, &file), false));
    let update = AttachmentUpdate {
        name: Some("b.jpg".into()),
        redacted: Some(true),
        content_type: Some("image/jpeg".into()),
        content_length: Some(512),
    };
    checked.push(check(&UpdateAttachment::new(ID, &update), false));
    let media = AttachmentUpdate {
        name: Some("b.jpg".into()),
        redacted: Some(true),
        ..AttachmentUpdate::default()
    };
    checked.push(check(&UpdateMedia::new(ID, &media), false));

    checked.push(check(
        &CreateCustomerDraft::new(ID, full_email_draft()),
        false,
    ));
    checked.push(check(&UpdateDraft::new(ID, full_email_draft()), false));
    for draft in [
        DraftInput::sms("+15555550100").body("Hi"),
        DraftInput {
            from: Some(Sender::Handle("+18005551212".into())),
            ..DraftInput::sms("+15555550100")
        },
        DraftInput {
            to: Some(Recipient::Handle("visitor-1".into())),
            ..DraftInput::new("chat").body("Hi")
        },
        DraftInput::note("Call back"),
    ] {
        checked.push(check(&CreateCustomerDraft::new(ID, &draft), false));
        checked.push(check(&UpdateDraft::new(ID, &draft), false));
    }
    checked.push(check(
        &CreateConversationForward::new(ID2, full_forward(true)),
        false,
    ));
    checked.push(check(&UpdateForward::new(ID, full_forward(false)), false));

    let schedule = ScheduleInput::new("Biz", "America/New_York")
        .open(1, 480, 1020)
        .open(1, 1080, 1200)
        .default_schedule();
    checked.push(check(&CreateSchedule::new(&schedule), false));
    checked.push(check(&UpdateSchedule::new(ID, &schedule), false));

    let event = TrackingEventInput {
        tracking_id: Some("trk-1".into()),
        session_id: Some("sess-1".into()),
        ..TrackingEventInput::new("product.viewed")
    };
    checked.push(check(&CreateTrackingEvent::new(&event), false));
    checked.push(check(&CreateTrackingIdentity::new(full_identity()), false));
    let both = TrackingIdentityEventInput {
        identity: full_identity(),
        event: event.clone(),
    };
    checked.push(check(&CreateTrackingIdentityEvent::new(&both), false));

    let distinct: BTreeSet<&str> = checked.iter().map(String::as_str).collect();
    let expected: BTreeSet<&str> = [
        "CreateAttachment",
        "CreateMedia",
        "CreateDraftAttachment",
        "CreateForwardAttachment",
        "UpsertAttachment",
        "UpdateMedia",
        "CreateDraftByCustomer",
        "UpdateDraft",
        "CreateForwardByConversation",
        "UpdateDraftForward",
        "CreateSchedule",
        "UpdateScheduleById",
        "CreateTrackingEvent",
        "CreateTrackingIdentity",
        "CreateTrackingIdentityEvent",
    ]
    .into();
    assert_eq!(distinct, expected);
}

#[test]
fn the_bodies_the_spec_gives_no_schema_are_what_it_shows() {
    let config = Config::new(ApiKey::new("key").unwrap());
    let all = operations();
    let spec = |id: &str| {
        all.iter()
            .find(|op| op["operationId"] == id)
            .unwrap()
            .clone()
    };
    // Unmasking windows: an empty text/plain body, as the spec's content type and example say.
    for (request, id) in [
        (
            CreateUnmaskingWindow::new(ID).build(&config).unwrap(),
            "CreateUnmaskingWindowByCustomer",
        ),
        (
            DeleteUnmaskingWindow::new(ID).build(&config).unwrap(),
            "DeleteUnmaskingWindowByCustomer",
        ),
    ] {
        let op = spec(id);
        assert_eq!(request.method().as_str(), op["method"]);
        assert_eq!(
            request.headers()["content-type"],
            op["contentType"].as_str().unwrap()
        );
        assert!(request.body().is_empty());
    }
    // The spam sender: the keys of the spec's example, `{channel, sender, list}`.
    let request = UpsertSpamSender::new(SpamSenderInput::allow("allow@me.com"))
        .build(&config)
        .unwrap();
    let body: Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(
        body,
        json!({"channel": "email", "sender": "allow@me.com", "list": "whitelist"})
    );
    assert_eq!(
        request.method().as_str(),
        spec("UpsertSpamSender")["method"]
    );
}

#[test]
fn nullable_is_read_as_openapi_means_it() {
    let all = operations();
    let create = all
        .iter()
        .find(|op| op["operationId"] == "CreateSchedule")
        .unwrap();
    let closed = json!({"name": "n", "timezone": "UTC", "default": false,
        "hours": {"0": null, "1": [[0, 60]], "2": null, "3": null, "4": null, "5": null, "6": null}});
    let literal = jsonschema::validator_for(&create["requestSchema"]).unwrap();
    assert!(
        !literal.is_valid(&closed),
        "as written, a validator refuses the spec's own null"
    );
    let read = support::spec_check::with_nullable(&create["requestSchema"]);
    let nullable = jsonschema::validator_for(&read).unwrap();
    assert!(nullable.is_valid(&closed));
    let mut wrong = closed.clone();
    wrong["hours"]["0"] = json!("closed");
    assert!(!nullable.is_valid(&wrong));
}
