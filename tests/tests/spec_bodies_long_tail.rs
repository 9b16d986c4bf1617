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
// 2024-01-31T10:00:00.000Z
const AT: kustomer::Timestamp = kustomer::Timestamp::constant(1_706_695_200, 0);

fn payload() -> Option<Map<String, Value>> {
    json!({"k": 1}).as_object().cloned()
}

fn full_email_draft() -> DraftInput {
    {
        let mut value = DraftInput::email()
            .to(AddressInput::new("ada@example.com"))
            .subject("Order")
            .conversation(ID2)
            .app("postmark")
            .customer(ID)
            .auto(false)
            .send_at(AT)
            .source(kustomer::models::MessageSource::Bulk)
            .lang("en")
            .shortcuts(vec![ID2.into()])
            .kb_articles(vec![ID2.into()])
            .from(Sender::Address(
                AddressInput::default()
                    .email("support@acme.example")
                    .name("Support"),
            ))
            .body("Ships tomorrow.")
            .cc(vec![AddressInput::new("cc@example.com")])
            .bcc(vec![AddressInput::new("bcc@example.com")])
            .reply_to("support@acme.example")
            .template(ID2);
        value.payload = payload();
        value
    }
}

fn full_forward(create: bool) -> ForwardInput {
    {
        let mut value = ForwardInput::default()
            .status(kustomer::models::DraftStatus::Draft)
            .send_at(AT)
            .to(AddressInput::new("billing@example.com"))
            .from(AddressInput::new("support@acme.example"))
            .body("See below")
            .subject("FYI")
            .reply_to("support@acme.example")
            .template(ID2)
            .attachments(vec![
                AttachmentRef::default()
                    .id(ID2)
                    .name("a.pdf")
                    .content_type("application/pdf")
                    .content_length(10),
            ]);
        value.channel = create.then_some(kustomer::models::Channel::Email);
        value.app = create.then(|| "postmark".to_owned());
        value.customer = create.then(|| ID.to_owned());
        value.lang = (!create).then(|| "en".to_owned());
        value.payload = payload();
        value
    }
}

fn full_identity() -> TrackingIdentityInput {
    TrackingIdentityInput::email("ada@example.com")
        .remember(true)
        .tracking_id("trk-1")
        .session_id("sess-1")
        .name("Ada")
        .company("Acme")
        .external_id("crm-1")
        .username("ada")
        .signed_up_at(AT)
        .birthday_at(AT)
        .gender(kustomer::models::Gender::F)
        .locale("en_US")
        .time_zone("Europe/London")
        .phone("+15555550100")
        .location(LocationInput::default().name("Home").country_code("GB"))
        .tags(vec!["vip".into()])
        .custom(Map::new())
}

#[test]
fn every_long_tail_body_is_valid_against_its_operations_schema() {
    let mut checked = Vec::new();
    let file = AttachmentInput::new("a.jpg", "image/jpeg", 512);
    checked.push(check(&CreateAttachment::new(&file), false));
    checked.push(check(&CreateMedia::new(&file), false));
    checked.push(check(&CreateDraftAttachment::new(ID, &file), false));
    checked.push(check(&CreateForwardAttachment::new(ID, &file), false));
    let update = AttachmentUpdate::default()
        .name("b.jpg")
        .redacted(true)
        .content_type("image/jpeg")
        .content_length(512);
    checked.push(check(&UpdateAttachment::new(ID, &update), false));
    let media = AttachmentUpdate::default().name("b.jpg").redacted(true);
    checked.push(check(&UpdateMedia::new(ID, &media), false));

    checked.push(check(
        &CreateCustomerDraft::new(ID, full_email_draft()),
        false,
    ));
    checked.push(check(&UpdateDraft::new(ID, full_email_draft()), false));
    for draft in [
        DraftInput::sms("+15555550100").body("Hi"),
        DraftInput::sms("+15555550100").from(Sender::Handle("+18005551212".into())),
        DraftInput::new(kustomer::models::Channel::Chat)
            .body("Hi")
            .recipient(Recipient::Handle("visitor-1".into())),
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

    let event = TrackingEventInput::new("product.viewed")
        .tracking_id("trk-1")
        .session_id("sess-1");
    checked.push(check(&CreateTrackingEvent::new(&event), false));
    checked.push(check(&CreateTrackingIdentity::new(full_identity()), false));
    let both = TrackingIdentityEventInput::default()
        .identity(full_identity())
        .event(event.clone());
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
