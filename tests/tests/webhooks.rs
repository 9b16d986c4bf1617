//! Outbound webhooks against the fake server, through both transports: managed as a family,
//! their token kept secret, and the fake's signed deliveries received by a receiver on loopback,
//! verified and read as typed events.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kustomer::TransportOptions;
use kustomer::conversations::{ConversationInput, ConversationUpdate};
use kustomer::customers::CustomerInput;
use kustomer::ops::List;
use kustomer::ops::UpdateMode;
use kustomer::webhooks::{
    EventData, EventKind, SharedSecret, WebhookEvent, WebhookInput, WebhookVerifier,
};
use kustomer_fake::{FakeKustomer, clients_with};

/// A delivery as received: its headers (names lower-cased) and body.
type Received = (Vec<(String, String)>, Vec<u8>);

/// A receiver on 127.0.0.1: answers 200 to every POST and keeps what it received.
struct Receiver {
    port: u16,
    got: Arc<Mutex<Vec<Received>>>,
}

impl Receiver {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let got = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&got);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let mut reader = BufReader::new(stream);
                let mut headers = Vec::new();
                let mut line = String::new();
                reader.read_line(&mut line).unwrap_or_default();
                loop {
                    line.clear();
                    if reader.read_line(&mut line).unwrap_or_default() == 0 || line == "\r\n" {
                        break;
                    }
                    if let Some((k, v)) = line.trim_end().split_once(':') {
                        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
                    }
                }
                let length = headers
                    .iter()
                    .find(|(k, _)| k == "content-length")
                    .and_then(|(_, v)| v.parse().ok())
                    .unwrap_or(0);
                let mut body = vec![0; length];
                let _ = reader.read_exact(&mut body);
                sink.lock().unwrap().push((headers, body));
                let mut stream = reader.into_inner();
                let _ = stream.write_all(
                    b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
                );
            }
        });
        Self { port, got }
    }

    /// Waits until `n` deliveries came (a bound, not a measure: 10 s).
    fn wait_for(&self, n: usize) -> Vec<Received> {
        let start = Instant::now();
        while self.got.lock().unwrap().len() < n && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(20));
        }
        self.got.lock().unwrap().clone()
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

#[test]
fn webhooks_are_managed_and_their_token_never_shows() {
    let server = FakeKustomer::start().unwrap();
    for (name, client) in
        clients_with(&server.config(), TransportOptions::default(), |b| b).unwrap()
    {
        let hooks = client.webhooks();
        let input = WebhookInput::new(format!("sync via {name}"), "https://hooks.example.com/k")
            .event("kustomer.customer.create")
            .header("X-Shared-Secret", "shared-s3cr3t");
        let created = hooks.create(&input).unwrap();
        let token = created.attributes.token.clone().unwrap();
        assert!(!token.is_empty(), "{name}");
        let shown = format!("{created:?} {}", serde_json::to_string(&created).unwrap());
        assert!(!shown.contains(token.expose_secret()), "{name}: {shown}");
        assert!(!shown.contains("shared-s3cr3t"), "{name}");
        assert_eq!(created.attributes.enabled, Some(true), "{name}");
        assert_eq!(
            hooks.get(&created.id).unwrap().attributes.events,
            ["kustomer.customer.create"]
        );
        assert!(
            hooks.list(List::new()).any(|h| h.unwrap().id == created.id),
            "{name}"
        );
        let names = hooks.event_names().unwrap();
        assert!(
            names.contains(&"kustomer.conversation.update".to_owned()),
            "{name}: {names:?}"
        );
        hooks.delete(&created.id).unwrap();
        assert!(hooks.get(&created.id).unwrap_err().is_not_found(), "{name}");
    }
}

#[test]
fn writes_through_the_fake_arrive_signed_at_a_receiver_and_read_typed() {
    let server = FakeKustomer::start().unwrap();
    let receiver = Receiver::start();
    // Registered as its docs say: plain http, on loopback.
    let url = format!("http://127.0.0.1:{}/kustomer/hook", receiver.port);
    let mut expected = 0;
    for (name, client) in
        clients_with(&server.config(), TransportOptions::default(), |b| b).unwrap()
    {
        let hook = client
            .webhooks()
            .create(
                &WebhookInput::new(format!("receiver {name}"), &url)
                    .event("kustomer.conversation.create")
                    .event("kustomer.conversation.update")
                    .header("X-Shared-Secret", "shared-s3cr3t"),
            )
            .unwrap();
        let verifier =
            WebhookVerifier::from_secret(hook.attributes.token.as_ref().unwrap()).unwrap();
        let customer = client
            .customers()
            .create(&CustomerInput::new().name("Ada"))
            .unwrap();
        let conversation = client
            .conversations()
            .create(&ConversationInput::for_customer(&customer.id).name("Order"))
            .unwrap();
        client
            .conversations()
            .update(
                &conversation.id,
                &ConversationUpdate::new().status(kustomer::models::ConversationStatus::Done),
                UpdateMode::Patch,
            )
            .unwrap();
        // This webhook's two, and the first client's webhook's two once more.
        expected += if expected == 0 { 2 } else { 4 };
        let got = receiver.wait_for(expected);
        assert_eq!(got.len(), expected, "{name}");
        let mine: Vec<WebhookEvent> = got
            .iter()
            .filter(|(headers, body)| {
                verifier
                    .verify(body, header(headers, "x-kustomer-webhook-signature"))
                    .is_ok()
            })
            .map(|(headers, body)| {
                // The older scheme holds too.
                let request = headers
                    .iter()
                    .fold(http::Request::builder(), |b, (k, v)| b.header(k, v))
                    .body(body.clone())
                    .unwrap();
                SharedSecret::new("x-shared-secret", "shared-s3cr3t")
                    .unwrap()
                    .verify_request(&request)
                    .unwrap();
                verifier.verify_and_parse(&request).unwrap()
            })
            .filter(|event| event.data.id() == Some(conversation.id.as_str()))
            .collect();
        assert_eq!(mine.len(), 2, "{name}: {} deliveries", got.len());
        // Each delivery is posted on its own, so they may arrive in either order (as
        // Kustomer's may): one create and one update, whichever came first.
        let kinds: Vec<EventKind> = mine.iter().map(WebhookEvent::kind).collect();
        assert!(
            kinds.contains(&EventKind::ConversationCreate),
            "{name}: {kinds:?}"
        );
        let update = mine
            .iter()
            .find(|e| e.kind() == EventKind::ConversationUpdate)
            .unwrap_or_else(|| panic!("{name}: no update in {kinds:?}"));
        let status = update.changes.attribute("status").unwrap();
        assert_eq!(
            (status.before_str(), status.after_str()),
            (Some("open"), Some("done"))
        );
        let EventData::Conversation(typed) = &update.data else {
            panic!("{:?}", update.data)
        };
        assert_eq!(typed.customer_id(), Some(customer.id.as_str()), "{name}");
        // The other webhook's token does not verify these.
        let stranger = WebhookVerifier::new("not-the-token").unwrap();
        assert!(got.iter().all(|(h, b)| {
            stranger
                .verify(b, header(h, "x-kustomer-webhook-signature"))
                .is_err()
        }));
    }
    let recorded = server.deliveries();
    assert_eq!(recorded.len(), expected);
    assert!(
        recorded
            .iter()
            .all(|d| d.header("x-kustomer-webhook-event") == Some(d.event.as_str()))
    );
}
