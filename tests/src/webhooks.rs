//! The fake's outbound webhooks: each write made through it becomes a signed delivery to every
//! webhook registered for the event, recorded, and posted to receivers on loopback.

use std::net::IpAddr;

use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Map, Value, json};
use sha2::Sha256;

use crate::delivery::WebhookDelivery;
use crate::store::Store;

/// The lowercase hex HMAC-SHA256 of `body` keyed with `token`, computed here with the RustCrypto
/// crates directly rather than through the library under test.
fn sign(token: &str, body: &[u8]) -> String {
    let Ok(mut mac) = <Hmac<Sha256> as KeyInit>::new_from_slice(token.as_bytes()) else {
        return String::new();
    };
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// `changes` as Kustomer sends them: each attribute that differs, with its op and values
/// (bookkeeping attributes left out).
fn changes(before: &Value, after: &Value) -> Value {
    let empty = Map::new();
    let attrs = |v: &Value| v.get("attributes").and_then(Value::as_object).cloned();
    let (old, new) = (
        attrs(before).unwrap_or_default(),
        attrs(after).unwrap_or_default(),
    );
    let mut out = Map::new();
    for (name, value) in &new {
        if ["updatedAt", "modifiedAt", "rev"].contains(&name.as_str()) {
            continue;
        }
        match old.get(name) {
            Some(previous) if previous == value => {}
            Some(previous) => {
                out.insert(
                    name.clone(),
                    json!({"op": "replace", "before": previous, "after": value}),
                );
            }
            None => {
                out.insert(name.clone(), json!({"op": "add", "after": value}));
            }
        }
    }
    for (name, previous) in old.iter().filter(|(k, _)| !new.contains_key(*k)) {
        out.insert(name.clone(), json!({"op": "remove", "before": previous}));
    }
    json!({"attributes": out, "relationships": empty})
}

impl Store {
    /// Records a delivery of `kustomer.<kind>.<action>` to every enabled webhook registered for
    /// it; `before` is the record before an update.
    pub(crate) fn emit(&mut self, kind: &str, action: &str, before: Option<&Value>, after: &Value) {
        self.ledger(kind, action, before.map(|b| changes(b, after)), after);
        let name = format!("kustomer.{kind}.{action}");
        let hooks: Vec<Value> = self
            .records("outbound-webhooks")
            .filter(|h| {
                h.pointer("/attributes/enabled") == Some(&Value::Bool(true))
                    && h.pointer("/attributes/events")
                        .and_then(Value::as_array)
                        .is_some_and(|events| events.iter().any(|e| e.as_str() == Some(&name)))
            })
            .cloned()
            .collect();
        if hooks.is_empty() {
            return;
        }
        let id = self.next_id();
        let now = self.now();
        let mut envelope = json!({"id": id, "name": name, "org": crate::ORG_ID, "orgName": "acme",
            "partition": after.get("id"), "data": after, "createdAt": now, "persist": true,
            "client": "kustomer-rs fake"});
        if let (Some(before), Some(map)) = (before, envelope.as_object_mut()) {
            map.insert("changes".into(), changes(before, after));
        }
        let body = envelope.to_string().into_bytes();
        for hook in hooks {
            let attribute = |k: &str| {
                hook.pointer(&format!("/attributes/{k}"))
                    .and_then(Value::as_str)
            };
            let (Some(url), Some(token)) = (attribute("url"), attribute("token")) else {
                continue;
            };
            let mut headers = vec![
                (
                    "x-kustomer-webhook-signature".to_owned(),
                    sign(token, &body),
                ),
                ("x-kustomer-webhook-event".to_owned(), name.clone()),
                ("content-type".to_owned(), "application/json".to_owned()),
            ];
            for custom in hook
                .pointer("/attributes/headers")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let (Some(k), Some(v)) = (
                    custom.get("name").and_then(Value::as_str),
                    custom.get("value").and_then(Value::as_str),
                ) {
                    headers.push((k.to_ascii_lowercase(), v.to_owned()));
                }
            }
            let delivery = WebhookDelivery {
                url: url.to_owned(),
                event: name.clone(),
                headers,
                body: body.clone(),
            };
            self.deliveries.push(delivery.clone());
            self.outbox.push(delivery);
        }
    }
}

/// Posts deliveries whose URL's host is loopback, over plain HTTP: register a receiver as
/// `http://127.0.0.1:<port>/…` (the library accepts plain http for loopback); an `https://`
/// loopback URL is reached over plain HTTP too, since the fake has no TLS. Each delivery goes
/// from a thread of its own so that no request of the API waits for a receiver. Other hosts
/// are never contacted.
pub(crate) fn post_to_loopback(deliveries: Vec<WebhookDelivery>) {
    for delivery in deliveries {
        let Ok(uri) = delivery.url.parse::<http::Uri>() else {
            continue;
        };
        let host = uri.host().unwrap_or_default().trim_matches(['[', ']']);
        let loopback =
            host == "localhost" || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
        let Some(port) = uri.port_u16().filter(|_| loopback) else {
            continue;
        };
        let path = uri.path_and_query().map_or("/", |p| p.as_str());
        let target = format!("http://{}:{port}{path}", uri.host().unwrap_or_default());
        std::thread::spawn(move || {
            let mut request = ureq::post(&target);
            for (name, value) in &delivery.headers {
                request = request.header(name, value);
            }
            // A receiver that is down or refuses is the test's to notice; the fake goes on.
            let _ = request.send(&delivery.body[..]);
        });
    }
}
