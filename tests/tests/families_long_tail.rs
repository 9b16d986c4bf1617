//! The spec's long tail against the fake server, through both transports: attachments uploaded
//! end to end (the fake plays the storage host), drafts, forwards, schedules, SLAs,
//! satisfaction, spam senders, conversation times, customer events and sessions, tracking,
//! unmasking windows, and audit logs walked by cursor.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod support;

use kustomer::models::Channel;
use std::collections::HashSet;

use kustomer::attachments::{AttachmentInput, AttachmentUpdate, GetMessageAttachment};
use kustomer::audit_logs::ListAuditLogs;
use kustomer::conversation_times::{GetConversationTimes, ListConversationTimes};
use kustomer::customer_events::{GetCustomerEvent, ListCustomerEvents, ListCustomerSessions};
use kustomer::drafts::{
    AddressInput, DeleteDraftAttachment, DraftInput, ForwardInput, GetDraftAttachment,
    ListCustomerDrafts, ListDraftAttachments,
};
use kustomer::messages::MessageInput;
use kustomer::models::{Conversation, Customer, Draft, Forward};
use kustomer::ops::List;
use kustomer::ops::UpdateMode;
use kustomer::schedules::{GetSchedule, ScheduleInput};
use kustomer::slas::{GetSla, SlaVersions};
use kustomer::spam::SpamSenderInput;
use kustomer::tracking::{
    CreateTrackingEvent, CreateTrackingIdentity, TrackingEventInput, TrackingIdentityInput,
};
use kustomer::unmasking::{CreateUnmaskingWindow, DeleteUnmaskingWindow};
use kustomer::{Error, Operation};
use kustomer_fake::{DEFAULT_SCHEDULE_ID, SLA_ID};
use support::conformance::each_client_on;

#[test]
fn a_file_goes_to_the_storage_host_without_the_key_and_onto_a_message() {
    each_client_on(|name, server, client, parents| {
        let text = format!("invoice for {name}\r\n--not-a-boundary\r\n").into_bytes();
        let input = AttachmentInput::new("invoice.txt", "text/plain", text.len() as u64);
        let before = server.requests().len();
        let attachment = client.attachments().upload(&input, &text[..]).unwrap();
        let sent = &server.requests()[before..];
        let storage: Vec<_> = sent
            .iter()
            .filter(|r| r.raw_url == "/storage/upload")
            .collect();
        assert_eq!(storage.len(), 1, "{name}");
        assert!(storage[0].header("authorization").is_none(), "{name}");
        assert!(
            storage[0]
                .header("content-type")
                .unwrap()
                .starts_with("multipart/form-data")
        );
        assert!(
            server
                .uploads()
                .iter()
                .any(|(id, bytes)| *id == attachment.id && *bytes == text),
            "{name}"
        );
        let got = client.attachments().get(&attachment.id).unwrap();
        assert_eq!(got.attributes.uploaded, Some(true), "{name}");

        // A file shorter than declared is refused before its upload.
        let short = AttachmentInput::new("short.txt", "text/plain", 100);
        let uploads = server.uploads().len();
        let refused = client
            .attachments()
            .upload(&short, &b"only this"[..])
            .unwrap_err();
        assert!(
            matches!(refused, Error::InvalidInput(_)),
            "{name}: {refused:?}"
        );
        assert_eq!(server.uploads().len(), uploads, "{name}");

        // On a message, and back through the message.
        let message = client
            .messages()
            .create_in_conversation(
                &parents.conversation,
                &MessageInput::outbound(Channel::Email, "api")
                    .preview("Your invoice")
                    .attachment(&attachment),
            )
            .unwrap();
        let through = client
            .execute(&GetMessageAttachment::new(
                message.id.as_str(),
                attachment.id.as_str(),
            ))
            .unwrap();
        assert_eq!(through.attributes.name.as_deref(), Some("invoice.txt"));

        // Media: upload, rename; a size change is refused before I/O.
        let media = client
            .media()
            .upload(&AttachmentInput::new("a.txt", "text/plain", 2), &b"hi"[..])
            .unwrap();
        let rename = AttachmentUpdate::default().name("b.txt");
        let renamed = client
            .media()
            .update(&media.id, &rename, UpdateMode::Merge)
            .unwrap();
        assert_eq!(renamed.attributes.name.as_deref(), Some("b.txt"));
        let resize = AttachmentUpdate::default().content_length(3);
        assert!(
            client
                .media()
                .update(&media.id, &resize, UpdateMode::Merge)
                .is_err()
        );
    });
}

#[test]
fn drafts_and_forwards_with_their_attachments() {
    each_client_on(|name, server, client, parents| {
        let drafts = client.drafts();
        let reply = DraftInput::email()
            .to(AddressInput::new("ada@example.com"))
            .subject("Your order")
            .body("Ships tomorrow.")
            .send_at(kustomer::drafts::SendAt::math("now+1h").unwrap());
        let draft = drafts
            .create_under::<Customer>(&parents.customer, &reply)
            .unwrap();
        let listed: Vec<Draft> = drafts
            .under(ListCustomerDrafts::new(parents.customer.as_str()))
            .map(Result::unwrap)
            .collect();
        assert!(listed.iter().any(|d| d.id == draft.id), "{name}");
        assert_eq!(
            draft
                .attributes
                .send_at
                .as_ref()
                .and_then(|at| at.unreadable_text()),
            Some("now+1h"),
            "{name}: date math is taken, and read back as the text it is"
        );
        let edited = drafts
            .update(
                &draft.id,
                &DraftInput::email().subject("Re: your order"),
                UpdateMode::Merge,
            )
            .unwrap();
        assert_eq!(edited.attributes.subject.as_deref(), Some("Re: your order"));
        let logo = vec![7u8; 300];
        let attachment = client
            .attachments()
            .upload_to_draft(
                &draft.id,
                &AttachmentInput::new("logo.png", "image/png", 300),
                &logo[..],
            )
            .unwrap();
        assert!(
            server
                .uploads()
                .iter()
                .any(|(id, b)| *id == attachment.id && *b == logo)
        );
        let on_draft = client
            .attachments()
            .under(ListDraftAttachments::new(draft.id.as_str()))
            .count();
        assert_eq!(on_draft, 1, "{name}");
        let got = client
            .execute(&GetDraftAttachment::new(
                draft.id.as_str(),
                attachment.id.as_str(),
            ))
            .unwrap();
        assert_eq!(got.id, attachment.id);
        client
            .execute(&DeleteDraftAttachment::new(
                draft.id.as_str(),
                attachment.id.as_str(),
            ))
            .unwrap();
        assert!(
            client
                .execute(&GetDraftAttachment::new(
                    draft.id.as_str(),
                    attachment.id.as_str()
                ))
                .unwrap_err()
                .is_not_found()
        );
        drafts.delete(&draft.id).unwrap();

        let forwards = client.forwards();
        let forward = forwards
            .create_under::<Conversation>(
                &parents.conversation,
                &ForwardInput::email()
                    .to(AddressInput::new("billing@example.com"))
                    .subject("FYI"),
            )
            .unwrap();
        assert_eq!(
            forwards
                .get(&forward.id)
                .unwrap()
                .attributes
                .subject
                .as_deref(),
            Some("FYI")
        );
        let sent = ForwardInput::update().status(kustomer::models::DraftStatus::Sent);
        let updated = forwards
            .update(&forward.id, &sent, UpdateMode::Merge)
            .unwrap();
        assert_eq!(
            updated.attributes.status,
            Some(kustomer::models::DraftStatus::Sent)
        );
        let on_conversation: Vec<Forward> = forwards
            .under(kustomer::drafts::ListConversationForwards::new(
                parents.conversation.as_str(),
            ))
            .map(Result::unwrap)
            .collect();
        assert_eq!(on_conversation.len(), 1, "{name}");
        let accounts: Vec<_> = client
            .family::<kustomer::models::OutboundAccount>()
            .list(List::new())
            .map(Result::unwrap)
            .collect();
        assert_eq!(
            accounts.len(),
            2,
            "{name}: items without an id are items too"
        );
    });
}

#[test]
fn schedules_slas_satisfaction_and_spam_senders() {
    each_client_on(|name, _, client, _| {
        let schedules = client.schedules();
        let default = schedules.get("default").unwrap();
        assert_eq!(default.id, DEFAULT_SCHEDULE_ID, "{name}");
        assert_eq!(default.open_hours(1), [(480, 1020)]);
        let weekend = ScheduleInput::new("Weekends", "UTC")
            .open(0, 600, 900)
            .open(6, 600, 900);
        let created = schedules.create(&weekend).unwrap();
        assert_eq!(created.open_hours(6), [(600, 900)]);
        assert!(created.open_hours(1).is_empty());
        let wider = ScheduleInput::new("Weekends", "UTC").open(0, 540, 960);
        let updated = schedules
            .update(&created.id, &wider, UpdateMode::Merge)
            .unwrap();
        assert_eq!(updated.open_hours(0), [(540, 960)], "{name}");
        assert!(schedules.list(List::new()).count() >= 2);
        schedules.delete(&created.id).unwrap();

        let plain = client.slas().get(SLA_ID).unwrap();
        assert_eq!(plain.attributes.current_version, Some(1));
        assert!(plain.versions().is_empty(), "{name}: not asked for");
        let forms: Vec<_> = client
            .satisfaction()
            .list(List::new())
            .map(Result::unwrap)
            .collect();
        assert_eq!(forms[0].attributes.form_type.as_deref(), Some("csat"));

        let spam = client.spam_senders();
        let sender = format!("{name}@spam.example");
        let allowed = spam
            .upsert_sender(&SpamSenderInput::allow(&sender))
            .unwrap();
        let blocked = spam
            .upsert_sender(&SpamSenderInput::block(&sender))
            .unwrap();
        assert_eq!(allowed.id, blocked.id, "{name}: moved, not added");
        assert_eq!(blocked.attributes.list.as_deref(), Some("blacklist"));
        assert!(spam.list(List::new()).any(|s| s.unwrap().id == blocked.id));
        spam.delete(&blocked.id).unwrap();
        assert!(!spam.list(List::new()).any(|s| s.unwrap().id == blocked.id));
    });
}

#[test]
fn a_get_asks_for_an_slas_versions_and_a_schedules_holidays() {
    each_client_on(|name, server, client, _| {
        let before = server.requests().len();
        let all = client
            .execute(&GetSla::new(SLA_ID).versions(SlaVersions::All))
            .unwrap();
        let ids: Vec<_> = all.versions().iter().map(|v| v["id"].clone()).collect();
        assert_eq!(ids.len(), 2, "{name}: {ids:?}");
        assert_ne!(ids[0], ids[1]);
        // The active one comes as a lone object, as in the spec's example.
        let active = client
            .execute(&GetSla::new(SLA_ID).versions(SlaVersions::Active))
            .unwrap();
        assert_eq!(active.versions().len(), 1, "{name}");
        assert_eq!(active.versions()[0]["attributes"]["active"], true);

        let schedules = client.schedules();
        assert_eq!(schedules.get("default").unwrap().attributes.holidays, None);
        let with = client
            .execute(&GetSchedule::default_schedule().include_holidays())
            .unwrap();
        let holidays = with.attributes.holidays.clone().unwrap();
        assert_eq!(holidays[0]["date"], "2027-01-01", "{name}");
        assert_eq!(with.open_hours(1), [(480, 1020)]);

        let urls: Vec<_> = server.requests()[before..]
            .iter()
            .map(|r| r.raw_url.clone())
            .collect();
        assert_eq!(
            urls,
            [
                format!("/v1/slas/{SLA_ID}?versions=all"),
                format!("/v1/slas/{SLA_ID}?versions=active"),
                "/v1/schedules/default".to_owned(),
                "/v1/schedules/default?include=holidays".to_owned(),
            ],
            "{name}"
        );
    });
}

#[test]
fn times_events_sessions_tracking_and_unmasking() {
    each_client_on(|name, server, client, parents| {
        let times: Vec<_> = client
            .conversation_times()
            .under(ListConversationTimes::new(parents.conversation.as_str()).page_size(1000))
            .map(Result::unwrap)
            .collect();
        assert_eq!(times.len(), 1, "{name}");
        let by_id = client
            .execute(&GetConversationTimes::new(vec![times[0].id.clone()]))
            .unwrap();
        assert_eq!(by_id.len(), 1);
        assert_eq!(by_id[0].id, times[0].id);

        let events: Vec<_> = client
            .customer_events()
            .under(
                ListCustomerEvents::new(parents.customer.as_str())
                    .param("name", "kustomer.customer.create"),
            )
            .map(Result::unwrap)
            .collect();
        assert_eq!(events.len(), 1, "{name}");
        let one = client
            .execute(&GetCustomerEvent::new(
                parents.customer.as_str(),
                events[0].id.as_str(),
            ))
            .unwrap();
        assert_eq!(
            one.attributes.name.as_deref(),
            Some("kustomer.customer.create")
        );

        // Tracking: an identity ties a visitor to a customer; their events land in a session.
        let email = format!("visitor-{name}@example.com");
        let identity = client
            .execute(&CreateTrackingIdentity::new(
                TrackingIdentityInput::email(&email).tracking_id(format!("trk-{name}")),
            ))
            .unwrap();
        let customer = identity
            .relationships
            .customer
            .as_ref()
            .and_then(|c| c.id())
            .unwrap()
            .to_owned();
        let viewed = TrackingEventInput::new("product.viewed")
            .meta("sku", "HOODIE-XL")
            .tracking_id(format!("trk-{name}"))
            .session_id("sess-1");
        client.execute(&CreateTrackingEvent::new(&viewed)).unwrap();
        client.execute(&CreateTrackingEvent::new(&viewed)).unwrap();
        let sessions: Vec<_> = client
            .family::<kustomer::models::CustomerSession>()
            .under(ListCustomerSessions::new(customer.as_str()))
            .map(Result::unwrap)
            .collect();
        assert_eq!(sessions.len(), 1, "{name}");
        assert_eq!(sessions[0].attributes.count, Some(2));
        let in_session: Vec<_> = client
            .customer_events()
            .of_session(&customer, "sess-1")
            .map(Result::unwrap)
            .collect();
        assert_eq!(in_session.len(), 2, "{name}");
        assert_eq!(in_session[0].attributes.meta["sku"], "HOODIE-XL");

        // Unmasking windows: text/plain, empty (the fake answers 415 otherwise).
        let opened = client
            .execute(&CreateUnmaskingWindow::new(parents.customer.as_str()))
            .unwrap();
        assert!(
            opened
                .attribute("unmaskingWindow")
                .is_some_and(|w| w.is_object()),
            "{name}"
        );
        client
            .execute(&DeleteUnmaskingWindow::new(parents.customer.as_str()))
            .unwrap();
        let sent = server.requests();
        let unmasking: Vec<_> = sent
            .iter()
            .filter(|r| r.raw_url.ends_with("/unmasking-windows"))
            .collect();
        assert!(
            unmasking
                .iter()
                .all(|r| r.header("content-type") == Some("text/plain") && r.body.is_empty())
        );
    });
}

#[test]
fn audit_logs_walk_by_cursor_each_entry_once() {
    each_client_on(|name, server, client, _| {
        for n in 0..5 {
            client
                .customers()
                .create(&kustomer::customers::CustomerInput::new().name(format!("Audited {n}")))
                .unwrap();
        }
        let before = server.requests().len();
        let entries: Vec<_> = client
            .audit_logs()
            .entries(ListAuditLogs::new().count(2))
            .map(Result::unwrap)
            .collect();
        let ids: HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), entries.len(), "{name}: an entry came twice");
        assert!(entries.len() >= 7, "{name}: {}", entries.len());
        let pages = server.requests()[before..].len();
        assert_eq!(
            pages,
            entries.len().div_ceil(2),
            "{name}: one request a page"
        );
        assert!(
            server.requests()[before + 1].raw_url.contains("before="),
            "{name}"
        );
        // Newest first.
        assert_eq!(
            entries[0].attributes.event_name.as_deref(),
            Some("kustomer.customer.create")
        );
        let conversations = client
            .audit_logs()
            .entries(ListAuditLogs::new().object_type("conversation"))
            .map(Result::unwrap)
            .filter(|e| e.attributes.object_type.as_deref() != Some("conversation"))
            .count();
        assert_eq!(conversations, 0, "{name}");
        assert!(
            ListAuditLogs::new()
                .count(101)
                .build(&client.config().clone())
                .is_err()
        );
    });
}
